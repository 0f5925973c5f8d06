package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
)

// WorkflowTriggerType says what starts an incident workflow.
type WorkflowTriggerType string

// The trigger types.
const (
	// ManualTrigger lets responders start the workflow on an incident.
	ManualTrigger WorkflowTriggerType = "manual"
	// ConditionalTrigger starts the workflow when an incident matches the
	// trigger's condition.
	ConditionalTrigger WorkflowTriggerType = "conditional"
	// IncidentTypeTrigger starts the workflow on incidents of the
	// trigger's incident types.
	IncidentTypeTrigger WorkflowTriggerType = "incident_type"
)

var workflowTriggerTypes = []WorkflowTriggerType{ManualTrigger, ConditionalTrigger, IncidentTypeTrigger}

// IncidentWorkflowTrigger starts an incident workflow: by hand, on a
// condition, or for incident types, on some services or all of them.
type IncidentWorkflowTrigger struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	TriggerType WorkflowTriggerType `json:"trigger_type"`
	// TriggerTypeName is the trigger type as people read it.
	TriggerTypeName string `json:"trigger_type_name,omitempty"`
	// Condition is the PagerDuty Condition Language expression of a
	// conditional trigger, such as "incident.priority matches 'P1'".
	Condition string `json:"condition,omitempty"`
	// TriggerURL starts the workflow of a manual trigger with a POST.
	TriggerURL string `json:"trigger_url,omitempty"`
	// IncidentTypes are the incident types of an incident_type trigger.
	IncidentTypes []string `json:"incident_types,omitempty"`
	// Workflow is the workflow the trigger starts (with its name and more).
	Workflow *IncidentWorkflow `json:"workflow,omitempty"`
	// Services are the services whose incidents the trigger applies to,
	// unless IsSubscribedToAllServices.
	Services                  []Reference                 `json:"services,omitempty"`
	IsSubscribedToAllServices bool                        `json:"is_subscribed_to_all_services"`
	Permissions               *WorkflowTriggerPermissions `json:"permissions,omitempty"`
	IsDisabled                bool                        `json:"is_disabled"`
}

// WorkflowTriggerPermissions restricts who can start a manual trigger.
type WorkflowTriggerPermissions struct {
	// Restricted limits the trigger to the members of TeamID.
	Restricted bool   `json:"restricted"`
	TeamID     string `json:"team_id,omitempty"`
}

// WorkflowTriggerSort orders a trigger listing.
type WorkflowTriggerSort string

// The trigger orders.
const (
	SortTriggersByWorkflowID       WorkflowTriggerSort = "workflow_id"
	SortTriggersByWorkflowIDAsc    WorkflowTriggerSort = "workflow_id asc"
	SortTriggersByWorkflowIDDesc   WorkflowTriggerSort = "workflow_id desc"
	SortTriggersByWorkflowName     WorkflowTriggerSort = "workflow_name"
	SortTriggersByWorkflowNameAsc  WorkflowTriggerSort = "workflow_name asc"
	SortTriggersByWorkflowNameDesc WorkflowTriggerSort = "workflow_name desc"
)

// ListWorkflowTriggersOptions filters and pages a trigger listing.
type ListWorkflowTriggersOptions struct {
	CursorOptions
	// WorkflowID keeps the triggers of one workflow.
	WorkflowID string `url:"workflow_id"`
	// IncidentID keeps the triggers that can start on this incident
	// (manual triggers of its service).
	IncidentID string `url:"incident_id"`
	// ServiceID keeps the triggers that apply to this service.
	ServiceID string `url:"service_id"`
	// TriggerType keeps the triggers of one type.
	TriggerType WorkflowTriggerType `url:"trigger_type"`
	// WorkflowNameContains keeps the triggers whose workflow's name
	// contains it.
	WorkflowNameContains string `url:"workflow_name_contains"`
	// IsDisabled keeps disabled (true) or enabled (false) triggers; nil
	// keeps both.
	IsDisabled *bool `url:"is_disabled"`
	// SortBy orders the triggers.
	SortBy WorkflowTriggerSort `url:"sort_by"`
}

func (o *ListWorkflowTriggersOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if err := checkCursorPageSize(o.Limit); err != nil {
		return nil, CursorOptions{}, err
	}
	for field, id := range map[string]string{"WorkflowID": o.WorkflowID, "IncidentID": o.IncidentID, "ServiceID": o.ServiceID} {
		if id == "" {
			continue
		}
		if err := ValidateID(id); err != nil {
			return nil, CursorOptions{}, namedFieldErr(field, err)
		}
	}
	if err := oneOfIfSet("TriggerType", o.TriggerType, workflowTriggerTypes...); err != nil {
		return nil, CursorOptions{}, err
	}
	if err := oneOfIfSet("SortBy", o.SortBy, SortTriggersByWorkflowID, SortTriggersByWorkflowIDAsc,
		SortTriggersByWorkflowIDDesc, SortTriggersByWorkflowName, SortTriggersByWorkflowNameAsc, SortTriggersByWorkflowNameDesc); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// ListTriggers streams the incident workflow triggers that match opts,
// following the cursor as the loop asks for more.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) ListTriggers(ctx context.Context, opts *ListWorkflowTriggersOptions) iter.Seq2[IncidentWorkflowTrigger, error] {
	return cursorSeqAt[IncidentWorkflowTrigger](ctx, s.client, "/incident_workflows/triggers", "triggers", opts.query)
}

// ListTriggersPage returns one page of the triggers that match opts, from
// opts.Cursor; the page's NextCursor continues it.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) ListTriggersPage(ctx context.Context, opts *ListWorkflowTriggersOptions) (*Page[IncidentWorkflowTrigger], error) {
	return cursorPageAt[IncidentWorkflowTrigger](ctx, s.client, "/incident_workflows/triggers", "triggers", opts.query)
}

// GetTrigger returns the incident workflow trigger id.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) GetTrigger(ctx context.Context, id string) (*IncidentWorkflowTrigger, error) {
	return getAt[IncidentWorkflowTrigger](ctx, s.client, "/incident_workflows/triggers/{id}", "trigger", id)
}

// CreateWorkflowTriggerParams describes a new trigger.
type CreateWorkflowTriggerParams struct {
	// WorkflowID is the workflow the trigger starts (required).
	WorkflowID string
	// TriggerType is the kind of trigger (required).
	TriggerType WorkflowTriggerType
	// Condition is required by conditional triggers.
	Condition string
	// IncidentTypes are required by incident_type triggers.
	IncidentTypes []string
	// ServiceIDs are the services the trigger applies to, unless
	// SubscribeToAllServices.
	ServiceIDs             []string
	SubscribeToAllServices bool
	// Permissions restricts who can start a manual trigger.
	Permissions *WorkflowTriggerPermissions
	// Disabled creates the trigger disabled.
	Disabled bool
}

type triggerWire struct {
	TriggerType               WorkflowTriggerType         `json:"trigger_type,omitempty"`
	Workflow                  *idObjectRef                `json:"workflow,omitempty"`
	Condition                 *string                     `json:"condition,omitempty"`
	IncidentTypes             []string                    `json:"incident_types,omitempty"`
	Services                  []idObjectRef               `json:"services,omitempty"`
	IsSubscribedToAllServices *bool                       `json:"is_subscribed_to_all_services,omitempty"`
	Permissions               *WorkflowTriggerPermissions `json:"permissions,omitempty"`
	IsDisabled                *bool                       `json:"is_disabled,omitempty"`
}

// idObjectRef is an object named by its ID alone, as some writes take it.
type idObjectRef struct {
	ID string `json:"id"`
}

func triggerServiceRefs(ids []string) ([]idObjectRef, error) {
	if ids == nil {
		return nil, nil
	}
	if err := checkIDs("ServiceIDs", ids); err != nil {
		return nil, err
	}
	out := make([]idObjectRef, len(ids))
	for i, id := range ids {
		out[i] = idObjectRef{ID: id}
	}
	return out, nil
}

func checkTriggerPermissions(p *WorkflowTriggerPermissions) error {
	if p != nil && p.TeamID != "" {
		if err := ValidateID(p.TeamID); err != nil {
			return namedFieldErr("Permissions.TeamID", err)
		}
	}
	return nil
}

// CreateTrigger creates a trigger that starts an incident workflow and
// returns it.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) CreateTrigger(ctx context.Context, p *CreateWorkflowTriggerParams) (*IncidentWorkflowTrigger, error) {
	if p == nil || p.WorkflowID == "" {
		return nil, required("WorkflowID", "the workflow the trigger starts")
	}
	if err := ValidateID(p.WorkflowID); err != nil {
		return nil, namedFieldErr("WorkflowID", err)
	}
	if p.TriggerType == "" {
		return nil, required("TriggerType", "one of manual, conditional, incident_type")
	}
	if err := oneOf("TriggerType", []WorkflowTriggerType{p.TriggerType}, workflowTriggerTypes...); err != nil {
		return nil, err
	}
	if p.TriggerType == ConditionalTrigger && p.Condition == "" {
		return nil, required("Condition", "a conditional trigger needs a condition, such as \"incident.priority matches 'P1'\"")
	}
	if p.TriggerType == IncidentTypeTrigger && len(p.IncidentTypes) == 0 {
		return nil, required("IncidentTypes", "an incident_type trigger needs at least one incident type")
	}
	svcs, err := triggerServiceRefs(p.ServiceIDs)
	if err != nil {
		return nil, err
	}
	if err := checkTriggerPermissions(p.Permissions); err != nil {
		return nil, err
	}
	disabled := p.Disabled
	w := triggerWire{TriggerType: p.TriggerType, Workflow: &idObjectRef{ID: p.WorkflowID}, IncidentTypes: p.IncidentTypes,
		Services: svcs, Permissions: p.Permissions, IsDisabled: &disabled}
	if p.Condition != "" {
		w.Condition = &p.Condition
	}
	if p.SubscribeToAllServices {
		all := true
		w.IsSubscribedToAllServices = &all
	}
	r := &request{method: "POST", path: "/incident_workflows/triggers", body: map[string]any{"trigger": w}}
	return objectCall[IncidentWorkflowTrigger](ctx, s.client, r, "trigger")
}

// UpdateWorkflowTriggerParams changes a trigger. Nil fields keep their
// values.
type UpdateWorkflowTriggerParams struct {
	Condition *string
	// IncidentTypes is required by the API on every update: the trigger's
	// incident types, or an empty (non-nil) list for triggers of other
	// types.
	IncidentTypes []string
	// ServiceIDs replaces the services the trigger applies to.
	ServiceIDs             []string
	SubscribeToAllServices *bool
	Permissions            *WorkflowTriggerPermissions
	Disabled               *bool
}

type triggerUpdateWire struct {
	triggerWire
	IncidentTypes []string `json:"incident_types"`
}

// UpdateTrigger changes the incident workflow trigger id and returns it.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) UpdateTrigger(ctx context.Context, id string, p *UpdateWorkflowTriggerParams) (*IncidentWorkflowTrigger, error) {
	path, err := expandPath("/incident_workflows/triggers/{id}", id)
	if err != nil {
		return nil, err
	}
	if p == nil || p.IncidentTypes == nil {
		return nil, required("IncidentTypes", "the API wants the trigger's incident types on every update: pass []string{} for manual and conditional triggers")
	}
	svcs, err := triggerServiceRefs(p.ServiceIDs)
	if err != nil {
		return nil, err
	}
	if err := checkTriggerPermissions(p.Permissions); err != nil {
		return nil, err
	}
	w := triggerUpdateWire{
		triggerWire: triggerWire{Condition: p.Condition, Services: svcs, IsSubscribedToAllServices: p.SubscribeToAllServices,
			Permissions: p.Permissions, IsDisabled: p.Disabled},
		IncidentTypes: p.IncidentTypes,
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"trigger": w}}
	return objectCall[IncidentWorkflowTrigger](ctx, s.client, r, "trigger")
}

// DeleteTrigger removes the incident workflow trigger id.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) DeleteTrigger(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/incident_workflows/triggers/{id}", id)
}

// AddTriggerService makes the trigger triggerID apply to the service
// serviceID too, and returns the trigger.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) AddTriggerService(ctx context.Context, triggerID, serviceID string) (*IncidentWorkflowTrigger, error) {
	path, err := expandPath("/incident_workflows/triggers/{id}/services", triggerID)
	if err != nil {
		return nil, err
	}
	if err := ValidateID(serviceID); err != nil {
		return nil, fmt.Errorf("serviceID: %w", err)
	}
	r := &request{method: "POST", path: path, body: map[string]any{"service": idObjectRef{ID: serviceID}}}
	return objectCall[IncidentWorkflowTrigger](ctx, s.client, r, "trigger")
}

// RemoveTriggerService stops the trigger triggerID from applying to the
// service serviceID, and returns the trigger.
//
// OAuth scope incident_workflows.write.
func (s *IncidentWorkflowsService) RemoveTriggerService(ctx context.Context, triggerID, serviceID string) (*IncidentWorkflowTrigger, error) {
	path, err := expandPath("/incident_workflows/triggers/{trigger_id}/services/{service_id}", triggerID, serviceID)
	if err != nil {
		return nil, err
	}
	return objectCall[IncidentWorkflowTrigger](ctx, s.client, &request{method: "DELETE", path: path}, "trigger")
}
