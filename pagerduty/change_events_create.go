package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pdkit/pdkit/internal/eventrules"
)

// Limits of a change event sent with ChangeEventsService.Create, checked
// before anything is sent.
const (
	// MaxChangeSummaryLength is the longest summary of a change event, in
	// characters.
	MaxChangeSummaryLength = 1024
	// MaxChangeEventSize is the largest encoded change event, in bytes
	// (512 KiB), that PagerDuty accepts.
	MaxChangeEventSize = 512 << 10
)

// changeTimeLayout is RFC 3339 with milliseconds, the form PagerDuty's
// change events use.
const changeTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// CreateChangeEventParams is a change event to send through the REST API:
// a deploy, a configuration change, a migration. It carries the same fields
// as the Events API's change event (events.ChangeEvent).
type CreateChangeEventParams struct {
	// RoutingKey is the integration key of the Events API v2 (or change
	// events) integration that receives the event, which decides the
	// service it is shown on. Required. It is a secret: it is sent only in
	// the request body and never appears in an error.
	RoutingKey string
	// Summary says what changed. Required, 1 to MaxChangeSummaryLength
	// characters.
	Summary string
	// Source is where the change happened or what made it (a build agent,
	// a repository). Optional.
	Source string
	// Timestamp is when the change happened, sent in RFC 3339. The zero
	// time is not sent, and PagerDuty then uses the time it received the
	// event.
	Timestamp time.Time
	// CustomDetails holds any further facts (build number, commit,
	// author). Nil sends none.
	CustomDetails map[string]any
	// Links are shown with the event; each needs an absolute http or https
	// Href.
	Links []ChangeEventLink
	// Images are shown with the event; each needs an absolute https Src,
	// and an optional http or https Href to link to.
	Images []ChangeEventImage
}

type wireChangeEvent struct {
	RoutingKey string             `json:"routing_key"`
	Payload    wireChangePayload  `json:"payload"`
	Links      []ChangeEventLink  `json:"links,omitempty"`
	Images     []ChangeEventImage `json:"images,omitempty"`
}

type wireChangePayload struct {
	Summary       string         `json:"summary"`
	Timestamp     string         `json:"timestamp,omitempty"`
	Source        string         `json:"source,omitempty"`
	CustomDetails map[string]any `json:"custom_details,omitempty"`
}

// Create sends the change event p through POST /change_events, the REST
// API's entry point for change events. PagerDuty answers 202 Accepted and
// processes the event afterwards, so Create returns nil once it is
// accepted; the event then appears in List and ListForService.
//
// The event is checked first (routing key, summary, links, images, size)
// and nothing is sent when a check fails; the error names the field, what
// was wrong and what is accepted. A change event is not deduplicated, so a
// failed send is not retried once it may have reached PagerDuty (see
// UnknownOutcomeError).
//
// The Events API takes the same event at /v2/change/enqueue: use
// events.Client.SendChange (package pagerduty/events) there, for example to
// send with only an integration key and no REST API credential.
func (s *ChangeEventsService) Create(ctx context.Context, p *CreateChangeEventParams) error {
	body, err := p.encode()
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "POST", path: "/change_events", raw: body, contentType: "application/json"}, nil)
}

// encode validates p and returns its request body.
func (p *CreateChangeEventParams) encode() ([]byte, error) {
	if p == nil {
		return nil, required("params", "a change event with at least a RoutingKey and a Summary")
	}
	if err := checkRoutingKey(p.RoutingKey); err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Summary) == "" {
		return nil, required("Summary", fmt.Sprintf("what changed, 1 to %d characters", MaxChangeSummaryLength))
	}
	if n := utf8.RuneCountInString(p.Summary); n > MaxChangeSummaryLength {
		return nil, fmt.Errorf("pagerduty: Summary is %d characters long; at most %d are accepted", n, MaxChangeSummaryLength)
	}
	for i, l := range p.Links {
		if err := checkChangeURL(fmt.Sprintf("Links[%d].Href", i), l.Href, false); err != nil {
			return nil, err
		}
	}
	for i, im := range p.Images {
		if err := checkChangeURL(fmt.Sprintf("Images[%d].Src", i), im.Src, true); err != nil {
			return nil, err
		}
		if im.Href != "" {
			if err := checkChangeURL(fmt.Sprintf("Images[%d].Href", i), im.Href, false); err != nil {
				return nil, err
			}
		}
	}
	w := wireChangeEvent{
		RoutingKey: p.RoutingKey,
		Payload: wireChangePayload{
			Summary:       p.Summary,
			Source:        p.Source,
			CustomDetails: p.CustomDetails,
		},
		Links:  p.Links,
		Images: p.Images,
	}
	if !p.Timestamp.IsZero() {
		w.Payload.Timestamp = p.Timestamp.Format(changeTimeLayout)
	}
	b, err := json.Marshal(w)
	if err != nil {
		// Only the custom details can fail to encode.
		return nil, fmt.Errorf("pagerduty: CustomDetails cannot be encoded as JSON (use strings, numbers, booleans, slices and maps with string keys): %w", err)
	}
	if len(b) > MaxChangeEventSize {
		return nil, fmt.Errorf("pagerduty: the change event encodes to %d bytes; PagerDuty accepts at most %d (trim CustomDetails)", len(b), MaxChangeEventSize)
	}
	return b, nil
}

// checkRoutingKey checks a routing key's presence and shape without ever
// quoting it. PagerDuty publishes no format beyond "the integration key"
// (32 characters today), so only what can never be one is refused
// (eventrules, shared with the events package).
func checkRoutingKey(k string) error {
	const hint = "the 32-character integration key of an Events API v2 integration of the service"
	if k == "" {
		return required("RoutingKey", hint)
	}
	if !eventrules.RoutingKeyShapeOK(k) {
		return fmt.Errorf("pagerduty: RoutingKey contains a space, a control or a non-ASCII character; want %s (check for a stray newline or quote)", hint)
	}
	return nil
}

// checkChangeURL accepts absolute http and https URLs, or only https ones.
func checkChangeURL(field, raw string, httpsOnly bool) error {
	want := "an absolute http or https URL"
	if httpsOnly {
		want = "an absolute https URL (PagerDuty shows only images served over HTTPS)"
	}
	if raw == "" {
		return required(field, want)
	}
	if !eventrules.URLOK(raw, httpsOnly) {
		return fmt.Errorf("pagerduty: %s %q is not %s", field, truncate(raw, 64), want)
	}
	return nil
}
