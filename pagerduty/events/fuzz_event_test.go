package events_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// fuzzEventsTransport accepts every event without a network and counts
// them.
type fuzzEventsTransport struct{ n atomic.Int32 }

func (f *fuzzEventsTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	f.n.Add(1)
	return &http.Response{StatusCode: 202, Header: http.Header{"Content-Type": {"application/json"}}, Request: r,
		Body: io.NopCloser(strings.NewReader(`{"status":"success","message":"Event processed","dedup_key":"k"}`))}, nil
}

// FuzzEventValidation sends events of any field values: an event is sent
// exactly when Validate accepts it, a refused one is a *ValidationError that
// names a field, and nothing panics. The routing key never appears in an
// error.
func FuzzEventValidation(f *testing.F) {
	f.Add("R0123456789abcdef0123456789abcdef", "trigger", "", "Disk full on web-1", "web-1", "critical", "https://example.com")
	f.Add("R0123456789abcdef0123456789abcdef", "acknowledge", "k1", "", "", "", "")
	f.Add("short", "trigger", "", "x", "y", "error", "")
	f.Add("R0123456789abcdef0123456789abcdef", "explode", "", "x", "y", "info", "javascript:alert(1)")
	f.Add("R0123456789abcdef0123456789abcdef", "trigger", strings.Repeat("k", 300), strings.Repeat("s", 2000), "y", "warning", "")
	f.Add("R0123456789abcdef0123456789abcdef\n", "resolve", "k\x00", "", "", "", "http://[::1")
	f.Fuzz(func(t *testing.T, key, action, dedup, summary, source, severity, link string) {
		ft := &fuzzEventsTransport{}
		c, err := events.NewClient(events.WithBaseURL("http://127.0.0.1:1"), events.WithHTTPClient(&http.Client{Transport: ft}),
			events.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}), events.WithRateLimit(events.RateLimit{Disabled: true}))
		if err != nil {
			t.Fatal(err)
		}
		ev := events.Event{
			RoutingKey: events.RoutingKey(key), Action: events.Action(action), DedupKey: dedup,
			Payload: events.Payload{Summary: summary, Source: source, Severity: events.Severity(severity)},
		}
		if link != "" {
			ev.Links = []events.Link{{Href: link}}
		}
		verr := ev.Validate()
		_, err = c.Send(context.Background(), ev)
		sent := ft.n.Load() > 0
		if sent != (verr == nil) {
			t.Fatalf("sent %v, but Validate says %v (Send: %v)", sent, verr, err)
		}
		if verr != nil {
			var ve *events.ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("Send refused with %v (%T), not a *ValidationError", err, err)
			}
			echoed := strings.Contains(action+dedup+summary+source+severity+link, key)
			if len(key) >= 16 && !echoed && strings.Contains(err.Error(), key) {
				t.Errorf("the error holds the routing key: %v", err)
			}
		}
	})
}
