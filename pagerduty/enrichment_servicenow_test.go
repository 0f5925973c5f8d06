package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestEnrichmentServiceNowRequests(t *testing.T) {
	table := pagerduty.ServiceNowTableParams{DisplayName: "Servers", CITableName: "cmdb_ci_server",
		FieldMappings: []pagerduty.ServiceNowFieldMapping{{ServiceNowField: "name", EventField: "source", Type: pagerduty.ServiceNowFieldQuery}}}
	const tableJSON = `{"display_name":"Servers","ci_table_name":"cmdb_ci_server","field_mappings":[{"servicenow_field":"name","event_field":"source","type":"query"}]}`
	const tableAnswer = `{"cmdb_table":{"id":"T1","display_name":"Servers","ci_table_name":"cmdb_ci_server","status":"syncing","created_at":"2026-01-02T03:04:05Z"}}`
	checkTable := func(t *testing.T, got any) {
		if tb := got.(*pagerduty.ServiceNowTable); tb.ID != "T1" || tb.Status != pagerduty.ServiceNowTableSyncing || tb.CreatedAt.IsZero() {
			t.Errorf("decoded %+v", tb)
		}
	}
	const integ = `{"integration":{"id":"I1","name":"CMDB","cmdb_tables":[{"id":"T1","ci_table_name":"cmdb_ci_server"}],"credentials":{"id":"C1","user":"u"}}}`
	checkInteg := func(t *testing.T, got any) {
		if in := got.(*pagerduty.ServiceNowIntegration); in.ID != "I1" || len(in.CMDBTables) != 1 || in.Credentials == nil || in.Credentials.ID != "C1" {
			t.Errorf("decoded %+v", in)
		}
	}
	const creds = `{"credentials":{"id":"C1","instance_endpoint":"https://x.service-now.com","user":"u"}}`
	checkCreds := func(t *testing.T, got any) {
		if c := got.(*pagerduty.ServiceNowCredentials); c.ID != "C1" || c.User != "u" {
			t.Errorf("decoded %+v", c)
		}
	}
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.ListServiceNowIntegrations(ctx)
		},
			answer: `{"integrations":[{"id":"I1","name":"CMDB"}]}`, want: wantRequest{method: "GET", path: "/enrichment/integrations/servicenow"},
			check: func(t *testing.T, got any) {
				if l := got.([]pagerduty.ServiceNowIntegration); len(l) != 1 || l[0].Name != "CMDB" {
					t.Errorf("decoded %+v", l)
				}
			}},
		{name: "create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.CreateServiceNowIntegration(ctx, pagerduty.ServiceNowIntegrationParams{Name: "CMDB", CMDBTables: []pagerduty.ServiceNowTableParams{table}})
		}, answer: integ, check: checkInteg,
			want: wantRequest{method: "POST", path: "/enrichment/integrations/servicenow", body: `{"name":"CMDB","cmdb_tables":[` + tableJSON + `]}`}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetServiceNowIntegration(ctx, "I1")
		},
			answer: integ, check: checkInteg, want: wantRequest{method: "GET", path: "/enrichment/integrations/servicenow/I1"}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Enrichment.DeleteServiceNowIntegration(ctx, "I1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/enrichment/integrations/servicenow/I1"}},
		{name: "add table", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.AddServiceNowTable(ctx, "I1", table)
		}, answer: tableAnswer, check: checkTable,
			want: wantRequest{method: "POST", path: "/enrichment/integrations/servicenow/I1/tables", body: `{"cmdb_table":` + tableJSON + `}`}},
		{name: "update table", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.UpdateServiceNowTable(ctx, "I1", "T1", table)
		}, answer: tableAnswer, check: checkTable,
			want: wantRequest{method: "PUT", path: "/enrichment/integrations/servicenow/I1/tables/T1", body: `{"cmdb_table":` + tableJSON + `}`}},
		{name: "delete table", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Enrichment.DeleteServiceNowTable(ctx, "I1", "T1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/enrichment/integrations/servicenow/I1/tables/T1"}},
		{name: "enable", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.EnableServiceNowTableSync(ctx, "I1", "T1")
		}, answer: `{"status":"syncing","message":"started"}`, want: wantRequest{method: "POST", path: "/enrichment/integrations/servicenow/I1/tables/T1/enable"},
			check: func(t *testing.T, got any) {
				if s := got.(*pagerduty.ServiceNowSyncStatus); s.Status != "syncing" || s.Message != "started" {
					t.Errorf("decoded %+v", s)
				}
			}},
		{name: "test", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.TestServiceNowTable(ctx, "I1", "T1")
		}, answer: `{"enrichment_data":[{"source":"web-1"}]}`, want: wantRequest{method: "GET", path: "/enrichment/integrations/servicenow/I1/tables/T1/test"},
			check: func(t *testing.T, got any) {
				if d := got.([]map[string]any); len(d) != 1 || d[0]["source"] != "web-1" {
					t.Errorf("decoded %+v", d)
				}
			}},
		{name: "create credentials", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.CreateServiceNowCredentials(ctx, pagerduty.ServiceNowCredentialsParams{InstanceEndpoint: "https://x.service-now.com", User: "u", Password: "pw"})
		}, answer: creds, check: checkCreds,
			want: wantRequest{method: "POST", path: "/enrichment/integrations/servicenow/credentials", body: `{"credentials":{"instance_endpoint":"https://x.service-now.com","user":"u","password":"pw"}}`}},
		{name: "get credentials", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetServiceNowCredentials(ctx, "C1")
		}, answer: creds, check: checkCreds, want: wantRequest{method: "GET", path: "/enrichment/integrations/servicenow/credentials/C1"}},
		{name: "update credentials", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.UpdateServiceNowCredentials(ctx, "C1", pagerduty.ServiceNowCredentialsParams{Password: "pw2"})
		}, answer: creds, check: checkCreds,
			want: wantRequest{method: "PUT", path: "/enrichment/integrations/servicenow/credentials/C1", body: `{"credentials":{"password":"pw2"}}`}},
		{name: "delete credentials", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Enrichment.DeleteServiceNowCredentials(ctx, "C1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/enrichment/integrations/servicenow/credentials/C1"}},
	})
}

func TestEnrichmentServiceNowRefusesBadInput(t *testing.T) {
	ok := pagerduty.ServiceNowTableParams{DisplayName: "S", CITableName: "cmdb_ci_server"}
	runBadCalls(t, []badCall{
		{"no name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateServiceNowIntegration(ctx, pagerduty.ServiceNowIntegrationParams{CMDBTables: []pagerduty.ServiceNowTableParams{ok}})
			return err
		}, "Name is required"},
		{"no tables", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateServiceNowIntegration(ctx, pagerduty.ServiceNowIntegrationParams{Name: "x"})
			return err
		}, "1 to 8"},
		{"table without CI name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.AddServiceNowTable(ctx, "I1", pagerduty.ServiceNowTableParams{DisplayName: "S"})
			return err
		}, "CITableName is required"},
		{"mapping type", func(ctx context.Context, c *pagerduty.Client) error {
			p := ok
			p.FieldMappings = []pagerduty.ServiceNowFieldMapping{{ServiceNowField: "a", EventField: "b", Type: pagerduty.ServiceNowFieldDiscriminator}}
			_, err := c.Enrichment.UpdateServiceNowTable(ctx, "I1", "T1", p)
			return err
		}, "Type"},
		{"table id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.EnableServiceNowTableSync(ctx, "I1", "")
			return err
		}, "empty"},
		{"credentials without password", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateServiceNowCredentials(ctx, pagerduty.ServiceNowCredentialsParams{InstanceEndpoint: "https://x", User: "u"})
			return err
		}, "Password"},
		{"empty credentials update", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UpdateServiceNowCredentials(ctx, "C1", pagerduty.ServiceNowCredentialsParams{})
			return err
		}, "a field to change"},
	})
}

// The password never shows when credentials are printed.
func TestServiceNowCredentialsHidePassword(t *testing.T) {
	for _, s := range []string{
		fmt.Sprint(pagerduty.ServiceNowCredentials{ID: "C1", User: "u", Password: "hunter2"}),
		fmt.Sprintf("%v", pagerduty.ServiceNowCredentialsParams{User: "u", Password: "hunter2"}),
	} {
		if strings.Contains(s, "hunter2") || !strings.Contains(s, "u") {
			t.Errorf("printed %q", s)
		}
	}
}
