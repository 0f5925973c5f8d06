package mcptools

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// analyticsEnv mounts every read tool in front of the demo account.
var analyticsEnv = envConfig{filter: Filter{Toolsets: []string{AllToolsets}}}

// demoWindow is the incidents of the demo created in the last days, with the
// figures the reports derive from their history, worked out here.
type demoWindow struct {
	since     time.Time
	incidents []pdtest.Incident
}

func lastDays(d *pdtest.Dataset, days int) demoWindow {
	w := demoWindow{since: testNow.Add(-time.Duration(days) * 24 * time.Hour)}
	for _, inc := range d.Incidents {
		if !inc.CreatedAt.Before(w.since) && inc.CreatedAt.Before(testNow) {
			w.incidents = append(w.incidents, inc)
		}
	}
	return w
}

// firstAck returns when an incident was first acknowledged, from its log.
func firstAck(inc pdtest.Incident) (time.Time, bool) {
	for _, l := range inc.LogEntries {
		if l.Type == pdtest.LogAcknowledge {
			return l.CreatedAt, true
		}
	}
	return time.Time{}, false
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func TestCommand_Analytics_MTTR(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 14)
	var ttr, tta []float64
	for _, inc := range w.incidents {
		if inc.ResolvedAt != nil {
			ttr = append(ttr, inc.ResolvedAt.Sub(inc.CreatedAt).Minutes())
		}
		if at, ok := firstAck(inc); ok {
			tta = append(tta, at.Sub(inc.CreatedAt).Minutes())
		}
	}
	var got ResponseStats
	e.ok(t, "get_response_stats", map[string]any{"since": "14d"}, &got)
	o := got.Overall
	if o.Incidents != len(w.incidents) || o.Resolved != len(ttr) || o.Acknowledged != len(tta) {
		t.Fatalf("counts %+v, want %d incidents, %d resolved, %d acknowledged", o, len(w.incidents), len(ttr), len(tta))
	}
	near(t, "MTTR", o.TimeToResolve.Mean, mean(ttr))
	near(t, "MTTA", o.TimeToAcknowledge.Mean, mean(tta))
	slices.Sort(ttr)
	near(t, "longest", o.TimeToResolve.Max, ttr[len(ttr)-1])
}

func TestCommand_Analytics_WeeklyTrend(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 28)
	var got ResponseStats
	e.ok(t, "get_response_stats", map[string]any{"since": "28d", "per": "week"}, &got)
	if len(got.Trend) < 4 {
		t.Fatalf("%d weekly buckets, want 4 or 5", len(got.Trend))
	}
	total := 0
	for _, b := range got.Trend {
		if b.Start.Weekday() != time.Monday && !b.Start.Equal(w.since) {
			t.Errorf("bucket %s starts on a %s", b.Label, b.Start.Weekday())
		}
		want := 0
		for _, inc := range w.incidents {
			if !inc.CreatedAt.Before(b.Start) && inc.CreatedAt.Before(b.End) {
				want++
			}
		}
		if b.Incidents != want {
			t.Errorf("week %s: %d incidents, want %d", b.Label, b.Incidents, want)
		}
		total += b.Incidents
	}
	if total != len(w.incidents) {
		t.Errorf("the weeks add up to %d incidents, want %d", total, len(w.incidents))
	}
}

func TestCommand_Analytics_ByService(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	d := e.pd.Data()
	w := lastDays(d, 14)
	want := map[string]int{}
	for _, inc := range w.incidents {
		want[inc.ServiceID]++
	}
	var got Metrics
	e.ok(t, "get_incident_metrics", map[string]any{"since": "14d", "group_by": "service"}, &got)
	seen := map[string]int{}
	for _, r := range got.Rows {
		if r.Group == nil {
			t.Fatalf("a row without its service: %+v", r)
		}
		seen[r.Group.ID] = r.Incidents
	}
	for id, n := range want {
		if seen[id] != n {
			t.Errorf("service %s: %d incidents, want %d", id, seen[id], n)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d services, want %d", len(seen), len(want))
	}
}

func TestCommand_Analytics_OnCallLoad(t *testing.T) {
	// The Database team's two rotations in UTC and without overrides, so
	// that the load can be worked out turn by turn.
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		for i := range d.Schedules {
			if s := &d.Schedules[i]; strings.HasPrefix(s.Name, "Database ") {
				s.TimeZone, s.Overrides = "UTC", nil
			}
		}
	}))
	d := e.pd.Data()
	rots := []rotation{newRotation(scheduleByName(t, d, "Database Primary")), newRotation(scheduleByName(t, d, "Database Secondary"))}
	since := testNow.Add(-7 * 24 * time.Hour)
	want := map[string]float64{}
	for at := since; at.Before(testNow); at = at.Add(time.Hour) {
		on := map[string]bool{}
		for _, r := range rots {
			on[r.userAt(at)] = true
		}
		for u := range on {
			want[u]++
		}
	}
	var got OnCallHours
	e.ok(t, "get_oncall_hours", map[string]any{"team": "database team", "since": "7d"}, &got)
	if len(got.People) != len(want) {
		t.Fatalf("%d people %+v, want %d", len(got.People), got.People, len(want))
	}
	for _, p := range got.People {
		near(t, p.User.Name+" hours", p.Hours, want[p.User.ID])
	}
}

func TestCommand_Analytics_SLACompliance(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 14)
	// Half-minute targets: the demo's times are whole minutes, so none
	// sits on a target.
	const ackT, resT = 15.5, 120.5
	var ackMet, ackBreached, ackPending, resMet, resBreached, resPending int
	judge := func(minutes, target float64, done bool, met, breached, pending *int) {
		switch {
		case minutes > target:
			*breached++
		case done:
			*met++
		default:
			*pending++
		}
	}
	for _, inc := range w.incidents {
		if at, ok := firstAck(inc); ok {
			judge(at.Sub(inc.CreatedAt).Minutes(), ackT, true, &ackMet, &ackBreached, &ackPending)
		} else if inc.ResolvedAt != nil {
			judge(inc.ResolvedAt.Sub(inc.CreatedAt).Minutes(), ackT, true, &ackMet, &ackBreached, &ackPending)
		} else {
			judge(testNow.Sub(inc.CreatedAt).Minutes(), ackT, false, &ackMet, &ackBreached, &ackPending)
		}
		if inc.ResolvedAt != nil {
			judge(inc.ResolvedAt.Sub(inc.CreatedAt).Minutes(), resT, true, &resMet, &resBreached, &resPending)
		} else {
			judge(testNow.Sub(inc.CreatedAt).Minutes(), resT, false, &resMet, &resBreached, &resPending)
		}
	}
	var got SLACompliance
	e.ok(t, "get_sla_compliance", map[string]any{"since": "14d", "ack_minutes": ackT, "resolve_minutes": resT}, &got)
	a, r := got.Acknowledge, got.Resolve
	if a.Met != ackMet || a.Breached != ackBreached || a.Pending != ackPending {
		t.Errorf("acknowledge %+v, want met %d breached %d pending %d", a, ackMet, ackBreached, ackPending)
	}
	if r.Met != resMet || r.Breached != resBreached || r.Pending != resPending {
		t.Errorf("resolve %+v, want met %d breached %d pending %d", r, resMet, resBreached, resPending)
	}
	near(t, "acknowledge compliance", a.Rate, 100*float64(ackMet)/float64(ackMet+ackBreached))
}

func TestCommand_Analytics_EscalationEffectiveness(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 14)
	escalated, escalations := 0, 0
	for _, inc := range w.incidents {
		n := 0
		for _, l := range inc.LogEntries {
			if l.Type == pdtest.LogEscalate {
				n++
			}
		}
		if n > 0 {
			escalated++
		}
		escalations += n
	}
	if escalated == 0 {
		t.Fatal("no incident of the window escalated")
	}
	var got EscalationEffectiveness
	e.ok(t, "get_escalation_effectiveness", map[string]any{"since": "14d"}, &got)
	o := got.Overall
	if o.Incidents != len(w.incidents) || o.Escalated != escalated || o.Escalations != escalations {
		t.Errorf("overall %+v, want %d incidents, %d escalated, %d escalations", o, len(w.incidents), escalated, escalations)
	}
	near(t, "escalations per incident", o.EscalationsPerIncident, float64(escalations)/float64(len(w.incidents)))
}

func TestCommand_Analytics_AlertNoise(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 14)
	alerts, low, noResp := 0, 0, 0
	for _, inc := range w.incidents {
		alerts += len(inc.Alerts)
		if inc.Urgency == "low" {
			low++
		}
		if _, acked := firstAck(inc); inc.ResolvedAt != nil && !acked {
			noResp++
		}
	}
	var got AlertNoise
	e.ok(t, "get_alert_noise", map[string]any{"since": "14d"}, &got)
	o := got.Overall
	if o.Incidents != len(w.incidents) || o.Alerts != alerts || o.LowUrgency != low || o.ResolvedWithoutAck != noResp {
		t.Errorf("overall %+v, want %d incidents, %d alerts, %d low, %d resolved without acknowledgement", o, len(w.incidents), alerts, low, noResp)
	}
	near(t, "alerts per incident", o.AlertsPerIncident, float64(alerts)/float64(len(w.incidents)))
}

func TestCommand_Analytics_IncidentCost(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 14)
	const rate = 80.0
	want := 0.0
	for _, inc := range w.incidents {
		// The people are the current assignees and whoever acknowledged
		// (PagerDuty clears the assignees of a resolved incident).
		people := map[string]bool{}
		for _, l := range inc.LogEntries {
			if l.Type == pdtest.LogAcknowledge && l.Agent.Type == "user" {
				people[l.Agent.ID] = true
			}
		}
		for _, a := range inc.Assignments {
			people[a.UserID] = true
		}
		end := testNow
		if inc.ResolvedAt != nil {
			end = *inc.ResolvedAt
		}
		want += float64(max(len(people), 1)) * end.Sub(inc.CreatedAt).Hours()
	}
	var got IncidentCost
	e.ok(t, "get_incident_cost", map[string]any{"since": "14d", "hourly_cost": rate, "currency": "USD"}, &got)
	near(t, "responder-hours", got.Total.ResponderHours, want)
	near(t, "cost", got.Total.Cost, want*rate)
}

func TestCommand_Analytics_ReliabilityScores(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	d := e.pd.Data()
	w := lastDays(d, 14)
	high, low := map[string]int{}, map[string]int{}
	for _, inc := range w.incidents {
		if inc.Urgency == "high" {
			high[inc.ServiceID]++
		} else {
			low[inc.ServiceID]++
		}
	}
	var got ServiceReliability
	e.ok(t, "get_service_reliability", map[string]any{"since": "14d"}, &got)
	if len(got.Services) != len(d.Services) {
		t.Fatalf("%d services scored, want all %d", len(got.Services), len(d.Services))
	}
	near(t, "weeks", got.Weeks, 2)
	for i, s := range got.Services {
		if s.HighUrgency != high[s.ID] || s.LowUrgency != low[s.ID] {
			t.Errorf("%s: %d high %d low, want %d and %d", s.Name, s.HighUrgency, s.LowUrgency, high[s.ID], low[s.ID])
		}
		near(t, s.Name+" high per week", s.HighPerWeek, float64(high[s.ID])/2)
		near(t, s.Name+" score", s.Score, math.Round((100-s.FrequencyPenalty-s.ImpactPenalty)*10)/10)
		if i > 0 && s.Score < got.Services[i-1].Score {
			t.Errorf("not sorted lowest first: %s %.1f after %.1f", s.Name, s.Score, got.Services[i-1].Score)
		}
	}
}

func TestCommand_Analytics_ExecutiveReport(t *testing.T) {
	e := newEnv(t, analyticsEnv)
	w := lastDays(e.pd.Data(), 30)
	resolved := 0
	for _, inc := range w.incidents {
		if inc.ResolvedAt != nil {
			resolved++
		}
	}
	var got ExecutiveReport
	txt := e.ok(t, "get_executive_report", map[string]any{"since": "30d", "title": "MTTR report, last month"}, &got)
	if got.Response == nil || got.Response.Overall.Incidents != len(w.incidents) || got.Response.Overall.Resolved != resolved {
		t.Fatalf("response section %+v, want %d incidents, %d resolved", got.Response, len(w.incidents), resolved)
	}
	for _, want := range []string{"# MTTR report, last month", "MTTR", "How these figures were computed"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
