package events_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// testKey is a routing key of the usual shape; tests check it never leaks.
const testKey = "0123456789abcdef0123456789abcdef"

// fastRetry keeps retry waits short so retries run in milliseconds.
var fastRetry = events.WithRetry(pagerduty.RetryPolicy{MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})

// noPacing turns client-side pacing off for tests that are not about it.
var noPacing = events.WithRateLimit(events.RateLimit{Disabled: true})

// seen is a request the fake server received.
type seen struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// decoded returns the request body as generic JSON.
func (s seen) decoded(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(s.Body, &m); err != nil {
		t.Fatalf("request body is not a JSON object: %v\n%s", err, s.Body)
	}
	return m
}

// fake is an Events API stand-in that records what it receives and answers
// with its handler (by default 202 with the event's dedup key, or a made-up
// one for a trigger without).
type fake struct {
	*httptest.Server

	mu      sync.Mutex
	reqs    []seen
	handler func(w http.ResponseWriter, s seen, n int)
}

func newFake(t testing.TB, h func(w http.ResponseWriter, s seen, n int)) *fake {
	t.Helper()
	f := &fake{handler: h}
	if f.handler == nil {
		f.handler = accept
	}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s := seen{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
		f.mu.Lock()
		f.reqs = append(f.reqs, s)
		n := len(f.reqs)
		f.mu.Unlock()
		f.handler(w, s, n)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fake) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

// accept answers like the Events API does to an accepted event.
func accept(w http.ResponseWriter, s seen, _ int) {
	var in struct {
		DedupKey string `json:"dedup_key"`
	}
	_ = json.Unmarshal(s.Body, &in)
	if in.DedupKey == "" && s.Path == events.EnqueuePath {
		in.DedupKey = "made-by-pagerduty-7c1e"
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	out := map[string]string{"status": "success", "message": "Event processed"}
	if in.DedupKey != "" {
		out["dedup_key"] = in.DedupKey
	}
	_ = json.NewEncoder(w).Encode(out)
}

// newClient returns a client for f with the test key as default, fast
// retries and no pacing, unless opts say otherwise.
func newClient(t testing.TB, f *fake, opts ...events.Option) *events.Client {
	t.Helper()
	all := append([]events.Option{
		events.WithBaseURL(f.URL),
		events.WithRoutingKey(testKey),
		fastRetry,
		noPacing,
	}, opts...)
	c, err := events.NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// trigger is a valid trigger for tests to vary.
func trigger() events.Event {
	return events.Event{
		Action: events.Trigger,
		Payload: events.Payload{
			Summary:  "Disk 95% full on db-1",
			Source:   "db-1.example.com",
			Severity: events.Critical,
		},
	}
}
