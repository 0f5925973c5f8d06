package mcptools

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// NotificationRule says how and when PagerDuty tells a user of an incident
// assigned to them.
type NotificationRule struct {
	ID string `json:"id"`
	// Urgency is the urgency of the incidents it applies to: high or low.
	Urgency string `json:"urgency"`
	// StartDelay is the minutes after assignment before it notifies.
	StartDelay    int           `json:"start_delay_in_minutes"`
	ContactMethod ContactMethod `json:"contact_method"`
}

func trimRule(r *pagerduty.NotificationRule) NotificationRule {
	out := NotificationRule{ID: r.ID, Urgency: string(r.Urgency), StartDelay: r.StartDelayInMinutes}
	if m := r.ContactMethod; m != nil {
		out.ContactMethod = trimContactMethod(m)
		out.ContactMethod.Type = strings.TrimSuffix(out.ContactMethod.Type, "_reference")
		if out.ContactMethod.Label == "" {
			out.ContactMethod.Label = m.Summary
		}
	}
	return out
}

// line renders a rule: PR1: high urgency, after 5 min, by sms "Mobile" +44 7700900123 (PCM1).
func (r *NotificationRule) line() string {
	when := "at once"
	if r.StartDelay > 0 {
		when = fmt.Sprintf("after %d min", r.StartDelay)
	}
	return r.ID + ": " + r.Urgency + " urgency, " + when + ", by " + r.ContactMethod.line()
}

// sortRules orders rules as a user reads them: high urgency first, then by
// delay.
func sortRules(rs []NotificationRule) {
	slices.SortStableFunc(rs, func(a, b NotificationRule) int {
		if a.Urgency != b.Urgency {
			if a.Urgency == "high" {
				return -1
			}
			if b.Urgency == "high" {
				return 1
			}
		}
		return cmp.Or(cmp.Compare(a.StartDelay, b.StartDelay), cmp.Compare(a.ID, b.ID))
	})
}

type listRulesIn struct {
	User    string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Whose rules: \"me\", an ID, a name or an email."`
	Urgency string `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"Keep the rules for incidents of this urgency (default both)."`
}

// NotificationRuleList is a user's notification rules, high urgency first,
// then by delay.
type NotificationRuleList struct {
	User  string             `json:"user_id"`
	Rules []NotificationRule `json:"rules"`
}

func (l *NotificationRuleList) text() string {
	s := fmt.Sprintf("User %s has %s:", l.User, plural(len(l.Rules), "notification rule"))
	if len(l.Rules) == 0 {
		s = "User " + l.User + " has no notification rules: PagerDuty cannot reach them for incidents. Add one with set_notification_rule."
	}
	return s + lines(l.Rules, (*NotificationRule).line)
}

var listNotificationRules = &tool[listRulesIn, *NotificationRuleList]{
	spec: spec{
		name:    "list_notification_rules",
		title:   "List notification rules",
		toolset: ToolsetUsers,
		description: `Lists how and when PagerDuty notifies a user of incidents assigned to them: one rule per line with its ID, urgency, delay in minutes, and the contact method it uses.
Change them with set_notification_rule and remove_notification_rule.`,
		notFound: "list_users",
	},
	handler: func(ctx context.Context, c *call, in listRulesIn) (*NotificationRuleList, error) {
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		urgency := pagerduty.NotificationRuleUrgencyAll
		if in.Urgency != "" {
			urgency = pagerduty.Urgency(in.Urgency)
		}
		rules, err := c.client.Users.ListNotificationRules(ctx, user, &pagerduty.ListNotificationRulesOptions{Urgency: urgency,
			Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}})
		if err != nil {
			return nil, err
		}
		out := &NotificationRuleList{User: user, Rules: trimEach(rules, trimRule)}
		sortRules(out.Rules)
		return out, nil
	},
}

type setRuleIn struct {
	User          string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Whose rule: \"me\", an ID, a name or an email."`
	Rule          string `json:"rule,omitempty" jsonschema:"maxLength=64" jsonschema_description:"The rule to change: its ID (list_notification_rules). Leave out to add a rule."`
	ContactMethod string `json:"contact_method,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The existing contact method to notify: its ID, address or label. May be left out when type leaves one."`
	Type          string `json:"type,omitempty" jsonschema:"enum=email,enum=phone,enum=sms,enum=push" jsonschema_description:"Only consider contact methods of this kind."`
	Urgency       string `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"For incidents of this urgency. Needed for a new rule."`
	StartDelay    *int   `json:"start_delay_in_minutes,omitempty" jsonschema:"minimum=0,maximum=1440" jsonschema_description:"Minutes after assignment before it notifies (a new rule: 0)."`
}

// NotificationRuleChange confirms a change of a user's notification rules.
type NotificationRuleChange struct {
	User string `json:"user_id"`
	// Action is "created", "updated", "unchanged" or "removed".
	Action string           `json:"action"`
	Rule   NotificationRule `json:"rule"`
	// Was is the rule before an update.
	Was *NotificationRule `json:"was,omitempty"`
}

func (c *NotificationRuleChange) text() string {
	switch c.Action {
	case "created":
		return "Added notification rule " + c.Rule.line() + " to user " + c.User + "."
	case "removed":
		return "Removed notification rule " + c.Rule.line() + " from user " + c.User + "."
	case "unchanged":
		return "Nothing to change: user " + c.User + " already has rule " + c.Rule.line() + "."
	}
	return "Updated notification rule " + c.Rule.line() + " of user " + c.User + "; it was " + c.Was.line() + "."
}

var setNotificationRule = &tool[setRuleIn, *NotificationRuleChange]{
	spec: spec{
		name:       "set_notification_rule",
		title:      "Add or change a notification rule",
		toolset:    ToolsetUsers,
		write:      true,
		idempotent: true,
		description: `Adds a notification rule on a user's existing contact method ("call my phone after 5 minutes for high urgency"), or with rule changes one: its contact method, urgency or delay; what is not passed is kept.
An identical rule is not added twice.`,
		notFound: "list_notification_rules",
	},
	handler: func(ctx context.Context, c *call, in setRuleIn) (*NotificationRuleChange, error) {
		ruleID := strings.TrimSpace(in.Rule)
		choose := strings.TrimSpace(in.ContactMethod) != "" || in.Type != ""
		if err := checkMethodName(in.ContactMethod); err != nil {
			return nil, err
		}
		if ruleID != "" {
			if _, err := checkID("rule", ruleID); err != nil {
				return nil, err
			}
			if !choose && in.Urgency == "" && in.StartDelay == nil {
				return nil, argError("rule", "nothing to change: pass contact_method, type, urgency or start_delay_in_minutes")
			}
		} else {
			if !choose {
				return nil, argError("contact_method", "a new rule needs a contact method: its ID, address or label, or a type the user has one method of (add a new method with add_contact_method)")
			}
			if in.Urgency == "" {
				return nil, argError("urgency", "a new rule needs the urgency of the incidents it is for: high or low")
			}
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		var cur *pagerduty.NotificationRule
		if ruleID != "" {
			if cur, err = c.client.Users.GetNotificationRule(ctx, user, ruleID, &pagerduty.GetNotificationRuleOptions{
				Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}}); err != nil {
				return nil, err
			}
		}
		p := &pagerduty.NotificationRuleParams{Urgency: pagerduty.Urgency(in.Urgency)}
		var method *pagerduty.ContactMethod
		if choose {
			methods, err := c.client.Users.ListContactMethods(ctx, user)
			if err != nil {
				return nil, err
			}
			if method, err = pickContactMethod(methods, in.ContactMethod, in.Type); err != nil {
				return nil, err
			}
			p.ContactMethod = method.Ref()
		}
		if in.StartDelay != nil {
			p.StartDelayInMinutes = *in.StartDelay
		}
		if cur == nil {
			return createRule(ctx, c, user, p, method)
		}
		was := trimRule(cur)
		if p.Urgency == "" {
			p.Urgency = cur.Urgency
		}
		if in.StartDelay == nil {
			p.StartDelayInMinutes = cur.StartDelayInMinutes
		}
		if method == nil {
			if cur.ContactMethod == nil {
				return nil, fmt.Errorf("rule %s has no contact method in PagerDuty's answer", cur.ID)
			}
			p.ContactMethod = pagerduty.Reference{ID: cur.ContactMethod.ID, Type: string(cur.ContactMethod.Type.Reference())}
		}
		if p.Urgency == cur.Urgency && p.StartDelayInMinutes == cur.StartDelayInMinutes && cur.ContactMethod != nil && p.ContactMethod.ID == cur.ContactMethod.ID {
			return &NotificationRuleChange{User: user, Action: "unchanged", Rule: was}, nil
		}
		r, err := c.client.Users.UpdateNotificationRule(ctx, user, cur.ID, p)
		if err != nil {
			return nil, err
		}
		return &NotificationRuleChange{User: user, Action: "updated", Rule: withMethod(trimRule(r), method, cur.ContactMethod), Was: &was}, nil
	},
}

// createRule adds a rule unless the user already has the same one.
func createRule(ctx context.Context, c *call, user string, p *pagerduty.NotificationRuleParams, method *pagerduty.ContactMethod) (*NotificationRuleChange, error) {
	rules, err := c.client.Users.ListNotificationRules(ctx, user, &pagerduty.ListNotificationRulesOptions{Urgency: p.Urgency})
	if err != nil {
		return nil, err
	}
	for i := range rules {
		r := &rules[i]
		if r.Urgency == p.Urgency && r.StartDelayInMinutes == p.StartDelayInMinutes && r.ContactMethod != nil && r.ContactMethod.ID == method.ID {
			return &NotificationRuleChange{User: user, Action: "unchanged", Rule: withMethod(trimRule(r), method, nil)}, nil
		}
	}
	r, err := c.client.Users.CreateNotificationRule(ctx, user, p)
	if err != nil {
		return nil, err
	}
	return &NotificationRuleChange{User: user, Action: "created", Rule: withMethod(trimRule(r), method, nil)}, nil
}

// withMethod completes a rule whose answer named its contact method by
// reference only, from the method the call chose or the rule had.
func withMethod(r NotificationRule, chosen, had *pagerduty.ContactMethod) NotificationRule {
	for _, m := range []*pagerduty.ContactMethod{chosen, had} {
		if m != nil && m.ID == r.ContactMethod.ID {
			r.ContactMethod = trimContactMethod(m)
			r.ContactMethod.Type = strings.TrimSuffix(r.ContactMethod.Type, "_reference")
			return r
		}
	}
	return r
}

type removeRuleIn struct {
	User string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Whose rule: \"me\", an ID, a name or an email."`
	Rule string `json:"rule" jsonschema:"required,minLength=1,maxLength=64" jsonschema_description:"The rule: its ID (list_notification_rules)."`
}

var removeNotificationRule = &tool[removeRuleIn, *NotificationRuleChange]{
	spec: spec{
		name:        "remove_notification_rule",
		title:       "Remove a notification rule",
		toolset:     ToolsetUsers,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Removes one of a user's notification rules; the contact method it used is kept. Returns the rule that was removed.
A user left with no high-urgency rule is not told of urgent incidents.`,
		notFound: "list_notification_rules",
	},
	handler: func(ctx context.Context, c *call, in removeRuleIn) (*NotificationRuleChange, error) {
		ruleID, err := checkID("rule", in.Rule)
		if err != nil {
			return nil, err
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		r, err := c.client.Users.GetNotificationRule(ctx, user, ruleID, &pagerduty.GetNotificationRuleOptions{
			Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}})
		if err != nil {
			return nil, err
		}
		if err := c.client.Users.DeleteNotificationRule(ctx, user, ruleID); err != nil {
			return nil, err
		}
		return &NotificationRuleChange{User: user, Action: "removed", Rule: trimRule(r)}, nil
	},
}
