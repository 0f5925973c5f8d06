package pagerduty_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdkit/pdkit/internal/reliability"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// relShareClient runs workers goroutines that each make perWorker calls
// through c, and returns for each goroutine the order numbers (across all
// goroutines) at which its calls ended, and the first error.
func relShareClient(t *testing.T, c *pagerduty.Client, workers, perWorker int) ([][]int, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var (
		mu       sync.Mutex
		seq      int
		done     = make([][]int, workers)
		firstErr error
		wg       sync.WaitGroup
		start    = make(chan struct{})
	)
	for w := range workers {
		wg.Go(func() {
			<-start // all at once, so that none is early by being started first
			ctx := context.WithValue(ctx, relWorker{}, w)
			for range perWorker {
				_, err := c.Abilities.List(ctx)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				done[w] = append(done[w], seq)
				seq++
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	return done, firstErr
}

// relWorker tags a call's context with the goroutine that makes it.
type relWorker struct{}

// relGrants is a transport under the client's limiter: it sees each request
// when the limiter lets it go, and records which goroutine it is for.
type relGrants struct {
	next  http.RoundTripper
	mu    sync.Mutex
	order []int       // the goroutine of each request let through
	at    []time.Time // when each request was let through
}

func (g *relGrants) RoundTrip(r *http.Request) (*http.Response, error) {
	if w, ok := r.Context().Value(relWorker{}).(int); ok {
		g.mu.Lock()
		g.order = append(g.order, w)
		g.at = append(g.at, time.Now()) // under the lock, so the times are in order
		g.mu.Unlock()
	}
	return g.next.RoundTrip(r)
}

// relOverPace returns how many of the requests let through at the times at
// (in order) went beyond a token bucket of burst tokens refilled at perSecond.
func relOverPace(at []time.Time, perSecond float64, burst int) int {
	over := 0
	tokens := float64(burst)
	for i, t := range at {
		if i > 0 {
			tokens = min(float64(burst), tokens+t.Sub(at[i-1]).Seconds()*perSecond)
		}
		if tokens < 1-1e-9 {
			over++
			continue
		}
		tokens--
	}
	return over
}

// relCheckFair fails the test unless the limiter served every goroutine in
// turn: between two requests of one goroutine it let through at most
// rounds times as many requests of the others as there are goroutines
// (one round is one request each). How early each goroutine started does
// not count, and neither does how long its answers took beyond a round or
// two, which depends on the machine, not on the client.
func relCheckFair(t *testing.T, order []int, workers, rounds int) {
	t.Helper()
	for _, msg := range relUnfair(order, workers, rounds) {
		t.Error(msg)
	}
}

// relUnfair returns what relCheckFair reports.
func relUnfair(order []int, workers, rounds int) []string {
	last := make([]int, workers)
	for i := range last {
		last[i] = -1
	}
	worst := make([]int, workers)
	for pos, w := range order {
		if last[w] >= 0 {
			worst[w] = max(worst[w], pos-last[w]-1)
		}
		last[w] = pos
	}
	var out []string
	for w, gap := range worst {
		if gap > rounds*workers {
			out = append(out, fmt.Sprintf("goroutine %d waited while the limiter let %d requests of the others through (more than %d rounds of %d): progress is not fair", w, gap, rounds, workers))
		}
	}
	return out
}

// The fairness check passes turns taken in order, and catches a goroutine
// left waiting while the others go round more than the allowed rounds,
// however late it started.
func TestRelCheckFairCatchesStarvation(t *testing.T) {
	var inTurn []int
	for range 8 {
		for w := range 5 {
			inTurn = append(inTurn, w)
		}
	}
	if msgs := relUnfair(inTurn, 5, 2); len(msgs) != 0 {
		t.Errorf("turns in order reported: %v", msgs)
	}
	// Goroutine 4 starts late, then keeps its turn: fair.
	late := append(slices.Repeat([]int{0, 1, 2, 3}, 6), slices.Repeat([]int{0, 1, 2, 3, 4}, 4)...)
	if msgs := relUnfair(late, 5, 2); len(msgs) != 0 {
		t.Errorf("a late start reported: %v", msgs)
	}
	// Goroutine 4 goes once, then waits four rounds of the others.
	starved := append([]int{4}, slices.Repeat([]int{0, 1, 2, 3}, 4)...)
	starved = append(starved, 4)
	if msgs := relUnfair(starved, 5, 2); len(msgs) != 1 || !strings.Contains(msgs[0], "goroutine 4") {
		t.Errorf("starvation: %v", msgs)
	}
}

// TestReliabilitySharedClientDefaultLimit has 50 goroutines share one
// client at its default settings (960 requests a minute, bursts of 16)
// against a server that enforces 960 a minute with a bucket of 24, far
// stricter than PagerDuty's minute-long window: no request may meet a 429.
// 100 requests take about (100-16)/16 ≈ 5 s.
func TestReliabilitySharedClientDefaultLimit(t *testing.T) {
	reliability.CheckGoroutines(t)
	pd := pdtest.NewServer(pdtest.WithFaults(pdtest.Faults{RateLimit: 960, RateBurst: 24}))
	t.Cleanup(pd.Close)
	c, err := pagerduty.NewClient(pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL))
	if err != nil {
		t.Fatal(err)
	}
	done, err := relShareClient(t, c, 50, 2)
	if err != nil {
		t.Fatal(err)
	}
	if st := pd.Stats(); st.RateLimited != 0 || st.Requests != 100 {
		t.Errorf("server saw %d requests, %d of them over the limit; want 100 and 0", st.Requests, st.RateLimited)
	}
	for g, d := range done {
		if len(d) != 2 {
			t.Errorf("goroutine %d ended %d calls, want 2", g, len(d))
		}
	}
}

// TestReliabilitySharedClientScaledLimit is the same with ten times the
// rate on both sides (9,600 a minute) and more calls per goroutine, to show
// fairness over many rounds: 400 requests in about 2.5 s, served in turn by
// the limiter. A transport under the limiter records which goroutine each
// request it lets go belongs to, and when: the times must keep to the
// client's bucket of 16. The server's bucket of 96 leaves the same half
// second for a request to travel as the test above; at ten times the rate,
// 8 spare tokens would leave 50 ms, less than a loaded machine can promise.
func TestReliabilitySharedClientScaledLimit(t *testing.T) {
	reliability.CheckGoroutines(t)
	pd := pdtest.NewServer(pdtest.WithFaults(pdtest.Faults{RateLimit: 9600, RateBurst: 96}))
	t.Cleanup(pd.Close)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	grants := &relGrants{next: tr}
	c, err := pagerduty.NewClient(pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL),
		pagerduty.WithRateLimit(pagerduty.RateLimit{PerMinute: 9600, Burst: 16}),
		pagerduty.WithHTTPClient(&http.Client{Transport: grants}))
	if err != nil {
		t.Fatal(err)
	}
	done, err := relShareClient(t, c, 50, 8)
	if err != nil {
		t.Fatal(err)
	}
	if st := pd.Stats(); st.RateLimited != 0 || st.Requests != 400 {
		t.Errorf("server saw %d requests, %d of them over the limit; want 400 and 0", st.Requests, st.RateLimited)
	}
	for g, d := range done {
		if len(d) != 8 {
			t.Errorf("goroutine %d ended %d calls, want 8", g, len(d))
		}
	}
	relCheckFair(t, grants.order, 50, 3)
	// Four tokens more than the client's burst: a time is recorded a moment
	// after the limiter lets its request go, and a request recorded late
	// makes the ones after it look early; four tokens are 25 ms of such
	// delay. A limiter 15% too fast goes about 45 requests beyond.
	if n := relOverPace(grants.at, 160, 20); n > 0 {
		t.Errorf("the limiter let %d of %d requests go beyond 160 a second with bursts of 16", n, len(grants.at))
	}
}

// The pace check passes requests within the bucket and counts those beyond.
func TestRelOverPace(t *testing.T) {
	t0 := time.Now()
	var paced []time.Time
	for i := range 20 {
		paced = append(paced, t0) // a burst of 4, then one every 10 ms
		if i >= 4 {
			paced[i] = t0.Add(time.Duration(i-3) * 10 * time.Millisecond)
		}
	}
	if n := relOverPace(paced, 100, 4); n != 0 {
		t.Errorf("paced requests: %d over, want 0", n)
	}
	if n := relOverPace(slices.Repeat([]time.Time{t0}, 10), 100, 4); n != 6 {
		t.Errorf("10 at once with a burst of 4: %d over, want 6", n)
	}
}

// relCancelAfter cancels a context after d and returns it.
func relCancelAfter(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	time.AfterFunc(d, cancel)
	return ctx
}

// TestReliabilityCancelEndsEveryWait cancels a call while it waits in each
// place a call can wait, and checks that it returns promptly with
// context.Canceled and that no goroutine outlives it.
func TestReliabilityCancelEndsEveryWait(t *testing.T) {
	const cancelAfter, within = 100 * time.Millisecond, 2 * time.Second
	cases := []struct {
		name string
		// setup returns a client and the call to make.
		setup func(t *testing.T) (*pagerduty.Client, func(context.Context) error)
	}{
		{"retry backoff", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			pd := pdtest.NewServer(pdtest.WithFaults(pdtest.Faults{Errors: []pdtest.ErrorFault{{Status: 500, Every: 1}}}))
			t.Cleanup(pd.Close)
			c := relNewClient(t, pd.URL, pd.Token(), pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: 5, MinWait: time.Minute, MaxWait: time.Minute}))
			return c, func(ctx context.Context) error { _, err := c.Abilities.List(ctx); return err }
		}},
		{"429 Retry-After", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "60")
				w.WriteHeader(http.StatusTooManyRequests)
			}))
			t.Cleanup(hs.Close)
			c := relNewClient(t, hs.URL, "u+reliability-token")
			return c, func(ctx context.Context) error { _, err := c.Abilities.List(ctx); return err }
		}},
		{"client rate limiter", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			pd := pdtest.NewServer()
			t.Cleanup(pd.Close)
			c := relNewClient(t, pd.URL, pd.Token(), pagerduty.WithRateLimit(pagerduty.RateLimit{PerMinute: 1, Burst: 1}))
			return c, func(ctx context.Context) error {
				if _, err := c.Abilities.List(ctx); err != nil {
					return errors.New("the first call, within the burst, failed: " + err.Error())
				}
				_, err := c.Abilities.List(ctx) // waits a minute for a token
				return err
			}
		}},
		{"slow body", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			pd := pdtest.NewServer(pdtest.WithFaults(pdtest.Faults{SlowBodyChunk: 1, SlowBodyDelay: 50 * time.Millisecond}))
			t.Cleanup(pd.Close)
			c := relNewClient(t, pd.URL, pd.Token())
			return c, func(ctx context.Context) error { _, err := c.Abilities.List(ctx); return err }
		}},
		{"pending page", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			pd := pdtest.NewServer(pdtest.WithDemoIncidents(300))
			t.Cleanup(pd.Close)
			c := relNewClient(t, pd.URL, pd.Token())
			return c, func(ctx context.Context) error {
				n := 0
				for _, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 10}}) {
					if err != nil {
						return err
					}
					if n++; n == 10 {
						// The next page now answers after a minute.
						pd.SetFaults(pdtest.Faults{Latency: time.Minute})
					}
				}
				return errors.New("the listing ended without the cancellation")
			}
		}},
		{"prefetched pages", func(t *testing.T) (*pagerduty.Client, func(context.Context) error) {
			pd := pdtest.NewServer(pdtest.WithDemoIncidents(300))
			t.Cleanup(pd.Close)
			c := relNewClient(t, pd.URL, pd.Token())
			return c, func(ctx context.Context) error {
				ctx = pagerduty.ContextWithPrefetch(ctx, 4)
				n := 0
				for _, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 10}}) {
					if err != nil {
						return err
					}
					if n++; n == 1 {
						pd.SetFaults(pdtest.Faults{Latency: time.Minute})
					}
				}
				return errors.New("the listing ended without the cancellation")
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reliability.CheckGoroutines(t)
			_, call := tc.setup(t)
			ctx := relCancelAfter(t, cancelAfter)
			start := time.Now()
			err := call(ctx)
			took := time.Since(start)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v (%T) is not context.Canceled", err, err)
			}
			if took > within {
				t.Errorf("the call returned %s after the cancellation, want within %s", took-cancelAfter, within)
			}
		})
	}
}

// relNewClient returns a client of the server at url with the given
// options on top of a token and the base URL.
func relNewClient(t testing.TB, url, token string, extra ...pagerduty.Option) *pagerduty.Client {
	t.Helper()
	c, err := pagerduty.NewClient(append([]pagerduty.Option{pagerduty.WithToken(token), pagerduty.WithBaseURL(url)}, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
