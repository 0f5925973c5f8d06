package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestNotificationsRequests(t *testing.T) {
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	until := since.Add(24 * time.Hour)
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Notifications.List(ctx, &pagerduty.ListNotificationsOptions{Since: since, Until: until, TimeZone: "UTC",
				Filter: pagerduty.NotificationPush, Includes: []pagerduty.NotificationInclude{pagerduty.NotificationIncludeUsers}}))
		}, answer: `{"notifications":[{"id":"N1","type":"push_notification","started_at":"2026-03-01T01:00:00Z","address":"phone","user":{"id":"PU1","type":"user","name":"Ann","email":"ann@example.com"}}],"more":false}`,
			want: wantRequest{method: "GET", path: "/notifications", query: pageQuery("since", "2026-03-01T00:00:00Z", "until", "2026-03-02T00:00:00Z", "time_zone", "UTC", "filter", "push_notification", "include[]", "users")},
			check: func(t *testing.T, got any) {
				n := got.(pagerduty.Notification)
				if n.ID != "N1" || n.Type != pagerduty.NotificationPush || n.StartedAt.IsZero() || n.User == nil || n.User.Email != "ann@example.com" {
					t.Errorf("decoded %+v", n)
				}
			}},
		{name: "page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Notifications.ListPage(ctx, &pagerduty.ListNotificationsOptions{Since: since, Until: until, ListOptions: pagerduty.ListOptions{Limit: 10}})
		}, answer: `{"notifications":[],"more":false}`,
			want: wantRequest{method: "GET", path: "/notifications", query: vals("since", "2026-03-01T00:00:00Z", "until", "2026-03-02T00:00:00Z", "limit", "10")}},
	})
	runBadCalls(t, []badCall{
		{"no window", func(ctx context.Context, c *pagerduty.Client) error { return seqErr(c.Notifications.List(ctx, nil)) }, "Since and Until is required"},
		{"reversed", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Notifications.ListPage(ctx, &pagerduty.ListNotificationsOptions{Since: until, Until: since})
			return err
		}, "must be after"},
		{"filter", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Notifications.List(ctx, &pagerduty.ListNotificationsOptions{Since: since, Until: until, Filter: "fax"}))
		}, `"fax" is not accepted`},
		{"zone", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Notifications.List(ctx, &pagerduty.ListNotificationsOptions{Since: since, Until: until, TimeZone: "Mars/Olympus"}))
		}, "IANA"},
		{"include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Notifications.List(ctx, &pagerduty.ListNotificationsOptions{Since: since, Until: until, Includes: []pagerduty.NotificationInclude{"incidents"}}))
		}, "Includes"},
	})
}
