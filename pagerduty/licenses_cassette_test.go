package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestLicensesCassette'.
func TestLicensesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/licenses/all")
	ctx := context.Background()

	ls := must(c.Licenses.List(ctx)).ok(t, "List")
	if len(ls) == 0 {
		t.Fatal("List: no licenses")
	}
	for _, l := range ls {
		if l.ID == "" || l.Name == "" || len(l.ValidRoles) == 0 {
			t.Errorf("List: license %+v lacks an ID, a name or roles", l)
		}
	}
	for _, a := range readUpTo(t, "ListAllocations", c.Licenses.ListAllocations(ctx, nil), 2) {
		if a.User.ID == "" || a.License.ID == "" || a.AllocatedAt.IsZero() {
			t.Errorf("ListAllocations: %+v lacks a user, a license or a time", a)
		}
	}
	page := must(c.Licenses.ListAllocationsPage(ctx, &pagerduty.ListLicenseAllocationsOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 10}})).ok(t, "ListAllocationsPage")
	if len(page.Items) == 0 {
		t.Errorf("ListAllocationsPage: no allocations")
	}
}
