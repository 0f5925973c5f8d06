package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"
)

// InvocationState is where an invocation of an automation action stands.
type InvocationState string

// The invocation states, in the order an invocation usually goes through
// them; aborted, completed, error and unknown are final.
const (
	InvocationPrepared  InvocationState = "prepared"
	InvocationCreated   InvocationState = "created"
	InvocationSent      InvocationState = "sent"
	InvocationQueued    InvocationState = "queued"
	InvocationRunning   InvocationState = "running"
	InvocationAborted   InvocationState = "aborted"
	InvocationCompleted InvocationState = "completed"
	InvocationError     InvocationState = "error"
	InvocationUnknown   InvocationState = "unknown"
)

var invocationStates = []InvocationState{
	InvocationPrepared, InvocationCreated, InvocationSent, InvocationQueued, InvocationRunning,
	InvocationAborted, InvocationCompleted, InvocationError, InvocationUnknown,
}

// AutomationInvocation is one run of an automation action.
type AutomationInvocation struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// ActionID is the action that runs; ActionSnapshot is what it was when
	// the invocation started.
	ActionID       string          `json:"action_id"`
	ActionSnapshot ActionSnapshot  `json:"action_snapshot"`
	RunnerID       string          `json:"runner_id"`
	State          InvocationState `json:"state"`
	// Timing lists the state changes, oldest first; only the "created" one
	// is sure to be there.
	Timing []InvocationTiming `json:"timing,omitempty"`
	// Duration is how long the run took, as the API counts it.
	Duration int                `json:"duration,omitempty"`
	Metadata InvocationMetadata `json:"metadata"`
}

// ActionSnapshot is an action as it was when an invocation started.
type ActionSnapshot struct {
	Name          string               `json:"name"`
	ActionType    AutomationActionType `json:"action_type"`
	DataReference ActionDataReference  `json:"action_data_reference,omitzero"`
}

// InvocationTiming is a state an invocation reached, and when.
type InvocationTiming struct {
	Timestamp time.Time       `json:"timestamp"`
	State     InvocationState `json:"state"`
}

// UnmarshalJSON reads the time from "timestamp", as the API description
// names it, or from "creation_timestamp", as its examples do.
func (t *InvocationTiming) UnmarshalJSON(b []byte) error {
	var w struct {
		Timestamp         time.Time       `json:"timestamp"`
		CreationTimestamp time.Time       `json:"creation_timestamp"`
		State             InvocationState `json:"state"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	t.Timestamp, t.State = w.Timestamp, w.State
	if t.Timestamp.IsZero() {
		t.Timestamp = w.CreationTimestamp
	}
	return nil
}

// InvocationMetadata says who started an invocation, and for which incident.
type InvocationMetadata struct {
	// Agent started the run: a user, an event orchestration, an incident
	// workflow or the account.
	Agent    *Reference `json:"agent,omitempty"`
	Incident *Reference `json:"incident,omitempty"`
}

// InvokeParams says what an automation action runs for.
type InvokeParams struct {
	// IncidentID is required: the incident the action runs for.
	IncidentID string `json:"incident_id"`
	// AlertID narrows the run to one of the incident's alerts.
	AlertID string `json:"alert_id,omitempty"`
}

// Invoke runs the automation action id for an incident and returns the
// invocation, which runs on; follow it with GetInvocation. An invocation is
// not retried after a failure that may have reached PagerDuty.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) Invoke(ctx context.Context, id string, p *InvokeParams) (*AutomationInvocation, error) {
	path, err := expandPath("/automation_actions/actions/{id}/invocations", id)
	if err != nil {
		return nil, err
	}
	if p == nil || p.IncidentID == "" {
		return nil, missing("IncidentID", "the incident the action runs for")
	}
	if err := ValidateID(p.IncidentID); err != nil {
		return nil, fmt.Errorf("IncidentID: %w", err)
	}
	if err := optionalID("AlertID", p.AlertID); err != nil {
		return nil, err
	}
	body := map[string]any{"invocation": map[string]any{"metadata": p}}
	return invocationAnswer(ctx, s.client, &request{method: "POST", path: path, body: body})
}

func invocationAnswer(ctx context.Context, c *Client, r *request) (*AutomationInvocation, error) {
	var out struct {
		Invocation *AutomationInvocation `json:"invocation"`
	}
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Invocation == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no invocation", r.method, r.path)
	}
	return out.Invocation, nil
}

// ListInvocationsOptions filters a listing of invocations.
type ListInvocationsOptions struct {
	// State keeps the invocations in this state; NotState drops those in
	// this one.
	State    InvocationState `url:"invocation_state"`
	NotState InvocationState `url:"not_invocation_state"`
	// IncidentID and ActionID keep the invocations for this incident or of
	// this action.
	IncidentID string `url:"incident_id"`
	ActionID   string `url:"action_id"`
}

// ListInvocations returns the invocations that match opts. The API answers
// in one piece: it does not page this list.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListInvocations(ctx context.Context, opts *ListInvocationsOptions) ([]AutomationInvocation, error) {
	q := url.Values{}
	if opts != nil {
		for field, st := range map[string]InvocationState{"State": opts.State, "NotState": opts.NotState} {
			if st == "" {
				continue
			}
			if err := oneOf(field, []InvocationState{st}, invocationStates...); err != nil {
				return nil, err
			}
		}
		if err := optionalID("IncidentID", opts.IncidentID); err != nil {
			return nil, err
		}
		if err := optionalID("ActionID", opts.ActionID); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	var out struct {
		Invocations *[]AutomationInvocation `json:"invocations"`
	}
	r := &request{method: "GET", path: "/automation_actions/invocations", query: q}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Invocations == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no invocations", r.path)
	}
	return *out.Invocations, nil
}

// GetInvocation returns the invocation id, with its state and timing.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) GetInvocation(ctx context.Context, id string) (*AutomationInvocation, error) {
	path, err := expandPath("/automation_actions/invocations/{id}", id)
	if err != nil {
		return nil, err
	}
	return invocationAnswer(ctx, s.client, &request{method: "GET", path: path})
}
