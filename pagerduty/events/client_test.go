package events_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

func TestSendTriggerEncodesEveryField(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	ev := events.Event{
		Action:   events.Trigger,
		DedupKey: "srv01/mysql",
		Payload: events.Payload{
			Summary:       "DISK at 99% on prod-datapipe03",
			Source:        "prod-datapipe03.example.com",
			Severity:      events.Warning,
			Timestamp:     time.Date(2026, 3, 1, 8, 42, 58, 315e6, time.FixedZone("CET", 3600)),
			Component:     "mysql",
			Group:         "prod-datapipe",
			Class:         "disk",
			CustomDetails: map[string]any{"free space": "1%", "load avg": 0.75},
		},
		Client:    "Acme Monitoring",
		ClientURL: "https://monitoring.example.com",
		Links:     []events.Link{{Href: "https://runbooks.example.com/disk", Text: "Runbook"}, {Href: "https://status.example.com"}},
		Images:    []events.Image{{Src: "https://graphs.example.com/disk.png", Href: "https://graphs.example.com", Alt: "Disk usage"}},
	}
	resp, err := c.Send(context.Background(), ev)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	want := &events.Response{Status: "success", Message: "Event processed", DedupKey: "srv01/mysql"}
	if diff := cmp.Diff(want, resp); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}

	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "/v2/enqueue" {
		t.Errorf("request = %s %s, want POST /v2/enqueue", r.Method, r.Path)
	}
	if got := r.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := r.Header.Get("User-Agent"); !strings.HasPrefix(got, "pdkit/") {
		t.Errorf("User-Agent = %q, want pdkit's", got)
	}
	wantBody := map[string]any{
		"routing_key":  testKey,
		"event_action": "trigger",
		"dedup_key":    "srv01/mysql",
		"client":       "Acme Monitoring",
		"client_url":   "https://monitoring.example.com",
		"payload": map[string]any{
			"summary":        "DISK at 99% on prod-datapipe03",
			"source":         "prod-datapipe03.example.com",
			"severity":       "warning",
			"timestamp":      "2026-03-01T08:42:58.315+01:00",
			"component":      "mysql",
			"group":          "prod-datapipe",
			"class":          "disk",
			"custom_details": map[string]any{"free space": "1%", "load avg": 0.75},
		},
		"links": []any{
			map[string]any{"href": "https://runbooks.example.com/disk", "text": "Runbook"},
			map[string]any{"href": "https://status.example.com"},
		},
		"images": []any{
			map[string]any{"src": "https://graphs.example.com/disk.png", "href": "https://graphs.example.com", "alt": "Disk usage"},
		},
	}
	if diff := cmp.Diff(wantBody, r.decoded(t)); diff != "" {
		t.Errorf("request body (-want +got):\n%s", diff)
	}
}

func TestSendTriggerWithoutDedupKeyReturnsPagerDutysKey(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	resp, err := c.Send(context.Background(), trigger())
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if resp.DedupKey != "made-by-pagerduty-7c1e" {
		t.Errorf("DedupKey = %q, want the key the server made", resp.DedupKey)
	}
	body := f.requests()[0].decoded(t)
	if _, ok := body["dedup_key"]; ok {
		t.Errorf("a trigger without a dedup key sent one: %v", body["dedup_key"])
	}
	if _, ok := body["payload"].(map[string]any)["timestamp"]; ok {
		t.Errorf("a zero timestamp was sent")
	}
}

func TestAcknowledgeAndResolveSendOnlyWhatTheyNeed(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	ctx := context.Background()
	if _, err := c.Acknowledge(ctx, "srv01/mysql"); err != nil {
		t.Fatalf("Acknowledge: %v", err)
	}
	resp, err := c.Resolve(ctx, "srv01/mysql")
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	if resp.DedupKey != "srv01/mysql" {
		t.Errorf("DedupKey = %q", resp.DedupKey)
	}
	// A payload set on a resolve is not sent: the API ignores it, and a
	// partial one would not be valid.
	ev := events.Event{Action: events.Resolve, DedupKey: "k1", Payload: events.Payload{Summary: "fixed"}, Client: "x"}
	if _, err := c.Send(ctx, ev); err != nil {
		t.Fatalf("Send(resolve): %v", err)
	}
	reqs := f.requests()
	want := []map[string]any{
		{"routing_key": testKey, "event_action": "acknowledge", "dedup_key": "srv01/mysql"},
		{"routing_key": testKey, "event_action": "resolve", "dedup_key": "srv01/mysql"},
		{"routing_key": testKey, "event_action": "resolve", "dedup_key": "k1"},
	}
	if len(reqs) != len(want) {
		t.Fatalf("server received %d requests, want %d", len(reqs), len(want))
	}
	for i, w := range want {
		if diff := cmp.Diff(w, reqs[i].decoded(t)); diff != "" {
			t.Errorf("request %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestSendChangeEncodesEveryField(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	ce := events.ChangeEvent{
		RoutingKey: "fedcba9876543210fedcba9876543210",
		Summary:    "Build Success: raise snapshot timeout to 30 seconds",
		Source:     "build-agent-7",
		Timestamp:  time.Date(2026, 3, 1, 8, 42, 58, 0, time.UTC),
		CustomDetails: struct {
			Build string `json:"build_number"`
		}{"220"},
		Links:  []events.Link{{Href: "https://ci.example.com/builds/220", Text: "Build 220"}},
		Images: []events.Image{{Src: "https://ci.example.com/badge.png"}},
	}
	resp, err := c.SendChange(context.Background(), ce)
	if err != nil {
		t.Fatalf("SendChange: %v", err)
	}
	if resp.Status != "success" {
		t.Errorf("Status = %q", resp.Status)
	}
	r := f.requests()[0]
	if r.Path != "/v2/change/enqueue" {
		t.Errorf("path = %s, want /v2/change/enqueue", r.Path)
	}
	want := map[string]any{
		"routing_key": "fedcba9876543210fedcba9876543210",
		"payload": map[string]any{
			"summary":        "Build Success: raise snapshot timeout to 30 seconds",
			"source":         "build-agent-7",
			"timestamp":      "2026-03-01T08:42:58.000Z",
			"custom_details": map[string]any{"build_number": "220"},
		},
		"links":  []any{map[string]any{"href": "https://ci.example.com/builds/220", "text": "Build 220"}},
		"images": []any{map[string]any{"src": "https://ci.example.com/badge.png"}},
	}
	if diff := cmp.Diff(want, r.decoded(t)); diff != "" {
		t.Errorf("request body (-want +got):\n%s", diff)
	}
}

func TestInvalidEventAnswerIsAnAPIError(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, _ seen, _ int) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-42")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"status":"invalid event","message":"Event object is invalid","errors":["'payload.summary' is too long"]}`)
	})
	c := newClient(t, f)
	_, err := c.Send(context.Background(), trigger())
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v (%T), want a *pagerduty.APIError", err, err)
	}
	want := &pagerduty.APIError{
		StatusCode: 400,
		Message:    "invalid event: Event object is invalid",
		Errors:     []string{"'payload.summary' is too long"},
		Method:     "POST",
		Path:       "/v2/enqueue",
		RequestID:  "req-42",
	}
	if diff := cmp.Diff(want, apiErr); diff != "" {
		t.Errorf("APIError (-want +got):\n%s", diff)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("a 400 was sent %d times; it must not be retried", n)
	}
	if strings.Contains(err.Error(), testKey) {
		t.Errorf("error shows the routing key: %v", err)
	}
}

func TestRetriesKeepTheBody(t *testing.T) {
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
				if n <= 2 {
					w.WriteHeader(status)
					io.WriteString(w, `{"status":"throttled","message":"try later"}`)
					return
				}
				accept(w, s, n)
			})
			c := newClient(t, f)
			ev := trigger()
			ev.DedupKey = "retry-me"
			resp, err := c.Send(context.Background(), ev)
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			if resp.DedupKey != "retry-me" {
				t.Errorf("DedupKey = %q", resp.DedupKey)
			}
			reqs := f.requests()
			if len(reqs) != 3 {
				t.Fatalf("server received %d attempts, want 3", len(reqs))
			}
			for i, r := range reqs[1:] {
				if !bytes.Equal(r.Body, reqs[0].Body) {
					t.Errorf("attempt %d body = %s, want the first attempt's %s", i+2, r.Body, reqs[0].Body)
				}
			}
		})
	}
}

func TestRateLimitedAfterRetriesIsAnAPIErrorWithTheWait(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, _ seen, _ int) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newClient(t, f, events.WithRetry(pagerduty.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	_, err := c.Send(context.Background(), trigger())
	if !pagerduty.IsRateLimited(err) {
		t.Fatalf("error = %v, want a 429 APIError", err)
	}
	if !strings.Contains(err.Error(), "routing key") {
		t.Errorf("a 429 should say that the routing key is throttled: %v", err)
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("server received %d attempts, want 3 (MaxRetries 2)", n)
	}
}

func TestTooLongRetryAfterIsNotWaited(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, _ seen, _ int) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newClient(t, f)
	_, err := c.Send(context.Background(), trigger())
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour {
		t.Fatalf("error = %v, want a 429 APIError with RetryAfter 1h", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("server received %d attempts, want 1", n)
	}
}

func TestSecondEventOfAThrottledKeyWaitsOutRetryAfter(t *testing.T) {
	// After a 429 asking for a wait, the next event of the same key must
	// not reach the server before the wait is over; a cancelled context
	// shows it was held back, without timing anything.
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		accept(w, s, n)
	})
	c := newClient(t, f, events.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}))
	if _, err := c.Send(context.Background(), trigger()); !pagerduty.IsRateLimited(err) {
		t.Fatalf("first Send: %v, want 429", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Send(ctx, trigger()); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Send of the same key: %v, want it held back until the deadline", err)
	}
	other := trigger()
	other.RoutingKey = "fedcba9876543210fedcba9876543210"
	if _, err := c.Send(context.Background(), other); err != nil {
		t.Errorf("Send with another key: %v; a 429 must not hold back other keys", err)
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("server received %d requests, want 2", n)
	}
}

func TestRegionsAndBaseURL(t *testing.T) {
	tests := []struct {
		name string
		opts []events.Option
		want string
	}{
		{"default is US", nil, "https://events.pagerduty.com/v2/enqueue"},
		{"US", []events.Option{events.WithRegion(pagerduty.US)}, "https://events.pagerduty.com/v2/enqueue"},
		{"EU", []events.Option{events.WithRegion(pagerduty.EU)}, "https://events.eu.pagerduty.com/v2/enqueue"},
		{"base URL wins", []events.Option{events.WithBaseURL("http://127.0.0.1:9/mock/"), events.WithRegion(pagerduty.EU)}, "http://127.0.0.1:9/mock/v2/enqueue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				got = append(got, r.URL.String())
				return &http.Response{
					StatusCode: http.StatusAccepted,
					Header:     http.Header{"Content-Type": {"application/json"}},
					Body:       io.NopCloser(strings.NewReader(`{"status":"success","message":"Event processed","dedup_key":"k"}`)),
					Request:    r,
				}, nil
			})
			opts := append([]events.Option{events.WithRoutingKey(testKey), events.WithHTTPClient(&http.Client{Transport: rt})}, tt.opts...)
			c, err := events.NewClient(opts...)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Send(context.Background(), trigger()); err != nil {
				t.Fatalf("Send: %v", err)
			}
			if _, err := c.SendChange(context.Background(), events.ChangeEvent{Summary: "deploy"}); err != nil {
				t.Fatalf("SendChange: %v", err)
			}
			want := []string{tt.want, strings.Replace(tt.want, "/v2/enqueue", "/v2/change/enqueue", 1)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("URLs (-want +got):\n%s", diff)
			}
		})
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestOptionsRefuseBadInput(t *testing.T) {
	tests := []struct {
		name string
		opt  events.Option
		want string
	}{
		{"empty routing key", events.WithRoutingKey("  "), "routing key is empty"},
		{"routing key with space", events.WithRoutingKey("abc def"), "space"},
		{"unknown region", events.WithRegion("apac"), `unknown region "apac"`},
		{"relative base URL", events.WithBaseURL("events.pagerduty.com"), "not an absolute http(s) URL"},
		{"base URL with query", events.WithBaseURL("https://x.example?a=1"), "query"},
		{"negative wait", events.WithRetry(pagerduty.RetryPolicy{MinWait: -1}), "negative"},
		{"min over max", events.WithRetry(pagerduty.RetryPolicy{MinWait: time.Second, MaxWait: time.Millisecond}), "more than MaxWait"},
		{"negative rate", events.WithRateLimit(events.RateLimit{PerMinute: -1}), "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := events.NewClient(tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewClient error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := events.NewClient(nil, events.WithHTTPClient(nil), events.WithLogger(nil), events.WithUserAgent("")); err != nil {
		t.Errorf("zero-value options: %v", err)
	}
}

func TestUserAgentOption(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f, events.WithUserAgent("acme-monitor/1.2"))
	if _, err := c.Send(context.Background(), trigger()); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].Header.Get("User-Agent"); got != "acme-monitor/1.2" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestLogsNeverShowTheRoutingKey(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		accept(w, s, n)
	})
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := newClient(t, f, events.WithLogger(logger))
	if _, err := c.Send(context.Background(), trigger()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "status=503") {
		t.Errorf("the retried 503 was not logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), testKey) {
		t.Errorf("logs show the routing key:\n%s", logs.String())
	}
}

func TestAcceptedAnswerThatIsNotJSONIsAnError(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, _ seen, _ int) {
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, "<html>proxy</html>")
	})
	c := newClient(t, f)
	_, err := c.Send(context.Background(), trigger())
	var syn *json.SyntaxError
	if !errors.As(err, &syn) || !strings.Contains(err.Error(), "accepted") {
		t.Errorf("error = %v, want a wrapped JSON syntax error saying the event was accepted", err)
	}
}

func TestCanceledContextStopsSend(t *testing.T) {
	f := newFake(t, nil)
	c := newClient(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Send(ctx, trigger())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("server received %d requests", n)
	}
}

func TestDroppedConnectionIsRetriedBecauseEventsAreIdempotent(t *testing.T) {
	// The first attempt reaches the server, which drops the connection
	// without answering: the event may or may not have been processed.
	// Events carry their dedup key, so sending again is safe and expected.
	f := newFake(t, func(w http.ResponseWriter, s seen, n int) {
		if n == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		accept(w, s, n)
	})
	c := newClient(t, f)
	ev := trigger()
	ev.DedupKey = "disk/db-1"
	resp, err := c.Send(context.Background(), ev)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if resp.DedupKey != "disk/db-1" {
		t.Errorf("DedupKey = %q", resp.DedupKey)
	}
	reqs := f.requests()
	if len(reqs) != 2 || !bytes.Equal(reqs[0].Body, reqs[1].Body) {
		t.Errorf("server received %d attempts, want 2 with the same body", len(reqs))
	}
}
