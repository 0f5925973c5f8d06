package webhooks

import "encoding/json"

// Incident returns the event's data when it is an incident, as for
// [IncidentTriggered] or [IncidentResolved].
func (e *Event) Incident() (*Incident, bool) { return dataAs[*Incident](e) }

// Note returns the event's data when it is an incident note ([IncidentAnnotated]).
func (e *Event) Note() (*IncidentNote, bool) { return dataAs[*IncidentNote](e) }

// StatusUpdate returns the event's data when it is an incident status update
// ([IncidentStatusUpdatePublished]).
func (e *Event) StatusUpdate() (*IncidentStatusUpdate, bool) {
	return dataAs[*IncidentStatusUpdate](e)
}

// Responder returns the event's data when it is a responder request
// ([IncidentResponderAdded], [IncidentResponderReplied]).
func (e *Event) Responder() (*IncidentResponder, bool) { return dataAs[*IncidentResponder](e) }

// ConferenceBridge returns the event's data when it is an incident's
// conference bridge ([IncidentConferenceBridgeUpdated]).
func (e *Event) ConferenceBridge() (*IncidentConferenceBridge, bool) {
	return dataAs[*IncidentConferenceBridge](e)
}

// FieldValues returns the event's data when it is an incident's custom field
// values ([IncidentCustomFieldValuesUpdated]).
func (e *Event) FieldValues() (*IncidentFieldValues, bool) {
	return dataAs[*IncidentFieldValues](e)
}

// WorkflowInstance returns the event's data when it is an incident workflow
// run ([IncidentWorkflowStarted], [IncidentWorkflowCompleted]).
func (e *Event) WorkflowInstance() (*IncidentWorkflowInstance, bool) {
	return dataAs[*IncidentWorkflowInstance](e)
}

// Service returns the event's data when it is a service ([ServiceCreated],
// [ServiceUpdated], [ServiceDeleted]).
func (e *Event) Service() (*Service, bool) { return dataAs[*Service](e) }

// Ping returns the event's data when it is the test event ([PageyPing]).
func (e *Event) Ping() (*Ping, bool) { return dataAs[*Ping](e) }

func dataAs[T any](e *Event) (T, bool) {
	var zero T
	if e == nil {
		return zero, false
	}
	v, ok := e.Data.(T)
	return v, ok
}

// IncidentID returns the ID of the incident the event is about, or "" when it
// is not about an incident. It reads the incident's own data or the incident
// reference carried by notes, responders, status updates and the other
// incident data types, including those of event types this package does not
// decode.
func (e *Event) IncidentID() string {
	if e == nil {
		return ""
	}
	switch d := e.Data.(type) {
	case *Incident:
		return d.ID
	case *IncidentNote:
		return d.Incident.ID
	case *IncidentStatusUpdate:
		return d.Incident.ID
	case *IncidentResponder:
		return d.Incident.ID
	case *IncidentConferenceBridge:
		return d.Incident.ID
	case *IncidentFieldValues:
		return d.Incident.ID
	case *IncidentWorkflowInstance:
		if d.Incident != nil {
			return d.Incident.ID
		}
		return ""
	case nil:
		var raw struct {
			Incident *struct {
				ID string `json:"id"`
			} `json:"incident"`
		}
		if json.Unmarshal(e.RawData, &raw) == nil && raw.Incident != nil {
			return raw.Incident.ID
		}
	}
	return ""
}
