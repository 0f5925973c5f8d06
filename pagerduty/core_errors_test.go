package pagerduty_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestAPIErrorDecodesEveryShape(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		want   pagerduty.APIError
	}{
		{"object", 400, `{"error":{"code":2001,"message":"Invalid Input Provided","errors":["Statuses is invalid."]}}`,
			pagerduty.APIError{StatusCode: 400, Code: 2001, Message: "Invalid Input Provided", Errors: []string{"Statuses is invalid."}}},
		{"code as string", 404, `{"error":{"code":"2100","message":"Not Found"}}`,
			pagerduty.APIError{StatusCode: 404, Code: 2100, Message: "Not Found"}},
		{"string", 403, `{"error":"Access Denied"}`, pagerduty.APIError{StatusCode: 403, Message: "Access Denied"}},
		{"flat", 400, `{"status":"invalid event","message":"Event object is invalid","errors":["'routing_key' is missing"]}`,
			pagerduty.APIError{StatusCode: 400, Message: "Event object is invalid", Errors: []string{"'routing_key' is missing"}}},
		{"html", 502, `<html><body>Bad Gateway</body></html>`, pagerduty.APIError{StatusCode: 502, Message: "Bad Gateway"}},
		{"empty", 401, ``, pagerduty.APIError{StatusCode: 401, Message: "Unauthorized"}},
		{"text", 400, `plain words`, pagerduty.APIError{StatusCode: 400, Message: "plain words"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Request-Id", "req-1")
				w.WriteHeader(tc.status)
				w.Write([]byte(tc.body))
			}, pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}))
			_, err := c.Incidents.Get(context.Background(), "PX1", nil)
			var apiErr *pagerduty.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			want := tc.want
			want.Method, want.Path, want.RequestID = "GET", "/incidents/PX1", "req-1"
			if diff := cmp.Diff(want, *apiErr, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("APIError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIErrorMessageAndHelpers(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 404, map[string]any{"error": map[string]any{"code": 2100, "message": "Not Found"}})
	})
	_, err := c.Incidents.Get(context.Background(), "PNOPE", nil)
	if !pagerduty.IsNotFound(err) || pagerduty.IsUnauthorized(err) || pagerduty.IsForbidden(err) || pagerduty.IsRateLimited(err) {
		t.Fatalf("helpers disagree with %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"GET /incidents/PNOPE", "404", "Not Found", "code 2100"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, testToken) {
		t.Errorf("message %q shows the token", msg)
	}
	wrapped := errors.Join(errors.New("context"), err)
	if !pagerduty.IsNotFound(wrapped) {
		t.Error("IsNotFound should see through wrapping")
	}
	for status, is := range map[int]func(error) bool{401: pagerduty.IsUnauthorized, 403: pagerduty.IsForbidden} {
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
		_, err := c.Incidents.Get(context.Background(), "P1", nil)
		if !is(err) {
			t.Errorf("status %d: helper is false for %v", status, err)
		}
	}
}

func TestTransportErrorsAreWrapped(t *testing.T) {
	// A port that nothing listens on: connection refused, retried, then
	// reported with the cause reachable through errors.Is.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken(testToken), pagerduty.WithBaseURL("http://"+addr), fastRetry)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Incidents.Get(context.Background(), "P1", nil)
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("err = %v, want ECONNREFUSED inside", err)
	}
	if !strings.Contains(err.Error(), "GET /incidents/P1") {
		t.Errorf("err = %v, want the request named", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Incidents.Get(ctx, "P1", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestRateLimitErrorCarriesRetryAfter(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "42")
		writeJSON(w, 429, map[string]any{"error": map[string]any{"code": 2020, "message": "Rate Limit Exceeded"}})
	}, pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetryAfter: time.Second}))
	start := time.Now()
	_, err := c.Incidents.Get(context.Background(), "P1", nil)
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || !pagerduty.IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.RetryAfter != 42*time.Second {
		t.Errorf("RetryAfter = %s, want 42s", apiErr.RetryAfter)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("a wait beyond MaxRetryAfter should not be waited out")
	}
}
