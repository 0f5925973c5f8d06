package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestTemplatesRequests(t *testing.T) {
	const tmpl = `{"template":{"id":"PT1","type":"template","template_type":"status_update","name":"Outage","templated_fields":{"message":"hi"},"created_by":{"id":"PACC","type":"account_reference"}}}`
	check := func(t *testing.T, got any) {
		tp := got.(*pagerduty.Template)
		if tp.ID != "PT1" || tp.TemplateType != pagerduty.TemplateStatusUpdate || tp.TemplatedFields.Message != "hi" || tp.CreatedBy == nil || tp.CreatedBy.Type != "account_reference" {
			t.Errorf("decoded %+v", tp)
		}
	}
	p := pagerduty.TemplateParams{Name: "Outage", TemplatedFields: pagerduty.TemplateFields{Message: "hi"}}
	const body = `{"template":{"template_type":"status_update","name":"Outage","templated_fields":{"message":"hi"}}}`
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Templates.List(ctx, &pagerduty.ListTemplatesOptions{Query: "out", SortBy: pagerduty.TemplateSortNameDesc, TemplateType: pagerduty.TemplateStatusUpdate}))
		}, answer: `{"templates":[{"id":"PT1","name":"Outage"}],"more":false}`,
			want: wantRequest{method: "GET", path: "/templates", query: pageQuery("query", "out", "sort_by", "name:desc", "template_type", "status_update")},
			check: func(t *testing.T, got any) {
				if tp := got.(pagerduty.Template); tp.ID != "PT1" {
					t.Errorf("decoded %+v", tp)
				}
			}},
		{name: "list page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Templates.ListPage(ctx, &pagerduty.ListTemplatesOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Total: true}})
		}, answer: `{"templates":[],"total":0,"limit":10}`, want: wantRequest{method: "GET", path: "/templates", query: vals("limit", "10", "total", "true")},
			check: func(t *testing.T, got any) {
				if pg := got.(*pagerduty.Page[pagerduty.Template]); pg.Total == nil || *pg.Total != 0 {
					t.Errorf("page %+v", pg)
				}
			}},
		{name: "create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Templates.Create(ctx, p) },
			status: http.StatusCreated, answer: tmpl, check: check, want: wantRequest{method: "POST", path: "/templates", body: body}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Templates.Get(ctx, "PT1") },
			answer: tmpl, check: check, want: wantRequest{method: "GET", path: "/templates/PT1"}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Templates.Update(ctx, "PT1", p) },
			answer: tmpl, check: check, want: wantRequest{method: "PUT", path: "/templates/PT1", body: body}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Templates.Delete(ctx, "PT1")
		},
			status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/templates/PT1"}},
		{name: "render", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Templates.Render(ctx, "PT1", pagerduty.RenderTemplateParams{IncidentID: "Q1", Message: "on it", External: map[string]string{"k": "v"}})
		}, answer: `{"templated_fields":{"message":"on it"},"warnings":{"message":["unknown {{x}}"]},"errors":[]}`,
			want: wantRequest{method: "POST", path: "/templates/PT1/render", body: `{"incident_id":"Q1","status_update":{"message":"on it"},"external":{"k":"v"}}`},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.RenderedTemplate); r.TemplatedFields.Message != "on it" || len(r.Warnings.Message) != 1 {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "render warnings as a list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Templates.Render(ctx, "PT1", pagerduty.RenderTemplateParams{IncidentID: "Q1"})
		}, answer: `{"templated_fields":{},"warnings":[{"email_body":["a"]},{"message":["b"]}]}`,
			want: wantRequest{method: "POST", path: "/templates/PT1/render", body: `{"incident_id":"Q1"}`},
			check: func(t *testing.T, got any) {
				if w := got.(*pagerduty.RenderedTemplate).Warnings; len(w.EmailBody) != 1 || len(w.Message) != 1 {
					t.Errorf("warnings %+v", w)
				}
			}},
		{name: "fields", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Templates.ListFields(ctx) },
			answer: `{"fields":[{"type":"standard_field","summary":"Title","keyword":"incident.title","domain_name":{"order":1,"summary":"Incident"}}]}`,
			want:   wantRequest{method: "GET", path: "/templates/fields"},
			check: func(t *testing.T, got any) {
				if f := got.([]pagerduty.TemplateField); len(f) != 1 || f[0].Keyword != "incident.title" || f[0].DomainName == nil || f[0].DomainName.Order != 1 {
					t.Errorf("decoded %+v", f)
				}
			}},
	})
}

func TestTemplatesRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"no name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Templates.Create(ctx, pagerduty.TemplateParams{TemplatedFields: pagerduty.TemplateFields{Message: "m"}})
			return err
		}, "Name is required"},
		{"no fields", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Templates.Update(ctx, "PT1", pagerduty.TemplateParams{Name: "n"})
			return err
		}, "TemplatedFields is required"},
		{"type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Templates.Create(ctx, pagerduty.TemplateParams{Name: "n", TemplateType: "email", TemplatedFields: pagerduty.TemplateFields{Message: "m"}})
			return err
		}, `"email" is not accepted`},
		{"sort", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Templates.List(ctx, &pagerduty.ListTemplatesOptions{SortBy: "id"}))
		}, "SortBy"},
		{"render without incident", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Templates.Render(ctx, "PT1", pagerduty.RenderTemplateParams{})
			return err
		}, "IncidentID"},
		{"external not JSON", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Templates.Render(ctx, "PT1", pagerduty.RenderTemplateParams{IncidentID: "Q1", External: func() {}})
			return err
		}, "External"},
	})
}
