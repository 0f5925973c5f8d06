package pagerduty

import (
	"context"
	"fmt"
)

// HandoffType says which on-call handoffs a handoff notification rule
// announces.
type HandoffType string

// The handoffs a rule can announce.
const (
	// HandoffBoth announces going on call and going off call.
	HandoffBoth HandoffType = "both"
	// HandoffOnCall announces going on call.
	HandoffOnCall HandoffType = "oncall"
	// HandoffOffCall announces going off call.
	HandoffOffCall HandoffType = "offcall"
)

// HandoffNotificationRule tells a user, through a contact method, that an
// on-call shift of theirs is about to start or end.
type HandoffNotificationRule struct {
	ID string `json:"id,omitempty"`
	// NotifyAdvanceInMinutes is how long before the handoff the user is
	// told.
	NotifyAdvanceInMinutes int         `json:"notify_advance_in_minutes"`
	HandoffType            HandoffType `json:"handoff_type,omitempty"`
	// ContactMethod is the method the user is told through.
	ContactMethod *ContactMethod `json:"contact_method,omitempty"`
}

// HandoffNotificationRuleParams describes a handoff notification rule to
// create, or the new state of one to update. ContactMethod is required;
// HandoffType defaults to HandoffBoth.
type HandoffNotificationRuleParams struct {
	// HandoffType is which handoffs to announce (empty: HandoffBoth).
	HandoffType HandoffType
	// NotifyAdvanceInMinutes is how long before the handoff to tell the
	// user (0: at the handoff).
	NotifyAdvanceInMinutes int
	// ContactMethod is the method to notify through, such as method.Ref().
	ContactMethod Reference
}

type handoffRuleWire struct {
	HandoffType            HandoffType `json:"handoff_type"`
	NotifyAdvanceInMinutes int         `json:"notify_advance_in_minutes"`
	ContactMethod          Reference   `json:"contact_method"`
}

func (p *HandoffNotificationRuleParams) wire() (*handoffRuleWire, error) {
	if p == nil {
		return nil, required("the handoff notification rule params", "pass a *HandoffNotificationRuleParams")
	}
	t := p.HandoffType
	if t == "" {
		t = HandoffBoth
	}
	if err := oneOf("HandoffType", []HandoffType{t}, HandoffBoth, HandoffOnCall, HandoffOffCall); err != nil {
		return nil, err
	}
	if p.NotifyAdvanceInMinutes < 0 {
		return nil, fmt.Errorf("pagerduty: NotifyAdvanceInMinutes %d is negative", p.NotifyAdvanceInMinutes)
	}
	if err := checkRef("ContactMethod", p.ContactMethod); err != nil {
		return nil, err
	}
	return &handoffRuleWire{HandoffType: t, NotifyAdvanceInMinutes: p.NotifyAdvanceInMinutes, ContactMethod: refOnly(p.ContactMethod)}, nil
}

// ListHandoffNotificationRules returns the on-call handoff notification
// rules of the user with the given ID.
//
// OAuth scope users.read.
func (s *UsersService) ListHandoffNotificationRules(ctx context.Context, userID string) ([]HandoffNotificationRule, error) {
	return sliceAt[HandoffNotificationRule](ctx, s.client, "/users/{id}/oncall_handoff_notification_rules", "oncall_handoff_notification_rules", nil, userID)
}

// GetHandoffNotificationRule returns one on-call handoff notification rule
// of a user.
//
// OAuth scope users.read.
func (s *UsersService) GetHandoffNotificationRule(ctx context.Context, userID, ruleID string) (*HandoffNotificationRule, error) {
	return getAt[HandoffNotificationRule](ctx, s.client, "/users/{id}/oncall_handoff_notification_rules/{oncall_handoff_notification_rule_id}", "oncall_handoff_notification_rule", userID, ruleID)
}

// CreateHandoffNotificationRule adds an on-call handoff notification rule
// to the user with the given ID and returns it.
//
// OAuth scope users.write.
func (s *UsersService) CreateHandoffNotificationRule(ctx context.Context, userID string, p *HandoffNotificationRuleParams) (*HandoffNotificationRule, error) {
	return writeAt[HandoffNotificationRule](ctx, s.client, "POST", "/users/{id}/oncall_handoff_notification_rules", "oncall_handoff_notification_rule", p.wire, userID)
}

// UpdateHandoffNotificationRule replaces an on-call handoff notification
// rule of a user with p and returns it as it is now.
//
// OAuth scope users.write.
func (s *UsersService) UpdateHandoffNotificationRule(ctx context.Context, userID, ruleID string, p *HandoffNotificationRuleParams) (*HandoffNotificationRule, error) {
	return writeAt[HandoffNotificationRule](ctx, s.client, "PUT", "/users/{id}/oncall_handoff_notification_rules/{oncall_handoff_notification_rule_id}", "oncall_handoff_notification_rule", p.wire, userID, ruleID)
}

// DeleteHandoffNotificationRule removes an on-call handoff notification
// rule of a user.
//
// OAuth scope users.write.
func (s *UsersService) DeleteHandoffNotificationRule(ctx context.Context, userID, ruleID string) error {
	return deleteAt(ctx, s.client, "/users/{id}/oncall_handoff_notification_rules/{oncall_handoff_notification_rule_id}", userID, ruleID)
}
