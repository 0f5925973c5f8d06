package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// IncidentWorkflow is a sequence of automated steps (post a status update,
// open a Slack channel, add responders...) run on an incident, by hand or
// by a trigger.
type IncidentWorkflow struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	// Team is the team that owns the workflow (in full with
	// IncludeWorkflowTeam), or nil when the whole account can use it.
	Team *Team `json:"team,omitempty"`
	// IsEnabled reports whether the workflow can run; nil when the answer
	// does not say.
	IsEnabled *bool `json:"is_enabled,omitempty"`
	// Steps are the workflow's steps in order (with IncludeWorkflowSteps in
	// listings).
	Steps []WorkflowStep `json:"steps,omitempty"`
}

// WorkflowStep is one step of an incident workflow: an action and its
// inputs.
type WorkflowStep struct {
	ID          string                      `json:"id,omitempty"`
	Type        string                      `json:"type,omitempty"`
	Name        string                      `json:"name"`
	Description string                      `json:"description,omitempty"`
	Action      WorkflowActionConfiguration `json:"action_configuration"`
}

// WorkflowActionConfiguration says which action a step runs, with which
// inputs, and what it outputs.
type WorkflowActionConfiguration struct {
	// ActionID names the action, such as
	// "pagerduty.com:incident-workflows:send-status-update:1".
	ActionID    string `json:"action_id"`
	Description string `json:"description,omitempty"`
	// Inputs are the values given to the action's inputs.
	Inputs []WorkflowStepInput `json:"inputs"`
	// InlineStepsInputs are the inputs that hold steps of their own (the
	// branches of a loop or a condition).
	InlineStepsInputs []WorkflowInlineStepsInput `json:"inline_steps_inputs,omitempty"`
	// Outputs are what the action produces, which later steps can refer to.
	Outputs []WorkflowStepOutput `json:"outputs,omitempty"`
}

// WorkflowStepInput is the value of one input of a step.
type WorkflowStepInput struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// ParameterType is the input's type, as the API reports it.
	ParameterType string `json:"parameter_type,omitempty"`
}

// WorkflowInlineStepsInput is an input whose value is a list of steps.
type WorkflowInlineStepsInput struct {
	Name  string `json:"name"`
	Value struct {
		Steps []WorkflowStep `json:"steps"`
	} `json:"value"`
}

// WorkflowStepOutput is a value a step produces.
type WorkflowStepOutput struct {
	Name string `json:"name"`
	// ReferenceName is how later steps refer to the output.
	ReferenceName string `json:"reference_name,omitempty"`
	ParameterType string `json:"parameter_type,omitempty"`
}

// IncidentWorkflowInclude names what an incident workflow listing can
// embed.
type IncidentWorkflowInclude string

// The expansions of incident workflow listings.
const (
	IncludeWorkflowSteps IncidentWorkflowInclude = "steps"
	IncludeWorkflowTeam  IncidentWorkflowInclude = "team"
)

// ListIncidentWorkflowsOptions filters and pages an incident workflow
// listing.
type ListIncidentWorkflowsOptions struct {
	ListOptions
	// Query keeps the workflows whose name contains it.
	Query string `url:"query"`
	// Includes embeds these objects in full.
	Includes []IncidentWorkflowInclude `url:"include[]"`
}

func (o *ListIncidentWorkflowsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeWorkflowSteps, IncludeWorkflowTeam); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the incident workflows that match opts, fetching pages as
// the loop asks for them.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) List(ctx context.Context, opts *ListIncidentWorkflowsOptions) iter.Seq2[IncidentWorkflow, error] {
	return offsetSeqAt[IncidentWorkflow](ctx, s.client, "/incident_workflows", "incident_workflows", opts.query)
}

// ListPage returns one page of the incident workflows that match opts, at
// opts.Offset, with the pagination facts.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) ListPage(ctx context.Context, opts *ListIncidentWorkflowsOptions) (*Page[IncidentWorkflow], error) {
	return offsetPageAt[IncidentWorkflow](ctx, s.client, "/incident_workflows", "incident_workflows", opts.query)
}

// Get returns the incident workflow id with its steps.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) Get(ctx context.Context, id string) (*IncidentWorkflow, error) {
	return getAt[IncidentWorkflow](ctx, s.client, "/incident_workflows/{id}", "incident_workflow", id)
}

// IncidentWorkflowParams describes an incident workflow to create, or the
// changes to make to one: fields left empty (nil pointers, nil Steps) are not
// sent.
type IncidentWorkflowParams struct {
	// Name is the workflow's name (required to create).
	Name        string
	Description *string
	// TeamID makes the workflow belong to a team.
	TeamID string
	// IsEnabled enables or disables the workflow; nil leaves it as is (new
	// workflows are enabled).
	IsEnabled *bool
	// Steps are the workflow's steps, in order.
	Steps []WorkflowStepParams
}

// WorkflowStepParams is a step to run: an action and the values of its
// inputs.
type WorkflowStepParams struct {
	// Name is the step's name (required).
	Name string
	// ActionID names the action (required); ListActions lists them.
	ActionID string
	// Inputs gives values to the action's inputs (referring to earlier
	// outputs with {{...}} expressions where the action allows).
	Inputs []WorkflowInputValue
	// InlineSteps gives steps to the inputs that hold steps.
	InlineSteps []WorkflowInlineSteps
}

// WorkflowInputValue is the value of one input of an action.
type WorkflowInputValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// WorkflowInlineSteps is the list of steps given to one input that holds
// steps.
type WorkflowInlineSteps struct {
	Name  string
	Steps []WorkflowStepParams
}

type workflowWire struct {
	Type        string             `json:"type"`
	Name        string             `json:"name,omitempty"`
	Description *string            `json:"description,omitempty"`
	Team        *Reference         `json:"team,omitempty"`
	IsEnabled   *bool              `json:"is_enabled,omitempty"`
	Steps       []workflowStepWire `json:"steps,omitempty"`
}

type workflowStepWire struct {
	Type   string             `json:"type"`
	Name   string             `json:"name"`
	Action workflowActionWire `json:"action_configuration"`
}

type workflowActionWire struct {
	ActionID string               `json:"action_id"`
	Inputs   []WorkflowInputValue `json:"inputs"`
	Inline   []inlineStepsWire    `json:"inline_steps_inputs,omitempty"`
}

type inlineStepsWire struct {
	Name  string `json:"name"`
	Value struct {
		Steps []workflowStepWire `json:"steps"`
	} `json:"value"`
}

func stepsWire(field string, steps []WorkflowStepParams) ([]workflowStepWire, error) {
	if steps == nil {
		return nil, nil
	}
	out := make([]workflowStepWire, len(steps))
	for i, st := range steps {
		name := fmt.Sprintf("%s[%d]", field, i)
		if st.Name == "" {
			return nil, required(name+".Name", "the step's name")
		}
		if st.ActionID == "" {
			return nil, required(name+".ActionID", "the action the step runs, such as pagerduty.com:incident-workflows:send-status-update:1")
		}
		inputs := st.Inputs
		if inputs == nil {
			inputs = []WorkflowInputValue{}
		}
		for j, in := range inputs {
			if in.Name == "" {
				return nil, required(fmt.Sprintf("%s.Inputs[%d].Name", name, j), "the name of the action's input")
			}
		}
		w := workflowStepWire{Type: "step", Name: st.Name, Action: workflowActionWire{ActionID: st.ActionID, Inputs: inputs}}
		for j, in := range st.InlineSteps {
			if in.Name == "" {
				return nil, required(fmt.Sprintf("%s.InlineSteps[%d].Name", name, j), "the name of the input that holds the steps")
			}
			sub, err := stepsWire(fmt.Sprintf("%s.InlineSteps[%d].Steps", name, j), in.Steps)
			if err != nil {
				return nil, err
			}
			iw := inlineStepsWire{Name: in.Name}
			iw.Value.Steps = sub
			if iw.Value.Steps == nil {
				iw.Value.Steps = []workflowStepWire{}
			}
			w.Action.Inline = append(w.Action.Inline, iw)
		}
		out[i] = w
	}
	return out, nil
}

func (p *IncidentWorkflowParams) wire(create bool) (map[string]any, error) {
	if p == nil {
		p = &IncidentWorkflowParams{}
	}
	if create && p.Name == "" {
		return nil, required("Name", "the workflow's name")
	}
	w := workflowWire{Type: "incident_workflow", Name: p.Name, Description: p.Description, IsEnabled: p.IsEnabled}
	if p.TeamID != "" {
		if err := ValidateID(p.TeamID); err != nil {
			return nil, namedFieldErr("TeamID", err)
		}
		w.Team = &Reference{ID: p.TeamID, Type: "team_reference"}
	}
	steps, err := stepsWire("Steps", p.Steps)
	if err != nil {
		return nil, err
	}
	w.Steps = steps
	if !create && w.Name == "" && w.Description == nil && w.Team == nil && w.IsEnabled == nil && w.Steps == nil {
		return nil, fmt.Errorf("pagerduty: the update changes nothing: set Name, Description, TeamID, IsEnabled or Steps")
	}
	return map[string]any{"incident_workflow": w}, nil
}

// Create creates an incident workflow and returns it.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) Create(ctx context.Context, p *IncidentWorkflowParams) (*IncidentWorkflow, error) {
	return sendAt[IncidentWorkflow](ctx, s.client, "POST", "/incident_workflows", "incident_workflow", func() (map[string]any, error) { return p.wire(true) })
}

// Update changes the incident workflow id and returns it. Only the fields p
// sets are sent; Steps, when set, is sent whole as the workflow's new list of
// steps.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) Update(ctx context.Context, id string, p *IncidentWorkflowParams) (*IncidentWorkflow, error) {
	return sendAt[IncidentWorkflow](ctx, s.client, "PUT", "/incident_workflows/{id}", "incident_workflow",
		func() (map[string]any, error) { return p.wire(false) },
		id)
}

// Delete removes the incident workflow id and its triggers.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/incident_workflows/{id}", id)
}

// IncidentWorkflowInstance is one run of an incident workflow on an
// incident.
type IncidentWorkflowInstance struct {
	ID       string     `json:"id"`
	Type     string     `json:"type,omitempty"`
	Incident *Reference `json:"incident,omitempty"`
}

// StartIncidentWorkflowParams says which incident a workflow runs on.
type StartIncidentWorkflowParams struct {
	// IncidentID is the incident to run the workflow on (required).
	IncidentID string
	// InstanceID optionally names the new instance.
	InstanceID string
}

// Start runs the incident workflow workflowID on an incident and returns
// the new instance.
//
// OAuth scope incident_workflows:instances.write.
func (s *IncidentWorkflowsService) Start(ctx context.Context, workflowID string, p *StartIncidentWorkflowParams) (*IncidentWorkflowInstance, error) {
	path, err := expandPath("/incident_workflows/{id}/instances", workflowID)
	if err != nil {
		return nil, err
	}
	if p == nil || p.IncidentID == "" {
		return nil, required("IncidentID", "the incident to run the workflow on")
	}
	if err := ValidateID(p.IncidentID); err != nil {
		return nil, namedFieldErr("IncidentID", err)
	}
	inst := map[string]any{"incident": Reference{ID: p.IncidentID, Type: "incident_reference"}}
	if p.InstanceID != "" {
		if err := ValidateID(p.InstanceID); err != nil {
			return nil, namedFieldErr("InstanceID", err)
		}
		inst["id"] = p.InstanceID
	}
	r := &request{method: "POST", path: path, body: map[string]any{"incident_workflow_instance": inst}}
	return objectCall[IncidentWorkflowInstance](ctx, s.client, r, "incident_workflow_instance")
}
