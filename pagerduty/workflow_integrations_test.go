package pagerduty_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestWorkflowIntegrationsRequests(t *testing.T) {
	const conn = `{"connection":{"id":"C1","integration_id":"http-api","name":"Mine","is_default":true,"health":{"is_healthy":true,"last_checked_at":"2024-07-18T21:16:51.511+00:00"},"created_at":"2024-06-18T18:41:27.1+00:00"}}`
	checkConn := func(t *testing.T, got any) {
		c := got.(*pagerduty.WorkflowIntegrationConnection)
		if c.ID != "C1" || c.IntegrationID != "http-api" || !bool(c.IsDefault) || c.Health == nil || !c.Health.IsHealthy || c.Health.LastCheckedAt.IsZero() || c.CreatedAt.IsZero() {
			t.Errorf("decoded %+v", c)
		}
	}
	yes := true
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.WorkflowIntegrations.List(ctx, &pagerduty.ListWorkflowIntegrationsOptions{IncludeDeprecated: true, CursorOptions: pagerduty.CursorOptions{Limit: 20}}))
		}, answer: `{"integrations":[{"id":"http-api","name":"Web API","entitled":true}],"limit":20,"next_cursor":null}`,
			want: wantRequest{method: "GET", path: "/workflows/integrations", query: vals("include_deprecated", "true", "limit", "20")},
			check: func(t *testing.T, got any) {
				if i := got.(pagerduty.WorkflowIntegration); i.ID != "http-api" || !i.Entitled {
					t.Errorf("decoded %+v", i)
				}
			}},
		{name: "list page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.ListPage(ctx, &pagerduty.ListWorkflowIntegrationsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "c2"}})
		}, answer: `{"integrations":[],"limit":10,"next_cursor":"c3"}`,
			want: wantRequest{method: "GET", path: "/workflows/integrations", query: vals("cursor", "c2")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.WorkflowIntegration]); p.NextCursor != "c3" {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.Get(ctx, "http-api")
		},
			answer: `{"integration":{"id":"http-api","name":"Web API","secrets_schema":{"type":"object"}}}`, want: wantRequest{method: "GET", path: "/workflows/integrations/http-api"},
			check: func(t *testing.T, got any) {
				if i := got.(*pagerduty.WorkflowIntegration); i.ID != "http-api" || i.SecretsSchema["type"] != "object" {
					t.Errorf("decoded %+v", i)
				}
			}},
		{name: "list all connections", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.WorkflowIntegrations.ListAllConnections(ctx, &pagerduty.ListWorkflowIntegrationConnectionsOptions{Name: "prod"}))
		}, answer: `{"connections":[{"id":"C1","is_default":"false"}],"next_cursor":null}`,
			want: wantRequest{method: "GET", path: "/workflows/integrations/connections", query: vals("name", "prod")},
			check: func(t *testing.T, got any) {
				if c := got.(pagerduty.WorkflowIntegrationConnection); c.ID != "C1" || bool(c.IsDefault) {
					t.Errorf("decoded %+v", c)
				}
			}},
		{name: "list all connections page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.ListAllConnectionsPage(ctx, nil)
		}, answer: `{"connections":[{"id":"C1"}],"next_cursor":null}`, want: wantRequest{method: "GET", path: "/workflows/integrations/connections"}},
		{name: "list connections", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.WorkflowIntegrations.ListConnections(ctx, "http-api", nil))
		}, answer: `{"connections":[{"id":"C1"}],"next_cursor":null}`, want: wantRequest{method: "GET", path: "/workflows/integrations/http-api/connections"}},
		{name: "list connections page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.ListConnectionsPage(ctx, "http-api", &pagerduty.ListWorkflowIntegrationConnectionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 5}})
		}, answer: `{"connections":[{"id":"C1"}],"next_cursor":null}`, want: wantRequest{method: "GET", path: "/workflows/integrations/http-api/connections", query: vals("limit", "5")}},
		{name: "create connection", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.CreateConnection(ctx, "http-api", pagerduty.WorkflowIntegrationConnectionParams{
				Name: "Mine", Secrets: map[string]any{"k": "v"}, Teams: []pagerduty.WorkflowConnectionTeam{{TeamID: "PT1"}}, Apps: []pagerduty.WorkflowConnectionApp{}})
		}, status: http.StatusCreated, answer: conn, check: checkConn,
			want: wantRequest{method: "POST", path: "/workflows/integrations/http-api/connections",
				body: `{"name":"Mine","secrets":{"k":"v"},"teams":[{"team_id":"PT1","type":"team_reference"}],"apps":[]}`}},
		{name: "get connection", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.GetConnection(ctx, "http-api", "C1")
		}, answer: conn, check: checkConn, want: wantRequest{method: "GET", path: "/workflows/integrations/http-api/connections/C1"}},
		{name: "get connection as a list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.GetConnection(ctx, "http-api", "C1")
		}, answer: `{"connection":[` + conn[len(`{"connection":`):len(conn)-1] + `]}`, check: checkConn,
			want: wantRequest{method: "GET", path: "/workflows/integrations/http-api/connections/C1"}},
		{name: "update connection", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WorkflowIntegrations.UpdateConnection(ctx, "http-api", "C1", pagerduty.WorkflowIntegrationConnectionParams{IsDefault: &yes})
		}, answer: conn, check: checkConn,
			want: wantRequest{method: "PATCH", path: "/workflows/integrations/http-api/connections/C1", body: `{"is_default":true}`}},
		{name: "delete connection", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.WorkflowIntegrations.DeleteConnection(ctx, "http-api", "C1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/workflows/integrations/http-api/connections/C1"}},
	})
}

func TestWorkflowIntegrationsRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.WorkflowIntegrations.List(ctx, &pagerduty.ListWorkflowIntegrationsOptions{CursorOptions: pagerduty.CursorOptions{Limit: -1}}))
		}, "out of range"},
		{"integration id", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.WorkflowIntegrations.ListConnections(ctx, "", nil))
		}, "empty"},
		{"create without secrets", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.WorkflowIntegrations.CreateConnection(ctx, "http-api", pagerduty.WorkflowIntegrationConnectionParams{Name: "x"})
			return err
		}, "Secrets is required"},
		{"create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.WorkflowIntegrations.CreateConnection(ctx, "http-api", pagerduty.WorkflowIntegrationConnectionParams{Secrets: map[string]any{}})
			return err
		}, "Name is required"},
		{"bad team", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.WorkflowIntegrations.UpdateConnection(ctx, "http-api", "C1", pagerduty.WorkflowIntegrationConnectionParams{Teams: []pagerduty.WorkflowConnectionTeam{{TeamID: "a b"}}})
			return err
		}, "Teams[0].TeamID"},
		{"empty update", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.WorkflowIntegrations.UpdateConnection(ctx, "http-api", "C1", pagerduty.WorkflowIntegrationConnectionParams{})
			return err
		}, "a field to change"},
	})
}

func TestLaxBool(t *testing.T) {
	for in, want := range map[string]bool{`true`: true, `false`: false, `"true"`: true, `"true,"`: true, `"FALSE"`: false, `null`: false} {
		var b pagerduty.LaxBool
		if err := json.Unmarshal([]byte(in), &b); err != nil || bool(b) != want {
			t.Errorf("%s: %v, %v; want %v", in, b, err, want)
		}
	}
	var b pagerduty.LaxBool
	if err := json.Unmarshal([]byte(`"maybe"`), &b); err == nil {
		t.Error(`"maybe" decoded without an error`)
	}
	if out, _ := json.Marshal(pagerduty.LaxBool(true)); string(out) != "true" {
		t.Errorf("encoded as %s", out)
	}
}
