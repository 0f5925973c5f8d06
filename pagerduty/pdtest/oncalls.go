package pdtest

import (
	"slices"
	"time"
)

// oncallQuery selects on-call entries.
type oncallQuery struct {
	since, until time.Time
	userIDs      []string
	epIDs        []string
	scheduleIDs  []string
	earliest     bool
}

// oncalls derives the on-call entries of every escalation policy over the
// query's window: a directly targeted user is always on call (no start or
// end), a targeted schedule gives the shifts of its final schedule that
// overlap the window, whole (not clipped to the window).
func (st *state) oncalls(q oncallQuery) []oncall {
	until := q.until
	if !until.After(q.since) {
		until = q.since.Add(time.Nanosecond)
	}
	const margin = 35 * 24 * time.Hour
	rendered := map[string][]span{}
	var out []oncall
	for _, ep := range st.eps {
		if len(q.epIDs) > 0 && !slices.Contains(q.epIDs, ep.ID) {
			continue
		}
		for li, r := range ep.Rules {
			for _, tg := range r.Targets {
				if tg.Type != "schedule" {
					if len(q.scheduleIDs) > 0 && !slices.Contains(q.scheduleIDs, "null") {
						continue
					}
					if len(q.userIDs) > 0 && !slices.Contains(q.userIDs, tg.ID) {
						continue
					}
					out = append(out, oncall{epID: ep.ID, level: li + 1, userID: tg.ID})
					continue
				}
				if len(q.scheduleIDs) > 0 && !slices.Contains(q.scheduleIDs, tg.ID) {
					continue
				}
				sc := st.schedByID[tg.ID]
				if sc == nil {
					continue
				}
				spans, ok := rendered[sc.ID]
				if !ok {
					spans = renderFinal(sc, st.location(sc.TimeZone), q.since.Add(-margin), until.Add(margin))
					rendered[sc.ID] = spans
				}
				for _, s := range spans {
					if !s.Start.Before(until) || !s.End.After(q.since) {
						continue
					}
					if len(q.userIDs) > 0 && !slices.Contains(q.userIDs, s.UserID) {
						continue
					}
					out = append(out, oncall{epID: ep.ID, level: li + 1, scheduleID: sc.ID, userID: s.UserID, start: s.Start, end: s.End})
				}
			}
		}
	}
	if q.earliest {
		seen := map[[3]any]bool{}
		kept := out[:0]
		for _, o := range out {
			k := [3]any{o.epID, o.level, o.userID}
			if !seen[k] {
				seen[k] = true
				kept = append(kept, o)
			}
		}
		out = kept
	}
	return out
}
