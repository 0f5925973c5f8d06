package pagerduty

import (
	"context"
	"fmt"
	"strings"
)

// OrchestrationIntegration is a routing key of a global event
// orchestration: events sent to the Events API with this key enter the
// orchestration.
type OrchestrationIntegration struct {
	ID string `json:"id,omitempty"`
	// Label names the integration, for example after the tool that sends
	// to it.
	Label      string                              `json:"label,omitempty"`
	Parameters *OrchestrationIntegrationParameters `json:"parameters,omitempty"`
}

// OrchestrationIntegrationParameters are the routing facts of an
// integration.
type OrchestrationIntegrationParameters struct {
	// RoutingKey is the key events carry to reach the orchestration. Treat
	// it as a secret: anyone holding it can send events.
	RoutingKey string `json:"routing_key,omitempty"`
	// Type is "global".
	Type string `json:"type,omitempty"`
}

// ListIntegrations returns every integration of the orchestration id.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) ListIntegrations(ctx context.Context, id string) ([]OrchestrationIntegration, error) {
	return sliceAt[OrchestrationIntegration](ctx, s.client, "/event_orchestrations/{id}/integrations", "integrations", nil, id)
}

func orchIntegrationLabel(label string) (map[string]any, error) {
	if strings.TrimSpace(label) == "" {
		return nil, required("the label", "a name for the integration, such as the tool that sends to it")
	}
	return map[string]any{"integration": map[string]string{"label": label}}, nil
}

// CreateIntegration adds an integration (a new routing key) labelled label
// to the orchestration id and returns it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) CreateIntegration(ctx context.Context, id, label string) (*OrchestrationIntegration, error) {
	return sendAt[OrchestrationIntegration](ctx, s.client, "POST", "/event_orchestrations/{id}/integrations", "integration",
		func() (map[string]any, error) { return orchIntegrationLabel(label) },
		id)
}

// GetIntegration returns the integration integrationID of the
// orchestration id.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetIntegration(ctx context.Context, id, integrationID string) (*OrchestrationIntegration, error) {
	return getAt[OrchestrationIntegration](ctx, s.client, "/event_orchestrations/{id}/integrations/{integration_id}", "integration", id, integrationID)
}

// UpdateIntegration renames the integration integrationID of the
// orchestration id to label and returns it; its routing key is unchanged.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateIntegration(ctx context.Context, id, integrationID, label string) (*OrchestrationIntegration, error) {
	return sendAt[OrchestrationIntegration](ctx, s.client, "PUT", "/event_orchestrations/{id}/integrations/{integration_id}", "integration",
		func() (map[string]any, error) { return orchIntegrationLabel(label) },
		id, integrationID)
}

// DeleteIntegration removes the integration integrationID of the
// orchestration id: events sent with its routing key are dropped
// afterwards.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) DeleteIntegration(ctx context.Context, id, integrationID string) error {
	return deleteAt(ctx, s.client, "/event_orchestrations/{id}/integrations/{integration_id}", id, integrationID)
}

// MigrateIntegration moves the integration integrationID, routing key
// included, from the orchestration sourceID to the orchestration id, so the
// senders keep their key. It returns the integrations id has afterwards.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) MigrateIntegration(ctx context.Context, id, sourceID, integrationID string) ([]OrchestrationIntegration, error) {
	path, err := expandPath("/event_orchestrations/{id}/integrations/migration", id)
	if err != nil {
		return nil, err
	}
	if err := ValidateID(sourceID); err != nil {
		return nil, fmt.Errorf("the source orchestration: %w", err)
	}
	if err := ValidateID(integrationID); err != nil {
		return nil, fmt.Errorf("the integration: %w", err)
	}
	if sourceID == id {
		return nil, fmt.Errorf("pagerduty: the integration's source orchestration is %s, the orchestration it would move to: name another one", id)
	}
	body := map[string]string{"source_id": sourceID, "source_type": "orchestration", "integration_id": integrationID}
	var out struct {
		Integrations []OrchestrationIntegration `json:"integrations"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: body}, &out); err != nil {
		return nil, err
	}
	return out.Integrations, nil
}
