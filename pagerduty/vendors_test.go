package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestVendorsRequests(t *testing.T) {
	checkV := func(t *testing.T, got any) {
		if v := got.(*pagerduty.Vendor); v.ID != "PV1" || v.Name != "CloudWatch" {
			t.Errorf("decoded %+v", v)
		}
	}
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return firstOf(c.Vendors.List(ctx, nil)) },
			answer: `{"vendors":[{"id":"PV1","name":"CloudWatch"}],"more":false}`, want: wantRequest{method: "GET", path: "/vendors", query: pageQuery()},
			check: func(t *testing.T, got any) {
				if v := got.(pagerduty.Vendor); v.ID != "PV1" {
					t.Errorf("decoded %+v", v)
				}
			}},
		{name: "page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Vendors.ListPage(ctx, &pagerduty.ListVendorsOptions{ListOptions: pagerduty.ListOptions{Limit: 3, Total: true}})
		}, answer: `{"vendors":[],"total":7,"limit":3}`, want: wantRequest{method: "GET", path: "/vendors", query: vals("limit", "3", "total", "true")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.Vendor]); p.Total == nil || *p.Total != 7 {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Vendors.Get(ctx, "PV1") },
			answer: `{"vendor":{"id":"PV1","name":"CloudWatch"}}`, check: checkV, want: wantRequest{method: "GET", path: "/vendors/PV1"}},
		{name: "get as a list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Vendors.Get(ctx, "PV1") },
			answer: `{"vendor":[{"id":"PV1","name":"CloudWatch"}]}`, check: checkV, want: wantRequest{method: "GET", path: "/vendors/PV1"}},
	})
	runBadCalls(t, []badCall{
		{"limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Vendors.List(ctx, &pagerduty.ListVendorsOptions{ListOptions: pagerduty.ListOptions{Limit: 101}}))
		}, "out of range"},
		{"id", func(ctx context.Context, c *pagerduty.Client) error { _, err := c.Vendors.Get(ctx, "a?b"); return err }, "invalid ID"},
	})
}
