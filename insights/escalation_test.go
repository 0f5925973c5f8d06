package insights

import (
	"testing"
	"time"
)

func TestEscalations(t *testing.T) {
	base := utc(t, "2024-03-01 10:00")
	ev := func(id string, k EventKind, min int) LogEvent {
		return LogEvent{IncidentID: id, Kind: k, At: base.Add(time.Duration(min) * time.Minute)}
	}
	incs := []Incident{
		{ID: "I1", ServiceID: "web", CreatedAt: base},
		{ID: "I2", ServiceID: "web", CreatedAt: base},
		{ID: "I3", ServiceID: "db", CreatedAt: base},
		{ID: "I4", ServiceID: "db", CreatedAt: base},
	}
	// Out of order on purpose.
	events := []LogEvent{
		ev("I1", EventEscalate, 30), // after the acknowledgement
		ev("I1", EventAcknowledge, 2),
		ev("I1", EventTrigger, 0),
		ev("I2", EventTrigger, 0), ev("I2", EventEscalate, 5), ev("I2", EventAcknowledge, 8),
		ev("I3", EventTrigger, 0), ev("I3", EventEscalate, 10), ev("I3", EventEscalate, 5), ev("I3", EventAcknowledge, 12),
		ev("I4", EventTrigger, 0), ev("I4", EventEscalate, 5), // never acknowledged
		ev("I9", EventEscalate, 1), // not one of the incidents
	}
	r, err := Escalations(incs, events, IncidentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := r.Overall
	// Acknowledged: I1, I2, I3. At the first level: I1 only (its
	// escalation came after) -> 1/4 = 25%. Escalated: all four; 5
	// escalations over 4 incidents = 1.25. After escalation: I2 8-5 = 3
	// min, I3 12-10 = 2 min -> mean 2.5.
	if o.Incidents != 4 || o.Acknowledged != 3 || o.AckedAtFirstLevel != 1 || o.Escalated != 4 || o.Escalations != 5 {
		t.Errorf("overall = %+v", o)
	}
	wantNear(t, "first level percent", o.FirstLevelPercent, 25)
	wantNear(t, "escalations per incident", o.EscalationsPerIncident, 1.25)
	wantNear(t, "ack after escalation", o.AckAfterEscalation.Mean, 2.5)
	if o.AckAfterEscalation.Count != 2 {
		t.Errorf("measured %d acknowledgements after escalation, want 2", o.AckAfterEscalation.Count)
	}
	if r.Data.LogEntries != len(events) {
		t.Errorf("log entries = %d, want %d", r.Data.LogEntries, len(events))
	}
	// Per service: db (I3, I4) first-level 0%; web (I1, I2) 50%.
	if len(r.Services) != 2 || r.Services[0].ID != "db" || r.Services[0].AckedAtFirstLevel != 0 || r.Services[1].AckedAtFirstLevel != 1 {
		t.Errorf("services = %+v", r.Services)
	}
	wantNear(t, "web first level", r.Services[1].FirstLevelPercent, 50)
}

func TestEscalationsWithoutEvents(t *testing.T) {
	r, err := Escalations([]Incident{{ID: "I1", CreatedAt: utc(t, "2024-03-01 10:00")}}, nil, IncidentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Overall; o.Incidents != 1 || o.Acknowledged != 0 || o.Escalated != 0 || o.FirstLevelPercent != 0 {
		t.Errorf("overall = %+v, want one incident, neither acknowledged nor escalated", o)
	}
	if _, err := Escalations(nil, []LogEvent{{IncidentID: "I1", Kind: EventEscalate}}, IncidentOptions{}); err == nil {
		t.Error("an event without a time: no error")
	}
}
