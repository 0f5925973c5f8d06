package webhooks

// EventType names what happened, such as "incident.triggered". It is the
// event_type field of a webhook v3 event and the name a webhook subscription
// lists in its events. PagerDuty adds event types over time; an event of a
// type not listed here still decodes, with its data left raw.
type EventType string

// Incident event types. The data of each is an [*Incident] unless noted.
const (
	// IncidentAcknowledged: a responder acknowledged the incident.
	IncidentAcknowledged EventType = "incident.acknowledged"
	// IncidentAnnotated: a note was added to the incident; data is an [*IncidentNote].
	IncidentAnnotated EventType = "incident.annotated"
	// IncidentConferenceBridgeUpdated: the incident's conference number or URL
	// changed; data is an [*IncidentConferenceBridge].
	IncidentConferenceBridgeUpdated EventType = "incident.conference_bridge.updated"
	// IncidentCustomFieldValuesUpdated: custom field values of the incident
	// changed; data is an [*IncidentFieldValues].
	IncidentCustomFieldValuesUpdated EventType = "incident.custom_field_values.updated"
	// IncidentDelegated: the incident was handed to another escalation policy.
	IncidentDelegated EventType = "incident.delegated"
	// IncidentEscalated: the incident moved to another user on the same
	// escalation level.
	IncidentEscalated EventType = "incident.escalated"
	// IncidentTypeChanged: the incident's incident type changed.
	IncidentTypeChanged EventType = "incident.incident_type.changed"
	// IncidentPriorityUpdated: the incident's priority changed.
	IncidentPriorityUpdated EventType = "incident.priority_updated"
	// IncidentReassigned: the incident was reassigned to another user.
	IncidentReassigned EventType = "incident.reassigned"
	// IncidentReopened: a resolved incident was reopened.
	IncidentReopened EventType = "incident.reopened"
	// IncidentResolved: the incident was resolved.
	IncidentResolved EventType = "incident.resolved"
	// IncidentResponderAdded: someone was asked to respond; data is an
	// [*IncidentResponder].
	IncidentResponderAdded EventType = "incident.responder.added"
	// IncidentResponderReplied: a requested responder answered; data is an
	// [*IncidentResponder].
	IncidentResponderReplied EventType = "incident.responder.replied"
	// IncidentServiceUpdated: the incident moved to another service. Not to be
	// confused with ServiceUpdated.
	IncidentServiceUpdated EventType = "incident.service_updated"
	// IncidentStatusUpdatePublished: a status update was published on the
	// incident; data is an [*IncidentStatusUpdate].
	IncidentStatusUpdatePublished EventType = "incident.status_update_published"
	// IncidentTriggered: a new incident was opened.
	IncidentTriggered EventType = "incident.triggered"
	// IncidentUnacknowledged: an acknowledgement ran out or was withdrawn.
	IncidentUnacknowledged EventType = "incident.unacknowledged"
	// IncidentWorkflowStarted: an incident workflow started; data is an
	// [*IncidentWorkflowInstance].
	IncidentWorkflowStarted EventType = "incident.workflow.started"
	// IncidentWorkflowCompleted: an incident workflow finished; data is an
	// [*IncidentWorkflowInstance].
	IncidentWorkflowCompleted EventType = "incident.workflow.completed"
)

// Service event types. The data of each is a [*Service].
const (
	// ServiceCreated: a service was created.
	ServiceCreated EventType = "service.created"
	// ServiceDeleted: a service was deleted.
	ServiceDeleted EventType = "service.deleted"
	// ServiceUpdated: a service's settings changed.
	ServiceUpdated EventType = "service.updated"
)

// PageyPing is the test event PagerDuty sends when a subscription is pinged
// (from the web app or the API). Subscriptions cannot list it, yet every
// endpoint receives it.
const PageyPing EventType = "pagey.ping"

// Early Access event types. PagerDuty may change or withdraw them without
// notice; their data is not decoded into a Go type and stays in
// [Event.RawData].
const (
	// IncidentActionInvocationCreated: an automation action was invoked on an incident.
	IncidentActionInvocationCreated EventType = "incident.action_invocation.created"
	// IncidentActionInvocationUpdated: an automation action invocation changed state.
	IncidentActionInvocationUpdated EventType = "incident.action_invocation.updated"
	// IncidentActionInvocationTerminated: an automation action invocation ended.
	IncidentActionInvocationTerminated EventType = "incident.action_invocation.terminated"
	// IncidentTaskCreated: a task was added to an incident.
	IncidentTaskCreated EventType = "incident.task.created"
	// IncidentTaskUpdated: an incident task changed.
	IncidentTaskUpdated EventType = "incident.task.updated"
	// IncidentTaskCompleted: an incident task was completed.
	IncidentTaskCompleted EventType = "incident.task.completed"
	// IncidentRoleAssigned: an incident role was assigned or unassigned.
	IncidentRoleAssigned EventType = "incident.role.assigned"
	// ServiceCustomFieldValuesUpdated: custom field values of a service changed.
	ServiceCustomFieldValuesUpdated EventType = "service.custom_field_values.updated"
)

// Resource types: the resource_type field of an event.
const (
	ResourceIncident = "incident"
	ResourceService  = "service"
	ResourcePagey    = "pagey"
)

// Data types: the type field of an event's data, which decides the Go type
// of [Event.Data].
const (
	DataIncident                 = "incident"                   // *Incident
	DataIncidentNote             = "incident_note"              // *IncidentNote
	DataIncidentStatusUpdate     = "incident_status_update"     // *IncidentStatusUpdate
	DataIncidentResponder        = "incident_responder"         // *IncidentResponder
	DataIncidentConferenceBridge = "incident_conference_bridge" // *IncidentConferenceBridge
	DataIncidentFieldValues      = "incident_field_values"      // *IncidentFieldValues
	DataIncidentWorkflowInstance = "incident_workflow_instance" // *IncidentWorkflowInstance
	DataService                  = "service"                    // *Service
	DataPing                     = "ping"                       // *Ping
)

// documentedDataType returns the data type PagerDuty documents for a
// generally available event type, or "" for any other type. It is used when
// an event's data carries no type field.
func documentedDataType(t EventType) string {
	switch t {
	case IncidentAcknowledged, IncidentDelegated, IncidentEscalated, IncidentTypeChanged,
		IncidentPriorityUpdated, IncidentReassigned, IncidentReopened, IncidentResolved,
		IncidentServiceUpdated, IncidentTriggered, IncidentUnacknowledged:
		return DataIncident
	case IncidentAnnotated:
		return DataIncidentNote
	case IncidentConferenceBridgeUpdated:
		return DataIncidentConferenceBridge
	case IncidentCustomFieldValuesUpdated:
		return DataIncidentFieldValues
	case IncidentResponderAdded, IncidentResponderReplied:
		return DataIncidentResponder
	case IncidentStatusUpdatePublished:
		return DataIncidentStatusUpdate
	case IncidentWorkflowStarted, IncidentWorkflowCompleted:
		return DataIncidentWorkflowInstance
	case ServiceCreated, ServiceDeleted, ServiceUpdated:
		return DataService
	case PageyPing:
		return DataPing
	}
	return ""
}

// EventTypes returns the generally available event types this package knows,
// in the order PagerDuty documents them (pagey.ping last). A webhook
// subscription can list any of them except PageyPing.
func EventTypes() []EventType {
	return []EventType{
		IncidentAcknowledged, IncidentAnnotated, IncidentConferenceBridgeUpdated,
		IncidentCustomFieldValuesUpdated, IncidentDelegated, IncidentEscalated,
		IncidentTypeChanged, IncidentPriorityUpdated, IncidentReassigned,
		IncidentReopened, IncidentResolved, IncidentResponderAdded,
		IncidentResponderReplied, IncidentServiceUpdated, IncidentStatusUpdatePublished,
		IncidentTriggered, IncidentUnacknowledged, IncidentWorkflowStarted,
		IncidentWorkflowCompleted, ServiceCreated, ServiceDeleted, ServiceUpdated,
		PageyPing,
	}
}

// Known reports whether t is a generally available event type whose data
// this package decodes into a Go type.
func (t EventType) Known() bool {
	return documentedDataType(t) != ""
}

// String returns t as PagerDuty spells it.
func (t EventType) String() string { return string(t) }
