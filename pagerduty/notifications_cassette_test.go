package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestNotificationsCassette'.
func TestNotificationsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/notifications/list")
	ctx := context.Background()

	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	opts := &pagerduty.ListNotificationsOptions{Since: since, Until: since.Add(7 * 24 * time.Hour), TimeZone: "Europe/Berlin",
		Filter: pagerduty.NotificationSMS, Includes: []pagerduty.NotificationInclude{pagerduty.NotificationIncludeUsers}}
	for _, n := range readUpTo(t, "List", c.Notifications.List(ctx, opts), 2) {
		if n.ID == "" || n.Type == "" || n.StartedAt.IsZero() || n.User == nil || n.User.ID == "" {
			t.Errorf("List: notification %+v lacks an ID, a type, a time or a user", n)
		}
	}
	opts.ListOptions = pagerduty.ListOptions{Limit: 10, Total: true}
	page := must(c.Notifications.ListPage(ctx, opts)).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Errorf("ListPage: no notifications")
	}
}
