package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestAuditCassette'.
func TestAuditCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/audit/records")
	ctx := context.Background()

	since := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := &pagerduty.ListAccountAuditRecordsOptions{
		ListAuditRecordsOptions: pagerduty.ListAuditRecordsOptions{Since: since, Until: since.Add(24 * time.Hour)},
		RootResourceTypes:       []pagerduty.AuditResourceType{pagerduty.AuditResourceUsers, pagerduty.AuditResourceTeams},
		ActorType:               pagerduty.AuditActorUser, ActorID: "PDSZ0ZV",
		MethodType: pagerduty.AuditMethodAPIToken, MethodTruncatedToken: "3xyz",
		Actions: []pagerduty.AuditAction{pagerduty.AuditActionCreate, pagerduty.AuditActionUpdate},
	}
	for _, r := range readUpTo(t, "List", c.Audit.List(ctx, opts), 2) {
		checkRecordedAudit(t, "List", r)
	}
	page := must(c.Audit.ListPage(ctx, &pagerduty.ListAccountAuditRecordsOptions{ListAuditRecordsOptions: pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 5}}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no records")
	}
	checkRecordedAudit(t, "ListPage", page.Items[0])
}
