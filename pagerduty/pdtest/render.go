package pdtest

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// span is a time on call: [Start, End) for one user.
type span struct {
	UserID string
	Start  time.Time
	End    time.Time
}

// maxRenderSpan bounds how far a schedule is rendered, whatever the
// window asked for.
const maxRenderSpan = 400 * 24 * time.Hour

// renderLayer returns the shifts of a layer inside [since, until), with its
// restrictions applied, in time order. Adjacent shifts of the same user
// are merged.
func renderLayer(l *ScheduleLayer, loc *time.Location, since, until time.Time) []span {
	if len(l.UserIDs) == 0 || l.RotationTurnLengthSeconds <= 0 {
		return nil
	}
	lo, hi := since, until
	if l.Start.After(lo) {
		lo = l.Start
	}
	if l.End != nil && l.End.Before(hi) {
		hi = *l.End
	}
	if !lo.Before(hi) {
		return nil
	}
	if hi.Sub(lo) > maxRenderSpan {
		hi = lo.Add(maxRenderSpan)
	}
	turn := time.Duration(l.RotationTurnLengthSeconds) * time.Second
	if turn <= 0 || turn/time.Second != time.Duration(l.RotationTurnLengthSeconds) {
		return nil // overflowed: no such rotation can be rendered
	}
	v := l.RotationVirtualStart
	k := floorDiv(lo.Sub(v), turn)
	var out []span
	for ; ; k++ {
		s := v.Add(time.Duration(k) * turn)
		if !s.Before(hi) {
			break
		}
		e := s.Add(turn)
		s, e = maxTime(s, lo), minTime(e, hi)
		if !s.Before(e) {
			continue
		}
		n := int64(len(l.UserIDs))
		user := l.UserIDs[((k%n)+n)%n]
		for _, part := range restrict(l.Restrictions, loc, s, e) {
			out = appendMerged(out, span{UserID: user, Start: part[0], End: part[1]})
		}
	}
	return out
}

func floorDiv(d, unit time.Duration) int64 {
	q := int64(d / unit)
	if d%unit != 0 && d < 0 {
		q--
	}
	return q
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func appendMerged(out []span, s span) []span {
	if n := len(out); n > 0 && out[n-1].UserID == s.UserID && out[n-1].End.Equal(s.Start) {
		out[n-1].End = s.End
		return out
	}
	return append(out, s)
}

// restrict cuts [s, e) to the windows the restrictions allow. No
// restriction allows everything.
func restrict(rs []Restriction, loc *time.Location, s, e time.Time) [][2]time.Time {
	if len(rs) == 0 {
		return [][2]time.Time{{s, e}}
	}
	var wins [][2]time.Time
	for _, r := range rs {
		h, m, sec := parseTimeOfDay(r.StartTimeOfDay)
		dur := time.Duration(r.DurationSeconds) * time.Second
		// Walk the days (or weeks) from a little before s to e.
		day := time.Date(s.In(loc).Year(), s.In(loc).Month(), s.In(loc).Day(), 0, 0, 0, 0, loc).AddDate(0, 0, -8)
		for ; day.Before(e); day = day.AddDate(0, 0, 1) {
			if r.Type == "weekly_restriction" {
				wd := int(day.Weekday())
				if wd == 0 {
					wd = 7
				}
				if wd != r.StartDayOfWeek {
					continue
				}
			}
			ws := time.Date(day.Year(), day.Month(), day.Day(), h, m, sec, 0, loc)
			we := ws.Add(dur)
			a, b := maxTime(ws, s), minTime(we, e)
			if a.Before(b) {
				wins = append(wins, [2]time.Time{a, b})
			}
		}
	}
	slices.SortFunc(wins, func(a, b [2]time.Time) int { return a[0].Compare(b[0]) })
	var out [][2]time.Time
	for _, w := range wins {
		if n := len(out); n > 0 && !w[0].After(out[n-1][1]) {
			out[n-1][1] = maxTime(out[n-1][1], w[1])
			continue
		}
		out = append(out, w)
	}
	return out
}

func parseTimeOfDay(s string) (h, m, sec int) {
	parts := strings.Split(s, ":")
	vals := []*int{&h, &m, &sec}
	for i := 0; i < len(parts) && i < 3; i++ {
		*vals[i], _ = strconv.Atoi(parts[i])
	}
	return
}

// renderOverrides returns the overrides inside [since, until), clipped.
func renderOverrides(sc *Schedule, since, until time.Time) []span {
	var out []span
	for _, o := range sc.Overrides {
		s, e := maxTime(o.Start, since), minTime(o.End, until)
		if s.Before(e) {
			out = append(out, span{UserID: o.UserID, Start: s, End: e})
		}
	}
	slices.SortStableFunc(out, func(a, b span) int { return a.Start.Compare(b.Start) })
	return out
}

// renderFinal returns who is on call in [since, until): overrides over the
// last layer over the earlier ones.
func renderFinal(sc *Schedule, loc *time.Location, since, until time.Time) []span {
	levels := make([][]span, 0, len(sc.Layers)+1)
	for i := range sc.Layers {
		levels = append(levels, renderLayer(&sc.Layers[i], loc, since, until))
	}
	levels = append(levels, renderOverrides(sc, since, until))
	// Cut the window at every boundary, then pick the highest level that
	// covers each piece.
	cuts := []time.Time{since, until}
	for _, lv := range levels {
		for _, s := range lv {
			cuts = append(cuts, s.Start, s.End)
		}
	}
	slices.SortFunc(cuts, func(a, b time.Time) int { return a.Compare(b) })
	cuts = slices.CompactFunc(cuts, func(a, b time.Time) bool { return a.Equal(b) })
	var out []span
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a.Before(since) || b.After(until) {
			continue
		}
		for lv := len(levels) - 1; lv >= 0; lv-- {
			if u := coveredBy(levels[lv], a); u != "" {
				out = appendMerged(out, span{UserID: u, Start: a, End: b})
				break
			}
		}
	}
	return out
}

func coveredBy(spans []span, t time.Time) string {
	// spans are in time order and do not overlap within a level, except
	// overlapping overrides, where the last one wins.
	user := ""
	for _, s := range spans {
		if s.Start.After(t) {
			break
		}
		if t.Before(s.End) {
			user = s.UserID
		}
	}
	return user
}

// location returns the time zone of a schedule, loading each zone once.
// An unknown name counts as UTC.
func (st *state) location(name string) *time.Location {
	if name == "" || name == "UTC" {
		return time.UTC
	}
	if loc, ok := st.locs[name]; ok {
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	if st.locs == nil {
		st.locs = map[string]*time.Location{}
	}
	st.locs[name] = loc
	return loc
}

// onCallAt returns the user on call on the schedule at t, or "".
func onCallAt(sc *Schedule, loc *time.Location, t time.Time) string {
	spans := renderFinal(sc, loc, t, t.Add(time.Second))
	if len(spans) == 0 {
		return ""
	}
	return spans[0].UserID
}

// coverage is the share of [since, until) that spans cover, in percent.
func coverage(spans []span, since, until time.Time) float64 {
	total := until.Sub(since)
	if total <= 0 {
		return 0
	}
	var d time.Duration
	for _, s := range spans {
		d += s.End.Sub(s.Start)
	}
	return float64(int(float64(d)/float64(total)*10000)) / 100
}
