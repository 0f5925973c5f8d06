package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestEnrichmentEventEnrichmentRequests(t *testing.T) {
	const ee = `{"event_enrichment":{"id":"PEE1234","name":"Hosts","is_default":false,"associated_services":2,"team":{"id":"PT1","type":"team_reference"},"privileges":{"permissions":["read"]},"created_at":"2026-01-02T03:04:05Z"}}`
	checkEE := func(t *testing.T, got any) {
		e := got.(*pagerduty.EventEnrichment)
		if e.ID != "PEE1234" || e.Name != "Hosts" || e.AssociatedServices != 2 || e.Team == nil || e.Team.ID != "PT1" || e.Privileges == nil || e.CreatedAt.IsZero() {
			t.Errorf("decoded %+v", e)
		}
	}
	refs := []pagerduty.Reference{{ID: "PSVC1", Type: "service_reference"}}
	tmpl := "{{event.source}}"
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Enrichment.ListEventEnrichments(ctx, &pagerduty.ListEventEnrichmentsOptions{Includes: []pagerduty.EventEnrichmentInclude{pagerduty.EventEnrichmentIncludePrivileges}}))
		}, answer: `{"event_enrichments":[{"id":"PEE1234","name":"Hosts"}],"more":false}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments", query: pageQuery("include[]", "privileges")},
			check: func(t *testing.T, got any) {
				if got.(pagerduty.EventEnrichment).ID != "PEE1234" {
					t.Errorf("decoded %+v", got)
				}
			}},
		{name: "list page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.ListEventEnrichmentsPage(ctx, &pagerduty.ListEventEnrichmentsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Offset: 5}})
		}, answer: `{"event_enrichments":[{"id":"PEE1234"}],"limit":5,"offset":5,"more":true}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments", query: vals("limit", "5", "offset", "5")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.EventEnrichment]); !p.More || len(p.Items) != 1 {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.CreateEventEnrichment(ctx, pagerduty.EventEnrichmentParams{Name: "Hosts", TeamID: "PT1"})
		}, answer: ee, check: checkEE,
			want: wantRequest{method: "POST", path: "/enrichment/event_enrichments", body: `{"event_enrichment":{"name":"Hosts","team":{"id":"PT1"}}}`}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetEventEnrichment(ctx, "PEE1234", pagerduty.EventEnrichmentIncludePrivileges)
		}, answer: ee, check: checkEE,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments/PEE1234", query: vals("include[]", "privileges")}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.UpdateEventEnrichment(ctx, "PEE1234", pagerduty.EventEnrichmentParams{Description: "new"})
		}, answer: ee, check: checkEE,
			want: wantRequest{method: "PUT", path: "/enrichment/event_enrichments/PEE1234", body: `{"event_enrichment":{"description":"new"}}`}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Enrichment.DeleteEventEnrichment(ctx, "PEE1234")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/enrichment/event_enrichments/PEE1234"}},
		{name: "get default", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetDefaultEventEnrichment(ctx)
		}, answer: `{"default":{"id":"PEE1","type":"event_enrichment_reference"}}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments/default"},
			check: func(t *testing.T, got any) {
				if d := got.(*pagerduty.EventEnrichmentDefault); d.Default == nil || d.Default.ID != "PEE1" || d.PreviousDefault != nil {
					t.Errorf("decoded %+v", d)
				}
			}},
		{name: "set default", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.SetDefaultEventEnrichment(ctx, "PEE2")
		}, answer: `{"default":{"id":"PEE2"},"previous_default":{"id":"PEE1"}}`,
			want: wantRequest{method: "PUT", path: "/enrichment/event_enrichments/default", body: `{"default":{"id":"PEE2","type":"event_enrichment_reference"}}`},
			check: func(t *testing.T, got any) {
				if d := got.(*pagerduty.EventEnrichmentDefault); d.PreviousDefault == nil || d.PreviousDefault.ID != "PEE1" {
					t.Errorf("decoded %+v", d)
				}
			}},
		{name: "list associations", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Enrichment.ListEventEnrichmentAssociations(ctx, "PEE1234", &pagerduty.ListEventEnrichmentAssociationsOptions{AssociationType: pagerduty.EventEnrichmentAssociationEventOrchestration}))
		}, answer: `{"associations":[{"id":"EO1","type":"event_orchestration_reference"}],"more":false}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments/PEE1234/associations", query: pageQuery("association_type", "event_orchestration")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.Reference); r.ID != "EO1" || r.Type != "event_orchestration_reference" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "list associations page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.ListEventEnrichmentAssociationsPage(ctx, "PEE1234", nil)
		}, answer: `{"associations":[{"id":"S1","type":"service_reference"}],"total":1}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments/PEE1234/associations"}},
		{name: "add associations", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.AddEventEnrichmentAssociations(ctx, "PEE1234", refs)
		}, status: 207, answer: `{"associations":[{"status":404,"errors":["not found"],"association":{"id":"PSVC1","type":"service_reference"}}]}`,
			want: wantRequest{method: "POST", path: "/enrichment/event_enrichments/PEE1234/associations", body: `{"associations":[{"id":"PSVC1","type":"service_reference"}]}`},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.EventEnrichmentAssociationsResult)
				if len(r.Associations) != 1 || r.Associations[0].Status != 404 || r.Associations[0].Association.ID != "PSVC1" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "delete associations", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.DeleteEventEnrichmentAssociations(ctx, "PEE1234", refs)
		}, answer: `{"status":"ok"}`,
			want: wantRequest{method: "DELETE", path: "/enrichment/event_enrichments/PEE1234/associations", body: `{"associations":[{"id":"PSVC1","type":"service_reference"}]}`},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.EventEnrichmentAssociationsResult); r.Status != "ok" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "get rules", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetEventEnrichmentRules(ctx, "PEE1234")
		}, answer: `{"orchestration_path":{"type":"event_enrichment","sets":[{"id":"start","rules":[{"id":"r1","actions":{"enrichments":[{"schema_to_search":"S1","search_values":[{"path":"event.source","query_field_name":"host"}],"target":"event.custom_details.owner"}]}}]}],"version":"v2"}}`,
			want: wantRequest{method: "GET", path: "/enrichment/event_enrichments/PEE1234/rules"},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.EventEnrichmentRules)
				if r.Version != "v2" || len(r.Sets) != 1 || len(r.Sets[0].Rules) != 1 || r.Sets[0].Rules[0].Actions.Enrichments[0].SearchValues[0].QueryFieldName != "host" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "update rules", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.UpdateEventEnrichmentRules(ctx, "PEE1234", []pagerduty.EventEnrichmentRuleSet{{ID: "start", Rules: []pagerduty.EventEnrichmentRule{{
				Label: "l", Actions: pagerduty.EventEnrichmentActions{Extractions: []pagerduty.EventExtraction{{Target: "event.summary", Template: &tmpl}}}}}}})
		}, answer: `{"orchestration_path":{"sets":[{"id":"start","rules":[]}]}}`,
			want: wantRequest{method: "PUT", path: "/enrichment/event_enrichments/PEE1234/rules",
				body: `{"orchestration_path":{"sets":[{"id":"start","rules":[{"label":"l","actions":{"extractions":[{"target":"event.summary","template":"{{event.source}}"}]}}]}]}}`}},
	})
}

func TestEnrichmentEventEnrichmentRefusesBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateEventEnrichment(ctx, pagerduty.EventEnrichmentParams{})
			return err
		}, "Name is required"},
		{"bad team", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateEventEnrichment(ctx, pagerduty.EventEnrichmentParams{Name: "x", TeamID: "a/b"})
			return err
		}, "TeamID"},
		{"empty update", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UpdateEventEnrichment(ctx, "PEE1", pagerduty.EventEnrichmentParams{})
			return err
		}, "a field to change"},
		{"unknown include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Enrichment.ListEventEnrichments(ctx, &pagerduty.ListEventEnrichmentsOptions{Includes: []pagerduty.EventEnrichmentInclude{"teams"}}))
		}, `"teams" is not accepted`},
		{"limit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.ListEventEnrichmentsPage(ctx, &pagerduty.ListEventEnrichmentsOptions{ListOptions: pagerduty.ListOptions{Limit: 500}})
			return err
		}, "out of range"},
		{"bad id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.GetEventEnrichment(ctx, "../x")
			return err
		}, "invalid ID"},
		{"association type", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Enrichment.ListEventEnrichmentAssociations(ctx, "PEE1", &pagerduty.ListEventEnrichmentAssociationsOptions{AssociationType: "team"}))
		}, "AssociationType"},
		{"no refs", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.AddEventEnrichmentAssociations(ctx, "PEE1", nil)
			return err
		}, "refs is required"},
		{"ref type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.DeleteEventEnrichmentAssociations(ctx, "PEE1", []pagerduty.Reference{{ID: "P1", Type: "team_reference"}})
			return err
		}, "service_reference or event_orchestration_reference"},
		{"no sets", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UpdateEventEnrichmentRules(ctx, "PEE1", nil)
			return err
		}, "sets is required"},
		{"both actions", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UpdateEventEnrichmentRules(ctx, "PEE1", []pagerduty.EventEnrichmentRuleSet{{ID: "start", Rules: []pagerduty.EventEnrichmentRule{{}}}})
			return err
		}, "either Extractions or Enrichments"},
		{"default id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.SetDefaultEventEnrichment(ctx, "")
			return err
		}, "empty"},
	})
}
