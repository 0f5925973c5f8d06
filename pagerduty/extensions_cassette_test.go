package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestExtension(s|Schemas)Cassette'.

func checkRecordedExtension(t *testing.T, what string, e *pagerduty.Extension) {
	t.Helper()
	if e == nil || e.ID == "" || e.Name == "" || e.Schema == nil || e.Schema.ID == "" || len(e.Objects) == 0 || e.Objects[0].ID == "" {
		t.Errorf("%s: extension %+v lacks an ID, a name, a schema or services", what, e)
	}
}

func TestExtensionsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/extensions/all")
	ctx := context.Background()

	for _, e := range readUpTo(t, "List", c.Extensions.List(ctx, &pagerduty.ListExtensionsOptions{
		Query: "webhook", ObjectID: "PIJ90N7", SchemaID: "PJFWPEP",
		Includes: []pagerduty.ExtensionInclude{pagerduty.ExtensionIncludeObjects, pagerduty.ExtensionIncludeSchemas},
	}), 2) {
		checkRecordedExtension(t, "List", &e)
	}
	page := must(c.Extensions.ListPage(ctx, &pagerduty.ListExtensionsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no extensions")
	}
	params := &pagerduty.ExtensionParams{
		Name: "Example webhook", SchemaID: "PJFWPEP", ServiceIDs: []string{"PIJ90N7"},
		EndpointURL: "https://example.com/hook", Config: map[string]any{"notify_types": map[string]any{"resolve": true}},
	}
	created := must(c.Extensions.Create(ctx, params)).ok(t, "Create")
	checkRecordedExtension(t, "Create", created)
	checkRecordedExtension(t, "Get", must(c.Extensions.Get(ctx, created.ID, &pagerduty.GetExtensionOptions{
		Includes: []pagerduty.ExtensionInclude{pagerduty.ExtensionIncludeTemporarilyDisabled}})).ok(t, "Get"))
	params.Name = "Example webhook (renamed)"
	checkRecordedExtension(t, "Update", must(c.Extensions.Update(ctx, created.ID, params)).ok(t, "Update"))
	checkRecordedExtension(t, "Enable", must(c.Extensions.Enable(ctx, created.ID)).ok(t, "Enable"))
	mustDo(t, "Delete", c.Extensions.Delete(ctx, created.ID))
}

func checkRecordedSchema(t *testing.T, what string, s *pagerduty.ExtensionSchema) {
	t.Helper()
	if s == nil || s.ID == "" || s.Label == "" || s.Key == "" || len(s.SendTypes) == 0 {
		t.Errorf("%s: schema %+v lacks an ID, a label, a key or send types", what, s)
	}
}

func TestExtensionSchemasCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/extension_schemas/all")
	ctx := context.Background()

	for _, s := range readUpTo(t, "List", c.ExtensionSchemas.List(ctx, nil), 2) {
		checkRecordedSchema(t, "List", &s)
	}
	page := must(c.ExtensionSchemas.ListPage(ctx, &pagerduty.ListOptions{Limit: 5})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no schemas")
	}
	checkRecordedSchema(t, "Get", must(c.ExtensionSchemas.Get(ctx, page.Items[0].ID)).ok(t, "Get"))
}
