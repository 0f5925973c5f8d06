package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// NotificationRuleInclude names what a notification rule answer can embed
// in full.
type NotificationRuleInclude string

// IncludeNotificationRuleContactMethods embeds the rules' contact methods.
const IncludeNotificationRuleContactMethods NotificationRuleInclude = "contact_methods"

// NotificationRuleUrgencyAll selects the rules of both urgencies in
// ListNotificationRulesOptions.
const NotificationRuleUrgencyAll Urgency = "all"

// ListNotificationRulesOptions filters a user's notification rules.
type ListNotificationRulesOptions struct {
	// Urgency keeps the rules of this urgency: UrgencyHigh, UrgencyLow or
	// NotificationRuleUrgencyAll. Empty means the API's default (high).
	Urgency Urgency `url:"urgency"`
	// Includes embeds these objects in full.
	Includes []NotificationRuleInclude `url:"include[]"`
}

// GetNotificationRuleOptions selects what a notification rule answer
// embeds.
type GetNotificationRuleOptions struct {
	// Includes embeds these objects in full.
	Includes []NotificationRuleInclude `url:"include[]"`
}

func notificationRuleIncludes(includes []NotificationRuleInclude) error {
	return oneOf("Includes", includes, IncludeNotificationRuleContactMethods)
}

// query checks the urgency and what o embeds, and encodes them.
func (o *ListNotificationRulesOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := oneOfIfSet("Urgency", o.Urgency, UrgencyHigh, UrgencyLow, NotificationRuleUrgencyAll); err != nil {
		return nil, err
	}
	if err := notificationRuleIncludes(o.Includes); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// query checks what o embeds and encodes it.
func (o *GetNotificationRuleOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := notificationRuleIncludes(o.Includes); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// NotificationRuleParams describes an assignment notification rule to
// create, or the new state of one to update. Every field is required.
type NotificationRuleParams struct {
	// StartDelayInMinutes is how long after assignment to notify (0: at
	// once).
	StartDelayInMinutes int
	// ContactMethod is the method to notify through: a reference such as
	// method.Ref() or Ref(string(ContactMethodReferenceSMS), "PABC123").
	ContactMethod Reference
	// Urgency is the urgency of the incidents the rule applies to.
	Urgency Urgency
}

type notificationRuleWire struct {
	Type                string    `json:"type"`
	StartDelayInMinutes int       `json:"start_delay_in_minutes"`
	ContactMethod       Reference `json:"contact_method"`
	Urgency             Urgency   `json:"urgency"`
}

func (p *NotificationRuleParams) wire() (*notificationRuleWire, error) {
	if p == nil {
		return nil, required("the notification rule params", "pass a *NotificationRuleParams")
	}
	if p.StartDelayInMinutes < 0 {
		return nil, fmt.Errorf("pagerduty: StartDelayInMinutes %d is negative", p.StartDelayInMinutes)
	}
	if err := checkRef("ContactMethod", p.ContactMethod); err != nil {
		return nil, err
	}
	if p.Urgency == "" {
		return nil, required("Urgency", "UrgencyHigh or UrgencyLow")
	}
	if err := oneOf("Urgency", []Urgency{p.Urgency}, UrgencyHigh, UrgencyLow); err != nil {
		return nil, err
	}
	return &notificationRuleWire{Type: "assignment_notification_rule", StartDelayInMinutes: p.StartDelayInMinutes,
		ContactMethod: refOnly(p.ContactMethod), Urgency: p.Urgency}, nil
}

// refOnly keeps the fields of a reference a write sends.
func refOnly(r Reference) Reference { return Reference{ID: r.ID, Type: r.Type} }

// ListNotificationRules returns the assignment notification rules of the
// user with the given ID: how and when the user is told of incidents
// assigned to them.
//
// OAuth scope users:contact_methods.read.
func (s *UsersService) ListNotificationRules(ctx context.Context, userID string, opts *ListNotificationRulesOptions) ([]NotificationRule, error) {
	return sliceAt[NotificationRule](ctx, s.client, "/users/{id}/notification_rules", "notification_rules", opts.query, userID)
}

// GetNotificationRule returns one assignment notification rule of a user.
//
// OAuth scope users:contact_methods.read.
func (s *UsersService) GetNotificationRule(ctx context.Context, userID, ruleID string, opts *GetNotificationRuleOptions) (*NotificationRule, error) {
	return getQueryAt[NotificationRule](ctx, s.client, "/users/{id}/notification_rules/{notification_rule_id}", "notification_rule", opts.query, userID, ruleID)
}

// CreateNotificationRule adds an assignment notification rule to the user
// with the given ID and returns it.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) CreateNotificationRule(ctx context.Context, userID string, p *NotificationRuleParams) (*NotificationRule, error) {
	return writeAt[NotificationRule](ctx, s.client, "POST", "/users/{id}/notification_rules", "notification_rule", p.wire, userID)
}

// UpdateNotificationRule replaces an assignment notification rule of a
// user with p and returns it as it is now.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) UpdateNotificationRule(ctx context.Context, userID, ruleID string, p *NotificationRuleParams) (*NotificationRule, error) {
	return writeAt[NotificationRule](ctx, s.client, "PUT", "/users/{id}/notification_rules/{notification_rule_id}", "notification_rule", p.wire, userID, ruleID)
}

// DeleteNotificationRule removes an assignment notification rule of a user.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) DeleteNotificationRule(ctx context.Context, userID, ruleID string) error {
	return deleteAt(ctx, s.client, "/users/{id}/notification_rules/{notification_rule_id}", userID, ruleID)
}
