package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestIPAllowListsCassette'.
func TestIPAllowListsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/ip_allow_lists/all")
	ctx := context.Background()

	check := func(what string, l *pagerduty.IPAllowList) {
		t.Helper()
		if l.ID == "" || l.State == "" || len(l.CIDREntries) == 0 || l.CIDREntries[0].CIDR == "" {
			t.Errorf("%s: allow list %+v lacks an ID, a state or a range", what, l)
		}
	}
	lists := must(c.IPAllowLists.List(ctx)).ok(t, "List")
	if len(lists) == 0 {
		t.Fatal("List: no allow lists")
	}
	check("List", &lists[0])
	office := "Office"
	p := pagerduty.IPAllowListParams{State: pagerduty.IPAllowListEnabled, CIDREntries: []pagerduty.CIDREntry{{CIDR: "203.0.113.0/24", Description: &office}}}
	check("Create", must(c.IPAllowLists.Create(ctx, p)).ok(t, "Create"))
	check("Get", must(c.IPAllowLists.Get(ctx, "PIPAL12")).ok(t, "Get"))
	check("Update", must(c.IPAllowLists.Update(ctx, "PIPAL12", p)).ok(t, "Update"))
	mustDo(t, "Delete", c.IPAllowLists.Delete(ctx, "PIPAL12"))

	recs := readUpTo(t, "ListAuditRecords", c.IPAllowLists.ListAuditRecords(ctx, "PIPAL12", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 10}}), 2)
	checkRecordedAudit(t, "ListAuditRecords", recs[0])
	page := must(c.IPAllowLists.ListAuditRecordsPage(ctx, "PIPAL12", nil)).ok(t, "ListAuditRecordsPage")
	if len(page.Items) == 0 {
		t.Errorf("ListAuditRecordsPage: no records")
	}
}
