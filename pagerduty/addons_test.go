package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const addonJSON = `{"id":"PA1","type":"full_page_addon","name":"Status board","src":"https://example.com/status","html_url":"https://acme.pagerduty.com/addons/PA1"}`

func TestAddonsRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var a *pagerduty.Addon
		switch v := got.(type) {
		case *pagerduty.Addon:
			a = v
		case []pagerduty.Addon:
			a = &v[0]
		case *pagerduty.Page[pagerduty.Addon]:
			a = &v.Items[0]
		}
		if a.ID != "PA1" || a.Type != string(pagerduty.FullPageAddon) || a.Src != "https://example.com/status" || a.HTMLURL == "" {
			t.Errorf("add-on %+v", a)
		}
	}
	one := `{"addon":` + addonJSON + `}`
	params := &pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Name: "Status board", Src: "https://example.com/status"}
	body := `{"addon":{"type":"full_page_addon","name":"Status board","src":"https://example.com/status"}}`
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.Addons.List(ctx, &pagerduty.ListAddonsOptions{Filter: pagerduty.IncidentShowAddon, ServiceIDs: []string{"PS1", "PS2"},
				Includes: []pagerduty.AddonInclude{pagerduty.AddonIncludeServices}}))
		}, answer: `{"addons":[` + addonJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/addons", query: pageQuery("filter", "incident_show_addon", "service_ids[]", "PS1",
				"service_ids[]", "PS2", "include[]", "services")}, check: check},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Addons.ListPage(ctx, &pagerduty.ListAddonsOptions{ListOptions: pagerduty.ListOptions{Total: true}})
		}, answer: `{"addons":[` + addonJSON + `],"more":false,"total":1}`,
			want: wantRequest{method: "GET", path: "/addons", query: vals("total", "true")}, check: check},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Addons.Get(ctx, "PA1")
		}, answer: one, want: wantRequest{method: "GET", path: "/addons/PA1"}, check: check},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Addons.Create(ctx, params)
		}, status: http.StatusCreated, answer: one, want: wantRequest{method: "POST", path: "/addons", body: body}, check: check},
		{name: "Update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Addons.Update(ctx, "PA1", params)
		}, answer: one, want: wantRequest{method: "PUT", path: "/addons/PA1", body: body}, check: check},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Addons.Delete(ctx, "PA1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/addons/PA1"}},
	})
}

func TestAddonsRejectBadInput(t *testing.T) {
	create := func(p *pagerduty.AddonParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error { _, err := c.Addons.Create(ctx, p); return err }
	}
	runBadCalls(t, []badCall{
		{"List bad filter", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Addons.List(ctx, &pagerduty.ListAddonsOptions{Filter: "sidebar"}))
		}, `"sidebar" is not accepted`},
		{"List bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Addons.List(ctx, &pagerduty.ListAddonsOptions{Includes: []pagerduty.AddonInclude{"teams"}}))
		}, `"teams" is not accepted`},
		{"ListPage bad service", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Addons.ListPage(ctx, &pagerduty.ListAddonsOptions{ServiceIDs: []string{"a/b"}})
			return err
		}, "ServiceIDs"},
		{"Create nil", create(nil), "Type is required"},
		{"Create bad type", create(&pagerduty.AddonParams{Type: "full_page_addon_reference", Name: "n", Src: "https://e.example.com"}), "is not accepted"},
		{"Create no name", create(&pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Src: "https://e.example.com"}), "Name is required"},
		{"Create no src", create(&pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Name: "n"}), "Src is required"},
		{"Create http src", create(&pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Name: "n", Src: "http://e.example.com"}), "not an absolute https URL"},
		{"Update bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Addons.Update(ctx, "a b", &pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Name: "n", Src: "https://e.example.com"})
			return err
		}, "invalid ID"},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error { _, err := c.Addons.Get(ctx, ""); return err }, "ID is empty"},
		{"Delete bad ID", func(ctx context.Context, c *pagerduty.Client) error { return c.Addons.Delete(ctx, "..") }, "not an ID"},
	})
}
