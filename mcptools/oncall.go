package mcptools

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type listOnCallsIn struct {
	Team             string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Who is on call for this team (through its escalation policies): its ID or name."`
	Service          string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Who is on call for this service (through its escalation policy): its ID or name."`
	EscalationPolicy string `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Who is on call on this escalation policy: its ID or name."`
	Schedule         string `json:"schedule,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Who is on call on this schedule: its ID or name."`
	User             string `json:"user,omitempty" jsonschema:"maxLength=200" jsonschema_description:"When this user is on call: \"me\", an ID, a name or an email."`
	Since            string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the period (default now): RFC 3339 (2026-01-31T14:00:00Z), a date (2026-01-31), or a duration back from now (2h, 7d)."`
	Until            string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the period (default: since), in the same forms as since; at most 90 days ahead."`
	Limit            int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many entries to return, 1 to 100 (default 25)."`
	Cursor           string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// OnCall is one person on call: for which policy and level, through which
// schedule, and when.
type OnCall struct {
	User             Ref  `json:"user"`
	EscalationPolicy Ref  `json:"escalation_policy"`
	Level            int  `json:"level"`
	Schedule         *Ref `json:"schedule,omitempty"`
	// Start and End bound the shift; both are absent for a user the policy
	// names directly, who is always on call.
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

func (o *OnCall) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Level %d of %s: %s", o.Level, o.EscalationPolicy.String(), o.User.String())
	if o.Schedule != nil {
		b.WriteString(" via schedule " + o.Schedule.String())
	}
	if o.Start.IsZero() && o.End.IsZero() {
		b.WriteString(", always (named on the policy)")
	} else {
		b.WriteString(", " + fmtTime(o.Start) + " to " + fmtTime(o.End))
	}
	return b.String()
}

// OnCallList is a page of on-call entries.
type OnCallList struct {
	OnCalls []OnCall `json:"oncalls"`
	PageInfo
}

func (l *OnCallList) text() string {
	if len(l.OnCalls) == 0 && !l.HasMore {
		return "Nobody is on call for this query."
	}
	return l.header(len(l.OnCalls), "on-call entry") + lines(l.OnCalls, (*OnCall).line) + l.footer()
}

// teamPolicyIDs returns the IDs of the escalation policies of the team
// that v names (its ID or name): who is on call for a team is who is on
// call for its policies. A team without any is a user error, which hint
// (when not empty) ends.
func teamPolicyIDs(ctx context.Context, c *call, v, hint string) ([]string, error) {
	id, err := resolveTeam(ctx, c, "team", v)
	if err != nil {
		return nil, err
	}
	p, err := c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, TeamIDs: []string{id}})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, userError("Team %s has no escalation policy, so nobody is on call for it.%s", id, hint)
	}
	ids := make([]string, 0, len(p.Items))
	for _, ep := range p.Items {
		ids = append(ids, ep.ID)
	}
	return ids, nil
}

var listOnCalls = &tool[listOnCallsIn, *OnCallList]{
	spec: spec{
		name:    "list_oncalls",
		title:   "Who is on call",
		toolset: ToolsetOnCall,
		description: `Lists who is on call, by escalation policy and level, one line each: the user, the schedule that puts them on call, and the shift's start and end.
Use it for "who is on call for the database team", "who is on call for the web service", "when am I on call next week". Filter by team, service, escalation_policy, schedule or user (names work); with no filter it lists every policy.
Covers now unless since/until give a period. Pages of limit entries (default 25): when has_more, pass next_cursor back as cursor.`,
		notFound: "list_teams, list_services, list_escalation_policies or list_users",
	},
	handler: func(ctx context.Context, c *call, in listOnCallsIn) (*OnCallList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_oncalls", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListOnCallsOptions{ListOptions: pg.options(), TimeZone: "UTC"}
		if opts.Since, err = parseTime("since", in.Since, c.now); err != nil {
			return nil, err
		}
		if opts.Until, err = parseTime("until", in.Until, c.now); err != nil {
			return nil, err
		}
		if !opts.Until.IsZero() && opts.Since.IsZero() {
			opts.Since = c.now
		}
		if !opts.Since.IsZero() && opts.Until.IsZero() {
			opts.Until = opts.Since.Add(time.Second)
		}
		if !opts.Since.IsZero() && !opts.Until.After(opts.Since) {
			return nil, argError("until", "it must be after since (%s)", opts.Since.UTC().Format(time.RFC3339))
		}
		if in.Team != "" {
			if opts.EscalationPolicyIDs, err = teamPolicyIDs(ctx, c, in.Team, " list_escalation_policies shows the policies there are."); err != nil {
				return nil, err
			}
		}
		if in.Service != "" {
			if in.Team != "" {
				return nil, argError("service", "pass one of team and service")
			}
			id, err := resolveService(ctx, c, "service", in.Service)
			if err != nil {
				return nil, err
			}
			s, err := c.client.Services.Get(ctx, id, nil)
			if err != nil {
				return nil, err
			}
			if s.EscalationPolicy == nil || s.EscalationPolicy.ID == "" {
				return nil, userError("Service %s has no escalation policy, so nobody is on call for it.", id)
			}
			opts.EscalationPolicyIDs = []string{s.EscalationPolicy.ID}
		}
		if in.EscalationPolicy != "" {
			id, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
			if err != nil {
				return nil, err
			}
			if len(opts.EscalationPolicyIDs) > 0 && !slices.Contains(opts.EscalationPolicyIDs, id) {
				return nil, argError("escalation_policy", "policy %s is not the team's or the service's: pass only one of team, service and escalation_policy", id)
			}
			opts.EscalationPolicyIDs = []string{id}
		}
		if err := resolveInto(ctx, c, "schedule", in.Schedule, resolveSchedule, &opts.ScheduleIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "user", in.User, resolveUser, &opts.UserIDs); err != nil {
			return nil, err
		}
		p, err := c.client.OnCalls.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &OnCallList{OnCalls: make([]OnCall, 0, len(p.Items)), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		for _, o := range p.Items {
			e := OnCall{Level: o.EscalationLevel, Start: o.Start.UTC(), End: o.End.UTC()}
			if o.Start.IsZero() {
				e.Start = time.Time{}
			}
			if o.End.IsZero() {
				e.End = time.Time{}
			}
			if u := o.User; u != nil {
				e.User = *refOf(u.ID, u.Name, u.Summary)
			}
			if ep := o.EscalationPolicy; ep != nil {
				e.EscalationPolicy = *refOf(ep.ID, ep.Name, ep.Summary)
			}
			if s := o.Schedule; s != nil {
				e.Schedule = refOf(s.ID, "", s.Summary)
			}
			out.OnCalls = append(out.OnCalls, e)
		}
		slices.SortStableFunc(out.OnCalls, func(a, b OnCall) int {
			return cmp.Or(cmp.Compare(a.EscalationPolicy.Name, b.EscalationPolicy.Name), cmp.Compare(a.Level, b.Level), a.Start.Compare(b.Start))
		})
		return out, nil
	},
}
