package webhooks

import (
	"encoding/json"
	"time"
)

// Reference points to another PagerDuty object, such as a user, a service or
// an escalation policy. Type tells which ("user_reference",
// "service_reference", ...); Summary is a human-readable name. Any field may be
// empty: PagerDuty sends null for some of them.
type Reference struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
}

// Client tells where an event was started from, such as "PagerDuty" for the
// web app. It is nil when PagerDuty sends none.
type Client struct {
	Name string `json:"name"`
}

// Incident is the data of most incident events (see [EventType]): a snapshot
// of the incident after the change.
type Incident struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
	// Number is the incident's number within the account, as shown in the web app.
	Number int `json:"number"`
	// Status is "triggered", "acknowledged" or "resolved".
	Status      string    `json:"status"`
	IncidentKey string    `json:"incident_key,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	Title       string    `json:"title"`
	// IncidentType is set on accounts that use incident types.
	IncidentType     *IncidentType `json:"incident_type,omitempty"`
	Service          *Reference    `json:"service,omitempty"`
	Assignees        []Reference   `json:"assignees,omitempty"`
	EscalationPolicy *Reference    `json:"escalation_policy,omitempty"`
	Teams            []Reference   `json:"teams,omitempty"`
	// Priority is nil when the incident has no priority.
	Priority *Reference `json:"priority,omitempty"`
	// Urgency is "high" or "low".
	Urgency          string            `json:"urgency,omitempty"`
	ConferenceBridge *ConferenceBridge `json:"conference_bridge,omitempty"`
	// ResolveReason is set when the incident was resolved by merging it into
	// another one.
	ResolveReason *ResolveReason `json:"resolve_reason,omitempty"`
}

// IncidentType names an incident's type, such as "major".
type IncidentType struct {
	Name string `json:"name"`
}

// ConferenceBridge is the conference call attached to an incident.
type ConferenceBridge struct {
	// ConferenceNumber is a dial string, such as "+1 555-0100,,123456#".
	ConferenceNumber string `json:"conference_number,omitempty"`
	ConferenceURL    string `json:"conference_url,omitempty"`
}

// ResolveReason tells why an incident was resolved. Type is
// "merge_resolve_reason" and Incident is the incident it was merged into.
type ResolveReason struct {
	Type     string     `json:"type"`
	Incident *Reference `json:"incident,omitempty"`
}

// IncidentNote is the data of [IncidentAnnotated]: a note added to an incident.
type IncidentNote struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	Incident Reference `json:"incident"`
	Content  string    `json:"content"`
	// Trimmed reports that PagerDuty shortened Content to fit the webhook; read
	// the note through the REST API for the full text.
	Trimmed bool `json:"trimmed"`
}

// IncidentStatusUpdate is the data of [IncidentStatusUpdatePublished].
type IncidentStatusUpdate struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	Incident Reference `json:"incident"`
	Message  string    `json:"message"`
	// Trimmed reports that PagerDuty shortened Message to fit the webhook.
	Trimmed bool `json:"trimmed"`
}

// IncidentResponder is the data of [IncidentResponderAdded] and
// [IncidentResponderReplied]: a request for someone to join an incident.
type IncidentResponder struct {
	Type     string    `json:"type"`
	Incident Reference `json:"incident"`
	// User is the person asked to respond, when a user was requested.
	User *Reference `json:"user,omitempty"`
	// EscalationPolicy is set when an escalation policy was requested.
	EscalationPolicy *Reference `json:"escalation_policy,omitempty"`
	// Message is the requester's message to the responder.
	Message string `json:"message,omitempty"`
	// State is "pending" until the responder answers, then "joined",
	// "declined" or "user_cancelled".
	State string `json:"state"`
}

// IncidentConferenceBridge is the data of [IncidentConferenceBridgeUpdated].
type IncidentConferenceBridge struct {
	Type              string             `json:"type"`
	Incident          Reference          `json:"incident"`
	ConferenceNumbers []ConferenceNumber `json:"conference_numbers,omitempty"`
	ConferenceURL     string             `json:"conference_url,omitempty"`
}

// ConferenceNumber is one dial-in number of a conference bridge.
type ConferenceNumber struct {
	Label  string `json:"label,omitempty"`
	Number string `json:"number"`
}

// IncidentFieldValues is the data of [IncidentCustomFieldValuesUpdated]:
// every custom field of the incident, and those that changed (with their new
// values).
type IncidentFieldValues struct {
	Type                string       `json:"type"`
	Incident            Reference    `json:"incident"`
	CustomFields        []FieldValue `json:"custom_fields"`
	ChangedCustomFields []FieldValue `json:"changed_custom_fields"`
}

// FieldValue is the value of one custom field.
type FieldValue struct {
	ID        string `json:"id"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	// DataType is the type of the values: "string", "integer", "float",
	// "boolean", "datetime" or "url".
	DataType string `json:"data_type"`
	// FieldType is "single_value", "single_value_fixed", "multi_value" or
	// "multi_value_fixed". Multi-value fields hold a JSON array.
	FieldType string `json:"field_type"`
	// Value is the JSON value as sent: a scalar, an array for multi-value
	// fields, or null. Unmarshal it into the Go type DataType calls for.
	Value json.RawMessage `json:"value"`
}

// IncidentWorkflowInstance is the data of [IncidentWorkflowStarted] and
// [IncidentWorkflowCompleted]: one run of an incident workflow.
type IncidentWorkflowInstance struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	// IncidentWorkflow is the workflow that runs.
	IncidentWorkflow *Reference `json:"incident_workflow,omitempty"`
	// WorkflowTrigger is the trigger that started the run.
	WorkflowTrigger *Reference `json:"workflow_trigger,omitempty"`
	Incident        *Reference `json:"incident,omitempty"`
	Service         *Reference `json:"service,omitempty"`
}

// Service is the data of [ServiceCreated], [ServiceUpdated] and
// [ServiceDeleted].
type Service struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
	// AlertCreation is "create_alerts_and_incidents" or "create_incidents".
	AlertCreation string      `json:"alert_creation,omitempty"`
	Teams         []Reference `json:"teams,omitempty"`
}

// Ping is the data of [PageyPing], the test event.
type Ping struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}
