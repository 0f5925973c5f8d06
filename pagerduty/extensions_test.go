package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const extensionJSON = `{"id":"PE1","type":"extension","name":"Hook","endpoint_url":"https://example.com/hook","temporarily_disabled":true,
"extension_objects":[{"id":"PS1","type":"service","name":"Web","status":"active"}],
"extension_schema":{"id":"PX1","type":"extension_schema","label":"Generic V2 Webhook","key":"generic_v2","send_types":["trigger","resolve"]},
"config":{"notify_types":{"resolve":true}}}`

func TestExtensionsRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var e *pagerduty.Extension
		switch v := got.(type) {
		case *pagerduty.Extension:
			e = v
		case []pagerduty.Extension:
			e = &v[0]
		case *pagerduty.Page[pagerduty.Extension]:
			e = &v.Items[0]
		}
		if e.ID != "PE1" || e.EndpointURL != "https://example.com/hook" || !e.TemporarilyDisabled ||
			len(e.Objects) != 1 || e.Objects[0].Name != "Web" || e.Schema == nil || e.Schema.Key != "generic_v2" ||
			len(e.Schema.SendTypes) != 2 || e.Schema.SendTypes[1] != pagerduty.ExtensionSendResolve || e.Config["notify_types"] == nil {
			t.Errorf("extension %+v", e)
		}
	}
	one := `{"extension":` + extensionJSON + `}`
	params := &pagerduty.ExtensionParams{Name: "Hook", SchemaID: "PX1", ServiceIDs: []string{"PS1"}, EndpointURL: "https://example.com/hook"}
	body := `{"extension":{"type":"extension","name":"Hook","endpoint_url":"https://example.com/hook","config":{},
		"extension_schema":{"id":"PX1","type":"extension_schema_reference"},"extension_objects":[{"id":"PS1","type":"service_reference"}]}}`
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.Extensions.List(ctx, &pagerduty.ListExtensionsOptions{Query: "hook", ObjectID: "PS1", SchemaID: "PX1",
				Includes: []pagerduty.ExtensionInclude{pagerduty.ExtensionIncludeObjects, pagerduty.ExtensionIncludeSchemas}}))
		}, answer: `{"extensions":[` + extensionJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/extensions", query: pageQuery("query", "hook", "extension_object_id", "PS1",
				"extension_schema_id", "PX1", "include[]", "extension_objects", "include[]", "extension_schemas")}, check: check},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Extensions.ListPage(ctx, &pagerduty.ListExtensionsOptions{ListOptions: pagerduty.ListOptions{Offset: 10}})
		}, answer: `{"extensions":[` + extensionJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/extensions", query: vals("offset", "10")}, check: check},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Extensions.Get(ctx, "PE1", &pagerduty.GetExtensionOptions{Includes: []pagerduty.ExtensionInclude{pagerduty.ExtensionIncludeTemporarilyDisabled}})
		}, answer: one, want: wantRequest{method: "GET", path: "/extensions/PE1", query: vals("include[]", "temporarily_disabled")}, check: check},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Extensions.Create(ctx, params)
		}, status: http.StatusCreated, answer: one, want: wantRequest{method: "POST", path: "/extensions", body: body}, check: check},
		{name: "Update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Extensions.Update(ctx, "PE1", params)
		}, answer: one, want: wantRequest{method: "PUT", path: "/extensions/PE1", body: body}, check: check},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Extensions.Delete(ctx, "PE1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/extensions/PE1"}},
		{name: "Enable", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Extensions.Enable(ctx, "PE1")
		}, answer: one, want: wantRequest{method: "POST", path: "/extensions/PE1/enable"}, check: check},
	})
}

const extensionSchemaJSON = `{"id":"PX1","type":"extension_schema","label":"Generic V2 Webhook","key":"generic_v2","description":"d","guide_url":"https://example.com/guide","send_types":["trigger","acknowledge"],"url":"https://example.com"}`

func TestExtensionSchemasRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var s *pagerduty.ExtensionSchema
		switch v := got.(type) {
		case *pagerduty.ExtensionSchema:
			s = v
		case []pagerduty.ExtensionSchema:
			s = &v[0]
		case *pagerduty.Page[pagerduty.ExtensionSchema]:
			s = &v.Items[0]
		}
		if s.ID != "PX1" || s.Label != "Generic V2 Webhook" || s.GuideURL == "" || len(s.SendTypes) != 2 || s.SendTypes[1] != pagerduty.ExtensionSendAcknowledge {
			t.Errorf("schema %+v", s)
		}
	}
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.ExtensionSchemas.List(ctx, nil))
		}, answer: `{"extension_schemas":[` + extensionSchemaJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/extension_schemas", query: pageQuery()}, check: check},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ExtensionSchemas.ListPage(ctx, &pagerduty.ListOptions{Limit: 2})
		}, answer: `{"extension_schemas":[` + extensionSchemaJSON + `],"more":true}`,
			want: wantRequest{method: "GET", path: "/extension_schemas", query: vals("limit", "2")}, check: check},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ExtensionSchemas.Get(ctx, "PX1")
		}, answer: `{"extension_schema":` + extensionSchemaJSON + `}`, want: wantRequest{method: "GET", path: "/extension_schemas/PX1"}, check: check},
	})
}

func TestExtensionsRejectBadInput(t *testing.T) {
	good := func() *pagerduty.ExtensionParams { return &pagerduty.ExtensionParams{Name: "Hook", SchemaID: "PX1"} }
	create := func(edit func(p *pagerduty.ExtensionParams)) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			p := good()
			edit(p)
			_, err := c.Extensions.Create(ctx, p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"List bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Extensions.List(ctx, &pagerduty.ListExtensionsOptions{Includes: []pagerduty.ExtensionInclude{pagerduty.ExtensionIncludeTemporarilyDisabled}}))
		}, `"temporarily_disabled" is not accepted`},
		{"List bad object ID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Extensions.List(ctx, &pagerduty.ListExtensionsOptions{ObjectID: "a/b"}))
		}, "ObjectID"},
		{"ListPage bad limit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Extensions.ListPage(ctx, &pagerduty.ListExtensionsOptions{ListOptions: pagerduty.ListOptions{Limit: -1}})
			return err
		}, "out of range"},
		{"Get bad include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Extensions.Get(ctx, "PE1", &pagerduty.GetExtensionOptions{Includes: []pagerduty.ExtensionInclude{"services"}})
			return err
		}, `"services" is not accepted`},
		{"Create nil", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Extensions.Create(ctx, nil)
			return err
		}, "Name is required"},
		{"Create no schema", create(func(p *pagerduty.ExtensionParams) { p.SchemaID = "" }), "SchemaID is required"},
		{"Create bad service", create(func(p *pagerduty.ExtensionParams) { p.ServiceIDs = []string{"a b"} }), "ServiceIDs"},
		{"Create bad endpoint", create(func(p *pagerduty.ExtensionParams) { p.EndpointURL = "example.com" }), "EndpointURL"},
		{"Update bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Extensions.Update(ctx, "", good())
			return err
		}, "ID is empty"},
		{"Enable bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Extensions.Enable(ctx, "..")
			return err
		}, "not an ID"},
		{"Delete bad ID", func(ctx context.Context, c *pagerduty.Client) error { return c.Extensions.Delete(ctx, "a?") }, "invalid ID"},
		{"Schemas List limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.ExtensionSchemas.List(ctx, &pagerduty.ListOptions{Limit: 1000}))
		}, "out of range"},
		{"Schemas ListPage offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ExtensionSchemas.ListPage(ctx, &pagerduty.ListOptions{Offset: 20000})
			return err
		}, "ceiling"},
		{"Schemas Get bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ExtensionSchemas.Get(ctx, "")
			return err
		}, "ID is empty"},
	})
}
