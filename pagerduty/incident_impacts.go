package pagerduty

import (
	"context"
	"fmt"
)

// ImpactStatus says whether an incident affects a business service.
type ImpactStatus string

// The impact states.
const (
	Impacted    ImpactStatus = "impacted"
	NotImpacted ImpactStatus = "not_impacted"
)

// Impact is a business service and whether an incident affects it.
type Impact struct {
	ID     string       `json:"id"`
	Name   string       `json:"name,omitempty"`
	Type   string       `json:"type,omitempty"`
	Status ImpactStatus `json:"status"`
	// HighestImpactingPriority is the most urgent priority among the
	// incidents affecting the service, when there is one.
	HighestImpactingPriority *ImpactPriority `json:"-"`
}

// ImpactPriority is a priority, by ID and order, affecting a business
// service.
type ImpactPriority struct {
	ID    string `json:"id"`
	Order int    `json:"order"`
}

type impactWire struct {
	Impact
	AdditionalFields *struct {
		HighestImpactingPriority *ImpactPriority `json:"highest_impacting_priority"`
	} `json:"additional_fields"`
}

// ListImpactedBusinessServices returns the business services the incident
// id affects, whether PagerDuty inferred it or someone said so.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListImpactedBusinessServices(ctx context.Context, id string) ([]Impact, error) {
	path, err := expandPath("/incidents/{id}/business_services/impacts", id)
	if err != nil {
		return nil, err
	}
	var out struct {
		Services []impactWire `json:"services"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	impacts := make([]Impact, len(out.Services))
	for i, w := range out.Services {
		impacts[i] = w.Impact
		if w.AdditionalFields != nil {
			impacts[i].HighestImpactingPriority = w.AdditionalFields.HighestImpactingPriority
		}
	}
	return impacts, nil
}

// ImpactParams says whether an incident affects a business service.
type ImpactParams struct {
	// Relation is Impacted or NotImpacted.
	Relation ImpactStatus
}

// SetBusinessServiceImpact records by hand whether the incident id affects
// the business service businessServiceID, and returns the relation now in
// force.
//
// OAuth scope incidents.write.
func (s *IncidentsService) SetBusinessServiceImpact(ctx context.Context, id, businessServiceID string, p *ImpactParams) (ImpactStatus, error) {
	path, err := expandPath("/incidents/{id}/business_services/{business_service_id}/impacts", id, businessServiceID)
	if err != nil {
		return "", err
	}
	if p == nil || p.Relation == "" {
		return "", missing("Relation", fmt.Sprintf("%q or %q", Impacted, NotImpacted))
	}
	if err := oneOf("Relation", []ImpactStatus{p.Relation}, Impacted, NotImpacted); err != nil {
		return "", err
	}
	var out struct {
		Relation ImpactStatus `json:"relation"`
	}
	if err := s.client.do(ctx, &request{method: "PUT", path: path, body: map[string]ImpactStatus{"relation": p.Relation}}, &out); err != nil {
		return "", err
	}
	return out.Relation, nil
}
