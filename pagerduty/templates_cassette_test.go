package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestTemplatesCassette'.
func TestTemplatesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/templates/all")
	ctx := context.Background()

	check := func(what string, tp *pagerduty.Template) {
		t.Helper()
		if tp.ID == "" || tp.Name == "" || tp.TemplateType == "" {
			t.Errorf("%s: template %+v lacks an ID, a name or a type", what, tp)
		}
	}
	list := readUpTo(t, "List", c.Templates.List(ctx, &pagerduty.ListTemplatesOptions{Query: "outage", SortBy: pagerduty.TemplateSortNameAsc, TemplateType: pagerduty.TemplateStatusUpdate}), 2)
	check("List", &list[0])
	page := must(c.Templates.ListPage(ctx, &pagerduty.ListTemplatesOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Errorf("ListPage: no templates")
	}
	p := pagerduty.TemplateParams{Name: "Outage", Description: "For outages",
		TemplatedFields: pagerduty.TemplateFields{EmailSubject: "Outage: {{incident.title}}", EmailBody: "<p>{{status_update.message}}</p>", Message: "{{status_update.message}}"}}
	check("Create", must(c.Templates.Create(ctx, p)).ok(t, "Create"))
	check("Get", must(c.Templates.Get(ctx, "PT1234")).ok(t, "Get"))
	check("Update", must(c.Templates.Update(ctx, "PT1234", p)).ok(t, "Update"))
	mustDo(t, "Delete", c.Templates.Delete(ctx, "PT1234"))

	r := must(c.Templates.Render(ctx, "PT1234", pagerduty.RenderTemplateParams{IncidentID: "Q1R2S3T4", Message: "We are on it"})).ok(t, "Render")
	if r.TemplatedFields == (pagerduty.TemplateFields{}) {
		t.Errorf("Render: no rendered text in %+v", r)
	}
	fields := must(c.Templates.ListFields(ctx)).ok(t, "ListFields")
	if len(fields) == 0 || fields[0].Type == "" || fields[0].Summary == "" {
		t.Errorf("ListFields: %+v", fields)
	}
}
