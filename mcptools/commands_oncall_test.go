package mcptools

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// rotation is one single-layer schedule of the demo worked out by hand:
// Payments Secondary, a daily rotation in Asia/Tokyo (no daylight saving
// time), so that its turns are fixed 24-hour spans from the layer's
// virtual start.
type rotation struct {
	schedule pdtest.Schedule
	layer    pdtest.ScheduleLayer
	turn     time.Duration
}

func paymentsSecondary(t *testing.T, d *pdtest.Dataset) rotation {
	t.Helper()
	s := scheduleByName(t, d, "Payments Secondary")
	if len(s.Layers) != 1 || len(s.Overrides) != 0 || s.TimeZone != "Asia/Tokyo" {
		t.Fatalf("Payments Secondary is not one layer without overrides in Tokyo: %+v", s)
	}
	return newRotation(s)
}

func newRotation(s pdtest.Schedule) rotation {
	l := s.Layers[0]
	return rotation{schedule: s, layer: l, turn: time.Duration(l.RotationTurnLengthSeconds) * time.Second}
}

// turnAt returns the start of the turn under way at t.
func (r rotation) turnAt(t time.Time) time.Time {
	n := t.Sub(r.layer.RotationVirtualStart) / r.turn
	return r.layer.RotationVirtualStart.Add(n * r.turn)
}

// userAt returns who the rotation puts on call at t.
func (r rotation) userAt(t time.Time) string {
	n := int(t.Sub(r.layer.RotationVirtualStart) / r.turn)
	return r.layer.UserIDs[n%len(r.layer.UserIDs)]
}

// hours returns each user's hours on call from since to until (both turn
// boundaries).
func (r rotation) hours(since, until time.Time) map[string]float64 {
	out := map[string]float64{}
	for at := since; at.Before(until); at = at.Add(r.turn) {
		out[r.userAt(at)] += r.turn.Hours()
	}
	return out
}

func overrideSet(s pdtest.Schedule) []string {
	var out []string
	for _, o := range s.Overrides {
		out = append(out, o.UserID+" "+o.Start.UTC().Format(time.RFC3339)+" "+o.End.UTC().Format(time.RFC3339))
	}
	return out
}

func newOverrides(before, after pdtest.Schedule) []string {
	var out []string
	old := overrideSet(before)
	for _, o := range overrideSet(after) {
		if !slices.Contains(old, o) {
			out = append(out, o)
		}
	}
	return out
}

func ov(user string, start, end time.Time) string {
	return user + " " + start.UTC().Format(time.RFC3339) + " " + end.UTC().Format(time.RFC3339)
}

func TestCommand_OnCall_WhoForDatabaseTeam(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	team := teamByName(t, d, "Database")
	var ep pdtest.EscalationPolicy
	for _, p := range d.EscalationPolicies {
		if slices.Contains(p.TeamIDs, team.ID) {
			ep = p
		}
	}
	primary := scheduleByName(t, d, "Database Primary")
	var overrideUser string
	for _, o := range primary.Overrides {
		if !o.Start.After(testNow) && o.End.After(testNow) {
			overrideUser = o.UserID
		}
	}
	var got OnCallList
	e.ok(t, "list_oncalls", map[string]any{"team": "database team"}, &got)
	levels := map[int]string{}
	for _, o := range got.OnCalls {
		if o.EscalationPolicy.ID != ep.ID {
			t.Errorf("entry of policy %s, want only %s", o.EscalationPolicy.ID, ep.ID)
		}
		levels[o.Level] = o.User.ID
	}
	if levels[1] != overrideUser || levels[3] != ep.Rules[2].Targets[0].ID {
		t.Errorf("on call by level %v: want %s (override) at 1 and the manager %s at 3", levels, overrideUser, ep.Rules[2].Targets[0].ID)
	}
	if !slices.ContainsFunc(team.Members, func(m pdtest.TeamMember) bool { return m.UserID == levels[2] }) {
		t.Errorf("level 2 is %q, not a member of the team", levels[2])
	}
}

func TestCommand_OnCall_CreateRotationForSRE(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	var team Team
	e.ok(t, "create_team", map[string]any{"name": "SRE", "description": "Site reliability"}, &team)
	var sched ScheduleCreated
	e.ok(t, "create_schedule", map[string]any{"name": "SRE Primary", "team": "SRE", "time_zone": "Europe/Berlin", "turn": "weekly",
		"users": []string{"Ada Lovelace", "grace.hopper@pdtest.example", "Alan Turing"}, "handoff_time": "10:00", "start_date": "2026-11-30"}, &sched)
	after := e.pd.Data()
	s := scheduleByName(t, after, "SRE Primary")
	want := []string{userNamed(t, d, "Ada Lovelace").ID, userNamed(t, d, "Grace Hopper").ID, userNamed(t, d, "Alan Turing").ID}
	if !slices.Equal(s.TeamIDs, []string{team.ID}) || len(s.Layers) != 1 || s.TimeZone != "Europe/Berlin" {
		t.Fatalf("stored %+v, team %s", s, team.ID)
	}
	l := s.Layers[0]
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if !slices.Equal(l.UserIDs, want) || l.RotationTurnLengthSeconds != 7*24*3600 || !l.RotationVirtualStart.Equal(time.Date(2026, 11, 30, 10, 0, 0, 0, berlin)) {
		t.Errorf("layer %+v, want %v weekly from 2026-11-30 10:00 Berlin", l, want)
	}
}

func TestCommand_OnCall_HolidayCoverage(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	before := scheduleByName(t, d, "Web Primary")
	sophie := userNamed(t, d, "Sophie Wilson")
	p1s, p1e := time.Date(2026, 12, 24, 18, 0, 0, 0, time.UTC), time.Date(2026, 12, 26, 9, 0, 0, 0, time.UTC)
	p2s, p2e := time.Date(2026, 12, 31, 18, 0, 0, 0, time.UTC), time.Date(2027, 1, 2, 9, 0, 0, 0, time.UTC)
	var res OverridesCreated
	e.ok(t, "create_schedule_override", map[string]any{"schedule": "web primary", "user": "Sophie Wilson",
		"periods": []string{p1s.Format(time.RFC3339) + "/" + p1e.Format(time.RFC3339), p2s.Format(time.RFC3339) + "/" + p2e.Format(time.RFC3339)}}, &res)
	got := newOverrides(before, scheduleByName(t, e.pd.Data(), "Web Primary"))
	if want := []string{ov(sophie.ID, p1s, p1e), ov(sophie.ID, p2s, p2e)}; !sameSet(got, want) {
		t.Errorf("new overrides %v, want %v", got, want)
	}
}

func TestCommand_OnCall_SwapShifts(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	r := paymentsSecondary(t, d)
	// Tomorrow's and the next day's turns, and who has them.
	t1 := r.turnAt(testNow).Add(r.turn)
	t2 := t1.Add(r.turn)
	a, b := r.userAt(t1), r.userAt(t2)
	for i, swap := range []struct {
		user, covering string
		start          time.Time
	}{{b, a, t1}, {a, b, t2}} {
		var res OverridesCreated
		e.ok(t, "create_schedule_override", map[string]any{"schedule": "Payments Secondary", "user": swap.user, "covering": swap.covering,
			"start": swap.start.Format(time.RFC3339), "end": swap.start.Add(r.turn).Format(time.RFC3339)}, &res)
		if len(res.Created) != 1 || len(res.Failed) != 0 {
			t.Fatalf("swap %d: %+v", i, res)
		}
	}
	got := newOverrides(r.schedule, scheduleByName(t, e.pd.Data(), "Payments Secondary"))
	if want := []string{ov(b, t1, t2), ov(a, t2, t2.Add(r.turn))}; !sameSet(got, want) {
		t.Errorf("overrides %v, want %v", got, want)
	}
}

func TestCommand_OnCall_EmergencyOverride(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	before := scheduleByName(t, d, "Web Primary")
	end := testNow.Add(4 * time.Hour)
	var res OverridesCreated
	e.ok(t, "create_schedule_override", map[string]any{"schedule": "Web Primary", "user": "me", "end": end.Format(time.RFC3339)}, &res)
	got := newOverrides(before, scheduleByName(t, e.pd.Data(), "Web Primary"))
	if want := []string{ov(d.CurrentUserID, testNow, end)}; !slices.Equal(got, want) {
		t.Errorf("overrides %v, want %v", got, want)
	}
}

func TestCommand_OnCall_VacationNextWeek(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	r := paymentsSecondary(t, d)
	katherine, tony := userNamed(t, d, "Katherine Johnson"), userNamed(t, d, "Tony Hoare")
	start := r.turnAt(testNow.Add(7 * 24 * time.Hour))
	end := start.Add(7 * 24 * time.Hour)
	var want []string
	for at := start; at.Before(end); at = at.Add(r.turn) {
		if r.userAt(at) == katherine.ID {
			want = append(want, ov(tony.ID, at, at.Add(r.turn)))
		}
	}
	if len(want) == 0 {
		t.Fatal("Katherine has no turn that week")
	}
	var res OverridesCreated
	e.ok(t, "create_schedule_override", map[string]any{"schedule": "payments secondary", "user": "Tony Hoare", "covering": "katherine johnson",
		"start": start.Format(time.RFC3339), "end": end.Format(time.RFC3339)}, &res)
	if got := newOverrides(r.schedule, scheduleByName(t, e.pd.Data(), "Payments Secondary")); !sameSet(got, want) {
		t.Errorf("overrides %v, want one per shift of Katherine: %v", got, want)
	}
}

func TestCommand_OnCall_RemoveExpiredOverrides(t *testing.T) {
	future := pdtest.Override{ID: "PFUTURE", Start: testNow.Add(48 * time.Hour), End: testNow.Add(60 * time.Hour)}
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		for i := range d.Schedules {
			if s := &d.Schedules[i]; s.Name == "Database Primary" {
				future.UserID = s.Layers[0].UserIDs[1]
				s.Overrides = append(s.Overrides, future)
			}
		}
	}))
	before := scheduleByName(t, e.pd.Data(), "Database Primary")
	var list OverrideList
	e.ok(t, "list_schedule_overrides", map[string]any{"schedule": "Database Primary", "since": "7d", "until": testNow.Add(7 * 24 * time.Hour).Format(time.RFC3339)}, &list)
	var ids []string
	for _, o := range list.Overrides {
		ids = append(ids, o.ID)
	}
	var ended, underway, ahead []string
	for _, o := range before.Overrides {
		switch {
		case !o.End.After(testNow):
			ended = append(ended, o.ID)
		case o.Start.After(testNow):
			ahead = append(ahead, o.ID)
		default:
			underway = append(underway, o.ID)
		}
	}
	if !sameSet(ids, append(append(slices.Clone(ended), underway...), ahead...)) || len(ended) == 0 || len(underway) == 0 {
		t.Fatalf("listed %v; stored ended %v, under way %v, ahead %v", ids, ended, underway, ahead)
	}
	var res OverridesDeleted
	e.ok(t, "delete_schedule_overrides", map[string]any{"schedule": "Database Primary", "overrides": ids}, &res)
	var failed []string
	for _, f := range res.Failed {
		failed = append(failed, f.Item)
	}
	if !sameSet(res.Deleted, ahead) || !sameSet(res.Truncated, underway) || !sameSet(failed, ended) {
		t.Errorf("deleted %v truncated %v failed %v; want %v, %v, %v", res.Deleted, res.Truncated, failed, ahead, underway, ended)
	}
	after := scheduleByName(t, e.pd.Data(), "Database Primary")
	for _, o := range after.Overrides {
		if slices.Contains(ahead, o.ID) || (slices.Contains(underway, o.ID) && o.End.After(testNow)) {
			t.Errorf("override %s is still there: %+v", o.ID, o)
		}
	}
}

func TestCommand_OnCall_BulkOverrides(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	before := scheduleByName(t, d, "Platform Secondary")
	alan := userNamed(t, d, "Alan Turing")
	var periods, want []string
	for day := 1; day <= 3; day++ {
		s := time.Date(2026, 12, day, 0, 0, 0, 0, time.UTC)
		periods = append(periods, s.Format(time.RFC3339)+"/"+s.Add(12*time.Hour).Format(time.RFC3339))
		want = append(want, ov(alan.ID, s, s.Add(12*time.Hour)))
	}
	var res OverridesCreated
	e.ok(t, "create_schedule_override", map[string]any{"schedule": "Platform Secondary", "user": "alan.turing@pdtest.example", "periods": periods}, &res)
	if got := newOverrides(before, scheduleByName(t, e.pd.Data(), "Platform Secondary")); !sameSet(got, want) || len(res.Created) != 3 {
		t.Errorf("overrides %v, want %v", got, want)
	}
}

// paymentsWeek is a week of Payments Secondary turns that ended before now.
func paymentsWeek(r rotation) (time.Time, time.Time) {
	start := r.turnAt(testNow).Add(-8 * r.turn)
	return start, start.Add(7 * r.turn)
}

func TestCommand_OnCall_HoursPerPerson(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{AllToolsets}}})
	r := paymentsSecondary(t, e.pd.Data())
	since, until := paymentsWeek(r)
	want := r.hours(since, until)
	var got OnCallHours
	e.ok(t, "get_oncall_hours", map[string]any{"schedule": "Payments Secondary", "since": since.Format(time.RFC3339), "until": until.Format(time.RFC3339)}, &got)
	if len(got.People) != len(want) {
		t.Fatalf("%d people, want %d: %+v", len(got.People), len(want), got.People)
	}
	for _, p := range got.People {
		if math.Abs(p.Hours-want[p.User.ID]) > 0.01 {
			t.Errorf("%s: %.2f h, want %.2f", p.User.Name, p.Hours, want[p.User.ID])
		}
	}
}

func TestCommand_OnCall_Balance(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{AllToolsets}}})
	r := paymentsSecondary(t, e.pd.Data())
	since, until := paymentsWeek(r)
	want := r.hours(since, until)
	mean, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, h := range want {
		mean += h / float64(len(want))
		lo, hi = min(lo, h), max(hi, h)
	}
	sq := 0.0
	for _, h := range want {
		sq += (h - mean) * (h - mean)
	}
	var got OnCallHours
	e.ok(t, "get_oncall_hours", map[string]any{"schedule": "Payments Secondary", "since": since.Format(time.RFC3339), "until": until.Format(time.RFC3339)}, &got)
	near(t, "mean", got.Mean, mean)
	near(t, "standard deviation", got.StdDev, math.Sqrt(sq/float64(len(want))))
	near(t, "spread", got.Spread, hi-lo)
	if hi == lo {
		t.Fatal("the week is evenly spread: pick one that is not")
	}
	for _, p := range got.People {
		near(t, p.User.Name+" deviation", p.Deviation, want[p.User.ID]-mean)
		if wantShifts := int(math.Round(want[p.User.ID] / r.turn.Hours())); p.Shifts != wantShifts {
			t.Errorf("%s: %d shifts, want %d", p.User.Name, p.Shifts, wantShifts)
		}
	}
}

func TestCommand_OnCall_CoverageGaps(t *testing.T) {
	// The rotation stops two days into the period.
	var stop time.Time
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		for i := range d.Schedules {
			if s := &d.Schedules[i]; s.Name == "Payments Secondary" {
				stop = testNow.Add(48 * time.Hour).Truncate(time.Hour)
				s.Layers[0].End = &stop
			}
		}
	}))
	until := testNow.Add(5 * 24 * time.Hour)
	var got CoverageGaps
	e.ok(t, "find_coverage_gaps", map[string]any{"schedule": "Payments Secondary", "since": "now", "until": until.Format(time.RFC3339)}, &got)
	if len(got.Gaps) != 1 || !got.Gaps[0].Start.Equal(stop) || !got.Gaps[0].End.Equal(until) {
		t.Fatalf("gaps %+v, want one from %s to %s", got.Gaps, stop, until)
	}
	near(t, "gap hours", got.GapHours, until.Sub(stop).Hours())
}

func TestCommand_OnCall_PayrollExport(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{AllToolsets}}})
	r := paymentsSecondary(t, e.pd.Data())
	since, until := paymentsWeek(r)
	want := r.hours(since, until)
	var got PayrollExport
	txt := e.ok(t, "export_oncall_payroll", map[string]any{"schedule": "Payments Secondary", "since": since.Format(time.RFC3339),
		"until": until.Format(time.RFC3339), "time_zone": "Asia/Tokyo"}, &got)
	if len(got.Totals) != len(want) {
		t.Fatalf("totals %+v, want %d people", got.Totals, len(want))
	}
	for _, tot := range got.Totals {
		near(t, tot.UserName+" hours", tot.Hours, want[tot.UserID])
	}
	near(t, "total hours", got.Hours, until.Sub(since).Hours())
	if got.Rows != 7 {
		t.Errorf("%d shift rows, want 7 daily turns\n%s", got.Rows, txt)
	}
}
