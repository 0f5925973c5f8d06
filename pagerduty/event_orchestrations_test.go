package pagerduty_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const orchJSON = `{"id":"e1a2b3c4-0000-4000-8000-00000000000a","self":"https://api.pagerduty.com/event_orchestrations/e1a2b3c4-0000-4000-8000-00000000000a",
	"name":"Checkout","description":"Checkout alerts","team":{"id":"PTEAM01","type":"team_reference"},
	"integrations":[{"id":"int-1","label":"Default","parameters":{"routing_key":"R0ROUTINGKEY","type":"global"}}],
	"routes":3,"created_at":"2025-03-01T10:00:00Z","created_by":{"id":"PUSER01","type":"user_reference"},
	"updated_at":"2025-03-02T11:30:00Z","updated_by":{"id":"PUSER02","type":"user_reference"},"version":"v-17"}`

const orchID = "e1a2b3c4-0000-4000-8000-00000000000a"

func checkOrchestration(t *testing.T, got any) {
	t.Helper()
	o := got.(*pagerduty.Orchestration)
	if o.ID != orchID || o.Name != "Checkout" || o.Description != "Checkout alerts" || o.Team == nil || o.Team.ID != "PTEAM01" ||
		o.Routes != 3 || o.Version != "v-17" || o.CreatedBy == nil || o.CreatedBy.ID != "PUSER01" || o.UpdatedBy == nil || o.UpdatedBy.ID != "PUSER02" {
		t.Errorf("orchestration = %+v", o)
	}
	if !o.CreatedAt.Equal(time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)) || !o.UpdatedAt.Equal(time.Date(2025, 3, 2, 11, 30, 0, 0, time.UTC)) {
		t.Errorf("times = %v, %v", o.CreatedAt, o.UpdatedAt)
	}
	if len(o.Integrations) != 1 || o.Integrations[0].Parameters == nil || o.Integrations[0].Parameters.RoutingKey != "R0ROUTINGKEY" {
		t.Errorf("integrations = %+v", o.Integrations)
	}
}

func TestEventOrchestrationsRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.EventOrchestrations.List(ctx, &pagerduty.ListOrchestrationsOptions{SortBy: pagerduty.OrchestrationSortCreatedAtDesc}))
			},
			answer: `{"orchestrations":[` + orchJSON + `],"limit":100,"offset":0,"more":false}`,
			want:   wantRequest{method: "GET", path: "/event_orchestrations", query: pageQuery("sort_by", "created_at:desc")},
			check: func(t *testing.T, got any) {
				o := got.(pagerduty.Orchestration)
				checkOrchestration(t, &o)
			},
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.ListPage(ctx, &pagerduty.ListOrchestrationsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Offset: 10, Total: true}})
			},
			answer: `{"orchestrations":[` + orchJSON + `],"limit":5,"offset":10,"more":true,"total":42}`,
			want:   wantRequest{method: "GET", path: "/event_orchestrations", query: vals("limit", "5", "offset", "10", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.Orchestration])
				if len(p.Items) != 1 || !p.More || p.Total == nil || *p.Total != 42 || p.Limit != 5 || p.Offset != 10 {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.Create(ctx, &pagerduty.OrchestrationParams{Name: "Checkout", Description: pointerTo("Checkout alerts"), TeamID: "PTEAM01"})
			},
			status: 201,
			answer: `{"orchestration":` + orchJSON + `}`,
			want:   wantRequest{method: "POST", path: "/event_orchestrations", body: `{"orchestration":{"name":"Checkout","description":"Checkout alerts","team":{"id":"PTEAM01"}}}`},
			check:  checkOrchestration,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.Get(ctx, orchID)
			},
			answer: `{"orchestration":` + orchJSON + `}`,
			want:   wantRequest{method: "GET", path: "/event_orchestrations/" + orchID},
			check:  checkOrchestration,
		},
		{
			name: "Update sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.Update(ctx, orchID, &pagerduty.OrchestrationParams{Description: pointerTo("")})
			},
			answer: `{"orchestration":` + orchJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/event_orchestrations/" + orchID, body: `{"orchestration":{"description":""}}`},
			check:  checkOrchestration,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.EventOrchestrations.Delete(ctx, orchID)
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/event_orchestrations/" + orchID},
		},
	})
}

const orchIntegrationJSON = `{"id":"int-2","label":"Datadog","parameters":{"routing_key":"R0KEY2","type":"global"}}`

func checkOrchIntegration(t *testing.T, got any) {
	t.Helper()
	in := got.(*pagerduty.OrchestrationIntegration)
	if in.ID != "int-2" || in.Label != "Datadog" || in.Parameters == nil || in.Parameters.RoutingKey != "R0KEY2" || in.Parameters.Type != "global" {
		t.Errorf("integration = %+v", in)
	}
}

func TestEventOrchestrationsIntegrationRequests(t *testing.T) {
	base := "/event_orchestrations/" + orchID + "/integrations"
	runAPICases(t, []apiCase{
		{
			name: "ListIntegrations",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.ListIntegrations(ctx, orchID)
			},
			answer: `{"integrations":[` + orchIntegrationJSON + `],"total":1}`,
			want:   wantRequest{method: "GET", path: base},
			check: func(t *testing.T, got any) {
				list := got.([]pagerduty.OrchestrationIntegration)
				if len(list) != 1 {
					t.Fatalf("integrations = %+v", list)
				}
				checkOrchIntegration(t, &list[0])
			},
		},
		{
			name: "CreateIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.CreateIntegration(ctx, orchID, "Datadog")
			},
			status: 201,
			answer: `{"integration":` + orchIntegrationJSON + `}`,
			want:   wantRequest{method: "POST", path: base, body: `{"integration":{"label":"Datadog"}}`},
			check:  checkOrchIntegration,
		},
		{
			name: "GetIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.GetIntegration(ctx, orchID, "int-2")
			},
			answer: `{"integration":` + orchIntegrationJSON + `}`,
			want:   wantRequest{method: "GET", path: base + "/int-2"},
			check:  checkOrchIntegration,
		},
		{
			name: "UpdateIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.UpdateIntegration(ctx, orchID, "int-2", "Datadog")
			},
			answer: `{"integration":` + orchIntegrationJSON + `}`,
			want:   wantRequest{method: "PUT", path: base + "/int-2", body: `{"integration":{"label":"Datadog"}}`},
			check:  checkOrchIntegration,
		},
		{
			name: "DeleteIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.EventOrchestrations.DeleteIntegration(ctx, orchID, "int-2")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: base + "/int-2"},
		},
		{
			name: "MigrateIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.MigrateIntegration(ctx, orchID, "other-orch", "int-2")
			},
			answer: `{"integrations":[` + orchIntegrationJSON + `],"total":1}`,
			want: wantRequest{method: "POST", path: base + "/migration",
				body: `{"source_id":"other-orch","source_type":"orchestration","integration_id":"int-2"}`},
			check: func(t *testing.T, got any) {
				list := got.([]pagerduty.OrchestrationIntegration)
				if len(list) != 1 {
					t.Fatalf("integrations = %+v", list)
				}
				checkOrchIntegration(t, &list[0])
			},
		},
	})
}

func TestEventOrchestrationsRejectBadInput(t *testing.T) {
	eo := func(c *pagerduty.Client) *pagerduty.EventOrchestrationsService { return c.EventOrchestrations }
	runBadCalls(t, []badCall{
		{"List with an unknown sort", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(eo(c).List(ctx, &pagerduty.ListOrchestrationsOptions{SortBy: "team:asc"}))
		}, `"team:asc" is not accepted`},
		{"ListPage with a limit out of range", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).ListPage(ctx, &pagerduty.ListOrchestrationsOptions{ListOptions: pagerduty.ListOptions{Limit: 101}})
			return err
		}, "Limit 101 is out of range"},
		{"Create without a name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).Create(ctx, &pagerduty.OrchestrationParams{TeamID: "PTEAM01"})
			return err
		}, "Name is required"},
		{"Create with nil params", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).Create(ctx, nil)
			return err
		}, "params is required"},
		{"Create with a bad team ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).Create(ctx, &pagerduty.OrchestrationParams{Name: "x", TeamID: "../teams"})
			return err
		}, "TeamID"},
		{"Update that changes nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).Update(ctx, orchID, &pagerduty.OrchestrationParams{})
			return err
		}, "change nothing"},
		{"Get with a path in the ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).Get(ctx, "a/b")
			return err
		}, "invalid ID"},
		{"Delete with no ID", func(ctx context.Context, c *pagerduty.Client) error {
			return eo(c).Delete(ctx, "")
		}, "the ID is empty"},
		{"CreateIntegration without a label", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).CreateIntegration(ctx, orchID, "  ")
			return err
		}, "label is required"},
		{"UpdateIntegration with a bad integration ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).UpdateIntegration(ctx, orchID, "a?b", "x")
			return err
		}, "{integration_id}"},
		{"MigrateIntegration from itself", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).MigrateIntegration(ctx, orchID, orchID, "int-2")
			return err
		}, "name another one"},
		{"MigrateIntegration with a bad source", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).MigrateIntegration(ctx, orchID, "", "int-2")
			return err
		}, "source orchestration"},
		{"UpdateEnablement of an unknown feature", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).UpdateEnablement(ctx, orchID, "autopilot", true)
			return err
		}, `"autopilot" is not accepted; use one of aiops`},
		{"GetServiceActive with a bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := eo(c).GetServiceActive(ctx, "..")
			return err
		}, "{service_id}"},
	})
}

func TestEventOrchestrationsFeatureRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "GetServiceActive",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.GetServiceActive(ctx, "PSVC001")
			},
			answer: `{"active":true}`,
			want:   wantRequest{method: "GET", path: "/event_orchestrations/services/PSVC001/active"},
			check: func(t *testing.T, got any) {
				if got != true {
					t.Errorf("active = %v, want true", got)
				}
			},
		},
		{
			name: "SetServiceActive sends false",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.SetServiceActive(ctx, "PSVC001", false)
			},
			answer: `{"active":false}`,
			want:   wantRequest{method: "PUT", path: "/event_orchestrations/services/PSVC001/active", body: `{"active":false}`},
			check: func(t *testing.T, got any) {
				if got != false {
					t.Errorf("active = %v, want false", got)
				}
			},
		},
		{
			name: "ListEnablements",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.ListEnablements(ctx, orchID)
			},
			answer: `{"enablements":[{"feature":"aiops","enabled":true,"updated_at":"2025-05-01T08:00:00Z",
				"warnings":[{"message":"the account has no AIOps"}]},{"feature":"aiops","enabled":false,"updated_at":null}]}`,
			want: wantRequest{method: "GET", path: "/event_orchestrations/" + orchID + "/enablements"},
			check: func(t *testing.T, got any) {
				list := got.([]pagerduty.OrchestrationEnablement)
				if len(list) != 2 || list[0].Feature != pagerduty.OrchestrationFeatureAIOps || !list[0].Enabled ||
					!list[0].UpdatedAt.Equal(time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)) ||
					len(list[0].Warnings) != 1 || list[0].Warnings[0].Message == "" || !list[1].UpdatedAt.IsZero() {
					t.Errorf("enablements = %+v", list)
				}
			},
		},
		{
			name: "UpdateEnablement",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.UpdateEnablement(ctx, orchID, pagerduty.OrchestrationFeatureAIOps, false)
			},
			answer: `{"enablement":{"feature":"aiops","enabled":false,"updated_at":"2025-05-01T08:00:00Z"}}`,
			want:   wantRequest{method: "PUT", path: "/event_orchestrations/" + orchID + "/enablements/aiops", body: `{"enablement":{"enabled":false}}`},
			check: func(t *testing.T, got any) {
				e := got.(*pagerduty.OrchestrationEnablement)
				if e.Feature != pagerduty.OrchestrationFeatureAIOps || e.Enabled || e.UpdatedAt.IsZero() {
					t.Errorf("enablement = %+v", e)
				}
			},
		},
		{
			// The API description documents this answer as a one-item array.
			name: "UpdateEnablement accepts an array",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EventOrchestrations.UpdateEnablement(ctx, orchID, pagerduty.OrchestrationFeatureAIOps, true)
			},
			answer: `{"enablement":[{"feature":"aiops","enabled":true}]}`,
			want:   wantRequest{method: "PUT", path: "/event_orchestrations/" + orchID + "/enablements/aiops", body: `{"enablement":{"enabled":true}}`},
			check: func(t *testing.T, got any) {
				if e := got.(*pagerduty.OrchestrationEnablement); !e.Enabled {
					t.Errorf("enablement = %+v", e)
				}
			},
		},
	})
}

func TestEventOrchestrationsReportMissingAnswers(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/active"):
			writeJSON(w, 200, map[string]any{})
		default:
			writeJSON(w, 200, map[string]any{"enablement": []any{}})
		}
	})
	ctx := context.Background()
	if _, err := c.EventOrchestrations.GetServiceActive(ctx, "PSVC001"); err == nil || !strings.Contains(err.Error(), "has no active") {
		t.Errorf("GetServiceActive on an empty answer: %v", err)
	}
	if _, err := c.EventOrchestrations.UpdateEnablement(ctx, orchID, pagerduty.OrchestrationFeatureAIOps, true); err == nil || !strings.Contains(err.Error(), "has no enablement") {
		t.Errorf("UpdateEnablement on an empty array: %v", err)
	}
}

func TestEventOrchestrationsAPIErrors(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"code": 2100, "message": "Not Found"}})
	})
	_, err := c.EventOrchestrations.Get(context.Background(), orchID)
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound || !pagerduty.IsNotFound(err) {
		t.Errorf("Get of a missing orchestration: %v, want a 404 *APIError", err)
	}
}
