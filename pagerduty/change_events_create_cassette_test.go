package pagerduty_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/internal/cassette"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// pdtestReplayClient is replayClient for the cassettes of requests that the
// mock of PagerDuty's OpenAPI description refuses although the API takes
// them (see internal/openapi's Exceptions): when recording against a local
// mock, it records against an in-memory PagerDuty (pdtest, with a fixed seed
// and clock) instead. Recording against PagerDuty itself
// (PDKIT_RECORD_BASE_URL=https://api.pagerduty.com) is unchanged, and
// replaying starts no server.
func pdtestReplayClient(t *testing.T, name string) *pagerduty.Client {
	t.Helper()
	var opts []cassette.Option
	if recordsAgainstPDTest() {
		const token = "pdkit-pdtest-token"
		srv := pdtest.NewServer(pdtest.WithToken(token), pdtest.WithSeed(1),
			pdtest.WithNow(func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }))
		t.Cleanup(srv.Close)
		opts = append(opts, cassette.WithRecordBaseURL(srv.URL), cassette.WithRecordToken(token))
	}
	cas := cassette.New(t, name, opts...)
	c, err := pagerduty.NewClient(
		pagerduty.WithToken(cas.Token()),
		pagerduty.WithBaseURL(cas.BaseURL()),
		pagerduty.WithHTTPClient(cas.HTTPClient()),
		pagerduty.WithFrom("jane@example.com"),
	)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// recordsAgainstPDTest reports whether PDKIT_RECORD asks to record and
// the record base URL is unset or on the loopback interface (a local mock
// rather than PagerDuty).
func recordsAgainstPDTest() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(cassette.EnvRecord))) {
	case "1", "true", "yes":
	default:
		return false
	}
	base := os.Getenv(cassette.EnvRecordBaseURL)
	if base == "" {
		return true
	}
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	h := u.Hostname()
	return h == "localhost" || h == "127.0.0.1" || h == "::1"
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestChangeEventsCreateCassette$',
// against pdtest: the mock of the description refuses any body on
// POST /change_events (415), since the description declares none. The
// routing key is redacted in the cassette; the conformance test of
// internal/openapi checks the recorded body against the Events API's change
// event.
func TestChangeEventsCreateCassette(t *testing.T) {
	c := pdtestReplayClient(t, "pagerduty/change_events/create")
	ctx := context.Background()
	err := c.ChangeEvents.Create(ctx, &pagerduty.CreateChangeEventParams{
		RoutingKey:    "R015D7ZJ6J0S1YQ1CLW6ZQ3G2ZCJ4H5Z",
		Summary:       "Build Success: Increase snapshot create timeout to 30 seconds",
		Source:        "acme-build-pipeline-tool-default-i-9999",
		Timestamp:     time.Date(2020, 7, 17, 8, 42, 58, 315_000_000, time.UTC),
		CustomDetails: map[string]any{"build_state": "passed", "build_number": "2", "run_time": "1236s"},
		Links:         []pagerduty.ChangeEventLink{{Href: "https://acme.pagerduty.dev/build/2", Text: "View more details in Acme!"}},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	// The smallest event: a summary, nothing else.
	if err := c.ChangeEvents.Create(ctx, &pagerduty.CreateChangeEventParams{
		RoutingKey: "R015D7ZJ6J0S1YQ1CLW6ZQ3G2ZCJ4H5Z",
		Summary:    "Feature flag checkout-v2 turned on",
	}); err != nil {
		t.Fatalf("Create (summary only): %v", err)
	}
}
