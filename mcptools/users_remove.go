package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type removeUserIn struct {
	User    string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Who leaves: an ID, a name or an email."`
	Confirm bool   `json:"confirm,omitempty" jsonschema_description:"Delete even though the check found on-call shifts or policies that name them (open incidents always block). Default false: only check."`
}

// Offboarding is what stands in the way of removing a user, and whether
// they were removed.
type Offboarding struct {
	User User `json:"user"`
	// OpenIncidents are assigned to them: reassign or resolve them first.
	OpenIncidents []Incident `json:"open_incidents,omitempty"`
	// EscalationPolicies name them directly.
	EscalationPolicies []Ref `json:"escalation_policies,omitempty"`
	// Schedules put them on call in the next 90 days.
	Schedules []Ref `json:"schedules,omitempty"`
	Deleted   bool  `json:"deleted"`
}

func (o *Offboarding) text() string {
	var b strings.Builder
	if o.Deleted {
		b.WriteString("Deleted user " + o.User.line() + ".")
	} else {
		b.WriteString("Checked user " + o.User.line() + "; not deleted.")
	}
	if len(o.OpenIncidents) > 0 {
		b.WriteString("\nOpen incidents assigned to them (reassign or resolve with manage_incidents):" + lines(o.OpenIncidents, (*Incident).line))
	}
	if len(o.EscalationPolicies) > 0 {
		b.WriteString("\nEscalation policies that name them: " + joinRefs(o.EscalationPolicies))
	}
	if len(o.Schedules) > 0 {
		b.WriteString("\nSchedules that put them on call in the next 90 days: " + joinRefs(o.Schedules))
	}
	if !o.Deleted && len(o.OpenIncidents) == 0 {
		b.WriteString("\nCall again with confirm true to delete them.")
	}
	return b.String()
}

var removeUser = &tool[removeUserIn, *Offboarding]{
	spec: spec{
		name:        "remove_user",
		title:       "Offboard a user",
		toolset:     ToolsetUsers,
		write:       true,
		destructive: true,
		description: `Checks what a departing user leaves behind (open incidents assigned to them, escalation policies that name them, schedules that put them on call in the next 90 days) and, with confirm, deletes them.
Without confirm it only reports. Open incidents always block: reassign them first. PagerDuty removes a deleted user from their schedules and policies, which can leave gaps: fix those first.`,
		notFound: "list_users",
	},
	handler: func(ctx context.Context, c *call, in removeUserIn) (*Offboarding, error) {
		if isMe(in.User) {
			return nil, argError("user", "this tool does not remove the user it acts as")
		}
		id, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		u, err := c.client.Users.Get(ctx, id, nil)
		if err != nil {
			return nil, err
		}
		out := &Offboarding{User: trimUser(u)}
		p, err := c.client.Incidents.ListPage(ctx, &pagerduty.ListIncidentsOptions{ListOptions: firstPage, UserIDs: []string{id},
			Statuses: []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged}, AllTime: true})
		if err != nil {
			return nil, fmt.Errorf("listing their open incidents: %w", err)
		}
		for i := range p.Items {
			out.OpenIncidents = append(out.OpenIncidents, trimIncident(&p.Items[i]))
		}
		eps, err := c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, UserIDs: []string{id}})
		if err != nil {
			return nil, fmt.Errorf("listing their escalation policies: %w", err)
		}
		for _, ep := range eps.Items {
			out.EscalationPolicies = append(out.EscalationPolicies, *refOf(ep.ID, ep.Name, ep.Summary))
		}
		seen := map[string]bool{}
		for oc, err := range c.client.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{UserIDs: []string{id}, Since: c.now, Until: c.now.Add(90 * 24 * time.Hour)}) {
			if err != nil {
				return nil, fmt.Errorf("listing their on-call shifts: %w", err)
			}
			if s := oc.Schedule; s != nil && !seen[s.ID] {
				seen[s.ID] = true
				out.Schedules = append(out.Schedules, *refOf(s.ID, "", s.Summary))
			}
			if len(seen) >= 50 {
				break
			}
		}
		if !in.Confirm || len(out.OpenIncidents) > 0 {
			return out, nil
		}
		if err := c.client.Users.Delete(ctx, id); err != nil {
			return nil, err
		}
		out.Deleted = true
		return out, nil
	},
}
