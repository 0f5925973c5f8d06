package pdtest

import (
	"bytes"
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

// incidentPage encodes a page of incidents as the list answer.
func (c *rc) incidentPage(key string, incs []*Incident, pg page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(incs)*2048 + 128)
	buf.WriteString(`{"` + key + `":[`)
	for i, inc := range incs {
		if i > 0 {
			buf.WriteByte(',')
		}
		b, err := c.incidentJSON(inc)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
	}
	buf.WriteString(`],"offset":` + strconv.Itoa(pg.Offset) + `,"limit":` + strconv.Itoa(pg.Limit) + `,"more":` + strconv.FormatBool(pg.More) + `,"total":`)
	if pg.Total != nil {
		buf.WriteString(strconv.Itoa(*pg.Total))
	} else {
		buf.WriteString("null")
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}
