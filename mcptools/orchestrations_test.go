package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

const orchID = "b02e973d-9620-4e0a-9edc-00fedf7d4694"

// orchestrationFake is an account with one global orchestration whose
// router already routes web events, and services that PagerDuty finds by
// name.
func orchestrationFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /event_orchestrations", jsonOf(t, `{"orchestrations":[
		{"id":"`+orchID+`","name":"Production","routes":1,"team":{"id":"PTEAM01","type":"team_reference","summary":"SRE"}},
		{"id":"9a1b2c3d-0000-4e0a-9edc-00fedf7d4694","name":"Staging","routes":0}],
		"limit":25,"offset":0,"more":false,"total":2}`))
	f.answer("GET /services", jsonOf(t, `{"services":[{"id":"PDBA001","name":"DBA Team Service","type":"service"}],"limit":100,"offset":0,"more":false}`))
	router := `{"orchestration_path":{"type":"router","parent":{"id":"` + orchID + `","type":"event_orchestration_reference"},
		"sets":[{"id":"start","rules":[{"id":"r1","label":"Web","conditions":[{"expression":"event.source matches part 'web'"}],"actions":{"route_to":"PWEB001"}}]}],
		"catch_all":{"actions":{"route_to":"unrouted"}}}}`
	f.answer("GET /event_orchestrations/"+orchID+"/router", jsonOf(t, router))
	f.on("PUT /event_orchestrations/"+orchID+"/router", func(r *fakeRequest) (int, any) {
		return http.StatusOK, map[string]any{"orchestration_path": r.Body["orchestration_path"]}
	})
	svcPath := `{"orchestration_path":{"type":"service","parent":{"id":"PDBA001","type":"service_reference"},
		"sets":[{"id":"start","rules":[
			{"id":"old","label":"Severity from event.custom_details.level: P9","conditions":[{"expression":"event.custom_details.level matches 'P9'"}],"actions":{"severity":"info"}},
			{"id":"keep","label":"Existing","conditions":[{"expression":"event.summary matches part 'x'"}],"actions":{"priority":"PPRIO01"}}]}],
		"catch_all":{"actions":{}}}}`
	f.answer("GET /event_orchestrations/services/PDBA001", jsonOf(t, svcPath))
	f.on("PUT /event_orchestrations/services/PDBA001", func(r *fakeRequest) (int, any) {
		return http.StatusOK, map[string]any{"orchestration_path": r.Body["orchestration_path"]}
	})
	f.answer("GET /event_orchestrations/services/PDBA001/active", map[string]any{"active": true})
	return f
}

// routerRules returns the rules of the router update the fake received.
func sentRules(t *testing.T, r fakeRequest) []any {
	t.Helper()
	rules, _ := dig(r.Body, "orchestration_path", "sets", 0, "rules").([]any)
	return rules
}

func TestRouteDatabaseAlertsToDBATeam(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	var got OrchestrationRules
	txt := e.ok(t, "add_orchestration_route", map[string]any{
		"orchestration": "production", "service": "DBA",
		"conditions": []any{"event.summary matches part 'database'"},
	}, &got)
	put := f.last(t, "PUT /event_orchestrations/"+orchID+"/router")
	rules := sentRules(t, put)
	if len(rules) != 2 {
		t.Fatalf("sent %d rules, want the new one and the existing one: %v", len(rules), put.Body)
	}
	if dig(rules[0], "actions", "route_to") != "PDBA001" || dig(rules[0], "conditions", 0, "expression") != "event.summary matches part 'database'" {
		t.Errorf("new rule %v", rules[0])
	}
	if dig(rules[1], "id") != "r1" || dig(put.Body, "orchestration_path", "catch_all", "actions", "route_to") != "unrouted" {
		t.Errorf("the existing route or the catch-all was not kept: %v", put.Body)
	}
	if got.Path != "router" || len(got.Sets) != 1 || len(got.Sets[0].Rules) != 2 || got.Sets[0].Rules[0].Actions[0] != "route_to PDBA001" {
		t.Errorf("answer %+v", got)
	}
	if !strings.Contains(txt, "when event.summary matches part 'database' -> route_to PDBA001") {
		t.Errorf("text %q", txt)
	}
	// Without an orchestration: the account's only one, or an error that
	// names them.
	msg := e.fails(t, "add_orchestration_route", map[string]any{"service": "DBA", "conditions": []any{"event.source matches 'db'"}})
	if !containsAll(msg, "2 orchestrations", "Production ("+orchID+")", "Staging") {
		t.Errorf("error %q", msg)
	}
	f.answer("GET /event_orchestrations", jsonOf(t, `{"orchestrations":[{"id":"`+orchID+`","name":"Production","routes":1}],"limit":25,"offset":0,"more":false}`))
	e.ok(t, "add_orchestration_route", map[string]any{"service": "DBA", "conditions": []any{"event.source matches 'db'"}}, &got)
	if rules := sentRules(t, f.last(t, "PUT /event_orchestrations/"+orchID+"/router")); dig(rules[0], "conditions", 0, "expression") != "event.source matches 'db'" {
		t.Errorf("default orchestration: sent %v", rules)
	}
	// position last appends.
	e.ok(t, "add_orchestration_route", map[string]any{"orchestration": orchID, "service": "PDBA001",
		"conditions": []any{"event.source matches 'db-01'"}, "position": "last"}, &got)
	rules = sentRules(t, f.last(t, "PUT /event_orchestrations/"+orchID+"/router"))
	if len(rules) != 2 || dig(rules[1], "actions", "route_to") != "PDBA001" {
		t.Errorf("position last sent %v", rules)
	}
}

func TestSuppressAlertsForKnownIssue(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	var got OrchestrationRules
	e.ok(t, "add_orchestration_rule", map[string]any{
		"service": "DBA", "conditions": []any{"event.summary matches part 'replication lag'"},
		"suppress": true, "label": "Known issue: replication lag",
	}, &got)
	put := f.last(t, "PUT /event_orchestrations/services/PDBA001")
	rules := sentRules(t, put)
	if len(rules) != 3 || dig(rules[0], "actions", "suppress") != true || dig(rules[0], "label") != "Known issue: replication lag" {
		t.Fatalf("sent %v", rules)
	}
	if got.Active == nil || !*got.Active || got.Sets[0].Rules[0].Actions[0] != "suppress" {
		t.Errorf("answer %+v", got)
	}
}

func TestAutoAcknowledgeLowPriorityAlerts(t *testing.T) {
	f := orchestrationFake(t)
	f.answer("GET /event_orchestrations/services/PDBA001/active", map[string]any{"active": false})
	e := f.env(t)
	// PagerDuty cannot acknowledge by rule: the tool lowers the severity
	// (hence the urgency) instead, and says when the service ignores it.
	var got OrchestrationRules
	txt := e.ok(t, "add_orchestration_rule", map[string]any{
		"service": "PDBA001", "conditions": []any{"event.custom_details.priority matches 'low'"}, "severity": "info",
	}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	if dig(rules[0], "actions", "severity") != "info" || dig(rules[0], "actions", "suppress") != nil {
		t.Errorf("sent %v", rules[0])
	}
	if !strings.Contains(txt, "older event rules") {
		t.Errorf("the answer does not say the service ignores its orchestration: %q", txt)
	}
	f.reset()
	e.fails(t, "add_orchestration_rule", map[string]any{"service": "PDBA001", "conditions": []any{"event.summary matches 'x'"}})
	e.fails(t, "add_orchestration_rule", map[string]any{"service": "PDBA001", "conditions": []any{"summary is x"}, "suppress": true})
	e.fails(t, "add_orchestration_rule", map[string]any{"service": "PDBA001", "conditions": []any{"event.summary matches 'x'"}, "drop_event": true})
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused rules sent %d requests", n)
	}
}

func TestMapExternalSeverityLevels(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	var got OrchestrationRules
	e.ok(t, "map_alert_severity", map[string]any{
		"service": "DBA", "field": "custom_details.level",
		"mappings": []any{"P1=critical", "P2=error", "P3=Warning"},
	}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	if len(rules) != 4 {
		t.Fatalf("sent %d rules, want 3 mappings and the unrelated rule (the old mapping replaced): %v", len(rules), rules)
	}
	want := [][2]string{{"event.custom_details.level matches 'P1'", "critical"}, {"event.custom_details.level matches 'P2'", "error"}, {"event.custom_details.level matches 'P3'", "warning"}}
	for i, w := range want {
		if dig(rules[i], "conditions", 0, "expression") != w[0] || dig(rules[i], "actions", "severity") != w[1] {
			t.Errorf("rule %d: %v, want %v", i, rules[i], w)
		}
	}
	if dig(rules[3], "id") != "keep" {
		t.Errorf("the unrelated rule was not kept: %v", rules[3])
	}
	f.reset()
	e.fails(t, "map_alert_severity", map[string]any{"service": "DBA", "field": "event.x", "mappings": []any{"P1=urgent"}})
	e.fails(t, "map_alert_severity", map[string]any{"service": "DBA", "field": "event.x", "mappings": []any{"P1"}})
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused mappings sent %d requests", n)
	}
}

func TestCreateEventOrchestration(t *testing.T) {
	f := newFakeAPI(t)
	f.answer("GET /teams", jsonOf(t, `{"teams":[{"id":"PTEAM01","name":"SRE"}],"limit":100,"offset":0,"more":false}`))
	f.on("POST /event_orchestrations", func(r *fakeRequest) (int, any) {
		o := r.Body["orchestration"].(map[string]any)
		o["id"] = orchID
		o["integrations"] = []any{map[string]any{"id": "INT1", "label": "Default", "parameters": map[string]any{"routing_key": "R0UTINGKEY-SECRET", "type": "global"}}}
		return http.StatusCreated, map[string]any{"orchestration": o}
	})
	e := f.env(t)
	var got OrchestrationCreated
	txt := e.ok(t, "create_event_orchestration", map[string]any{"name": "Production", "team": "SRE", "description": "All prod monitors"}, &got)
	post := f.last(t, "POST /event_orchestrations")
	if dig(post.Body, "orchestration", "name") != "Production" || dig(post.Body, "orchestration", "team", "id") != "PTEAM01" {
		t.Errorf("sent %v", post.Body)
	}
	if got.ID != orchID || len(got.Integrations) != 1 || got.Integrations[0].ID != "INT1" {
		t.Errorf("answer %+v", got)
	}
	if strings.Contains(txt, "R0UTINGKEY") || got.Integrations[0].RoutingKey != "" {
		t.Error("the routing key was shown without being asked for")
	}
	txt = e.ok(t, "create_event_orchestration", map[string]any{"name": "Other", "show_routing_key": true}, &got)
	if got.Integrations[0].RoutingKey != "R0UTINGKEY-SECRET" || !strings.Contains(txt, "R0UTINGKEY-SECRET") {
		t.Errorf("show_routing_key: %+v", got)
	}
}

func TestReadOrchestrations(t *testing.T) {
	f := orchestrationFake(t)
	e := f.env(t)
	var list EventOrchestrationList
	txt := e.ok(t, "list_event_orchestrations", nil, &list)
	if len(list.Orchestrations) != 2 || list.Orchestrations[0].Team == nil || list.Orchestrations[0].Routes != 1 {
		t.Errorf("list %+v", list)
	}
	if !strings.Contains(txt, "Production ("+orchID+") - 1 route - team SRE (PTEAM01)") {
		t.Errorf("text %q", txt)
	}
	var rules OrchestrationRules
	txt = e.ok(t, "get_orchestration_rules", map[string]any{"orchestration": "Production"}, &rules)
	if rules.Path != "router" || rules.Sets[0].Rules[0].Actions[0] != "route_to PWEB001" || rules.CatchAll[0] != "route_to unrouted" {
		t.Errorf("rules %+v", rules)
	}
	if !strings.Contains(txt, "1. Web: when event.source matches part 'web' -> route_to PWEB001") {
		t.Errorf("text %q", txt)
	}
	e.ok(t, "get_orchestration_rules", map[string]any{"service": "DBA"}, &rules)
	if rules.Path != "service" || rules.Active == nil || len(rules.Sets[0].Rules) != 2 {
		t.Errorf("service rules %+v", rules)
	}
	f.reset()
	e.fails(t, "add_orchestration_rule", map[string]any{"conditions": []any{"event.summary matches 'x'"}, "suppress": true})
	e.fails(t, "get_orchestration_rules", map[string]any{"service": "DBA", "orchestration": "Production"})
	msg := e.fails(t, "get_orchestration_rules", map[string]any{"orchestration": "nothing like it"})
	if !strings.Contains(msg, "no orchestration is named") {
		t.Errorf("unknown name: %q", msg)
	}
}
