package pagerduty

import (
	"context"
	"fmt"
)

// WorkflowIntegrationConnectionParams creates or changes a connection.
// Create needs Name and Secrets; Update sends only the fields set.
type WorkflowIntegrationConnectionParams struct {
	Name            string   `json:"name,omitempty"`
	ServiceURL      string   `json:"service_url,omitempty"`
	ExternalID      string   `json:"external_id,omitempty"`
	ExternalIDLabel string   `json:"external_id_label,omitempty"`
	Scopes          []string `json:"scopes,omitempty"`
	// IsDefault, when set, makes the connection the integration's default
	// (or not).
	IsDefault *bool `json:"is_default,omitempty"`
	// Configuration and Secrets follow the integration's
	// ConfigurationSchema and SecretsSchema.
	Configuration map[string]any `json:"configuration,omitempty"`
	Secrets       map[string]any `json:"secrets,omitempty"`
	// Teams and Apps, when not nil, restrict who may use the connection
	// (an empty, non-nil slice lifts the restriction).
	Teams []WorkflowConnectionTeam `json:"teams,omitempty"`
	Apps  []WorkflowConnectionApp  `json:"apps,omitempty"`
}

func (p WorkflowIntegrationConnectionParams) normalized() (WorkflowIntegrationConnectionParams, error) {
	if p.Teams != nil {
		teams := make([]WorkflowConnectionTeam, len(p.Teams))
		for i, t := range p.Teams {
			if err := ValidateID(t.TeamID); err != nil {
				return p, fmt.Errorf("Teams[%d].TeamID: %w", i, err)
			}
			if t.Type == "" {
				t.Type = "team_reference"
			}
			teams[i] = t
		}
		p.Teams = teams
	}
	if p.Apps != nil {
		apps := make([]WorkflowConnectionApp, len(p.Apps))
		for i, a := range p.Apps {
			if err := ValidateID(a.AppID); err != nil {
				return p, fmt.Errorf("Apps[%d].AppID: %w", i, err)
			}
			if a.Type == "" {
				a.Type = "pd_app_reference"
			}
			apps[i] = a
		}
		p.Apps = apps
	}
	return p, nil
}

// connectionBody is what the API takes: the params, with Teams and Apps
// sent even when empty if the caller set them.
func (p WorkflowIntegrationConnectionParams) body() map[string]any {
	b := map[string]any{}
	if p.Name != "" {
		b["name"] = p.Name
	}
	if p.ServiceURL != "" {
		b["service_url"] = p.ServiceURL
	}
	if p.ExternalID != "" {
		b["external_id"] = p.ExternalID
	}
	if p.ExternalIDLabel != "" {
		b["external_id_label"] = p.ExternalIDLabel
	}
	if p.Scopes != nil {
		b["scopes"] = p.Scopes
	}
	if p.IsDefault != nil {
		b["is_default"] = *p.IsDefault
	}
	if p.Configuration != nil {
		b["configuration"] = p.Configuration
	}
	if p.Secrets != nil {
		b["secrets"] = p.Secrets
	}
	if p.Teams != nil {
		b["teams"] = p.Teams
	}
	if p.Apps != nil {
		b["apps"] = p.Apps
	}
	return b
}

// CreateConnection creates a connection for the workflow integration with
// the given ID and returns it as stored.
//
// OAuth scope workflow_integrations:connections.write.
func (s *WorkflowIntegrationsService) CreateConnection(ctx context.Context, integrationID string, p WorkflowIntegrationConnectionParams) (*WorkflowIntegrationConnection, error) {
	path, err := expandPath("/workflows/integrations/{integration_id}/connections", integrationID)
	if err != nil {
		return nil, err
	}
	if p.Name == "" {
		return nil, required("Name", "the connection's name")
	}
	if p.Secrets == nil {
		return nil, required("Secrets", "the credentials the integration's SecretsSchema asks for")
	}
	if p, err = p.normalized(); err != nil {
		return nil, err
	}
	return objectOrFirstCall[WorkflowIntegrationConnection](ctx, s.client, &request{method: "POST", path: path, body: p.body()}, "connection")
}

// GetConnection returns a connection of a workflow integration.
//
// OAuth scope workflow_integrations:connections.read.
func (s *WorkflowIntegrationsService) GetConnection(ctx context.Context, integrationID, id string) (*WorkflowIntegrationConnection, error) {
	path, err := expandPath("/workflows/integrations/{integration_id}/connections/{id}", integrationID, id)
	if err != nil {
		return nil, err
	}
	return objectOrFirstCall[WorkflowIntegrationConnection](ctx, s.client, &request{method: "GET", path: path}, "connection")
}

// UpdateConnection changes the fields set in p of a connection and returns
// it as stored.
//
// OAuth scope workflow_integrations:connections.write.
func (s *WorkflowIntegrationsService) UpdateConnection(ctx context.Context, integrationID, id string, p WorkflowIntegrationConnectionParams) (*WorkflowIntegrationConnection, error) {
	path, err := expandPath("/workflows/integrations/{integration_id}/connections/{id}", integrationID, id)
	if err != nil {
		return nil, err
	}
	if p, err = p.normalized(); err != nil {
		return nil, err
	}
	b := p.body()
	if len(b) == 0 {
		return nil, required("a field to change", "set at least one field of the params")
	}
	return objectOrFirstCall[WorkflowIntegrationConnection](ctx, s.client, &request{method: "PATCH", path: path, body: b}, "connection")
}

// DeleteConnection deletes a connection of a workflow integration.
//
// OAuth scope workflow_integrations:connections.write.
func (s *WorkflowIntegrationsService) DeleteConnection(ctx context.Context, integrationID, id string) error {
	path, err := expandPath("/workflows/integrations/{integration_id}/connections/{id}", integrationID, id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
