package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const relationshipsJSON = `{"relationships":[{"id":"D1","type":"service_dependency","supporting_service":{"id":"PS1","type":"service"},"dependent_service":{"id":"PBS1","type":"business_service"}}]}`

func TestServiceDependenciesRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		d := got.([]pagerduty.ServiceDependency)
		if len(d) != 1 || d[0].ID != "D1" || d[0].SupportingService.ID != "PS1" || d[0].SupportingService.Type != pagerduty.DependencyTechnicalService ||
			d[0].DependentService.ID != "PBS1" || d[0].DependentService.Type != pagerduty.DependencyBusinessService {
			t.Errorf("dependencies %+v", d)
		}
	}
	dep := pagerduty.ServiceDependency{
		SupportingService: pagerduty.Ref(pagerduty.DependencyTechnicalService, "PS1"),
		DependentService:  pagerduty.Reference{ID: "PBS1", Type: pagerduty.DependencyBusinessService, Summary: "not sent"},
	}
	body := `{"relationships":[{"supporting_service":{"id":"PS1","type":"service"},"dependent_service":{"id":"PBS1","type":"business_service"}}]}`
	runAPICases(t, []apiCase{
		{name: "Associate", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceDependencies.Associate(ctx, dep)
		}, answer: relationshipsJSON, want: wantRequest{method: "POST", path: "/service_dependencies/associate", body: body}, check: check},
		{name: "Disassociate", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceDependencies.Disassociate(ctx, dep)
		}, answer: relationshipsJSON, want: wantRequest{method: "POST", path: "/service_dependencies/disassociate", body: body}, check: check},
		{name: "ListForBusinessService", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceDependencies.ListForBusinessService(ctx, "PBS1")
		}, answer: relationshipsJSON, want: wantRequest{method: "GET", path: "/service_dependencies/business_services/PBS1"}, check: check},
		{name: "ListForTechnicalService", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceDependencies.ListForTechnicalService(ctx, "PS1")
		}, answer: relationshipsJSON, want: wantRequest{method: "GET", path: "/service_dependencies/technical_services/PS1"}, check: check},
	})
}

func TestServiceDependenciesRejectBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"Associate none", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ServiceDependencies.Associate(ctx)
			return err
		}, "no dependencies"},
		{"Associate no type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ServiceDependencies.Associate(ctx, pagerduty.ServiceDependency{
				SupportingService: pagerduty.Reference{ID: "PS1"}, DependentService: pagerduty.Ref("business_service", "PBS1")})
			return err
		}, "SupportingService.Type is required"},
		{"Disassociate bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ServiceDependencies.Disassociate(ctx, pagerduty.ServiceDependency{
				SupportingService: pagerduty.Ref("service", "PS1"), DependentService: pagerduty.Ref("business_service", "a/b")})
			return err
		}, "DependentService.ID"},
		{"ListForBusinessService bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ServiceDependencies.ListForBusinessService(ctx, "")
			return err
		}, "ID is empty"},
		{"ListForTechnicalService bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.ServiceDependencies.ListForTechnicalService(ctx, "..")
			return err
		}, "not an ID"},
	})
}
