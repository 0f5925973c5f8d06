package mcptools

import (
	"math"
	"strings"
	"testing"
)

func TestIncidentMetrics(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{"analytics"}}})
	d := e.pd.Data()
	since := testNow.AddDate(0, 0, -14)
	count, resolved := 0, 0
	var sum float64
	for _, inc := range d.Incidents {
		if inc.CreatedAt.Before(since) {
			continue
		}
		count++
		if inc.ResolvedAt != nil {
			resolved++
			sum += inc.ResolvedAt.Sub(inc.CreatedAt).Minutes()
		}
	}
	var all Metrics
	txt := e.ok(t, "get_incident_metrics", map[string]any{"since": "14d"}, &all)
	if len(all.Rows) != 1 || all.Rows[0].Incidents != count {
		t.Fatalf("rows %+v, want one row of %d incidents\n%s", all.Rows, count, txt)
	}
	if want := sum / float64(resolved); math.Abs(all.Rows[0].MeanResolveMins-want) > 0.2 {
		t.Errorf("MTTR %.1f min, want %.1f", all.Rows[0].MeanResolveMins, want)
	}
	if !strings.Contains(txt, "MTTR") {
		t.Errorf("text: %s", txt)
	}
	var weekly Metrics
	e.ok(t, "get_incident_metrics", map[string]any{"since": "14d", "per": "week"}, &weekly)
	total := 0
	for _, r := range weekly.Rows {
		total += r.Incidents
		if r.Start.IsZero() {
			t.Errorf("a weekly row without its start: %+v", r)
		}
	}
	if len(weekly.Rows) < 2 || total != count {
		t.Errorf("%d weekly rows summing to %d incidents, want at least 2 summing to %d", len(weekly.Rows), total, count)
	}
	e.fails(t, "get_incident_metrics", map[string]any{"since": "2026-11-20", "until": "2026-11-01"})
}

func TestOnCallHoursMatchScheduleShifts(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{"analytics", "schedules"}}})
	args := map[string]any{"schedule": "Web Secondary", "since": "2026-11-10T00:00:00Z", "until": "2026-11-24T00:00:00Z"}
	var hours OnCallHours
	txt := e.ok(t, "get_oncall_hours", args, &hours)
	var sched ScheduleDetail
	e.ok(t, "get_schedule", args, &sched)
	if len(hours.People) == 0 || len(hours.People) != len(sched.Hours) {
		t.Fatalf("%d people in get_oncall_hours, %d in get_schedule\n%s", len(hours.People), len(sched.Hours), txt)
	}
	total := 0.0
	for _, p := range hours.People {
		total += p.Hours
		found := false
		for _, h := range sched.Hours {
			if h.User.ID == p.User.ID {
				found = true
				if math.Abs(h.Hours-p.Hours) > 0.1 {
					t.Errorf("%s: %.1f h from on-call entries, %.1f h from the schedule", p.User.ID, p.Hours, h.Hours)
				}
			}
		}
		if !found {
			t.Errorf("%s is not on the schedule", p.User.ID)
		}
	}
	if math.Abs(total-14*24) > 0.1 {
		t.Errorf("a daily rotation covers %.1f h of 14 days, want %d", total, 14*24)
	}
	if hours.Method == "" || !strings.Contains(txt, "Method:") || !strings.Contains(txt, "standard deviation") {
		t.Errorf("text:\n%s", txt)
	}
	e.fails(t, "get_oncall_hours", map[string]any{"time_zone": "Mars/Olympus"})
	e.fails(t, "get_oncall_hours", map[string]any{"since": "2026-01-01", "until": "2026-11-01"})
}
