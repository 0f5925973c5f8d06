package pagerduty_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestRetriesServerErrorsExcept501(t *testing.T) {
	for _, tc := range []struct {
		status       int
		wantAttempts int32
	}{{500, 4}, {502, 4}, {503, 4}, {504, 4}, {501, 1}, {400, 1}, {404, 1}} {
		var attempts atomic.Int32
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			attempts.Add(1)
			w.WriteHeader(tc.status)
		})
		_, err := c.Abilities.List(context.Background())
		var apiErr *pagerduty.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status {
			t.Errorf("status %d: err = %v", tc.status, err)
		}
		if got := attempts.Load(); got != tc.wantAttempts {
			t.Errorf("status %d: attempts = %d, want %d", tc.status, got, tc.wantAttempts)
		}
	}
}

func TestRetryRecoversAfterTransientErrors(t *testing.T) {
	var attempts atomic.Int32
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if attempts.Add(1) <= 2 {
			w.WriteHeader(502)
			return
		}
		writeJSON(w, 200, map[string]any{"abilities": []string{"teams"}})
	})
	got, err := c.Abilities.List(context.Background())
	if err != nil || len(got) != 1 || got[0] != "teams" {
		t.Fatalf("List = %v, %v", got, err)
	}
}

func TestMaxRetriesIsHonoured(t *testing.T) {
	for _, tc := range []struct {
		max  int
		want int32
	}{{-1, 1}, {1, 2}, {5, 6}} {
		var attempts atomic.Int32
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			attempts.Add(1)
			w.WriteHeader(500)
		}, pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: tc.max, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
		c.Abilities.List(context.Background())
		if got := attempts.Load(); got != tc.want {
			t.Errorf("MaxRetries %d: attempts = %d, want %d", tc.max, got, tc.want)
		}
	}
}

// A 429 is retried after the wait its headers ask for, whichever header says
// it.
func TestRetryWaitsWhat429Asks(t *testing.T) {
	for _, header := range []string{"Retry-After", "Ratelimit-Reset"} {
		t.Run(header, func(t *testing.T) {
			var mu sync.Mutex
			var times []time.Time
			c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				times = append(times, time.Now())
				n := len(times)
				mu.Unlock()
				if n == 1 {
					w.Header().Set(header, "1")
					w.WriteHeader(429)
					return
				}
				writeJSON(w, 200, map[string]any{"abilities": []string{}})
			})
			if _, err := c.Abilities.List(context.Background()); err != nil {
				t.Fatal(err)
			}
			if len(times) != 2 {
				t.Fatalf("attempts = %d, want 2", len(times))
			}
			if gap := times[1].Sub(times[0]); gap < 900*time.Millisecond {
				t.Errorf("retried after %s, want the 1s the server asked for", gap)
			}
		})
	}
}

// Cancelling the context ends a wait at once.
func TestCancelEndsRetryWait(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(429)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Abilities.List(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %s; the wait should end with the context", d)
	}
}

// After a 429, the other goroutines of the client wait for the reset too
// instead of each meeting the limit.
func TestA429PausesEveryGoroutine(t *testing.T) {
	var mu sync.Mutex
	var first429 time.Time
	var arrivals []time.Time
	limited := make(chan struct{})
	seen429 := make(chan struct{})
	var once sync.Once
	logged := func(status int) {
		if status == http.StatusTooManyRequests {
			once.Do(func() { close(seen429) })
		}
	}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now := time.Now()
		if first429.IsZero() {
			first429 = now
			mu.Unlock()
			w.Header().Set("Ratelimit-Reset", "1")
			w.WriteHeader(429)
			close(limited)
			return
		}
		arrivals = append(arrivals, now)
		mu.Unlock()
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	}, pagerduty.WithLogger(slog.New(statusHandler(logged))))
	var wg sync.WaitGroup
	wg.Go(func() { c.Abilities.List(context.Background()) })
	<-limited
	// The client logs the 429 once its limiter has seen it (the log comes
	// from the retry layer, above the limiter): the others start then.
	select {
	case <-seen429:
	case <-time.After(10 * time.Second):
		t.Fatal("the client never logged the 429")
	}
	for range 5 {
		wg.Go(func() {
			if _, err := c.Abilities.List(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(arrivals) != 6 {
		t.Fatalf("arrivals after the 429 = %d, want 6", len(arrivals))
	}
	for _, a := range arrivals {
		if d := a.Sub(first429); d < 900*time.Millisecond {
			t.Errorf("a request arrived %s after the 429; every goroutine should wait for the 1s reset", d)
		}
	}
}

// statusHandler is a slog.Handler that calls f with the status of each
// response the client logs.
type statusHandler func(status int)

func (statusHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h statusHandler) WithAttrs([]slog.Attr) slog.Handler     { return h }
func (h statusHandler) WithGroup(string) slog.Handler          { return h }

// Handle calls h with the record's status attribute, if it has one.
func (h statusHandler) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "status" {
			h(int(a.Value.Int64()))
			return false
		}
		return true
	})
	return nil
}
