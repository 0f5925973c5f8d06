package pdtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

func get(t *testing.T, s *Server, path string) (*http.Response, []byte, error) {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL+path, nil)
	req.Header.Set("Authorization", "Token token="+s.Token())
	resp, err := s.Client().Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// waitRequests returns the request log once it holds n requests: a
// request is logged when its handler returns, which can be just after the
// client has read the whole answer.
func waitRequests(t *testing.T, s *Server, n int) []Request {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		reqs := s.Requests()
		if len(reqs) >= n || time.Now().After(deadline) {
			return reqs
		}
		time.Sleep(time.Millisecond)
	}
}

func TestRateLimit(t *testing.T) {
	s := newSmall(t, WithFaults(Faults{RateLimit: 60, RateBurst: 3}))
	for i := range 3 {
		resp, _, err := get(t, s, "/priorities")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("request %d: %v %v", i, resp, err)
		}
		if resp.Header.Get("ratelimit-limit") != "60" || resp.Header.Get("ratelimit-remaining") != strconv.Itoa(2-i) {
			t.Fatalf("request %d headers: limit %q remaining %q", i, resp.Header.Get("ratelimit-limit"), resp.Header.Get("ratelimit-remaining"))
		}
	}
	resp, body, err := get(t, s, "/priorities")
	if err != nil || resp.StatusCode != 429 {
		t.Fatalf("4th request: %v %v", resp, err)
	}
	var e wireErrorBody
	if json.Unmarshal(body, &e) != nil || e.Error.Code != CodeRateLimited {
		t.Fatalf("429 body: %s", body)
	}
	if ra, _ := strconv.Atoi(resp.Header.Get("Retry-After")); ra < 1 {
		t.Fatalf("Retry-After %q", resp.Header.Get("Retry-After"))
	}
	if resp.Header.Get("ratelimit-reset") == "" {
		t.Fatal("no ratelimit-reset")
	}
	if got := s.Stats(); got.RateLimited != 1 || got.Requests != 4 {
		t.Fatalf("stats %+v", got)
	}
	s.SetFaults(Faults{})
	if resp, _, _ := get(t, s, "/priorities"); resp.StatusCode != 200 || resp.Header.Get("ratelimit-limit") != "" {
		t.Fatalf("after clearing faults: %d", resp.StatusCode)
	}
}

func TestInjectedErrors(t *testing.T) {
	s := newSmall(t, WithFaults(Faults{Errors: []ErrorFault{{Status: 503, Every: 3, RetryAfter: 2}}}))
	var statuses []int
	for range 6 {
		resp, _, err := get(t, s, "/priorities")
		if err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, resp.StatusCode)
		if resp.StatusCode == 503 && resp.Header.Get("Retry-After") != "2" {
			t.Fatal("no Retry-After on the injected 503")
		}
	}
	want := []int{200, 200, 503, 200, 200, 503}
	for i := range want {
		if statuses[i] != want[i] {
			t.Fatalf("statuses %v, want %v", statuses, want)
		}
	}
	if s.Stats().InjectedErrors != 2 {
		t.Fatalf("stats %+v", s.Stats())
	}
	// A rate draws from the seeded source: the same seed, the same failures.
	run := func() []int {
		s := NewServer(WithEmptyAccount(), WithSeed(42), WithFaults(Faults{Errors: []ErrorFault{{Status: 500, Rate: 0.5}}}))
		defer s.Close()
		var out []int
		for range 20 {
			resp, _, _ := get(t, s, "/priorities")
			out = append(out, resp.StatusCode)
		}
		return out
	}
	a, b := run(), run()
	n500 := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed, different faults: %v vs %v", a, b)
		}
		if a[i] == 500 {
			n500++
		}
	}
	if n500 == 0 || n500 == 20 {
		t.Fatalf("rate 0.5 gave %d errors out of 20", n500)
	}
}

func TestDroppedConnection(t *testing.T) {
	s := newSmall(t, WithFaults(Faults{DropEvery: 2}))
	if _, _, err := get(t, s, "/priorities"); err != nil {
		t.Fatalf("first request: %v", err)
	}
	if _, _, err := get(t, s, "/priorities"); err == nil {
		t.Fatal("second request should fail: the connection was dropped")
	}
	if s.Stats().Dropped != 1 {
		t.Fatalf("stats %+v", s.Stats())
	}
	// Without a listener the drop becomes a 502.
	h := NewHandler(WithEmptyAccount(), WithFaults(Faults{DropEvery: 1}))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/priorities", nil)
	h.ServeHTTP(rec, req)
	if rec.Code != 502 {
		t.Fatalf("handler drop: %d", rec.Code)
	}
}

func TestSlowBodyAndLatency(t *testing.T) {
	s := newSmall(t, WithFaults(Faults{SlowBodyChunk: 64, SlowBodyDelay: 5 * time.Millisecond, Latency: 10 * time.Millisecond}))
	resp, body, err := get(t, s, "/priorities")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("slow body: %v %v", resp, err)
	}
	if resp.ContentLength != int64(len(body)) || len(body) < 64*2 {
		t.Fatalf("body of %d bytes, Content-Length %d", len(body), resp.ContentLength)
	}
	reqs := waitRequests(t, s, 1)
	if len(reqs) != 1 || reqs[0].Duration < 10*time.Millisecond+time.Duration(len(body)/64)*5*time.Millisecond {
		t.Fatalf("request log %+v", reqs)
	}
}

func TestRequestLog(t *testing.T) {
	s := newSmall(t, WithRequestLogLimit(2))
	get(t, s, "/users?query=duo")
	get(t, s, "/teams")
	get(t, s, "/nope")
	deadline := time.Now().Add(2 * time.Second)
	reqs := s.Requests()
	for (len(reqs) == 0 || reqs[len(reqs)-1].Path != "/nope") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
		reqs = s.Requests()
	}
	if len(reqs) != 2 || reqs[0].Path != "/teams" || reqs[1].Status != 404 {
		t.Fatalf("log %+v", reqs)
	}
	s.ResetRequests()
	get(t, s, "/users?query=duo")
	if r := waitRequests(t, s, 1); len(r) != 1 || r[0].Query != "query=duo" || r[0].Method != "GET" || r[0].Status != 200 {
		t.Fatalf("log %+v", r)
	}
	if s.Stats().Requests != 4 {
		t.Fatalf("stats %+v", s.Stats())
	}
}
