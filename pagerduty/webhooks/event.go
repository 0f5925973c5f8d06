package webhooks

import (
	"bytes"
	"encoding/json"
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
	// eventWire has no UnmarshalJSON method, so the body is scanned once for
	// the envelope instead of once more per nested decoder.
	var p struct {
		Event *eventWire `json:"event"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	if p.Event == nil {
		return nil, fmt.Errorf(`%w: no "event" object`, ErrMalformedPayload)
	}
	ev := new(Event)
	if err := ev.fromWire(p.Event); err != nil {
		return nil, err
	}
	return ev, nil
}

// eventWire is Event without its UnmarshalJSON method.
type eventWire Event

// UnmarshalJSON decodes one event object (the value of a payload's "event"
// field) and its typed data. See [DecodeEvent] for the errors.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w eventWire
	if err := json.Unmarshal(b, &w); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	return e.fromWire(&w)
}

// fromWire checks a decoded event, decodes its data and stores it in e.
func (e *Event) fromWire(w *eventWire) error {
	if w.EventType == "" {
		return fmt.Errorf("%w: the event has no event_type", ErrMalformedPayload)
	}
	data, err := decodeData(w.EventType, w.RawData)
	if err != nil {
		return err
	}
	*e = Event(*w)
	e.Data = data
	return nil
}

// decodeData decodes raw into the Go type named by its type field. For
// documented event types it decodes straight into the documented type and
// only looks again when the type field says otherwise; for other event types
// it reads the type field first.
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
	if documented == "" {
		return decodeDataAs(et, peekType(trimmed), trimmed)
	}
	v := newData(documented)
	if err := json.Unmarshal(trimmed, v); err != nil {
		// The data may be of another type than documented, with another shape.
		if t := peekType(trimmed); t != "" && t != documented {
			return decodeDataAs(et, t, trimmed)
		}
		return nil, fmt.Errorf("%w: event %s: data of type %q: %w", ErrMalformedPayload, et, documented, err)
	}
	if t := dataTypeField(v); t != "" && t != documented {
		return decodeDataAs(et, t, trimmed)
	}
	return v, nil
}

// decodeDataAs decodes data of type dt, or returns nil for unknown types.
func decodeDataAs(et EventType, dt string, data []byte) (any, error) {
	v := newData(dt)
	if v == nil {
		return nil, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return nil, fmt.Errorf("%w: event %s: data of type %q: %w", ErrMalformedPayload, et, dt, err)
	}
	return v, nil
}

// peekType returns the string type field of a JSON object, or "".
func peekType(data []byte) string {
	var head struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(data, &head) // a non-string type reads as ""
	return head.Type
}

// newData returns a pointer to a new value of the Go type for data type dt,
// or nil when dt is unknown.
func newData(dt string) any {
	switch dt {
	case DataIncident:
		return new(Incident)
	case DataIncidentNote:
		return new(IncidentNote)
	case DataIncidentStatusUpdate:
		return new(IncidentStatusUpdate)
	case DataIncidentResponder:
		return new(IncidentResponder)
	case DataIncidentConferenceBridge:
		return new(IncidentConferenceBridge)
	case DataIncidentFieldValues:
		return new(IncidentFieldValues)
	case DataIncidentWorkflowInstance:
		return new(IncidentWorkflowInstance)
	case DataService:
		return new(Service)
	case DataPing:
		return new(Ping)
	}
	return nil
}

// dataTypeField returns the Type field of a value made by newData.
func dataTypeField(v any) string {
	switch d := v.(type) {
	case *Incident:
		return d.Type
	case *IncidentNote:
		return d.Type
	case *IncidentStatusUpdate:
		return d.Type
	case *IncidentResponder:
		return d.Type
	case *IncidentConferenceBridge:
		return d.Type
	case *IncidentFieldValues:
		return d.Type
	case *IncidentWorkflowInstance:
		return d.Type
	case *Service:
		return d.Type
	case *Ping:
		return d.Type
	}
	return ""
}
