package events_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// burst returns n valid triggers with dedup keys "ev-0", "ev-1", ...
func burst(n int) []events.Event {
	evs := make([]events.Event, n)
	for i := range evs {
		evs[i] = trigger()
		evs[i].DedupKey = fmt.Sprintf("ev-%d", i)
	}
	return evs
}

func TestSendAllReturnsResultsInInputOrder(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		// Answer out of order: later requests often finish first.
		time.Sleep(time.Duration(n%4) * time.Millisecond)
		accept(w, s, n)
	})
	c := newClient(t, f)
	evs := burst(40)
	evs[7].Payload.Severity = "fatal" // invalid: refused, the others still go
	results := c.SendAll(context.Background(), evs, &events.SendAllOptions{Concurrency: 6})
	if len(results) != len(evs) {
		t.Fatalf("got %d results for %d events", len(results), len(evs))
	}
	for i, r := range results {
		if i == 7 {
			var verr *events.ValidationError
			if !errors.As(r.Err, &verr) || verr.Field != "Payload.Severity" {
				t.Errorf("result 7: %v, want the severity's ValidationError", r.Err)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("result %d: %v", i, r.Err)
			continue
		}
		if want := fmt.Sprintf("ev-%d", i); r.Response.DedupKey != want {
			t.Errorf("result %d has dedup key %q, want %q", i, r.Response.DedupKey, want)
		}
	}
	if n := len(f.requests()); n != len(evs)-1 {
		t.Errorf("server received %d events, want %d", n, len(evs)-1)
	}
}

func TestSendAllBoundsConcurrency(t *testing.T) {
	const limit = 4
	var inFlight, peak atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		now := inFlight.Add(1)
		for {
			p := peak.Load()
			if now <= p || peak.CompareAndSwap(p, now) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-1)
		accept(w, s, n)
	})
	c := newClient(t, f)
	results := c.SendAll(context.Background(), burst(60), &events.SendAllOptions{Concurrency: limit})
	for i, r := range results {
		if r.Err != nil {
			t.Fatalf("result %d: %v", i, r.Err)
		}
	}
	if p := peak.Load(); p > limit {
		t.Errorf("%d requests were in flight at once, want at most %d", p, limit)
	}
	if p := peak.Load(); p < 2 {
		t.Errorf("at most %d request was in flight at once: events were not sent concurrently", p)
	}
}

func TestSendAllPacesEachRoutingKey(t *testing.T) {
	// One event a second with bursts of 2, per key: within the deadline
	// each key gets exactly its burst through, whatever the other key does.
	f := newFake(t, nil)
	c := newClient(t, f, events.WithRateLimit(events.RateLimit{PerMinute: 60, Burst: 2}))
	keyA := events.RoutingKey(testKey)
	keyB := events.RoutingKey("fedcba9876543210fedcba9876543210")
	evs := burst(10)
	for i := range evs {
		evs[i].RoutingKey = keyA
		if i%2 == 1 {
			evs[i].RoutingKey = keyB
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	results := c.SendAll(ctx, evs, &events.SendAllOptions{Concurrency: 10})

	sent := map[events.RoutingKey]int{}
	for i, r := range results {
		switch {
		case r.Err == nil:
			sent[evs[i].RoutingKey]++
		case !errors.Is(r.Err, context.DeadlineExceeded):
			t.Errorf("result %d: %v, want success or the deadline", i, r.Err)
		}
	}
	if sent[keyA] != 2 || sent[keyB] != 2 {
		t.Errorf("sent %d events of key A and %d of key B, want each key's burst of 2", sent[keyA], sent[keyB])
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("server received %d events, want 4", n)
	}
}

func TestSendAllStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	arrived := make(chan struct{}, 100)
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		arrived <- struct{}{}
		<-release
		accept(w, s, n)
	})
	defer close(release)
	c := newClient(t, f)
	go func() {
		// The caller gives up once two events are in flight.
		<-arrived
		<-arrived
		cancel()
	}()
	evs := burst(50)
	results := c.SendAll(ctx, evs, &events.SendAllOptions{Concurrency: 2})

	var unsent, inFlight int
	for i, r := range results {
		switch {
		case r.Err == context.Canceled: // never sent: exactly ctx.Err()
			unsent++
		case errors.Is(r.Err, context.Canceled): // in flight: wrapped
			inFlight++
		default:
			t.Errorf("result %d: %v, want context.Canceled", i, r.Err)
		}
	}
	if inFlight != 2 || unsent != len(evs)-2 {
		t.Errorf("%d events failed in flight and %d were not sent, want 2 and %d", inFlight, unsent, len(evs)-2)
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("server received %d events, want only the 2 in flight", n)
	}
	if stacks := sendAllGoroutines(); stacks != "" {
		t.Errorf("SendAll returned with goroutines still running:\n%s", stacks)
	}
}

func TestSendAllWithNothingOrNilOptions(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	if r := c.SendAll(context.Background(), nil, nil); len(r) != 0 {
		t.Errorf("SendAll(nil) = %v", r)
	}
	results := c.SendAll(context.Background(), burst(3), nil)
	for i, r := range results {
		if r.Err != nil {
			t.Errorf("result %d: %v", i, r.Err)
		}
	}
}

func TestSendAllReportsRefusalsPerEvent(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		if strings.Contains(string(s.Body), `"ev-1"`) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"status":"invalid event","message":"Event object is invalid"}`)
			return
		}
		accept(w, s, n)
	})
	c := newClient(t, f)
	results := c.SendAll(context.Background(), burst(3), nil)
	if results[0].Err != nil || results[2].Err != nil {
		t.Errorf("results 0 and 2: %v, %v; want success", results[0].Err, results[2].Err)
	}
	var apiErr *pagerduty.APIError
	if !errors.As(results[1].Err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		t.Errorf("result 1: %v, want a 400 APIError", results[1].Err)
	}
}

// sendAllGoroutines returns the stacks of goroutines started by SendAll that
// are still running, or "".
// sendAllGoroutines returns the stacks of SendAll's workers still alive. A
// worker that has called wg.Done may still be returning when SendAll does,
// so it waits up to a second for them to finish before reporting any.
func sendAllGoroutines() string {
	deadline := time.Now().Add(time.Second)
	for {
		stacks := sendAllStacks()
		if stacks == "" || time.Now().After(deadline) {
			return stacks
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func sendAllStacks() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "events.(*Client).SendAll.func") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}

func TestSendAllWithConcurrentCallers(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, r := range c.SendAll(context.Background(), burst(10), &events.SendAllOptions{Concurrency: 3}) {
				if r.Err != nil {
					t.Errorf("result %d: %v", i, r.Err)
				}
			}
		}()
	}
	wg.Wait()
	if n := len(f.requests()); n != 40 {
		t.Errorf("server received %d events, want 40", n)
	}
}

func TestPacingDoesNotCountAgainstTheHTTPClientTimeout(t *testing.T) {
	// Ten events a second with no burst: the third waits 200ms for its
	// turn, four times the HTTP client's timeout, and must still go.
	f := newFake(t, nil)
	c := newClient(t, f,
		events.WithHTTPClient(&http.Client{Timeout: 50 * time.Millisecond}),
		events.WithRateLimit(events.RateLimit{PerMinute: 600, Burst: 1}),
		events.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}),
	)
	for i, r := range c.SendAll(context.Background(), burst(3), &events.SendAllOptions{Concurrency: 3}) {
		if r.Err != nil {
			t.Errorf("result %d: %v", i, r.Err)
		}
	}
}
