package pagerduty_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/pdkit/pdkit/internal/cassette"
	"github.com/pdkit/pdkit/pagerduty"
)

// testToken is the credential the fake servers of these tests expect.
const testToken = "test-token-0123456789"

// fastRetry keeps retry waits short so tests of retries run in milliseconds.
var fastRetry = pagerduty.WithRetry(pagerduty.RetryPolicy{MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})

// newTestClient starts a server answering with h and returns a client for it,
// with fast retries and no client-side pacing unless opts say otherwise.
func newTestClient(t testing.TB, h http.HandlerFunc, opts ...pagerduty.Option) *pagerduty.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	all := append([]pagerduty.Option{
		pagerduty.WithToken(testToken),
		pagerduty.WithBaseURL(srv.URL),
		fastRetry,
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}),
	}, opts...)
	c, err := pagerduty.NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// replayClient returns a client that replays the cassette name (a path under
// cassettes/, without .yaml). See package internal/cassette for recording.
func replayClient(t testing.TB, name string, opts ...pagerduty.Option) *pagerduty.Client {
	t.Helper()
	cas := cassette.New(t, name)
	all := append([]pagerduty.Option{
		pagerduty.WithToken(cas.Token()),
		pagerduty.WithBaseURL(cas.BaseURL()),
		pagerduty.WithHTTPClient(cas.HTTPClient()),
		pagerduty.WithFrom("jane@example.com"),
	}, opts...)
	c, err := pagerduty.NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// seenRequest is what a fake server received.
type seenRequest struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
}

// recorder collects the requests a fake server receives, safely across
// goroutines.
type recorder struct {
	mu   sync.Mutex
	reqs []seenRequest
}

func (r *recorder) record(req *http.Request) seenRequest {
	body, _ := io.ReadAll(req.Body)
	s := seenRequest{Method: req.Method, Path: req.URL.EscapedPath(), Query: req.URL.Query(), Header: req.Header.Clone(), Body: body}
	r.mu.Lock()
	r.reqs = append(r.reqs, s)
	r.mu.Unlock()
	return s
}

func (r *recorder) all() []seenRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seenRequest(nil), r.reqs...)
}

// writeJSON answers with status and v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
