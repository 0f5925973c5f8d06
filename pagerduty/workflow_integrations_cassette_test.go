package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestWorkflowIntegrationsCassette'.
func TestWorkflowIntegrationsCassette(t *testing.T) {
	c := workflowReplayClient(t, "pagerduty/workflow_integrations/all")
	ctx := context.Background()

	ints := readUpTo(t, "List", c.WorkflowIntegrations.List(ctx, &pagerduty.ListWorkflowIntegrationsOptions{IncludeDeprecated: true}), 2)
	if ints[0].ID == "" || ints[0].Name == "" {
		t.Errorf("List: %+v lacks an ID or a name", ints[0])
	}
	page := must(c.WorkflowIntegrations.ListPage(ctx, &pagerduty.ListWorkflowIntegrationsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 10}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Errorf("ListPage: no integrations")
	}
	in := must(c.WorkflowIntegrations.Get(ctx, "http-api")).ok(t, "Get")
	if in.ID == "" || in.Name == "" || in.CreatedAt.IsZero() {
		t.Errorf("Get: %+v lacks an ID, a name or a creation time", in)
	}

	checkConn := func(what string, cn pagerduty.WorkflowIntegrationConnection) {
		t.Helper()
		if cn.ID == "" || cn.IntegrationID == "" || cn.Name == "" || cn.CreatedAt.IsZero() {
			t.Errorf("%s: connection %+v lacks an ID, an integration, a name or a creation time", what, cn)
		}
	}
	for _, cn := range readUpTo(t, "ListAllConnections", c.WorkflowIntegrations.ListAllConnections(ctx, &pagerduty.ListWorkflowIntegrationConnectionsOptions{Name: "My"}), 2) {
		checkConn("ListAllConnections", cn)
	}
	allPage := must(c.WorkflowIntegrations.ListAllConnectionsPage(ctx, nil)).ok(t, "ListAllConnectionsPage")
	if len(allPage.Items) == 0 {
		t.Errorf("ListAllConnectionsPage: no connections")
	}
	for _, cn := range readUpTo(t, "ListConnections", c.WorkflowIntegrations.ListConnections(ctx, "http-api", nil), 2) {
		checkConn("ListConnections", cn)
	}
	onePage := must(c.WorkflowIntegrations.ListConnectionsPage(ctx, "http-api", &pagerduty.ListWorkflowIntegrationConnectionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 5}})).ok(t, "ListConnectionsPage")
	if len(onePage.Items) == 0 {
		t.Errorf("ListConnectionsPage: no connections")
	}
	created := must(c.WorkflowIntegrations.CreateConnection(ctx, "http-api", pagerduty.WorkflowIntegrationConnectionParams{
		Name: "My Connection", ServiceURL: "https://webhook.site",
		Configuration: map[string]any{"Allowed Hostnames": "webhook.site"},
		Secrets:       map[string]any{"Authentication Headers": "sample"},
		Teams:         []pagerduty.WorkflowConnectionTeam{{TeamID: "PQ9K7I8"}},
	})).ok(t, "CreateConnection")
	checkConn("CreateConnection", *created)
	got := must(c.WorkflowIntegrations.GetConnection(ctx, "http-api", "5a8e88bb-2acd-4035-8f02-163c10f917b8")).ok(t, "GetConnection")
	checkConn("GetConnection", *got)
	if got.Health == nil || got.Health.LastCheckedAt.IsZero() {
		t.Errorf("GetConnection: health %+v lacks its check time", got.Health)
	}
	upd := must(c.WorkflowIntegrations.UpdateConnection(ctx, "http-api", "5a8e88bb-2acd-4035-8f02-163c10f917b8", pagerduty.WorkflowIntegrationConnectionParams{
		Name: "Renamed", Secrets: map[string]any{"Authentication Headers": "sample"}})).ok(t, "UpdateConnection")
	checkConn("UpdateConnection", *upd)
	mustDo(t, "DeleteConnection", c.WorkflowIntegrations.DeleteConnection(ctx, "http-api", "5a8e88bb-2acd-4035-8f02-163c10f917b8"))
}
