package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func sdCheckRecordedImpacts(t *testing.T, what string, im *pagerduty.DashboardImpacts) {
	t.Helper()
	if len(im.Services) == 0 || im.Limit == 0 {
		t.Fatalf("%s = %+v, want services and a limit", what, im)
	}
	for _, s := range im.Services {
		if s.ID == "" || s.Name == "" || (s.Status != pagerduty.Impacted && s.Status != pagerduty.NotImpacted) {
			t.Errorf("%s: service %+v", what, s)
		}
	}
	if p := im.Services[0].HighestImpactingPriority; p == nil || p.ID == "" {
		t.Errorf("%s: the first service has no highest impacting priority", what)
	}
	if im.TotalImpactedCount == nil {
		t.Errorf("%s: no total impacted count", what)
	}
}

func TestStatusDashboardsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/status_dashboards/read")
	ctx := context.Background()

	page := must(c.StatusDashboards.List(ctx)).ok(t, "List")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Fatalf("List = %+v", page)
	}
	d := page.Items[0]
	if d.ID == "" || d.URLSlug == "" || d.Name == "" {
		t.Fatalf("List: dashboard %+v lacks a field", d)
	}
	if got := must(c.StatusDashboards.Get(ctx, d.ID)).ok(t, "Get"); got.ID == "" || got.URLSlug == "" {
		t.Errorf("Get = %+v", got)
	}
	if got := must(c.StatusDashboards.GetBySlug(ctx, d.URLSlug)).ok(t, "GetBySlug"); got.ID == "" || got.Name == "" {
		t.Errorf("GetBySlug = %+v", got)
	}
	all := &pagerduty.DashboardImpactsOptions{AdditionalFields: []pagerduty.DashboardField{
		pagerduty.DashboardHighestImpactingPriority, pagerduty.DashboardTotalImpactedCount}}
	sdCheckRecordedImpacts(t, "ListImpacts", must(c.StatusDashboards.ListImpacts(ctx, d.ID, all)).ok(t, "ListImpacts"))
	sdCheckRecordedImpacts(t, "ListImpactsBySlug", must(c.StatusDashboards.ListImpactsBySlug(ctx, d.URLSlug, all)).ok(t, "ListImpactsBySlug"))
}
