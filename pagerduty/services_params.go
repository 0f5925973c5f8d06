package pagerduty

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ServiceParams describes a service to create, or the changes to make to
// one. Create needs Name and EscalationPolicyID; Update sends only the
// fields that are set and leaves the others as they are.
type ServiceParams struct {
	Name string
	// Description is free text; a pointer to "" clears it.
	Description *string
	// EscalationPolicyID names the policy notified of the service's
	// incidents.
	EscalationPolicyID string
	// AutoResolveTimeout resolves incidents left open this many seconds;
	// a pointer to 0 turns automatic resolution off.
	AutoResolveTimeout *int
	// AcknowledgementTimeout re-triggers incidents acknowledged this many
	// seconds ago; a pointer to 0 turns it off.
	AcknowledgementTimeout *int
	// Status is one of the service states; ServiceActive and
	// ServiceDisabled turn the service on and off, the others are usually
	// left to PagerDuty, which derives them from open incidents.
	Status ServiceStatus
	// AlertCreation says whether events become alerts or incidents.
	AlertCreation AlertCreation
	// IncidentUrgencyRule sets the urgency of new incidents.
	IncidentUrgencyRule *IncidentUrgencyRule
	// SupportHours are the hours a use_support_hours urgency rule refers to.
	SupportHours *SupportHours
	// ScheduledActions raise the urgency of open incidents when support
	// hours start; a non-nil empty slice removes them.
	ScheduledActions []ScheduledAction
	// AlertGroupingParameters says how alerts are grouped into incidents;
	// a pointer to a zero value turns grouping off.
	AlertGroupingParameters *AlertGroupingParameters
	// AutoPauseNotificationsParameters pauses the notifications of
	// transient alerts.
	AutoPauseNotificationsParameters *AutoPauseNotificationsParameters
}

// serviceWire is the service object of write requests: only what is set is
// sent.
type serviceWire struct {
	Type                             string                            `json:"type"`
	Name                             string                            `json:"name,omitempty"`
	Description                      *string                           `json:"description,omitempty"`
	EscalationPolicy                 *Reference                        `json:"escalation_policy,omitempty"`
	AutoResolveTimeout               json.RawMessage                   `json:"auto_resolve_timeout,omitempty"`
	AcknowledgementTimeout           json.RawMessage                   `json:"acknowledgement_timeout,omitempty"`
	Status                           ServiceStatus                     `json:"status,omitempty"`
	AlertCreation                    AlertCreation                     `json:"alert_creation,omitempty"`
	IncidentUrgencyRule              *IncidentUrgencyRule              `json:"incident_urgency_rule,omitempty"`
	SupportHours                     *SupportHours                     `json:"support_hours,omitempty"`
	ScheduledActions                 *[]ScheduledAction                `json:"scheduled_actions,omitempty"`
	AlertGroupingParameters          *alertGroupingWire                `json:"alert_grouping_parameters,omitempty"`
	AutoPauseNotificationsParameters *AutoPauseNotificationsParameters `json:"auto_pause_notifications_parameters,omitempty"`
}

// alertGroupingWire sends alert grouping without the read-only reference
// fields, and a null type to turn grouping off.
type alertGroupingWire struct {
	Type   *AlertGroupingType   `json:"type"`
	Config *AlertGroupingConfig `json:"config,omitempty"`
}

// serviceTimeoutJSON encodes an optional timeout: nil is left out, 0 is null (off).
func serviceTimeoutJSON(t *int) json.RawMessage {
	if t == nil {
		return nil
	}
	if *t == 0 {
		return json.RawMessage("null")
	}
	b, _ := json.Marshal(*t)
	return b
}

func (p *ServiceParams) wire(create bool) (*serviceWire, error) {
	if p == nil {
		return nil, required("the service params", "pass a *ServiceParams")
	}
	if create && strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the service's name, unique in the account")
	}
	if create && p.EscalationPolicyID == "" {
		return nil, required("EscalationPolicyID", "the ID of the escalation policy notified of the service's incidents")
	}
	if err := checkServiceFields(p); err != nil {
		return nil, err
	}
	w := &serviceWire{
		Type:                             "service",
		Name:                             p.Name,
		Description:                      p.Description,
		AutoResolveTimeout:               serviceTimeoutJSON(p.AutoResolveTimeout),
		AcknowledgementTimeout:           serviceTimeoutJSON(p.AcknowledgementTimeout),
		Status:                           p.Status,
		AlertCreation:                    p.AlertCreation,
		IncidentUrgencyRule:              p.IncidentUrgencyRule,
		SupportHours:                     p.SupportHours,
		AutoPauseNotificationsParameters: p.AutoPauseNotificationsParameters,
	}
	if p.EscalationPolicyID != "" {
		if err := ValidateID(p.EscalationPolicyID); err != nil {
			return nil, fmt.Errorf("EscalationPolicyID: %w", err)
		}
		w.EscalationPolicy = &Reference{ID: p.EscalationPolicyID, Type: "escalation_policy_reference"}
	}
	if p.ScheduledActions != nil {
		acts := make([]ScheduledAction, len(p.ScheduledActions))
		for i, a := range p.ScheduledActions {
			if a.Type == "" {
				a.Type = "urgency_change"
			}
			if a.At.Type == "" {
				a.At.Type = "named_time"
			}
			if a.ToUrgency == "" {
				a.ToUrgency = UrgencyHigh
			}
			acts[i] = a
		}
		w.ScheduledActions = &acts
	}
	if g := p.AlertGroupingParameters; g != nil {
		aw := &alertGroupingWire{Config: g.Config}
		if g.Type != "" {
			t := g.Type
			aw.Type = &t
		}
		w.AlertGroupingParameters = aw
	}
	if !create && isEmptyServiceWire(w) {
		return nil, required("a change", "set at least one field of ServiceParams")
	}
	return w, nil
}

func isEmptyServiceWire(w *serviceWire) bool {
	b, _ := json.Marshal(w)
	return string(b) == `{"type":"service"}`
}
