package pagerduty_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

// servicePathRules are the sets and catch-all of a service path that uses
// every action a service path accepts.
const servicePathRules = `"sets":[
	 {"id":"start","rules":[{"id":"r1","label":"Normalise","conditions":[],"actions":{
		"variables":[{"name":"host","path":"event.component","type":"regex","value":"host=(.*)"}],
		"extractions":[{"target":"event.summary","template":"{{variables.host}} is down"},{"target":"event.source","source":"event.source","regex":"(.*)\\.example"}],
		"route_to":"next"}}]},
	 {"id":"next","rules":[
		{"id":"r2","label":"Critical","conditions":[{"expression":"event.severity matches 'critical'"}],"actions":{
			"priority":"PPRIO01","escalation_policy":"PEP0001","annotate":"see the runbook","severity":"critical","event_action":"trigger",
			"suspend":120,"incident_custom_field_updates":[{"id":"PFIELD1","value":"#ops"}],
			"pagerduty_automation_actions":[{"action_id":"01ACTION","trigger_types":["alert_suspended"]}],
			"automation_actions":[{"name":"Notify","url":"https://hooks.example/notify","auto_send":true,
				"headers":[{"key":"X-Source","value":"pd"}],"parameters":[{"key":"channel","value":"#ops"}],"trigger_types":["alert_triggered"]}]}},
		{"id":"r3","label":"Quiet","disabled":true,"conditions":[{"expression":"event.severity matches 'info'"}],"actions":{"suppress":true}}]}],
	"catch_all":{"actions":{"suppress":true}}`

// A service path that uses every action a service path accepts, as the API
// answers it.
const servicePathJSON = `{"orchestration_path":{"type":"service","parent":{"id":"PSVC001","type":"service_reference"},
	"self":"https://api.pagerduty.com/event_orchestrations/services/PSVC001",
` + servicePathRules + `,
	"created_at":"2025-01-01T00:00:00Z","created_by":{"id":"PUSER01","type":"user_reference"},
	"updated_at":"2025-01-02T00:00:00Z","updated_by":{"id":"PUSER02","type":"user_reference"},
	"migrated_at":"2024-12-31T00:00:00Z","migrated_by":{"id":"PUSER03","type":"user_reference"},
	"migrated_from":{"id":"PSVC001","type":"service_event_rules_reference"},"migrated_status":"completed","migrated_via":"API",
	"version":"v9"},
	"warnings":[{"message":"automation actions are not on this plan","rule_id":"r2","feature":"automation_actions","feature_type":"actions","warning_type":"forbidden_feature"}]}`

// wantServicePath is servicePathJSON decoded.
func wantServicePath() *pagerduty.OrchestrationPath {
	return &pagerduty.OrchestrationPath{
		Type:   pagerduty.OrchestrationPathService,
		Parent: &pagerduty.Reference{ID: "PSVC001", Type: "service_reference"},
		Self:   "https://api.pagerduty.com/event_orchestrations/services/PSVC001",
		Sets: []pagerduty.OrchestrationRuleSet{
			{ID: "start", Rules: []pagerduty.OrchestrationRule{{ID: "r1", Label: "Normalise", Conditions: []pagerduty.OrchestrationCondition{}, Actions: pagerduty.OrchestrationActions{
				Variables: []pagerduty.OrchestrationVariable{{Name: "host", Path: "event.component", Type: "regex", Value: "host=(.*)"}},
				Extractions: []pagerduty.OrchestrationExtraction{
					{Target: "event.summary", Template: "{{variables.host}} is down"},
					{Target: "event.source", Source: "event.source", Regex: `(.*)\.example`},
				},
				RouteTo: "next",
			}}}},
			{ID: "next", Rules: []pagerduty.OrchestrationRule{
				{ID: "r2", Label: "Critical", Conditions: []pagerduty.OrchestrationCondition{{Expression: "event.severity matches 'critical'"}}, Actions: pagerduty.OrchestrationActions{
					Priority: "PPRIO01", EscalationPolicy: "PEP0001", Annotate: "see the runbook", Severity: pagerduty.SeverityCritical, EventAction: pagerduty.OrchestrationTrigger,
					Suspend:                    120,
					IncidentCustomFieldUpdates: []pagerduty.OrchestrationFieldUpdate{{ID: "PFIELD1", Value: "#ops"}},
					PagerDutyAutomationActions: []pagerduty.OrchestrationAutomationAction{{ActionID: "01ACTION", TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertSuspended}}},
					AutomationActions: []pagerduty.OrchestrationWebhookAction{{Name: "Notify", URL: "https://hooks.example/notify", AutoSend: true,
						Headers:      []pagerduty.OrchestrationKeyValue{{Key: "X-Source", Value: "pd"}},
						Parameters:   []pagerduty.OrchestrationKeyValue{{Key: "channel", Value: "#ops"}},
						TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertTriggered}}},
				}},
				{ID: "r3", Label: "Quiet", Disabled: true, Conditions: []pagerduty.OrchestrationCondition{{Expression: "event.severity matches 'info'"}}, Actions: pagerduty.OrchestrationActions{Suppress: true}},
			}},
		},
		CatchAll:       pagerduty.OrchestrationCatchAll{Actions: pagerduty.OrchestrationActions{Suppress: true}},
		CreatedAt:      time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		CreatedBy:      &pagerduty.Reference{ID: "PUSER01", Type: "user_reference"},
		UpdatedAt:      time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		UpdatedBy:      &pagerduty.Reference{ID: "PUSER02", Type: "user_reference"},
		Version:        "v9",
		MigratedAt:     time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC),
		MigratedBy:     &pagerduty.Reference{ID: "PUSER03", Type: "user_reference"},
		MigratedFrom:   &pagerduty.Reference{ID: "PSVC001", Type: "service_event_rules_reference"},
		MigratedStatus: "completed",
		MigratedVia:    "API",
	}
}

// The rules of servicePathJSON as an update sends them: no read-only facts.
const servicePathBody = `{"orchestration_path":{
` + servicePathRules + `}}`

func TestEventOrchestrationsPathDecodesEveryAction(t *testing.T) {
	runAPICases(t, []apiCase{{
		name: "GetServicePath",
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.EventOrchestrations.GetServicePath(ctx, "PSVC001")
		},
		answer: servicePathJSON,
		want:   wantRequest{method: "GET", path: "/event_orchestrations/services/PSVC001"},
		check: func(t *testing.T, got any) {
			if diff := cmp.Diff(wantServicePath(), got); diff != "" {
				t.Errorf("path (-want +got):\n%s", diff)
			}
		},
	}})
}

// A path read and sent back unchanged is sent without its read-only facts,
// every action intact.
func TestEventOrchestrationsUpdateServicePathRoundTrip(t *testing.T) {
	runAPICases(t, []apiCase{{
		name: "UpdateServicePath",
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			p, warnings, err := c.EventOrchestrations.UpdateServicePath(ctx, "PSVC001", wantServicePath())
			return []any{p, warnings}, err
		},
		answer: servicePathJSON,
		want:   wantRequest{method: "PUT", path: "/event_orchestrations/services/PSVC001", body: servicePathBody},
		check: func(t *testing.T, got any) {
			res := got.([]any)
			if diff := cmp.Diff(wantServicePath(), res[0]); diff != "" {
				t.Errorf("path (-want +got):\n%s", diff)
			}
			want := []pagerduty.OrchestrationWarning{{Message: "automation actions are not on this plan", RuleID: "r2", Feature: "automation_actions", FeatureType: "actions", WarningType: "forbidden_feature"}}
			if diff := cmp.Diff(want, res[1]); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		},
	}})
}

func orchPathAnswer(kind string) string {
	return `{"orchestration_path":{"type":"` + kind + `","parent":{"id":"` + orchID + `","type":"event_orchestration_reference"},
		"sets":[{"id":"start","rules":[{"id":"r1","label":"x","conditions":[],"actions":{"route_to":"PSVC001"}}]}],"catch_all":{"actions":{}},"version":"v1"}}`
}

func checkOrchPathType(kind pagerduty.OrchestrationPathType) func(t *testing.T, got any) {
	return func(t *testing.T, got any) {
		t.Helper()
		var p *pagerduty.OrchestrationPath
		switch v := got.(type) {
		case *pagerduty.OrchestrationPath:
			p = v
		case []any:
			p = v[0].(*pagerduty.OrchestrationPath)
		}
		if p == nil || p.Type != kind || p.Parent == nil || p.Parent.ID != orchID || p.Version != "v1" || len(p.Sets) != 1 || p.Sets[0].Rules[0].Actions.RouteTo != "PSVC001" {
			t.Errorf("path = %+v", p)
		}
	}
}

// orchPathCases are the cases of reading and of replacing the path of an
// orchestration of the given kind; the replacement sends p, as body.
func orchPathCases(kind pagerduty.OrchestrationPathType,
	get func(*pagerduty.EventOrchestrationsService, context.Context, string) (*pagerduty.OrchestrationPath, error),
	update func(*pagerduty.EventOrchestrationsService, context.Context, string, *pagerduty.OrchestrationPath) (*pagerduty.OrchestrationPath, []pagerduty.OrchestrationWarning, error),
	p *pagerduty.OrchestrationPath, body string) []apiCase {
	name := strings.ToUpper(string(kind[:1])) + string(kind[1:]) + "Path"
	path := "/event_orchestrations/" + orchID + "/" + string(kind)
	return []apiCase{{
		name: "Get" + name,
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return get(c.EventOrchestrations, ctx, orchID)
		},
		answer: orchPathAnswer(string(kind)),
		want:   wantRequest{method: "GET", path: path},
		check:  checkOrchPathType(kind),
	}, {
		name: "Update" + name,
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			got, warnings, err := update(c.EventOrchestrations, ctx, orchID, p)
			return []any{got, warnings}, err
		},
		answer: orchPathAnswer(string(kind)),
		want:   wantRequest{method: "PUT", path: path, body: body},
		check:  checkOrchPathType(kind),
	}}
}

func TestEventOrchestrationsPathRequests(t *testing.T) {
	router := &pagerduty.OrchestrationPath{
		Type: pagerduty.OrchestrationPathRouter, Version: "read only",
		Sets: []pagerduty.OrchestrationRuleSet{{ID: "start", Rules: []pagerduty.OrchestrationRule{
			{Label: "Databases", Conditions: []pagerduty.OrchestrationCondition{{Expression: "event.summary matches part 'db'"}}, Actions: pagerduty.OrchestrationActions{RouteTo: "PSVC001"}},
			{Label: "By name", Actions: pagerduty.OrchestrationActions{DynamicRouteTo: &pagerduty.DynamicRouteTo{Source: "event.custom_details.service", Regex: "(.*)", LookupBy: pagerduty.DynamicRouteByServiceID}}},
		}}},
		CatchAll: pagerduty.OrchestrationCatchAll{Actions: pagerduty.OrchestrationActions{RouteTo: "unrouted"}},
	}
	unrouted := &pagerduty.OrchestrationPath{
		Sets: []pagerduty.OrchestrationRuleSet{{ID: "start"}},
		CatchAll: pagerduty.OrchestrationCatchAll{Actions: pagerduty.OrchestrationActions{
			Severity: pagerduty.SeverityInfo, Variables: []pagerduty.OrchestrationVariable{{Name: "v", Path: "event.summary", Value: "(.*)"}}}},
	}
	global := &pagerduty.OrchestrationPath{
		Sets: []pagerduty.OrchestrationRuleSet{{ID: "start", Rules: []pagerduty.OrchestrationRule{
			{Label: "Drop noise", Conditions: []pagerduty.OrchestrationCondition{{Expression: "event.source matches part 'noisy'"}}, Actions: pagerduty.OrchestrationActions{DropEvent: true}},
		}}},
		CatchAll: pagerduty.OrchestrationCatchAll{Actions: pagerduty.OrchestrationActions{EventAction: pagerduty.OrchestrationResolve}},
	}
	type svc = pagerduty.EventOrchestrationsService
	runAPICases(t, slices.Concat(
		orchPathCases(pagerduty.OrchestrationPathGlobal, (*svc).GetGlobalPath, (*svc).UpdateGlobalPath, global,
			`{"orchestration_path":{"sets":[{"id":"start","rules":[
				{"label":"Drop noise","conditions":[{"expression":"event.source matches part 'noisy'"}],"actions":{"drop_event":true}}]}],
				"catch_all":{"actions":{"event_action":"resolve"}}}}`),
		orchPathCases(pagerduty.OrchestrationPathRouter, (*svc).GetRouterPath, (*svc).UpdateRouterPath, router,
			`{"orchestration_path":{"sets":[{"id":"start","rules":[
				{"label":"Databases","conditions":[{"expression":"event.summary matches part 'db'"}],"actions":{"route_to":"PSVC001"}},
				{"label":"By name","conditions":[],"actions":{"dynamic_route_to":{"source":"event.custom_details.service","regex":"(.*)","lookup_by":"service_id"}}}]}],
				"catch_all":{"actions":{"route_to":"unrouted"}}}}`),
		// An empty set is sent with an empty rule list, and a variable's
		// type is filled in.
		orchPathCases(pagerduty.OrchestrationPathUnrouted, (*svc).GetUnroutedPath, (*svc).UpdateUnroutedPath, unrouted,
			`{"orchestration_path":{"sets":[{"id":"start","rules":[]}],
				"catch_all":{"actions":{"severity":"info","variables":[{"name":"v","path":"event.summary","type":"regex","value":"(.*)"}]}}}}`),
	))
	if unrouted.CatchAll.Actions.Variables[0].Type != "" {
		t.Error("UpdateUnroutedPath changed the caller's path")
	}
}

func TestEventOrchestrationsPathUpdateMissingAnswer(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, map[string]any{"warnings": []any{}}) })
	_, _, err := c.EventOrchestrations.UpdateGlobalPath(context.Background(), orchID, &pagerduty.OrchestrationPath{Sets: []pagerduty.OrchestrationRuleSet{{ID: "start"}}})
	if err == nil {
		t.Fatal("an answer without orchestration_path was accepted")
	}
}

func TestEventOrchestrationsRejectBadPaths(t *testing.T) {
	path := func(kind string, rules []pagerduty.OrchestrationRule, catchAll pagerduty.OrchestrationActions, more ...pagerduty.OrchestrationRuleSet) func(ctx context.Context, c *pagerduty.Client) error {
		p := &pagerduty.OrchestrationPath{Sets: append([]pagerduty.OrchestrationRuleSet{{ID: "start", Rules: rules}}, more...), CatchAll: pagerduty.OrchestrationCatchAll{Actions: catchAll}}
		return func(ctx context.Context, c *pagerduty.Client) error {
			var err error
			switch kind {
			case "router":
				_, _, err = c.EventOrchestrations.UpdateRouterPath(ctx, orchID, p)
			case "unrouted":
				_, _, err = c.EventOrchestrations.UpdateUnroutedPath(ctx, orchID, p)
			case "global":
				_, _, err = c.EventOrchestrations.UpdateGlobalPath(ctx, orchID, p)
			default:
				_, _, err = c.EventOrchestrations.UpdateServicePath(ctx, "PSVC001", p)
			}
			return err
		}
	}
	rule := func(a pagerduty.OrchestrationActions) []pagerduty.OrchestrationRule {
		return []pagerduty.OrchestrationRule{{Label: "r", Actions: a}}
	}
	none := pagerduty.OrchestrationActions{}
	runBadCalls(t, []badCall{
		{"nil path", func(ctx context.Context, c *pagerduty.Client) error {
			_, _, err := c.EventOrchestrations.UpdateGlobalPath(ctx, orchID, nil)
			return err
		}, "the path is required"},
		{"no sets", func(ctx context.Context, c *pagerduty.Client) error {
			_, _, err := c.EventOrchestrations.UpdateServicePath(ctx, "PSVC001", &pagerduty.OrchestrationPath{})
			return err
		}, "Sets is required"},
		{"first set not start", func(ctx context.Context, c *pagerduty.Client) error {
			_, _, err := c.EventOrchestrations.UpdateGlobalPath(ctx, orchID, &pagerduty.OrchestrationPath{Sets: []pagerduty.OrchestrationRuleSet{{ID: "begin"}}})
			return err
		}, `Sets[0].ID is "begin"`},
		{"two sets with one name", path("global", nil, none, pagerduty.OrchestrationRuleSet{ID: "start"}), `two sets are named "start"`},
		{"router with two sets", path("router", nil, none, pagerduty.OrchestrationRuleSet{ID: "more"}), "exactly one set"},
		{"router rule that does not route", path("router", rule(none), none), "RouteTo is required"},
		{"router rule that suppresses", path("router", rule(pagerduty.OrchestrationActions{RouteTo: "PSVC001", Suppress: true}), none),
			"Sets[0].Rules[0].Actions: the router path does not accept suppress in its rules; it accepts route_to, dynamic_route_to"},
		{"router catch-all with a dynamic route", path("router", nil, pagerduty.OrchestrationActions{DynamicRouteTo: &pagerduty.DynamicRouteTo{Source: "a", Regex: "b", LookupBy: pagerduty.DynamicRouteByServiceID}}),
			"does not accept dynamic_route_to in its catch-all"},
		{"router route to a bad service ID", path("router", rule(pagerduty.OrchestrationActions{RouteTo: "a b"}), none), "a service ID"},
		{"dynamic route with an unknown lookup", path("router", rule(pagerduty.OrchestrationActions{DynamicRouteTo: &pagerduty.DynamicRouteTo{Source: "a", Regex: "b", LookupBy: "service_key"}}), none),
			`"service_key" is not accepted`},
		{"dynamic route without a regex", path("router", rule(pagerduty.OrchestrationActions{DynamicRouteTo: &pagerduty.DynamicRouteTo{Source: "a", LookupBy: pagerduty.DynamicRouteByServiceID}}), none),
			"DynamicRouteTo.Source and Regex is required"},
		{"unrouted rule that sets a priority", path("unrouted", rule(pagerduty.OrchestrationActions{Priority: "PPRIO01"}), none), "the unrouted path does not accept priority"},
		{"service rule that drops events", path("service", rule(pagerduty.OrchestrationActions{DropEvent: true}), none), "the service path does not accept drop_event"},
		{"global rule with a PagerDuty automation action", path("global", rule(pagerduty.OrchestrationActions{PagerDutyAutomationActions: []pagerduty.OrchestrationAutomationAction{{ActionID: "A1", TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertTriggered}}}}), none),
			"does not accept pagerduty_automation_actions"},
		{"global catch-all that routes", path("global", nil, pagerduty.OrchestrationActions{RouteTo: "start"}), "does not accept route_to in its catch-all"},
		{"route to a set that does not exist", path("global", rule(pagerduty.OrchestrationActions{RouteTo: "later"}), none), `there is no set "later"`},
		{"unknown severity", path("service", rule(pagerduty.OrchestrationActions{Severity: "fatal"}), none), `Severity: "fatal" is not accepted`},
		{"unknown event action", path("global", rule(pagerduty.OrchestrationActions{EventAction: "acknowledge"}), none), `EventAction: "acknowledge" is not accepted`},
		{"negative suspend", path("service", rule(pagerduty.OrchestrationActions{Suspend: -1}), none), "Suspend is -1"},
		{"bad priority ID", path("service", rule(pagerduty.OrchestrationActions{Priority: "P/1"}), none), "Priority"},
		{"bad escalation policy ID", path("global", rule(pagerduty.OrchestrationActions{EscalationPolicy: "P?1"}), none), "EscalationPolicy"},
		{"empty condition", func(ctx context.Context, c *pagerduty.Client) error {
			_, _, err := c.EventOrchestrations.UpdateGlobalPath(ctx, orchID, &pagerduty.OrchestrationPath{Sets: []pagerduty.OrchestrationRuleSet{{ID: "start",
				Rules: []pagerduty.OrchestrationRule{{Conditions: []pagerduty.OrchestrationCondition{{Expression: " "}}}}}}})
			return err
		}, "Sets[0].Rules[0].Conditions[0].Expression is required"},
		{"variable without a path", path("unrouted", nil, pagerduty.OrchestrationActions{Variables: []pagerduty.OrchestrationVariable{{Name: "v", Value: "x"}}}),
			"CatchAll.Actions.Variables[0].Name, Path and Value is required"},
		{"variable of another kind", path("unrouted", nil, pagerduty.OrchestrationActions{Variables: []pagerduty.OrchestrationVariable{{Name: "v", Path: "p", Value: "x", Type: "jsonpath"}}}),
			`the one kind of variable is "regex"`},
		{"extraction with a template and a regex", path("service", rule(pagerduty.OrchestrationActions{Extractions: []pagerduty.OrchestrationExtraction{{Target: "event.summary", Template: "t", Source: "s", Regex: "r"}}}), none),
			"either a Template, or a Source with a Regex"},
		{"extraction with a source and no regex", path("service", rule(pagerduty.OrchestrationActions{Extractions: []pagerduty.OrchestrationExtraction{{Target: "event.summary", Source: "s"}}}), none),
			"either a Template, or a Source with a Regex"},
		{"extraction without a target", path("service", rule(pagerduty.OrchestrationActions{Extractions: []pagerduty.OrchestrationExtraction{{Template: "t"}}}), none),
			"Extractions[0].Target is required"},
		{"web hook without a URL", path("global", rule(pagerduty.OrchestrationActions{AutomationActions: []pagerduty.OrchestrationWebhookAction{{Name: "n", TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertTriggered}}}}), none),
			"Name and URL is required"},
		{"web hook with two trigger types", path("global", rule(pagerduty.OrchestrationActions{AutomationActions: []pagerduty.OrchestrationWebhookAction{{Name: "n", URL: "https://x.example",
			TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertTriggered, pagerduty.TriggerOnAlertSuppressed}}}}), none),
			"TriggerTypes has 2 items: exactly one is accepted"},
		{"automation action with an unknown trigger", path("service", rule(pagerduty.OrchestrationActions{PagerDutyAutomationActions: []pagerduty.OrchestrationAutomationAction{{ActionID: "A1",
			TriggerTypes: []pagerduty.AutomationTriggerType{"alert_resolved"}}}}), none), `"alert_resolved" is not accepted`},
		{"automation action without an ID", path("service", rule(pagerduty.OrchestrationActions{PagerDutyAutomationActions: []pagerduty.OrchestrationAutomationAction{{
			TriggerTypes: []pagerduty.AutomationTriggerType{pagerduty.TriggerOnAlertTriggered}}}}), none), "ActionID"},
		{"custom field update without an ID", path("global", rule(pagerduty.OrchestrationActions{IncidentCustomFieldUpdates: []pagerduty.OrchestrationFieldUpdate{{Value: "x"}}}), none),
			"IncidentCustomFieldUpdates[0].ID"},
		{"bad orchestration ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.GetRouterPath(ctx, "")
			return err
		}, "the ID is empty"},
	})
}

// The unrouted catch-all is reported as suppressing events; a path read
// with GetUnroutedPath can be sent back as it is.
func TestEventOrchestrationsUnroutedCatchAllSuppress(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = w.Write([]byte(orchPathAnswer("unrouted")))
	})
	p := &pagerduty.OrchestrationPath{Sets: []pagerduty.OrchestrationRuleSet{{ID: "start"}}, CatchAll: pagerduty.OrchestrationCatchAll{Actions: pagerduty.OrchestrationActions{Suppress: true}}}
	if _, _, err := c.EventOrchestrations.UpdateUnroutedPath(context.Background(), orchID, p); err != nil {
		t.Fatal(err)
	}
	var body struct {
		Path struct {
			CatchAll struct {
				Actions map[string]any `json:"actions"`
			} `json:"catch_all"`
		} `json:"orchestration_path"`
	}
	if err := json.Unmarshal(rec.all()[0].Body, &body); err != nil || body.Path.CatchAll.Actions["suppress"] != true {
		t.Errorf("body %s: want the catch-all's suppress sent", rec.all()[0].Body)
	}
}

// Actions this package does not model survive a read-change-update cycle.
func TestEventOrchestrationsKeepUnmodelledActions(t *testing.T) {
	answer := `{"orchestration_path":{"type":"global","sets":[{"id":"start","rules":[{"id":"r1","label":"typed","conditions":[],
		"actions":{"priority":"PPRIO01","incident_type":{"id":"PTYPE01"},"future_flag":true}}]}],
		"catch_all":{"actions":{"suppress":true,"route_hint":"x"}}}}`
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = w.Write([]byte(answer))
	})
	ctx := context.Background()
	p, err := c.EventOrchestrations.GetGlobalPath(ctx, orchID)
	if err != nil {
		t.Fatal(err)
	}
	a := p.Sets[0].Rules[0].Actions
	if a.Priority != "PPRIO01" || len(a.Other) != 2 || string(a.Other["future_flag"]) != "true" {
		t.Fatalf("actions = %+v", a)
	}
	p.Sets[0].Rules[0].Actions.Annotate = "added"
	if _, _, err := c.EventOrchestrations.UpdateGlobalPath(ctx, orchID, p); err != nil {
		t.Fatal(err)
	}
	want := `{"orchestration_path":{"sets":[{"id":"start","rules":[{"id":"r1","label":"typed","conditions":[],
		"actions":{"priority":"PPRIO01","annotate":"added","incident_type":{"id":"PTYPE01"},"future_flag":true}}]}],
		"catch_all":{"actions":{"suppress":true,"route_hint":"x"}}}}`
	checkRequest(t, rec.all()[1], wantRequest{method: "PUT", path: "/event_orchestrations/" + orchID + "/global", body: want})

	// A modelled field set in Other does not override the field.
	b, err := json.Marshal(pagerduty.OrchestrationActions{Severity: pagerduty.SeverityInfo, Other: map[string]json.RawMessage{"severity": json.RawMessage(`"critical"`)}})
	if err != nil || string(b) != `{"severity":"info"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}
