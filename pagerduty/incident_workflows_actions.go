package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"time"
)

// IncidentWorkflowAction is an action that steps of incident workflows can
// run, with the inputs it takes and the outputs it gives.
type IncidentWorkflowAction struct {
	// ID names the action and its version, such as
	// "pagerduty.com:incident-workflows:send-status-update:1".
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	DomainName   string  `json:"domain_name,omitempty"`
	PackageName  string  `json:"package_name,omitempty"`
	FunctionName string  `json:"function_name,omitempty"`
	Version      float64 `json:"version,omitempty"`
	Name         string  `json:"name"`
	Description  string  `json:"description,omitempty"`
	// ActionType is "action" or "trigger" (other values appear, such as
	// "integration").
	ActionType string `json:"action_type,omitempty"`
	// ActionTier is "basic-action", "standard-action" or "premium-action":
	// the plan an account needs to use the action.
	ActionTier string `json:"action_tier,omitempty"`
	// TriggerType is "polling", "subscription" or "web" (trigger actions).
	TriggerType    string   `json:"trigger_type,omitempty"`
	Tags           []string `json:"tags,omitempty"`
	SearchKeywords []string `json:"search_keywords,omitempty"`
	// Metadata is a JSON document the action's editor uses.
	Metadata        string                 `json:"metadata,omitempty"`
	CreatedAt       time.Time              `json:"created_at,omitzero"`
	CreatedByUserID string                 `json:"created_by_user_id,omitempty"`
	Inputs          []WorkflowActionInput  `json:"inputs,omitempty"`
	Outputs         []WorkflowActionOutput `json:"outputs,omitempty"`
}

// WorkflowActionInput describes an input an action takes.
type WorkflowActionInput struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Type is the input's type: text, password, integer, decimal, date,
	// dateTime, boolean, singleChoice, multipleChoice, json, connection or
	// trigger.
	Type         string `json:"type"`
	DefaultValue string `json:"default_value,omitempty"`
	IsRequired   bool   `json:"is_required,omitempty"`
	IsHidden     bool   `json:"is_hidden,omitempty"`
	Advanced     bool   `json:"advanced,omitempty"`
	Metadata     string `json:"metadata,omitempty"`
	// ConnectionTypeID names the kind of workflow integration connection a
	// connection input takes.
	ConnectionTypeID string `json:"connection_type_id,omitempty"`
}

// WorkflowActionOutput describes an output an action gives.
type WorkflowActionOutput struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Type        string `json:"type"`
}

// ListWorkflowActionsOptions filters and pages an action listing.
type ListWorkflowActionsOptions struct {
	CursorOptions
	// Keyword keeps the actions tagged with it.
	Keyword string `url:"keyword"`
}

// ListActions streams the actions incident workflow steps can run,
// following the cursor as the loop asks for more.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) ListActions(ctx context.Context, opts *ListWorkflowActionsOptions) iter.Seq2[IncidentWorkflowAction, error] {
	return cursorSeqAt[IncidentWorkflowAction](ctx, s.client, "/incident_workflows/actions", "actions", cursorPagedQuery(opts))
}

// ListActionsPage returns one page of actions, from opts.Cursor; the page's
// NextCursor continues it.
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) ListActionsPage(ctx context.Context, opts *ListWorkflowActionsOptions) (*Page[IncidentWorkflowAction], error) {
	return cursorPageAt[IncidentWorkflowAction](ctx, s.client, "/incident_workflows/actions", "actions", cursorPagedQuery(opts))
}

// actionPath builds the path of an action, whose ID is checked like every
// other ID (ValidateID accepts the ':' of action IDs); only an empty ID gets
// its own message, which shows what an action ID looks like.
func actionPath(id string) (string, error) {
	if id == "" {
		return "", fmt.Errorf("pagerduty: the action ID is empty: expected an ID such as pagerduty.com:incident-workflows:send-status-update:1")
	}
	return expandPath("/incident_workflows/actions/{id}", id)
}

// GetAction returns the action id, such as
// "pagerduty.com:incident-workflows:send-status-update:1".
//
// OAuth scope incident_workflows.read.
func (s *IncidentWorkflowsService) GetAction(ctx context.Context, id string) (*IncidentWorkflowAction, error) {
	path, err := actionPath(id)
	if err != nil {
		return nil, err
	}
	return objectCall[IncidentWorkflowAction](ctx, s.client, &request{method: "GET", path: path}, "action")
}
