package bench

import (
	"context"
	"testing"

	gopd "github.com/PagerDuty/go-pagerduty"

	"github.com/pdkit/pdkit/pagerduty"
)

// fakeToken is what the clients send; the fixture server ignores it.
const fakeToken = "bench-token"

// newPDKit returns a pdkit client for the server at url with client-side pacing off, or
// with the given pacing.
func newPDKit(tb testing.TB, url string, rl pagerduty.RateLimit) *pagerduty.Client {
	tb.Helper()
	c, err := pagerduty.NewClient(pagerduty.WithToken(fakeToken), pagerduty.WithBaseURL(url), pagerduty.WithRateLimit(rl))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func newGoPD(url string) *gopd.Client {
	return gopd.NewClient(fakeToken, gopd.WithAPIEndpoint(url))
}

// listPDKit ranges over every incident and returns how many it saw.
func listPDKit(ctx context.Context, c *pagerduty.Client) (int, error) {
	n := 0
	for inc, err := range c.Incidents.List(ctx, nil) {
		if err != nil {
			return n, err
		}
		if inc.ID != "" {
			n++
		}
	}
	return n, nil
}

// listGoPD loops ListIncidentsWithContext over the pages, as go-pagerduty's
// users do, and returns how many incidents it saw.
func listGoPD(ctx context.Context, c *gopd.Client) (int, error) {
	n := 0
	opts := gopd.ListIncidentsOptions{Limit: 100}
	for {
		resp, err := c.ListIncidentsWithContext(ctx, opts)
		if err != nil {
			return n, err
		}
		for _, inc := range resp.Incidents {
			if inc.ID != "" {
				n++
			}
		}
		if !resp.More {
			return n, nil
		}
		opts.Offset += uint(len(resp.Incidents))
	}
}
