package insights

import (
	"slices"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestShiftsFromOnCalls(t *testing.T) {
	start, end := utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")
	got := ShiftsFromOnCalls([]pagerduty.OnCall{
		{User: &pagerduty.User{ID: "U1", Name: "Ann", TimeZone: "Europe/Berlin"}, Schedule: &pagerduty.Schedule{ID: "S1"}, EscalationLevel: 1, Start: start, End: end},
		{User: &pagerduty.User{ID: "U2", Summary: "Bob"}, EscalationLevel: 2}, // targeted directly: permanent
		{EscalationLevel: 3}, // no user: skipped
	})
	want := []Shift{
		{UserID: "U1", UserName: "Ann", TimeZone: "Europe/Berlin", Start: start, End: end, ScheduleID: "S1", Level: 1},
		{UserID: "U2", UserName: "Bob", Level: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("shifts = %+v\nwant %+v", got, want)
	}
	// The permanent entry covers the whole window.
	r, err := CoverageGaps(got, CoverageOptions{Window: Window{start, end.Add(24 * time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Gaps) != 0 {
		t.Errorf("gaps = %v, want none", gapsString(r.Gaps))
	}
}

func TestShiftsFromSchedule(t *testing.T) {
	start, end := utc(t, "2024-03-01 00:00"), utc(t, "2024-03-01 12:00")
	s := &pagerduty.Schedule{ID: "S1", TimeZone: "America/New_York", FinalSchedule: &pagerduty.SubSchedule{
		RenderedScheduleEntries: []pagerduty.ScheduleEntry{
			{User: &pagerduty.Reference{ID: "U1", Summary: "Ann"}, Start: start, End: end},
			{Start: end, End: end.Add(time.Hour)}, // nobody: a gap, not a shift
		},
	}}
	got := ShiftsFromSchedule(s)
	want := []Shift{{UserID: "U1", UserName: "Ann", TimeZone: "America/New_York", Start: start, End: end, ScheduleID: "S1"}}
	if !slices.Equal(got, want) {
		t.Errorf("shifts = %+v\nwant %+v", got, want)
	}
	if ShiftsFromSchedule(nil) != nil || ShiftsFromSchedule(&pagerduty.Schedule{}) != nil {
		t.Error("a schedule without a final schedule gave shifts")
	}
	users := UsersFromPagerDuty([]pagerduty.User{{ID: "U1", Name: "Ann", TimeZone: "Asia/Tokyo"}})
	if len(users) != 1 || users[0] != (User{ID: "U1", Name: "Ann", TimeZone: "Asia/Tokyo"}) {
		t.Errorf("users = %+v", users)
	}
}

func TestIncidentsFromPagerDuty(t *testing.T) {
	created := utc(t, "2024-03-01 10:00")
	user := func(id string) *pagerduty.Reference { return &pagerduty.Reference{ID: id, Type: "user_reference"} }
	service := &pagerduty.Reference{ID: "SVC", Type: "service_reference"}
	incs := []pagerduty.Incident{{
		// Resolved by a person: its acknowledgements are gone from the
		// incident, but the log keeps the first one (at +4, not +6).
		ID: "I1", Number: 7, Title: "DB down", Status: pagerduty.Resolved, Urgency: pagerduty.UrgencyHigh,
		CreatedAt: created, ResolvedAt: created.Add(30 * time.Minute),
		Service:     &pagerduty.Service{ID: "S1", Summary: "Database"},
		Teams:       []pagerduty.Team{{ID: "T1", Name: "DBA"}},
		Priority:    &pagerduty.Priority{ID: "P", Name: "P1"},
		AlertCounts: pagerduty.AlertCounts{All: 4},
		Responders:  []pagerduty.IncidentResponder{{State: "joined", User: user("U3")}, {State: "declined", User: user("U4")}},
	}, {
		// Acknowledged and open: the incident names its acknowledger and
		// assignee.
		ID: "I2", Status: pagerduty.Acknowledged, Urgency: pagerduty.UrgencyLow, CreatedAt: created,
		Acknowledgements: []pagerduty.Acknowledgement{{At: created.Add(2 * time.Minute), Acknowledger: &pagerduty.User{ID: "U1", Type: "user_reference"}}},
		Assignments:      []pagerduty.Assignment{{At: created, Assignee: &pagerduty.User{ID: "U1"}}, {At: created, Assignee: &pagerduty.User{ID: "U2"}}},
	}, {
		// Resolved by its service, with no log entries given.
		ID: "I3", Status: pagerduty.Resolved, CreatedAt: created, LastStatusChangeAt: created.Add(time.Minute), LastStatusChangeBy: service,
	}}
	logs := []pagerduty.LogEntry{
		{Type: "acknowledge_log_entry", CreatedAt: created.Add(6 * time.Minute), Agent: user("U2"), Incident: &pagerduty.Incident{ID: "I1"}},
		{Type: "acknowledge_log_entry", CreatedAt: created.Add(4 * time.Minute), Agent: user("U1"), Incident: &pagerduty.Incident{ID: "I1"}},
		{Type: "resolve_log_entry", CreatedAt: created.Add(30 * time.Minute), Agent: user("U1"), Incident: &pagerduty.Incident{ID: "I1"}},
		{Type: "escalate_log_entry", CreatedAt: created.Add(3 * time.Minute), Incident: &pagerduty.Incident{ID: "I1"}},
		{Type: "notify_log_entry", CreatedAt: created}, // no incident
	}
	got := IncidentsFromPagerDuty(incs, logs)
	if len(got) != 3 {
		t.Fatalf("got %d incidents, want 3", len(got))
	}
	i1 := got[0]
	if i1.ServiceID != "S1" || i1.ServiceName != "Database" || i1.TeamName != "DBA" || i1.Priority != "P1" || i1.Alerts != 4 || i1.Number != 7 || i1.Title != "DB down" || i1.Urgency != "high" {
		t.Errorf("I1 = %+v", i1)
	}
	if !i1.AcknowledgedAt.Equal(created.Add(4*time.Minute)) || i1.AutoResolved {
		t.Errorf("I1 acknowledged %v, auto-resolved %v; want +4 min by a person", i1.AcknowledgedAt, i1.AutoResolved)
	}
	if !slices.Equal(i1.Responders, []string{"U3", "U2", "U1"}) {
		t.Errorf("I1 responders = %v, want U3 (joined), U2, U1 (acknowledged)", i1.Responders)
	}
	i2 := got[1]
	if !i2.AcknowledgedAt.Equal(created.Add(2*time.Minute)) || !i2.ResolvedAt.IsZero() || !slices.Equal(i2.Responders, []string{"U1", "U2"}) {
		t.Errorf("I2 = %+v", i2)
	}
	i3 := got[2]
	if !i3.AutoResolved || !i3.ResolvedAt.Equal(created.Add(time.Minute)) || i3.acked() {
		t.Errorf("I3 = %+v, want auto-resolved at +1 min, never acknowledged", i3)
	}

	events := EventsFromLogEntries(logs)
	if len(events) != 4 || events[3] != (LogEvent{IncidentID: "I1", Kind: EventEscalate, At: created.Add(3 * time.Minute)}) {
		t.Errorf("events = %+v", events)
	}
	// I1 escalated at +3 and was first acknowledged at +4: not at the
	// first level, 1 minute after the escalation.
	r, err := Escalations(got, events, IncidentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.AckedAtFirstLevel != 0 || !near(r.Overall.AckAfterEscalation.Mean, 1) {
		t.Errorf("escalations = %+v", r.Overall)
	}
}

func TestIncidentsFromAnalytics(t *testing.T) {
	created := utc(t, "2024-03-01 10:00")
	raw := []pagerduty.RawIncident{{
		ID: "I1", IncidentNumber: 3, Description: "CPU", Status: "resolved", Urgency: pagerduty.UrgencyHigh,
		CreatedAt: pagerduty.LooseTime{Time: created}, ResolvedAt: pagerduty.LooseTime{Time: created.Add(time.Hour)},
		ServiceID: "S1", ServiceName: "Web", TeamID: "T1", TeamName: "Ops", PriorityName: "P2",
		AcknowledgementCount: 1, SecondsToFirstAck: 90,
		AcknowledgedUserIDs: []string{"U1"}, AssignedUserIDs: []string{"U1", "U2"}, JoinedUserIDs: []string{"U3"},
	}, {
		ID: "I2", Status: "resolved", AutoResolved: true,
		CreatedAt: pagerduty.LooseTime{Time: created}, SecondsToResolve: 120,
	}}
	got := IncidentsFromAnalytics(raw)
	i1 := got[0]
	if !i1.AcknowledgedAt.Equal(created.Add(90*time.Second)) || !i1.ResolvedAt.Equal(created.Add(time.Hour)) ||
		!slices.Equal(i1.Responders, []string{"U1", "U2", "U3"}) || i1.Priority != "P2" || i1.TeamName != "Ops" || i1.Title != "CPU" {
		t.Errorf("I1 = %+v", i1)
	}
	i2 := got[1]
	if i2.acked() || !i2.AutoResolved || !i2.ResolvedAt.Equal(created.Add(2*time.Minute)) {
		t.Errorf("I2 = %+v, want never acknowledged, auto-resolved at +2 min", i2)
	}
}
