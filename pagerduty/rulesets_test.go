package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const rulesetID = "9d0f3a1e-1111-4222-8333-444455556666"

const rulesetJSON = `{"id":"` + rulesetID + `","self":"https://api.pagerduty.com/rulesets/` + rulesetID + `","type":"global","name":"Databases",
	"routing_keys":["R0KEY1"],"team":{"id":"PTEAM01","type":"team_reference"},
	"created_at":"2024-06-01T12:00:00Z","creator":{"id":"PUSER01","type":"user_reference"},
	"updated_at":"2024-06-02T12:00:00Z","updater":{"id":"PUSER02","type":"user_reference"}}`

func checkRuleset(t *testing.T, got any) {
	t.Helper()
	want := &pagerduty.Ruleset{
		ID: rulesetID, Self: "https://api.pagerduty.com/rulesets/" + rulesetID, Type: pagerduty.RulesetGlobal, Name: "Databases",
		RoutingKeys: []string{"R0KEY1"}, Team: &pagerduty.Reference{ID: "PTEAM01", Type: "team_reference"},
		CreatedAt: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC), Creator: &pagerduty.Reference{ID: "PUSER01", Type: "user_reference"},
		UpdatedAt: time.Date(2024, 6, 2, 12, 0, 0, 0, time.UTC), Updater: &pagerduty.Reference{ID: "PUSER02", Type: "user_reference"},
	}
	if r, ok := got.(pagerduty.Ruleset); ok {
		got = &r
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ruleset (-want +got):\n%s", diff)
	}
}

const rulesetRuleJSON = `{"id":"rule-1","self":"https://api.pagerduty.com/rulesets/x/rules/rule-1","position":2,"disabled":false,"catch_all":false,
	"conditions":{"operator":"or","subconditions":[{"operator":"matches","parameters":{"path":"payload.source","value":"db-.*"}}]},
	"time_frame":{"scheduled_weekly":{"start_time":32400000,"duration":28800000,"timezone":"Europe/Paris","weekdays":[1,2,3,4,5]}},
	"variables":[{"type":"regex","name":"host","parameters":{"path":"payload.source","value":"db-(.*)"}}],
	"actions":{"route":{"value":"PSVC001"},"severity":{"value":"critical"},"suppress":{"value":false},"annotate":null,"priority":null,"event_action":null,
		"extractions":[{"target":"summary","template":"{{host}} is failing"}]}}`

func wantRulesetRule() *pagerduty.RulesetRule {
	return &pagerduty.RulesetRule{
		ID: "rule-1", Self: "https://api.pagerduty.com/rulesets/x/rules/rule-1", Position: pointerTo(2), Disabled: pointerTo(false),
		Conditions: &pagerduty.EventRuleConditions{Operator: "or", Subconditions: []pagerduty.EventRuleSubcondition{
			{Operator: "matches", Parameters: pagerduty.EventRuleConditionParameters{Path: "payload.source", Value: "db-.*"}},
		}},
		TimeFrame: &pagerduty.EventRuleTimeFrame{ScheduledWeekly: &pagerduty.EventRuleScheduledWeekly{
			StartTime: 32400000, Duration: 28800000, Timezone: "Europe/Paris", Weekdays: []int{1, 2, 3, 4, 5}}},
		Variables: []pagerduty.EventRuleVariable{{Type: "regex", Name: "host", Parameters: pagerduty.EventRuleVariableParameters{Path: "payload.source", Value: "db-(.*)"}}},
		Actions: &pagerduty.RulesetRuleActions{
			ServiceEventRuleActions: pagerduty.ServiceEventRuleActions{
				Severity:    &pagerduty.EventRuleValue{Value: "critical"},
				Suppress:    &pagerduty.EventRuleSuppress{Value: false},
				Extractions: []pagerduty.EventRuleExtraction{{Target: "summary", Template: "{{host}} is failing"}},
			},
			Route: &pagerduty.EventRuleValue{Value: "PSVC001"},
		},
	}
}

func checkRulesetRule(t *testing.T, got any) {
	t.Helper()
	if r, ok := got.(pagerduty.RulesetRule); ok {
		got = &r
	}
	if diff := cmp.Diff(wantRulesetRule(), got); diff != "" {
		t.Errorf("rule (-want +got):\n%s", diff)
	}
}

func TestRulesetsRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name:   "List",
			call:   func(ctx context.Context, c *pagerduty.Client) (any, error) { return firstOf(c.Rulesets.List(ctx, nil)) },
			answer: `{"rulesets":[` + rulesetJSON + `],"limit":100,"offset":0,"more":false,"total":null}`,
			want:   wantRequest{method: "GET", path: "/rulesets", query: pageQuery()},
			check:  checkRuleset,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.ListPage(ctx, &pagerduty.ListRulesetsOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Offset: 3, Total: true}})
			},
			answer: `{"rulesets":[` + rulesetJSON + `],"limit":1,"offset":3,"more":true,"total":9}`,
			want:   wantRequest{method: "GET", path: "/rulesets", query: vals("limit", "1", "offset", "3", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.Ruleset])
				if len(p.Items) != 1 || !p.More || p.Total == nil || *p.Total != 9 {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.Create(ctx, &pagerduty.RulesetParams{Name: "Databases", TeamID: "PTEAM01"})
			},
			status: 201,
			answer: `{"ruleset":` + rulesetJSON + `}`,
			want:   wantRequest{method: "POST", path: "/rulesets", body: `{"ruleset":{"name":"Databases","team":{"id":"PTEAM01","type":"team_reference"}}}`},
			check:  checkRuleset,
		},
		{
			// The API description's examples wrap rulesets as "rulesets".
			name: "Create accepts the documented key",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.Create(ctx, &pagerduty.RulesetParams{Name: "Databases"})
			},
			status: 201,
			answer: `{"rulesets":` + rulesetJSON + `}`,
			want:   wantRequest{method: "POST", path: "/rulesets", body: `{"ruleset":{"name":"Databases"}}`},
			check:  checkRuleset,
		},
		{
			name:   "Get",
			call:   func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Rulesets.Get(ctx, rulesetID) },
			answer: `{"ruleset":` + rulesetJSON + `}`,
			want:   wantRequest{method: "GET", path: "/rulesets/" + rulesetID},
			check:  checkRuleset,
		},
		{
			name: "Update sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.Update(ctx, rulesetID, &pagerduty.RulesetParams{TeamID: "PTEAM02"})
			},
			answer: `{"ruleset":` + rulesetJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/rulesets/" + rulesetID, body: `{"ruleset":{"team":{"id":"PTEAM02","type":"team_reference"}}}`},
			check:  checkRuleset,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Rulesets.Delete(ctx, rulesetID)
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/rulesets/" + rulesetID},
		},
	})
}

func TestRulesetsRuleRequests(t *testing.T) {
	base := "/rulesets/" + rulesetID + "/rules"
	// A rule read from the API, sent back: read-only fields are dropped.
	rule := wantRulesetRule()
	rule.CatchAll = true
	ruleBody := `{"position":2,"disabled":false,
		"conditions":{"operator":"or","subconditions":[{"operator":"matches","parameters":{"path":"payload.source","value":"db-.*"}}]},
		"time_frame":{"scheduled_weekly":{"start_time":32400000,"duration":28800000,"timezone":"Europe/Paris","weekdays":[1,2,3,4,5]}},
		"variables":[{"type":"regex","name":"host","parameters":{"path":"payload.source","value":"db-(.*)"}}],
		"actions":{"route":{"value":"PSVC001"},"severity":{"value":"critical"},"suppress":{"value":false},
			"extractions":[{"target":"summary","template":"{{host}} is failing"}]}}`
	runAPICases(t, []apiCase{
		{
			name: "ListRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Rulesets.ListRules(ctx, rulesetID, &pagerduty.ListRulesetRulesOptions{ListOptions: pagerduty.ListOptions{Limit: 25}}))
			},
			answer: `{"rules":[` + rulesetRuleJSON + `],"limit":25,"offset":0,"more":false}`,
			want:   wantRequest{method: "GET", path: base, query: vals("limit", "25", "offset", "0")},
			check:  checkRulesetRule,
		},
		{
			name: "ListRulesPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.ListRulesPage(ctx, rulesetID, &pagerduty.ListRulesetRulesOptions{ListOptions: pagerduty.ListOptions{Offset: 1}})
			},
			answer: `{"rules":[` + rulesetRuleJSON + `],"limit":25,"offset":1,"more":false}`,
			want:   wantRequest{method: "GET", path: base, query: vals("offset", "1")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.RulesetRule])
				if len(p.Items) != 1 || p.Offset != 1 {
					t.Fatalf("page = %+v", p)
				}
				checkRulesetRule(t, &p.Items[0])
			},
		},
		{
			name: "CreateRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.CreateRule(ctx, rulesetID, rule)
			},
			status: 201,
			answer: `{"rule":` + rulesetRuleJSON + `}`,
			want:   wantRequest{method: "POST", path: base, body: `{"rule":` + ruleBody + `}`},
			check:  checkRulesetRule,
		},
		{
			name: "GetRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.GetRule(ctx, rulesetID, "rule-1")
			},
			answer: `{"rule":` + rulesetRuleJSON + `}`,
			want:   wantRequest{method: "GET", path: base + "/rule-1"},
			check:  checkRulesetRule,
		},
		{
			name: "UpdateRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.UpdateRule(ctx, rulesetID, "rule-1", rule)
			},
			answer: `{"rule":` + rulesetRuleJSON + `}`,
			want:   wantRequest{method: "PUT", path: base + "/rule-1", body: `{"rule_id":"rule-1","rule":` + ruleBody + `}`},
			check:  checkRulesetRule,
		},
		{
			// Updates are partial: a rule holding only Disabled sends only it,
			// false included.
			name: "UpdateRule re-enables a rule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.UpdateRule(ctx, rulesetID, "rule-1", &pagerduty.RulesetRule{Disabled: pointerTo(false)})
			},
			answer: `{"rule":` + rulesetRuleJSON + `}`,
			want:   wantRequest{method: "PUT", path: base + "/rule-1", body: `{"rule_id":"rule-1","rule":{"disabled":false}}`},
			check:  checkRulesetRule,
		},
		{
			name: "UpdateRule leaves Disabled alone when nil",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Rulesets.UpdateRule(ctx, rulesetID, "rule-1", &pagerduty.RulesetRule{Position: pointerTo(0)})
			},
			answer: `{"rule":` + rulesetRuleJSON + `}`,
			want:   wantRequest{method: "PUT", path: base + "/rule-1", body: `{"rule_id":"rule-1","rule":{"position":0}}`},
			check:  checkRulesetRule,
		},
		{
			name: "DeleteRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Rulesets.DeleteRule(ctx, rulesetID, "rule-1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: base + "/rule-1"},
		},
	})
	if rule.ID != "rule-1" || !rule.CatchAll {
		t.Error("a rule write changed the caller's rule")
	}
}

func TestRulesetsRejectBadInput(t *testing.T) {
	withActions := func(a pagerduty.RulesetRuleActions) *pagerduty.RulesetRule {
		return &pagerduty.RulesetRule{Actions: &a}
	}
	runBadCalls(t, []badCall{
		{"ListPage with a negative offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.ListPage(ctx, &pagerduty.ListRulesetsOptions{ListOptions: pagerduty.ListOptions{Offset: -1}})
			return err
		}, "Offset -1 is negative"},
		{"ListRules with a limit out of range", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Rulesets.ListRules(ctx, rulesetID, &pagerduty.ListRulesetRulesOptions{ListOptions: pagerduty.ListOptions{Limit: 500}}))
		}, "Limit 500 is out of range"},
		{"ListRulesPage with a bad ruleset ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.ListRulesPage(ctx, "x/y", nil)
			return err
		}, "invalid ID"},
		{"Create without a name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.Create(ctx, &pagerduty.RulesetParams{TeamID: "PTEAM01"})
			return err
		}, "Name is required"},
		{"Update that changes nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.Update(ctx, rulesetID, &pagerduty.RulesetParams{})
			return err
		}, "change nothing"},
		{"Create with a bad team", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.Create(ctx, &pagerduty.RulesetParams{Name: "x", TeamID: "P 1"})
			return err
		}, "TeamID"},
		{"CreateRule with nil", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.CreateRule(ctx, rulesetID, nil)
			return err
		}, "the rule is required"},
		{"CreateRule routing to a bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.CreateRule(ctx, rulesetID, withActions(pagerduty.RulesetRuleActions{Route: &pagerduty.EventRuleValue{Value: ""}}))
			return err
		}, "Actions.Route.Value"},
		{"UpdateRule with an unknown severity", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.UpdateRule(ctx, rulesetID, "rule-1", withActions(pagerduty.RulesetRuleActions{
				ServiceEventRuleActions: pagerduty.ServiceEventRuleActions{Severity: &pagerduty.EventRuleValue{Value: "urgent"}}}))
			return err
		}, `"urgent" is not accepted`},
		{"CreateRule with an unknown condition operator", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Rulesets.CreateRule(ctx, rulesetID, &pagerduty.RulesetRule{Conditions: &pagerduty.EventRuleConditions{Operator: "xor"}})
			return err
		}, `"xor" is not accepted`},
		{"DeleteRule with a bad rule ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Rulesets.DeleteRule(ctx, rulesetID, "..")
		}, "{rule_id}"},
	})
}
