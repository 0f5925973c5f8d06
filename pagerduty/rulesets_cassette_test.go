package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Record with:
//
//	PRISM_PORT=4032 scripts/record.sh ./pagerduty -run '^TestRulesetsCassette'

const recRuleset = "0e84de00-9511-4380-9f4f-a7b568bb49a0"

func checkRecordedRuleset(t *testing.T, what string, r *pagerduty.Ruleset) {
	t.Helper()
	if r == nil || r.ID == "" || r.Name == "" || r.Type == "" || len(r.RoutingKeys) == 0 || r.CreatedAt.IsZero() || r.Creator == nil || r.Team == nil {
		t.Errorf("%s: ruleset %+v lacks an ID, a name, a type, routing keys, a creation or a team", what, r)
	}
}

func checkRecordedRulesetRule(t *testing.T, what string, r *pagerduty.RulesetRule) {
	t.Helper()
	if r == nil || r.ID == "" || r.Position == nil || r.Disabled == nil || r.Actions == nil {
		t.Errorf("%s: rule %+v lacks an ID, a position or actions", what, r)
		return
	}
	if !r.CatchAll && (r.Conditions == nil || len(r.Conditions.Subconditions) == 0 || r.Actions.Route == nil || r.Actions.Route.Value == "") {
		t.Errorf("%s: rule %+v lacks conditions or a route", what, r)
	}
}

func TestRulesetsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/rulesets/rulesets")
	ctx := context.Background()

	for _, r := range readUpTo(t, "List", c.Rulesets.List(ctx, nil), 2) {
		checkRecordedRuleset(t, "List", &r)
	}
	page := must(c.Rulesets.ListPage(ctx, &pagerduty.ListRulesetsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Errorf("ListPage = %+v", page)
	}
	rs := must(c.Rulesets.Create(ctx, &pagerduty.RulesetParams{Name: "MySQL clusters", TeamID: "P3ZQXDF"})).ok(t, "Create")
	checkRecordedRuleset(t, "Create", rs)
	checkRecordedRuleset(t, "Get", must(c.Rulesets.Get(ctx, rs.ID)).ok(t, "Get"))
	checkRecordedRuleset(t, "Update", must(c.Rulesets.Update(ctx, rs.ID, &pagerduty.RulesetParams{Name: "MySQL"})).ok(t, "Update"))
	mustDo(t, "Delete", c.Rulesets.Delete(ctx, rs.ID))
}

func TestRulesetsCassetteRules(t *testing.T) {
	c := replayClient(t, "pagerduty/rulesets/rules")
	ctx := context.Background()

	rules := readUpTo(t, "ListRules", c.Rulesets.ListRules(ctx, recRuleset, nil), 3)
	var catchAll bool
	for _, r := range rules {
		checkRecordedRulesetRule(t, "ListRules", &r)
		catchAll = catchAll || r.CatchAll
	}
	if !catchAll {
		t.Error("ListRules: no catch-all rule")
	}
	page := must(c.Rulesets.ListRulesPage(ctx, recRuleset, &pagerduty.ListRulesetRulesOptions{ListOptions: pagerduty.ListOptions{Limit: 2}})).ok(t, "ListRulesPage")
	if len(page.Items) == 0 {
		t.Errorf("ListRulesPage = %+v", page)
	}

	rule := &pagerduty.RulesetRule{
		Position: pointerTo(0),
		Conditions: &pagerduty.EventRuleConditions{Operator: "and", Subconditions: []pagerduty.EventRuleSubcondition{
			{Operator: "contains", Parameters: pagerduty.EventRuleConditionParameters{Path: "details.host", Value: "mysql"}},
		}},
		TimeFrame: &pagerduty.EventRuleTimeFrame{ActiveBetween: &pagerduty.EventRuleActiveBetween{StartTime: 1577880000000, EndTime: 1580558400000}},
		Actions: &pagerduty.RulesetRuleActions{
			ServiceEventRuleActions: pagerduty.ServiceEventRuleActions{
				Annotate: &pagerduty.EventRuleValue{Value: "Opened by a global event rule"},
				Severity: &pagerduty.EventRuleValue{Value: "warning"},
				Extractions: []pagerduty.EventRuleExtraction{
					{Target: "dedup_key", Source: "details.error_summary", Regex: "Host (.*) is failing"},
				},
			},
			Route: &pagerduty.EventRuleValue{Value: "PI2KBWI"},
		},
	}
	r := must(c.Rulesets.CreateRule(ctx, recRuleset, rule)).ok(t, "CreateRule")
	checkRecordedRulesetRule(t, "CreateRule", r)
	got := must(c.Rulesets.GetRule(ctx, recRuleset, r.ID)).ok(t, "GetRule")
	checkRecordedRulesetRule(t, "GetRule", got)
	if len(got.Variables) == 0 || got.TimeFrame == nil || got.TimeFrame.ActiveBetween == nil {
		t.Errorf("GetRule: variables or time frame lost: %+v", got)
	}
	rule.Disabled = pointerTo(true)
	checkRecordedRulesetRule(t, "UpdateRule", must(c.Rulesets.UpdateRule(ctx, recRuleset, r.ID, rule)).ok(t, "UpdateRule"))
	mustDo(t, "DeleteRule", c.Rulesets.DeleteRule(ctx, recRuleset, r.ID))
}
