package mcptools

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestCommand_Alerts_CriticalEvent(t *testing.T) {
	e := newEnv(t, writes)
	before := e.pd.Data()
	pg := serviceNamed(t, before, "Postgres Primary")
	var sent EventSent
	e.ok(t, "send_event", map[string]any{"service": "postgres primary", "summary": "High CPU on db-1", "source": "db-1",
		"severity": "critical", "dedup_key": "cpu-db-1", "details": []string{"cpu=97%"}}, &sent)
	if sent.DedupKey != "cpu-db-1" || sent.Service.ID != pg.ID {
		t.Errorf("answer %+v", sent)
	}
	after := e.pd.Data()
	if len(after.Incidents) != len(before.Incidents)+1 {
		t.Fatalf("%d incidents, want one more than %d", len(after.Incidents), len(before.Incidents))
	}
	inc := after.Incidents[len(after.Incidents)-1]
	if inc.ServiceID != pg.ID || len(inc.Alerts) != 1 {
		t.Fatalf("opened %+v", inc)
	}
	a := inc.Alerts[0]
	if a.Severity != "critical" || a.Key != "cpu-db-1" || a.Summary != "High CPU on db-1" {
		t.Errorf("alert %+v", a)
	}
	if a.Details["cpu"] != "97%" {
		t.Errorf("alert details %v, want cpu=97%%", a.Details)
	}
}

func TestCommand_Alerts_DeployChangeEvent(t *testing.T) {
	e := newEnv(t, writes)
	before := e.pd.Data()
	checkout := serviceNamed(t, before, "Checkout")
	var sent EventSent
	e.ok(t, "send_change_event", map[string]any{"service": "checkout", "summary": "Deployed checkout v2.3.1", "source": "ci",
		"details": []string{"commit=4f2a9c1"}, "links": []string{"https://ci.example.com/builds/981"}}, &sent)
	after := e.pd.Data().ChangeEvents
	if len(after) != len(before.ChangeEvents)+1 {
		t.Fatalf("%d change events, want one more than %d", len(after), len(before.ChangeEvents))
	}
	ce := after[len(after)-1]
	if ce.ServiceID != checkout.ID || ce.Summary != "Deployed checkout v2.3.1" || ce.CustomDetails["commit"] != "4f2a9c1" {
		t.Errorf("stored %+v", ce)
	}
}

func TestCommand_Alerts_MaintenanceWindow(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	web, api := serviceNamed(t, d, "Web Frontend"), serviceNamed(t, d, "Public API")
	var w MaintenanceWindow
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{"web frontend", "public api"}, "duration": "2h", "description": "Database upgrade"}, &w)
	after := e.pd.Data().MaintenanceWindows
	if len(after) != len(d.MaintenanceWindows)+1 {
		t.Fatalf("%d windows, want one more than %d", len(after), len(d.MaintenanceWindows))
	}
	mw := after[len(after)-1]
	if !sameSet(mw.ServiceIDs, []string{web.ID, api.ID}) || !mw.StartTime.Equal(testNow) || !mw.EndTime.Equal(testNow.Add(2*time.Hour)) || mw.ID != w.ID {
		t.Errorf("stored %+v, answer %+v", mw, w)
	}
}

func TestCommand_Alerts_SuppressKnownIssue(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	before := sentRulesOf(t, f, "GET /event_orchestrations/services/PDBA001")
	var got OrchestrationRules
	e.ok(t, "add_orchestration_rule", map[string]any{"service": "dba team service", "suppress": true, "label": "Known issue: disk full on db-01",
		"conditions": []string{"event.summary matches part 'disk full' and event.source matches 'db-01'"}}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	if len(rules) != len(before)+1 || dig(rules[0], "actions", "suppress") != true ||
		dig(rules[0], "conditions", 0, "expression") != "event.summary matches part 'disk full' and event.source matches 'db-01'" {
		t.Fatalf("sent %v", rules)
	}
	for i, r := range before {
		if dig(rules[i+1], "id") != dig(r, "id") {
			t.Errorf("existing rule %d was not kept: %v", i, rules[i+1])
		}
	}
}

// sentRulesOf reads the rules the fake answers on a GET route, as the
// account held them before a change.
func sentRulesOf(t *testing.T, f *fakeAPI, route string) []any {
	t.Helper()
	f.mu.Lock()
	h := f.routes[route]
	f.mu.Unlock()
	_, body := h(&fakeRequest{})
	rules, _ := dig(body, "orchestration_path", "sets", 0, "rules").([]any)
	if len(rules) == 0 {
		t.Fatalf("%s holds no rule", route)
	}
	return rules
}

func TestCommand_Alerts_RouteDatabaseToDBA(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	before := sentRulesOf(t, f, "GET /event_orchestrations/"+orchID+"/router")
	var got OrchestrationRules
	e.ok(t, "add_orchestration_route", map[string]any{"orchestration": "production", "service": "DBA",
		"conditions": []string{"event.summary matches part 'database'", "event.source matches regex 'db-.*'"}}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/"+orchID+"/router"))
	if len(rules) != len(before)+1 || dig(rules[0], "actions", "route_to") != "PDBA001" || len(dig(rules[0], "conditions").([]any)) != 2 {
		t.Fatalf("sent %v", rules)
	}
	if dig(rules[1], "id") != dig(before[0], "id") {
		t.Errorf("the existing route was not kept: %v", rules[1])
	}
}

func TestCommand_Alerts_AutoResolution(t *testing.T) {
	e := newEnv(t, writes)
	checkout := serviceNamed(t, e.pd.Data(), "Checkout")
	var got ServiceDetail
	e.ok(t, "update_service", map[string]any{"service": "checkout", "auto_resolve_minutes": 120, "ack_timeout_minutes": 15}, &got)
	after := serviceNamed(t, e.pd.Data(), "Checkout")
	if after.AutoResolveTimeout == nil || *after.AutoResolveTimeout != 120*60 || after.AcknowledgementTimeout == nil || *after.AcknowledgementTimeout != 15*60 {
		t.Errorf("stored auto-resolve %v, ack timeout %v", after.AutoResolveTimeout, after.AcknowledgementTimeout)
	}
	if after.Description != checkout.Description || after.EscalationPolicyID != checkout.EscalationPolicyID {
		t.Error("settings that were not asked for changed")
	}
}

func TestCommand_Alerts_CreateOrchestration(t *testing.T) {
	f := newFakeAPI(t)
	f.answer("GET /teams", jsonOf(t, `{"teams":[{"id":"PTEAM01","name":"Platform"}],"limit":100,"offset":0,"more":false}`))
	f.on("POST /event_orchestrations", func(r *fakeRequest) (int, any) {
		o := r.Body["orchestration"].(map[string]any)
		o["id"] = orchID
		return http.StatusCreated, map[string]any{"orchestration": o}
	})
	e := f.env(t)
	var got OrchestrationCreated
	e.ok(t, "create_event_orchestration", map[string]any{"name": "Production monitors", "team": "platform team"}, &got)
	post := f.last(t, "POST /event_orchestrations")
	if dig(post.Body, "orchestration", "name") != "Production monitors" || dig(post.Body, "orchestration", "team", "id") != "PTEAM01" || got.ID != orchID {
		t.Errorf("sent %v, answer %+v", post.Body, got)
	}
	if n := len(f.writes()); n != 1 {
		t.Errorf("%d writes, want 1", n)
	}
}

func TestCommand_Alerts_SeverityMapping(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	mappings := map[string]string{"P1": "critical", "P2": "error", "P3": "warning", "P4": "info"}
	var args []string
	for _, v := range []string{"P1", "P2", "P3", "P4"} {
		args = append(args, v+"="+mappings[v])
	}
	var got OrchestrationRules
	e.ok(t, "map_alert_severity", map[string]any{"service": "DBA", "field": "event.custom_details.level", "mappings": args}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	seen := map[string]string{}
	for _, r := range rules {
		expr, _ := dig(r, "conditions", 0, "expression").(string)
		for v := range mappings {
			if expr == "event.custom_details.level matches '"+v+"'" {
				seen[v], _ = dig(r, "actions", "severity").(string)
			}
		}
	}
	if len(seen) != len(mappings) {
		t.Fatalf("mapped %v, want %v; sent %v", seen, mappings, rules)
	}
	for v, sev := range mappings {
		if seen[v] != sev {
			t.Errorf("%s -> %s, want %s", v, seen[v], sev)
		}
	}
	// A threshold: events over it become critical.
	e.ok(t, "add_orchestration_rule", map[string]any{"service": "DBA", "severity": "critical", "label": "CPU threshold",
		"conditions": []string{"event.custom_details.threshold matches 'cpu_above_95'"}}, &got)
	rules = sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	if dig(rules[0], "actions", "severity") != "critical" || dig(rules[0], "label") != "CPU threshold" {
		t.Errorf("threshold rule %v", rules[0])
	}
}

func TestCommand_Alerts_AlertGrouping(t *testing.T) {
	f := groupingFake(t, "")
	e := f.env(t)
	var got AlertGrouping
	e.ok(t, "configure_alert_grouping", map[string]any{"service": "checkout", "type": "content_based", "fields": []string{"source", "summary"}, "window_minutes": 30}, &got)
	sent := dig(f.last(t, "POST /alert_grouping_settings").Body, "alert_grouping_setting")
	if dig(sent, "type") != "content_based" || dig(sent, "services", 0, "id") != "PSVC001" ||
		fmt.Sprint(dig(sent, "config", "fields")) != "[source summary]" || dig(sent, "config", "time_window") != float64(30*60) {
		t.Errorf("sent %v", sent)
	}
	if !got.Created || got.SettingID == "" {
		t.Errorf("answer %+v", got)
	}
}
