package insights

import (
	"cmp"
	"slices"
	"time"
)

// Bucket is the length of a trend period.
type Bucket string

// The trend periods. Weeks start on Monday; all periods start at local
// midnight in the report's time zone.
const (
	Day   Bucket = "day"
	Week  Bucket = "week"
	Month Bucket = "month"
)

// maxBuckets bounds a trend, so that a long window with daily buckets gets a
// clear error instead of a huge answer.
const maxBuckets = 1000

// ResponseOptions selects the incidents and the trend of a response
// statistics computation. The zero value summarises every incident given,
// with no trend.
type ResponseOptions struct {
	IncidentOptions
	// Bucket, when set, adds a trend: the incidents of each day, week or
	// month of the window (or of the span of the incidents when there is
	// no window), empty periods included.
	Bucket Bucket
	// TimeZone is the IANA zone periods are cut in; UTC when empty.
	TimeZone string
}

// ResponseReport holds response statistics overall, per service, per team
// and per period.
type ResponseReport struct {
	Data   DataUsed `json:"data"`
	Method string   `json:"method"`
	// Overall covers every incident in the window.
	Overall ResponseGroup `json:"overall"`
	// Services and Teams are sorted by name, then ID; incidents without a
	// service or team fall in a group with an empty ID.
	Services []ResponseGroup `json:"services"`
	Teams    []ResponseGroup `json:"teams"`
	// Bucket and TimeZone say how Trend was cut.
	Bucket   Bucket        `json:"bucket,omitempty"`
	TimeZone string        `json:"time_zone,omitempty"`
	Trend    []TrendBucket `json:"trend,omitempty"`
}

// ResponseGroup is the response statistics of a set of incidents.
type ResponseGroup struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Incidents counts the group's incidents; HighUrgency, Acknowledged,
	// Resolved and Open count subsets of them. NeverAcknowledged counts
	// resolved incidents that were never acknowledged.
	Incidents         int `json:"incidents"`
	HighUrgency       int `json:"high_urgency"`
	Acknowledged      int `json:"acknowledged"`
	Resolved          int `json:"resolved"`
	Open              int `json:"open"`
	NeverAcknowledged int `json:"never_acknowledged"`
	// TimeToAcknowledge (MTTA and its spread) measures the acknowledged
	// incidents; TimeToResolve (MTTR) the resolved ones.
	TimeToAcknowledge DurationStats `json:"time_to_acknowledge"`
	TimeToResolve     DurationStats `json:"time_to_resolve"`
}

// TrendBucket is the response statistics of the incidents created in one
// period.
type TrendBucket struct {
	// Label is the period's first day (YYYY-MM-DD), or its month (YYYY-MM).
	Label string    `json:"label"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	ResponseGroup
}

// ResponseMethod describes the response statistics.
const ResponseMethod = "Incidents count when created inside the window. Time to acknowledge is first " +
	"acknowledgement minus creation, over acknowledged incidents only; time to resolve is resolution " +
	"minus creation, over resolved incidents only (open ones are counted as open, not measured). " +
	"MTTA and MTTR are the means. " + PercentileMethod

// ResponseStats computes MTTA and MTTR (mean, median, 90th and 95th
// percentiles, minimum and maximum) and counts, overall, per service, per
// team and, when asked, per day, week or month. ResponseMethod states the
// rules.
func ResponseStats(incidents []Incident, opts ResponseOptions) (*ResponseReport, error) {
	kept, data, err := selectIncidents(incidents, opts.IncidentOptions)
	if err != nil {
		return nil, err
	}
	r := &ResponseReport{
		Data:     data,
		Method:   ResponseMethod,
		Overall:  responseGroup("", "", kept),
		Services: groupBy(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName }),
		Teams:    groupBy(kept, func(i *Incident) (string, string) { return i.TeamID, i.TeamName }),
	}
	if opts.Bucket != "" {
		zs := zones{}
		loc, err := zs.load(opts.TimeZone)
		if err != nil {
			return nil, err
		}
		r.Bucket, r.TimeZone = opts.Bucket, loc.String()
		if r.Trend, err = trend(kept, opts.Window, opts.Bucket, loc); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// responseGroup measures incs.
func responseGroup(id, name string, incs []*Incident) ResponseGroup {
	g := ResponseGroup{ID: id, Name: name, Incidents: len(incs)}
	tta := make([]time.Duration, 0, len(incs))
	ttr := make([]time.Duration, 0, len(incs))
	for _, inc := range incs {
		if inc.Urgency == "high" {
			g.HighUrgency++
		}
		if inc.acked() {
			g.Acknowledged++
			tta = append(tta, inc.tta())
		}
		if inc.resolved() {
			g.Resolved++
			ttr = append(ttr, inc.ttr())
			if !inc.acked() {
				g.NeverAcknowledged++
			}
		} else {
			g.Open++
		}
	}
	g.TimeToAcknowledge = durationStats(tta)
	g.TimeToResolve = durationStats(ttr)
	return g
}

// group is a set of incidents sharing a key.
type group struct {
	id, name string
	incs     []*Incident
}

// groupIncidents splits incs by key, sorted by name then ID.
func groupIncidents(incs []*Incident, key func(*Incident) (id, name string)) []*group {
	byID := map[string]*group{}
	var out []*group
	for _, inc := range incs {
		id, name := key(inc)
		g := byID[id]
		if g == nil {
			g = &group{id: id, name: name}
			byID[id] = g
			out = append(out, g)
		}
		if g.name == "" {
			g.name = name
		}
		g.incs = append(g.incs, inc)
	}
	slices.SortFunc(out, func(a, b *group) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	return out
}

func groupBy(incs []*Incident, key func(*Incident) (string, string)) []ResponseGroup {
	out := []ResponseGroup{}
	for _, g := range groupIncidents(incs, key) {
		out = append(out, responseGroup(g.id, g.name, g.incs))
	}
	return out
}

// trend cuts the span (the window, or the incidents' span) into periods
// and measures each.
func trend(incs []*Incident, w Window, b Bucket, loc *time.Location) ([]TrendBucket, error) {
	if b != Day && b != Week && b != Month {
		return nil, invalid("bucket %q is not one of day, week, month", b)
	}
	if w.IsZero() {
		if len(incs) == 0 {
			return []TrendBucket{}, nil
		}
		w.Start, w.End = incs[0].CreatedAt, incs[0].CreatedAt
		for _, inc := range incs {
			w.Start = minTime(w.Start, inc.CreatedAt)
			w.End = maxTime(w.End, inc.CreatedAt)
		}
		w.End = w.End.Add(time.Nanosecond)
	}
	var out []TrendBucket
	for s := periodStart(w.Start, b, loc); s.Before(w.End); s = periodNext(s, b) {
		if len(out) == maxBuckets {
			return nil, invalid("the window holds more than %d %s periods: choose a longer period (week or month) or a shorter window", maxBuckets, b)
		}
		label := s.Format(time.DateOnly)
		if b == Month {
			label = s.Format("2006-01")
		}
		out = append(out, TrendBucket{Label: label, Start: s, End: periodNext(s, b)})
	}
	members := make([][]*Incident, len(out))
	for _, inc := range incs {
		i, _ := slices.BinarySearchFunc(out, inc.CreatedAt, func(t TrendBucket, at time.Time) int {
			if !at.Before(t.End) {
				return -1
			}
			if at.Before(t.Start) {
				return 1
			}
			return 0
		})
		if i < len(out) {
			members[i] = append(members[i], inc)
		}
	}
	for i := range out {
		out[i].ResponseGroup = responseGroup("", "", members[i])
	}
	return out, nil
}

// periodStart is the start of the period holding t.
func periodStart(t time.Time, b Bucket, loc *time.Location) time.Time {
	d := dayStart(t, loc)
	switch b {
	case Week:
		back := (int(d.Weekday()) + 6) % 7 // days since Monday
		return time.Date(d.Year(), d.Month(), d.Day()-back, 0, 0, 0, 0, loc)
	case Month:
		return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, loc)
	}
	return d
}

// periodNext is the start of the period after the one starting at s.
func periodNext(s time.Time, b Bucket) time.Time {
	switch b {
	case Week:
		return time.Date(s.Year(), s.Month(), s.Day()+7, 0, 0, 0, 0, s.Location())
	case Month:
		return time.Date(s.Year(), s.Month()+1, 1, 0, 0, 0, 0, s.Location())
	}
	return nextDay(s)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
