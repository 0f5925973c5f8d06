package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// EscalationPolicy is the trimmed policy tools answer with.
type EscalationPolicy struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	NumLoops int    `json:"num_loops,omitempty"`
	Teams    []Ref  `json:"teams,omitempty"`
	Services []Ref  `json:"services,omitempty"`
	// Rules are the levels, in order.
	Rules []EscalationRule `json:"rules,omitempty"`
	URL   string           `json:"url,omitempty"`
}

// EscalationRule is one level of a policy: who is notified, and how long
// before the next level.
type EscalationRule struct {
	Level        int          `json:"level"`
	DelayMinutes int          `json:"delay_minutes"`
	Targets      []RuleTarget `json:"targets"`
}

// RuleTarget is a user or a schedule a rule notifies.
type RuleTarget struct {
	Ref
	// Type is "user" or "schedule".
	Type string `json:"type"`
}

func trimPolicy(ep *pagerduty.EscalationPolicy, withRules bool) EscalationPolicy {
	out := EscalationPolicy{ID: ep.ID, Name: firstNonEmpty(ep.Name, ep.Summary), NumLoops: ep.NumLoops, URL: ep.HTMLURL}
	for _, t := range ep.Teams {
		out.Teams = append(out.Teams, *refOf(t.ID, "", t.Summary))
	}
	for _, s := range ep.Services {
		out.Services = append(out.Services, *refOf(s.ID, "", s.Summary))
	}
	if !withRules {
		return out
	}
	for i, r := range ep.EscalationRules {
		rule := EscalationRule{Level: i + 1, DelayMinutes: r.EscalationDelayInMinutes, Targets: []RuleTarget{}}
		for _, t := range r.Targets {
			rule.Targets = append(rule.Targets, RuleTarget{Ref: *refOf(t.ID, "", t.Summary), Type: strings.TrimSuffix(t.Type, "_reference")})
		}
		out.Rules = append(out.Rules, rule)
	}
	return out
}

func (p *EscalationPolicy) line() string {
	var b strings.Builder
	b.WriteString(p.Name + " (" + p.ID + ")")
	if len(p.Teams) > 0 {
		b.WriteString(" - teams " + joinRefs(p.Teams))
	}
	if len(p.Services) > 0 {
		b.WriteString(" - services " + joinRefs(p.Services))
	}
	return b.String()
}

type listPoliciesIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep policies whose name contains this text."`
	Team   string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep policies of this team: its ID or name."`
	User   string `json:"user,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep policies that notify this user: \"me\", an ID, a name or an email."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many policies to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// EscalationPolicyList is a page of escalation policies.
type EscalationPolicyList struct {
	EscalationPolicies []EscalationPolicy `json:"escalation_policies"`
	PageInfo
}

func (l *EscalationPolicyList) text() string {
	return l.header(len(l.EscalationPolicies), "escalation policy") + lines(l.EscalationPolicies, (*EscalationPolicy).line) + l.footer()
}

var listEscalationPolicies = &tool[listPoliciesIn, *EscalationPolicyList]{
	spec: spec{
		name:    "list_escalation_policies",
		title:   "List escalation policies",
		toolset: ToolsetEscalationPolicies,
		description: `Lists escalation policies, one line each: name, ID, teams and services.
Use it to find which policy pages a team or a user; get_escalation_policy shows a policy's levels.
Pages of limit policies (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listPoliciesIn) (*EscalationPolicyList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_escalation_policies", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListEscalationPoliciesOptions{ListOptions: pg.options(), Query: strings.TrimSpace(in.Query), SortBy: "name"}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "user", in.User, resolveUser, &opts.UserIDs); err != nil {
			return nil, err
		}
		p, err := c.client.EscalationPolicies.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		list := trimEach(p.Items, func(ep *pagerduty.EscalationPolicy) EscalationPolicy { return trimPolicy(ep, false) })
		out := &EscalationPolicyList{EscalationPolicies: list, PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type getPolicyIn struct {
	EscalationPolicy string `json:"escalation_policy" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The policy: its ID or name."`
}

// EscalationPolicyDetail is a policy with its levels.
type EscalationPolicyDetail struct {
	EscalationPolicy
}

func (d *EscalationPolicyDetail) text() string {
	var b strings.Builder
	b.WriteString(d.line())
	for _, r := range d.Rules {
		names := make([]string, len(r.Targets))
		for i, t := range r.Targets {
			names[i] = t.Type + " " + t.Ref.String()
		}
		fmt.Fprintf(&b, "\nLevel %d: %s; escalates after %d min", r.Level, strings.Join(names, ", "), r.DelayMinutes)
	}
	if d.NumLoops > 0 {
		fmt.Fprintf(&b, "\nRepeats %s when nobody acknowledges.", plural(d.NumLoops, "time"))
	}
	return b.String()
}

var getEscalationPolicy = &tool[getPolicyIn, *EscalationPolicyDetail]{
	spec: spec{
		name:    "get_escalation_policy",
		title:   "Get an escalation policy",
		toolset: ToolsetEscalationPolicies,
		description: `Returns one escalation policy with its levels in order: whom each level notifies (users and schedules, with IDs) and after how many minutes it escalates, plus its teams and services.
Accepts the policy's ID or name. For who is on call right now, use list_oncalls.`,
		notFound: "list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in getPolicyIn) (*EscalationPolicyDetail, error) {
		id, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
		if err != nil {
			return nil, err
		}
		ep, err := c.client.EscalationPolicies.Get(ctx, id, nil)
		if err != nil {
			return nil, err
		}
		return &EscalationPolicyDetail{EscalationPolicy: trimPolicy(ep, true)}, nil
	},
}
