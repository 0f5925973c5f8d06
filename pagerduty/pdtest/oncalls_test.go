package pdtest

import (
	"testing"
	"time"
)

func TestOncallsOverWindow(t *testing.T) {
	s := newSmall(t)
	_, m := call(t, s, "GET", "/oncalls?since=2026-03-10T00:00:00Z&until=2026-03-11T00:00:00Z&limit=100", nil)
	type row struct {
		level      int
		user       string
		start, end string
	}
	var got []row
	for _, o := range items(m, "oncalls") {
		got = append(got, row{int(o["escalation_level"].(float64)), str(o, "user", "id"), str(o, "start"), str(o, "end")})
	}
	// Day 9 after 2026-03-01 is u2's turn (u1, u2, u1, ...); the override
	// gives 06:00-12:00 to u3; level 2 is u3 for good.
	want := []row{
		{1, "PU00002", "2026-03-10T00:00:00Z", "2026-03-10T06:00:00Z"},
		{1, "PU00003", "2026-03-10T06:00:00Z", "2026-03-10T12:00:00Z"},
		{1, "PU00002", "2026-03-10T12:00:00Z", "2026-03-11T00:00:00Z"},
		{2, "PU00003", "", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("oncall %d: got %v, want %v", i, got[i], want[i])
		}
	}
	// Now (09:00): the override.
	_, m = call(t, s, "GET", "/oncalls?escalation_policy_ids[]=PE00001&schedule_ids[]=PS00001", nil)
	if on := items(m, "oncalls"); len(on) != 1 || str(on[0], "user", "id") != "PU00003" {
		t.Fatalf("on call now: %v", on)
	}
	if st, m := call(t, s, "GET", "/oncalls?since=2025-01-01T00:00:00Z&until=2026-03-10T00:00:00Z", nil); st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("a window of more than 90 days: %d %v", st, m)
	}
	// earliest: one entry per (policy, level, user).
	_, m = call(t, s, "GET", "/oncalls?since=2026-03-10T00:00:00Z&until=2026-03-12T00:00:00Z&earliest=true&user_ids[]=PU00002", nil)
	if on := items(m, "oncalls"); len(on) != 1 || str(on[0], "start") != "2026-03-10T00:00:00Z" {
		t.Fatalf("earliest for u2: %v", on)
	}
}

func TestScheduleRendering(t *testing.T) {
	s := newSmall(t)
	_, m := call(t, s, "GET", "/schedules/PS00001?since=2026-03-10T00:00:00Z&until=2026-03-11T00:00:00Z&time_zone=Europe/Paris", nil)
	sc := m["schedule"].(map[string]any)
	final := items(sc["final_schedule"].(map[string]any), "rendered_schedule_entries")
	if len(final) != 3 || str(final[1], "user", "id") != "PU00003" || str(final[1], "start") != "2026-03-10T07:00:00+01:00" {
		t.Fatalf("final schedule: %v", final)
	}
	if cov := sc["final_schedule"].(map[string]any)["rendered_coverage_percentage"].(float64); cov != 100 {
		t.Fatalf("coverage %v", cov)
	}
	ov := items(sc["overrides_subschedule"].(map[string]any), "rendered_schedule_entries")
	if len(ov) != 1 || str(ov[0], "user", "id") != "PU00003" {
		t.Fatalf("overrides: %v", ov)
	}
	layer := items(sc, "schedule_layers")[0]
	if entries := items(layer, "rendered_schedule_entries"); len(entries) != 1 || str(entries[0], "user", "id") != "PU00002" {
		t.Fatalf("layer entries: %v", entries)
	}
	_, m = call(t, s, "GET", "/schedules/PS00001/users?since=2026-03-10T00:00:00Z&until=2026-03-10T08:00:00Z", nil)
	if us := items(m, "users"); len(us) != 2 {
		t.Fatalf("users on call: %v", us)
	}
}

func TestRestrictions(t *testing.T) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a Monday
	l := ScheduleLayer{Start: start, RotationVirtualStart: start, RotationTurnLengthSeconds: 7 * 86400, UserIDs: []string{"a"},
		Restrictions: []Restriction{{Type: "daily_restriction", StartTimeOfDay: "09:00:00", DurationSeconds: 8 * 3600}}}
	got := renderLayer(&l, time.UTC, start, start.AddDate(0, 0, 2))
	if len(got) != 2 || !got[0].Start.Equal(start.Add(9*time.Hour)) || !got[0].End.Equal(start.Add(17*time.Hour)) {
		t.Fatalf("daily restriction: %v", got)
	}
	l.Restrictions = []Restriction{{Type: "weekly_restriction", StartDayOfWeek: 3, StartTimeOfDay: "10:00:00", DurationSeconds: 3600}}
	got = renderLayer(&l, time.UTC, start, start.AddDate(0, 0, 7))
	if len(got) != 1 || !got[0].Start.Equal(start.AddDate(0, 0, 2).Add(10*time.Hour)) {
		t.Fatalf("weekly restriction: %v", got)
	}
	// A turn so long that it overflows renders nothing instead of looping.
	l.RotationTurnLengthSeconds = 1 << 62
	if got := renderLayer(&l, time.UTC, start, start.AddDate(0, 0, 7)); got != nil {
		t.Fatalf("overflowing turn: %v", got)
	}
}

func TestOverrides(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "POST", "/schedules/PS00001/overrides", map[string]any{"override": map[string]any{
		"start": "2026-03-12T00:00:00Z", "end": "2026-03-12T06:00:00Z", "user": map[string]any{"id": "PU00001", "type": "user_reference"}}})
	if st != 201 || str(m, "override", "user", "id") != "PU00001" {
		t.Fatalf("create: %d %v", st, m)
	}
	future := str(m, "override", "id")
	st, m = call(t, s, "POST", "/schedules/PS00001/overrides", map[string]any{"overrides": []any{
		map[string]any{"start": "2026-03-13T00:00:00Z", "end": "2026-03-13T06:00:00Z", "user": map[string]any{"id": "PU00002", "type": "user_reference"}},
		map[string]any{"start": "2026-03-13T00:00:00Z", "end": "2026-03-12T06:00:00Z", "user": map[string]any{"id": "PU00002", "type": "user_reference"}},
	}})
	res, _ := m["array"].([]any)
	if st != 201 || len(res) != 2 || res[0].(map[string]any)["status"].(float64) != 201 || res[1].(map[string]any)["status"].(float64) != 400 {
		t.Fatalf("array form: %d %v", st, m)
	}
	if st, _ := call(t, s, "DELETE", "/schedules/PS00001/overrides/"+future, nil); st != 204 {
		t.Fatalf("delete future: %d", st)
	}
	// The demo override of 06:00-12:00 is in progress at 09:00: truncated.
	if st, _ := call(t, s, "DELETE", "/schedules/PS00001/overrides/PO00001", nil); st != 200 {
		t.Fatalf("delete current: %d", st)
	}
	// Now it has ended: refused.
	if st, m := call(t, s, "DELETE", "/schedules/PS00001/overrides/PO00001", nil); st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("delete past: %d %v", st, m)
	}
	_, m = call(t, s, "GET", "/schedules/PS00001/overrides?since=2026-03-10T00:00:00Z&until=2026-03-20T00:00:00Z", nil)
	if ov := items(m, "overrides"); len(ov) != 2 {
		t.Fatalf("overrides listed: %v", ov)
	}
}

func TestScheduleWrites(t *testing.T) {
	s := newSmall(t)
	layer := func(name string, users ...string) map[string]any {
		var us []any
		for _, u := range users {
			us = append(us, map[string]any{"user": map[string]any{"id": u, "type": "user_reference"}})
		}
		return map[string]any{"name": name, "start": "2026-03-02T00:00:00Z", "rotation_virtual_start": "2026-03-02T00:00:00Z",
			"rotation_turn_length_seconds": 86400, "users": us}
	}
	day := layer("Day", "PU00003")
	day["restrictions"] = []any{map[string]any{"type": "daily_restriction", "start_time_of_day": "09:00:00", "duration_seconds": 28800}}
	// Listed first, the day layer wins over the base rotation.
	st, m := call(t, s, "POST", "/schedules", map[string]any{"schedule": map[string]any{"type": "schedule", "name": "Follow the sun",
		"time_zone": "UTC", "schedule_layers": []any{day, layer("Base", "PU00001", "PU00002")}}})
	if st != 201 {
		t.Fatalf("create: %d %v", st, m)
	}
	id := str(m, "schedule", "id")
	if names := items(m["schedule"].(map[string]any), "schedule_layers"); len(names) != 2 || names[0]["name"] != "Day" {
		t.Fatalf("layers listed: %v", names)
	}
	_, m = call(t, s, "GET", "/schedules/"+id+"?since=2026-03-10T00:00:00Z&until=2026-03-11T00:00:00Z", nil)
	final := items(m["schedule"].(map[string]any)["final_schedule"].(map[string]any), "rendered_schedule_entries")
	// Day 8 of the base rotation is u1's; u3 covers 09:00-17:00.
	want := []string{"PU00001", "PU00003", "PU00001"}
	if len(final) != 3 {
		t.Fatalf("final: %v", final)
	}
	for i, e := range final {
		if str(e, "user", "id") != want[i] {
			t.Fatalf("final entry %d: %v", i, e)
		}
	}
	bad := []map[string]any{
		{"name": "x", "time_zone": "Mars/Base", "schedule_layers": []any{layer("L", "PU00001")}},
		{"name": "x", "time_zone": "UTC", "schedule_layers": []any{layer("L", "PNOBODY")}},
		{"name": "x", "time_zone": "UTC", "schedule_layers": []any{}},
		{"name": "x", "time_zone": "UTC", "schedule_layers": []any{map[string]any{"start": "2026-03-02T00:00:00Z", "rotation_turn_length_seconds": 60,
			"users": []any{map[string]any{"user": map[string]any{"id": "PU00001"}}}}}},
	}
	for _, b := range bad {
		if st, m := call(t, s, "POST", "/schedules", map[string]any{"schedule": b}); st != 400 || errCode(m) != CodeInvalidInput {
			t.Errorf("%v: %d %v", b, st, m)
		}
	}
	if st, m := call(t, s, "PUT", "/schedules/"+id, map[string]any{"schedule": map[string]any{"name": "Renamed"}}); st != 200 || str(m, "schedule", "name") != "Renamed" {
		t.Fatalf("update: %d %v", st, m)
	}
	if st, _ := call(t, s, "DELETE", "/schedules/PS00001", nil); st != 400 {
		t.Fatalf("deleting a schedule a policy uses: %d", st)
	}
	if st, _ := call(t, s, "DELETE", "/schedules/"+id, nil); st != 204 {
		t.Fatalf("delete: %d", st)
	}
}
