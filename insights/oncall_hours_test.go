package insights

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// personOf returns the row of user id, or fails the test.
func personOf(t *testing.T, r *HoursReport, id string) PersonHours {
	t.Helper()
	for _, p := range r.People {
		if p.UserID == id {
			return p
		}
	}
	t.Fatalf("no row for user %s in %+v", id, r.People)
	return PersonHours{}
}

func TestOnCallHoursShiftAcrossMidnight(t *testing.T) {
	// Friday 2024-03-01 20:00 to Saturday 08:00 UTC: 12 h in all.
	// Night (22:00-06:00): Friday 22-24 (2 h) + Saturday 00-06 (6 h) = 8 h.
	// Weekend: Saturday 00:00-08:00 = 8 h.
	shifts := []Shift{{UserID: "U1", UserName: "Ann", Start: utc(t, "2024-03-01 20:00"), End: utc(t, "2024-03-02 08:00")}}
	r, err := OnCallHours(shifts, HoursOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-08 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	p := personOf(t, r, "U1")
	wantNear(t, "hours", p.Hours, 12)
	wantNear(t, "night hours", p.NightHours, 8)
	wantNear(t, "weekend hours", p.WeekendHours, 8)
	if p.Shifts != 1 || p.UserName != "Ann" || p.TimeZone != "UTC" {
		t.Errorf("shifts %d, name %q, zone %q; want 1, Ann, UTC", p.Shifts, p.UserName, p.TimeZone)
	}
	if r.Data.Records != 1 || r.Data.InWindow != 1 || r.Data.Truncated {
		t.Errorf("data = %+v, want 1 record, 1 in window, not truncated", r.Data)
	}
	if r.Method == "" || r.DayParts.NightStart != 22 || r.DayParts.NightEnd != 6 {
		t.Errorf("method %q, day parts %+v; want a method and 22-6", r.Method, r.DayParts)
	}
}

func TestOnCallHoursOverlappingOverridesCountOnce(t *testing.T) {
	// Wednesday 2024-03-06: a layer entry 08-16, an override 12-20 that
	// overlaps it, and an entry 20-22 that touches it. Joined: 08-22 =
	// 14 h in one shift, none of it at night (night starts at 22:00).
	shifts := []Shift{
		{UserID: "U1", Start: utc(t, "2024-03-06 08:00"), End: utc(t, "2024-03-06 16:00")},
		{UserID: "U1", Start: utc(t, "2024-03-06 12:00"), End: utc(t, "2024-03-06 20:00")},
		{UserID: "U1", Start: utc(t, "2024-03-06 20:00"), End: utc(t, "2024-03-06 22:00")},
	}
	r, err := OnCallHours(shifts, HoursOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	p := personOf(t, r, "U1")
	wantNear(t, "hours", p.Hours, 14)
	wantNear(t, "night hours", p.NightHours, 0)
	if p.Shifts != 1 {
		t.Errorf("shifts = %d, want 1 after joining", p.Shifts)
	}
}

func TestOnCallHoursUserInSeveralSchedules(t *testing.T) {
	// Schedule A 00-12, schedule B 06-18 on Tuesday 2024-03-05: the user is
	// on call 00-18 = 18 h, not 12 + 12 = 24. Night: 00-06 = 6 h.
	shifts := []Shift{
		{UserID: "U1", ScheduleID: "B", Start: utc(t, "2024-03-05 06:00"), End: utc(t, "2024-03-05 18:00")},
		{UserID: "U1", ScheduleID: "A", Start: utc(t, "2024-03-05 00:00"), End: utc(t, "2024-03-05 12:00")},
		{UserID: "U2", ScheduleID: "B", Start: utc(t, "2024-03-05 18:00"), End: utc(t, "2024-03-06 00:00")},
	}
	r, err := OnCallHours(shifts, HoursOptions{Window: Window{utc(t, "2024-03-05 00:00"), utc(t, "2024-03-06 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	p := personOf(t, r, "U1")
	wantNear(t, "hours", p.Hours, 18)
	wantNear(t, "night hours", p.NightHours, 6)
	if strings.Join(p.Schedules, ",") != "A,B" {
		t.Errorf("schedules = %v, want [A B]", p.Schedules)
	}
	// U2: 18-24 = 6 h, night 22-24 = 2 h.
	q := personOf(t, r, "U2")
	wantNear(t, "U2 hours", q.Hours, 6)
	wantNear(t, "U2 night hours", q.NightHours, 2)
}

func TestOnCallHoursAcrossDaylightSavingChanges(t *testing.T) {
	berlin, newYork := zone(t, "Europe/Berlin"), zone(t, "America/New_York")
	tests := []struct {
		name, zone            string
		start, end            time.Time
		hours, night, weekend float64
	}{{
		// Berlin springs forward on Sunday 2024-03-31 at 02:00 CET to 03:00
		// CEST. Saturday 12:00 to Sunday 12:00 reads 24 h on the wall clock
		// but lasts 23 h (11:00Z to 10:00Z). Night: 22:00 CET (21:00Z) to
		// 06:00 CEST (04:00Z) = 7 h. Saturday and Sunday: all 23 h.
		name: "Berlin spring forward", zone: "Europe/Berlin",
		start: at(t, berlin, "2024-03-30 12:00"), end: at(t, berlin, "2024-03-31 12:00"),
		hours: 23, night: 7, weekend: 23,
	}, {
		// Berlin falls back on Sunday 2024-10-27 at 03:00 CEST to 02:00 CET.
		// Saturday 12:00 (10:00Z) to Sunday 12:00 (11:00Z) = 25 h. Night:
		// 22:00 CEST (20:00Z) to 06:00 CET (05:00Z) = 9 h. Weekend: 25 h.
		name: "Berlin fall back", zone: "Europe/Berlin",
		start: at(t, berlin, "2024-10-26 12:00"), end: at(t, berlin, "2024-10-27 12:00"),
		hours: 25, night: 9, weekend: 25,
	}, {
		// New York springs forward on Sunday 2024-03-10 at 02:00 EST to
		// 03:00 EDT. Saturday 18:00 EST (23:00Z) to Sunday 18:00 EDT
		// (22:00Z) = 23 h. Night: 22:00 EST (03:00Z) to 06:00 EDT (10:00Z)
		// = 7 h. Weekend: 23 h.
		name: "New York spring forward", zone: "America/New_York",
		start: at(t, newYork, "2024-03-09 18:00"), end: at(t, newYork, "2024-03-10 18:00"),
		hours: 23, night: 7, weekend: 23,
	}, {
		// New York falls back on Sunday 2024-11-03 at 02:00 EDT to 01:00
		// EST. Saturday 18:00 EDT (22:00Z) to Sunday 18:00 EST (23:00Z) =
		// 25 h. Night: 22:00 EDT (02:00Z) to 06:00 EST (11:00Z) = 9 h.
		name: "New York fall back", zone: "America/New_York",
		start: at(t, newYork, "2024-11-02 18:00"), end: at(t, newYork, "2024-11-03 18:00"),
		hours: 25, night: 9, weekend: 25,
	}, {
		// Monday 2024-03-11 in New York, after the change: a whole local
		// day is 24 h, night 00-06 and 22-24 = 8 h, no weekend.
		name: "New York ordinary Monday", zone: "America/New_York",
		start: at(t, newYork, "2024-03-11 00:00"), end: at(t, newYork, "2024-03-12 00:00"),
		hours: 24, night: 8, weekend: 0,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shifts := []Shift{{UserID: "U1", TimeZone: tt.zone, Start: tt.start, End: tt.end}}
			w := Window{tt.start.Add(-48 * time.Hour), tt.end.Add(48 * time.Hour)}
			r, err := OnCallHours(shifts, HoursOptions{Window: w})
			if err != nil {
				t.Fatal(err)
			}
			p := personOf(t, r, "U1")
			wantNear(t, "hours", p.Hours, tt.hours)
			wantNear(t, "night hours", p.NightHours, tt.night)
			wantNear(t, "weekend hours", p.WeekendHours, tt.weekend)
			if p.TimeZone != tt.zone {
				t.Errorf("zone = %q, want %q", p.TimeZone, tt.zone)
			}
		})
	}
}

func TestOnCallHoursZoneChoice(t *testing.T) {
	// Monday 2024-03-04 20:00 to 24:00 UTC. In UTC, night is 22-24 = 2 h.
	// In Asia/Tokyo (UTC+9) the shift is Tuesday 05:00-09:00: night 05-06
	// = 1 h. The options' zone wins over the user's; Users' zone wins over
	// the shift's.
	shifts := []Shift{{UserID: "U1", TimeZone: "UTC", Start: utc(t, "2024-03-04 20:00"), End: utc(t, "2024-03-05 00:00")}}
	w := Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-06 00:00")}
	for _, tc := range []struct {
		name  string
		opts  HoursOptions
		night float64
	}{
		{"shift zone", HoursOptions{Window: w}, 2},
		{"options zone", HoursOptions{Window: w, TimeZone: "Asia/Tokyo"}, 1},
		{"users zone", HoursOptions{Window: w, Users: []User{{ID: "U1", TimeZone: "Asia/Tokyo"}}}, 1},
	} {
		r, err := OnCallHours(shifts, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		wantNear(t, tc.name+" night hours", personOf(t, r, "U1").NightHours, tc.night)
	}
}

func TestOnCallHoursCustomDayParts(t *testing.T) {
	// Night 18:00-23:00 (not across midnight) and a Friday-Saturday
	// weekend. Friday 2024-03-01 12:00 to 20:00 UTC: night 18-20 = 2 h;
	// weekend (Friday) = 8 h.
	shifts := []Shift{{UserID: "U1", Start: utc(t, "2024-03-01 12:00"), End: utc(t, "2024-03-01 20:00")}}
	r, err := OnCallHours(shifts, HoursOptions{
		Window:   Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")},
		DayParts: DayParts{NightStart: 18, NightEnd: 23, Weekend: []time.Weekday{time.Friday, time.Saturday}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := personOf(t, r, "U1")
	wantNear(t, "night hours", p.NightHours, 2)
	wantNear(t, "weekend hours", p.WeekendHours, 8)
}

func TestOnCallHoursClipsToWindow(t *testing.T) {
	// A 48 h shift (03-01 00:00 to 03-03 00:00) seen through a window from
	// 03-01 12:00 to 03-02 12:00 counts 24 h. A shift wholly outside does
	// not count, and a shift open on both sides (a user a policy targets
	// directly) counts the whole window.
	w := Window{utc(t, "2024-03-01 12:00"), utc(t, "2024-03-02 12:00")}
	shifts := []Shift{
		{UserID: "U1", Start: utc(t, "2024-03-01 00:00"), End: utc(t, "2024-03-03 00:00")},
		{UserID: "U2", Start: utc(t, "2024-03-05 00:00"), End: utc(t, "2024-03-06 00:00")},
		{UserID: "U3"},
	}
	r, err := OnCallHours(shifts, HoursOptions{Window: w, Truncated: true})
	if err != nil {
		t.Fatal(err)
	}
	wantNear(t, "U1 hours", personOf(t, r, "U1").Hours, 24)
	wantNear(t, "U2 hours", personOf(t, r, "U2").Hours, 0)
	wantNear(t, "U3 hours", personOf(t, r, "U3").Hours, 24)
	if r.Data.InWindow != 2 || !r.Data.Truncated {
		t.Errorf("data = %+v, want 2 shifts in window and truncated", r.Data)
	}
}

func TestOnCallHoursBalance(t *testing.T) {
	// U1 12 h, U2 6 h, U3 listed with no shift: 0 h.
	// Mean (12+6+0)/3 = 6; deviations +6, 0, -6;
	// population standard deviation sqrt((36+0+36)/3) = sqrt(24);
	// spread 12 - 0 = 12.
	shifts := []Shift{
		{UserID: "U1", Start: utc(t, "2024-03-04 00:00"), End: utc(t, "2024-03-04 12:00")},
		{UserID: "U2", Start: utc(t, "2024-03-04 12:00"), End: utc(t, "2024-03-04 18:00")},
	}
	r, err := OnCallHours(shifts, HoursOptions{
		Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-05 00:00")},
		Users:  []User{{ID: "U3", Name: "Cleo"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b := r.Balance
	if b.People != 3 {
		t.Fatalf("people = %d, want 3", b.People)
	}
	wantNear(t, "mean", b.Mean, 6)
	wantNear(t, "stddev", b.StdDev, math.Sqrt(24))
	wantNear(t, "spread", b.Spread, 12)
	wantNear(t, "min", b.Min, 0)
	wantNear(t, "max", b.Max, 12)
	wantNear(t, "U1 deviation", personOf(t, r, "U1").Deviation, 6)
	wantNear(t, "U2 deviation", personOf(t, r, "U2").Deviation, 0)
	c := personOf(t, r, "U3")
	wantNear(t, "U3 deviation", c.Deviation, -6)
	if c.UserName != "Cleo" || c.Shifts != 0 {
		t.Errorf("U3 = %+v, want Cleo with no shift", c)
	}
}

func TestOnCallHoursNoShifts(t *testing.T) {
	r, err := OnCallHours(nil, HoursOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-05 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.People) != 0 || r.Balance != (Balance{}) || r.Data.Records != 0 {
		t.Errorf("report = %+v, want no people and a zero balance", r)
	}
}

func TestOnCallHoursRefusesBadInput(t *testing.T) {
	day := Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-05 00:00")}
	good := []Shift{{UserID: "U1", Start: day.Start, End: day.End}}
	tests := []struct {
		name   string
		shifts []Shift
		opts   HoursOptions
		want   string
	}{
		{"empty window", good, HoursOptions{Window: Window{day.Start, day.Start}}, "not after its start"},
		{"no window", good, HoursOptions{}, "needs both a start and an end"},
		{"reversed window", good, HoursOptions{Window: Window{day.End, day.Start}}, "not after its start"},
		{"unknown zone", good, HoursOptions{Window: day, TimeZone: "Mars/Olympus"}, `unknown time zone "Mars/Olympus"`},
		{"night out of range", good, HoursOptions{Window: day, DayParts: DayParts{NightStart: 25, NightEnd: 6}}, "between 0 and 23"},
		{"night empty", good, HoursOptions{Window: day, DayParts: DayParts{NightStart: 5, NightEnd: 5}}, "both 5"},
		{"bad weekday", good, HoursOptions{Window: day, DayParts: DayParts{Weekend: []time.Weekday{9}}}, "weekend day 9"},
		{"unknown zone, no shifts", nil, HoursOptions{Window: day, TimeZone: "Mars/Olympus"}, `unknown time zone "Mars/Olympus"`},
		{"window too long", good, HoursOptions{Window: Window{day.Start, day.Start.AddDate(11, 0, 0)}}, "longer than ten years"},
		{"no user", []Shift{{Start: day.Start, End: day.End}}, HoursOptions{Window: day}, "shift 0 has no user ID"},
		{"reversed shift", []Shift{{UserID: "U1", Start: day.End, End: day.Start}}, HoursOptions{Window: day}, "ends"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OnCallHours(tt.shifts, tt.opts)
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v, want ErrInvalidInput", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to say %q", err, tt.want)
			}
		})
	}
}
