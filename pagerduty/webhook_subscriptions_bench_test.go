package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkWebhookSubscriptionsListPage measures reading one page of 100
// webhook subscriptions from a local server: request and decoding of the
// nested delivery methods, filters and event lists.
func BenchmarkWebhookSubscriptionsListPage(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"webhook_subscriptions":[`)
	for i := range 100 {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strings.Replace(webhookJSON, "PW1", fmt.Sprintf("PW%05d", i), 1))
	}
	sb.WriteString(`],"limit":100,"offset":0,"more":false}`)
	page := []byte(sb.String())
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(page)
	})
	ctx := context.Background()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, err := c.WebhookSubscriptions.ListPage(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Items) != 100 || p.Items[99].ID != "PW00099" {
			b.Fatalf("got %d subscriptions, last %q", len(p.Items), p.Items[len(p.Items)-1].ID)
		}
	}
}
