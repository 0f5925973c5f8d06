package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// resolveWorkflow turns a workflow argument (an ID or a name) into an ID.
func resolveWorkflow(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "workflow", v, func(q string) (*pagerduty.Page[pagerduty.IncidentWorkflow], error) {
		return c.client.IncidentWorkflows.ListPage(ctx, &pagerduty.ListIncidentWorkflowsOptions{ListOptions: firstPage, Query: q})
	}, func(w *pagerduty.IncidentWorkflow) (string, string) { return w.ID, w.Name })
}

// Workflow is the trimmed incident workflow tools answer with.
type Workflow struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Team        *Ref   `json:"team,omitempty"`
	// Enabled is false for a workflow that cannot run.
	Enabled bool `json:"enabled"`
	// Steps names the workflow's steps, in order.
	Steps []string `json:"steps,omitempty"`
	URL   string   `json:"url,omitempty"`
}

func trimWorkflow(w *pagerduty.IncidentWorkflow) Workflow {
	out := Workflow{ID: w.ID, Name: firstNonEmpty(w.Name, w.Summary), Description: w.Description, Enabled: w.IsEnabled == nil || *w.IsEnabled, URL: w.HTMLURL}
	if t := w.Team; t != nil {
		out.Team = refOf(t.ID, t.Name, t.Summary)
	}
	for _, s := range w.Steps {
		out.Steps = append(out.Steps, s.Name)
	}
	return out
}

func (w *Workflow) line() string {
	var b strings.Builder
	b.WriteString(w.Name + " (" + w.ID + ")")
	if !w.Enabled {
		b.WriteString(" [disabled]")
	}
	if w.Team != nil {
		b.WriteString(" - team " + w.Team.String())
	}
	if len(w.Steps) > 0 {
		b.WriteString(" - steps: " + strings.Join(w.Steps, " > "))
	}
	if w.Description != "" {
		b.WriteString(" - " + truncate(w.Description, 100))
	}
	return b.String()
}

type listWorkflowsIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep workflows whose name contains this text."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many workflows to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same query)."`
}

// WorkflowList is a page of incident workflows.
type WorkflowList struct {
	Workflows []Workflow `json:"workflows"`
	PageInfo
}

func (l *WorkflowList) text() string {
	return l.header(len(l.Workflows), "workflow") + lines(l.Workflows, (*Workflow).line) + l.footer()
}

var listIncidentWorkflows = &tool[listWorkflowsIn, *WorkflowList]{
	spec: spec{
		name:    "list_incident_workflows",
		title:   "List incident workflows",
		toolset: ToolsetAutomation,
		description: `Lists incident workflows (automated sequences such as open a Slack channel, create a Jira ticket, post a status update, add responders), one line each: name, ID, team, steps.
Use it to find the workflow to run with start_incident_workflow or to trigger automatically with add_workflow_trigger. Pages of limit workflows (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listWorkflowsIn) (*WorkflowList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_incident_workflows", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		p, err := c.client.IncidentWorkflows.ListPage(ctx, &pagerduty.ListIncidentWorkflowsOptions{ListOptions: pg.options(),
			Query: strings.TrimSpace(in.Query), Includes: []pagerduty.IncidentWorkflowInclude{pagerduty.IncludeWorkflowSteps}})
		if err != nil {
			return nil, err
		}
		out := &WorkflowList{Workflows: trimEach(p.Items, trimWorkflow), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type startWorkflowIn struct {
	Workflow string `json:"workflow" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The workflow: its ID or name."`
	Incident string `json:"incident" jsonschema:"required,minLength=1,maxLength=40" jsonschema_description:"The incident to run it on: an ID (PABC123) or a number (1234, #1234, INC-1234)."`
}

// WorkflowStarted is a workflow run that began.
type WorkflowStarted struct {
	// InstanceID identifies the run.
	InstanceID string `json:"instance_id"`
	Workflow   string `json:"workflow"`
	Incident   string `json:"incident"`
}

func (w *WorkflowStarted) text() string {
	return fmt.Sprintf("Started workflow %s on incident %s (run %s). Its steps run in PagerDuty; their results appear in the incident's timeline (get_incident with include timeline).", w.Workflow, w.Incident, w.InstanceID)
}

var startIncidentWorkflow = &tool[startWorkflowIn, *WorkflowStarted]{
	spec: spec{
		name:    "start_incident_workflow",
		title:   "Start an incident workflow",
		toolset: ToolsetAutomation,
		write:   true,
		description: `Runs an incident workflow on an incident now (open a Slack channel, create a ticket, post a status update, run a runbook... whatever its steps do).
Give the workflow by ID or name and the incident by ID or number. Returns the run's ID; the steps run in PagerDuty and report in the incident's timeline.`,
		notFound: "list_incident_workflows",
	},
	handler: func(ctx context.Context, c *call, in startWorkflowIn) (*WorkflowStarted, error) {
		ref, err := parseIncidentRef("incident", in.Incident)
		if err != nil {
			return nil, err
		}
		wid, err := resolveWorkflow(ctx, c, "workflow", in.Workflow)
		if err != nil {
			return nil, err
		}
		iid, err := incidentID(ctx, c, "incident", ref.String())
		if err != nil {
			return nil, err
		}
		inst, err := c.client.IncidentWorkflows.Start(ctx, wid, &pagerduty.StartIncidentWorkflowParams{IncidentID: iid})
		if err != nil {
			return nil, err
		}
		return &WorkflowStarted{InstanceID: inst.ID, Workflow: wid, Incident: iid}, nil
	},
}

type addTriggerIn struct {
	Workflow  string   `json:"workflow" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The workflow to start automatically: its ID or name."`
	Priority  string   `json:"priority,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Start it on incidents of this priority, such as P1 (a shorthand for the condition incident.priority matches 'P1')."`
	Condition string   `json:"condition,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"Or start it on incidents matching this PagerDuty Condition Language expression, such as incident.urgency matches 'high'."`
	Services  []string `json:"services,omitempty" jsonschema:"maxItems=25,uniqueItems=true" jsonschema_description:"Only for incidents of these services (IDs or names); default every service."`
}

// WorkflowTrigger is a trigger that starts a workflow.
type WorkflowTrigger struct {
	ID        string `json:"id"`
	Workflow  string `json:"workflow"`
	Condition string `json:"condition"`
	// Services are the services it applies to; empty with AllServices.
	Services    []string `json:"services,omitempty"`
	AllServices bool     `json:"all_services"`
}

func (w *WorkflowTrigger) text() string {
	scope := "every service"
	if !w.AllServices {
		scope = "services " + strings.Join(w.Services, ", ")
	}
	return fmt.Sprintf("Trigger %s starts workflow %s on incidents of %s when %s.", w.ID, w.Workflow, scope, w.Condition)
}

var addWorkflowTrigger = &tool[addTriggerIn, *WorkflowTrigger]{
	spec: spec{
		name:    "add_workflow_trigger",
		title:   "Start a workflow automatically",
		toolset: ToolsetAutomation,
		write:   true,
		description: `Makes an incident workflow start by itself on the incidents that match a condition, such as every P1: the way to create a Jira ticket or post to Slack automatically, when the workflow has such a step (list_incident_workflows shows steps).
Give priority (P1) or condition, and optionally services. PagerDuty cannot add steps to a workflow through this tool: build the workflow in the web app first.`,
		notFound: "list_incident_workflows",
	},
	handler: func(ctx context.Context, c *call, in addTriggerIn) (*WorkflowTrigger, error) {
		cond := strings.TrimSpace(in.Condition)
		pr := strings.TrimSpace(in.Priority)
		switch {
		case cond != "" && pr != "":
			return nil, argError("condition", "give priority or condition, not both")
		case cond == "" && pr == "":
			return nil, argError("priority", "say which incidents start the workflow: give priority (such as P1) or condition")
		case pr != "":
			if strings.ContainsAny(pr, "'\\") {
				return nil, argError("priority", "%q is not a priority name", truncate(pr, 40))
			}
			cond = fmt.Sprintf("incident.priority matches '%s'", pr)
		}
		wid, err := resolveWorkflow(ctx, c, "workflow", in.Workflow)
		if err != nil {
			return nil, err
		}
		p := &pagerduty.CreateWorkflowTriggerParams{WorkflowID: wid, TriggerType: pagerduty.ConditionalTrigger, Condition: cond}
		for _, s := range in.Services {
			id, err := resolveService(ctx, c, "services", s)
			if err != nil {
				return nil, err
			}
			p.ServiceIDs = append(p.ServiceIDs, id)
		}
		p.SubscribeToAllServices = len(p.ServiceIDs) == 0
		tr, err := c.client.IncidentWorkflows.CreateTrigger(ctx, p)
		if err != nil {
			return nil, err
		}
		out := &WorkflowTrigger{ID: tr.ID, Workflow: wid, Condition: firstNonEmpty(tr.Condition, cond), AllServices: tr.IsSubscribedToAllServices}
		for _, s := range tr.Services {
			out.Services = append(out.Services, s.ID)
		}
		return out, nil
	},
}
