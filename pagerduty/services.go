package pagerduty

import "time"

// Service is something a team operates (an application, a component, a
// piece of infrastructure) that incidents are opened on.
type Service struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// AutoResolveTimeout resolves an incident after this many seconds open;
	// nil disables it.
	AutoResolveTimeout *int `json:"auto_resolve_timeout,omitempty"`
	// AcknowledgementTimeout re-triggers an acknowledged incident after this
	// many seconds; nil disables it.
	AcknowledgementTimeout *int `json:"acknowledgement_timeout,omitempty"`
	// Status is "active", "warning", "critical", "maintenance" or "disabled".
	Status                string            `json:"status,omitempty"`
	CreatedAt             time.Time         `json:"created_at,omitzero"`
	LastIncidentTimestamp time.Time         `json:"last_incident_timestamp,omitzero"`
	EscalationPolicy      *EscalationPolicy `json:"escalation_policy,omitempty"`
	Teams                 []Team            `json:"teams,omitempty"`
	Integrations          []Reference       `json:"integrations,omitempty"`
	// AlertCreation is "create_incidents" or "create_alerts_and_incidents".
	AlertCreation string `json:"alert_creation,omitempty"`
}

// ServicesService reads and changes services, their integrations and their
// feature enablements.
type ServicesService service
