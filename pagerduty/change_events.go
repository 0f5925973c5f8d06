package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"
)

// ChangeEventsService sends, reads and updates change events: deploys,
// configuration changes and other changes that may explain an incident.
//
// Create sends one through the REST API (POST /change_events), with the
// client's credential. The Events API takes the same event with only an
// integration key: see events.Client.SendChange (package pagerduty/events).
type ChangeEventsService service

// ChangeEvent is a change to a system (a deploy, a configuration change, a
// migration) that PagerDuty shows beside the incidents of its services.
type ChangeEvent struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// Timestamp is when the change happened.
	Timestamp time.Time `json:"timestamp,omitzero"`
	// Services are the services the change was sent to.
	Services []Reference `json:"services,omitempty"`
	// Integration is the integration it arrived through.
	Integration *Reference `json:"integration,omitempty"`
	// Source names the system where the change happened.
	Source        string             `json:"source,omitempty"`
	Links         []ChangeEventLink  `json:"links,omitempty"`
	Images        []ChangeEventImage `json:"images,omitempty"`
	CustomDetails map[string]any     `json:"custom_details,omitempty"`
	// CorrelationReason says why a change is listed with an incident
	// (ChangeEventsService.ListForIncident only).
	CorrelationReason *CorrelationReason `json:"correlation_reason,omitempty"`
}

// ChangeEventLink is a link attached to a change event.
type ChangeEventLink struct {
	Href string `json:"href"`
	Text string `json:"text,omitempty"`
}

// ChangeEventImage is an image attached to a change event.
type ChangeEventImage struct {
	Src  string `json:"src"`
	Href string `json:"href,omitempty"`
	Alt  string `json:"alt,omitempty"`
}

// CorrelationReason says why a change event is related to an incident:
// "most_recent", "related_service" or "intelligent".
type CorrelationReason struct {
	Reason string `json:"reason"`
}

// ListChangeEventsOptions filters and pages a change event listing.
type ListChangeEventsOptions struct {
	ListOptions
	// Since and Until bound the events' time.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TeamIDs and IntegrationIDs keep events of these teams and
	// integrations.
	TeamIDs        []string `url:"team_ids[]"`
	IntegrationIDs []string `url:"integration_ids[]"`
}

func (o *ListChangeEventsOptions) query() (url.Values, ListOptions, error) {
	q := url.Values{}
	if o == nil {
		return q, ListOptions{}, nil
	}
	if err := o.ListOptions.validate(); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("IntegrationIDs", o.IntegrationIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkSinceUntil(o.Since, o.Until); err != nil {
		return nil, ListOptions{}, err
	}
	encodeQuery(q, o)
	stripPaging(q)
	return q, o.ListOptions, nil
}

// List streams the account's change events that match opts, newest first.
// Breaking out of the loop stops fetching.
//
// OAuth scope change_events.read.
func (s *ChangeEventsService) List(ctx context.Context, opts *ListChangeEventsOptions) iter.Seq2[ChangeEvent, error] {
	return offsetSeqAt[ChangeEvent](ctx, s.client, "/change_events", "change_events", opts.query)
}

// ListPage returns one page of the account's change events that match
// opts, with the pagination facts.
//
// OAuth scope change_events.read.
func (s *ChangeEventsService) ListPage(ctx context.Context, opts *ListChangeEventsOptions) (*Page[ChangeEvent], error) {
	return offsetPageAt[ChangeEvent](ctx, s.client, "/change_events", "change_events", opts.query)
}

// ListForService streams the change events of the service serviceID that
// match opts, newest first.
//
// OAuth scope services.read.
func (s *ChangeEventsService) ListForService(ctx context.Context, serviceID string, opts *ListChangeEventsOptions) iter.Seq2[ChangeEvent, error] {
	return offsetSeqAt[ChangeEvent](ctx, s.client, "/services/{id}/change_events", "change_events", opts.query, serviceID)
}

// ListForServicePage returns one page of the change events of the service
// serviceID, with the pagination facts.
//
// OAuth scope services.read.
func (s *ChangeEventsService) ListForServicePage(ctx context.Context, serviceID string, opts *ListChangeEventsOptions) (*Page[ChangeEvent], error) {
	return offsetPageAt[ChangeEvent](ctx, s.client, "/services/{id}/change_events", "change_events", opts.query, serviceID)
}

// RelatedChangeEventsOptions limits the change events related to an
// incident.
type RelatedChangeEventsOptions struct {
	// Limit caps how many are returned, 1 to 100 (zero: the API's
	// default).
	Limit int
}

// ListForIncident returns the change events PagerDuty finds related to the
// incident incidentID (the most recent ones on its service, those on
// related services, and those its machine learning links), each with its
// CorrelationReason. The API returns them in one answer.
//
// OAuth scope incidents.read.
func (s *ChangeEventsService) ListForIncident(ctx context.Context, incidentID string, opts *RelatedChangeEventsOptions) ([]ChangeEvent, error) {
	path, err := expandPath("/incidents/{id}/related_change_events", incidentID)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if opts.Limit < 0 || opts.Limit > MaxPageSize {
			return nil, fmt.Errorf("pagerduty: Limit %d is out of range: 1 to %d (0 for the default)", opts.Limit, MaxPageSize)
		}
		if opts.Limit > 0 {
			q.Set("limit", strconv.Itoa(opts.Limit))
		}
	}
	var out struct {
		Events []ChangeEvent `json:"change_events"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	return out.Events, nil
}

// Get returns the change event id.
//
// OAuth scope change_events.read.
func (s *ChangeEventsService) Get(ctx context.Context, id string) (*ChangeEvent, error) {
	path, err := expandPath("/change_events/{id}", id)
	if err != nil {
		return nil, err
	}
	return changeEventAnswer(ctx, s.client, &request{method: "GET", path: path})
}

func changeEventAnswer(ctx context.Context, c *Client, r *request) (*ChangeEvent, error) {
	var out struct {
		Event *ChangeEvent `json:"change_event"`
	}
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Event == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no change_event", r.method, r.path)
	}
	return out.Event, nil
}

// UpdateChangeEventParams changes a change event.
type UpdateChangeEventParams struct {
	// Summary replaces the event's summary when set.
	Summary string
	// CustomDetails replaces the event's custom details; the API requires
	// it (an empty map clears them).
	CustomDetails map[string]any
}

// Update changes the summary or the custom details of the change event id
// and returns it.
//
// OAuth scope change_events.write.
func (s *ChangeEventsService) Update(ctx context.Context, id string, p *UpdateChangeEventParams) (*ChangeEvent, error) {
	path, err := expandPath("/change_events/{id}", id)
	if err != nil {
		return nil, err
	}
	if p == nil || p.CustomDetails == nil {
		return nil, missing("CustomDetails", "the event's custom details, in full (the API requires them on every update; an empty map clears them)")
	}
	type wire struct {
		Summary       string         `json:"summary,omitempty"`
		CustomDetails map[string]any `json:"custom_details"`
	}
	body := map[string]wire{"change_event": {Summary: p.Summary, CustomDetails: p.CustomDetails}}
	return changeEventAnswer(ctx, s.client, &request{method: "PUT", path: path, body: body})
}
