package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Checking, encoding and sending one change event to a local server.
func BenchmarkChangeEventsCreate(b *testing.B) {
	c := fakeAPIBench(b, `{"status":"success","message":"Change event processed"}`)
	ctx := context.Background()
	p := &pagerduty.CreateChangeEventParams{
		RoutingKey:    testRoutingKey,
		Summary:       "Deployed billing v2.3.1",
		Source:        "ci.example.com",
		Timestamp:     time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
		CustomDetails: map[string]any{"build": 42, "commit": "9f2c1e4", "author": "jane"},
		Links:         []pagerduty.ChangeEventLink{{Href: "https://ci.example.com/builds/42", Text: "Build 42"}},
	}
	for b.Loop() {
		if err := c.ChangeEvents.Create(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
}
