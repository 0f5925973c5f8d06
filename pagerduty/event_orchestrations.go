package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"
)

// Orchestration is a global event orchestration: a set of integrations
// (routing keys) that events are sent to, and the paths of rules the events
// go through. The router path sends events to services; the global path
// acts on every event first; the unrouted path handles what the router
// could not place.
type Orchestration struct {
	ID   string `json:"id,omitempty"`
	Self string `json:"self,omitempty"`
	// Name and Description are the orchestration's name and free text.
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Team owns the orchestration; nil when no team does.
	Team *Reference `json:"team,omitempty"`
	// Integrations are the routing keys events are sent to (in Get, Create
	// and Update answers; lists leave them out).
	Integrations []OrchestrationIntegration `json:"integrations,omitempty"`
	// Routes counts the router's rules that send events to a service.
	Routes    int        `json:"routes,omitempty"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	CreatedBy *Reference `json:"created_by,omitempty"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
	UpdatedBy *Reference `json:"updated_by,omitempty"`
	// Version changes with every change of the orchestration.
	Version string `json:"version,omitempty"`
}

// OrchestrationSort orders an orchestration listing.
type OrchestrationSort string

// The orders of an orchestration listing.
const (
	OrchestrationSortNameAsc       OrchestrationSort = "name:asc"
	OrchestrationSortNameDesc      OrchestrationSort = "name:desc"
	OrchestrationSortRoutesAsc     OrchestrationSort = "routes:asc"
	OrchestrationSortRoutesDesc    OrchestrationSort = "routes:desc"
	OrchestrationSortCreatedAtAsc  OrchestrationSort = "created_at:asc"
	OrchestrationSortCreatedAtDesc OrchestrationSort = "created_at:desc"
)

// ListOrchestrationsOptions orders and pages an orchestration listing. The
// zero value lists every orchestration by name.
type ListOrchestrationsOptions struct {
	ListOptions
	// SortBy orders the listing; empty means by name, A to Z.
	SortBy OrchestrationSort `url:"sort_by"`
}

func (o *ListOrchestrationsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOfIfSet("SortBy", o.SortBy, OrchestrationSortNameAsc, OrchestrationSortNameDesc,
		OrchestrationSortRoutesAsc, OrchestrationSortRoutesDesc, OrchestrationSortCreatedAtAsc, OrchestrationSortCreatedAtDesc); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the account's global event orchestrations (without their
// integrations; Get returns those), fetching pages as the loop asks for
// them.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) List(ctx context.Context, opts *ListOrchestrationsOptions) iter.Seq2[Orchestration, error] {
	return offsetSeqAt[Orchestration](ctx, s.client, "/event_orchestrations", "orchestrations", opts.query)
}

// ListPage returns one page of the account's global event orchestrations,
// at opts.Offset, with the pagination facts.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) ListPage(ctx context.Context, opts *ListOrchestrationsOptions) (*Page[Orchestration], error) {
	return offsetPageAt[Orchestration](ctx, s.client, "/event_orchestrations", "orchestrations", opts.query)
}

// OrchestrationParams describes an orchestration to create, or the changes
// to make to one. Create needs Name; Update sends only what is set.
type OrchestrationParams struct {
	// Name is the orchestration's name.
	Name string
	// Description is free text; a pointer to "" clears it.
	Description *string
	// TeamID names the team that owns the orchestration; empty leaves the
	// owner as it is (no team, on Create).
	TeamID string
}

// orchestrationWire is the orchestration object of write requests.
type orchestrationWire struct {
	Name        string       `json:"name,omitempty"`
	Description *string      `json:"description,omitempty"`
	Team        *orchTeamRef `json:"team,omitempty"`
}

// orchTeamRef is the team reference orchestration and ruleset writes send:
// the API wants the ID only.
type orchTeamRef struct {
	ID string `json:"id"`
}

func (p *OrchestrationParams) wire(create bool) (*orchestrationWire, error) {
	if p == nil {
		return nil, required("the orchestration params", "pass a *OrchestrationParams")
	}
	if create && strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the orchestration's name")
	}
	w := &orchestrationWire{Name: p.Name, Description: p.Description}
	if p.TeamID != "" {
		if err := ValidateID(p.TeamID); err != nil {
			return nil, fmt.Errorf("TeamID: %w", err)
		}
		w.Team = &orchTeamRef{ID: p.TeamID}
	}
	if !create && w.Name == "" && w.Description == nil && w.Team == nil {
		return nil, fmt.Errorf("pagerduty: the orchestration params change nothing: set Name, Description or TeamID")
	}
	return w, nil
}

// Create adds a global event orchestration and returns it with its first
// integration (the routing key to send events to).
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) Create(ctx context.Context, p *OrchestrationParams) (*Orchestration, error) {
	return writeAt[Orchestration](ctx, s.client, "POST", "/event_orchestrations", "orchestration", func() (*orchestrationWire, error) { return p.wire(true) })
}

// Get returns the global event orchestration id with its integrations.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) Get(ctx context.Context, id string) (*Orchestration, error) {
	return getAt[Orchestration](ctx, s.client, "/event_orchestrations/{id}", "orchestration", id)
}

// Update changes the name, description or team of the orchestration id and
// returns it as it is now.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) Update(ctx context.Context, id string, p *OrchestrationParams) (*Orchestration, error) {
	return writeAt[Orchestration](ctx, s.client, "PUT", "/event_orchestrations/{id}", "orchestration",
		func() (*orchestrationWire, error) { return p.wire(false) },
		id)
}

// Delete removes the orchestration id with its rules and integrations:
// events sent to its routing keys are dropped afterwards.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/event_orchestrations/{id}", id)
}
