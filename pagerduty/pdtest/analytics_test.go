package pdtest

import (
	"testing"
	"time"
)

// analyticsData holds three incidents of sv1 whose numbers are easy to
// work out: #1 acked after 60s, resolved after 600s; #2 escalated on
// timeout, acked after 120s, resolved after 1200s; #3 (next day) still
// triggered.
func analyticsData() *Dataset {
	d := small()
	t1 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	t2 := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	t3 := time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	u1 := Agent{Type: "user", ID: "PU00001"}
	svc := Agent{Type: "service", ID: "PV00001"}
	r1, r2 := t1.Add(600*time.Second), t2.Add(1200*time.Second)
	d.Incidents = []Incident{
		{ID: "PN00001", Number: 1, Title: "one", Status: StatusResolved, Urgency: "high", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
			CreatedAt: t1, UpdatedAt: r1, LastStatusChangeAt: r1, ResolvedAt: &r1, LogEntries: []LogEntry{
				{ID: "PG00001", Type: LogTrigger, CreatedAt: t1, Agent: svc},
				{ID: "PG00002", Type: LogAssign, CreatedAt: t1, Agent: svc, UserIDs: []string{"PU00001"}},
				{ID: "PG00003", Type: LogAcknowledge, CreatedAt: t1.Add(60 * time.Second), Agent: u1},
				{ID: "PG00004", Type: LogResolve, CreatedAt: r1, Agent: u1},
			}},
		{ID: "PN00002", Number: 2, Title: "two", Status: StatusResolved, Urgency: "low", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
			CreatedAt: t2, UpdatedAt: r2, LastStatusChangeAt: r2, ResolvedAt: &r2, LogEntries: []LogEntry{
				{ID: "PG00005", Type: LogTrigger, CreatedAt: t2, Agent: svc},
				{ID: "PG00006", Type: LogAssign, CreatedAt: t2, Agent: svc, UserIDs: []string{"PU00001"}},
				{ID: "PG00007", Type: LogEscalate, CreatedAt: t2.Add(30 * time.Second), Agent: svc, Channel: "timeout", UserIDs: []string{"PU00003"}},
				{ID: "PG00008", Type: LogAcknowledge, CreatedAt: t2.Add(120 * time.Second), Agent: u1},
				{ID: "PG00009", Type: LogResolve, CreatedAt: r2, Agent: u1},
			}},
		{ID: "PN00003", Number: 3, Title: "three", Status: StatusTriggered, Urgency: "high", ServiceID: "PV00001", EscalationPolicyID: "PE00001",
			CreatedAt: t3, UpdatedAt: t3, LastStatusChangeAt: t3, LogEntries: []LogEntry{
				{ID: "PG00010", Type: LogTrigger, CreatedAt: t3, Agent: svc},
			}},
	}
	return d
}

func TestAnalyticsMetrics(t *testing.T) {
	s := NewServer(WithData(analyticsData()), WithNow(fixedNow))
	defer s.Close()
	st, m := call(t, s, "POST", "/analytics/metrics/incidents/all", map[string]any{"filters": map[string]any{
		"created_at_start": "2026-03-01T00:00:00Z", "created_at_end": "2026-03-05T00:00:00Z"}})
	if st != 200 {
		t.Fatalf("metrics: %d %v", st, m)
	}
	row := items(m, "data")[0]
	want := map[string]float64{"total_incident_count": 3, "total_incidents_acknowledged": 2, "mean_seconds_to_first_ack": 90,
		"mean_seconds_to_resolve": 900, "total_escalation_count": 1, "total_incidents_timeout_escalated": 1, "total_incidents_manual_escalated": 0}
	for k, v := range want {
		if got, _ := row[k].(float64); got != v {
			t.Errorf("%s = %v, want %v", k, row[k], v)
		}
	}
	_, m = call(t, s, "POST", "/analytics/metrics/incidents/all", map[string]any{"filters": map[string]any{"urgency": "high"}, "aggregate_unit": "day", "order": "asc"})
	rows := items(m, "data")
	if len(rows) != 2 || rows[0]["range_start"] != "2026-03-02T00:00:00Z" || rows[0]["total_incident_count"].(float64) != 1 || rows[0]["mean_seconds_to_resolve"].(float64) != 600 {
		t.Fatalf("daily high urgency: %v", rows)
	}
	_, m = call(t, s, "POST", "/analytics/metrics/incidents/teams", map[string]any{})
	if rows := items(m, "data"); len(rows) != 1 || rows[0]["team_name"] != "Core" || rows[0]["total_incident_count"].(float64) != 3 {
		t.Fatalf("by team: %v", rows)
	}
	// The ".../all" variant totals across the selected teams: one row, no
	// team named.
	_, m = call(t, s, "POST", "/analytics/metrics/incidents/teams/all", map[string]any{})
	if rows := items(m, "data"); len(rows) != 1 || rows[0]["team_name"] != nil || rows[0]["total_incident_count"].(float64) != 3 {
		t.Fatalf("across teams: %v", rows)
	}
	if st, _ := call(t, s, "POST", "/analytics/metrics/incidents/all", map[string]any{"aggregate_unit": "year"}); st != 400 {
		t.Fatalf("bad aggregate unit: %d", st)
	}
}

func TestAnalyticsRawPaging(t *testing.T) {
	s := NewServer(WithData(analyticsData()), WithNow(fixedNow))
	defer s.Close()
	var seen []string
	after := ""
	for {
		body := map[string]any{"limit": 2, "order": "asc"}
		if after != "" {
			body["starting_after"] = after
		}
		_, m := call(t, s, "POST", "/analytics/raw/incidents", body)
		for _, r := range items(m, "data") {
			seen = append(seen, r["id"].(string))
		}
		if m["more"] != true {
			break
		}
		after = m["last"].(string)
	}
	if len(seen) != 3 || seen[0] != "PN00001" || seen[2] != "PN00003" {
		t.Fatalf("raw pages: %v", seen)
	}
	_, m := call(t, s, "POST", "/analytics/raw/incidents", map[string]any{"order_by": "seconds_to_resolve", "order": "desc", "limit": 1})
	if r := items(m, "data")[0]; r["seconds_to_first_ack"].(float64) != 120 || r["escalation_count"].(float64) != 1 {
		t.Fatalf("raw row: %v", r)
	}
}
