package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type getIncidentIn struct {
	Incident string   `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident: its ID (PABC123) or its number (1234, #1234 or INC-1234)."`
	Include  []string `json:"include,omitempty" jsonschema:"uniqueItems=true,enum=notes,enum=timeline,enum=alerts" jsonschema_description:"Also return its notes, its timeline (the key events: trigger, acknowledgements, assignments, escalations, resolution) and its alerts with their details."`
}

// IncidentDetail is one incident with what responders act on.
type IncidentDetail struct {
	Incident
	Description      string      `json:"description,omitempty"`
	EscalationPolicy *Ref        `json:"escalation_policy,omitempty"`
	Teams            []Ref       `json:"teams,omitempty"`
	Acknowledgers    []Ref       `json:"acknowledgers,omitempty"`
	LastChangeAt     time.Time   `json:"last_status_change_at,omitzero"`
	LastChangeBy     *Ref        `json:"last_status_change_by,omitempty"`
	Alerts           AlertCounts `json:"alerts"`
	IncidentKey      string      `json:"incident_key,omitempty"`
	// PendingActions are the changes PagerDuty will make by itself, such as
	// an escalation at a time.
	PendingActions []PendingAction `json:"pending_actions,omitempty"`
	// MergedInto is the incident this one was merged into.
	MergedInto *Ref `json:"merged_into,omitempty"`

	// Notes, Timeline and AlertList are filled when asked for, oldest first;
	// MoreTimeline and MoreAlerts report lists cut at 50 entries.
	Notes        []Note          `json:"notes,omitempty"`
	Timeline     []TimelineEntry `json:"timeline,omitempty"`
	MoreTimeline bool            `json:"more_timeline,omitempty"`
	AlertList    []AlertInfo     `json:"alert_list,omitempty"`
	MoreAlerts   bool            `json:"more_alerts,omitempty"`
}

// AlertCounts counts an incident's alerts.
type AlertCounts struct {
	Triggered int `json:"triggered"`
	Resolved  int `json:"resolved"`
}

// PendingAction is a change PagerDuty will make to an incident.
type PendingAction struct {
	Type string    `json:"type"`
	At   time.Time `json:"at"`
}

func detailIncident(in *pagerduty.Incident) *IncidentDetail {
	d := &IncidentDetail{Incident: trimIncident(in), IncidentKey: in.IncidentKey,
		Alerts:       AlertCounts{Triggered: in.AlertCounts.Triggered, Resolved: in.AlertCounts.Resolved},
		LastChangeAt: in.LastStatusChangeAt}
	if in.Description != "" && in.Description != in.Title {
		d.Description = in.Description
	}
	if ep := in.EscalationPolicy; ep != nil {
		d.EscalationPolicy = refOf(ep.ID, ep.Name, ep.Summary)
	}
	for _, t := range in.Teams {
		d.Teams = append(d.Teams, *refOf(t.ID, t.Name, t.Summary))
	}
	for _, a := range in.Acknowledgements {
		if u := a.Acknowledger; u != nil {
			d.Acknowledgers = append(d.Acknowledgers, *refOf(u.ID, u.Name, u.Summary))
		}
	}
	if r := in.LastStatusChangeBy; r != nil {
		d.LastChangeBy = refOf(r.ID, "", r.Summary)
	}
	for _, p := range in.PendingActions {
		d.PendingActions = append(d.PendingActions, PendingAction{Type: p.Type, At: p.At.UTC()})
	}
	if rr := in.ResolveReason; rr != nil && rr.Incident != nil {
		d.MergedInto = refOf(rr.Incident.ID, "", rr.Incident.Summary)
	}
	return d
}

func (d *IncidentDetail) text() string {
	var b strings.Builder
	b.WriteString(d.line())
	if d.Description != "" {
		b.WriteString("\nDescription: " + truncate(d.Description, 500))
	}
	if d.EscalationPolicy != nil {
		b.WriteString("\nEscalation policy: " + d.EscalationPolicy.String())
	}
	if len(d.Teams) > 0 {
		b.WriteString("\nTeams: " + joinRefs(d.Teams))
	}
	if len(d.Acknowledgers) > 0 {
		b.WriteString("\nAcknowledged by: " + joinRefs(d.Acknowledgers))
	}
	if !d.LastChangeAt.IsZero() {
		b.WriteString("\nLast status change: " + fmtTime(d.LastChangeAt))
		if d.LastChangeBy != nil {
			b.WriteString(" by " + d.LastChangeBy.String())
		}
	}
	fmt.Fprintf(&b, "\nAlerts: %d triggered, %d resolved", d.Alerts.Triggered, d.Alerts.Resolved)
	for _, p := range d.PendingActions {
		b.WriteString("\nPending: " + p.Type + " at " + fmtTime(p.At))
	}
	if d.MergedInto != nil {
		b.WriteString("\nMerged into " + d.MergedInto.String())
	}
	if d.URL != "" {
		b.WriteString("\n" + d.URL)
	}
	if d.Notes != nil {
		b.WriteString("\nNotes (" + itoa(len(d.Notes)) + "):" + lines(d.Notes, (*Note).line))
	}
	if d.Timeline != nil {
		b.WriteString("\nTimeline:" + lines(d.Timeline, (*TimelineEntry).line))
		if d.MoreTimeline {
			b.WriteString("\n(cut at 50 key events)")
		}
	}
	if d.AlertList != nil {
		b.WriteString("\nAlerts:" + lines(d.AlertList, (*AlertInfo).line))
		if d.MoreAlerts {
			b.WriteString("\n(more alerts follow; these are the first 50)")
		}
	}
	return b.String()
}

func joinRefs(refs []Ref) string {
	s := make([]string, len(refs))
	for i := range refs {
		s[i] = refs[i].String()
	}
	return strings.Join(s, ", ")
}

// getIncident fetches an incident by ID or number.
func getIncident(ctx context.Context, c *call, ref incidentRef) (*pagerduty.Incident, error) {
	if ref.number > 0 {
		return c.client.Incidents.GetByNumber(ctx, ref.number, nil)
	}
	return c.client.Incidents.Get(ctx, ref.id, nil)
}

var getIncidentTool = &tool[getIncidentIn, *IncidentDetail]{
	spec: spec{
		name:    "get_incident",
		title:   "Get an incident",
		toolset: ToolsetIncidents,
		description: `Returns one incident in detail: status, urgency, priority, service, assignees, escalation policy, teams, who acknowledged it, alert counts, pending escalations or resolutions, and its link.
Use it when the user names an incident by ID or number (1234, #1234, INC-1234). Ask for include notes, timeline and alerts to see its history and what fired, in the same call.`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in getIncidentIn) (*IncidentDetail, error) {
		ref, err := parseIncidentRef("incident", in.Incident)
		if err != nil {
			return nil, err
		}
		inc, err := getIncident(ctx, c, ref)
		if err != nil {
			return nil, err
		}
		d := detailIncident(inc)
		if err := addHistory(ctx, c, d, in.Include); err != nil {
			return nil, err
		}
		return d, nil
	},
}
