package bench

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// The API's limits, as the fixture enforces them for this benchmark.
const (
	latency   = 100 * time.Millisecond
	perMinute = 960
	burst     = 16
)

// BenchmarkRateLimited10k lists 10,000 incidents (2,000 with -short) from a
// server that answers each request after 100 ms and allows 960 requests a
// minute with bursts of 16, answering 429 beyond: go-pagerduty's loop one
// page after the other, and pdkit with its default client (its limiter
// paces 960 a minute with bursts of 16) fetching four pages ahead. It
// reports the time, the floor the limits allow (see Floor), the ratio of
// the two, and the requests the server refused.
func BenchmarkRateLimited10k(b *testing.B) {
	n := 10_000
	if testing.Short() {
		n = 2_000
	}
	pages := n / 100
	floor := Floor(pages, latency, perMinute, burst)
	srv := NewServer(Config{Incidents: n, Latency: latency, PerMinute: perMinute, Burst: burst})
	defer srv.Close()
	run := func(b *testing.B, list func(context.Context) (int, error)) {
		var took time.Duration
		var st Stats
		for b.Loop() {
			srv.Reset()
			start := time.Now()
			got, err := list(context.Background())
			took = time.Since(start)
			st = srv.Stats()
			if err != nil || got != n {
				b.Fatalf("listed %d incidents of %d: %v (server: %+v)", got, n, err, st)
			}
		}
		b.ReportMetric(took.Seconds(), "s")
		b.ReportMetric(floor.Seconds(), "floor-s")
		b.ReportMetric(took.Seconds()/floor.Seconds(), "x-floor")
		b.ReportMetric(float64(st.RateLimited), "429s")
		b.ReportMetric(float64(st.Failed), "failed")
		b.ReportMetric(float64(st.Requests), "requests")
	}
	b.Run("go-pagerduty-sequential", func(b *testing.B) {
		c := newGoPD(srv.URL)
		run(b, func(ctx context.Context) (int, error) { return listGoPD(ctx, c) })
	})
	b.Run("pdkit-prefetch4", func(b *testing.B) {
		c := newPDKit(b, srv.URL, pagerduty.RateLimit{})
		run(b, func(ctx context.Context) (int, error) {
			return listPDKit(pagerduty.ContextWithPrefetch(ctx, 4), c)
		})
	})
}
