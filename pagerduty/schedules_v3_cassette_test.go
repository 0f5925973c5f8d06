package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// These tests replay requests recorded against the mock of PagerDuty's API
// description: scripts/record.sh ./pagerduty -run '^TestSchedulesV3Cassette'.

var (
	v3Since = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	v3Until = time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
)

func TestSchedulesV3CassetteSchedules(t *testing.T) {
	c := replayClient(t, "pagerduty/schedules_v3/schedules")
	ctx := context.Background()

	refs := readN(t, c.SchedulesV3.List(ctx, &pagerduty.ListSchedulesV3Options{Query: "Engineering", TeamIDs: []string{"PTEAM123"}, ListOptions: pagerduty.ListOptions{Limit: 1}}), 2)
	if len(refs) == 0 || refs[0].ID == "" || refs[0].Type == "" {
		t.Fatalf("List = %+v", refs)
	}
	page, err := c.SchedulesV3.ListPage(ctx, &pagerduty.ListSchedulesV3Options{ListOptions: pagerduty.ListOptions{Limit: 10, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) == 0 || page.Items[0].Summary == "" {
		t.Errorf("ListPage = %+v", page)
	}

	desc := "Primary engineering on-call rotation"
	created, err := c.SchedulesV3.Create(ctx, &pagerduty.ScheduleV3Params{Name: "Engineering On-Call", TimeZone: "UTC", Description: &desc, TeamIDs: []string{"PTEAM123"}})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if created.ID == "" || created.Name == "" || created.TimeZone == "" {
		t.Fatalf("Create = %+v", created)
	}
	s, err := c.SchedulesV3.Get(ctx, created.ID, &pagerduty.GetScheduleV3Options{Since: v3Since, Until: v3Until, TimeZone: "UTC",
		Overflow: true, Includes: []pagerduty.ScheduleV3Include{pagerduty.ScheduleV3IncludeFinalSchedule}})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if s.ID == "" || s.TimeZone == "" {
		t.Errorf("Get = %+v", s)
	}
	name := "Engineering On-Call (primary)"
	upd, err := c.SchedulesV3.Update(ctx, created.ID, &pagerduty.ScheduleV3Params{Name: name})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if upd.ID == "" || upd.Name == "" {
		t.Errorf("Update = %+v", upd)
	}
	recs := readN(t, c.SchedulesV3.ListAuditRecords(ctx, created.ID, &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2)
	if len(recs) == 0 || recs[0].ID == "" || recs[0].ExecutionTime.IsZero() {
		t.Errorf("ListAuditRecords = %+v", recs)
	}
	rp, err := c.SchedulesV3.ListAuditRecordsPage(ctx, created.ID, nil)
	if err != nil {
		t.Fatalf("ListAuditRecordsPage: %v", err)
	}
	if len(rp.Items) == 0 {
		t.Errorf("ListAuditRecordsPage = %+v", rp)
	}
	if err := c.SchedulesV3.Delete(ctx, created.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
}

func TestSchedulesV3CassetteRotations(t *testing.T) {
	c := replayClient(t, "pagerduty/schedules_v3/rotations")
	ctx := context.Background()
	const sid = "PS1A2B3C"

	rot, err := c.SchedulesV3.CreateRotation(ctx, sid)
	if err != nil {
		t.Fatalf("CreateRotation: %v", err)
	}
	if rot.ID == "" || rot.Type == "" {
		t.Fatalf("CreateRotation = %+v", rot)
	}
	rots := readN(t, c.SchedulesV3.ListRotations(ctx, sid, &pagerduty.ListOptions{Limit: 5}), 2)
	if len(rots) == 0 || rots[0].ID == "" {
		t.Fatalf("ListRotations = %+v", rots)
	}
	rp, err := c.SchedulesV3.ListRotationsPage(ctx, sid, nil)
	if err != nil {
		t.Fatalf("ListRotationsPage: %v", err)
	}
	if len(rp.Items) == 0 {
		t.Errorf("ListRotationsPage = %+v", rp)
	}
	got, err := c.SchedulesV3.GetRotation(ctx, sid, rot.ID, &pagerduty.SpanOptions{Since: v3Since, Until: v3Until})
	if err != nil {
		t.Fatalf("GetRotation: %v", err)
	}
	if got.ID == "" {
		t.Errorf("GetRotation = %+v", got)
	}

	ev, err := c.SchedulesV3.CreateEvent(ctx, sid, rot.ID, &pagerduty.RotationEventParams{
		Name:           "Weekly On-Call",
		StartTime:      &pagerduty.ZonedDateTime{DateTime: time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC), TimeZone: "America/New_York"},
		EndTime:        &pagerduty.ZonedDateTime{DateTime: time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC), TimeZone: "America/New_York"},
		EffectiveSince: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC),
		Recurrence:     []string{"RRULE:FREQ=WEEKLY"},
		AssignmentStrategy: &pagerduty.EventAssignmentStrategy{Type: pagerduty.RotatingMembers, ShiftsPerMember: 1,
			Members: []pagerduty.ShiftMember{pagerduty.MemberUser("PUSER123"), pagerduty.MemberUser("PUSER456")}},
	})
	if err != nil {
		t.Fatalf("CreateEvent: %v", err)
	}
	checkRotationEvent(t, "CreateEvent", ev)
	// The mock's example listings of events, custom shifts and overrides
	// are empty pages.
	for _, e := range readN(t, c.SchedulesV3.ListEvents(ctx, sid, rot.ID, &pagerduty.ListOptions{Limit: 5}), 2) {
		checkRotationEvent(t, "ListEvents", &e)
	}
	ep, err := c.SchedulesV3.ListEventsPage(ctx, sid, rot.ID, nil)
	if err != nil {
		t.Fatalf("ListEventsPage: %v", err)
	}
	checkEmptyPage(t, "ListEventsPage", ep)
	ev, err = c.SchedulesV3.GetEvent(ctx, sid, rot.ID, ev.ID, &pagerduty.SpanOptions{Since: v3Since, Until: v3Until})
	if err != nil {
		t.Fatalf("GetEvent: %v", err)
	}
	// The mock's example of a single event has only its ID, type and name.
	if ev.ID == "" || ev.Name == "" {
		t.Errorf("GetEvent = %+v", ev)
	}
	ev, err = c.SchedulesV3.UpdateEvent(ctx, sid, rot.ID, ev.ID, &pagerduty.RotationEventParams{Name: "Weekly On-Call (EU)", EffectiveUntil: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("UpdateEvent: %v", err)
	}
	if ev.ID == "" || ev.Name != "Updated Weekly On-Call" {
		t.Errorf("UpdateEvent = %+v", ev)
	}
	if err := c.SchedulesV3.DeleteEvent(ctx, sid, rot.ID, ev.ID); err != nil {
		t.Fatalf("DeleteEvent: %v", err)
	}
	if err := c.SchedulesV3.DeleteRotation(ctx, sid, rot.ID); err != nil {
		t.Fatalf("DeleteRotation: %v", err)
	}
}

func checkRotationEvent(t *testing.T, what string, ev *pagerduty.RotationEvent) {
	t.Helper()
	if ev == nil || ev.ID == "" || ev.Name == "" || ev.StartTime.DateTime.IsZero() || ev.StartTime.TimeZone == "" || ev.EffectiveSince.IsZero() {
		t.Fatalf("%s: event %+v lacks an ID, a name or its times", what, ev)
	}
	if len(ev.Recurrence) == 0 || ev.AssignmentStrategy.Type == "" || len(ev.AssignmentStrategy.Members) == 0 {
		t.Errorf("%s: event %+v lacks its recurrence or members", what, ev)
	}
}

func TestSchedulesV3CassetteShifts(t *testing.T) {
	c := replayClient(t, "pagerduty/schedules_v3/shifts")
	ctx := context.Background()
	const sid = "PS1A2B3C"
	window := &pagerduty.ListShiftsOptions{Since: v3Since, Until: v3Until, TimeZone: "UTC", Overflow: true, ListOptions: pagerduty.ListOptions{Limit: 5}}

	start := time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)
	shifts, err := c.SchedulesV3.CreateCustomShifts(ctx, sid, []pagerduty.CustomShiftParams{{Start: start, End: start.Add(8 * time.Hour), Member: pagerduty.MemberUser("PUSER123")}})
	if err != nil {
		t.Fatalf("CreateCustomShifts: %v", err)
	}
	if len(shifts) == 0 || shifts[0].ID == "" || !shifts[0].EndTime.After(shifts[0].StartTime) || len(shifts[0].Assignments) == 0 {
		t.Fatalf("CreateCustomShifts = %+v", shifts)
	}
	// The mock's example listings of custom shifts and overrides are empty
	// pages.
	for _, sh := range readN(t, c.SchedulesV3.ListCustomShifts(ctx, sid, window), 2) {
		if sh.ID == "" {
			t.Errorf("ListCustomShifts: shift %+v has no ID", sh)
		}
	}
	sp, err := c.SchedulesV3.ListCustomShiftsPage(ctx, sid, &pagerduty.ListShiftsOptions{Since: v3Since, Until: v3Until})
	if err != nil {
		t.Fatalf("ListCustomShiftsPage: %v", err)
	}
	checkEmptyPage(t, "ListCustomShiftsPage", sp)
	sh, err := c.SchedulesV3.GetCustomShift(ctx, sid, shifts[0].ID)
	if err != nil {
		t.Fatalf("GetCustomShift: %v", err)
	}
	if sh.ID == "" || sh.Assignments[0].Member.Type == "" {
		t.Errorf("GetCustomShift = %+v", sh)
	}
	sh, err = c.SchedulesV3.UpdateCustomShift(ctx, sid, sh.ID, pagerduty.CustomShiftParams{End: start.Add(10 * time.Hour), Member: pagerduty.MemberUser("PUSER456")})
	if err != nil {
		t.Fatalf("UpdateCustomShift: %v", err)
	}
	if sh.ID == "" {
		t.Errorf("UpdateCustomShift = %+v", sh)
	}

	ovs, err := c.SchedulesV3.CreateOverrides(ctx, sid, []pagerduty.OverrideShiftParams{{RotationID: "PROT123", Start: start, End: start.Add(8 * time.Hour),
		OverriddenMember: pagerduty.MemberUser("PUSER123"), OverridingMember: pagerduty.MemberUser("PUSER456")}})
	if err != nil {
		t.Fatalf("CreateOverrides: %v", err)
	}
	if len(ovs) == 0 || ovs[0].ID == "" || ovs[0].OverridingMember == nil || ovs[0].OverridingMember.UserID == "" {
		t.Fatalf("CreateOverrides = %+v", ovs)
	}
	for _, o := range readN(t, c.SchedulesV3.ListOverrides(ctx, sid, window), 2) {
		if o.ID == "" || o.StartTime.IsZero() {
			t.Errorf("ListOverrides: override %+v lacks an ID or a start", o)
		}
	}
	op, err := c.SchedulesV3.ListOverridesPage(ctx, sid, &pagerduty.ListShiftsOptions{Since: v3Since, Until: v3Until})
	if err != nil {
		t.Fatalf("ListOverridesPage: %v", err)
	}
	checkEmptyPage(t, "ListOverridesPage", op)
	ov, err := c.SchedulesV3.GetOverride(ctx, sid, ovs[0].ID)
	if err != nil {
		t.Fatalf("GetOverride: %v", err)
	}
	if ov.ID == "" || !ov.EndTime.After(ov.StartTime) {
		t.Errorf("GetOverride = %+v", ov)
	}
	m := pagerduty.MemberUser("PUSER789")
	ov, err = c.SchedulesV3.UpdateOverride(ctx, sid, ov.ID, pagerduty.OverrideShiftUpdate{OverridingMember: &m})
	if err != nil {
		t.Fatalf("UpdateOverride: %v", err)
	}
	if ov.ID == "" {
		t.Errorf("UpdateOverride = %+v", ov)
	}
	if err := c.SchedulesV3.DeleteOverride(ctx, sid, ov.ID); err != nil {
		t.Fatalf("DeleteOverride: %v", err)
	}
	if err := c.SchedulesV3.DeleteCustomShift(ctx, sid, shifts[0].ID); err != nil {
		t.Fatalf("DeleteCustomShift: %v", err)
	}
}

// checkEmptyPage checks the paging facts of a page the mock answers empty.
func checkEmptyPage[T any](t *testing.T, what string, p *pagerduty.Page[T]) {
	t.Helper()
	if len(p.Items) != 0 || p.More || p.Limit != 25 {
		t.Errorf("%s = %d items, more %v, limit %d; want the mock's empty page of limit 25", what, len(p.Items), p.More, p.Limit)
	}
}
