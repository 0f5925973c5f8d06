package insights

import (
	"cmp"
	"math"
	"time"
)

// ReliabilityOptions selects the window of a reliability computation and the
// services to score.
type ReliabilityOptions struct {
	// Window is required: rates are per week of it, and impact is a share
	// of it.
	Window Window
	// Truncated tells the report that the incidents given are not all
	// there are.
	Truncated bool
	// AsOf is the time open incidents are counted to (within the window);
	// zero means the window's end.
	AsOf time.Time
	// Services are scored even without incidents (they score 100), and
	// their names fill in what the incidents lack.
	Services []ServiceRef
}

// ServiceRef names a service.
type ServiceRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// ReliabilityReport scores each service from 0 to 100.
type ReliabilityReport struct {
	Data   DataUsed `json:"data"`
	Method string   `json:"method"`
	// Weeks is the window's length in weeks (hours / 168).
	Weeks float64 `json:"weeks"`
	// Services is sorted by score, the lowest first, then by name.
	Services []ServiceScore `json:"services"`
}

// ServiceScore is one service's score, with every input of the formula.
type ServiceScore struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name,omitempty"`
	Incidents   int    `json:"incidents"`
	HighUrgency int    `json:"high_urgency"`
	// LowUrgency counts the other incidents (low or unknown urgency).
	LowUrgency  int     `json:"low_urgency"`
	HighPerWeek float64 `json:"high_per_week"`
	LowPerWeek  float64 `json:"low_per_week"`
	// ImpactHours is the time inside the window with at least one
	// high-urgency incident open; ImpactPercent is its share of the
	// window, times 100.
	ImpactHours      float64 `json:"impact_hours"`
	ImpactPercent    float64 `json:"impact_percent"`
	FrequencyPenalty float64 `json:"frequency_penalty"`
	ImpactPenalty    float64 `json:"impact_penalty"`
	// Score is 100 minus both penalties, rounded to one decimal.
	Score float64 `json:"score"`
}

// ReliabilityMethod states the reliability formula.
const ReliabilityMethod = "Per service, over incidents created in the window: weeks = window hours / 168; " +
	"high_per_week = high-urgency incidents / weeks; low_per_week = other incidents / weeks; " +
	"frequency_penalty = min(40, 10 x high_per_week + 2 x low_per_week); impact = hours of the window " +
	"with at least one high-urgency incident open (overlaps counted once; open incidents run to the " +
	"as-of time) / window hours; impact_penalty = min(60, 600 x impact), i.e. 6 points per 1% of the " +
	"window, all 60 at 10%; score = 100 - frequency_penalty - impact_penalty, rounded to one decimal. " +
	"A service with no incident scores 100."

// Reliability scores each service from 0 (worst) to 100 from its incident
// counts, high-urgency counts and the time high-urgency incidents were open
// over the window, showing every input of the formula
// (ReliabilityMethod).
func Reliability(incidents []Incident, opts ReliabilityOptions) (*ReliabilityReport, error) {
	w := opts.Window
	if err := w.check(); err != nil {
		return nil, err
	}
	kept, data, err := selectIncidents(incidents, IncidentOptions{Window: w, Truncated: opts.Truncated})
	if err != nil {
		return nil, err
	}
	asOf := cmp.Or(opts.AsOf, w.End)
	weeks := w.Duration().Hours() / 168
	r := &ReliabilityReport{Data: data, Method: ReliabilityMethod, Weeks: weeks, Services: []ServiceScore{}}
	groups := groupIncidents(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName })
	seen := map[string]*group{}
	for _, g := range groups {
		seen[g.id] = g
	}
	for _, s := range opts.Services {
		if g, ok := seen[s.ID]; ok {
			g.name = cmp.Or(g.name, s.Name)
			continue
		}
		g := &group{id: s.ID, name: s.Name}
		seen[s.ID] = g
		groups = append(groups, g)
	}
	for _, g := range groups {
		s := ServiceScore{ID: g.id, Name: g.name, Incidents: len(g.incs)}
		var open []interval
		for _, inc := range g.incs {
			if inc.Urgency != "high" {
				s.LowUrgency++
				continue
			}
			s.HighUrgency++
			end := inc.ResolvedAt
			if end.IsZero() {
				end = asOf
			}
			if iv, ok := clip(interval{inc.CreatedAt, end}, w); ok && !end.IsZero() {
				open = append(open, iv)
			}
		}
		var impact time.Duration
		for _, iv := range merge(open) {
			impact += iv.dur()
		}
		s.HighPerWeek = float64(s.HighUrgency) / weeks
		s.LowPerWeek = float64(s.LowUrgency) / weeks
		s.ImpactHours = hours(impact)
		share := float64(impact) / float64(w.Duration())
		s.ImpactPercent = 100 * share
		s.FrequencyPenalty = math.Min(40, 10*s.HighPerWeek+2*s.LowPerWeek)
		s.ImpactPenalty = math.Min(60, 600*share)
		s.Score = math.Max(0, math.Round(10*(100-s.FrequencyPenalty-s.ImpactPenalty))/10)
		r.Services = append(r.Services, s)
	}
	sortStable(r.Services, func(a, b ServiceScore) bool {
		if a.Score != b.Score {
			return a.Score < b.Score
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) < 0
	})
	return r, nil
}
