package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestVendorsCassette'.
func TestVendorsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/vendors/all")
	ctx := context.Background()

	for _, v := range readUpTo(t, "List", c.Vendors.List(ctx, nil), 2) {
		if v.ID == "" || v.Name == "" || v.IntegrationGuide == "" {
			t.Errorf("List: vendor %+v lacks an ID, a name or a guide", v)
		}
	}
	page := must(c.Vendors.ListPage(ctx, &pagerduty.ListVendorsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Errorf("ListPage: no vendors")
	}
	v := must(c.Vendors.Get(ctx, "PZQ6AUS")).ok(t, "Get")
	if v.ID == "" || v.Name == "" {
		t.Errorf("Get: %+v lacks an ID or a name", v)
	}
}
