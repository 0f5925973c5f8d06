package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// ResponderTargetType is the kind of target a responder request asks for
// help.
type ResponderTargetType string

// The kinds of responder request targets.
const (
	ResponderTargetUser             ResponderTargetType = "user_reference"
	ResponderTargetEscalationPolicy ResponderTargetType = "escalation_policy_reference"
)

// ResponderTarget is a user or an escalation policy asked to help with an
// incident.
type ResponderTarget struct {
	Type ResponderTargetType `json:"type"`
	ID   string              `json:"id"`
}

func checkTargets(targets []ResponderTarget) error {
	if len(targets) == 0 {
		return missing("Targets", "at least one user or escalation policy")
	}
	for i, t := range targets {
		if err := oneOf(fmt.Sprintf("Targets[%d].Type", i), []ResponderTargetType{t.Type}, ResponderTargetUser, ResponderTargetEscalationPolicy); err != nil {
			return err
		}
		if err := ValidateID(t.ID); err != nil {
			return fmt.Errorf("Targets[%d].ID: %w", i, err)
		}
	}
	return nil
}

// ResponderRequestParams asks users or escalation policies to join the
// response to an incident.
type ResponderRequestParams struct {
	// From is the email of the PagerDuty user asking; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// RequesterID is the ID of the user asking for help.
	RequesterID string
	// Message is sent to the targets with the request.
	Message string
	// Targets are the users and escalation policies asked.
	Targets []ResponderTarget
}

// RequestResponders asks the targets of p to help with the incident id and
// returns the request, with the responders it reached.
//
// OAuth scope incidents.write.
func (s *IncidentsService) RequestResponders(ctx context.Context, id string, p *ResponderRequestParams) (*ResponderRequest, error) {
	path, err := expandPath("/incidents/{id}/responder_requests", id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = &ResponderRequestParams{}
	}
	if err := ValidateID(p.RequesterID); err != nil {
		return nil, fmt.Errorf("RequesterID (the user asking for help): %w", err)
	}
	if strings.TrimSpace(p.Message) == "" {
		return nil, missing("Message", "the text sent to the responders")
	}
	if err := checkTargets(p.Targets); err != nil {
		return nil, err
	}
	type wrapped struct {
		Target ResponderTarget `json:"responder_request_target"`
	}
	targets := make([]wrapped, len(p.Targets))
	for i, t := range p.Targets {
		targets[i] = wrapped{t}
	}
	body := map[string]any{"requester_id": p.RequesterID, "message": p.Message, "responder_request_targets": targets}
	var out struct {
		Request *ResponderRequest `json:"responder_request"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: body, from: p.From}, &out); err != nil {
		return nil, err
	}
	if out.Request == nil {
		return nil, fmt.Errorf("pagerduty: POST %s: the answer has no responder_request", path)
	}
	return out.Request, nil
}

// CancelResponderRequestParams withdraws a request for help from some of
// its targets.
type CancelResponderRequestParams struct {
	// From is the email of the PagerDuty user cancelling; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// RequesterID is the ID of the user who made the request.
	RequesterID string
	// Targets are the users and escalation policies no longer asked.
	Targets []ResponderTarget
}

// CancelResult is what cancelling did for one target.
type CancelResult string

// The outcomes of cancelling a responder request for a target.
const (
	CancelCancelled CancelResult = "cancelled"
	CancelJoined    CancelResult = "joined"
	CancelDeclined  CancelResult = "declined"
	CancelNotFound  CancelResult = "not_found"
)

// CancelledTarget is a target of a cancelled responder request and what
// became of it: a target that already joined or declined stays so.
type CancelledTarget struct {
	Type   ResponderTargetType `json:"type"`
	ID     string              `json:"id"`
	Result CancelResult        `json:"result"`
}

// CancelResponderRequest withdraws the pending request for help made by
// p.RequesterID on the incident id from the targets of p, and reports the
// outcome for each.
//
// OAuth scope incidents.write.
func (s *IncidentsService) CancelResponderRequest(ctx context.Context, id string, p *CancelResponderRequestParams) ([]CancelledTarget, error) {
	path, err := expandPath("/incidents/{id}/responder_requests/cancel", id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = &CancelResponderRequestParams{}
	}
	if err := ValidateID(p.RequesterID); err != nil {
		return nil, fmt.Errorf("RequesterID (the user who asked for help): %w", err)
	}
	if err := checkTargets(p.Targets); err != nil {
		return nil, err
	}
	body := map[string]any{"requester_id": p.RequesterID, "responder_request_targets": p.Targets}
	var out struct {
		Targets []CancelledTarget `json:"responder_request_targets"`
	}
	if err := s.client.do(ctx, &request{method: "PUT", path: path, body: body, from: p.From}, &out); err != nil {
		return nil, err
	}
	return out.Targets, nil
}

// UnmarshalJSON reads a target in either shape the API sends: bare, or
// wrapped in a "responder_request_target" object, with its responders under
// "incident_responders" or "incidents_responders".
func (t *ResponderRequestTarget) UnmarshalJSON(b []byte) error {
	type plain struct {
		Type        string              `json:"type"`
		ID          string              `json:"id"`
		Summary     string              `json:"summary"`
		Responders  []IncidentResponder `json:"incident_responders"`
		Responders2 []IncidentResponder `json:"incidents_responders"`
	}
	var w struct {
		plain
		Wrapped *plain `json:"responder_request_target"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	p := w.plain
	if w.Wrapped != nil {
		p = *w.Wrapped
	}
	if p.Responders == nil {
		p.Responders = p.Responders2
	}
	*t = ResponderRequestTarget{Type: p.Type, ID: p.ID, Summary: p.Summary, Responders: p.Responders}
	return nil
}
