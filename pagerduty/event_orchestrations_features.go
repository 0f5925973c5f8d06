package pagerduty

import (
	"context"
	"time"
)

// GetServiceActive reports whether the service serviceID applies its
// service orchestration (true) or its older event rules (false).
//
// OAuth scope services.read.
func (s *EventOrchestrationsService) GetServiceActive(ctx context.Context, serviceID string) (bool, error) {
	path, err := expandPath("/event_orchestrations/services/{service_id}/active", serviceID)
	if err != nil {
		return false, err
	}
	var out struct {
		Active *bool `json:"active"`
	}
	r := &request{method: "GET", path: path}
	if err := s.client.do(ctx, r, &out); err != nil {
		return false, err
	}
	if out.Active == nil {
		return false, orchMissing(r, "active")
	}
	return *out.Active, nil
}

// SetServiceActive makes the service serviceID apply its service
// orchestration (active true) or its older event rules (false), and returns
// the state the API reports afterwards.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) SetServiceActive(ctx context.Context, serviceID string, active bool) (bool, error) {
	path, err := expandPath("/event_orchestrations/services/{service_id}/active", serviceID)
	if err != nil {
		return false, err
	}
	var out struct {
		Active *bool `json:"active"`
	}
	r := &request{method: "PUT", path: path, body: map[string]bool{"active": active}}
	if err := s.client.do(ctx, r, &out); err != nil {
		return false, err
	}
	if out.Active == nil {
		return false, orchMissing(r, "active")
	}
	return *out.Active, nil
}

// OrchestrationFeature names a feature an orchestration can have turned on.
type OrchestrationFeature string

// OrchestrationFeatureAIOps is PagerDuty AIOps (the AIOps add-on's features
// applied to the orchestration's events).
const OrchestrationFeatureAIOps OrchestrationFeature = "aiops"

// OrchestrationEnablement says whether a feature is on for an
// orchestration.
type OrchestrationEnablement struct {
	Feature   OrchestrationFeature `json:"feature,omitempty"`
	Enabled   bool                 `json:"enabled"`
	UpdatedAt time.Time            `json:"updated_at,omitzero"`
	// Warnings say why the feature may not apply, for example when the
	// account lacks the add-on.
	Warnings []OrchestrationEnablementWarning `json:"warnings,omitempty"`
}

// OrchestrationEnablementWarning is a problem with an enabled feature.
type OrchestrationEnablementWarning struct {
	Message string `json:"message"`
}

// ListEnablements returns the features of the orchestration id and whether
// each is on.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) ListEnablements(ctx context.Context, id string) ([]OrchestrationEnablement, error) {
	return sliceAt[OrchestrationEnablement](ctx, s.client, "/event_orchestrations/{id}/enablements", "enablements", nil, id)
}

// UpdateEnablement turns the feature on or off for the orchestration id
// and returns its state afterwards.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateEnablement(ctx context.Context, id string, feature OrchestrationFeature, enabled bool) (*OrchestrationEnablement, error) {
	if err := oneOf("the feature", []OrchestrationFeature{feature}, OrchestrationFeatureAIOps); err != nil {
		return nil, err
	}
	path, err := expandPath("/event_orchestrations/{id}/enablements/{feature_name}", id, string(feature))
	if err != nil {
		return nil, err
	}
	body := map[string]any{"enablement": map[string]bool{"enabled": enabled}}
	return objectOrMatchingCall(ctx, s.client, &request{method: "PUT", path: path, body: body}, "enablement", func(e *OrchestrationEnablement) bool {
		return e.Feature == feature || e.Feature == ""
	})
}
