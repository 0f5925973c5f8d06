package pagerduty

import (
	"context"
	"time"
)

// StatusUpdateNotificationRule tells a user, through a contact method, of
// the status updates of the incidents and business services they follow.
type StatusUpdateNotificationRule struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	// ContactMethod is the method used: a reference, or the full method
	// with IncludeNotificationRuleContactMethods.
	ContactMethod *ContactMethod `json:"contact_method,omitempty"`
	CreatedAt     time.Time      `json:"created_at,omitzero"`
}

// statusRuleKeys are the names the answers give a status update rule: the
// API's description says notification_rule for some calls, its examples
// say status_update_notification_rule. Both are read.
var statusRuleKeys = []string{"status_update_notification_rule", "notification_rule"}

// ListStatusUpdateNotificationRules returns the status update notification
// rules of the user with the given ID. opts may embed the contact methods.
//
// OAuth scope users.read.
func (s *UsersService) ListStatusUpdateNotificationRules(ctx context.Context, userID string, opts *GetNotificationRuleOptions) ([]StatusUpdateNotificationRule, error) {
	return sliceAt[StatusUpdateNotificationRule](ctx, s.client, "/users/{id}/status_update_notification_rules", "status_update_notification_rules", opts.query, userID)
}

// GetStatusUpdateNotificationRule returns one status update notification
// rule of a user.
//
// OAuth scope users.read.
func (s *UsersService) GetStatusUpdateNotificationRule(ctx context.Context, userID, ruleID string, opts *GetNotificationRuleOptions) (*StatusUpdateNotificationRule, error) {
	path, err := expandPath("/users/{id}/status_update_notification_rules/{status_update_notification_rule_id}", userID, ruleID)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[StatusUpdateNotificationRule](ctx, s.client, &request{method: "GET", path: path, query: q}, statusRuleKeys...)
}

// statusUpdateRuleBody is the body of status update rule writes.
func statusUpdateRuleBody(contactMethod Reference) (any, error) {
	if err := checkRef("contactMethod", contactMethod); err != nil {
		return nil, err
	}
	return map[string]any{"status_update_notification_rule": map[string]any{"contact_method": refOnly(contactMethod)}}, nil
}

// CreateStatusUpdateNotificationRule makes the user with the given ID
// receive status updates through the given contact method (such as
// method.Ref()), and returns the new rule.
//
// OAuth scope users.write.
func (s *UsersService) CreateStatusUpdateNotificationRule(ctx context.Context, userID string, contactMethod Reference) (*StatusUpdateNotificationRule, error) {
	path, err := expandPath("/users/{id}/status_update_notification_rules", userID)
	if err != nil {
		return nil, err
	}
	body, err := statusUpdateRuleBody(contactMethod)
	if err != nil {
		return nil, err
	}
	return objectCall[StatusUpdateNotificationRule](ctx, s.client, &request{method: "POST", path: path, body: body}, statusRuleKeys...)
}

// UpdateStatusUpdateNotificationRule moves a status update notification
// rule of a user to another contact method and returns it as it is now.
//
// OAuth scope users.write.
func (s *UsersService) UpdateStatusUpdateNotificationRule(ctx context.Context, userID, ruleID string, contactMethod Reference) (*StatusUpdateNotificationRule, error) {
	path, err := expandPath("/users/{id}/status_update_notification_rules/{status_update_notification_rule_id}", userID, ruleID)
	if err != nil {
		return nil, err
	}
	body, err := statusUpdateRuleBody(contactMethod)
	if err != nil {
		return nil, err
	}
	return objectCall[StatusUpdateNotificationRule](ctx, s.client, &request{method: "PUT", path: path, body: body}, statusRuleKeys...)
}

// DeleteStatusUpdateNotificationRule removes a status update notification
// rule of a user.
//
// OAuth scope users.write.
func (s *UsersService) DeleteStatusUpdateNotificationRule(ctx context.Context, userID, ruleID string) error {
	return deleteAt(ctx, s.client, "/users/{id}/status_update_notification_rules/{status_update_notification_rule_id}", userID, ruleID)
}
