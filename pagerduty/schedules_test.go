package pagerduty_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const scheduleAnswer = `{"schedule": {"id": "PSCH001", "type": "schedule", "name": "Primary", "time_zone": "Europe/Paris",
	"schedule_layers": [{"id": "PLAY001", "name": "Day", "start": "2024-01-01T08:00:00+01:00", "end": null,
		"rotation_virtual_start": "2024-01-01T08:00:00+01:00", "rotation_turn_length_seconds": 604800,
		"users": [{"user": {"id": "PUSER01", "type": "user_reference"}}],
		"restrictions": [{"type": "weekly_restriction", "start_time_of_day": "08:00:00", "duration_seconds": 36000, "start_day_of_week": 1}],
		"rendered_schedule_entries": [{"user": {"id": "PUSER01", "type": "user_reference", "summary": "Ada"}, "start": "2024-05-06T08:00:00+02:00", "end": "2024-05-06T18:00:00+02:00"}],
		"rendered_coverage_percentage": 29.76}],
	"final_schedule": {"name": "Final Schedule", "rendered_coverage_percentage": 50,
		"rendered_schedule_entries": [{"user": {"id": "PUSER02", "type": "user_reference"}, "start": "2024-05-06T08:00:00Z", "end": "2024-05-06T20:00:00Z"}]},
	"overrides_subschedule": {"name": "Overrides", "rendered_schedule_entries": []},
	"escalation_policies": [{"id": "PEP0001", "type": "escalation_policy_reference"}],
	"users": [{"id": "PUSER01", "type": "user_reference"}],
	"next_oncall_for_user": {"start": "2024-05-13T08:00:00Z", "end": "2024-05-13T18:00:00Z", "user": {"id": "PUSER01", "type": "user_reference"}}}}`

func checkScheduleAnswer(t *testing.T, got any) {
	t.Helper()
	s := got.(*pagerduty.Schedule)
	if s.ID != "PSCH001" || s.TimeZone != "Europe/Paris" || len(s.Layers) != 1 {
		t.Fatalf("schedule = %+v", s)
	}
	l := s.Layers[0]
	if l.RotationTurnLengthSeconds != 604800 || !l.End.IsZero() || len(l.Restrictions) != 1 || l.Restrictions[0].Type != pagerduty.WeeklyRestriction || l.Restrictions[0].StartDayOfWeek != 1 {
		t.Errorf("layer = %+v", l)
	}
	if len(l.RenderedScheduleEntries) != 1 || l.RenderedScheduleEntries[0].User.Summary != "Ada" ||
		!l.RenderedScheduleEntries[0].Start.Equal(time.Date(2024, 5, 6, 6, 0, 0, 0, time.UTC)) || l.RenderedCoveragePercentage != 29.76 {
		t.Errorf("layer entries = %+v", l.RenderedScheduleEntries)
	}
	f := s.FinalSchedule
	if f == nil || len(f.RenderedScheduleEntries) != 1 || f.RenderedScheduleEntries[0].User.ID != "PUSER02" || f.RenderedCoveragePercentage != 50 {
		t.Errorf("final schedule = %+v", f)
	}
	if s.OverridesSubschedule == nil || s.OverridesSubschedule.Name != "Overrides" {
		t.Errorf("overrides = %+v", s.OverridesSubschedule)
	}
	if n := s.NextOnCallForUser; n == nil || n.User == nil || n.User.ID != "PUSER01" || n.Start.IsZero() {
		t.Errorf("next on-call = %+v", n)
	}
}

func scheduleWriteParams() *pagerduty.ScheduleParams {
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	return &pagerduty.ScheduleParams{
		Name: "Primary", TimeZone: "Europe/Paris", TeamIDs: []string{"PTEAM01"},
		Layers: []pagerduty.ScheduleLayerParams{{
			ID: "PLAY001", Name: "Day", Start: start, RotationTurnLength: 7 * 24 * time.Hour, UserIDs: []string{"PUSER01", "PUSER02"},
			Restrictions: []pagerduty.Restriction{{Type: pagerduty.DailyRestriction, StartTimeOfDay: "08:00:00", DurationSeconds: 36000}},
		}},
	}
}

const scheduleWriteBody = `{"schedule": {"type": "schedule", "name": "Primary", "time_zone": "Europe/Paris",
	"teams": [{"id": "PTEAM01", "type": "team_reference"}],
	"schedule_layers": [{"id": "PLAY001", "name": "Day", "start": "2024-01-01T08:00:00Z", "rotation_virtual_start": "2024-01-01T08:00:00Z",
		"rotation_turn_length_seconds": 604800,
		"users": [{"user": {"id": "PUSER01", "type": "user_reference"}}, {"user": {"id": "PUSER02", "type": "user_reference"}}],
		"restrictions": [{"type": "daily_restriction", "start_time_of_day": "08:00:00", "duration_seconds": 36000}]}]}}`

func TestSchedulesRequests(t *testing.T) {
	since := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	until := since.Add(7 * 24 * time.Hour)
	runAPICases(t, []apiCase{
		{
			name: "List sends every filter",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				s, err := firstOf(c.Schedules.List(ctx, &pagerduty.ListSchedulesOptions{
					Query: "prim", TeamIDs: []string{"PTEAM01"}, TimeZone: "UTC", Since: since, Until: until,
					Includes:                 []pagerduty.ScheduleInclude{pagerduty.ScheduleIncludeLayers, pagerduty.ScheduleIncludeOverridesSubschedule, pagerduty.ScheduleIncludeFinalSchedule},
					IncludeNextOnCallForUser: "PUSER01",
				}))
				return &s, err
			},
			answer: `{"schedules": [` + scheduleAnswer[len(`{"schedule": `):len(scheduleAnswer)-1] + `], "more": false}`,
			want: wantRequest{method: "GET", path: "/schedules", query: pageQuery("query", "prim", "team_ids[]", "PTEAM01",
				"include[]", "schedule_layers", "include[]", "overrides_subschedule", "include[]", "final_schedule",
				"time_zone", "UTC", "since", "2024-05-06T00:00:00Z", "until", "2024-05-13T00:00:00Z", "include_next_oncall_for_user", "PUSER01")},
			check: checkScheduleAnswer,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.ListPage(ctx, &pagerduty.ListSchedulesOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Offset: 1}})
			},
			answer: `{"schedules": [{"id": "PSCH002", "type": "schedule"}], "more": true, "limit": 1, "offset": 1}`,
			want:   wantRequest{method: "GET", path: "/schedules", query: vals("limit", "1", "offset", "1")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.Schedule]); len(p.Items) != 1 || p.Items[0].ID != "PSCH002" || !p.More {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "Get renders a window",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.Get(ctx, "PSCH001", &pagerduty.GetScheduleOptions{Since: since, Until: until, TimeZone: "Europe/Paris", Overflow: true, IncludeNextOnCallForUser: "PUSER01"})
			},
			answer: scheduleAnswer,
			want: wantRequest{method: "GET", path: "/schedules/PSCH001", query: vals("since", "2024-05-06T00:00:00Z", "until", "2024-05-13T00:00:00Z",
				"time_zone", "Europe/Paris", "overflow", "true", "include_next_oncall_for_user", "PUSER01")},
			check: checkScheduleAnswer,
		},
		{
			name: "Get reads a next on-call user given as a list",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.Get(ctx, "PSCH001", nil)
			},
			answer: `{"schedule": {"id": "PSCH001", "next_oncall_for_user": {"start": "2024-05-13T08:00:00Z", "end": "2024-05-13T18:00:00Z", "user": [{"id": "PUSER09", "type": "user_reference"}]}}}`,
			want:   wantRequest{method: "GET", path: "/schedules/PSCH001"},
			check: func(t *testing.T, got any) {
				if n := got.(*pagerduty.Schedule).NextOnCallForUser; n == nil || n.User == nil || n.User.ID != "PUSER09" {
					t.Errorf("next on-call = %+v", n)
				}
			},
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.Create(ctx, scheduleWriteParams())
			},
			status: 201,
			answer: scheduleAnswer,
			want:   wantRequest{method: "POST", path: "/schedules", body: scheduleWriteBody},
			check:  checkScheduleAnswer,
		},
		{
			name: "Update with overflow",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p := scheduleWriteParams()
				p.Overflow = true
				return c.Schedules.Update(ctx, "PSCH001", p)
			},
			answer: scheduleAnswer,
			want:   wantRequest{method: "PUT", path: "/schedules/PSCH001", query: vals("overflow", "true"), body: scheduleWriteBody},
			check:  checkScheduleAnswer,
		},
		{
			name: "Preview",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.Preview(ctx, scheduleWriteParams(), &pagerduty.PreviewOptions{Since: since, Until: until})
			},
			answer: scheduleAnswer,
			want:   wantRequest{method: "POST", path: "/schedules/preview", query: vals("since", "2024-05-06T00:00:00Z", "until", "2024-05-13T00:00:00Z"), body: scheduleWriteBody},
			check:  checkScheduleAnswer,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Schedules.Delete(ctx, "PSCH001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/schedules/PSCH001"},
		},
		{
			name: "ListUsers",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.ListUsers(ctx, "PSCH001", &pagerduty.ListScheduleUsersOptions{Since: since, Until: until})
			},
			answer: `{"users": [{"id": "PUSER01", "type": "user", "name": "Ada", "email": "ada@example.com"}]}`,
			want:   wantRequest{method: "GET", path: "/schedules/PSCH001/users", query: vals("since", "2024-05-06T00:00:00Z", "until", "2024-05-13T00:00:00Z")},
			check: func(t *testing.T, got any) {
				if u := got.([]pagerduty.User); len(u) != 1 || u[0].Email != "ada@example.com" {
					t.Errorf("users = %+v", u)
				}
			},
		},
		{
			name: "ListOverrides",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.ListOverrides(ctx, "PSCH001", &pagerduty.ListOverridesOptions{Since: since, Until: until, Editable: true, Overflow: true})
			},
			answer: `{"overrides": [{"id": "POVR001", "start": "2024-05-07T00:00:00Z", "end": "2024-05-08T00:00:00Z", "user": {"id": "PUSER02", "type": "user_reference"}}]}`,
			want: wantRequest{method: "GET", path: "/schedules/PSCH001/overrides", query: vals("since", "2024-05-06T00:00:00Z", "until", "2024-05-13T00:00:00Z",
				"editable", "true", "overflow", "true")},
			check: func(t *testing.T, got any) {
				o := got.([]pagerduty.Override)
				if len(o) != 1 || o[0].ID != "POVR001" || o[0].User.ID != "PUSER02" || o[0].End.Sub(o[0].Start) != 24*time.Hour {
					t.Errorf("overrides = %+v", o)
				}
			},
		},
		{
			name: "CreateOverrides reports each override",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.CreateOverrides(ctx, "PSCH001", []pagerduty.OverrideParams{
					{Start: since, End: since.Add(time.Hour), UserID: "PUSER02"},
					{Start: until, End: until.Add(time.Hour), UserID: "PUSER03"},
				})
			},
			status: 201,
			answer: `[{"status": 201, "override": {"id": "POVR001", "start": "2024-05-06T00:00:00Z", "end": "2024-05-06T01:00:00Z", "user": {"id": "PUSER02", "type": "user_reference"}}},
				{"status": 400, "errors": ["User is not in the schedule's account"], "override": {"start": "2024-05-13T00:00:00Z", "end": "2024-05-13T01:00:00Z", "user": {"id": "PUSER03", "type": "user_reference"}}}]`,
			want: wantRequest{method: "POST", path: "/schedules/PSCH001/overrides", body: `{"overrides": [
				{"start": "2024-05-06T00:00:00Z", "end": "2024-05-06T01:00:00Z", "user": {"id": "PUSER02", "type": "user_reference"}},
				{"start": "2024-05-13T00:00:00Z", "end": "2024-05-13T01:00:00Z", "user": {"id": "PUSER03", "type": "user_reference"}}]}`},
			check: func(t *testing.T, got any) {
				res := got.([]pagerduty.OverrideResult)
				if len(res) != 2 || res[0].Err() != nil || res[0].Override.ID != "POVR001" {
					t.Fatalf("results = %+v", res)
				}
				var oe *pagerduty.OverrideError
				if err := res[1].Err(); !errors.As(err, &oe) || oe.Status != 400 || !strings.Contains(err.Error(), "not in the schedule's account") {
					t.Errorf("second result error = %v", err)
				}
			},
		},
		{
			name: "CreateOverride turns a refusal into an error",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				_, err := c.Schedules.CreateOverride(ctx, "PSCH001", pagerduty.OverrideParams{Start: since, End: until, UserID: "PUSER02"})
				var oe *pagerduty.OverrideError
				if !errors.As(err, &oe) || oe.Errors[0] != "Override must end after its start" {
					t.Errorf("CreateOverride error = %v, want an *OverrideError", err)
				}
				return nil, nil
			},
			status: 201,
			answer: `[{"status": 400, "errors": ["Override must end after its start"], "override": {"start": "2024-05-06T00:00:00Z", "end": "2024-05-13T00:00:00Z"}}]`,
			want: wantRequest{method: "POST", path: "/schedules/PSCH001/overrides", body: `{"overrides": [
				{"start": "2024-05-06T00:00:00Z", "end": "2024-05-13T00:00:00Z", "user": {"id": "PUSER02", "type": "user_reference"}}]}`},
		},
		{
			name: "DeleteOverride of a future override",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.DeleteOverride(ctx, "PSCH001", "POVR001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/schedules/PSCH001/overrides/POVR001"},
			check: func(t *testing.T, got any) {
				if got.(bool) {
					t.Error("truncated = true for a 204 answer")
				}
			},
		},
		{
			name: "DeleteOverride of an override under way",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.DeleteOverride(ctx, "PSCH001", "POVR001")
			},
			status: 200,
			want:   wantRequest{method: "DELETE", path: "/schedules/PSCH001/overrides/POVR001"},
			check: func(t *testing.T, got any) {
				if !got.(bool) {
					t.Error("truncated = false for a 200 answer")
				}
			},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Schedules.ListAuditRecords(ctx, "PSCH001", &pagerduty.ListAuditRecordsOptions{Until: until}))
			},
			answer: `{"records": [{"id": "PREC001", "execution_time": "2024-05-02T00:00:00Z", "method": {"type": "browser"}, "root_resource": {"id": "PSCH001", "type": "schedule_reference"}, "action": "create"}], "next_cursor": null}`,
			want:   wantRequest{method: "GET", path: "/schedules/PSCH001/audit/records", query: vals("until", "2024-05-13T00:00:00Z")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.AuditRecord); r.RootResource.ID != "PSCH001" || r.Action != "create" {
					t.Errorf("record = %+v", r)
				}
			},
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Schedules.ListAuditRecordsPage(ctx, "PSCH001", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 3}})
			},
			answer: `{"records": [], "next_cursor": "n2", "limit": 3}`,
			want:   wantRequest{method: "GET", path: "/schedules/PSCH001/audit/records", query: vals("limit", "3")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.AuditRecord]); p.NextCursor != "n2" {
					t.Errorf("next cursor = %q", p.NextCursor)
				}
			},
		},
	})
}

// An override that already ended cannot be deleted: the error says so and
// keeps the API's error.
func TestDeleteEndedOverrideSaysWhy(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"code": 2001, "message": "Invalid Input Provided", "errors": []string{"Override cannot be deleted"}}})
	})
	truncated, err := c.Schedules.DeleteOverride(context.Background(), "PSCH001", "POVR001")
	var apiErr *pagerduty.APIError
	if truncated || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || apiErr.Code != 2001 {
		t.Fatalf("DeleteOverride = %v, %v; want an error wrapping the API's 400", truncated, err)
	}
	if !strings.Contains(err.Error(), "already ended") || !strings.Contains(err.Error(), "Override cannot be deleted") {
		t.Errorf("error %q does not say why and what the API said", err)
	}
}

func TestSchedulesRejectBadInput(t *testing.T) {
	now := time.Now()
	layer := func(mod func(l *pagerduty.ScheduleLayerParams)) *pagerduty.ScheduleParams {
		p := scheduleWriteParams()
		mod(&p.Layers[0])
		return p
	}
	runBadCalls(t, []badCall{
		{"List bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Schedules.List(ctx, &pagerduty.ListSchedulesOptions{Includes: []pagerduty.ScheduleInclude{"users"}}))
		}, `"users" is not accepted`},
		{"ListPage inverted window", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.ListPage(ctx, &pagerduty.ListSchedulesOptions{Since: now, Until: now.Add(-time.Hour)})
			return err
		}, "Until"},
		{"ListPage negative offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.ListPage(ctx, &pagerduty.ListSchedulesOptions{ListOptions: pagerduty.ListOptions{Offset: -1}})
			return err
		}, "Offset -1"},
		{"Get bad user", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Get(ctx, "PSCH001", &pagerduty.GetScheduleOptions{IncludeNextOnCallForUser: "a b"})
			return err
		}, "IncludeNextOnCallForUser"},
		{"Create without time zone", func(ctx context.Context, c *pagerduty.Client) error {
			p := scheduleWriteParams()
			p.TimeZone = ""
			_, err := c.Schedules.Create(ctx, p)
			return err
		}, "TimeZone is required"},
		{"Create unknown time zone", func(ctx context.Context, c *pagerduty.Client) error {
			p := scheduleWriteParams()
			p.TimeZone = "Mars/Olympus"
			_, err := c.Schedules.Create(ctx, p)
			return err
		}, "not an IANA time zone"},
		{"Create without layers", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Create(ctx, &pagerduty.ScheduleParams{TimeZone: "UTC"})
			return err
		}, "Layers is required"},
		{"Update layer without users", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Update(ctx, "PSCH001", layer(func(l *pagerduty.ScheduleLayerParams) { l.UserIDs = nil }))
			return err
		}, "Layers[0].UserIDs is required"},
		{"Update fractional turn", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Update(ctx, "PSCH001", layer(func(l *pagerduty.ScheduleLayerParams) { l.RotationTurnLength = 1500 * time.Millisecond }))
			return err
		}, "whole number of seconds"},
		{"Preview bad restriction time", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Preview(ctx, layer(func(l *pagerduty.ScheduleLayerParams) { l.Restrictions[0].StartTimeOfDay = "8am" }), nil)
			return err
		}, "HH:MM:SS"},
		{"Preview weekly restriction without day", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Preview(ctx, layer(func(l *pagerduty.ScheduleLayerParams) { l.Restrictions[0].Type = pagerduty.WeeklyRestriction }), nil)
			return err
		}, "StartDayOfWeek 0 is out of range"},
		{"Preview layer ends before it starts", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.Preview(ctx, layer(func(l *pagerduty.ScheduleLayerParams) { l.End = l.Start.Add(-time.Hour) }), nil)
			return err
		}, "must be after its Start"},
		{"ListOverrides without window", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.ListOverrides(ctx, "PSCH001", nil)
			return err
		}, "Since and Until is required"},
		{"CreateOverrides none", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.CreateOverrides(ctx, "PSCH001", nil)
			return err
		}, "overrides is required"},
		{"CreateOverride ends before start", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.CreateOverride(ctx, "PSCH001", pagerduty.OverrideParams{Start: now, End: now, UserID: "PUSER01"})
			return err
		}, "must be after Start"},
		{"CreateOverride without user", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.CreateOverride(ctx, "PSCH001", pagerduty.OverrideParams{Start: now, End: now.Add(time.Hour)})
			return err
		}, "UserID"},
		{"DeleteOverride bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.DeleteOverride(ctx, "PSCH001", "../x")
			return err
		}, "override_id"},
		{"ListUsers inverted window", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Schedules.ListUsers(ctx, "PSCH001", &pagerduty.ListScheduleUsersOptions{Since: now, Until: now})
			return err
		}, "Until"},
	})
}
