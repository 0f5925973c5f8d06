package events_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/internal/cassette"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// replayClient returns a client that replays the cassette name (under
// cassettes/, without .yaml).
//
// To record, start a mock of PagerDuty's Events API description on port 4011
// and run:
//
//	PDKIT_RECORD=1 PDKIT_RECORD_BASE_URL=http://127.0.0.1:4011 go test ./pagerduty/events -run '^TestCassette'
//
// The description's server URL ends in /v2, so the mock serves /enqueue
// where PagerDuty serves /v2/enqueue: when recording against a local mock,
// the prefix is removed on the way to it (the cassette keeps the real path).
// Against PagerDuty itself, set PAGERDUTY_ROUTING_KEY to a real integration
// key; it is redacted from the recording.
func replayClient(t *testing.T, name string) *events.Client {
	t.Helper()
	real := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(real.CloseIdleConnections)
	var rt http.RoundTripper = real
	if recordingAgainstLocalMock() {
		rt = stripV2{next: real}
	}
	cas := cassette.New(t, "events/"+name, cassette.WithRealTransport(rt))
	key := testKey
	if k := os.Getenv("PAGERDUTY_ROUTING_KEY"); cas.Mode() == cassette.Record && k != "" {
		key = k
	}
	c, err := events.NewClient(
		events.WithBaseURL(cas.BaseURL()),
		events.WithHTTPClient(cas.HTTPClient()),
		events.WithRoutingKey(key),
	)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func recordingAgainstLocalMock() bool {
	base := os.Getenv(cassette.EnvRecordBaseURL)
	if base == "" {
		base = cassette.DefaultRecordBaseURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return u.Hostname() == "localhost" || (ip != nil && ip.IsLoopback())
}

// stripV2 sends /v2/... requests to /... of the mock.
type stripV2 struct{ next http.RoundTripper }

func (s stripV2) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Path = strings.TrimPrefix(r.URL.Path, "/v2")
	r.URL.RawPath = ""
	return s.next.RoundTrip(r)
}

func TestCassetteAlertLifecycle(t *testing.T) {
	c := replayClient(t, "alert_lifecycle")
	ctx := context.Background()

	trig := events.Event{
		Action: events.Trigger,
		Payload: events.Payload{
			Summary:       "DISK at 99% on prod-datapipe03",
			Source:        "prod-datapipe03.example.com",
			Severity:      events.Critical,
			Timestamp:     time.Date(2026, 3, 1, 8, 42, 58, 315e6, time.UTC),
			Component:     "mysql",
			Group:         "prod-datapipe",
			Class:         "disk",
			CustomDetails: map[string]any{"free space": "1%", "load avg": 0.75},
		},
		Client:    "Acme Monitoring",
		ClientURL: "https://monitoring.example.com",
		Links:     []events.Link{{Href: "https://runbooks.example.com/disk", Text: "Runbook"}},
		Images:    []events.Image{{Src: "https://graphs.example.com/disk.png", Href: "https://graphs.example.com", Alt: "Disk usage"}},
	}
	resp, err := c.Send(ctx, trig)
	if err != nil {
		t.Fatalf("trigger: %v", err)
	}
	if resp.Status != "success" || resp.DedupKey == "" {
		t.Fatalf("trigger answered %+v, want success and the dedup key PagerDuty made", resp)
	}

	ack, err := c.Acknowledge(ctx, resp.DedupKey)
	if err != nil {
		t.Fatalf("acknowledge: %v", err)
	}
	res, err := c.Resolve(ctx, resp.DedupKey)
	if err != nil {
		t.Fatalf("resolve: %v", err)
	}
	for name, r := range map[string]*events.Response{"acknowledge": ack, "resolve": res} {
		if diff := cmp.Diff(&events.Response{Status: "success", Message: resp.Message, DedupKey: resp.DedupKey}, r); diff != "" {
			t.Errorf("%s answer (-want +got):\n%s", name, diff)
		}
	}
}

func TestCassetteChangeEvent(t *testing.T) {
	c := replayClient(t, "change_event")
	resp, err := c.SendChange(context.Background(), events.ChangeEvent{
		Summary:   "Build Success: raise snapshot timeout to 30 seconds",
		Source:    "build-agent-7",
		Timestamp: time.Date(2026, 3, 1, 8, 42, 58, 0, time.UTC),
		CustomDetails: map[string]string{
			"build_state":  "passed",
			"build_number": "220",
		},
		Links:  []events.Link{{Href: "https://ci.example.com/builds/220", Text: "Build 220"}},
		Images: []events.Image{{Src: "https://ci.example.com/badge.png", Alt: "passed"}},
	})
	if err != nil {
		t.Fatalf("SendChange: %v", err)
	}
	if resp.Status != "success" {
		t.Errorf("Status = %q, want success", resp.Status)
	}
}
