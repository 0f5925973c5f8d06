package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// actor is the user a write acts as: the credential's user, whose email
// goes in the From header. For an account-level key both are empty and the
// client's own From (pagerduty.WithFrom) applies.
func actor(ctx context.Context, c *call) (id, email string) {
	u, err := c.client.Users.GetCurrent(ctx, nil)
	if err != nil {
		return "", ""
	}
	return u.ID, u.Email
}

// resolveUsers resolves a list of user arguments.
func resolveUsers(ctx context.Context, c *call, arg string, vs []string) ([]string, error) {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		id, err := resolveUser(ctx, c, arg, v)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// incidentID turns an incident reference into an ID, fetching the
// incident when it is named by number.
func incidentID(ctx context.Context, c *call, arg, v string) (string, error) {
	ref, err := parseIncidentRef(arg, v)
	if err != nil {
		return "", err
	}
	if ref.id != "" {
		return ref.id, nil
	}
	inc, err := c.client.Incidents.GetByNumber(ctx, ref.number, nil)
	if err != nil {
		return "", fmt.Errorf("incident %s: %w", ref, err)
	}
	return inc.ID, nil
}

type createIncidentIn struct {
	Title            string   `json:"title" jsonschema:"required,minLength=1,maxLength=1024" jsonschema_description:"What is wrong, in one line."`
	Service          string   `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service it is about: its ID or name."`
	Urgency          string   `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"high pages people now; low waits for working hours (default: the service's rule)."`
	Priority         string   `json:"priority,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Its priority, by name (P1) or ID."`
	Details          string   `json:"details,omitempty" jsonschema:"maxLength=10000" jsonschema_description:"Longer description shown with the incident."`
	AssignTo         []string `json:"assign_to,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"Assign it to these users directly (\"me\", IDs, names or emails) instead of the service's escalation policy."`
	EscalationPolicy string   `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Escalate it through this policy (ID or name) instead of the service's."`
	IncidentKey      string   `json:"incident_key,omitempty" jsonschema:"maxLength=255" jsonschema_description:"A de-duplication key: while an open incident of the service has it, another is refused. Makes a retry safe."`
}

var createIncident = &tool[createIncidentIn, *IncidentDetail]{
	spec: spec{
		name:    "create_incident",
		title:   "Create an incident",
		toolset: ToolsetIncidents,
		write:   true,
		description: `Opens an incident on a service, which pages its on-call responders (or the users given in assign_to).
Names work for service, priority (P1), users and escalation policy. Returns the new incident with its number and link.
Give an incident_key when a retry must not open a second incident.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in createIncidentIn) (*IncidentDetail, error) {
		if len(in.AssignTo) > 0 && in.EscalationPolicy != "" {
			return nil, argError("assign_to", "give assign_to or escalation_policy, not both")
		}
		p := &pagerduty.CreateIncidentParams{Title: strings.TrimSpace(in.Title), Urgency: pagerduty.Urgency(in.Urgency),
			Details: in.Details, IncidentKey: in.IncidentKey}
		if p.Title == "" {
			return nil, argError("title", "it is blank: say what is wrong in one line")
		}
		var err error
		if p.ServiceID, err = resolveService(ctx, c, "service", in.Service); err != nil {
			return nil, err
		}
		if err := resolveOptional(ctx, c, "priority", in.Priority, resolvePriority, &p.PriorityID); err != nil {
			return nil, err
		}
		if p.AssigneeIDs, err = resolveUsers(ctx, c, "assign_to", in.AssignTo); err != nil {
			return nil, err
		}
		if err := resolveOptional(ctx, c, "escalation_policy", in.EscalationPolicy, resolveEscalationPolicy, &p.EscalationPolicyID); err != nil {
			return nil, err
		}
		_, p.From = actor(ctx, c)
		inc, err := c.client.Incidents.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		return detailIncident(inc), nil
	},
}

type manageIncidentsIn struct {
	Incidents        []string `json:"incidents" jsonschema:"required,minItems=1,maxItems=100,uniqueItems=true" jsonschema_description:"The incidents to change: IDs or numbers (1234, #1234, INC-1234)."`
	Status           string   `json:"status,omitempty" jsonschema:"enum=acknowledged,enum=resolved" jsonschema_description:"Acknowledge (stops the paging) or resolve them."`
	Resolution       string   `json:"resolution,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"With status resolved: how it was resolved, kept as a note."`
	Urgency          string   `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"Change their urgency."`
	Priority         string   `json:"priority,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Set their priority, by name (P1) or ID."`
	EscalationLevel  int      `json:"escalation_level,omitempty" jsonschema:"minimum=1,maximum=20" jsonschema_description:"Escalate them to this level of their escalation policy (1 is the first)."`
	AssignTo         []string `json:"assign_to,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"Reassign them to these users (\"me\", IDs, names or emails), replacing the current assignees."`
	EscalationPolicy string   `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Reassign them to this escalation policy (ID or name)."`
}

// ManageResult is the outcome of a bulk change.
type ManageResult struct {
	Updated []Incident `json:"updated"`
	Failed  []Failure  `json:"failed,omitempty"`
}

// Failure is an item (an incident, an override) a change could not be
// applied to, and why.
type Failure struct {
	Item  string `json:"item"`
	Error string `json:"error"`
}

func (r *ManageResult) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Updated %s:", plural(len(r.Updated), "incident"))
	b.WriteString(lines(r.Updated, (*Incident).line))
	if len(r.Failed) > 0 {
		fmt.Fprintf(&b, "\nFailed for %s:", plural(len(r.Failed), "incident"))
		for _, f := range r.Failed {
			b.WriteString("\n" + f.Item + ": " + f.Error)
		}
	}
	return b.String()
}

// manageSpec describes manage_incidents; its handler names it in the
// errors of single incidents.
var manageSpec = spec{
	name:        "manage_incidents",
	title:       "Acknowledge, resolve, reassign or escalate incidents",
	toolset:     ToolsetIncidents,
	write:       true,
	destructive: true,
	idempotent:  true,
	description: `Changes one or many incidents at once: acknowledge or resolve them, set urgency or priority, escalate them to a level, or reassign them to users or an escalation policy.
Take the incidents from list_incidents (for example all triggered incidents of a service, or those assigned to me), then change them here in one call.
Reports the incidents as they now are, and each one that failed with PagerDuty's reason. assign_to cannot be combined with escalation_policy or escalation_level.`,
	notFound: "list_incidents",
}

var manageIncidents = &tool[manageIncidentsIn, *ManageResult]{
	spec: manageSpec,
	// Acknowledging or reassigning is everyday work; resolving many
	// incidents at once ("resolve all of them") is asked first.
	confirmIf: func(in manageIncidentsIn) bool { return in.Status == "resolved" && len(in.Incidents) > 1 },
	handler: func(ctx context.Context, c *call, in manageIncidentsIn) (*ManageResult, error) {
		ch := pagerduty.IncidentChanges{Status: pagerduty.IncidentStatus(in.Status), Resolution: in.Resolution,
			Urgency: pagerduty.Urgency(in.Urgency), EscalationLevel: in.EscalationLevel}
		if in.Resolution != "" && in.Status != "resolved" {
			return nil, argError("resolution", "it goes with status resolved")
		}
		if len(in.AssignTo) > 0 && (in.EscalationPolicy != "" || in.EscalationLevel > 0) {
			return nil, argError("assign_to", "it cannot be combined with escalation_policy or escalation_level")
		}
		var err error
		if err := resolveOptional(ctx, c, "priority", in.Priority, resolvePriority, &ch.PriorityID); err != nil {
			return nil, err
		}
		if ch.AssigneeIDs, err = resolveUsers(ctx, c, "assign_to", in.AssignTo); err != nil {
			return nil, err
		}
		if err := resolveOptional(ctx, c, "escalation_policy", in.EscalationPolicy, resolveEscalationPolicy, &ch.EscalationPolicyID); err != nil {
			return nil, err
		}
		if ch.Status == "" && ch.Urgency == "" && ch.PriorityID == "" && ch.EscalationLevel == 0 && len(ch.AssigneeIDs) == 0 && ch.EscalationPolicyID == "" {
			return nil, userError("Nothing to change: give status, urgency, priority, escalation_level, assign_to or escalation_policy.")
		}
		// Check every reference before any lookup or change.
		for _, v := range in.Incidents {
			if _, err := parseIncidentRef("incidents", v); err != nil {
				return nil, err
			}
		}
		out := &ManageResult{Updated: []Incident{}}
		p := &pagerduty.UpdateIncidentsParams{}
		names := map[string]string{}
		for i, v := range in.Incidents {
			id, err := incidentID(ctx, c, "incidents", v)
			if err != nil {
				out.Failed = append(out.Failed, Failure{Item: v, Error: describeError(&manageSpec, err)})
				continue
			}
			if _, dup := names[id]; dup {
				continue
			}
			names[id] = v
			p.Updates = append(p.Updates, pagerduty.IncidentUpdate{ID: id, IncidentChanges: ch})
			c.progress(ctx, float64(i+1), float64(len(in.Incidents)+1), "found "+v)
		}
		if len(p.Updates) == 0 {
			return out, nil
		}
		_, p.From = actor(ctx, c)
		batches, err := c.client.Incidents.UpdateInBatches(ctx, p)
		if batches == nil && err != nil {
			return nil, err
		}
		for _, b := range batches {
			if b.Err != nil {
				for _, u := range b.Updates {
					out.Failed = append(out.Failed, Failure{Item: names[u.ID], Error: describeError(&manageSpec, b.Err)})
				}
				continue
			}
			for i := range b.Incidents {
				out.Updated = append(out.Updated, trimIncident(&b.Incidents[i]))
			}
		}
		if len(out.Updated) == 0 && len(out.Failed) > 0 {
			return nil, userError("No incident was changed.\n%s", strings.TrimPrefix(out.text(), "Updated 0 incidents:\n"))
		}
		return out, nil
	},
}

type addNoteIn struct {
	Incident string `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident: its ID or number (1234, #1234, INC-1234)."`
	Content  string `json:"content" jsonschema:"required,minLength=1,maxLength=25000" jsonschema_description:"The note's text."`
}

// NoteAdded is a note just written.
type NoteAdded struct {
	Incident string `json:"incident_id"`
	Note
}

func (n *NoteAdded) text() string { return "Added to incident " + n.Incident + ": " + n.line() }

var addIncidentNote = &tool[addNoteIn, *NoteAdded]{
	spec: spec{
		name:    "add_incident_note",
		title:   "Add a note to an incident",
		toolset: ToolsetIncidents,
		write:   true,
		description: `Adds a note to an incident's timeline, written as the current user: findings, actions taken, follow-ups.
Notes cannot be edited or removed from here, so write them once. Returns the note with its ID and time.`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in addNoteIn) (*NoteAdded, error) {
		if strings.TrimSpace(in.Content) == "" {
			return nil, argError("content", "it is blank: write the note's text")
		}
		id, err := incidentID(ctx, c, "incident", in.Incident)
		if err != nil {
			return nil, err
		}
		_, from := actor(ctx, c)
		n, err := c.client.Incidents.CreateNote(ctx, id, &pagerduty.NoteParams{From: from, Content: in.Content})
		if err != nil {
			return nil, err
		}
		return &NoteAdded{Incident: id, Note: trimNote(n)}, nil
	},
}

type addRespondersIn struct {
	Incident           string   `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident: its ID or number (1234, #1234, INC-1234)."`
	Users              []string `json:"users,omitempty" jsonschema:"maxItems=20,uniqueItems=true" jsonschema_description:"Users to ask for help: IDs, names or emails."`
	EscalationPolicies []string `json:"escalation_policies,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"Escalation policies whose on-call people to ask: IDs or names."`
	Message            string   `json:"message,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"What they are asked to do, sent with the request."`
}

// RespondersAdded is a responder request just made.
type RespondersAdded struct {
	Incident string `json:"incident_id"`
	// Asked are the users and policies the request went to.
	Asked []Ref `json:"asked"`
}

func (r *RespondersAdded) text() string {
	return "Asked " + joinRefs(r.Asked) + " to respond to incident " + r.Incident + "."
}

var addResponders = &tool[addRespondersIn, *RespondersAdded]{
	spec: spec{
		name:    "add_responders",
		title:   "Add responders to an incident",
		toolset: ToolsetIncidents,
		write:   true,
		description: `Asks more people to help with an incident: users, or the on-call people of escalation policies. They are paged with the message, on behalf of the current user (an account-level API key cannot do this).
Returns whom the request reached.`,
		notFound: "list_incidents, list_users or list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in addRespondersIn) (*RespondersAdded, error) {
		if len(in.Users)+len(in.EscalationPolicies) == 0 {
			return nil, argError("users", "name at least one user or escalation policy to ask")
		}
		id, err := incidentID(ctx, c, "incident", in.Incident)
		if err != nil {
			return nil, err
		}
		p := &pagerduty.ResponderRequestParams{Message: in.Message}
		users, err := resolveUsers(ctx, c, "users", in.Users)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			p.Targets = append(p.Targets, pagerduty.ResponderTarget{Type: pagerduty.ResponderTargetUser, ID: u})
		}
		for _, v := range in.EscalationPolicies {
			ep, err := resolveEscalationPolicy(ctx, c, "escalation_policies", v)
			if err != nil {
				return nil, err
			}
			p.Targets = append(p.Targets, pagerduty.ResponderTarget{Type: pagerduty.ResponderTargetEscalationPolicy, ID: ep})
		}
		p.RequesterID, p.From = actor(ctx, c)
		if p.RequesterID == "" {
			return nil, userError("Adding responders needs a user to ask on behalf of, and this server's credential belongs to no user (an account API key). Use a user's API token or OAuth.")
		}
		if p.Message == "" {
			p.Message = "Please help with this incident."
		}
		rr, err := c.client.Incidents.RequestResponders(ctx, id, p)
		if err != nil {
			return nil, err
		}
		out := &RespondersAdded{Incident: id, Asked: []Ref{}}
		for _, t := range rr.Targets {
			out.Asked = append(out.Asked, *refOf(t.ID, "", t.Summary))
		}
		if len(out.Asked) == 0 {
			for _, t := range p.Targets {
				out.Asked = append(out.Asked, Ref{ID: t.ID})
			}
		}
		return out, nil
	},
}

type mergeIncidentsIn struct {
	Into    string   `json:"into" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident that stays open and receives the alerts: its ID or number."`
	Sources []string `json:"sources" jsonschema:"required,minItems=1,maxItems=25,uniqueItems=true" jsonschema_description:"The incidents to merge into it; they are resolved. IDs or numbers."`
}

var mergeIncidents = &tool[mergeIncidentsIn, *IncidentDetail]{
	spec: spec{
		name:        "merge_incidents",
		title:       "Merge incidents",
		toolset:     ToolsetIncidents,
		write:       true,
		destructive: true,
		description: `Merges incidents that are about the same problem: the alerts of the sources move into the target, and the sources are resolved. This cannot be undone.
Returns the target incident as it now is.`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in mergeIncidentsIn) (*IncidentDetail, error) {
		for _, v := range append([]string{in.Into}, in.Sources...) {
			if _, err := parseIncidentRef("sources", v); err != nil {
				return nil, err
			}
		}
		target, err := incidentID(ctx, c, "into", in.Into)
		if err != nil {
			return nil, err
		}
		p := &pagerduty.MergeIncidentsParams{}
		for _, v := range in.Sources {
			id, err := incidentID(ctx, c, "sources", v)
			if err != nil {
				return nil, err
			}
			if id == target {
				return nil, argError("sources", "%s is the target itself: list only the incidents to merge into it", v)
			}
			p.SourceIDs = append(p.SourceIDs, id)
		}
		_, p.From = actor(ctx, c)
		inc, err := c.client.Incidents.Merge(ctx, target, p)
		if err != nil {
			return nil, err
		}
		return detailIncident(inc), nil
	},
}

type snoozeIn struct {
	Incident string `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The acknowledged incident: its ID or number."`
	Duration string `json:"duration" jsonschema:"required,minLength=2,maxLength=20" jsonschema_description:"How long it stays quiet: such as 30m, 4h or 1d; at most 7d."`
}

var snoozeIncident = &tool[snoozeIn, *IncidentDetail]{
	spec: spec{
		name:    "snooze_incident",
		title:   "Snooze an incident",
		toolset: ToolsetIncidents,
		write:   true,
		description: `Silences an acknowledged incident for a while (at most 7 days); when the time is up it triggers again and pages.
PagerDuty snoozes only acknowledged incidents: acknowledge it first with manage_incidents. Returns the incident with its pending trigger.`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in snoozeIn) (*IncidentDetail, error) {
		d, ok := parseAgo(strings.TrimSpace(in.Duration))
		if !ok || d < time.Second || d > pagerduty.MaxSnooze {
			return nil, argError("duration", "%q is not a duration from 1s to 7d: use such as 30m, 4h or 1d", truncate(in.Duration, 20))
		}
		id, err := incidentID(ctx, c, "incident", in.Incident)
		if err != nil {
			return nil, err
		}
		_, from := actor(ctx, c)
		inc, err := c.client.Incidents.Snooze(ctx, id, &pagerduty.SnoozeIncidentParams{From: from, Duration: d.Truncate(time.Second)})
		if err != nil {
			return nil, err
		}
		return detailIncident(inc), nil
	},
}
