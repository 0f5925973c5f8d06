package insights

import (
	"slices"
	"time"
)

// DayParts says which local hours are night and which days are weekend.
// The zero value means night from 22:00 to 06:00 and a Saturday-Sunday
// weekend.
type DayParts struct {
	// NightStart and NightEnd are local hours of the day, 0 to 23. Night
	// runs from NightStart to NightEnd, across midnight when NightStart is
	// the later hour. Both zero means 22 and 6.
	NightStart int `json:"night_start"`
	NightEnd   int `json:"night_end"`
	// Weekend lists the weekend days; nil means Saturday and Sunday.
	Weekend []time.Weekday `json:"weekend,omitempty"`
}

// resolved returns the parts with the defaults filled in, or an error that
// says which value is out of range.
func (p DayParts) resolved() (DayParts, error) {
	if p.NightStart == 0 && p.NightEnd == 0 {
		p.NightStart, p.NightEnd = 22, 6
	}
	if p.NightStart < 0 || p.NightStart > 23 || p.NightEnd < 0 || p.NightEnd > 23 {
		return p, invalid("night hours must be between 0 and 23 (got start %d, end %d)", p.NightStart, p.NightEnd)
	}
	if p.NightStart == p.NightEnd {
		return p, invalid("night start and end are both %d: give two different hours, such as 22 and 6", p.NightStart)
	}
	if p.Weekend == nil {
		p.Weekend = []time.Weekday{time.Saturday, time.Sunday}
	}
	for _, d := range p.Weekend {
		if d < time.Sunday || d > time.Saturday {
			return p, invalid("weekend day %d is not a weekday (0 is Sunday, 6 is Saturday)", int(d))
		}
	}
	return p, nil
}

// zones loads IANA time zones once per computation.
type zones map[string]*time.Location

// load returns the zone named name, UTC for "".
func (z zones) load(name string) (*time.Location, error) {
	if name == "" {
		return time.UTC, nil
	}
	if loc, ok := z[name]; ok {
		return loc, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, invalid("unknown time zone %q: give an IANA name such as Europe/Berlin or America/New_York (%v)", name, err)
	}
	z[name] = loc
	return loc, nil
}

// dayStart is local midnight of the day holding t.
func dayStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

// nextDay is local midnight of the day after the one starting at d.
func nextDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, d.Location())
}

// overlap is the length of the intersection of [a0, a1) and [b0, b1).
func overlap(a0, a1, b0, b1 time.Time) time.Duration {
	if b0.After(a0) {
		a0 = b0
	}
	if b1.Before(a1) {
		a1 = b1
	}
	if !a1.After(a0) {
		return 0
	}
	return a1.Sub(a0)
}

// split measures iv day by day in loc: each local calendar day's night
// hours are built from that day's own wall clock (time.Date), so a 23- or
// 25-hour day around a daylight-saving change counts its real length.
func (p DayParts) split(iv interval, loc *time.Location) (night, weekend time.Duration) {
	for d := dayStart(iv.start, loc); d.Before(iv.end); d = nextDay(d) {
		n, w := p.day(iv, d)
		night += n
		weekend += w
	}
	return night, weekend
}

// day measures the part of iv inside the local day starting at d.
func (p DayParts) day(iv interval, d time.Time) (night, weekend time.Duration) {
	next := nextDay(d)
	at := func(h int) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), h, 0, 0, 0, d.Location()) }
	if p.NightStart > p.NightEnd {
		night = overlap(iv.start, iv.end, d, at(p.NightEnd)) + overlap(iv.start, iv.end, at(p.NightStart), next)
	} else {
		night = overlap(iv.start, iv.end, at(p.NightStart), at(p.NightEnd))
	}
	if slices.Contains(p.Weekend, d.Weekday()) {
		weekend = overlap(iv.start, iv.end, d, next)
	}
	return night, weekend
}
