package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// The request bodies as the Events API spells them. They are kept apart from
// Event and ChangeEvent so that the routing key is encoded for real only
// here, and so that empty optional fields are left out.

type wireEvent struct {
	RoutingKey  string       `json:"routing_key"`
	EventAction Action       `json:"event_action"`
	DedupKey    string       `json:"dedup_key,omitempty"`
	Payload     *wirePayload `json:"payload,omitempty"`
	Client      string       `json:"client,omitempty"`
	ClientURL   string       `json:"client_url,omitempty"`
	Links       []wireLink   `json:"links,omitempty"`
	Images      []wireImage  `json:"images,omitempty"`
}

type wirePayload struct {
	Summary       string          `json:"summary"`
	Source        string          `json:"source"`
	Severity      Severity        `json:"severity"`
	Timestamp     string          `json:"timestamp,omitempty"`
	Component     string          `json:"component,omitempty"`
	Group         string          `json:"group,omitempty"`
	Class         string          `json:"class,omitempty"`
	CustomDetails json.RawMessage `json:"custom_details,omitempty"`
}

type wireChange struct {
	RoutingKey string            `json:"routing_key"`
	Payload    wireChangePayload `json:"payload"`
	Links      []wireLink        `json:"links,omitempty"`
	Images     []wireImage       `json:"images,omitempty"`
}

type wireChangePayload struct {
	Summary       string          `json:"summary"`
	Source        string          `json:"source,omitempty"`
	Timestamp     string          `json:"timestamp,omitempty"`
	CustomDetails json.RawMessage `json:"custom_details,omitempty"`
}

type wireLink struct {
	Href string `json:"href"`
	Text string `json:"text,omitempty"`
}

type wireImage struct {
	Src  string `json:"src"`
	Href string `json:"href,omitempty"`
	Alt  string `json:"alt,omitempty"`
}

// wireResponse is the answer to an accepted event and, with Errors, to a
// refused one.
type wireResponse struct {
	Status   string   `json:"status"`
	Message  string   `json:"message"`
	DedupKey string   `json:"dedup_key"`
	Errors   []string `json:"errors"`
}

// timestampLayout is RFC 3339 with milliseconds, as the API's examples use.
const timestampLayout = "2006-01-02T15:04:05.000Z07:00"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(timestampLayout)
}

// encodeEvent validates ev and returns its request body.
func encodeEvent(ev Event) ([]byte, error) {
	if err := checkEvent(ev); err != nil {
		return nil, err
	}
	w := wireEvent{
		RoutingKey:  string(ev.RoutingKey),
		EventAction: ev.Action,
		DedupKey:    ev.DedupKey,
		Links:       wireLinks(ev.Links),
		Images:      wireImages(ev.Images),
	}
	if ev.Action == Trigger {
		details, err := encodeDetails("Payload.CustomDetails", ev.Payload.CustomDetails)
		if err != nil {
			return nil, err
		}
		p := ev.Payload
		w.Payload = &wirePayload{
			Summary:       p.Summary,
			Source:        p.Source,
			Severity:      p.Severity,
			Timestamp:     formatTime(p.Timestamp),
			Component:     p.Component,
			Group:         p.Group,
			Class:         p.Class,
			CustomDetails: details,
		}
		w.Client, w.ClientURL = ev.Client, ev.ClientURL
	}
	return marshalBody(w, "Payload.CustomDetails")
}

// encodeChange validates ce and returns its request body.
func encodeChange(ce ChangeEvent) ([]byte, error) {
	if err := checkChange(ce); err != nil {
		return nil, err
	}
	details, err := encodeDetails("CustomDetails", ce.CustomDetails)
	if err != nil {
		return nil, err
	}
	w := wireChange{
		RoutingKey: string(ce.RoutingKey),
		Payload: wireChangePayload{
			Summary:       ce.Summary,
			Source:        ce.Source,
			Timestamp:     formatTime(ce.Timestamp),
			CustomDetails: details,
		},
		Links:  wireLinks(ce.Links),
		Images: wireImages(ce.Images),
	}
	return marshalBody(w, "CustomDetails")
}

// encodeDetails encodes custom details, which the API wants as a JSON object.
func encodeDetails(field string, v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, &ValidationError{Field: field, Problem: "cannot be encoded as JSON: " + err.Error()}
	}
	if bytes.Equal(b, []byte("null")) {
		return nil, nil
	}
	if len(b) == 0 || b[0] != '{' {
		return nil, invalid(field, "is a %T, which encodes to JSON %s; the Events API accepts a JSON object: use a map with string keys or a struct", v, jsonKind(b[0]))
	}
	return b, nil
}

func jsonKind(first byte) string {
	switch first {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	}
	return "number"
}

// marshalBody encodes a request body and checks its size against the API's
// limit; bigField names the field most likely to blame.
func marshalBody(w any, bigField string) ([]byte, error) {
	b, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("events: encoding the event: %w", err)
	}
	if len(b) > MaxEventSize {
		return nil, invalid(bigField, "makes the event %d bytes long; the Events API accepts at most %d bytes (512 KiB): send less detail", len(b), MaxEventSize)
	}
	return b, nil
}

func wireLinks(ls []Link) []wireLink {
	if len(ls) == 0 {
		return nil
	}
	out := make([]wireLink, len(ls))
	for i, l := range ls {
		out[i] = wireLink(l)
	}
	return out
}

func wireImages(is []Image) []wireImage {
	if len(is) == 0 {
		return nil
	}
	out := make([]wireImage, len(is))
	for i, im := range is {
		out[i] = wireImage(im)
	}
	return out
}
