package pagerduty_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// These tests replay requests recorded against the mock of PagerDuty's API
// description: scripts/record.sh ./pagerduty -run '^TestSchedulesCassette'.

var (
	schedSince = time.Date(2015, 11, 9, 0, 0, 0, 0, time.UTC)
	schedUntil = time.Date(2015, 11, 16, 0, 0, 0, 0, time.UTC)
)

func checkSchedule(t *testing.T, what string, s *pagerduty.Schedule) {
	t.Helper()
	if s == nil || s.ID == "" || s.Name == "" || s.TimeZone == "" {
		t.Fatalf("%s: schedule %+v lacks an ID, a name or a time zone", what, s)
	}
	if len(s.Layers) == 0 {
		t.Fatalf("%s: schedule %s has no layers", what, s.ID)
	}
	l := s.Layers[0]
	if l.Start.IsZero() || l.RotationVirtualStart.IsZero() || l.RotationTurnLengthSeconds == 0 || len(l.Users) == 0 || l.Users[0].User.ID == "" {
		t.Errorf("%s: layer %+v lacks its rotation", what, l)
	}
}

// checkEntries checks rendered entries: a user, and a start before the end.
func checkEntries(t *testing.T, what string, es []pagerduty.ScheduleEntry) {
	t.Helper()
	if len(es) == 0 {
		t.Errorf("%s: no rendered entries", what)
	}
	for _, e := range es {
		if e.User == nil || e.User.ID == "" || !e.End.After(e.Start) {
			t.Errorf("%s: entry %+v lacks a user or a span", what, e)
		}
	}
}

func TestSchedulesCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/schedules/read")
	ctx := context.Background()

	got := readN(t, c.Schedules.List(ctx, &pagerduty.ListSchedulesOptions{
		Query: "Engineering", TeamIDs: []string{"PQ9K7I8"}, TimeZone: "UTC", Since: schedSince, Until: schedUntil,
		Includes:                 []pagerduty.ScheduleInclude{pagerduty.ScheduleIncludeFinalSchedule},
		IncludeNextOnCallForUser: "PXPGF42",
		ListOptions:              pagerduty.ListOptions{Limit: 1},
	}), 2)
	if len(got) == 0 || got[0].ID == "" || got[0].Name == "" {
		t.Fatalf("List = %+v", got)
	}
	page, err := c.Schedules.ListPage(ctx, &pagerduty.ListSchedulesOptions{ListOptions: pagerduty.ListOptions{Limit: 2, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) == 0 || page.Items[0].ID == "" {
		t.Errorf("ListPage = %+v", page)
	}

	s, err := c.Schedules.Get(ctx, "PI7DH85", &pagerduty.GetScheduleOptions{Since: schedSince, Until: schedUntil, TimeZone: "UTC", Overflow: true})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkSchedule(t, "Get", s)
	checkEntries(t, "Get layer", s.Layers[0].RenderedScheduleEntries)
	if s.FinalSchedule == nil || s.OverridesSubschedule == nil {
		t.Fatalf("Get: final schedule %+v, overrides %+v", s.FinalSchedule, s.OverridesSubschedule)
	}
	checkEntries(t, "Get final schedule", s.FinalSchedule.RenderedScheduleEntries)
	if n := s.NextOnCallForUser; n == nil || n.User == nil || n.User.ID == "" || !n.End.After(n.Start) {
		t.Errorf("Get: next on-call %+v lacks its user or span", n)
	}
	if len(s.EscalationPolicies) == 0 || len(s.Users) == 0 {
		t.Errorf("Get: policies %+v, users %+v", s.EscalationPolicies, s.Users)
	}

	users, err := c.Schedules.ListUsers(ctx, "PI7DH85", &pagerduty.ListScheduleUsersOptions{Since: schedSince, Until: schedUntil})
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	if len(users) == 0 || users[0].ID == "" || users[0].Email == "" {
		t.Errorf("ListUsers = %+v", users)
	}

	ovs, err := c.Schedules.ListOverrides(ctx, "PI7DH85", &pagerduty.ListOverridesOptions{Since: schedSince, Until: schedUntil, Editable: true, Overflow: true})
	if err != nil {
		t.Fatalf("ListOverrides: %v", err)
	}
	if len(ovs) == 0 || ovs[0].ID == "" || ovs[0].User == nil || !ovs[0].End.After(ovs[0].Start) {
		t.Errorf("ListOverrides = %+v", ovs)
	}

	recs := readN(t, c.Schedules.ListAuditRecords(ctx, "PI7DH85", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2)
	if len(recs) == 0 || recs[0].ID == "" || recs[0].ExecutionTime.IsZero() {
		t.Errorf("ListAuditRecords = %+v", recs)
	}
	rp, err := c.Schedules.ListAuditRecordsPage(ctx, "PI7DH85", &pagerduty.ListAuditRecordsOptions{Since: schedSince, Until: schedUntil})
	if err != nil {
		t.Fatalf("ListAuditRecordsPage: %v", err)
	}
	if len(rp.Items) == 0 || rp.Items[0].RootResource.ID == "" {
		t.Errorf("ListAuditRecordsPage = %+v", rp.Items)
	}
}

func scheduleParams() *pagerduty.ScheduleParams {
	desc := "Rotation schedule for engineering"
	start := time.Date(2015, 11, 6, 20, 0, 0, 0, time.FixedZone("EST", -5*3600))
	return &pagerduty.ScheduleParams{
		Name: "Daily Engineering Rotation", Description: &desc, TimeZone: "America/New_York",
		Layers: []pagerduty.ScheduleLayerParams{{
			Name: "Night Shift", Start: start, End: start.AddDate(1, 0, 0), RotationTurnLength: 24 * time.Hour,
			UserIDs:      []string{"PXPGF42"},
			Restrictions: []pagerduty.Restriction{{Type: pagerduty.DailyRestriction, StartTimeOfDay: "08:00:00", DurationSeconds: 9 * 3600}},
		}},
	}
}

func TestSchedulesCassetteWrite(t *testing.T) {
	c := replayClient(t, "pagerduty/schedules/write")
	ctx := context.Background()

	created, err := c.Schedules.Create(ctx, scheduleParams())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkSchedule(t, "Create", created)

	p := scheduleParams()
	p.Overflow = true
	p.Layers[0].ID = created.Layers[0].ID
	updated, err := c.Schedules.Update(ctx, created.ID, p)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkSchedule(t, "Update", updated)

	preview, err := c.Schedules.Preview(ctx, scheduleParams(), &pagerduty.PreviewOptions{Since: schedSince, Until: schedUntil})
	if err != nil {
		t.Fatalf("Preview: %v", err)
	}
	checkSchedule(t, "Preview", preview)

	res, err := c.Schedules.CreateOverrides(ctx, created.ID, []pagerduty.OverrideParams{
		{Start: schedSince, End: schedSince.Add(12 * time.Hour), UserID: "PEYSGVA"},
		{Start: schedSince.Add(24 * time.Hour), End: schedSince.Add(36 * time.Hour), UserID: "PEYSGVF"},
	})
	// The mock answers with its example whatever is sent: three results,
	// the last one refused.
	if err != nil {
		t.Fatalf("CreateOverrides: %v", err)
	}
	if len(res) < 3 || res[0].Err() != nil || res[0].Override.ID == "" {
		t.Fatalf("CreateOverrides = %+v", res)
	}
	var oe *pagerduty.OverrideError
	if !errors.As(res[2].Err(), &oe) || oe.Status != 400 || len(oe.Errors) == 0 {
		t.Errorf("CreateOverrides: third result error %v, want an *OverrideError with status 400", res[2].Err())
	}

	ov, err := c.Schedules.CreateOverride(ctx, created.ID, pagerduty.OverrideParams{Start: schedSince, End: schedUntil, UserID: "PEYSGVA"})
	if err != nil {
		t.Fatalf("CreateOverride: %v", err)
	}
	if ov.ID == "" || ov.User == nil || ov.User.ID == "" {
		t.Errorf("CreateOverride = %+v", ov)
	}

	if _, err := c.Schedules.DeleteOverride(ctx, created.ID, res[0].Override.ID); err != nil {
		t.Fatalf("DeleteOverride: %v", err)
	}
	if err := c.Schedules.Delete(ctx, created.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
}
