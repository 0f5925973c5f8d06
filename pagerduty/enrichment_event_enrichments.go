package pagerduty

import (
	"context"
	"iter"
	"net/url"
	"time"
)

// EventEnrichment is a set of rules that rewrite incoming events before
// PagerDuty routes them: extracting values into event fields, or looking
// them up in an enrichment schema. It applies to the services and event
// orchestrations associated with it.
type EventEnrichment struct {
	ID          string `json:"id"`
	Self        string `json:"self,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// IsDefault marks the account's default event enrichment.
	IsDefault bool `json:"is_default"`
	// AssociatedServices and AssociatedEventOrchestrations count what the
	// enrichment applies to.
	AssociatedServices            int        `json:"associated_services"`
	AssociatedEventOrchestrations int        `json:"associated_event_orchestrations"`
	Team                          *Reference `json:"team,omitempty"`
	// Privileges says what the caller may do with the enrichment; set only
	// when the call asked for EventEnrichmentIncludePrivileges.
	Privileges *EventEnrichmentPrivileges `json:"privileges,omitempty"`
	CreatedAt  time.Time                  `json:"created_at,omitzero"`
	CreatedBy  *Reference                 `json:"created_by,omitempty"`
	UpdatedAt  time.Time                  `json:"updated_at,omitzero"`
	UpdatedBy  *Reference                 `json:"updated_by,omitempty"`
}

// EventEnrichmentPrivileges lists what the caller may do with an event
// enrichment: "read", "update", "delete".
type EventEnrichmentPrivileges struct {
	Permissions []string `json:"permissions"`
}

// EventEnrichmentInclude names what event enrichment calls can add.
type EventEnrichmentInclude string

// EventEnrichmentIncludePrivileges adds the caller's permissions.
const EventEnrichmentIncludePrivileges EventEnrichmentInclude = "privileges"

// ListEventEnrichmentsOptions pages the event enrichments. The zero value
// reads them all.
type ListEventEnrichmentsOptions struct {
	ListOptions
	Includes []EventEnrichmentInclude `url:"include[]"`
}

// EventEnrichmentParams creates or changes an event enrichment. Create needs
// Name; Update sends only the fields set.
type EventEnrichmentParams struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// TeamID, when set, makes the enrichment belong to a team.
	TeamID string `json:"-"`
}

func (p EventEnrichmentParams) body() (map[string]any, error) {
	e := map[string]any{}
	if p.Name != "" {
		e["name"] = p.Name
	}
	if p.Description != "" {
		e["description"] = p.Description
	}
	if p.TeamID != "" {
		if err := checkIDs("TeamID", []string{p.TeamID}); err != nil {
			return nil, err
		}
		e["team"] = map[string]string{"id": p.TeamID}
	}
	return map[string]any{"event_enrichment": e}, nil
}

func checkEnrichmentIncludes(in []EventEnrichmentInclude) error {
	return oneOf("Includes", in, EventEnrichmentIncludePrivileges)
}

func (o *ListEventEnrichmentsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkEnrichmentIncludes(o.Includes); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// ListEventEnrichments streams the account's event enrichments, in pages,
// fetching the next page only when the loop asks for it.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) ListEventEnrichments(ctx context.Context, opts *ListEventEnrichmentsOptions) iter.Seq2[EventEnrichment, error] {
	return offsetSeqAt[EventEnrichment](ctx, s.client, "/enrichment/event_enrichments", "event_enrichments", opts.query)
}

// ListEventEnrichmentsPage returns one page of event enrichments with its
// paging facts.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) ListEventEnrichmentsPage(ctx context.Context, opts *ListEventEnrichmentsOptions) (*Page[EventEnrichment], error) {
	return offsetPageAt[EventEnrichment](ctx, s.client, "/enrichment/event_enrichments", "event_enrichments", opts.query)
}

// CreateEventEnrichment creates an event enrichment (without rules: set them
// with UpdateEventEnrichmentRules) and returns it as stored.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) CreateEventEnrichment(ctx context.Context, p EventEnrichmentParams) (*EventEnrichment, error) {
	if p.Name == "" {
		return nil, required("Name", "the event enrichment's name")
	}
	return sendAt[EventEnrichment](ctx, s.client, "POST", "/enrichment/event_enrichments", "event_enrichment", p.body)
}

// GetEventEnrichment returns the event enrichment with the given ID.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) GetEventEnrichment(ctx context.Context, id string, includes ...EventEnrichmentInclude) (*EventEnrichment, error) {
	path, err := expandPath("/enrichment/event_enrichments/{id}", id)
	if err != nil {
		return nil, err
	}
	if err := checkEnrichmentIncludes(includes); err != nil {
		return nil, err
	}
	q := enrichmentIncludes(includes)
	return objectCall[EventEnrichment](ctx, s.client, &request{method: "GET", path: path, query: q}, "event_enrichment")
}

// UpdateEventEnrichment changes the fields set in p of the event enrichment
// with the given ID and returns it as stored.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) UpdateEventEnrichment(ctx context.Context, id string, p EventEnrichmentParams) (*EventEnrichment, error) {
	path, err := expandPath("/enrichment/event_enrichments/{id}", id)
	if err != nil {
		return nil, err
	}
	if p == (EventEnrichmentParams{}) {
		return nil, required("a field to change", "set Name, Description or TeamID")
	}
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return objectCall[EventEnrichment](ctx, s.client, &request{method: "PUT", path: path, body: body}, "event_enrichment")
}

// DeleteEventEnrichment deletes the event enrichment with the given ID.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) DeleteEventEnrichment(ctx context.Context, id string) error {
	path, err := expandPath("/enrichment/event_enrichments/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// EventEnrichmentDefault names the account's default event enrichment, and
// the one it replaced when the answer follows a change.
type EventEnrichmentDefault struct {
	Default         *Reference `json:"default,omitempty"`
	PreviousDefault *Reference `json:"previous_default,omitempty"`
}

// GetDefaultEventEnrichment names the account's default event enrichment,
// the one that applies where no other is associated.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) GetDefaultEventEnrichment(ctx context.Context) (*EventEnrichmentDefault, error) {
	var out EventEnrichmentDefault
	if err := s.client.do(ctx, &request{method: "GET", path: "/enrichment/event_enrichments/default"}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SetDefaultEventEnrichment makes the event enrichment with the given ID the
// account's default and names the one it replaces.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) SetDefaultEventEnrichment(ctx context.Context, id string) (*EventEnrichmentDefault, error) {
	if err := checkIDs("id", []string{id}); err != nil {
		return nil, err
	}
	body := map[string]any{"default": map[string]string{"id": id, "type": "event_enrichment_reference"}}
	var out EventEnrichmentDefault
	if err := s.client.do(ctx, &request{method: "PUT", path: "/enrichment/event_enrichments/default", body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func enrichmentIncludes(includes []EventEnrichmentInclude) url.Values {
	if len(includes) == 0 {
		return nil
	}
	q := url.Values{}
	for _, in := range includes {
		q["include[]"] = append(q["include[]"], string(in))
	}
	return q
}
