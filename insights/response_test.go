package insights

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// inc builds an incident created at created (UTC "2006-01-02 15:04"),
// acknowledged and resolved the given minutes later (negative: never).
func inc(t *testing.T, id, service, created string, ackMin, resolveMin int) Incident {
	t.Helper()
	c := utc(t, created)
	i := Incident{ID: id, ServiceID: service, ServiceName: strings.ToUpper(service), Urgency: "high", CreatedAt: c}
	if ackMin >= 0 {
		i.AcknowledgedAt = c.Add(time.Duration(ackMin) * time.Minute)
	}
	if resolveMin >= 0 {
		i.ResolvedAt = c.Add(time.Duration(resolveMin) * time.Minute)
	}
	return i
}

func TestResponseStats(t *testing.T) {
	incs := []Incident{
		inc(t, "I1", "web", "2024-03-04 10:00", 2, 30),
		inc(t, "I2", "web", "2024-03-04 11:00", 4, 90),
		inc(t, "I3", "db", "2024-03-05 09:00", -1, 20), // never acknowledged
		inc(t, "I4", "db", "2024-03-06 09:00", 6, -1),  // open
		inc(t, "I5", "db", "2024-02-01 09:00", 1, 1),   // before the window
	}
	incs[0].TeamID, incs[0].TeamName = "T1", "Frontend"
	incs[1].TeamID, incs[1].TeamName = "T1", "Frontend"
	incs[3].Urgency = "low"
	r, err := ResponseStats(incs, ResponseOptions{IncidentOptions: IncidentOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}}})
	if err != nil {
		t.Fatal(err)
	}
	o := r.Overall
	// In the window: I1-I4. Acknowledged: I1 (2), I2 (4), I4 (6) -> MTTA 4,
	// median 4. Resolved: I1 (30), I2 (90), I3 (20) -> MTTR 140/3, median
	// 30. I3 was never acknowledged; I4 is open; 3 are high urgency.
	if o.Incidents != 4 || o.Acknowledged != 3 || o.Resolved != 3 || o.Open != 1 || o.NeverAcknowledged != 1 || o.HighUrgency != 3 {
		t.Errorf("overall counts = %+v", o)
	}
	wantNear(t, "MTTA", o.TimeToAcknowledge.Mean, 4)
	wantNear(t, "median TTA", o.TimeToAcknowledge.Median, 4)
	wantNear(t, "MTTR", o.TimeToResolve.Mean, 140.0/3)
	wantNear(t, "median TTR", o.TimeToResolve.Median, 30)
	if r.Data.Records != 5 || r.Data.InWindow != 4 {
		t.Errorf("data = %+v, want 5 records, 4 in window", r.Data)
	}
	// Services sorted by name: DB (I3, I4), WEB (I1, I2).
	if len(r.Services) != 2 || r.Services[0].ID != "db" || r.Services[1].ID != "web" {
		t.Fatalf("services = %+v, want db then web", r.Services)
	}
	web := r.Services[1]
	wantNear(t, "web MTTR", web.TimeToResolve.Mean, 60) // (30+90)/2
	wantNear(t, "web MTTA", web.TimeToAcknowledge.Mean, 3)
	db := r.Services[0]
	if db.TimeToAcknowledge.Count != 1 || db.TimeToResolve.Count != 1 {
		t.Errorf("db = %+v, want one acknowledgement (I4) and one resolution (I3)", db)
	}
	// Teams: incidents without a team fall in the group with an empty ID.
	if len(r.Teams) != 2 || r.Teams[0].ID != "" || r.Teams[0].Incidents != 2 || r.Teams[1].Name != "Frontend" || r.Teams[1].Incidents != 2 {
		t.Errorf("teams = %+v, want (none) 2 and Frontend 2", r.Teams)
	}
	if r.Trend != nil {
		t.Errorf("trend = %+v, want none when no bucket is asked", r.Trend)
	}
}

func TestResponseStatsZeroIncidents(t *testing.T) {
	// Seven empty days still give seven trend periods.
	r, err := ResponseStats(nil, ResponseOptions{
		IncidentOptions: IncidentOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}},
		Bucket:          Day,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.Incidents != 0 || r.Overall.TimeToResolve != (DurationStats{}) || len(r.Services) != 0 || len(r.Teams) != 0 {
		t.Errorf("report = %+v, want nothing counted", r)
	}
	if len(r.Trend) != 7 || r.Trend[0].Label != "2024-03-04" || r.Trend[6].Label != "2024-03-10" {
		t.Errorf("trend = %+v, want 7 days from 2024-03-04", r.Trend)
	}
}

func TestResponseTrendInTimeZone(t *testing.T) {
	// 2024-03-04 23:30 UTC is 2024-03-05 00:30 in Berlin (UTC+1): by day,
	// it falls on the 4th in UTC but on the 5th in Berlin.
	incs := []Incident{inc(t, "I1", "web", "2024-03-04 23:30", 1, 10)}
	w := IncidentOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-06 00:00")}}
	count := func(zone string) map[string]int {
		r, err := ResponseStats(incs, ResponseOptions{IncidentOptions: w, Bucket: Day, TimeZone: zone})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, b := range r.Trend {
			m[b.Label] = b.Incidents
		}
		return m
	}
	if m := count(""); m["2024-03-04"] != 1 || m["2024-03-05"] != 0 {
		t.Errorf("UTC days = %v, want the incident on 2024-03-04", m)
	}
	// In Berlin the window runs from 03-04 01:00 to 03-06 01:00 local, so
	// its days are the 4th, 5th and 6th.
	if m := count("Europe/Berlin"); m["2024-03-05"] != 1 || m["2024-03-04"] != 0 || len(m) != 3 {
		t.Errorf("Berlin days = %v, want the incident on 2024-03-05 of 3 days", m)
	}
}

func TestResponseTrendWeeksAndMonths(t *testing.T) {
	incs := []Incident{
		inc(t, "I1", "web", "2024-03-03 12:00", 1, 10), // Sunday: week of Monday 02-26
		inc(t, "I2", "web", "2024-03-04 12:00", 3, 30), // Monday: week of 03-04
		inc(t, "I3", "web", "2024-03-10 12:00", 5, 50), // Sunday: week of 03-04
		inc(t, "I4", "web", "2024-04-02 12:00", 1, 10), // April
	}
	w := IncidentOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-04-15 00:00")}}
	r, err := ResponseStats(incs, ResponseOptions{IncidentOptions: w, Bucket: Week})
	if err != nil {
		t.Fatal(err)
	}
	if r.Trend[0].Label != "2024-02-26" || r.Trend[0].Incidents != 1 || r.Trend[1].Label != "2024-03-04" || r.Trend[1].Incidents != 2 {
		t.Errorf("weeks = %+v, want 02-26 (1) and 03-04 (2) first", r.Trend[:2])
	}
	// Week of 03-04: MTTR (30+50)/2 = 40.
	wantNear(t, "week MTTR", r.Trend[1].TimeToResolve.Mean, 40)
	if last := r.Trend[len(r.Trend)-1]; last.Label != "2024-04-08" || len(r.Trend) != 7 {
		t.Errorf("weeks: %d ending %s, want 7 ending 2024-04-08", len(r.Trend), last.Label)
	}
	r, err = ResponseStats(incs, ResponseOptions{IncidentOptions: w, Bucket: Month})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Trend) != 2 || r.Trend[0].Label != "2024-03" || r.Trend[0].Incidents != 3 || r.Trend[1].Label != "2024-04" || r.Trend[1].Incidents != 1 {
		t.Errorf("months = %+v, want 2024-03 (3) and 2024-04 (1)", r.Trend)
	}
	// With no window the trend spans the incidents.
	r, err = ResponseStats(incs, ResponseOptions{Bucket: Month})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Trend) != 2 || r.Trend[0].Incidents != 3 {
		t.Errorf("months without window = %+v, want 2 months", r.Trend)
	}
}

func TestResponseStatsRefusesBadInput(t *testing.T) {
	week := IncidentOptions{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}}
	good := []Incident{inc(t, "I1", "web", "2024-03-04 10:00", 1, 2)}
	backwards := inc(t, "I2", "web", "2024-03-04 10:00", -1, -1)
	backwards.ResolvedAt = backwards.CreatedAt.Add(-time.Minute)
	tests := []struct {
		name string
		incs []Incident
		opts ResponseOptions
		want string
	}{
		{"bad bucket", good, ResponseOptions{IncidentOptions: week, Bucket: "year"}, `bucket "year"`},
		{"too many days", good, ResponseOptions{IncidentOptions: IncidentOptions{Window: Window{utc(t, "2000-01-01 00:00"), utc(t, "2024-01-01 00:00")}}, Bucket: Day}, "more than 1000"},
		{"no creation", []Incident{{ID: "I9"}}, ResponseOptions{}, "no creation time"},
		{"resolved before created", []Incident{backwards}, ResponseOptions{}, "resolved"},
		{"bad urgency", []Incident{{ID: "I9", CreatedAt: utc(t, "2024-03-04 10:00"), Urgency: "urgent"}}, ResponseOptions{}, `urgency "urgent"`},
		{"half window", good, ResponseOptions{IncidentOptions: IncidentOptions{Window: Window{Start: utc(t, "2024-03-04 00:00")}}}, "needs both"},
		{"bad zone", good, ResponseOptions{IncidentOptions: week, Bucket: Day, TimeZone: "Nowhere/Land"}, "unknown time zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ResponseStats(tt.incs, tt.opts)
			if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrInvalidInput saying %q", err, tt.want)
			}
		})
	}
}
