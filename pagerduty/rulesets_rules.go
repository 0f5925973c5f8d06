package pagerduty

import (
	"context"
	"fmt"
	"iter"
)

// RulesetRule is an event rule of a ruleset: when an event meets
// Conditions (within TimeFrame), Actions apply, among them routing the
// event to a service. It shares its conditions, time frames, variables and
// actions with service event rules (ServiceEventRule).
type RulesetRule struct {
	ID   string `json:"id,omitempty"`
	Self string `json:"self,omitempty"`
	// Disabled keeps the rule without applying it. The API always reports
	// it; in UpdateRule, nil leaves it as it is (updates are partial).
	Disabled *bool `json:"disabled,omitempty"`
	// Position is the rule's place in the evaluation order, from 0.
	Position *int `json:"position,omitempty"`
	// CatchAll marks the ruleset's last rule, which applies to events no
	// other rule matched (read only).
	CatchAll   bool                 `json:"catch_all,omitempty"`
	Conditions *EventRuleConditions `json:"conditions,omitempty"`
	TimeFrame  *EventRuleTimeFrame  `json:"time_frame,omitempty"`
	Variables  []EventRuleVariable  `json:"variables,omitempty"`
	Actions    *RulesetRuleActions  `json:"actions,omitempty"`
}

// RulesetRuleActions are what a ruleset rule does to matching events: the
// actions of service event rules, and Route.
type RulesetRuleActions struct {
	ServiceEventRuleActions
	// Route sends the event to the service whose ID is Route.Value.
	Route *EventRuleValue `json:"route,omitempty"`
}

// check validates a rule with the checks of service event rules, and its
// route.
func (r *RulesetRule) check() error {
	if r == nil {
		return required("the rule", "pass a *RulesetRule")
	}
	sr := &ServiceEventRule{Conditions: r.Conditions, TimeFrame: r.TimeFrame, Variables: r.Variables}
	if r.Actions != nil {
		sr.Actions = &r.Actions.ServiceEventRuleActions
		if rt := r.Actions.Route; rt != nil {
			if err := ValidateID(rt.Value); err != nil {
				return fmt.Errorf("Actions.Route.Value (a service ID): %w", err)
			}
		}
	}
	return checkEventRule(sr)
}

// wire drops the read-only fields of a rule.
func (r *RulesetRule) wire() *RulesetRule {
	w := *r
	w.ID, w.Self, w.CatchAll = "", "", false
	return &w
}

// ListRulesetRulesOptions pages the rules of a ruleset.
type ListRulesetRulesOptions struct {
	ListOptions
}

// ListRules streams the rules of the ruleset id, in evaluation order, the
// catch-all rule last.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) ListRules(ctx context.Context, id string, opts *ListRulesetRulesOptions) iter.Seq2[RulesetRule, error] {
	return offsetSeqAt[RulesetRule](ctx, s.client, "/rulesets/{id}/rules", "rules", pagedQuery(opts), id)
}

// ListRulesPage returns one page of the rules of the ruleset id, at
// opts.Offset, with the pagination facts.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) ListRulesPage(ctx context.Context, id string, opts *ListRulesetRulesOptions) (*Page[RulesetRule], error) {
	return offsetPageAt[RulesetRule](ctx, s.client, "/rulesets/{id}/rules", "rules", pagedQuery(opts), id)
}

// CreateRule adds rule to the ruleset id (at rule.Position, or before the
// catch-all when nil) and returns it.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) CreateRule(ctx context.Context, id string, rule *RulesetRule) (*RulesetRule, error) {
	path, err := expandPath("/rulesets/{id}/rules", id)
	if err != nil {
		return nil, err
	}
	if err := rule.check(); err != nil {
		return nil, err
	}
	// The API description's example wraps the answer as "ruleset"; both
	// keys are accepted.
	return objectCall[RulesetRule](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"rule": rule.wire()}}, "rule", "ruleset")
}

// GetRule returns the rule ruleID of the ruleset id.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) GetRule(ctx context.Context, id, ruleID string) (*RulesetRule, error) {
	return getAt[RulesetRule](ctx, s.client, "/rulesets/{id}/rules/{rule_id}", "rule", id, ruleID)
}

// UpdateRule changes the rule ruleID of the ruleset id to rule and returns
// it as it is now; the fields rule leaves unset are left as they are.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) UpdateRule(ctx context.Context, id, ruleID string, rule *RulesetRule) (*RulesetRule, error) {
	path, err := expandPath("/rulesets/{id}/rules/{rule_id}", id, ruleID)
	if err != nil {
		return nil, err
	}
	if err := rule.check(); err != nil {
		return nil, err
	}
	return objectCall[RulesetRule](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"rule_id": ruleID, "rule": rule.wire()}}, "rule")
}

// DeleteRule removes the rule ruleID of the ruleset id.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) DeleteRule(ctx context.Context, id, ruleID string) error {
	return deleteAt(ctx, s.client, "/rulesets/{id}/rules/{rule_id}", id, ruleID)
}
