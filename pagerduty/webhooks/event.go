package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Payload is the body of a webhook v3 delivery: a single event.
type Payload struct {
	Event *Event `json:"event"`
}

// Event is one webhook v3 event: what happened (EventType), to which kind of
// resource, when, who did it, and the resource's data.
//
// Data holds the event's data decoded into the Go type its type field names
// (see the Data* constants): one of [*Incident], [*IncidentNote],
// [*IncidentStatusUpdate], [*IncidentResponder], [*IncidentConferenceBridge],
// [*IncidentFieldValues], [*IncidentWorkflowInstance], [*Service] or
// [*Ping]. For data of any other type Data is nil. RawData always holds the
// data exactly as received, so events this package does not know can still be
// read.
type Event struct {
	// ID identifies the event.
	ID string `json:"id"`
	// EventType says what happened, such as [IncidentTriggered].
	EventType EventType `json:"event_type"`
	// ResourceType is the kind of resource affected: [ResourceIncident],
	// [ResourceService] or [ResourcePagey].
	ResourceType string `json:"resource_type"`
	// OccurredAt is when the change happened.
	OccurredAt time.Time `json:"occurred_at"`
	// Agent is who or what made the change, such as a user or a service
	// (through an integration). It is nil when PagerDuty sends none.
	Agent *Reference `json:"agent"`
	// Client is where the change was made from. It is nil when PagerDuty
	// sends none.
	Client *Client `json:"client"`
	// RawData is the event's data exactly as received.
	RawData json.RawMessage `json:"data"`
	// Data is RawData decoded into a Go type, or nil for unknown data types.
	Data any `json:"-"`
}

// DecodeEvent decodes the body of a webhook v3 delivery. It does not check the
// signature: verify the request first (see [Verifier]), or use [NewHandler],
// which does both.
//
// Errors wrap [ErrMalformedPayload]: the body is not JSON, has no "event"
// object, the event has no event_type, or its data does not fit the shape of
// its (known) data type. Data of unknown types is never an error.
func DecodeEvent(body []byte) (*Event, error) {
	var p Payload
	if err := json.Unmarshal(body, &p); err != nil {
		if errors.Is(err, ErrMalformedPayload) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	if p.Event == nil {
		return nil, fmt.Errorf(`%w: no "event" object`, ErrMalformedPayload)
	}
	return p.Event, nil
}

// UnmarshalJSON decodes one event object (the value of a payload's "event"
// field) and its typed data. See [DecodeEvent] for the errors.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event // plain has Event's fields but not this method
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	if p.EventType == "" {
		return fmt.Errorf("%w: the event has no event_type", ErrMalformedPayload)
	}
	data, err := decodeData(p.EventType, p.RawData)
	if err != nil {
		return err
	}
	*e = Event(p)
	e.Data = data
	return nil
}

// decodeData decodes raw into the Go type named by its type field or, when it
// has none, by the type PagerDuty documents for the event type.
func decodeData(et EventType, raw json.RawMessage) (any, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	documented := documentedDataType(et)
	if trimmed[0] != '{' {
		if documented != "" {
			return nil, fmt.Errorf("%w: event %s: data must be a JSON object", ErrMalformedPayload, et)
		}
		return nil, nil
	}
	var head struct {
		Type string `json:"type"`
	}
	// A type field that is not a string leaves head.Type empty; the
	// documented type then decides.
	_ = json.Unmarshal(trimmed, &head)
	dt := head.Type
	if dt == "" {
		dt = documented
	}
	var v any
	switch dt {
	case DataIncident:
		v = new(Incident)
	case DataIncidentNote:
		v = new(IncidentNote)
	case DataIncidentStatusUpdate:
		v = new(IncidentStatusUpdate)
	case DataIncidentResponder:
		v = new(IncidentResponder)
	case DataIncidentConferenceBridge:
		v = new(IncidentConferenceBridge)
	case DataIncidentFieldValues:
		v = new(IncidentFieldValues)
	case DataIncidentWorkflowInstance:
		v = new(IncidentWorkflowInstance)
	case DataService:
		v = new(Service)
	case DataPing:
		v = new(Ping)
	default:
		return nil, nil
	}
	if err := json.Unmarshal(trimmed, v); err != nil {
		return nil, fmt.Errorf("%w: event %s: data of type %q: %w", ErrMalformedPayload, et, dt, err)
	}
	return v, nil
}
