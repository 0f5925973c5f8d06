package pagerduty_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

// fakeAPI returns a client whose server records every request and answers
// each with status and the JSON body.
func fakeAPI(t *testing.T, status int, body string, opts ...pagerduty.Option) (*pagerduty.Client, *recorder) {
	t.Helper()
	return fakeAPIStatus(t, status, body, opts...)
}

// fakeAPIBench is fakeAPI for benchmarks, answering 200 and keeping no
// requests, so that memory stays flat however long the benchmark runs.
func fakeAPIBench(b *testing.B, body string) *pagerduty.Client {
	b.Helper()
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}, pagerduty.WithFrom("jane@example.com"))
	return c
}

// fakeAPIStatus is fakeAPI for any testing.TB.
func fakeAPIStatus(t testing.TB, status int, body string, opts ...pagerduty.Option) (*pagerduty.Client, *recorder) {
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}, opts...)
	return c, rec
}

// wantCall is what one request must be: its method, escaped path, query,
// JSON body (empty: no body) and From header.
type wantCall struct {
	method, path string
	query        url.Values
	body         string
	from         string
}

// checkOneCall asserts that rec saw exactly one request, matching want.
func checkOneCall(t *testing.T, rec *recorder, want wantCall) seenRequest {
	t.Helper()
	reqs := rec.all()
	if len(reqs) != 1 {
		t.Fatalf("the server saw %d requests, want 1", len(reqs))
	}
	checkCall(t, reqs[0], want)
	return reqs[0]
}

func checkCall(t *testing.T, got seenRequest, want wantCall) {
	t.Helper()
	if got.Method != want.method || got.Path != want.path {
		t.Errorf("request %s %s, want %s %s", got.Method, got.Path, want.method, want.path)
	}
	wq := want.query
	if wq == nil {
		wq = url.Values{}
	}
	if diff := cmp.Diff(wq, got.Query); diff != "" {
		t.Errorf("%s %s: query differs (-want +got):\n%s", want.method, want.path, diff)
	}
	if f := got.Header.Get("From"); f != want.from {
		t.Errorf("%s %s: From header %q, want %q", want.method, want.path, f, want.from)
	}
	if want.body == "" {
		if len(got.Body) != 0 {
			t.Errorf("%s %s: sent body %s, want none", want.method, want.path, got.Body)
		}
		return
	}
	var g, w any
	if err := json.Unmarshal(got.Body, &g); err != nil {
		t.Fatalf("%s %s: body %q is not JSON: %v", want.method, want.path, got.Body, err)
	}
	if err := json.Unmarshal([]byte(want.body), &w); err != nil {
		t.Fatalf("bad want body %q: %v", want.body, err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("%s %s: body differs (-want +got):\n%s", want.method, want.path, diff)
	}
}

// checkRefused asserts that err is a validation error mentioning part and
// that nothing was sent.
func checkRefused(t *testing.T, rec *recorder, err error, part string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one mentioning %q", part)
	}
	if !containsFold(err.Error(), part) {
		t.Errorf("error %q does not mention %q", err, part)
	}
	if n := len(rec.all()); n != 0 {
		t.Errorf("%d requests were sent; a refused call sends none", n)
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// incidentJSON is a realistic incident answer.
const incidentJSON = `{"id":"PT4KHLK","type":"incident","summary":"[#1234] The server is on fire.","incident_number":1234,
"title":"The server is on fire.","created_at":"2015-10-06T21:30:42Z","status":"acknowledged","urgency":"high",
"incident_key":"baf7cf21","service":{"id":"PIJ90N7","type":"service_reference","summary":"My Mail Service"},
"assignments":[{"at":"2015-11-10T00:31:52Z","assignee":{"id":"PXPGF42","type":"user_reference","summary":"Earline Greenholt"}}],
"priority":{"id":"P53ZZH5","type":"priority_reference","summary":"P2"},"resolved_at":null}`
