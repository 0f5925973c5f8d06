package pagerduty

import (
	"context"
	"iter"
	"time"
)

// WorkflowIntegration is an app (Slack, Jira, a web API...) whose actions
// incident workflows can run, through one of its connections.
type WorkflowIntegration struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name           string   `json:"name,omitempty"`
	Description    string   `json:"description,omitempty"`
	DomainName     string   `json:"domain_name,omitempty"`
	PackageName    string   `json:"package_name,omitempty"`
	IconSVG        string   `json:"icon_svg,omitempty"`
	Tags           []string `json:"tags,omitempty"`
	SearchKeywords []string `json:"search_keywords,omitempty"`
	IsDeprecated   bool     `json:"is_deprecated,omitempty"`
	// Entitled reports whether the account's plan allows the integration.
	Entitled    bool   `json:"entitled,omitempty"`
	Application string `json:"application,omitempty"`
	// ConfigurationSchema and SecretsSchema are JSON Schemas of what a
	// connection's Configuration and Secrets hold.
	ConfigurationSchema map[string]any `json:"configuration_schema,omitempty"`
	SecretsSchema       map[string]any `json:"secrets_schema,omitempty"`
	CreatedAt           time.Time      `json:"created_at,omitzero"`
	CreatedBy           *Reference     `json:"created_by,omitempty"`
}

// WorkflowIntegrationConnection is a configured link to an instance of a
// workflow integration's app (a Slack workspace, a Jira site...).
type WorkflowIntegrationConnection struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	IntegrationID   string   `json:"integration_id,omitempty"`
	Name            string   `json:"name,omitempty"`
	ServiceURL      string   `json:"service_url,omitempty"`
	ExternalID      string   `json:"external_id,omitempty"`
	ExternalIDLabel string   `json:"external_id_label,omitempty"`
	Scopes          []string `json:"scopes,omitempty"`
	// IsDefault marks the connection workflows use when they name none.
	IsDefault LaxBool                              `json:"is_default,omitempty"`
	Health    *WorkflowIntegrationConnectionHealth `json:"health,omitempty"`
	// Configuration holds the connection's settings, as the integration's
	// ConfigurationSchema describes. The API never returns Secrets in clear.
	Configuration map[string]any           `json:"configuration,omitempty"`
	Secrets       map[string]any           `json:"secrets,omitempty"`
	Teams         []WorkflowConnectionTeam `json:"teams,omitempty"`
	Apps          []WorkflowConnectionApp  `json:"apps,omitempty"`
	CreatedAt     time.Time                `json:"created_at,omitzero"`
	CreatedBy     *Reference               `json:"created_by,omitempty"`
}

// WorkflowIntegrationConnectionHealth is the result of PagerDuty's last
// check of a connection.
type WorkflowIntegrationConnectionHealth struct {
	IsHealthy     bool      `json:"is_healthy"`
	HealthMessage string    `json:"health_message,omitempty"`
	LastCheckedAt time.Time `json:"last_checked_at,omitzero"`
}

// WorkflowConnectionTeam names a team allowed to use a connection; Type is
// "team_reference" (the default when sent empty).
type WorkflowConnectionTeam struct {
	TeamID string `json:"team_id"`
	Type   string `json:"type"`
}

// WorkflowConnectionApp names a PagerDuty app allowed to use a connection;
// Type is "pd_app_reference" (the default when sent empty).
type WorkflowConnectionApp struct {
	AppID string `json:"app_id"`
	Type  string `json:"type"`
}

// ListWorkflowIntegrationsOptions filters and pages the workflow
// integrations. The zero value lists those not deprecated.
type ListWorkflowIntegrationsOptions struct {
	CursorOptions
	// IncludeDeprecated lists the deprecated integrations too.
	IncludeDeprecated bool `url:"include_deprecated"`
}

// ListWorkflowIntegrationConnectionsOptions filters and pages connections.
type ListWorkflowIntegrationConnectionsOptions struct {
	CursorOptions
	// Name keeps the connections whose name contains it.
	Name string `url:"name"`
}

// List streams the workflow integrations, following the cursor from page to
// page. Breaking out of the loop stops fetching.
//
// OAuth scope workflow_integrations.read.
func (s *WorkflowIntegrationsService) List(ctx context.Context, opts *ListWorkflowIntegrationsOptions) iter.Seq2[WorkflowIntegration, error] {
	return cursorSeqAt[WorkflowIntegration](ctx, s.client, "/workflows/integrations", "integrations", cursorPagedQuery(opts))
}

// ListPage returns one page of workflow integrations; pass its NextCursor
// as opts.Cursor to read the next.
//
// OAuth scope workflow_integrations.read.
func (s *WorkflowIntegrationsService) ListPage(ctx context.Context, opts *ListWorkflowIntegrationsOptions) (*Page[WorkflowIntegration], error) {
	return cursorPageAt[WorkflowIntegration](ctx, s.client, "/workflows/integrations", "integrations", cursorPagedQuery(opts))
}

// Get returns the workflow integration with the given ID (such as
// "http-api").
//
// OAuth scope workflow_integrations.read.
func (s *WorkflowIntegrationsService) Get(ctx context.Context, id string) (*WorkflowIntegration, error) {
	path, err := expandPath("/workflows/integrations/{id}", id)
	if err != nil {
		return nil, err
	}
	// The API description shows the object wrapped in a one-item array;
	// both shapes are accepted.
	return objectOrFirstCall[WorkflowIntegration](ctx, s.client, &request{method: "GET", path: path}, "integration")
}

// ListAllConnections streams the connections of every workflow
// integration, following the cursor from page to page. Breaking out of the
// loop stops fetching.
//
// OAuth scope workflow_integrations:connections.read.
func (s *WorkflowIntegrationsService) ListAllConnections(ctx context.Context, opts *ListWorkflowIntegrationConnectionsOptions) iter.Seq2[WorkflowIntegrationConnection, error] {
	return cursorSeqAt[WorkflowIntegrationConnection](ctx, s.client, "/workflows/integrations/connections", "connections", cursorPagedQuery(opts))
}

// ListAllConnectionsPage returns one page of the connections of every
// workflow integration; pass its NextCursor as opts.Cursor to read the next.
//
// OAuth scope workflow_integrations:connections.read.
func (s *WorkflowIntegrationsService) ListAllConnectionsPage(ctx context.Context, opts *ListWorkflowIntegrationConnectionsOptions) (*Page[WorkflowIntegrationConnection], error) {
	return cursorPageAt[WorkflowIntegrationConnection](ctx, s.client, "/workflows/integrations/connections", "connections", cursorPagedQuery(opts))
}

// ListConnections streams the connections of the workflow integration with
// the given ID, following the cursor from page to page.
//
// OAuth scope workflow_integrations:connections.read.
func (s *WorkflowIntegrationsService) ListConnections(ctx context.Context, integrationID string, opts *ListWorkflowIntegrationConnectionsOptions) iter.Seq2[WorkflowIntegrationConnection, error] {
	return cursorSeqAt[WorkflowIntegrationConnection](ctx, s.client, "/workflows/integrations/{integration_id}/connections", "connections", cursorPagedQuery(opts), integrationID)
}

// ListConnectionsPage returns one page of the connections of the workflow
// integration with the given ID.
//
// OAuth scope workflow_integrations:connections.read.
func (s *WorkflowIntegrationsService) ListConnectionsPage(ctx context.Context, integrationID string, opts *ListWorkflowIntegrationConnectionsOptions) (*Page[WorkflowIntegrationConnection], error) {
	return cursorPageAt[WorkflowIntegrationConnection](ctx, s.client, "/workflows/integrations/{integration_id}/connections", "connections", cursorPagedQuery(opts), integrationID)
}
