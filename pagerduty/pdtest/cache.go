package pdtest

import (
	"encoding/json"
	"strconv"
	"time"
)

// Listing many incidents page after page is what benchmarks do, so the
// state keeps two caches, both dropped by any write: the JSON of each
// incident in its plain form (no include[], UTC), and the incidents that
// match a list query.
type caches struct {
	version  uint64 // bumped by every write
	jsonVer  uint64
	jsonBase string
	incJSON  map[*Incident][]byte
	listVer  uint64
	incLists map[string][]*Incident
}

// maxCachedLists bounds the number of list queries remembered.
const maxCachedLists = 32

// changed records a write: cached answers are stale.
func (st *state) changed() { st.cache.version++ }

// incidentJSON returns the encoded incident, from the cache when the
// rendering is the plain one.
func (c *rc) incidentJSON(inc *Incident) ([]byte, error) {
	plain := len(c.include) == 0 && c.loc == time.UTC
	ch := &c.st.cache
	if plain {
		if ch.jsonVer != ch.version || ch.jsonBase != c.base || ch.incJSON == nil {
			ch.incJSON, ch.jsonVer, ch.jsonBase = map[*Incident][]byte{}, ch.version, c.base
		}
		if b, ok := ch.incJSON[inc]; ok {
			return b, nil
		}
	}
	b, err := json.Marshal(c.incident(inc))
	if err != nil {
		return nil, err
	}
	if plain {
		ch.incJSON[inc] = b
	}
	return b, nil
}

// cachedList returns the incidents matching a query, computing them with
// match the first time.
func (st *state) cachedList(key string, match func() []*Incident) []*Incident {
	ch := &st.cache
	if ch.listVer != ch.version || ch.incLists == nil || len(ch.incLists) >= maxCachedLists {
		ch.incLists, ch.listVer = map[string][]*Incident{}, ch.version
	}
	if l, ok := ch.incLists[key]; ok {
		return l
	}
	l := match()
	ch.incLists[key] = l
	return l
}

// incidentPage encodes a page of incidents as the list answer, in one
// allocation of the right size.
func (c *rc) incidentPage(key string, incs []*Incident, pg page) ([]byte, error) {
	parts := make([][]byte, len(incs))
	size := 128 + len(key)
	for i, inc := range incs {
		b, err := c.incidentJSON(inc)
		if err != nil {
			return nil, err
		}
		parts[i] = b
		size += len(b) + 1
	}
	buf := make([]byte, 0, size)
	buf = append(buf, `{"`+key+`":[`...)
	for i, b := range parts {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, b...)
	}
	buf = append(buf, `],"offset":`...)
	buf = strconv.AppendInt(buf, int64(pg.Offset), 10)
	buf = append(buf, `,"limit":`...)
	buf = strconv.AppendInt(buf, int64(pg.Limit), 10)
	buf = append(buf, `,"more":`...)
	buf = strconv.AppendBool(buf, pg.More)
	buf = append(buf, `,"total":`...)
	if pg.Total != nil {
		buf = strconv.AppendInt(buf, int64(*pg.Total), 10)
	} else {
		buf = append(buf, "null"...)
	}
	return append(buf, "}\n"...), nil
}
