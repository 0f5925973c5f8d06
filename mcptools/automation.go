package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// resolveAutomationAction turns an action argument (an ID or a name) into
// an ID.
func resolveAutomationAction(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "automation action", v, func(q string) (*pagerduty.Page[pagerduty.AutomationAction], error) {
		return c.client.AutomationActions.ListPage(ctx, &pagerduty.ListAutomationActionsOptions{
			CursorOptions: pagerduty.CursorOptions{Limit: pagerduty.MaxPageSize}, Name: q})
	}, func(a *pagerduty.AutomationAction) (string, string) { return a.ID, a.Name })
}

// AutomationAction is the trimmed automation action tools answer with.
type AutomationAction struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Type is script or process_automation; Classification is diagnostic
	// or remediation.
	Type           string `json:"type"`
	Classification string `json:"classification,omitempty"`
	Services       []Ref  `json:"services,omitempty"`
	// OnlyUnresolved is true when the action runs only on open incidents.
	OnlyUnresolved bool      `json:"only_unresolved,omitempty"`
	LastRun        time.Time `json:"last_run,omitzero"`
}

func trimAction(a *pagerduty.AutomationAction) AutomationAction {
	out := AutomationAction{ID: a.ID, Name: firstNonEmpty(a.Name, a.Summary), Description: a.Description, Type: string(a.ActionType),
		Classification: string(a.Classification), OnlyUnresolved: a.OnlyInvocableOnUnresolvedIncidents, LastRun: a.LastRun}
	for _, s := range a.Services {
		out.Services = append(out.Services, *refOf(s.ID, "", s.Summary))
	}
	return out
}

func (a *AutomationAction) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) [%s", a.Name, a.ID, a.Type)
	if a.Classification != "" {
		b.WriteString(", " + a.Classification)
	}
	b.WriteString("]")
	if len(a.Services) > 0 {
		b.WriteString(" - services " + joinRefs(a.Services))
	}
	if !a.LastRun.IsZero() {
		b.WriteString(" - last run " + fmtTime(a.LastRun))
	}
	if a.Description != "" {
		b.WriteString(" - " + truncate(a.Description, 100))
	}
	return b.String()
}

type listActionsIn struct {
	Name    string `json:"name,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep actions whose name contains this text."`
	Service string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep actions that can run on this service's incidents: its ID or name."`
	Limit   int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many actions to return, 1 to 100 (default 25)."`
	Cursor  string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// AutomationActionList is a page of automation actions.
type AutomationActionList struct {
	Actions []AutomationAction `json:"actions"`
	PageInfo
}

func (l *AutomationActionList) text() string {
	return l.header(len(l.Actions), "automation action") + lines(l.Actions, (*AutomationAction).line) + l.footer()
}

var listAutomationActions = &tool[listActionsIn, *AutomationActionList]{
	spec: spec{
		name:    "list_automation_actions",
		title:   "List automation actions",
		toolset: ToolsetAutomation,
		description: `Lists automation actions (runbooks and remediation or diagnostic scripts that PagerDuty runs through a runner), one line each: name, ID, type, services, last run.
Use it to find the action to run with invoke_automation_action. Pages of limit actions (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listActionsIn) (*AutomationActionList, error) {
		l, err := pageLimit(in.Limit)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListAutomationActionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: l, Cursor: strings.TrimSpace(in.Cursor)},
			Name: strings.TrimSpace(in.Name)}
		if err := resolveOptional(ctx, c, "service", in.Service, resolveService, &opts.ServiceID); err != nil {
			return nil, err
		}
		p, err := c.client.AutomationActions.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &AutomationActionList{Actions: trimEach(p.Items, trimAction)}
		if p.NextCursor != "" && len(p.Items) > 0 {
			out.HasMore, out.NextCursor = true, p.NextCursor
		}
		return out, nil
	},
}

// Invocation is one run of an automation action.
type Invocation struct {
	ID     string `json:"id"`
	Action *Ref   `json:"action,omitempty"`
	// State is prepared, created, sent, queued or running while it runs,
	// then completed, error, aborted or unknown.
	State    string    `json:"state"`
	Incident *Ref      `json:"incident,omitempty"`
	Started  time.Time `json:"started,omitzero"`
	// DurationSeconds is how long the run took, once it ended.
	DurationSeconds int `json:"duration_seconds,omitempty"`
	// StartedBy is the user, workflow or orchestration that started it.
	StartedBy *Ref `json:"started_by,omitempty"`
}

func trimInvocation(v *pagerduty.AutomationInvocation) Invocation {
	out := Invocation{ID: v.ID, Action: refOf(v.ActionID, v.ActionSnapshot.Name, ""), State: string(v.State), DurationSeconds: v.Duration}
	if i := v.Metadata.Incident; i != nil {
		out.Incident = refOf(i.ID, "", i.Summary)
	}
	if a := v.Metadata.Agent; a != nil {
		out.StartedBy = refOf(a.ID, "", a.Summary)
	}
	for _, t := range v.Timing {
		if out.Started.IsZero() || t.Timestamp.Before(out.Started) {
			out.Started = t.Timestamp.UTC()
		}
	}
	return out
}

// final reports an invocation that will not change any more.
func (v *Invocation) final() bool {
	switch pagerduty.InvocationState(v.State) {
	case pagerduty.InvocationCompleted, pagerduty.InvocationError, pagerduty.InvocationAborted, pagerduty.InvocationUnknown:
		return true
	}
	return false
}

func (v *Invocation) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s [%s]", v.ID, v.Action.String(), v.State)
	if v.Incident != nil {
		b.WriteString(" on incident " + v.Incident.String())
	}
	if !v.Started.IsZero() {
		b.WriteString(" - started " + fmtTime(v.Started))
	}
	if v.final() && v.DurationSeconds > 0 {
		fmt.Fprintf(&b, ", took %ds", v.DurationSeconds)
	}
	if v.StartedBy != nil {
		b.WriteString(" - by " + v.StartedBy.String())
	}
	return b.String()
}

func (v *Invocation) text() string {
	s := "Invocation " + v.line()
	if !v.final() {
		s += "\nStill running: call get_automation_invocations with this invocation ID later for the outcome."
	}
	return s
}

type invokeActionIn struct {
	Action   string `json:"action" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The automation action: its ID or name."`
	Incident string `json:"incident" jsonschema:"required,minLength=1,maxLength=40" jsonschema_description:"The incident it runs for: an ID (PABC123) or a number (1234, #1234, INC-1234)."`
	Alert    string `json:"alert,omitempty" jsonschema:"maxLength=40" jsonschema_description:"One alert of the incident to run it for (its ID), when it should not use the whole incident."`
}

var invokeAutomationAction = &tool[invokeActionIn, *Invocation]{
	spec: spec{
		name:    "invoke_automation_action",
		title:   "Run an automation action",
		toolset: ToolsetAutomation,
		write:   true,
		description: `Runs an automation action (a runbook, a remediation or diagnostic script) for an incident, as a responder would from the incident page. It runs on the action's runner, outside this call.
Returns the invocation with its state (usually queued or running); follow it with get_automation_invocations. Its output is posted to the incident's timeline.`,
		notFound: "list_automation_actions",
	},
	handler: func(ctx context.Context, c *call, in invokeActionIn) (*Invocation, error) {
		if _, err := parseIncidentRef("incident", in.Incident); err != nil {
			return nil, err
		}
		var alert string
		if a := strings.TrimSpace(in.Alert); a != "" {
			var err error
			if alert, err = checkID("alert", a); err != nil {
				return nil, err
			}
		}
		aid, err := resolveAutomationAction(ctx, c, "action", in.Action)
		if err != nil {
			return nil, err
		}
		iid, err := incidentID(ctx, c, "incident", in.Incident)
		if err != nil {
			return nil, err
		}
		v, err := c.client.AutomationActions.Invoke(ctx, aid, &pagerduty.InvokeParams{IncidentID: iid, AlertID: alert})
		if err != nil {
			return nil, err
		}
		out := trimInvocation(v)
		if out.Incident == nil {
			out.Incident = &Ref{ID: iid}
		}
		return &out, nil
	},
}

type getInvocationsIn struct {
	Invocation string `json:"invocation,omitempty" jsonschema:"maxLength=128" jsonschema_description:"An invocation's ID, as invoke_automation_action returned it. Give this or incident."`
	Incident   string `json:"incident,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Every invocation for this incident: an ID or a number (1234, #1234). Give this or invocation."`
}

// InvocationList is the invocations a call found.
type InvocationList struct {
	Invocations []Invocation `json:"invocations"`
}

func (l *InvocationList) text() string {
	if len(l.Invocations) == 0 {
		return "No invocations."
	}
	return plural(len(l.Invocations), "invocation") + ":" + lines(l.Invocations, (*Invocation).line)
}

var getAutomationInvocations = &tool[getInvocationsIn, *InvocationList]{
	spec: spec{
		name:    "get_automation_invocations",
		title:   "Check automation action runs",
		toolset: ToolsetAutomation,
		description: `Says how runs of automation actions went: give invocation (an ID from invoke_automation_action) for one run, or incident for every run on that incident.
Each run has its action, state (queued, running, completed, error, aborted...), start time, duration and who started it. The script's output is in the incident's timeline, not here.`,
		notFound: "list_automation_actions",
	},
	handler: func(ctx context.Context, c *call, in getInvocationsIn) (*InvocationList, error) {
		inv, inc := strings.TrimSpace(in.Invocation), strings.TrimSpace(in.Incident)
		switch {
		case inv != "" && inc != "":
			return nil, argError("incident", "give invocation or incident, not both")
		case inv != "":
			id, err := checkID("invocation", inv)
			if err != nil {
				return nil, err
			}
			v, err := c.client.AutomationActions.GetInvocation(ctx, id)
			if err != nil {
				return nil, err
			}
			return &InvocationList{Invocations: []Invocation{trimInvocation(v)}}, nil
		case inc != "":
			iid, err := incidentID(ctx, c, "incident", inc)
			if err != nil {
				return nil, err
			}
			vs, err := c.client.AutomationActions.ListInvocations(ctx, &pagerduty.ListInvocationsOptions{IncidentID: iid})
			if err != nil {
				return nil, err
			}
			out := &InvocationList{Invocations: trimEach(vs, trimInvocation)}
			return out, nil
		}
		return nil, argError("invocation", "say which runs: give invocation (an ID) or incident (an ID or number)")
	},
}
