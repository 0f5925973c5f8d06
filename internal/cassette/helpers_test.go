package cassette

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// fakeTB captures failures instead of failing the real test, so the tests
// can assert what a user would be told.
type fakeTB struct {
	testing.TB // the real test, for anything not overridden

	mu       sync.Mutex
	errs     []string
	fatal    string
	logs     []string
	failed   bool
	cleanups []func()
}

func newFakeTB(t *testing.T) *fakeTB { return &fakeTB{TB: t} }

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return "TestFake/sub" }
func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
	f.failed = true
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatal = fmt.Sprintf(format, args...)
	f.failed = true
	f.mu.Unlock()
	runtime.Goexit()
}
func (f *fakeTB) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

// run calls fn on its own goroutine, as the testing package does, so Fatalf
// can stop it.
func (f *fakeTB) run(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

// finish runs the registered cleanups, last first.
func (f *fakeTB) finish() {
	f.mu.Lock()
	cs := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for i := len(cs) - 1; i >= 0; i-- {
		cs[i]()
	}
}

// apiServer is a small stand-in for PagerDuty that counts the requests it
// serves.
type apiServer struct {
	*httptest.Server
	hits    atomic.Int64
	counter atomic.Int64
}

const (
	testToken   = "u+sEcReTtOkEn0123456"
	testSecret  = "oauth-client-secret-42"
	issuedToken = "issued-access-token-abc"
)

func newAPIServer(t *testing.T) *apiServer {
	t.Helper()
	s := &apiServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /abilities", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Set-Cookie", "session=cookie-value-999")
		w.Header().Set("X-Request-Id", "req-123")
		writeJSON(w, http.StatusOK, map[string]any{"abilities": []string{"teams", "sso"}})
	})
	mux.HandleFunc("GET /incidents", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		writeJSON(w, http.StatusOK, map[string]any{
			"incidents": []map[string]any{{"id": "P" + q.Get("offset"), "status": q.Get("statuses[]")}},
			"offset":    q.Get("offset"),
			"more":      q.Get("offset") == "0",
		})
	})
	mux.HandleFunc("POST /incidents", func(w http.ResponseWriter, r *http.Request) {
		var in map[string]any
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": err.Error()})
			return
		}
		writeJSON(w, http.StatusCreated, map[string]any{"incident": in["incident"], "from": r.Header.Get("From")})
	})
	mux.HandleFunc("POST /oauth/token", func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.PostForm.Get("client_secret") == "" {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": "client_secret required"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"access_token": issuedToken, "token_type": "bearer", "scope": r.PostForm.Get("scope")})
	})
	mux.HandleFunc("GET /counter", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"n": s.counter.Add(1)})
	})
	mux.HandleFunc("GET /limited", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.Header().Set("Ratelimit-Reset", "30")
		w.Header().Set("Ratelimit", "limit=960, remaining=0, reset=30")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{"message": "Rate Limit Exceeded"}})
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// do sends a request with PagerDuty's headers and returns status and body.
func do(t testing.TB, c *http.Client, method, url, token, contentType, body string) (int, http.Header, string, error) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatalf("building request: %v", err)
	}
	req.Header.Set("Accept", "application/vnd.pagerduty+json;version=2")
	req.Header.Set("Authorization", "Token token="+token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading response: %v", err)
	}
	return resp.StatusCode, resp.Header, string(b), nil
}
