package pagerduty_test

import (
	"context"
	"fmt"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// Reading a long listing with pages fetched four at a time: the incidents
// still come oldest first, each once, and every request waits on the
// client's rate limiter.
func ExampleContextWithPrefetch() {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	pd := pdtest.NewServer(pdtest.WithSeed(7), pdtest.WithNow(func() time.Time { return now }), pdtest.WithDemoIncidents(450))
	defer pd.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL))
	if err != nil {
		fmt.Println(err)
		return
	}

	ctx := pagerduty.ContextWithPrefetch(context.Background(), 4)
	n, inOrder := 0, true
	var last time.Time
	for inc, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{AllTime: true}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		inOrder = inOrder && !inc.CreatedAt.Before(last)
		last = inc.CreatedAt
		n++
	}
	fmt.Println(n, "incidents, oldest first:", inOrder)
	// Output: 450 incidents, oldest first: true
}
