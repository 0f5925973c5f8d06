package pagerduty_test

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/pdkit/pdkit/internal/cassette"
	"github.com/pdkit/pdkit/pagerduty"
)

// exampleHeaders matches the sample credential headers the API description
// puts in workflow integration answers ("Authorization: Bearer XXXX" in a
// schema's help text, "x-api-key: ****" in a connection's redacted
// headers).
var exampleHeaders = regexp.MustCompile(`(?i)((?:authorization|x-api-key):\s*(?:bearer\s+)?)[^"\\\n]+`)

// redactExampleHeaders is the transport of workflow integration recordings:
// it replaces the values of sample credential headers in answers with
// REDACTED before they are saved, so that the cassette scan stays strict.
type redactExampleHeaders struct{ next http.RoundTripper }

func (r redactExampleHeaders) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	b = exampleHeaders.ReplaceAll(b, []byte("${1}"+cassette.Redacted))
	resp.Body = io.NopCloser(bytes.NewReader(b))
	resp.ContentLength = int64(len(b))
	resp.Header.Set("Content-Length", strconv.Itoa(len(b)))
	return resp, nil
}

// workflowReplayClient is replayClient for the workflow integration
// cassettes, which record through redactExampleHeaders.
func workflowReplayClient(t *testing.T, name string) *pagerduty.Client {
	t.Helper()
	cas := cassette.New(t, name, cassette.WithRealTransport(redactExampleHeaders{http.DefaultTransport.(*http.Transport).Clone()}))
	c, err := pagerduty.NewClient(
		pagerduty.WithToken(cas.Token()),
		pagerduty.WithBaseURL(cas.BaseURL()),
		pagerduty.WithHTTPClient(cas.HTTPClient()),
	)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}
