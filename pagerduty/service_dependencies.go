package pagerduty

import (
	"context"
	"errors"
	"fmt"
)

// The kinds of services a dependency ties together, for
// ServiceDependency.SupportingService and DependentService.
const (
	// DependencyBusinessService names a business service.
	DependencyBusinessService = "business_service"
	// DependencyTechnicalService names a technical service (a service).
	DependencyTechnicalService = "service"
)

// ServiceDependency says that DependentService relies on SupportingService:
// a business service on a technical service, or one business service on
// another, or one technical service on another.
type ServiceDependency struct {
	// ID and Type identify the dependency (answers only).
	ID   string `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
	// SupportingService is the service relied upon; its Type is
	// DependencyBusinessService or DependencyTechnicalService.
	SupportingService Reference `json:"supporting_service"`
	// DependentService is the service that relies on it.
	DependentService Reference `json:"dependent_service"`
}

// relationship is a dependency as writes send it.
type relationship struct {
	SupportingService relationshipEnd `json:"supporting_service"`
	DependentService  relationshipEnd `json:"dependent_service"`
}

type relationshipEnd struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

func dependenciesBody(deps []ServiceDependency) (any, error) {
	if len(deps) == 0 {
		return nil, errors.New("pagerduty: no dependencies given: pass at least one ServiceDependency")
	}
	out := make([]relationship, len(deps))
	for i, d := range deps {
		if err := checkRef(fmt.Sprintf("dependency %d: SupportingService", i), d.SupportingService); err != nil {
			return nil, err
		}
		if err := checkRef(fmt.Sprintf("dependency %d: DependentService", i), d.DependentService); err != nil {
			return nil, err
		}
		out[i] = relationship{
			SupportingService: relationshipEnd{d.SupportingService.ID, d.SupportingService.Type},
			DependentService:  relationshipEnd{d.DependentService.ID, d.DependentService.Type},
		}
	}
	return map[string]any{"relationships": out}, nil
}

// Associate records the dependencies deps (their SupportingService and
// DependentService, each with an ID and a Type) and returns them as
// PagerDuty stored them.
//
// OAuth scope services.write.
func (s *ServiceDependenciesService) Associate(ctx context.Context, deps ...ServiceDependency) ([]ServiceDependency, error) {
	return s.write(ctx, "/service_dependencies/associate", deps)
}

// Disassociate removes the dependencies deps and returns the ones removed.
//
// OAuth scope services.write.
func (s *ServiceDependenciesService) Disassociate(ctx context.Context, deps ...ServiceDependency) ([]ServiceDependency, error) {
	return s.write(ctx, "/service_dependencies/disassociate", deps)
}

func (s *ServiceDependenciesService) write(ctx context.Context, path string, deps []ServiceDependency) ([]ServiceDependency, error) {
	body, err := dependenciesBody(deps)
	if err != nil {
		return nil, err
	}
	var out struct {
		Relationships []ServiceDependency `json:"relationships"`
	}
	// Recording or removing the same dependency twice leaves the same state.
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: body, retrySafe: true}, &out); err != nil {
		return nil, err
	}
	return out.Relationships, nil
}

// ListForBusinessService returns the dependencies of the business service
// id: the services it relies on and those that rely on it.
//
// OAuth scope services.read.
func (s *ServiceDependenciesService) ListForBusinessService(ctx context.Context, id string) ([]ServiceDependency, error) {
	return sliceAt[ServiceDependency](ctx, s.client, "/service_dependencies/business_services/{id}", "relationships", nil, id)
}

// ListForTechnicalService returns the dependencies of the technical service
// id: the services it relies on and those that rely on it.
//
// OAuth scope services.read.
func (s *ServiceDependenciesService) ListForTechnicalService(ctx context.Context, id string) ([]ServiceDependency, error) {
	return sliceAt[ServiceDependency](ctx, s.client, "/service_dependencies/technical_services/{id}", "relationships", nil, id)
}
