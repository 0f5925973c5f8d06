package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const ruleJSON = `{"id":"PNR0001","type":"assignment_notification_rule","start_delay_in_minutes":5,"urgency":"high",
 "created_at":"2026-01-01T00:00:00Z",
 "contact_method":{"id":"PCM0002","type":"sms_contact_method","label":"Mobile","address":"5551234567","country_code":1}}`

func checkRule(t *testing.T, got any) {
	t.Helper()
	r := got.(*pagerduty.NotificationRule)
	if r.ID != "PNR0001" || r.StartDelayInMinutes != 5 || r.Urgency != pagerduty.UrgencyHigh {
		t.Errorf("rule %+v", r)
	}
	if r.ContactMethod == nil || r.ContactMethod.Address != "5551234567" {
		t.Errorf("the embedded contact method was lost: %+v", r.ContactMethod)
	}
}

const handoffJSON = `{"id":"PHR0001","handoff_type":"oncall","notify_advance_in_minutes":30,
 "contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}`

func checkHandoff(t *testing.T, got any) {
	t.Helper()
	r := got.(*pagerduty.HandoffNotificationRule)
	if r.ID != "PHR0001" || r.HandoffType != pagerduty.HandoffOnCall || r.NotifyAdvanceInMinutes != 30 || r.ContactMethod == nil || r.ContactMethod.ID != "PCM0001" {
		t.Errorf("handoff rule %+v", r)
	}
}

const statusRuleJSON = `{"id":"PSR0001","type":"status_update_notification_rule","created_at":"2026-01-01T00:00:00Z",
 "contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}`

func checkStatusRule(t *testing.T, got any) {
	t.Helper()
	r := got.(*pagerduty.StatusUpdateNotificationRule)
	if r.ID != "PSR0001" || r.ContactMethod == nil || r.ContactMethod.ID != "PCM0001" || r.CreatedAt.IsZero() {
		t.Errorf("status update rule %+v", r)
	}
}

func TestUserNotificationRuleRequests(t *testing.T) {
	sms := pagerduty.Ref(string(pagerduty.ContactMethodReferenceSMS), "PCM0002")
	email := pagerduty.Ref(string(pagerduty.ContactMethodReferenceEmail), "PCM0001")
	withCM := pagerduty.GetNotificationRuleOptions{Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}}
	runAPICases(t, []apiCase{
		{
			name: "ListNotificationRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListNotificationRules(ctx, "PUSER01", &pagerduty.ListNotificationRulesOptions{
					Urgency: pagerduty.NotificationRuleUrgencyAll, Includes: withCM.Includes})
			},
			answer: `{"notification_rules":[` + ruleJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/notification_rules", query: vals("urgency", "all", "include[]", "contact_methods")},
			check: func(t *testing.T, got any) {
				rs := got.([]pagerduty.NotificationRule)
				if len(rs) != 1 {
					t.Fatalf("%d rules", len(rs))
				}
				checkRule(t, &rs[0])
			},
		},
		{
			name: "GetNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetNotificationRule(ctx, "PUSER01", "PNR0001", &withCM)
			},
			answer: `{"notification_rule":` + ruleJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/notification_rules/PNR0001", query: vals("include[]", "contact_methods")},
			check:  checkRule,
		},
		{
			name: "CreateNotificationRuleSendsAZeroDelay",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.CreateNotificationRule(ctx, "PUSER01", &pagerduty.NotificationRuleParams{
					ContactMethod: pagerduty.Reference{ID: "PCM0002", Type: "sms_contact_method_reference", Summary: "not sent"}, Urgency: pagerduty.UrgencyLow})
			},
			status: 201,
			answer: `{"notification_rule":` + ruleJSON + `}`,
			want: wantRequest{method: "POST", path: "/users/PUSER01/notification_rules",
				body: `{"notification_rule":{"type":"assignment_notification_rule","start_delay_in_minutes":0,
					"contact_method":{"id":"PCM0002","type":"sms_contact_method_reference"},"urgency":"low"}}`},
			check: checkRule,
		},
		{
			name: "UpdateNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.UpdateNotificationRule(ctx, "PUSER01", "PNR0001", &pagerduty.NotificationRuleParams{
					StartDelayInMinutes: 5, ContactMethod: sms, Urgency: pagerduty.UrgencyHigh})
			},
			answer: `{"notification_rule":` + ruleJSON + `}`,
			want: wantRequest{method: "PUT", path: "/users/PUSER01/notification_rules/PNR0001",
				body: `{"notification_rule":{"type":"assignment_notification_rule","start_delay_in_minutes":5,
					"contact_method":{"id":"PCM0002","type":"sms_contact_method_reference"},"urgency":"high"}}`},
			check: checkRule,
		},
		{
			name: "DeleteNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteNotificationRule(ctx, "PUSER01", "PNR0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/notification_rules/PNR0001"},
		},
		{
			name: "ListHandoffNotificationRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListHandoffNotificationRules(ctx, "PUSER01")
			},
			answer: `{"oncall_handoff_notification_rules":[` + handoffJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/oncall_handoff_notification_rules"},
			check: func(t *testing.T, got any) {
				rs := got.([]pagerduty.HandoffNotificationRule)
				if len(rs) != 1 {
					t.Fatalf("%d rules", len(rs))
				}
				checkHandoff(t, &rs[0])
			},
		},
		{
			name: "GetHandoffNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetHandoffNotificationRule(ctx, "PUSER01", "PHR0001")
			},
			answer: `{"oncall_handoff_notification_rule":` + handoffJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/oncall_handoff_notification_rules/PHR0001"},
			check:  checkHandoff,
		},
		{
			name: "CreateHandoffNotificationRuleDefaultsToBoth",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.CreateHandoffNotificationRule(ctx, "PUSER01", &pagerduty.HandoffNotificationRuleParams{ContactMethod: email})
			},
			status: 201,
			answer: `{"oncall_handoff_notification_rule":` + handoffJSON + `}`,
			want: wantRequest{method: "POST", path: "/users/PUSER01/oncall_handoff_notification_rules",
				body: `{"oncall_handoff_notification_rule":{"handoff_type":"both","notify_advance_in_minutes":0,
					"contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}}`},
			check: checkHandoff,
		},
		{
			name: "UpdateHandoffNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.UpdateHandoffNotificationRule(ctx, "PUSER01", "PHR0001", &pagerduty.HandoffNotificationRuleParams{
					HandoffType: pagerduty.HandoffOnCall, NotifyAdvanceInMinutes: 30, ContactMethod: email})
			},
			answer: `{"oncall_handoff_notification_rule":` + handoffJSON + `}`,
			want: wantRequest{method: "PUT", path: "/users/PUSER01/oncall_handoff_notification_rules/PHR0001",
				body: `{"oncall_handoff_notification_rule":{"handoff_type":"oncall","notify_advance_in_minutes":30,
					"contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}}`},
			check: checkHandoff,
		},
		{
			name: "DeleteHandoffNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteHandoffNotificationRule(ctx, "PUSER01", "PHR0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/oncall_handoff_notification_rules/PHR0001"},
		},
		{
			name: "ListStatusUpdateNotificationRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListStatusUpdateNotificationRules(ctx, "PUSER01", &withCM)
			},
			answer: `{"status_update_notification_rules":[` + statusRuleJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/status_update_notification_rules", query: vals("include[]", "contact_methods")},
			check: func(t *testing.T, got any) {
				rs := got.([]pagerduty.StatusUpdateNotificationRule)
				if len(rs) != 1 {
					t.Fatalf("%d rules", len(rs))
				}
				checkStatusRule(t, &rs[0])
			},
		},
		{
			name: "GetStatusUpdateNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetStatusUpdateNotificationRule(ctx, "PUSER01", "PSR0001", nil)
			},
			answer: `{"status_update_notification_rule":` + statusRuleJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/status_update_notification_rules/PSR0001"},
			check:  checkStatusRule,
		},
		{
			name: "CreateStatusUpdateNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.CreateStatusUpdateNotificationRule(ctx, "PUSER01", email)
			},
			status: 201,
			answer: `{"status_update_notification_rule":` + statusRuleJSON + `}`,
			want: wantRequest{method: "POST", path: "/users/PUSER01/status_update_notification_rules",
				body: `{"status_update_notification_rule":{"contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}}`},
			check: checkStatusRule,
		},
		{
			// The API's description names this answer's object
			// notification_rule.
			name: "UpdateStatusUpdateNotificationRuleReadsEitherKey",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.UpdateStatusUpdateNotificationRule(ctx, "PUSER01", "PSR0001", email)
			},
			answer: `{"notification_rule":` + statusRuleJSON + `}`,
			want: wantRequest{method: "PUT", path: "/users/PUSER01/status_update_notification_rules/PSR0001",
				body: `{"status_update_notification_rule":{"contact_method":{"id":"PCM0001","type":"email_contact_method_reference"}}}`},
			check: checkStatusRule,
		},
		{
			name: "DeleteStatusUpdateNotificationRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteStatusUpdateNotificationRule(ctx, "PUSER01", "PSR0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/status_update_notification_rules/PSR0001"},
		},
	})
}

func TestUserNotificationRulesRejectBadInput(t *testing.T) {
	email := pagerduty.Ref(string(pagerduty.ContactMethodReferenceEmail), "PCM0001")
	rule := func(p *pagerduty.NotificationRuleParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.CreateNotificationRule(ctx, "PUSER01", p)
			return err
		}
	}
	handoff := func(p *pagerduty.HandoffNotificationRuleParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.UpdateHandoffNotificationRule(ctx, "PUSER01", "PHR0001", p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"rule without urgency", rule(&pagerduty.NotificationRuleParams{ContactMethod: email}), "Urgency is required"},
		{"rule with urgency all", rule(&pagerduty.NotificationRuleParams{ContactMethod: email, Urgency: pagerduty.NotificationRuleUrgencyAll}), `"all" is not accepted`},
		{"rule negative delay", rule(&pagerduty.NotificationRuleParams{ContactMethod: email, Urgency: pagerduty.UrgencyHigh, StartDelayInMinutes: -1}), "negative"},
		{"rule without method", rule(&pagerduty.NotificationRuleParams{Urgency: pagerduty.UrgencyHigh}), "ContactMethod.ID"},
		{"rule method without type", rule(&pagerduty.NotificationRuleParams{Urgency: pagerduty.UrgencyHigh, ContactMethod: pagerduty.Reference{ID: "PCM0001"}}), "ContactMethod.Type is required"},
		{"list bad urgency", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.ListNotificationRules(ctx, "PUSER01", &pagerduty.ListNotificationRulesOptions{Urgency: "urgent"})
			return err
		}, `"urgent" is not accepted`},
		{"list bad include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.ListStatusUpdateNotificationRules(ctx, "PUSER01", &pagerduty.GetNotificationRuleOptions{Includes: []pagerduty.NotificationRuleInclude{"users"}})
			return err
		}, `"users" is not accepted`},
		{"handoff bad type", handoff(&pagerduty.HandoffNotificationRuleParams{HandoffType: "sometimes", ContactMethod: email}), `"sometimes" is not accepted`},
		{"handoff negative advance", handoff(&pagerduty.HandoffNotificationRuleParams{NotifyAdvanceInMinutes: -5, ContactMethod: email}), "negative"},
		{"handoff nil", handoff(nil), "params is required"},
		{"status rule without method", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.CreateStatusUpdateNotificationRule(ctx, "PUSER01", pagerduty.Reference{})
			return err
		}, "ID is empty"},
		{"status rule bad rule id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Users.DeleteStatusUpdateNotificationRule(ctx, "PUSER01", "a b")
		}, "status_update_notification_rule_id"},
	})
}
