package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// EventEnrichmentAssociationType is the kind of object an event enrichment
// applies to.
type EventEnrichmentAssociationType string

// The kinds of objects event enrichments apply to.
const (
	EventEnrichmentAssociationService            EventEnrichmentAssociationType = "service"
	EventEnrichmentAssociationEventOrchestration EventEnrichmentAssociationType = "event_orchestration"
)

// ListEventEnrichmentAssociationsOptions filters and pages the objects an
// event enrichment applies to.
type ListEventEnrichmentAssociationsOptions struct {
	ListOptions
	AssociationType EventEnrichmentAssociationType `url:"association_type"`
}

func (o *ListEventEnrichmentAssociationsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if o.AssociationType != "" {
		if err := oneOf("AssociationType", []EventEnrichmentAssociationType{o.AssociationType},
			EventEnrichmentAssociationService, EventEnrichmentAssociationEventOrchestration); err != nil {
			return nil, ListOptions{}, err
		}
	}
	return pagedFilters(o, o.ListOptions)
}

// ListEventEnrichmentAssociations streams the services and event
// orchestrations (as references of type "service_reference" or
// "event_orchestration_reference") the event enrichment with the given ID
// applies to.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) ListEventEnrichmentAssociations(ctx context.Context, id string, opts *ListEventEnrichmentAssociationsOptions) iter.Seq2[Reference, error] {
	return offsetSeqAt[Reference](ctx, s.client, "/enrichment/event_enrichments/{id}/associations", "associations", opts.query, id)
}

// ListEventEnrichmentAssociationsPage returns one page of the objects the
// event enrichment with the given ID applies to.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) ListEventEnrichmentAssociationsPage(ctx context.Context, id string, opts *ListEventEnrichmentAssociationsOptions) (*Page[Reference], error) {
	return offsetPageAt[Reference](ctx, s.client, "/enrichment/event_enrichments/{id}/associations", "associations", opts.query, id)
}

// EventEnrichmentAssociationsResult is the outcome of adding or removing
// associations: Status ("created", "ok") when all succeeded, or one outcome
// per association when some failed (HTTP 207).
type EventEnrichmentAssociationsResult struct {
	Status       string                              `json:"status,omitempty"`
	Associations []EventEnrichmentAssociationOutcome `json:"associations,omitempty"`
}

// EventEnrichmentAssociationOutcome is what became of one association.
type EventEnrichmentAssociationOutcome struct {
	// Status is an HTTP status code for this association.
	Status      int       `json:"status"`
	Errors      []string  `json:"errors,omitempty"`
	Association Reference `json:"association"`
}

// associationsBody checks refs (services and event orchestrations) and
// wraps them as the API wants.
func associationsBody(refs []Reference) (map[string]any, error) {
	if len(refs) == 0 {
		return nil, required("refs", "at least one service_reference or event_orchestration_reference")
	}
	out := make([]map[string]string, len(refs))
	for i, r := range refs {
		if err := ValidateID(r.ID); err != nil {
			return nil, fmt.Errorf("refs[%d].ID: %w", i, err)
		}
		if r.Type != "service_reference" && r.Type != "event_orchestration_reference" {
			return nil, fmt.Errorf("pagerduty: refs[%d].Type %q is not accepted; use service_reference or event_orchestration_reference", i, r.Type)
		}
		out[i] = map[string]string{"id": r.ID, "type": r.Type}
	}
	return map[string]any{"associations": out}, nil
}

// AddEventEnrichmentAssociations applies the event enrichment with the given
// ID to the services and event orchestrations refs names.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) AddEventEnrichmentAssociations(ctx context.Context, id string, refs []Reference) (*EventEnrichmentAssociationsResult, error) {
	return s.associations(ctx, "POST", id, refs)
}

// DeleteEventEnrichmentAssociations stops the event enrichment with the
// given ID from applying to the services and event orchestrations refs
// names.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) DeleteEventEnrichmentAssociations(ctx context.Context, id string, refs []Reference) (*EventEnrichmentAssociationsResult, error) {
	return s.associations(ctx, "DELETE", id, refs)
}

func (s *EnrichmentService) associations(ctx context.Context, method, id string, refs []Reference) (*EventEnrichmentAssociationsResult, error) {
	path, err := expandPath("/enrichment/event_enrichments/{id}/associations", id)
	if err != nil {
		return nil, err
	}
	body, err := associationsBody(refs)
	if err != nil {
		return nil, err
	}
	var out EventEnrichmentAssociationsResult
	if err := s.client.do(ctx, &request{method: method, path: path, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// EventEnrichmentRules are the rules of an event enrichment, in sets; the
// first set ("start") is evaluated first.
type EventEnrichmentRules struct {
	Type      string                   `json:"type,omitempty"`
	Parent    *Reference               `json:"parent,omitempty"`
	Self      string                   `json:"self,omitempty"`
	Sets      []EventEnrichmentRuleSet `json:"sets"`
	CreatedAt time.Time                `json:"created_at,omitzero"`
	CreatedBy *Reference               `json:"created_by,omitempty"`
	UpdatedAt time.Time                `json:"updated_at,omitzero"`
	UpdatedBy *Reference               `json:"updated_by,omitempty"`
	// Version changes with every update.
	Version string `json:"version,omitempty"`
}

// EventEnrichmentRuleSet is a named list of rules.
type EventEnrichmentRuleSet struct {
	ID    string                `json:"id"`
	Rules []EventEnrichmentRule `json:"rules"`
}

// EventEnrichmentRule is a rule: when all its conditions hold, its actions
// rewrite the event.
type EventEnrichmentRule struct {
	ID         string                     `json:"id,omitempty"`
	Label      string                     `json:"label,omitempty"`
	Conditions []EventEnrichmentCondition `json:"conditions,omitempty"`
	Actions    EventEnrichmentActions     `json:"actions"`
	Disabled   bool                       `json:"disabled,omitempty"`
}

// EventEnrichmentCondition is a PagerDuty Condition Language expression,
// such as `event.summary matches part 'disk'`.
type EventEnrichmentCondition struct {
	Expression string `json:"expression"`
}

// EventEnrichmentActions are what a rule does: Extractions or Enrichments
// (one kind per rule).
type EventEnrichmentActions struct {
	// Extractions set event fields from a regex match or a template (at
	// most 25 per rule).
	Extractions []EventExtraction `json:"extractions,omitempty"`
	// Enrichments look event values up in an enrichment schema and write
	// what they find into the event (at most one per rule).
	Enrichments []EventEnrichmentLookup `json:"enrichments,omitempty"`
}

// EventExtraction sets Target from Regex applied to Source, or from
// Template.
type EventExtraction struct {
	Target   string  `json:"target"`
	Template *string `json:"template,omitempty"`
	Source   string  `json:"source,omitempty"`
	Regex    string  `json:"regex,omitempty"`
}

// EventEnrichmentLookup queries the enrichment schema SchemaToSearch with
// values read from the event and writes the record found into Target.
type EventEnrichmentLookup struct {
	SchemaToSearch string                  `json:"schema_to_search"`
	SearchValues   []EventEnrichmentSearch `json:"search_values"`
	Target         string                  `json:"target"`
}

// EventEnrichmentSearch says where one search value comes from (an event
// field Path, or a Template) and which query field of the schema it is
// matched against.
type EventEnrichmentSearch struct {
	Path           string `json:"path,omitempty"`
	Template       string `json:"template,omitempty"`
	QueryFieldName string `json:"query_field_name"`
}

// GetEventEnrichmentRules returns the rules of the event enrichment with the
// given ID.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) GetEventEnrichmentRules(ctx context.Context, id string) (*EventEnrichmentRules, error) {
	path, err := expandPath("/enrichment/event_enrichments/{id}/rules", id)
	if err != nil {
		return nil, err
	}
	return objectCall[EventEnrichmentRules](ctx, s.client, &request{method: "GET", path: path}, "orchestration_path")
}

// UpdateEventEnrichmentRules replaces the rule sets of the event enrichment
// with the given ID and returns the rules as stored.
//
// The API description names no OAuth scope for this call.
func (s *EnrichmentService) UpdateEventEnrichmentRules(ctx context.Context, id string, sets []EventEnrichmentRuleSet) (*EventEnrichmentRules, error) {
	path, err := expandPath("/enrichment/event_enrichments/{id}/rules", id)
	if err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		return nil, required("sets", "at least the first rule set (ID \"start\")")
	}
	for i, set := range sets {
		if set.ID == "" {
			return nil, required(fmt.Sprintf("sets[%d].ID", i), "the rule set's name, such as start")
		}
		for j, r := range set.Rules {
			a := r.Actions
			if (len(a.Extractions) == 0) == (len(a.Enrichments) == 0) {
				return nil, fmt.Errorf("pagerduty: sets[%d].Rules[%d].Actions: set either Extractions or Enrichments, not both nor neither", i, j)
			}
		}
	}
	body := map[string]any{"orchestration_path": map[string]any{"sets": sets}}
	return objectCall[EventEnrichmentRules](ctx, s.client, &request{method: "PUT", path: path, body: body}, "orchestration_path")
}
