package insights

import (
	"errors"
	"testing"
	"time"
)

func TestSLA(t *testing.T) {
	targets := SLATargets{
		Default:    Target{Acknowledge: 5 * time.Minute, Resolve: 60 * time.Minute},
		ByUrgency:  map[string]Target{"low": {Acknowledge: 30 * time.Minute, Resolve: 240 * time.Minute}},
		ByPriority: map[string]Target{"P1": {Acknowledge: 2 * time.Minute, Resolve: 30 * time.Minute}},
	}
	a := inc(t, "A", "web", "2024-03-01 10:00", 3, 20) // P1: ack 3 > 2 (over 1), resolve 20 <= 30
	a.Priority = "P1"
	b := inc(t, "B", "web", "2024-03-01 11:00", 4, 90) // default: ack 4 <= 5, resolve 90 > 60 (over 30)
	c := inc(t, "C", "db", "2024-03-01 12:00", -1, 10) // low: no ack, resolved at 10 <= 30; resolve 10 <= 240
	c.Urgency = "low"
	d := inc(t, "D", "db", "2024-03-01 23:58", -1, -1) // open 2 min at the as-of time: both pending
	e := inc(t, "E", "db", "2024-03-01 22:00", -1, -1) // open 120 min: ack over 115, resolve over 60
	r, err := SLA([]Incident{a, b, c, d, e}, targets, IncidentOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	// Acknowledge: met B, C; breached A, E; pending D -> 2/4 = 50%.
	if r.Acknowledge.Met != 2 || r.Acknowledge.Breached != 2 || r.Acknowledge.Pending != 1 {
		t.Errorf("acknowledge = %+v, want 2 met, 2 breached, 1 pending", r.Acknowledge)
	}
	wantNear(t, "acknowledge rate", r.Acknowledge.Rate, 50)
	// Resolve: met A, C; breached B, E; pending D -> 50%.
	if r.Resolve.Met != 2 || r.Resolve.Breached != 2 || r.Resolve.Pending != 1 {
		t.Errorf("resolve = %+v, want 2 met, 2 breached, 1 pending", r.Resolve)
	}
	// Per incident: only C met everything; D is undecided -> 1/4 = 25%.
	if r.Incidents != 5 || r.Compliant != 1 {
		t.Errorf("incidents %d, compliant %d; want 5 and 1", r.Incidents, r.Compliant)
	}
	wantNear(t, "compliance", r.Rate, 25)
	// Breaches, largest overrun first: E ack 115, E resolve 60, B resolve
	// 30, A ack 1.
	want := []struct {
		id, kind, from string
		over           float64
		ongoing        bool
	}{{"E", "acknowledge", "default", 115, true}, {"E", "resolve", "default", 60, true}, {"B", "resolve", "default", 30, false}, {"A", "acknowledge", "priority P1", 1, false}}
	if len(r.Breaches) != len(want) {
		t.Fatalf("breaches = %+v, want %d", r.Breaches, len(want))
	}
	for i, w := range want {
		got := r.Breaches[i]
		if got.IncidentID != w.id || got.Kind != w.kind || got.TargetFrom != w.from || !near(got.OverMinutes, w.over) || got.Ongoing != w.ongoing {
			t.Errorf("breach %d = %+v, want %+v", i, got, w)
		}
	}
	wantNear(t, "A target", r.Breaches[3].TargetMinutes, 2)
	wantNear(t, "A actual", r.Breaches[3].ActualMinutes, 3)
	// Per service: DB (C, D, E) then WEB (A, B).
	if len(r.Services) != 2 || r.Services[0].ID != "db" || r.Services[0].Acknowledge.Met != 1 || r.Services[0].Acknowledge.Breached != 1 {
		t.Errorf("services = %+v", r.Services)
	}
	if !r.AsOf.Equal(utc(t, "2024-03-02 00:00")) {
		t.Errorf("as of = %v, want the window's end", r.AsOf)
	}
}

func TestSLAWithoutAsOfLeavesOpenIncidentsPending(t *testing.T) {
	e := inc(t, "E", "db", "2024-03-01 22:00", -1, -1)
	r, err := SLA([]Incident{e}, SLATargets{Default: Target{Acknowledge: time.Minute}}, IncidentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Acknowledge.Pending != 1 || len(r.Breaches) != 0 || r.Rate != 0 {
		t.Errorf("report = %+v, want the open incident pending", r)
	}
}

func TestSLAZeroIncidents(t *testing.T) {
	r, err := SLA(nil, SLATargets{Default: Target{Resolve: time.Hour}}, IncidentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Incidents != 0 || r.Rate != 0 || len(r.Breaches) != 0 || len(r.Services) != 0 {
		t.Errorf("report = %+v, want nothing", r)
	}
}

func TestSLARefusesBadTargets(t *testing.T) {
	for name, tg := range map[string]SLATargets{
		"none":         {},
		"negative":     {Default: Target{Acknowledge: -time.Minute}},
		"urgency name": {ByUrgency: map[string]Target{"urgent": {Resolve: time.Hour}}},
	} {
		if _, err := SLA(nil, tg, IncidentOptions{}); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
		}
	}
}
