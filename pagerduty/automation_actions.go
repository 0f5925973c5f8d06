package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// AutomationActionType says what an automation action runs.
type AutomationActionType string

// The kinds of automation actions.
const (
	// ActionTypeScript runs a script on a sidecar runner.
	ActionTypeScript AutomationActionType = "script"
	// ActionTypeProcessAutomation starts a job of Process Automation or
	// Runbook Automation.
	ActionTypeProcessAutomation AutomationActionType = "process_automation"
)

// ActionClassification says whether an automation action only looks
// (diagnostic) or changes something (remediation).
type ActionClassification string

// The classifications of automation actions.
const (
	ActionDiagnostic  ActionClassification = "diagnostic"
	ActionRemediation ActionClassification = "remediation"
)

// AutomationPermission is something the caller may do with automation
// actions or runners.
type AutomationPermission string

// The permissions the API reports.
const (
	AutomationRead   AutomationPermission = "read"
	AutomationCreate AutomationPermission = "create"
	AutomationUpdate AutomationPermission = "update"
	AutomationDelete AutomationPermission = "delete"
	AutomationInvoke AutomationPermission = "invoke"
)

// AutomationPrivileges lists what the caller may do with an action or a
// runner.
type AutomationPrivileges struct {
	Permissions []AutomationPermission `json:"permissions"`
}

// AutomationAction is a unit of work PagerDuty can run on a runner, by hand
// from an incident or automatically from an event orchestration: a script
// (ActionTypeScript) or a Process/Runbook Automation job
// (ActionTypeProcessAutomation).
type AutomationAction struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name           string               `json:"name"`
	Description    string               `json:"description,omitempty"`
	ActionType     AutomationActionType `json:"action_type"`
	Classification ActionClassification `json:"action_classification,omitempty"`
	// Runner is the ID of the runner that executes the action.
	Runner string `json:"runner,omitempty"`
	// RunnerType is the kind of that runner.
	RunnerType RunnerType `json:"runner_type,omitempty"`
	// DataReference says what the action runs.
	DataReference ActionDataReference `json:"action_data_reference,omitzero"`
	// Services and Teams are the services and teams the action is
	// associated with (Teams only in answers about one action).
	Services []Reference `json:"services,omitempty"`
	Teams    []Reference `json:"teams,omitempty"`
	// Privileges are the caller's permissions on the action.
	Privileges *AutomationPrivileges `json:"privileges,omitempty"`
	// Metadata holds the API's free-form metadata, undecoded.
	Metadata  json.RawMessage `json:"metadata,omitempty"`
	CreatedAt time.Time       `json:"creation_time"`
	UpdatedAt time.Time       `json:"modify_time,omitzero"`
	// LastRun and LastRunBy say when the action last ran and who or what
	// (a user, an event orchestration, the account) ran it.
	LastRun   time.Time  `json:"last_run,omitzero"`
	LastRunBy *Reference `json:"last_run_by,omitempty"`

	// OnlyInvocableOnUnresolvedIncidents keeps the action from running
	// against resolved incidents.
	OnlyInvocableOnUnresolvedIncidents bool `json:"only_invocable_on_unresolved_incidents"`
	// AllowInvocationManually lets users run the action by hand.
	AllowInvocationManually bool `json:"allow_invocation_manually"`
	// AllowInvocationFromEventOrchestration lets event orchestrations run
	// the action.
	AllowInvocationFromEventOrchestration bool `json:"allow_invocation_from_event_orchestration"`
	// MapToAllServices associates the action with every service.
	MapToAllServices bool `json:"map_to_all_services"`
}

// ActionDataReference says what an automation action runs: Script and
// InvocationCommand for a script action, the ProcessAutomation fields for a
// Process/Runbook Automation job.
type ActionDataReference struct {
	// Script is the script's body (script actions).
	Script string `json:"script,omitempty"`
	// InvocationCommand is the interpreter or command that runs the script,
	// such as "/usr/bin/python3" (script actions).
	InvocationCommand string `json:"invocation_command,omitempty"`
	// ProcessAutomationJobID is the job to start (process_automation
	// actions).
	ProcessAutomationJobID string `json:"process_automation_job_id,omitempty"`
	// ProcessAutomationJobArguments are the job's arguments, as one string.
	ProcessAutomationJobArguments string `json:"process_automation_job_arguments,omitempty"`
	// ProcessAutomationNodeFilter selects the nodes the job runs on.
	ProcessAutomationNodeFilter string `json:"process_automation_node_filter,omitempty"`
}

// AutomationActionParams describes a new automation action.
type AutomationActionParams struct {
	// Name and Description are required.
	Name        string
	Description string
	// ActionType is required: ActionTypeScript or ActionTypeProcessAutomation.
	ActionType AutomationActionType
	// Classification is ActionDiagnostic, ActionRemediation or empty.
	Classification ActionClassification
	// RunnerID is the runner that executes the action.
	RunnerID string
	// DataReference is required: Script for script actions,
	// ProcessAutomationJobID for process_automation ones.
	DataReference ActionDataReference
	// ServiceIDs and TeamIDs associate the action with services and teams.
	ServiceIDs []string
	TeamIDs    []string
	// The invocation switches; nil leaves the API's default (false for
	// OnlyInvocableOnUnresolvedIncidents and MapToAllServices, true for the
	// others).
	OnlyInvocableOnUnresolvedIncidents    *bool
	AllowInvocationManually               *bool
	AllowInvocationFromEventOrchestration *bool
	MapToAllServices                      *bool
}

// automationActionWire is the action object of create and update bodies.
type automationActionWire struct {
	Name                                  string               `json:"name,omitempty"`
	Description                           *string              `json:"description,omitempty"`
	ActionType                            AutomationActionType `json:"action_type,omitempty"`
	Classification                        ActionClassification `json:"action_classification,omitempty"`
	Runner                                string               `json:"runner,omitempty"`
	Services                              []Reference          `json:"services,omitempty"`
	Teams                                 []Reference          `json:"teams,omitempty"`
	OnlyInvocableOnUnresolvedIncidents    *bool                `json:"only_invocable_on_unresolved_incidents,omitempty"`
	AllowInvocationManually               *bool                `json:"allow_invocation_manually,omitempty"`
	AllowInvocationFromEventOrchestration *bool                `json:"allow_invocation_from_event_orchestration,omitempty"`
	MapToAllServices                      *bool                `json:"map_to_all_services,omitempty"`
	DataReference                         *ActionDataReference `json:"action_data_reference,omitempty"`
}

var actionTypes = []AutomationActionType{ActionTypeScript, ActionTypeProcessAutomation}

func checkClassification(c ActionClassification) error {
	if c == "" {
		return nil
	}
	return oneOf("Classification", []ActionClassification{c}, ActionDiagnostic, ActionRemediation)
}

// checkDataReference checks that d holds what an action of type t needs, and
// nothing of the other kind.
func checkDataReference(t AutomationActionType, d ActionDataReference, create bool) error {
	script := d.Script != "" || d.InvocationCommand != ""
	job := d.ProcessAutomationJobID != "" || d.ProcessAutomationJobArguments != "" || d.ProcessAutomationNodeFilter != ""
	switch t {
	case ActionTypeScript:
		if job {
			return fmt.Errorf("pagerduty: DataReference: a script action takes Script and InvocationCommand, not ProcessAutomation fields")
		}
		if d.Script == "" && (create || script) {
			return missing("DataReference.Script", "the script a script action runs")
		}
	case ActionTypeProcessAutomation:
		if script {
			return fmt.Errorf("pagerduty: DataReference: a process_automation action takes ProcessAutomation fields, not Script or InvocationCommand")
		}
		if d.ProcessAutomationJobID == "" && (create || job) {
			return missing("DataReference.ProcessAutomationJobID", "the Process Automation job the action starts")
		}
	}
	return nil
}

func automationRefs(field, typ string, ids []string) ([]Reference, error) {
	if err := checkIDs(field, ids); err != nil {
		return nil, err
	}
	var out []Reference
	for _, id := range ids {
		out = append(out, Ref(typ, id))
	}
	return out, nil
}

func (p *AutomationActionParams) wire() (*automationActionWire, error) {
	if p == nil {
		return nil, missing("AutomationActionParams", "a name, a description, an action type and what the action runs")
	}
	if p.Name == "" {
		return nil, missing("Name", "the action's name")
	}
	if p.Description == "" {
		return nil, missing("Description", "what the action does")
	}
	if p.ActionType == "" {
		return nil, missing("ActionType", fmt.Sprintf("%q or %q", ActionTypeScript, ActionTypeProcessAutomation))
	}
	if err := oneOf("ActionType", []AutomationActionType{p.ActionType}, actionTypes...); err != nil {
		return nil, err
	}
	if err := checkClassification(p.Classification); err != nil {
		return nil, err
	}
	if err := optionalID("RunnerID", p.RunnerID); err != nil {
		return nil, err
	}
	if err := checkDataReference(p.ActionType, p.DataReference, true); err != nil {
		return nil, err
	}
	services, err := automationRefs("ServiceIDs", "service_reference", p.ServiceIDs)
	if err != nil {
		return nil, err
	}
	teams, err := automationRefs("TeamIDs", "team_reference", p.TeamIDs)
	if err != nil {
		return nil, err
	}
	d := p.DataReference
	return &automationActionWire{
		Name: p.Name, Description: &p.Description, ActionType: p.ActionType,
		Classification: p.Classification, Runner: p.RunnerID,
		Services: services, Teams: teams,
		OnlyInvocableOnUnresolvedIncidents:    p.OnlyInvocableOnUnresolvedIncidents,
		AllowInvocationManually:               p.AllowInvocationManually,
		AllowInvocationFromEventOrchestration: p.AllowInvocationFromEventOrchestration,
		MapToAllServices:                      p.MapToAllServices,
		DataReference:                         &d,
	}, nil
}

// AutomationActionUpdate changes an automation action. Only the fields set
// are sent: empty strings and nil pointers leave the action as it is. The
// API may refuse an update that does not restate DataReference.
type AutomationActionUpdate struct {
	Name        string
	Description *string
	// ActionType is required: the action's kind, by which the API tells
	// the two shapes of update apart. DataReference, when set, must hold
	// what that kind runs.
	ActionType     AutomationActionType
	Classification ActionClassification
	RunnerID       string
	// DataReference, when set, replaces what the action runs.
	DataReference *ActionDataReference

	OnlyInvocableOnUnresolvedIncidents    *bool
	AllowInvocationManually               *bool
	AllowInvocationFromEventOrchestration *bool
	MapToAllServices                      *bool
}

func (u *AutomationActionUpdate) wire() (*automationActionWire, error) {
	if u == nil {
		return nil, missing("AutomationActionUpdate", "at least one field to change")
	}
	if u.ActionType == "" {
		return nil, missing("ActionType", fmt.Sprintf("the action's kind, %q or %q", ActionTypeScript, ActionTypeProcessAutomation))
	}
	if err := oneOf("ActionType", []AutomationActionType{u.ActionType}, actionTypes...); err != nil {
		return nil, err
	}
	if err := checkClassification(u.Classification); err != nil {
		return nil, err
	}
	if err := optionalID("RunnerID", u.RunnerID); err != nil {
		return nil, err
	}
	if u.DataReference != nil {
		if err := checkDataReference(u.ActionType, *u.DataReference, true); err != nil {
			return nil, err
		}
	}
	w := &automationActionWire{
		Name: u.Name, Description: u.Description, ActionType: u.ActionType,
		Classification: u.Classification, Runner: u.RunnerID, DataReference: u.DataReference,
		OnlyInvocableOnUnresolvedIncidents:    u.OnlyInvocableOnUnresolvedIncidents,
		AllowInvocationManually:               u.AllowInvocationManually,
		AllowInvocationFromEventOrchestration: u.AllowInvocationFromEventOrchestration,
		MapToAllServices:                      u.MapToAllServices,
	}
	if w.Name == "" && w.Description == nil && w.Classification == "" && w.Runner == "" && w.DataReference == nil &&
		w.OnlyInvocableOnUnresolvedIncidents == nil && w.AllowInvocationManually == nil &&
		w.AllowInvocationFromEventOrchestration == nil && w.MapToAllServices == nil {
		return nil, missing("AutomationActionUpdate", "at least one field to change")
	}
	return w, nil
}

// ListAutomationActionsOptions filters and pages an automation action
// listing. The zero value lists every action, by name.
type ListAutomationActionsOptions struct {
	CursorOptions
	// Name keeps the actions with this name.
	Name string `url:"name"`
	// RunnerID, TeamID and ServiceID keep the actions of this runner, team
	// or service.
	RunnerID  string `url:"runner_id"`
	TeamID    string `url:"team_id"`
	ServiceID string `url:"service_id"`
	// Classification keeps diagnostic or remediation actions.
	Classification ActionClassification `url:"classification"`
	// ActionType keeps script or process_automation actions.
	ActionType AutomationActionType `url:"action_type"`
}

func (o *ListAutomationActionsOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if err := checkCursorPageSize(o.Limit); err != nil {
		return nil, CursorOptions{}, err
	}
	for field, id := range map[string]string{"RunnerID": o.RunnerID, "TeamID": o.TeamID, "ServiceID": o.ServiceID} {
		if err := optionalID(field, id); err != nil {
			return nil, CursorOptions{}, err
		}
	}
	if err := checkClassification(o.Classification); err != nil {
		return nil, CursorOptions{}, err
	}
	if err := oneOfIfSet("ActionType", o.ActionType, actionTypes...); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// List streams the automation actions that match opts, sorted by name,
// following the listing's cursor as the loop asks for more.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) List(ctx context.Context, opts *ListAutomationActionsOptions) iter.Seq2[AutomationAction, error] {
	return cursorSeqAt[AutomationAction](ctx, s.client, "/automation_actions/actions", "actions", opts.query)
}

// ListPage returns one page of the automation actions that match opts, at
// opts.Cursor; Page.NextCursor continues the listing.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListPage(ctx context.Context, opts *ListAutomationActionsOptions) (*Page[AutomationAction], error) {
	return cursorPageAt[AutomationAction](ctx, s.client, "/automation_actions/actions", "actions", opts.query)
}

// Get returns the automation action id, with its teams.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) Get(ctx context.Context, id string) (*AutomationAction, error) {
	return getAt[AutomationAction](ctx, s.client, "/automation_actions/actions/{id}", "action", id)
}

// Create adds an automation action and returns it.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) Create(ctx context.Context, p *AutomationActionParams) (*AutomationAction, error) {
	return writeAt[AutomationAction](ctx, s.client, "POST", "/automation_actions/actions", "action", p.wire)
}

// Update changes the automation action id and returns it as it now is.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) Update(ctx context.Context, id string, u *AutomationActionUpdate) (*AutomationAction, error) {
	return writeAt[AutomationAction](ctx, s.client, "PUT", "/automation_actions/actions/{id}", "action", u.wire, id)
}

// Delete removes the automation action id.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/automation_actions/actions/{id}", id)
}
