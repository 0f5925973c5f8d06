package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestLicensesRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Licenses.List(ctx) },
			answer: `{"licenses":[{"id":"L1","name":"Business","valid_roles":["user"],"role_group":"FullUser","current_value":3,"allocations_available":null},{"id":"L2","name":"Stakeholder","current_value":1,"allocations_available":9}]}`,
			want:   wantRequest{method: "GET", path: "/licenses"},
			check: func(t *testing.T, got any) {
				l := got.([]pagerduty.LicenseWithCounts)
				if len(l) != 2 || l[0].ID != "L1" || l[0].CurrentValue != 3 || l[0].AllocationsAvailable != nil || l[1].AllocationsAvailable == nil || *l[1].AllocationsAvailable != 9 {
					t.Errorf("decoded %+v", l)
				}
			}},
		{name: "allocations", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Licenses.ListAllocations(ctx, &pagerduty.ListLicenseAllocationsOptions{ListOptions: pagerduty.ListOptions{Offset: 20}}))
		}, answer: `{"license_allocations":[{"user":{"id":"PU1","type":"user_reference"},"license":{"id":"L1","name":"Business"},"allocated_at":"2026-01-02T03:04:05Z"}],"more":false}`,
			want: wantRequest{method: "GET", path: "/license_allocations", query: vals("limit", "100", "offset", "20")},
			check: func(t *testing.T, got any) {
				if a := got.(pagerduty.LicenseAllocation); a.User.ID != "PU1" || a.License.ID != "L1" || a.AllocatedAt.IsZero() {
					t.Errorf("decoded %+v", a)
				}
			}},
		{name: "allocations page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Licenses.ListAllocationsPage(ctx, nil)
		},
			answer: `{"license_allocations":[],"more":false}`, want: wantRequest{method: "GET", path: "/license_allocations"}},
	})
	runBadCalls(t, []badCall{
		{"offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Licenses.ListAllocationsPage(ctx, &pagerduty.ListLicenseAllocationsOptions{ListOptions: pagerduty.ListOptions{Offset: -1}})
			return err
		}, "negative"},
	})
}
