package pagerduty

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func newInternalClient(t *testing.T, h http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewClient(WithToken("tok-123456789"), WithBaseURL(srv.URL),
		WithRetry(RetryPolicy{MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}),
		WithRateLimit(RateLimit{Disabled: true}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A retried POST carries its whole body on every attempt.
func TestRetriedPOSTKeepsItsBody(t *testing.T) {
	var attempts atomic.Int32
	var bodies []string
	c := newInternalClient(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if attempts.Add(1) < 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	})
	var out struct{ OK bool }
	err := c.do(context.Background(), &request{method: "POST", path: "/things", body: map[string]string{"title": "disk full"}}, &out)
	if err != nil || !out.OK {
		t.Fatalf("do: %v, %+v", err, out)
	}
	if len(bodies) != 3 {
		t.Fatalf("attempts = %d, want 3", len(bodies))
	}
	for i, b := range bodies {
		if b != `{"title":"disk full"}` {
			t.Errorf("attempt %d body = %q, want the full body", i+1, b)
		}
	}
}

// hangUpAfterBody reads the request body, then drops the connection without
// answering: the server may have applied the request.
func hangUpAfterBody(attempts *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		attempts.Add(1)
		io.ReadAll(r.Body)
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("no hijacker")
		}
		conn, _, _ := hj.Hijack()
		conn.Close()
	}
}

// A POST whose connection dies after the body was sent is not sent again; the
// caller learns the outcome is unknown.
func TestPOSTWithUnknownOutcomeIsNotRetried(t *testing.T) {
	var attempts atomic.Int32
	c := newInternalClient(t, hangUpAfterBody(&attempts))
	err := c.do(context.Background(), &request{method: "POST", path: "/incidents", body: map[string]string{"a": "b"}}, nil)
	var uo *UnknownOutcomeError
	if !errors.As(err, &uo) {
		t.Fatalf("err = %v, want *UnknownOutcomeError", err)
	}
	if uo.Method != "POST" || uo.Path != "/incidents" {
		t.Errorf("UnknownOutcomeError names %s %s, want POST /incidents", uo.Method, uo.Path)
	}
	if n := attempts.Load(); n != 1 {
		t.Errorf("attempts = %d, want 1 (no blind retry)", n)
	}
}

// The same failure is retried when the caller marked the request safe (it
// carries an idempotency key), and for idempotent methods.
func TestSafeRequestsAreRetriedAfterConnectionLoss(t *testing.T) {
	for _, r := range []*request{
		{method: "POST", path: "/incidents", body: map[string]string{"incident_key": "k"}, retrySafe: true},
		{method: "PUT", path: "/incidents/PX", body: map[string]string{"status": "resolved"}},
		{method: "GET", path: "/incidents"},
	} {
		var attempts atomic.Int32
		c := newInternalClient(t, hangUpAfterBody(&attempts))
		err := c.do(context.Background(), r, nil)
		if err == nil {
			t.Fatalf("%s: want an error after every attempt failed", r.method)
		}
		var uo *UnknownOutcomeError
		if errors.As(err, &uo) {
			t.Errorf("%s: got UnknownOutcomeError for a request that may be retried", r.method)
		}
		if n := attempts.Load(); n != 4 {
			t.Errorf("%s: attempts = %d, want 4 (1 + 3 retries)", r.method, n)
		}
	}
}

// A 500 answer to a POST is not retried (it may have been applied); 503 is.
func TestPOSTRetriesOnlyWhenNotApplied(t *testing.T) {
	for _, tc := range []struct {
		status, want int32
	}{{500, 1}, {502, 1}, {503, 4}, {429, 4}} {
		var attempts atomic.Int32
		c := newInternalClient(t, func(w http.ResponseWriter, r *http.Request) {
			attempts.Add(1)
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(int(tc.status))
		})
		err := c.do(context.Background(), &request{method: "POST", path: "/x", body: 1}, nil)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != int(tc.status) {
			t.Errorf("status %d: err = %v, want APIError with that status", tc.status, err)
		}
		if n := attempts.Load(); n != tc.want {
			t.Errorf("status %d: attempts = %d, want %d", tc.status, n, tc.want)
		}
	}
}

func writeJSONInternal(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
