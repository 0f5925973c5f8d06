package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestPrioritiesCassette'.
func TestPrioritiesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/priorities/list")
	ctx := context.Background()

	all := takeFromSeq(t, c.Priorities.List(ctx, nil), 100)
	if len(all) < 2 {
		t.Fatalf("List returned %d priorities; the account has several", len(all))
	}
	for _, p := range all {
		if p.ID == "" || p.Name == "" || p.Description == "" {
			t.Errorf("List: priority %+v lacks an ID, a name or a description", p)
		}
	}
	page, err := c.Priorities.ListPage(ctx, &pagerduty.ListPrioritiesOptions{ListOptions: pagerduty.ListOptions{Limit: 25, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) != len(all) || page.Limit == 0 {
		t.Errorf("ListPage = %d items, limit %d; want %d items", len(page.Items), page.Limit, len(all))
	}
}
