package insights

import (
	"fmt"
	"testing"
	"time"
)

func TestReliability(t *testing.T) {
	// A 14-day window: 336 h, 2 weeks.
	w := Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-15 00:00")}
	a1 := inc(t, "A1", "a", "2024-03-02 00:00", 1, 360) // high, 00:00-06:00
	a2 := inc(t, "A2", "a", "2024-03-02 03:00", 1, 360) // high, 03:00-09:00 (overlaps A1)
	a3 := inc(t, "A3", "a", "2024-03-03 00:00", 1, 600) // low: counts, but not in impact
	a3.Urgency = "low"
	c1 := inc(t, "C1", "c", "2024-03-14 00:00", -1, -1)   // high, open to the window's end: 24 h
	d1 := inc(t, "D1", "d", "2024-03-01 00:00", 1, 96*60) // high, 96 h
	r, err := Reliability([]Incident{a1, a2, a3, c1, d1}, ReliabilityOptions{
		Window:   w,
		Services: []ServiceRef{{ID: "b", Name: "B"}, {ID: "a", Name: "ignored, the incidents name it"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantNear(t, "weeks", r.Weeks, 2)
	byID := map[string]ServiceScore{}
	for _, s := range r.Services {
		byID[s.ID] = s
	}
	// A: high 2 -> 1 per week; low 1 -> 0.5 per week; frequency penalty
	// 10*1 + 2*0.5 = 11. Impact: 00:00-09:00 joined = 9 h; 9/336 =
	// 2.678571...%; penalty 600 * 9/336 = 16.0714...; score 100 - 11 -
	// 16.0714 = 72.93 -> 72.9.
	a := byID["a"]
	wantNear(t, "A frequency penalty", a.FrequencyPenalty, 11)
	wantNear(t, "A impact hours", a.ImpactHours, 9)
	wantNear(t, "A impact percent", a.ImpactPercent, 100*9.0/336)
	wantNear(t, "A impact penalty", a.ImpactPenalty, 600*9.0/336)
	wantNear(t, "A score", a.Score, 72.9)
	if a.Incidents != 3 || a.HighUrgency != 2 || a.LowUrgency != 1 || a.Name != "A" {
		t.Errorf("A = %+v", a)
	}
	// C: 1 high -> 0.5 per week -> 5; impact 24/336 -> 600*24/336 =
	// 42.857; score 52.142857 -> 52.1.
	wantNear(t, "C score", byID["c"].Score, 52.1)
	// D: 1 high -> 5; impact 96/336 = 28.6% -> capped at 60; score 35.
	wantNear(t, "D impact penalty", byID["d"].ImpactPenalty, 60)
	wantNear(t, "D score", byID["d"].Score, 35)
	// B: listed, no incidents: 100.
	wantNear(t, "B score", byID["b"].Score, 100)
	if byID["b"].Name != "B" {
		t.Errorf("B name = %q", byID["b"].Name)
	}
	// Lowest first: D, C, A, B.
	order := ""
	for _, s := range r.Services {
		order += s.ID
	}
	if order != "dcab" {
		t.Errorf("order = %s, want dcab", order)
	}
}

func TestReliabilityFrequencyCap(t *testing.T) {
	// 10 high-urgency incidents of one minute in one week: 10 per week ->
	// 100, capped at 40. Impact 10 min of 168 h: 600 * (10/60)/168 =
	// 0.595...; score 100 - 40 - 0.595 = 59.40 -> 59.4.
	w := Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}
	var incs []Incident
	for i := range 10 {
		c := w.Start.Add(time.Duration(i) * time.Hour)
		incs = append(incs, Incident{ID: fmt.Sprint("I", i), ServiceID: "a", Urgency: "high", CreatedAt: c, ResolvedAt: c.Add(time.Minute)})
	}
	r, err := Reliability(incs, ReliabilityOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Services[0]
	wantNear(t, "frequency penalty", s.FrequencyPenalty, 40)
	wantNear(t, "score", s.Score, 59.4)
}

func TestReliabilityNeedsWindow(t *testing.T) {
	if _, err := Reliability(nil, ReliabilityOptions{}); err == nil {
		t.Error("no window: no error")
	}
	r, err := Reliability(nil, ReliabilityOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Services) != 0 {
		t.Errorf("services = %+v, want none", r.Services)
	}
}
