package mcptools

import (
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func scheduleByName(t *testing.T, d *pdtest.Dataset, name string) pdtest.Schedule {
	t.Helper()
	return findIn(t, d.Schedules, "schedule "+name, func(s *pdtest.Schedule) bool { return s.Name == name })
}

func TestGetScheduleHoursAndGaps(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	sch := scheduleByName(t, d, "Web Secondary")
	var got ScheduleDetail
	txt := e.ok(t, "get_schedule", map[string]any{"schedule": "web secondary"}, &got)
	if got.ID != sch.ID || !got.Since.Equal(testNow) || !got.Until.Equal(testNow.Add(7*24*time.Hour)) {
		t.Fatalf("get_schedule: %s from %s to %s", got.ID, got.Since, got.Until)
	}
	total := 0.0
	shifts := 0
	for _, h := range got.Hours {
		total += h.Hours
		shifts += h.Shifts
	}
	if len(got.Gaps) != 0 || total < 167.5 || total > 168.5 || shifts != len(got.Shifts) {
		t.Errorf("a daily rotation covers the week: gaps %v, %.1f hours, %d shifts (%d listed)\n%s", got.Gaps, total, shifts, len(got.Shifts), txt)
	}
	for _, sh := range got.Shifts {
		found := false
		for _, id := range sch.Layers[0].UserIDs {
			found = found || id == sh.User.ID
		}
		if !found || sh.User.Name == "" {
			t.Errorf("shift of %+v, not in the rotation", sh.User)
		}
	}
	// A schedule whose only layer is restricted to business hours has gaps.
	var payments ScheduleDetail
	e.ok(t, "get_schedule", map[string]any{"schedule": scheduleByName(t, d, "Payments Primary").ID, "since": "2026-11-25", "until": "2026-11-26"}, &payments)
	if len(payments.Shifts) == 0 {
		t.Error("no shift on Payments Primary")
	}
}

func TestOverrideToCoverAUser(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	sch := scheduleByName(t, d, "Platform Secondary")
	var before ScheduleDetail
	e.ok(t, "get_schedule", map[string]any{"schedule": sch.ID, "until": "2026-12-01T12:00:00Z"}, &before)
	away := before.Hours[0].User
	cover := ""
	for _, id := range sch.Layers[0].UserIDs {
		if id != away.ID {
			cover = id
			break
		}
	}
	var created OverridesCreated
	txt := e.ok(t, "create_schedule_override", map[string]any{
		"schedule": sch.Name, "user": cover, "end": "2026-12-01T12:00:00Z", "covering": away.Name}, &created)
	if len(created.Created) != before.Hours[0].Shifts || len(created.Failed) != 0 {
		t.Fatalf("created %d overrides for %d shifts of %s\n%s", len(created.Created), before.Hours[0].Shifts, away.Name, txt)
	}
	var after ScheduleDetail
	e.ok(t, "get_schedule", map[string]any{"schedule": sch.ID, "until": "2026-12-01T12:00:00Z", "user": away.ID}, &after)
	if len(after.Shifts) != 0 {
		t.Errorf("%s still has %d shifts: %+v", away.Name, len(after.Shifts), after.Shifts)
	}
	var list OverrideList
	e.ok(t, "list_schedule_overrides", map[string]any{"schedule": sch.ID}, &list)
	for _, o := range created.Created {
		found := false
		for _, l := range list.Overrides {
			found = found || l.ID == o.ID
		}
		if !found {
			t.Errorf("override %s is not listed", o.ID)
		}
	}
	var del OverridesDeleted
	last := created.Created[len(created.Created)-1]
	e.ok(t, "delete_schedule_overrides", map[string]any{"schedule": sch.ID, "overrides": []string{last.ID}}, &del)
	if len(del.Deleted) != 1 || del.Deleted[0] != last.ID || len(del.Truncated)+len(del.Failed) != 0 {
		t.Errorf("delete: %+v", del)
	}

	// The override that ended three days ago cannot be deleted: say so.
	primary := scheduleByName(t, d, "Platform Primary")
	var past string
	for _, o := range primary.Overrides {
		if o.End.Before(testNow) {
			past = o.ID
		}
	}
	msg := e.fails(t, "delete_schedule_overrides", map[string]any{"schedule": primary.ID, "overrides": []string{past}})
	if !strings.Contains(msg, "already ended") {
		t.Errorf("deleting a past override: %s", msg)
	}
	// A past override among others is reported, the others are deleted.
	first := created.Created[0]
	e.ok(t, "delete_schedule_overrides", map[string]any{"schedule": sch.ID, "overrides": []string{past, first.ID}}, &del)
	if len(del.Deleted) != 1 || del.Deleted[0] != first.ID || len(del.Failed) != 1 || del.Failed[0].Item != past {
		t.Errorf("mixed delete: %+v", del)
	}
	e.fails(t, "create_schedule_override", map[string]any{"schedule": sch.ID, "user": cover, "end": "2020-01-01"})
	e.fails(t, "create_schedule_override", map[string]any{"schedule": sch.ID, "user": cover, "end": "2026-12-01", "covering": cover})
}

func TestListSchedules(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var all ScheduleList
	e.ok(t, "list_schedules", map[string]any{"limit": 100}, &all)
	if len(all.Schedules) != len(d.Schedules) {
		t.Fatalf("%d schedules, want %d", len(all.Schedules), len(d.Schedules))
	}
	team := teamByName(t, d, "Payments")
	var mine ScheduleList
	txt := e.ok(t, "list_schedules", map[string]any{"team": "payments"}, &mine)
	want := 0
	for _, s := range d.Schedules {
		for _, id := range s.TeamIDs {
			if id == team.ID {
				want++
			}
		}
	}
	if len(mine.Schedules) != want || want == 0 {
		t.Errorf("the Payments team has %d schedules listed, want %d\n%s", len(mine.Schedules), want, txt)
	}
	for _, s := range mine.Schedules {
		if !strings.HasPrefix(s.Name, "Payments") || s.TimeZone == "" {
			t.Errorf("schedule %+v", s)
		}
	}
}

func TestOverridePeriods(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	sch := scheduleByName(t, d, "Web Primary")
	user := d.Users[11]
	var created OverridesCreated
	e.ok(t, "create_schedule_override", map[string]any{"schedule": sch.ID, "user": user.Email, "periods": []string{
		"2026-12-24T18:00:00Z/2026-12-26T09:00:00Z", "2026-12-31T18:00:00Z/2027-01-01T12:00:00Z"}}, &created)
	if len(created.Created) != 2 || !created.Created[1].Start.Equal(time.Date(2026, 12, 31, 18, 0, 0, 0, time.UTC)) || created.Created[0].User.ID != user.ID {
		t.Fatalf("created %+v", created)
	}
	for _, bad := range []map[string]any{
		{"schedule": sch.ID, "user": user.ID, "periods": []string{"2026-12-24T18:00:00Z"}},
		{"schedule": sch.ID, "user": user.ID, "periods": []string{"2026-12-26T18:00:00Z/2026-12-24T18:00:00Z"}},
		{"schedule": sch.ID, "user": user.ID, "periods": []string{"2026-12-24/2026-12-25"}, "end": "2026-12-30"},
		{"schedule": sch.ID, "user": user.ID},
	} {
		e.pd.ResetRequests()
		e.fails(t, "create_schedule_override", bad)
		if n := len(e.pd.Requests()); n != 0 {
			t.Errorf("%v sent %d requests", bad, n)
		}
	}
}

func TestCreateSchedule(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	team := teamByName(t, d, "Platform")
	var users []string
	for _, m := range team.Members[:3] {
		users = append(users, m.UserID)
	}
	var created ScheduleCreated
	txt := e.ok(t, "create_schedule", map[string]any{"name": "SRE Primary", "time_zone": "Europe/London", "users": users,
		"turn": "daily", "start_date": "2026-11-25", "handoff_time": "10:00", "team": "platform"}, &created)
	if created.ID == "" || created.TurnHours != 24 || !created.Start.Equal(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)) || len(created.Rotation) != 3 {
		t.Fatalf("created %+v\n%s", created, txt)
	}
	// The rotation hands off daily at 10:00 London time, in the order given.
	var got ScheduleDetail
	e.ok(t, "get_schedule", map[string]any{"schedule": created.ID, "since": "2026-11-25T10:00:00Z", "until": "2026-11-28T10:00:00Z"}, &got)
	if len(got.Shifts) != 3 {
		t.Fatalf("shifts %+v", got.Shifts)
	}
	for i, sh := range got.Shifts {
		if sh.User.ID != users[i] || sh.End.Sub(sh.Start) != 24*time.Hour {
			t.Errorf("shift %d = %+v, want %s for 24h", i, sh, users[i])
		}
	}
	// Working hours restrict the rotation: 8 hours a day, with gaps between.
	var day ScheduleCreated
	e.ok(t, "create_schedule", map[string]any{"name": "Business hours", "time_zone": "UTC", "users": users[:2],
		"turn": "daily", "start_date": "2026-11-25", "handoff_time": "00:00", "working_hours": "09:00-17:00"}, &day)
	e.ok(t, "get_schedule", map[string]any{"schedule": day.ID, "since": "2026-11-25T00:00:00Z", "until": "2026-11-27T00:00:00Z"}, &got)
	if len(got.Shifts) != 2 || len(got.Gaps) != 3 {
		t.Fatalf("working hours: shifts %+v, gaps %+v", got.Shifts, got.Gaps)
	}
	for _, sh := range got.Shifts {
		if sh.Start.Hour() != 9 || sh.End.Sub(sh.Start) != 8*time.Hour {
			t.Errorf("shift %+v, want 09:00 for 8h", sh)
		}
	}
	for _, bad := range []map[string]any{
		{"name": "x", "time_zone": "Nowhere/Else", "users": users},
		{"name": "x", "time_zone": "UTC", "users": users, "handoff_time": "25:00"},
		{"name": "x", "time_zone": "UTC", "users": users, "start_date": "tomorrow"},
		{"name": "x", "time_zone": "UTC", "users": users, "working_hours": "9-5"},
	} {
		e.pd.ResetRequests()
		e.fails(t, "create_schedule", bad)
		if n := len(e.pd.Requests()); n != 0 {
			t.Errorf("%v sent %d requests", bad, n)
		}
	}
}
