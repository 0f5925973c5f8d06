package mcptools

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// fakeAPI is a small PagerDuty for the areas the in-memory one does not
// model (orchestrations, automation, status pages, webhooks...): it answers
// the routes a test gives it and records every request, so that tests check
// exactly what the tools sent.
type fakeAPI struct {
	t      testing.TB
	srv    *httptest.Server
	mu     sync.Mutex
	routes map[string]func(r *fakeRequest) (int, any)
	reqs   []fakeRequest
}

// fakeRequest is a request the fake received.
type fakeRequest struct {
	Method, Path string
	Query        url.Values
	Body         map[string]any
	From         string
}

// key is "METHOD /path" as routes are named.
func (r *fakeRequest) key() string { return r.Method + " " + r.Path }

func newFakeAPI(t testing.TB) *fakeAPI {
	t.Helper()
	f := &fakeAPI{t: t, routes: map[string]func(*fakeRequest) (int, any){}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// on answers "METHOD /path" with h.
func (f *fakeAPI) on(route string, h func(r *fakeRequest) (int, any)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[route] = h
}

// answer answers "METHOD /path" with a fixed body.
func (f *fakeAPI) answer(route string, body any) {
	f.on(route, func(*fakeRequest) (int, any) { return http.StatusOK, body })
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	req := fakeRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), From: r.Header.Get("From")}
	if b, _ := io.ReadAll(r.Body); len(b) > 0 {
		if err := json.Unmarshal(b, &req.Body); err != nil {
			f.t.Errorf("%s: body is not a JSON object: %v", req.key(), err)
		}
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	h := f.routes[req.key()]
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if h == nil {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":{"message":"Not Found","code":2100}}`)
		return
	}
	code, body := h(&req)
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}

// requests returns the requests received, in order.
func (f *fakeAPI) requests() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.reqs...)
}

// writes returns the requests that were not GETs.
func (f *fakeAPI) writes() []fakeRequest {
	var out []fakeRequest
	for _, r := range f.requests() {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

// last returns the last request to "METHOD /path", failing the test when
// there is none.
func (f *fakeAPI) last(t testing.TB, route string) fakeRequest {
	t.Helper()
	reqs := f.requests()
	for i := len(reqs) - 1; i >= 0; i-- {
		if reqs[i].key() == route {
			return reqs[i]
		}
	}
	t.Fatalf("no request %s; got %v", route, keys(reqs))
	return fakeRequest{}
}

func keys(reqs []fakeRequest) []string {
	out := make([]string, len(reqs))
	for i := range reqs {
		out[i] = reqs[i].key()
	}
	return out
}

// reset forgets the requests received.
func (f *fakeAPI) reset() {
	f.mu.Lock()
	f.reqs = nil
	f.mu.Unlock()
}

// env mounts every tool, writes enabled, in front of the fake.
func (f *fakeAPI) env(t testing.TB) *env {
	t.Helper()
	c, err := pagerduty.NewClient(pagerduty.WithToken("fake-token"), pagerduty.WithBaseURL(f.srv.URL),
		pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}))
	if err != nil {
		t.Fatal(err)
	}
	cfg := writes
	cfg.clients = func(context.Context) (*pagerduty.Client, error) { return c, nil }
	return newEnv(t, cfg)
}

// dig reads a nested value of a decoded JSON body: dig(b, "a", "b", 0).
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// jsonOf decodes a JSON literal for a fake's answer.
func jsonOf(t testing.TB, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON in test: %v\n%s", err, s)
	}
	return v
}

// containsAll reports whether s contains every one of parts.
func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
