package pagerduty_test

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Goroutines sharing a client share its limiter: together they stay under
// the rate, and each makes steady progress (waiters are served in order).
func TestLimiterIsSharedAndFair(t *testing.T) {
	const workers, each = 8, 6
	var sent atomic.Int32
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		sent.Add(1)
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	}, pagerduty.WithRateLimit(pagerduty.RateLimit{PerMinute: 6000, Burst: 1})) // 100 a second

	var mu sync.Mutex
	var order []int
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range each {
				if _, err := c.Abilities.List(context.Background()); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				order = append(order, w)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	total := workers * each
	// 48 requests at 100/s with a burst of 1 take at least 470ms.
	if min := time.Duration(total-1) * 10 * time.Millisecond; elapsed < min*9/10 {
		t.Errorf("%d requests took %s: the limiter let them through faster than 100/s", total, elapsed)
	}
	// Fairness: in the first half of the completions, every goroutine has
	// finished at least a third of its share.
	counts := make([]int, workers)
	for _, w := range order[:total/2] {
		counts[w]++
	}
	for w, n := range counts {
		if n < each/3 {
			t.Errorf("goroutine %d finished %d of its %d requests in the first half: %v", w, n, each, counts)
		}
	}
}

func TestLimiterWaitEndsWithContext(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	}, pagerduty.WithRateLimit(pagerduty.RateLimit{PerMinute: 1, Burst: 1}))
	if _, err := c.Abilities.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := c.Abilities.List(ctx); err == nil {
		t.Fatal("the second request should wait a minute and give up with the context")
	}
	if time.Since(start) > 2*time.Second {
		t.Error("the limiter wait did not end with the context")
	}
}
