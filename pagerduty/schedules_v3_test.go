package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const scheduleV3Answer = `{"schedule": {"id": "PS3", "type": "schedule_v3", "name": "Eng", "time_zone": "UTC", "html_url": "https://x/PS3",
	"rotations": [{"id": "PROT1", "type": "schedule_rotation", "events": []}],
	"final_schedule": {"type": "final_schedule", "rendered_coverage_percentage": 75.5, "computed_shift_assignments": [
		{"type": "computed_shift_assignment", "start_time": "2025-03-03T09:00:00Z", "end_time": "2025-03-10T09:00:00Z",
		 "member": {"type": "user_member", "user_id": "PUSER1"}, "source": {"type": "schedule_rotation", "rotation_id": "PROT1"}}]},
	"http_cal_url": "https://x/cal.ics"}}`

func checkScheduleV3Answer(t *testing.T, got any) {
	t.Helper()
	s := got.(*pagerduty.ScheduleV3)
	if s.ID != "PS3" || len(s.Rotations) != 1 || s.Rotations[0].ID != "PROT1" || s.HTTPCalURL == "" {
		t.Fatalf("schedule = %+v", s)
	}
	f := s.FinalSchedule
	if f == nil || f.RenderedCoveragePercentage != 75.5 || len(f.ComputedShiftAssignments) != 1 {
		t.Fatalf("final schedule = %+v", f)
	}
	a := f.ComputedShiftAssignments[0]
	if a.Member != pagerduty.MemberUser("PUSER1") || a.Source.RotationID != "PROT1" || a.EndTime.Sub(a.StartTime) != 7*24*time.Hour {
		t.Errorf("assignment = %+v", a)
	}
}

const eventAnswer = `{"event": {"id": "PEV1", "type": "schedule_event", "name": "Weekly",
	"start_time": {"date_time": "2025-03-03T09:00:00Z", "time_zone": "America/New_York"},
	"end_time": {"date_time": "2025-03-10T09:00:00Z", "time_zone": "America/New_York"},
	"effective_since": "2025-03-03T00:00:00Z", "effective_until": null, "recurrence": ["RRULE:FREQ=WEEKLY"],
	"assignment_strategy": {"type": "rotating_member_assignment_strategy", "shifts_per_member": 2, "members": [{"type": "user_member", "user_id": "PUSER1"}, {"type": "empty_member"}]}}}`

func checkEventAnswer(t *testing.T, got any) {
	t.Helper()
	ev := got.(*pagerduty.RotationEvent)
	if ev.ID != "PEV1" || ev.StartTime.TimeZone != "America/New_York" || !ev.EffectiveUntil.IsZero() || ev.Recurrence[0] != "RRULE:FREQ=WEEKLY" {
		t.Errorf("event = %+v", ev)
	}
	a := ev.AssignmentStrategy
	if a.Type != pagerduty.RotatingMembers || a.ShiftsPerMember != 2 || len(a.Members) != 2 || a.Members[1].Type != pagerduty.EmptyMember {
		t.Errorf("assignment strategy = %+v", a)
	}
}

const customShiftAnswer = `{"custom_shift": {"id": "PCS1", "type": "custom_shift", "start_time": "2025-03-15T09:00:00Z", "end_time": "2025-03-15T17:00:00Z",
	"assignments": [{"id": "PSA1", "type": "shift_assignment", "member": {"type": "user_member", "user_id": "PUSER1"}}]}}`

func checkCustomShiftAnswer(t *testing.T, got any) {
	t.Helper()
	sh := got.(*pagerduty.CustomShift)
	if sh.ID != "PCS1" || sh.EndTime.Sub(sh.StartTime) != 8*time.Hour || len(sh.Assignments) != 1 || sh.Assignments[0].Member.UserID != "PUSER1" {
		t.Errorf("custom shift = %+v", sh)
	}
}

const overrideV3Answer = `{"override": {"id": "POV1", "type": "override_shift", "rotation_id": "PROT1", "start_time": "2025-03-15T09:00:00Z", "end_time": "2025-03-15T17:00:00Z",
	"overridden_member": {"type": "user_member", "user_id": "PUSER1"}, "overriding_member": {"type": "user_member", "user_id": "PUSER2"}}}`

func checkOverrideV3Answer(t *testing.T, got any) {
	t.Helper()
	o := got.(*pagerduty.OverrideShift)
	if o.ID != "POV1" || o.RotationID != "PROT1" || o.OverriddenMember.UserID != "PUSER1" || o.OverridingMember.UserID != "PUSER2" || o.StartTime.IsZero() {
		t.Errorf("override = %+v", o)
	}
}

// inner returns the object of a one-key JSON answer: {"k": X} -> X.
func inner(answer, key string) string {
	return answer[len(`{"`+key+`": `) : len(answer)-1]
}

func TestSchedulesV3Requests(t *testing.T) {
	since := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	until := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	start := time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)
	desc := "On call"
	window := &pagerduty.ListShiftsOptions{Since: since, Until: until, TimeZone: "UTC", Overflow: true}
	windowQuery := pageQuery("since", "2025-03-01T00:00:00Z", "until", "2025-03-31T00:00:00Z", "time_zone", "UTC", "overflow", "true")
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.SchedulesV3.List(ctx, &pagerduty.ListSchedulesV3Options{Query: "eng", TeamIDs: []string{"PTEAM1"}}))
			},
			answer: `{"schedules": [{"id": "PS3", "type": "schedule_v3_reference", "summary": "Eng", "html_url": "https://x"}], "more": false, "limit": 100, "offset": 0}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules", query: pageQuery("query", "eng", "team_ids[]", "PTEAM1")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.Reference); r.ID != "PS3" || r.Type != "schedule_v3_reference" || r.Summary != "Eng" {
					t.Errorf("reference = %+v", r)
				}
			},
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListPage(ctx, &pagerduty.ListSchedulesV3Options{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 20, Total: true}})
			},
			answer: `{"schedules": [], "more": true, "limit": 10, "offset": 20}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules", query: vals("limit", "10", "offset", "20", "total", "true")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.Reference]); !p.More || p.Offset != 20 {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "Get computes the final schedule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.Get(ctx, "PS3", &pagerduty.GetScheduleV3Options{Since: since, Until: until, TimeZone: "UTC", Overflow: true,
					Includes: []pagerduty.ScheduleV3Include{pagerduty.ScheduleV3IncludeFinalSchedule}})
			},
			answer: scheduleV3Answer,
			want: wantRequest{method: "GET", path: "/v3/schedules/PS3", query: vals("since", "2025-03-01T00:00:00Z", "until", "2025-03-31T00:00:00Z",
				"time_zone", "UTC", "overflow", "true", "include[]", "final_schedule")},
			check: checkScheduleV3Answer,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.Create(ctx, &pagerduty.ScheduleV3Params{Name: "Eng", TimeZone: "UTC", Description: &desc, TeamIDs: []string{"PTEAM1"}})
			},
			status: 201,
			answer: scheduleV3Answer,
			want: wantRequest{method: "POST", path: "/v3/schedules", body: `{"schedule": {"name": "Eng", "time_zone": "UTC", "description": "On call",
				"teams": [{"id": "PTEAM1", "type": "team_reference"}]}}`},
			check: checkScheduleV3Answer,
		},
		{
			name: "Update sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.Update(ctx, "PS3", &pagerduty.ScheduleV3Params{TimeZone: "Europe/Paris"})
			},
			answer: scheduleV3Answer,
			want:   wantRequest{method: "PUT", path: "/v3/schedules/PS3", body: `{"schedule": {"time_zone": "Europe/Paris"}}`},
			check:  checkScheduleV3Answer,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.SchedulesV3.Delete(ctx, "PS3")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/v3/schedules/PS3"},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.SchedulesV3.ListAuditRecords(ctx, "PS3", &pagerduty.ListAuditRecordsOptions{Since: since}))
			},
			answer: `{"records": [{"id": "PREC1", "execution_time": "2025-03-02T00:00:00Z", "method": {"type": "oauth"}, "root_resource": {"id": "PS3", "type": "schedule_v3_reference"}, "action": "update"}], "next_cursor": null}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/audit/records", query: vals("since", "2025-03-01T00:00:00Z")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.AuditRecord); r.ID != "PREC1" || r.Method.Type != pagerduty.AuditMethodOAuth {
					t.Errorf("record = %+v", r)
				}
			},
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListAuditRecordsPage(ctx, "PS3", nil)
			},
			answer: `{"records": [], "next_cursor": "c2", "limit": 10}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/audit/records"},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.AuditRecord]); p.NextCursor != "c2" {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "ListRotations",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.SchedulesV3.ListRotations(ctx, "PS3", &pagerduty.ListOptions{Limit: 5}))
			},
			answer: `{"rotations": [{"id": "PROT1", "type": "schedule_rotation", "events": [` + inner(eventAnswer, "event") + `]}], "more": false}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations", query: vals("limit", "5", "offset", "0")},
			check: func(t *testing.T, got any) {
				r := got.(pagerduty.Rotation)
				if r.ID != "PROT1" || len(r.Events) != 1 {
					t.Fatalf("rotation = %+v", r)
				}
				checkEventAnswer(t, &r.Events[0])
			},
		},
		{
			name: "ListRotationsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListRotationsPage(ctx, "PS3", &pagerduty.ListOptions{Offset: 25})
			},
			answer: `{"rotations": [{"id": "PROT2"}], "more": false, "offset": 25}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations", query: vals("offset", "25")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.Rotation]); len(p.Items) != 1 || p.Items[0].ID != "PROT2" {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "CreateRotation sends an empty object",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.CreateRotation(ctx, "PS3")
			},
			status: 201,
			answer: `{"rotation": {"id": "PROT1", "type": "schedule_rotation", "events": []}}`,
			want:   wantRequest{method: "POST", path: "/v3/schedules/PS3/rotations", body: `{}`},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.Rotation); r.ID != "PROT1" {
					t.Errorf("rotation = %+v", r)
				}
			},
		},
		{
			name: "GetRotation",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.GetRotation(ctx, "PS3", "PROT1", &pagerduty.SpanOptions{Since: since, Until: until})
			},
			answer: `{"rotation": {"id": "PROT1", "type": "schedule_rotation"}}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations/PROT1", query: vals("since", "2025-03-01T00:00:00Z", "until", "2025-03-31T00:00:00Z")},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.Rotation); r.ID != "PROT1" {
					t.Errorf("rotation = %+v", r)
				}
			},
		},
		{
			name: "DeleteRotation",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.SchedulesV3.DeleteRotation(ctx, "PS3", "PROT1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/v3/schedules/PS3/rotations/PROT1"},
		},
		{
			name: "ListEvents",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				ev, err := firstOf(c.SchedulesV3.ListEvents(ctx, "PS3", "PROT1", nil))
				return &ev, err
			},
			answer: `{"events": [` + inner(eventAnswer, "event") + `], "more": false}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations/PROT1/events", query: pageQuery()},
			check:  checkEventAnswer,
		},
		{
			name: "ListEventsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListEventsPage(ctx, "PS3", "PROT1", &pagerduty.ListOptions{Limit: 2})
			},
			answer: `{"events": [], "more": false, "limit": 2}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations/PROT1/events", query: vals("limit", "2")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.RotationEvent]); p.Limit != 2 {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "CreateEvent",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.CreateEvent(ctx, "PS3", "PROT1", &pagerduty.RotationEventParams{
					Name:           "Weekly",
					StartTime:      &pagerduty.ZonedDateTime{DateTime: time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC), TimeZone: "America/New_York"},
					EndTime:        &pagerduty.ZonedDateTime{DateTime: time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC), TimeZone: "America/New_York"},
					EffectiveSince: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC),
					Recurrence:     []string{"RRULE:FREQ=WEEKLY"},
					AssignmentStrategy: &pagerduty.EventAssignmentStrategy{Type: pagerduty.EveryMember,
						Members: []pagerduty.ShiftMember{pagerduty.MemberUser("PUSER1"), {Type: pagerduty.EmptyMember}}},
				})
			},
			status: 201,
			answer: eventAnswer,
			want: wantRequest{method: "POST", path: "/v3/schedules/PS3/rotations/PROT1/events", body: `{"event": {"name": "Weekly",
				"start_time": {"date_time": "2025-03-03T09:00:00Z", "time_zone": "America/New_York"},
				"end_time": {"date_time": "2025-03-10T09:00:00Z", "time_zone": "America/New_York"},
				"effective_since": "2025-03-03T00:00:00Z", "recurrence": ["RRULE:FREQ=WEEKLY"],
				"assignment_strategy": {"type": "every_member_assignment_strategy", "members": [{"type": "user_member", "user_id": "PUSER1"}, {"type": "empty_member"}]}}}`},
			check: checkEventAnswer,
		},
		{
			name: "GetEvent",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.GetEvent(ctx, "PS3", "PROT1", "PEV1", &pagerduty.SpanOptions{Until: until})
			},
			answer: eventAnswer,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/rotations/PROT1/events/PEV1", query: vals("until", "2025-03-31T00:00:00Z")},
			check:  checkEventAnswer,
		},
		{
			name: "UpdateEvent sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.UpdateEvent(ctx, "PS3", "PROT1", "PEV1", &pagerduty.RotationEventParams{EffectiveUntil: until})
			},
			answer: eventAnswer,
			want:   wantRequest{method: "PUT", path: "/v3/schedules/PS3/rotations/PROT1/events/PEV1", body: `{"event": {"effective_until": "2025-03-31T00:00:00Z"}}`},
			check:  checkEventAnswer,
		},
		{
			name: "UpdateEvent can clear the end of the recurrence",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.UpdateEvent(ctx, "PS3", "PROT1", "PEV1", &pagerduty.RotationEventParams{ClearEffectiveUntil: true})
			},
			answer: eventAnswer,
			want:   wantRequest{method: "PUT", path: "/v3/schedules/PS3/rotations/PROT1/events/PEV1", body: `{"event": {"effective_until": null}}`},
			check:  checkEventAnswer,
		},
		{
			name: "DeleteEvent",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.SchedulesV3.DeleteEvent(ctx, "PS3", "PROT1", "PEV1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/v3/schedules/PS3/rotations/PROT1/events/PEV1"},
		},
		{
			name: "ListCustomShifts",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				sh, err := firstOf(c.SchedulesV3.ListCustomShifts(ctx, "PS3", window))
				return &sh, err
			},
			answer: `{"custom_shifts": [` + inner(customShiftAnswer, "custom_shift") + `], "more": false}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/custom_shifts", query: windowQuery},
			check:  checkCustomShiftAnswer,
		},
		{
			name: "ListCustomShiftsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListCustomShiftsPage(ctx, "PS3", &pagerduty.ListShiftsOptions{Since: since, Until: until, ListOptions: pagerduty.ListOptions{Limit: 3}})
			},
			answer: `{"custom_shifts": [], "more": true}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/custom_shifts", query: vals("since", "2025-03-01T00:00:00Z", "until", "2025-03-31T00:00:00Z", "limit", "3")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.CustomShift]); !p.More {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "CreateCustomShifts",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				shifts, err := c.SchedulesV3.CreateCustomShifts(ctx, "PS3", []pagerduty.CustomShiftParams{{Start: start, End: start.Add(8 * time.Hour), Member: pagerduty.MemberUser("PUSER1")}})
				if err != nil || len(shifts) != 1 {
					return nil, err
				}
				return &shifts[0], nil
			},
			status: 201,
			answer: `{"custom_shifts": [` + inner(customShiftAnswer, "custom_shift") + `]}`,
			want: wantRequest{method: "POST", path: "/v3/schedules/PS3/custom_shifts", body: `{"custom_shifts": [{"type": "custom_shift",
				"start_time": "2025-03-15T09:00:00Z", "end_time": "2025-03-15T17:00:00Z",
				"assignments": [{"type": "shift_assignment", "member": {"type": "user_member", "user_id": "PUSER1"}}]}]}`},
			check: checkCustomShiftAnswer,
		},
		{
			name: "GetCustomShift",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.GetCustomShift(ctx, "PS3", "PCS1")
			},
			answer: customShiftAnswer,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/custom_shifts/PCS1"},
			check:  checkCustomShiftAnswer,
		},
		{
			name: "UpdateCustomShift sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.UpdateCustomShift(ctx, "PS3", "PCS1", pagerduty.CustomShiftParams{End: start.Add(9 * time.Hour)})
			},
			answer: customShiftAnswer,
			want:   wantRequest{method: "PUT", path: "/v3/schedules/PS3/custom_shifts/PCS1", body: `{"custom_shift": {"end_time": "2025-03-15T18:00:00Z"}}`},
			check:  checkCustomShiftAnswer,
		},
		{
			name: "DeleteCustomShift",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.SchedulesV3.DeleteCustomShift(ctx, "PS3", "PCS1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/v3/schedules/PS3/custom_shifts/PCS1"},
		},
		{
			name: "ListOverrides",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				o, err := firstOf(c.SchedulesV3.ListOverrides(ctx, "PS3", window))
				return &o, err
			},
			answer: `{"overrides": [` + inner(overrideV3Answer, "override") + `], "more": false}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/overrides", query: windowQuery},
			check:  checkOverrideV3Answer,
		},
		{
			name: "ListOverridesPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.ListOverridesPage(ctx, "PS3", &pagerduty.ListShiftsOptions{Since: since, Until: until})
			},
			answer: `{"overrides": [` + inner(overrideV3Answer, "override") + `], "more": false}`,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/overrides", query: vals("since", "2025-03-01T00:00:00Z", "until", "2025-03-31T00:00:00Z")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.OverrideShift])
				if len(p.Items) != 1 {
					t.Fatalf("page = %+v", p)
				}
				checkOverrideV3Answer(t, &p.Items[0])
			},
		},
		{
			name: "CreateOverrides",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				ovs, err := c.SchedulesV3.CreateOverrides(ctx, "PS3", []pagerduty.OverrideShiftParams{{CustomShiftID: "PCS1", Start: start, End: start.Add(8 * time.Hour),
					OverriddenMember: pagerduty.MemberUser("PUSER1"), OverridingMember: pagerduty.MemberUser("PUSER2")}})
				if err != nil || len(ovs) != 1 {
					return nil, err
				}
				return &ovs[0], nil
			},
			status: 201,
			answer: `{"overrides": [` + inner(overrideV3Answer, "override") + `]}`,
			want: wantRequest{method: "POST", path: "/v3/schedules/PS3/overrides", body: `{"overrides": [{"type": "override_shift", "custom_shift_id": "PCS1",
				"start_time": "2025-03-15T09:00:00Z", "end_time": "2025-03-15T17:00:00Z",
				"overridden_member": {"type": "user_member", "user_id": "PUSER1"}, "overriding_member": {"type": "user_member", "user_id": "PUSER2"}}]}`},
			check: checkOverrideV3Answer,
		},
		{
			name: "GetOverride",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.SchedulesV3.GetOverride(ctx, "PS3", "POV1")
			},
			answer: overrideV3Answer,
			want:   wantRequest{method: "GET", path: "/v3/schedules/PS3/overrides/POV1"},
			check:  checkOverrideV3Answer,
		},
		{
			name: "UpdateOverride sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				m := pagerduty.ShiftMember{Type: pagerduty.EmptyMember}
				return c.SchedulesV3.UpdateOverride(ctx, "PS3", "POV1", pagerduty.OverrideShiftUpdate{OverridingMember: &m})
			},
			answer: overrideV3Answer,
			want:   wantRequest{method: "PUT", path: "/v3/schedules/PS3/overrides/POV1", body: `{"override": {"overriding_member": {"type": "empty_member"}}}`},
			check:  checkOverrideV3Answer,
		},
		{
			name: "DeleteOverride",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.SchedulesV3.DeleteOverride(ctx, "PS3", "POV1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/v3/schedules/PS3/overrides/POV1"},
		},
	})
}

func TestSchedulesV3RejectBadInput(t *testing.T) {
	start := time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)
	event := func() *pagerduty.RotationEventParams {
		return &pagerduty.RotationEventParams{
			Name:           "Weekly",
			StartTime:      &pagerduty.ZonedDateTime{DateTime: start, TimeZone: "UTC"},
			EndTime:        &pagerduty.ZonedDateTime{DateTime: start.Add(time.Hour), TimeZone: "UTC"},
			EffectiveSince: start, Recurrence: []string{"RRULE:FREQ=DAILY"},
			AssignmentStrategy: &pagerduty.EventAssignmentStrategy{Type: pagerduty.RotatingMembers, Members: []pagerduty.ShiftMember{pagerduty.MemberUser("PUSER1")}},
		}
	}
	override := pagerduty.OverrideShiftParams{RotationID: "PROT1", Start: start, End: start.Add(time.Hour),
		OverriddenMember: pagerduty.MemberUser("PUSER1"), OverridingMember: pagerduty.MemberUser("PUSER2")}
	runBadCalls(t, []badCall{
		{"List bad team", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.SchedulesV3.List(ctx, &pagerduty.ListSchedulesV3Options{TeamIDs: []string{""}}))
		}, "TeamIDs"},
		{"Get bad include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.Get(ctx, "PS3", &pagerduty.GetScheduleV3Options{Includes: []pagerduty.ScheduleV3Include{"rotations"}})
			return err
		}, `"rotations" is not accepted`},
		{"Create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.Create(ctx, &pagerduty.ScheduleV3Params{TimeZone: "UTC"})
			return err
		}, "Name is required"},
		{"Create bad zone", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.Create(ctx, &pagerduty.ScheduleV3Params{Name: "x", TimeZone: "Nowhere/Land"})
			return err
		}, "not an IANA time zone"},
		{"Update teams", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.Update(ctx, "PS3", &pagerduty.ScheduleV3Params{TeamIDs: []string{"PTEAM1"}})
			return err
		}, "TeamIDs cannot be changed"},
		{"Update nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.Update(ctx, "PS3", &pagerduty.ScheduleV3Params{})
			return err
		}, "set Name, TimeZone or Description"},
		{"ListRotations limit too big", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.SchedulesV3.ListRotations(ctx, "PS3", &pagerduty.ListOptions{Limit: 500}))
		}, "Limit 500"},
		{"GetRotation bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.GetRotation(ctx, "PS3", "a?b", nil)
			return err
		}, "rotation_id"},
		{"CreateEvent without recurrence", func(ctx context.Context, c *pagerduty.Client) error {
			p := event()
			p.Recurrence = nil
			_, err := c.SchedulesV3.CreateEvent(ctx, "PS3", "PROT1", p)
			return err
		}, "Recurrence is required"},
		{"CreateEvent bad rule", func(ctx context.Context, c *pagerduty.Client) error {
			p := event()
			p.Recurrence = []string{"every week"}
			_, err := c.SchedulesV3.CreateEvent(ctx, "PS3", "PROT1", p)
			return err
		}, "not an iCalendar rule"},
		{"CreateEvent bad strategy", func(ctx context.Context, c *pagerduty.Client) error {
			p := event()
			p.AssignmentStrategy.Type = "random"
			_, err := c.SchedulesV3.CreateEvent(ctx, "PS3", "PROT1", p)
			return err
		}, "AssignmentStrategy.Type"},
		{"CreateEvent member without user", func(ctx context.Context, c *pagerduty.Client) error {
			p := event()
			p.AssignmentStrategy.Members = []pagerduty.ShiftMember{{Type: pagerduty.UserMember}}
			_, err := c.SchedulesV3.CreateEvent(ctx, "PS3", "PROT1", p)
			return err
		}, "Members[0].UserID"},
		{"UpdateEvent end before start", func(ctx context.Context, c *pagerduty.Client) error {
			p := event()
			p.EndTime.DateTime = start.Add(-time.Hour)
			_, err := c.SchedulesV3.UpdateEvent(ctx, "PS3", "PROT1", "PEV1", p)
			return err
		}, "EndTime"},
		{"UpdateEvent nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.UpdateEvent(ctx, "PS3", "PROT1", "PEV1", &pagerduty.RotationEventParams{})
			return err
		}, "at least one field"},
		{"UpdateEvent both ends of recurrence", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.UpdateEvent(ctx, "PS3", "PROT1", "PEV1", &pagerduty.RotationEventParams{EffectiveUntil: start, ClearEffectiveUntil: true})
			return err
		}, "set one of them"},
		{"ListCustomShifts without window", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.SchedulesV3.ListCustomShifts(ctx, "PS3", nil))
		}, "Since and Until is required"},
		{"ListOverridesPage inverted window", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.ListOverridesPage(ctx, "PS3", &pagerduty.ListShiftsOptions{Since: start, Until: start.Add(-time.Hour)})
			return err
		}, "Until"},
		{"CreateCustomShifts bad member", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.CreateCustomShifts(ctx, "PS3", []pagerduty.CustomShiftParams{{Start: start, End: start.Add(time.Hour), Member: pagerduty.ShiftMember{Type: "team"}}})
			return err
		}, `Member.Type "team" is not accepted`},
		{"UpdateCustomShift nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.UpdateCustomShift(ctx, "PS3", "PCS1", pagerduty.CustomShiftParams{})
			return err
		}, "set Start, End or Member"},
		{"CreateOverrides both rotation and shift", func(ctx context.Context, c *pagerduty.Client) error {
			o := override
			o.CustomShiftID = "PCS1"
			_, err := c.SchedulesV3.CreateOverrides(ctx, "PS3", []pagerduty.OverrideShiftParams{o})
			return err
		}, "exactly one of them"},
		{"CreateOverrides without overridden member", func(ctx context.Context, c *pagerduty.Client) error {
			o := override
			o.OverriddenMember = pagerduty.ShiftMember{}
			_, err := c.SchedulesV3.CreateOverrides(ctx, "PS3", []pagerduty.OverrideShiftParams{o})
			return err
		}, "OverriddenMember.Type"},
		{"UpdateOverride nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SchedulesV3.UpdateOverride(ctx, "PS3", "POV1", pagerduty.OverrideShiftUpdate{})
			return err
		}, "set Start, End or OverridingMember"},
		{"DeleteOverride bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.SchedulesV3.DeleteOverride(ctx, "PS3", "")
		}, "override_id"},
	})
}
