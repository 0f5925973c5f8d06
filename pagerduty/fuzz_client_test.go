package pagerduty_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// fuzzTransport answers every request with a fixed status and body, without
// a network, and remembers the requests' URLs. It refuses after max
// requests, so that a listing that never ends is caught.
type fuzzTransport struct {
	status int
	body   []byte
	header http.Header
	max    int

	mu   sync.Mutex
	seen []string // escaped paths with their query
}

func (f *fuzzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	f.mu.Lock()
	f.seen = append(f.seen, r.URL.RequestURI())
	n := len(f.seen)
	f.mu.Unlock()
	if f.max > 0 && n > f.max {
		return nil, errors.New("fuzz: too many requests")
	}
	h := f.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Content-Type", "application/json")
	return &http.Response{
		StatusCode: f.status, Status: http.StatusText(f.status), Header: h,
		Body: io.NopCloser(strings.NewReader(string(f.body))), Request: r, ProtoMajor: 1, ProtoMinor: 1,
	}, nil
}

func fuzzClient(t testing.TB, ft *fuzzTransport) *pagerduty.Client {
	t.Helper()
	c, err := pagerduty.NewClient(pagerduty.WithToken("u+fuzz-token"), pagerduty.WithBaseURL("http://127.0.0.1:1"),
		pagerduty.WithHTTPClient(&http.Client{Transport: ft}),
		pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzAPIErrorDecoding feeds any status and body to the error decoding: it
// must never panic, and every status of 400 or more must come back as an
// *APIError that keeps the status and names the request, whatever the body.
func FuzzAPIErrorDecoding(f *testing.F) {
	f.Add(404, []byte(`{"error":{"message":"Not Found","code":2100}}`), "")
	f.Add(400, []byte(`{"error":{"message":"Invalid Input Provided","code":2001,"errors":["Title is required"]}}`), "")
	f.Add(429, []byte(`{"error":{"message":"Rate Limit Exceeded","code":2020}}`), "60")
	f.Add(503, []byte(`<html>maintenance</html>`), "Wed, 21 Oct 2015 07:28:00 GMT")
	f.Add(500, []byte(``), "-1")
	f.Add(402, []byte(`{"error":null}`), "")
	f.Add(400, []byte(`{"error":{"errors":[1,2,{"x":null}],"code":"2001"}}`), "1e309")
	f.Add(418, []byte(`{"error":"a plain string"}`), "")
	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfter string) {
		status = 400 + abs(status)%200
		ft := &fuzzTransport{status: status, body: body, header: http.Header{"Retry-After": {retryAfter}}}
		c := fuzzClient(t, ft)
		_, err := c.Abilities.List(context.Background())
		var apiErr *pagerduty.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("status %d: error %v (%T) is not an *APIError", status, err, err)
		}
		if apiErr.StatusCode != status || apiErr.Method != "GET" || apiErr.Path != "/abilities" {
			t.Errorf("APIError %+v lost the status %d or the request", apiErr, status)
		}
		if apiErr.RetryAfter < 0 {
			t.Errorf("negative RetryAfter %s from %q", apiErr.RetryAfter, retryAfter)
		}
		if err.Error() == "" {
			t.Error("empty error message")
		}
	})
}

// FuzzPageDecoding feeds any answer to a list iterator and to a one-page
// call: they must never panic, must stop at the first error (here, the
// transport refuses after 50 requests), and a one-page call returns either
// a page or an error. (TestReliabilityListEndsOnARepeatingAnswer shows that
// an answer repeated forever ends the listing by itself.)
func FuzzPageDecoding(f *testing.F) {
	f.Add([]byte(`{"incidents":[{"id":"P1"}],"limit":25,"offset":0,"more":false,"total":null}`))
	f.Add([]byte(`{"incidents":[{"id":"P1","created_at":"2026-11-24T12:00:00Z"}],"more":true}`))
	f.Add([]byte(`{"incidents":[],"more":true}`))
	f.Add([]byte(`{"incidents":null,"more":null,"limit":null,"offset":null}`))
	f.Add([]byte(`{"incidents":[{"id":"P1"}],"more":true,"total":-5,"offset":-100,"limit":1000000}`))
	f.Add([]byte(`{"more":false}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"incidents":{"id":"P1"}}`))
	f.Add([]byte(`{"incidents":[1,"x",null]}`))
	f.Add([]byte(`{"incidents":[{"id":"P1"}],"next_cursor":null}`))
	f.Add([]byte(`{"incidents":[{"id":"P1"}],"more":"yes"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		const maxRequests = 50
		ft := &fuzzTransport{status: 200, body: body, max: maxRequests}
		c := fuzzClient(t, ft)
		items := 0
		for _, err := range c.Incidents.List(context.Background(), nil) {
			if err != nil {
				if err.Error() == "" {
					t.Error("empty error message")
				}
				break
			}
			items++
		}
		if len(ft.seen) > maxRequests+1 {
			t.Fatalf("the listing went on after an error: %d requests", len(ft.seen))
		}
		ft.mu.Lock()
		ft.seen = nil
		ft.mu.Unlock()
		p, err := c.Incidents.ListPage(context.Background(), &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 25}})
		if (p == nil) == (err == nil) {
			t.Fatalf("ListPage returned page %v and error %v: want exactly one", p, err)
		}
		if p != nil && p.Total != nil && *p.Total < 0 {
			t.Logf("negative total %d kept as sent", *p.Total)
		}
	})
}

// FuzzIDPaths checks ID validation and path expansion with any ID: a
// request is sent exactly when ValidateID accepts the ID, and then its path
// is the template's with the ID as one segment, never a path that
// leaves the template (no '/', '..', '?' or '#' smuggled in).
func FuzzIDPaths(f *testing.F) {
	for _, id := range []string{"PABC123", "", ".", "..", "../users", "P1/../../users", "P1?x=y", "P1#frag",
		"P%2F..", "P1%00", "Ω", "a.b", "...", "P" + strings.Repeat("A", 300), " P1", "P1\n", "P1;x", "P1\\..\\x"} {
		f.Add(id, "PUSER01")
	}
	f.Fuzz(func(t *testing.T, id, other string) {
		ft := &fuzzTransport{status: 200, body: []byte(`{"incident":{"id":"P1"},"contact_method":{"id":"P2"}}`)}
		c := fuzzClient(t, ft)
		valid := pagerduty.ValidateID(id) == nil
		_, err := c.Incidents.Get(context.Background(), id, nil)
		checkSent(t, ft, valid, err, "/incidents/", id, "")
		ft.seen = nil
		bothValid := valid && pagerduty.ValidateID(other) == nil
		_, err = c.Users.GetContactMethod(context.Background(), other, id)
		checkSent(t, ft, bothValid, err, "/users/"+other+"/contact_methods/", id, other)
	})
}

func checkSent(t *testing.T, ft *fuzzTransport, valid bool, err error, prefix, id, other string) {
	t.Helper()
	sent := len(ft.seen) > 0
	if sent != valid {
		t.Fatalf("ID %q (and %q): sent %v, but ValidateID says valid=%v (error %v)", id, other, sent, valid, err)
	}
	if !sent {
		if err == nil || !strings.Contains(err.Error(), "ID") {
			t.Errorf("ID %q: refused without an error that says the ID is wrong: %v", id, err)
		}
		return
	}
	got := ft.seen[0]
	if got != prefix+id || path.Clean(got) != got || strings.ContainsAny(got, "?#") {
		t.Errorf("ID %q: request to %q, want %q", id, got, prefix+id)
	}
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the smallest int
			return 0
		}
		return -n
	}
	return n
}
