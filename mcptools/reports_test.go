package mcptools

import (
	"context"
	"encoding/csv"
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// reportData is a small account whose report figures are worked out by
// hand in the tests below.
//
// Services: Orders DB and Payments (policy DB Policy, team Database), Web
// (policy Web Policy, no team, no incident). DB Policy pages the schedule
// DB Primary at level 1 and Carol directly at level 2. DB Primary rotates
// Alice and Bob daily from 2026-11-01 (Alice first), 08:00-20:00 UTC only.
//
// Incidents of the week 2026-11-16 to 2026-11-23:
//
//	#1 Orders DB, high, 11-17 10:00, acked by Alice at +5m, resolved by her at +60m, 2 alerts
//	#2 Orders DB, low, 11-18 10:00, escalated at +30m, acked by Carol at +40m, resolved by her at +120m, 1 alert
//	#3 Payments, high, 11-19 12:00, never acked, resolved by the service at +3m, 4 alerts
//	#4 Payments, high, 11-22 22:00, acked by Bob at +10m, still open, 1 alert
//
// and #5 (Orders DB, 11-10) before the week.
func reportDataset() *pdtest.Dataset {
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, time.UTC) }
	tp := func(t time.Time) *time.Time { return &t }
	alice, bob, carol := pdtest.Agent{Type: "user", ID: "PU00001"}, pdtest.Agent{Type: "user", ID: "PU00002"}, pdtest.Agent{Type: "user", ID: "PU00003"}
	orders, payments := pdtest.Agent{Type: "service", ID: "PV00001"}, pdtest.Agent{Type: "service", ID: "PV00002"}
	alerts := func(n int, at time.Time) []pdtest.Alert {
		var out []pdtest.Alert
		for i := range n {
			out = append(out, pdtest.Alert{ID: "PA" + string(rune('A'+i)) + at.Format("0215"), Status: "resolved", Severity: "error", Summary: "alert", CreatedAt: at})
		}
		return out
	}
	log := func(id, typ string, t time.Time, a pdtest.Agent) pdtest.LogEntry {
		return pdtest.LogEntry{ID: id, Type: typ, CreatedAt: t, Agent: a}
	}
	i1, i2, i3, i4, i5 := at(17, 10, 0), at(18, 10, 0), at(19, 12, 0), at(22, 22, 0), at(10, 9, 0)
	return &pdtest.Dataset{
		CurrentUserID: "PU00001",
		Teams: []pdtest.Team{{ID: "PT00001", Name: "Database", Members: []pdtest.TeamMember{
			{UserID: "PU00001", Role: "manager"}, {UserID: "PU00002", Role: "responder"}, {UserID: "PU00003", Role: "responder"}}}},
		Users: []pdtest.User{
			{ID: "PU00001", Name: "Alice Archer", Email: "alice@example.com", TimeZone: "UTC"},
			{ID: "PU00002", Name: "Bob Baker", Email: "bob@example.com", TimeZone: "UTC"},
			{ID: "PU00003", Name: "Carol Cole", Email: "carol@example.com", TimeZone: "UTC"},
		},
		Schedules: []pdtest.Schedule{{ID: "PS00001", Name: "DB Primary", TimeZone: "UTC", TeamIDs: []string{"PT00001"},
			Layers: []pdtest.ScheduleLayer{{ID: "PL00001", Name: "Days", Start: at(1, 0, 0), RotationVirtualStart: at(1, 0, 0),
				RotationTurnLengthSeconds: 86400, UserIDs: []string{"PU00001", "PU00002"},
				Restrictions: []pdtest.Restriction{{Type: "daily_restriction", StartTimeOfDay: "08:00:00", DurationSeconds: 12 * 3600}}}}}},
		EscalationPolicies: []pdtest.EscalationPolicy{
			{ID: "PE00001", Name: "DB Policy", TeamIDs: []string{"PT00001"}, Rules: []pdtest.EscalationRule{
				{ID: "PR00001", EscalationDelayInMinutes: 30, Targets: []pdtest.Target{{Type: "schedule", ID: "PS00001"}}},
				{ID: "PR00002", EscalationDelayInMinutes: 30, Targets: []pdtest.Target{{Type: "user", ID: "PU00003"}}}}},
			{ID: "PE00002", Name: "Web Policy", Rules: []pdtest.EscalationRule{
				{ID: "PR00003", EscalationDelayInMinutes: 30, Targets: []pdtest.Target{{Type: "user", ID: "PU00002"}}}}},
		},
		Services: []pdtest.Service{
			{ID: "PV00001", Name: "Orders DB", EscalationPolicyID: "PE00001", CreatedAt: at(1, 0, 0)},
			{ID: "PV00002", Name: "Payments", EscalationPolicyID: "PE00001", CreatedAt: at(1, 0, 0)},
			{ID: "PV00003", Name: "Web", EscalationPolicyID: "PE00002", CreatedAt: at(1, 0, 0)},
		},
		Incidents: []pdtest.Incident{
			{ID: "PN00005", Number: 5, Title: "old", Status: pdtest.StatusResolved, Urgency: "high", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
				CreatedAt: i5, UpdatedAt: i5.Add(time.Hour), LastStatusChangeAt: i5.Add(time.Hour), LastStatusChangeBy: alice, ResolvedAt: tp(i5.Add(time.Hour)),
				EscalationLevel: 1, LogEntries: []pdtest.LogEntry{log("PG00050", pdtest.LogTrigger, i5, orders), log("PG00051", pdtest.LogResolve, i5.Add(time.Hour), alice)}},
			{ID: "PN00001", Number: 1, Title: "Orders DB replication lag", Status: pdtest.StatusResolved, Urgency: "high", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
				CreatedAt: i1, UpdatedAt: i1.Add(time.Hour), LastStatusChangeAt: i1.Add(time.Hour), LastStatusChangeBy: alice, ResolvedAt: tp(i1.Add(time.Hour)),
				EscalationLevel: 1, Alerts: alerts(2, i1), LogEntries: []pdtest.LogEntry{
					log("PG00010", pdtest.LogTrigger, i1, orders),
					log("PG00011", pdtest.LogAcknowledge, i1.Add(5*time.Minute), alice),
					log("PG00012", pdtest.LogResolve, i1.Add(time.Hour), alice)}},
			{ID: "PN00002", Number: 2, Title: "Orders DB disk 80%", Status: pdtest.StatusResolved, Urgency: "low", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
				CreatedAt: i2, UpdatedAt: i2.Add(2 * time.Hour), LastStatusChangeAt: i2.Add(2 * time.Hour), LastStatusChangeBy: carol, ResolvedAt: tp(i2.Add(2 * time.Hour)),
				EscalationLevel: 2, Alerts: alerts(1, i2), LogEntries: []pdtest.LogEntry{
					log("PG00020", pdtest.LogTrigger, i2, orders),
					{ID: "PG00021", Type: pdtest.LogEscalate, CreatedAt: i2.Add(30 * time.Minute), Agent: orders, Channel: "timeout", UserIDs: []string{"PU00003"}, EscalationLevel: 2},
					log("PG00022", pdtest.LogAcknowledge, i2.Add(40*time.Minute), carol),
					log("PG00023", pdtest.LogResolve, i2.Add(2*time.Hour), carol)}},
			{ID: "PN00003", Number: 3, Title: "Payments 5xx burst", Status: pdtest.StatusResolved, Urgency: "high", ServiceID: "PV00002", EscalationPolicyID: "PE00001",
				CreatedAt: i3, UpdatedAt: i3.Add(3 * time.Minute), LastStatusChangeAt: i3.Add(3 * time.Minute), LastStatusChangeBy: payments, ResolvedAt: tp(i3.Add(3 * time.Minute)),
				EscalationLevel: 1, Alerts: alerts(4, i3), LogEntries: []pdtest.LogEntry{
					log("PG00030", pdtest.LogTrigger, i3, payments),
					log("PG00031", pdtest.LogResolve, i3.Add(3*time.Minute), payments)}},
			{ID: "PN00004", Number: 4, Title: "Payments latency", Status: pdtest.StatusAcknowledged, Urgency: "high", ServiceID: "PV00002", EscalationPolicyID: "PE00001",
				CreatedAt: i4, UpdatedAt: i4.Add(10 * time.Minute), LastStatusChangeAt: i4.Add(10 * time.Minute), LastStatusChangeBy: bob,
				EscalationLevel: 1, Alerts: alerts(1, i4),
				Assignments:      []pdtest.Assignment{{UserID: "PU00002", At: i4}},
				Acknowledgements: []pdtest.Acknowledgement{{By: bob, At: i4.Add(10 * time.Minute)}},
				LogEntries: []pdtest.LogEntry{
					log("PG00040", pdtest.LogTrigger, i4, payments),
					log("PG00041", pdtest.LogAcknowledge, i4.Add(10*time.Minute), bob)}},
		},
	}
}

// reportWeek is the window of the incidents above.
var reportWeek = map[string]any{"since": "2026-11-16T00:00:00Z", "until": "2026-11-23T00:00:00Z"}

func withArgs(base map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func newReportEnv(t *testing.T) *env {
	t.Helper()
	return newEnv(t, envConfig{
		filter: Filter{Toolsets: []string{"analytics", "schedules"}},
		pdOpts: []pdtest.Option{pdtest.WithData(reportDataset())},
	})
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.01 {
		t.Errorf("%s = %.4f, want %.4f", what, got, want)
	}
}

func TestResponseStats(t *testing.T) {
	e := newReportEnv(t)
	var s ResponseStats
	txt := e.ok(t, "get_response_stats", withArgs(reportWeek, "per", "day"), &s)
	o := s.Overall
	if o.Incidents != 4 || o.HighUrgency != 3 || o.Acknowledged != 3 || o.Resolved != 3 || o.Open != 1 || o.NeverAcknowledged != 1 {
		t.Fatalf("overall counts %+v\n%s", o, txt)
	}
	// Acknowledged after 5, 40 and 10 minutes; resolved after 60, 120 and 3.
	near(t, "MTTA", o.TimeToAcknowledge.Mean, 55.0/3)
	near(t, "median TTA", o.TimeToAcknowledge.Median, 10)
	near(t, "p90 TTA", o.TimeToAcknowledge.P90, 10+0.8*30)
	near(t, "MTTR", o.TimeToResolve.Mean, 61)
	near(t, "median TTR", o.TimeToResolve.Median, 60)
	near(t, "p90 TTR", o.TimeToResolve.P90, 60+0.8*60)
	if len(s.Services) != 2 || s.Services[0].Name != "Orders DB" || s.Services[1].Name != "Payments" {
		t.Fatalf("services %+v", s.Services)
	}
	near(t, "Orders DB MTTR", s.Services[0].TimeToResolve.Mean, 90)
	near(t, "Payments MTTA", s.Services[1].TimeToAcknowledge.Mean, 10)
	if len(s.Teams) != 1 || s.Teams[0].ID != "PT00001" || s.Teams[0].Incidents != 4 {
		t.Errorf("teams %+v", s.Teams)
	}
	if len(s.Trend) != 7 || s.Trend[1].Incidents != 1 || s.Trend[0].Incidents != 0 {
		t.Errorf("daily trend %+v", s.Trend)
	}
	if s.Data.Incidents != 4 || s.Data.Truncated || !strings.Contains(txt, "Method:") || !strings.Contains(txt, "MTTR 61.0 min") {
		t.Errorf("data %+v, text:\n%s", s.Data, txt)
	}

	var one ResponseStats
	e.ok(t, "get_response_stats", withArgs(reportWeek, "service", "payments"), &one)
	if one.Overall.Incidents != 2 || one.Data.Service != "PV00002" {
		t.Errorf("payments only: %+v, data %+v", one.Overall, one.Data)
	}
}

func TestSLACompliance(t *testing.T) {
	e := newReportEnv(t)
	var s SLACompliance
	txt := e.ok(t, "get_sla_compliance", withArgs(reportWeek, "ack_minutes", 15, "resolve_minutes", 90), &s)
	// #1 meets both; #2 misses both (40 > 15, 120 > 90); #3 is measured to
	// its resolution (3 min) and meets both; #4 was acked in 10 and is
	// still open at the window's end after 120 min: a resolve breach.
	if s.Acknowledge.Met != 3 || s.Acknowledge.Breached != 1 || s.Resolve.Met != 2 || s.Resolve.Breached != 2 {
		t.Fatalf("ack %+v resolve %+v\n%s", s.Acknowledge, s.Resolve, txt)
	}
	near(t, "ack rate", s.Acknowledge.Rate, 75)
	near(t, "resolve rate", s.Resolve.Rate, 50)
	if s.Incidents != 4 || s.Compliant != 2 {
		t.Errorf("%d of %d compliant, want 2 of 4", s.Compliant, s.Incidents)
	}
	if len(s.Breaches) != 3 {
		t.Fatalf("breaches %+v", s.Breaches)
	}
	over := map[string]float64{}
	for _, b := range s.Breaches {
		over[b.IncidentID+" "+b.Kind] = b.OverMinutes
	}
	near(t, "#2 ack overrun", over["PN00002 acknowledge"], 25)
	near(t, "#2 resolve overrun", over["PN00002 resolve"], 30)
	near(t, "#4 resolve overrun", over["PN00004 resolve"], 30)
	if !strings.Contains(txt, "#2") || !strings.Contains(txt, "still open") {
		t.Errorf("text:\n%s", txt)
	}

	var high SLACompliance
	e.ok(t, "get_sla_compliance", withArgs(reportWeek, "high_ack_minutes", 5), &high)
	// High urgency held to 5 minutes: #1 (5) and #3 (3) meet it, #4 (10)
	// misses it; the low-urgency #2 has no target.
	if high.Acknowledge.Met != 2 || high.Acknowledge.Breached != 1 || high.Incidents != 3 {
		t.Errorf("high urgency only: %+v, %d incidents", high.Acknowledge, high.Incidents)
	}
}

func TestEscalationEffectiveness(t *testing.T) {
	e := newReportEnv(t)
	var r EscalationEffectiveness
	txt := e.ok(t, "get_escalation_effectiveness", reportWeek, &r)
	o := r.Overall
	// #1 and #4 were acknowledged at the first level; #2 after an
	// escalation (10 minutes later); #3 never.
	if o.Incidents != 4 || o.Acknowledged != 3 || o.AckedAtFirstLevel != 2 || o.Escalated != 1 || o.Escalations != 1 {
		t.Fatalf("overall %+v\n%s", o, txt)
	}
	near(t, "first level %", o.FirstLevelPercent, 50)
	near(t, "escalations per incident", o.EscalationsPerIncident, 0.25)
	near(t, "ack after escalation", o.AckAfterEscalation.Mean, 10)
	if !strings.Contains(txt, "50.0% of all") {
		t.Errorf("text:\n%s", txt)
	}
}

func TestAlertNoise(t *testing.T) {
	e := newReportEnv(t)
	var n AlertNoise
	txt := e.ok(t, "get_alert_noise", reportWeek, &n)
	o := n.Overall
	// 8 alerts over 4 incidents; #3 was resolved by its service, without
	// acknowledgement, within 5 minutes: one noisy incident. #2 is low.
	if o.Incidents != 4 || o.Alerts != 8 || o.AutoResolved != 1 || o.ResolvedWithoutAck != 1 || o.Flapping != 1 || o.Noisy != 1 || o.LowUrgency != 1 {
		t.Fatalf("overall %+v\n%s", o, txt)
	}
	near(t, "alerts per incident", o.AlertsPerIncident, 2)
	near(t, "noise %", o.NoiseRatio, 25)
	if len(n.Services) != 2 || n.Services[0].Name != "Payments" {
		t.Errorf("noisiest first: %+v", n.Services)
	}
	var strict AlertNoise
	e.ok(t, "get_alert_noise", withArgs(reportWeek, "flap_minutes", 1), &strict)
	if strict.Overall.Flapping != 0 || strict.Overall.Noisy != 1 {
		t.Errorf("with 1 minute: %+v", strict.Overall)
	}
}

func TestIncidentCost(t *testing.T) {
	e := newReportEnv(t)
	var c IncidentCost
	txt := e.ok(t, "get_incident_cost", withArgs(reportWeek, "hourly_cost", 100, "currency", "EUR"), &c)
	// One person each: 1 h + 2 h + 0.05 h + 2 h (#4 open until the
	// window's end) = 5.05 responder-hours.
	near(t, "responder-hours", c.Total.ResponderHours, 5.05)
	near(t, "cost", c.Total.Cost, 505)
	if len(c.Services) != 2 || c.Services[0].Name != "Orders DB" {
		t.Fatalf("services, costliest first: %+v", c.Services)
	}
	near(t, "Orders DB cost", c.Services[0].Cost, 300)
	near(t, "Payments cost", c.Services[1].Cost, 205)
	if len(c.Costliest) == 0 || c.Currency != "EUR" || !strings.Contains(txt, "505.00 EUR") {
		t.Errorf("costliest %+v, text:\n%s", c.Costliest, txt)
	}
}

func TestServiceReliability(t *testing.T) {
	e := newReportEnv(t)
	var r ServiceReliability
	txt := e.ok(t, "get_service_reliability", reportWeek, &r)
	if len(r.Services) != 3 {
		t.Fatalf("services %+v\n%s", r.Services, txt)
	}
	// Payments: 2 high in 1 week, penalty 20; open 0.05 h + 2 h of 168:
	// 600 x 2.05/168. Orders DB: 1 high and 1 low, penalty 12; 1 h open.
	// Web: no incident, 100.
	want := []struct {
		name  string
		score float64
	}{
		{"Payments", 100 - 20 - 600*2.05/168},
		{"Orders DB", 100 - 12 - 600*1.0/168},
		{"Web", 100},
	}
	for i, w := range want {
		if r.Services[i].Name != w.name || math.Abs(r.Services[i].Score-w.score) > 0.06 {
			t.Errorf("service %d: %s %.1f, want %s %.1f", i, r.Services[i].Name, r.Services[i].Score, w.name, w.score)
		}
	}
	var team ServiceReliability
	e.ok(t, "get_service_reliability", withArgs(reportWeek, "team", "database team"), &team)
	if len(team.Services) != 2 || team.Data.Team != "PT00001" {
		t.Errorf("team Database: %+v", team.Services)
	}
}

func TestExecutiveReport(t *testing.T) {
	e := newReportEnv(t)
	var x ExecutiveReport
	txt := e.ok(t, "get_executive_report", withArgs(reportWeek, "ack_minutes", 15, "resolve_minutes", 90, "hourly_cost", 100, "currency", "EUR",
		"include_oncall", true, "title", "Weekly review"), &x)
	if x.Response == nil || x.Response.Overall.Incidents != 4 || x.SLA == nil || x.SLA.Compliant != 2 || x.Cost == nil || x.Escalation == nil || x.Hours == nil {
		t.Fatalf("sections missing: %+v", x)
	}
	near(t, "cost", x.Cost.Total.Cost, 505)
	for _, want := range []string{"# Weekly review", "## Headlines", "| Payments |", "Worst SLA breaches", "Costliest incidents", "On-call load", "How these figures were computed", "- Data:"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the report lacks %q:\n%s", want, txt)
		}
	}
	if x.Markdown == "" || !strings.HasPrefix(txt, x.Markdown) {
		t.Errorf("the text does not start with the markdown")
	}
	// Alice and Bob share the day shifts (12 h a day for 7 days, 84 h), and
	// Carol, named directly, is left out of the load.
	total := 0.0
	for _, p := range x.Hours.People {
		total += p.Hours
		if p.UserID == "PU00003" {
			t.Errorf("a directly named user counts in the load: %+v", p)
		}
	}
	near(t, "on-call hours", total, 84)
}

func TestFindCoverageGaps(t *testing.T) {
	e := newReportEnv(t)
	win := map[string]any{"since": "2026-11-25T00:00:00Z", "until": "2026-11-27T00:00:00Z"}
	var g CoverageGaps
	txt := e.ok(t, "find_coverage_gaps", withArgs(win, "schedule", "DB Primary"), &g)
	// Covered 08:00-20:00 each day: gaps of 8, 12 and 4 hours.
	want := []struct{ start, end string }{
		{"2026-11-25T00:00:00Z", "2026-11-25T08:00:00Z"},
		{"2026-11-25T20:00:00Z", "2026-11-26T08:00:00Z"},
		{"2026-11-26T20:00:00Z", "2026-11-27T00:00:00Z"},
	}
	if len(g.Gaps) != len(want) {
		t.Fatalf("gaps %+v\n%s", g.Gaps, txt)
	}
	for i, w := range want {
		if g.Gaps[i].Start.UTC().Format(time.RFC3339) != w.start || g.Gaps[i].End.UTC().Format(time.RFC3339) != w.end {
			t.Errorf("gap %d: %s to %s, want %s to %s", i, g.Gaps[i].Start, g.Gaps[i].End, w.start, w.end)
		}
	}
	near(t, "gap hours", g.GapHours, 24)
	near(t, "covered %", g.CoveredPercent, 50)
	if g.Schedule == nil || g.Schedule.ID != "PS00001" || !strings.Contains(txt, "3 gaps") || !strings.Contains(txt, "Method:") {
		t.Errorf("schedule %+v, text:\n%s", g.Schedule, txt)
	}

	// The policy is covered all the time by Carol at level 2; level 1 has
	// the schedule's gaps.
	var p CoverageGaps
	txt = e.ok(t, "find_coverage_gaps", withArgs(win, "escalation_policy", "DB Policy"), &p)
	if len(p.Gaps) != 0 || len(p.Levels) != 2 {
		t.Fatalf("policy gaps %+v levels %+v\n%s", p.Gaps, p.Levels, txt)
	}
	near(t, "level 1 gap hours", p.Levels[0].GapHours, 24)
	near(t, "level 2 gap hours", p.Levels[1].GapHours, 0)
	if p.EscalationPolicy == nil || p.EscalationPolicy.ID != "PE00001" {
		t.Errorf("policy %+v", p.EscalationPolicy)
	}
}

func TestExportOnCallPayroll(t *testing.T) {
	e := newReportEnv(t)
	period := map[string]any{"schedule": "DB Primary", "since": "2026-11-20T00:00:00Z", "until": "2026-11-23T00:00:00Z"}
	var p PayrollExport
	txt := e.ok(t, "export_oncall_payroll", withArgs(period, "time_zone", "UTC"), &p)
	// Friday 20 Bob, Saturday 21 Alice, Sunday 22 Bob, 08:00-20:00 each.
	hours := map[string][3]float64{}
	for _, tot := range p.Totals {
		hours[tot.UserID] = [3]float64{tot.Hours, tot.NightHours, tot.WeekendHours}
	}
	if len(p.Totals) != 2 || hours["PU00001"] != [3]float64{12, 0, 12} || hours["PU00002"] != [3]float64{24, 0, 12} {
		t.Fatalf("totals %+v\n%s", p.Totals, txt)
	}
	near(t, "total hours", p.Hours, 36)
	if p.Rows != 3 {
		t.Errorf("%d rows, want 3", p.Rows)
	}
	body := txt[strings.Index(txt, "```csv\n")+len("```csv\n") : strings.LastIndex(txt, "```")]
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, body)
	}
	// Header, 3 shifts, 2 person totals, the grand total.
	if len(recs) != 7 || recs[0][0] != "user_id" || recs[len(recs)-1][0] != "TOTAL" || recs[len(recs)-1][6] != "36.00" {
		t.Errorf("CSV:\n%s", body)
	}

	// In New York (UTC-5) each 08:00-20:00 UTC shift starts at 03:00: three
	// night hours each.
	var ny PayrollExport
	e.ok(t, "export_oncall_payroll", withArgs(period, "time_zone", "America/New_York"), &ny)
	for _, tot := range ny.Totals {
		want := map[string]float64{"PU00001": 3, "PU00002": 6}[tot.UserID]
		near(t, tot.UserID+" night hours in New York", tot.NightHours, want)
	}

	var team PayrollExport
	e.ok(t, "export_oncall_payroll", map[string]any{"team": "Database", "since": "2026-11-20T00:00:00Z", "until": "2026-11-23T00:00:00Z", "split_daily": true}, &team)
	near(t, "team hours", team.Hours, 36)
}

// TestReportArgumentsRefused checks that bad arguments of the report tools
// are tool errors that say what is wrong, and that none reaches PagerDuty.
func TestReportArgumentsRefused(t *testing.T) {
	e := newReportEnv(t)
	cases := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"get_response_stats", map[string]any{"since": "last tuesday"}, "is not a time"},
		{"get_response_stats", map[string]any{"since": "2026-01-01", "until": "2026-11-01"}, "180 days"},
		{"get_response_stats", map[string]any{"until": "2025-01-01"}, "after since"},
		{"get_response_stats", map[string]any{"time_zone": "Mars/Olympus"}, "IANA"},
		{"get_response_stats", map[string]any{"per": "year"}, "per"},
		{"get_sla_compliance", map[string]any{}, "no target"},
		{"get_sla_compliance", map[string]any{"ack_minutes": -5}, "ack_minutes"},
		{"get_incident_cost", map[string]any{"hourly_cost": -50}, "hourly_cost"},
		{"get_incident_cost", map[string]any{"hourly_cost": 0}, "positive"},
		{"get_incident_cost", map[string]any{}, "hourly_cost"},
		{"get_alert_noise", map[string]any{"flap_minutes": -1}, "flap_minutes"},
		{"get_escalation_effectiveness", map[string]any{"since": "2026-13-45"}, "is not a time"},
		{"get_service_reliability", map[string]any{"since": "999d"}, "180 days"},
		{"get_executive_report", map[string]any{"hourly_cost": -1}, "hourly_cost"},
		{"get_executive_report", map[string]any{"since": "120d", "include_oncall": true}, "90 days"},
		{"find_coverage_gaps", map[string]any{}, "either schedule or escalation_policy"},
		{"find_coverage_gaps", map[string]any{"schedule": "x", "escalation_policy": "y"}, "not both"},
		{"find_coverage_gaps", map[string]any{"schedule": "DB Primary", "until": "2027-06-01"}, "90 days"},
		{"export_oncall_payroll", map[string]any{"since": "7d"}, "exactly one"},
		{"export_oncall_payroll", map[string]any{"schedule": "DB Primary", "time_zone": "Nowhere/Land"}, "IANA"},
		{"export_oncall_payroll", map[string]any{"schedule": "DB Primary", "since": "2026-01-01"}, "90 days"},
	}
	for _, c := range cases {
		e.pd.ResetRequests()
		msg := e.fails(t, c.tool, c.args)
		if !strings.Contains(msg, c.want) {
			t.Errorf("%s(%v): %q does not say %q", c.tool, c.args, msg, c.want)
		}
		if n := len(e.pd.Requests()); n != 0 {
			t.Errorf("%s(%v): %d requests reached PagerDuty", c.tool, c.args, n)
		}
	}
}

// TestReportProgressAndTruncation reads more incidents than the cap with a
// progress token: progress is reported, and the answer says the data was
// truncated.
func TestReportProgressAndTruncation(t *testing.T) {
	var notes atomic.Int64
	e := newEnv(t, envConfig{
		filter: Filter{Toolsets: []string{"analytics"}},
		pdOpts: []pdtest.Option{pdtest.WithDemoIncidents(maxReportIncidents + 50)},
		copts: &mcp.ClientOptions{ProgressNotificationHandler: func(context.Context, *mcp.ProgressNotificationClientRequest) {
			notes.Add(1)
		}},
	})
	params := mcpParams("get_response_stats", map[string]any{"since": "180d"})
	params.SetProgressToken("report-1")
	called.Store("get_response_stats", true)
	res, err := e.session.CallTool(context.Background(), params)
	if err != nil || res.IsError {
		t.Fatalf("call: %v %s", err, text(res))
	}
	txt := text(res)
	if !strings.Contains(txt, "PARTIAL DATA") {
		t.Errorf("the answer does not say the data was truncated:\n%.500s", txt)
	}
	if notes.Load() == 0 {
		t.Errorf("no progress notification")
	}
}

// TestReportCancelled checks that reading a report's data stops when the
// call is cancelled, with the cancellation as the error.
func TestReportCancelled(t *testing.T) {
	pd := pdtest.NewServer(pdtest.WithData(reportDataset()), pdtest.WithNow(func() time.Time { return testNow }))
	t.Cleanup(pd.Close)
	c := &call{client: newTestClient(t, pd), now: testNow}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	q := reportQuery{since: testNow.AddDate(0, 0, -30), until: testNow}
	if _, err := loadReportData(ctx, c, q); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	d, err := loadReportData(context.Background(), c, q)
	if err != nil || d.incidentsRead != 5 || d.truncated {
		t.Errorf("uncancelled: %v, %d incidents read, truncated %v", err, d.incidentsRead, d.truncated)
	}
}
