package bench

import (
	"context"
	"runtime"
	"testing"

	gopd "github.com/PagerDuty/go-pagerduty"

	"github.com/pdkit/pdkit/pagerduty"
)

const mb = 1 << 20

// BenchmarkStream10kHeap measures the heap a 10,000-incident listing needs:
// pdkit ranging over its iterator (one page at a time, then four pages
// ahead), and go-pagerduty collecting the pages into a slice, the way its
// users gather a listing. The server runs in a child process so that only
// the client's heap is measured. peak-MB is the most heap in use above the
// baseline while listing; retained-MB is what is still alive after a
// collection at the end, before the result is dropped.
func BenchmarkStream10kHeap(b *testing.B) {
	url := startServerProcess(b, Config{})
	ctx := context.Background()
	b.Run("go-pagerduty-collect", func(b *testing.B) {
		c := newGoPD(url)
		var peak, kept uint64
		for b.Loop() {
			w := watchHeap()
			var all []gopd.Incident
			opts := gopd.ListIncidentsOptions{Limit: 100}
			for {
				resp, err := c.ListIncidentsWithContext(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
				all = append(all, resp.Incidents...)
				if !resp.More {
					break
				}
				opts.Offset += uint(len(resp.Incidents))
			}
			peak = max(peak, w.done())
			kept = max(kept, w.retained())
			if len(all) != 10_000 {
				b.Fatalf("%d incidents", len(all))
			}
			runtime.KeepAlive(all)
		}
		b.ReportMetric(float64(peak)/mb, "peak-MB")
		b.ReportMetric(float64(kept)/mb, "retained-MB")
	})
	for _, tc := range []struct {
		name  string
		ahead int
	}{{"pdkit-range", 0}, {"pdkit-range-prefetch4", 4}} {
		b.Run(tc.name, func(b *testing.B) {
			c := newPDKit(b, url, pagerduty.RateLimit{Disabled: true})
			ctx := pagerduty.ContextWithPrefetch(ctx, tc.ahead)
			var peak, kept uint64
			for b.Loop() {
				w := watchHeap()
				n, err := listPDKit(ctx, c)
				if err != nil || n != 10_000 {
					b.Fatal(n, err)
				}
				peak = max(peak, w.done())
				kept = max(kept, w.retained())
			}
			b.ReportMetric(float64(peak)/mb, "peak-MB")
			b.ReportMetric(float64(kept)/mb, "retained-MB")
		})
	}
}
