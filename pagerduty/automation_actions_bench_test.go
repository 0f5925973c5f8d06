package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// BenchmarkAutomationActionsList measures streaming a page of 100 actions
// from a local server: request, decoding and iteration.
func BenchmarkAutomationActionsList(b *testing.B) {
	items := make([]string, 100)
	for i := range items {
		items[i] = strings.Replace(aaActionJSON, "01DA2MLYN0J5EFC1LKWXUKDDKT", fmt.Sprintf("A%05d", i), 1)
	}
	page := []byte(`{"actions":[` + strings.Join(items, ",") + `],"limit":100,"next_cursor":null}`)
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(page)
	})
	ctx := context.Background()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.AutomationActions.List(ctx, &pagerduty.ListAutomationActionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 100}}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100 {
			b.Fatalf("%d actions, want 100", n)
		}
	}
}
