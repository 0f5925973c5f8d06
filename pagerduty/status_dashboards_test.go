package pagerduty_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const sdImpactsJSON = `{"limit":100,"more":true,"services":[
	{"id":"PD1234","name":"Web API","type":"business_service","status":"impacted","additional_fields":{"highest_impacting_priority":{"id":"PQOMK4S","order":128}}},
	{"id":"PF9KMXH","name":"Analytics","type":"business_service","status":"not_impacted","additional_fields":{"highest_impacting_priority":null}}],
	"additional_fields":{"total_impacted_count":7}}`

func sdWantImpacts() *pagerduty.DashboardImpacts {
	return &pagerduty.DashboardImpacts{
		Services: []pagerduty.Impact{
			{ID: "PD1234", Name: "Web API", Type: "business_service", Status: pagerduty.Impacted,
				HighestImpactingPriority: &pagerduty.ImpactPriority{ID: "PQOMK4S", Order: 128}},
			{ID: "PF9KMXH", Name: "Analytics", Type: "business_service", Status: pagerduty.NotImpacted},
		},
		Limit: 100, More: true, TotalImpactedCount: pointerTo(7),
	}
}

func TestStatusDashboardsRequests(t *testing.T) {
	ctx := context.Background()
	dash := `{"id":"PFCVPS0","url_slug":"analytics-api","name":"Analytics API"}`
	want := &pagerduty.StatusDashboard{ID: "PFCVPS0", URLSlug: "analytics-api", Name: "Analytics API"}
	fields := url.Values{"additional_fields[]": {"services.highest_impacting_priority", "total_impacted_count"}}
	opts := &pagerduty.DashboardImpactsOptions{AdditionalFields: []pagerduty.DashboardField{
		pagerduty.DashboardHighestImpactingPriority, pagerduty.DashboardTotalImpactedCount}}
	runAACases(t, []aaCase{
		{"List", aaCall{method: "GET", path: "/status_dashboards", answer: `{"limit":100,"next_cursor":"n2","status_dashboards":[` + dash + `]}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusDashboards.List(ctx) },
			&pagerduty.Page[pagerduty.StatusDashboard]{Items: []pagerduty.StatusDashboard{*want}, Limit: 100, NextCursor: "n2"}},
		{"Get", aaCall{method: "GET", path: "/status_dashboards/PFCVPS0", answer: `{"status_dashboard":` + dash + `}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusDashboards.Get(ctx, "PFCVPS0") }, want},
		{"GetBySlug", aaCall{method: "GET", path: "/status_dashboards/url_slugs/analytics-api", answer: `{"status_dashboard":` + dash + `}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusDashboards.GetBySlug(ctx, "analytics-api") }, want},
		{"ListImpacts", aaCall{method: "GET", path: "/status_dashboards/PFCVPS0/service_impacts", query: fields, answer: sdImpactsJSON},
			func(c *pagerduty.Client) (any, error) { return c.StatusDashboards.ListImpacts(ctx, "PFCVPS0", opts) }, sdWantImpacts()},
		{"ListImpactsBySlug", aaCall{method: "GET", path: "/status_dashboards/url_slugs/analytics-api/service_impacts", answer: sdImpactsJSON},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusDashboards.ListImpactsBySlug(ctx, "analytics-api", nil)
			}, sdWantImpacts()},
	})

	c := aaNoRequest(t)
	_, err := c.StatusDashboards.ListImpacts(ctx, "PFCVPS0", &pagerduty.DashboardImpactsOptions{AdditionalFields: []pagerduty.DashboardField{"priority"}})
	aaWantErr(t, "ListImpacts with a bad field", err, "AdditionalFields", "total_impacted_count")
	_, err = c.StatusDashboards.GetBySlug(ctx, "my/slug")
	aaWantErr(t, "GetBySlug with a slash", err, "url_slug")
	_, err = c.StatusDashboards.ListImpactsBySlug(ctx, "", nil)
	aaWantErr(t, "ListImpactsBySlug('')", err, "empty")

	c2, _ := aaServe(t, aaCall{method: "GET", path: "/status_dashboards/PFCVPS0/service_impacts", answer: `{"limit":100}`})
	_, err = c2.StatusDashboards.ListImpacts(ctx, "PFCVPS0", nil)
	aaWantErr(t, "ListImpacts of an answer without services", err, "no services")
}
