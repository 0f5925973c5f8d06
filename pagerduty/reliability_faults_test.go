package pagerduty_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdkit/pdkit/internal/reliability"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// relFaultClient returns a client of pd with short retry waits, so that a
// test under injected faults ends in seconds.
func relFaultClient(t testing.TB, pd *pdtest.Server, extra ...pagerduty.Option) *pagerduty.Client {
	t.Helper()
	opts := append([]pagerduty.Option{
		pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL),
		pagerduty.WithHTTPClient(&http.Client{Timeout: 10 * time.Second}),
		pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: 8, MinWait: time.Millisecond, MaxWait: 20 * time.Millisecond}),
		// Scaled up tenfold from PagerDuty's 960/minute so that 100 pages
		// take no more than a second or two; the server below enforces less.
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}),
	}, extra...)
	c, err := pagerduty.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// relFaultMix is every fault pdtest can inject, at once.
func relFaultMix() pdtest.Faults {
	return pdtest.Faults{
		Errors: []pdtest.ErrorFault{
			// 429 with a Retry-After of a second, which every request of
			// the client then waits out.
			{Status: 429, Every: 67, RetryAfter: 1},
			{Status: 500, Every: 7},
			{Status: 502, Every: 11},
			{Status: 503, Every: 13},
		},
		DropEvery:     9,
		SlowBodyChunk: 64 << 10, SlowBodyDelay: time.Millisecond,
	}
}

// TestReliabilityListUnderFaults lists 10,000 incidents while the server
// answers 429, 500, 502 and 503, drops connections (some in the middle of a
// body) and sends bodies slowly: the listing must either bring every
// incident exactly once or stop with a *ListError that says where, never
// end short without an error. With these faults and eight retries, it
// completes.
func TestReliabilityListUnderFaults(t *testing.T) {
	reliability.CheckGoroutines(t)
	const n = 10000
	pd := pdtest.NewServer(pdtest.WithDemoIncidents(n), pdtest.WithFaults(relFaultMix()))
	t.Cleanup(pd.Close)
	c := relFaultClient(t, pd)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	seen := make(map[string]int, n)
	for inc, err := range c.Incidents.List(ctx, nil) {
		if err != nil {
			relCheckListError(t, err, len(seen))
			t.Fatalf("after %d incidents: %v", len(seen), err)
		}
		seen[inc.ID]++
	}
	if len(seen) != n {
		t.Errorf("listed %d distinct incidents, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("incident %s listed %d times", id, k)
		}
	}
	st := pd.Stats()
	t.Logf("requests %d: 429 %d, injected errors %d, dropped %d", st.Requests, st.RateLimited, st.InjectedErrors, st.Dropped)
	if st.InjectedErrors < 10 || st.Dropped == 0 {
		t.Errorf("the faults were not exercised: %+v", st)
	}
}

// TestReliabilityListFailsLoudly lists 10,000 incidents from a server whose
// faults outlast the retries: the listing must end with an error that says
// which request failed and where, and the items before it must be whole
// pages, never a silently short list.
func TestReliabilityListFailsLoudly(t *testing.T) {
	reliability.CheckGoroutines(t)
	const n = 10000
	f := pdtest.Faults{Errors: []pdtest.ErrorFault{{Status: 502, Rate: 0.5}}}
	pd := pdtest.NewServer(pdtest.WithDemoIncidents(n), pdtest.WithFaults(f), pdtest.WithSeed(7))
	t.Cleanup(pd.Close)
	c := relFaultClient(t, pd, pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	seen := map[string]bool{}
	var listErr error
	for inc, err := range c.Incidents.List(ctx, nil) {
		if err != nil {
			listErr = err
			break
		}
		if seen[inc.ID] {
			t.Fatalf("incident %s listed twice", inc.ID)
		}
		seen[inc.ID] = true
	}
	if listErr == nil {
		t.Fatalf("listed %d incidents with half the requests failing and one retry; want an error", len(seen))
	}
	relCheckListError(t, listErr, len(seen))
	var apiErr *pagerduty.APIError
	if !errors.As(listErr, &apiErr) || apiErr.StatusCode != http.StatusBadGateway {
		t.Errorf("error %v (%T) is not the API's 502 as an *APIError", listErr, listErr)
	}
	if len(seen) == n {
		t.Errorf("every incident came and then an error: %v", listErr)
	}
	if len(seen)%pagerduty.MaxPageSize != 0 {
		t.Errorf("%d incidents before the error: not whole pages", len(seen))
	}
	if !strings.Contains(listErr.Error(), "/incidents") {
		t.Errorf("error %q does not name the list", listErr)
	}
	t.Logf("stopped after %d incidents: %v", len(seen), listErr)
}

// relCheckListError checks that err is a *ListError that says the listing
// stopped after the items the loop saw, at the offset that follows them.
func relCheckListError(t *testing.T, err error, items int) {
	t.Helper()
	var le *pagerduty.ListError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *pagerduty.ListError", err, err)
	}
	if le.Path != "/incidents" || le.Items != items || le.Offset != items || le.Err == nil {
		t.Errorf("ListError{Path %q, Offset %d, Items %d, Err %v}: want /incidents, stopped after %d items at offset %d",
			le.Path, le.Offset, le.Items, le.Err, items, items)
	}
	if want := fmt.Sprintf("after %d items, at offset %d", items, items); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// relApplyThenDrop is a server that applies each POST /incidents (counting
// it, and keeping one incident per incident_key as PagerDuty does), then
// drops the first connection before answering.
type relApplyThenDrop struct {
	mu       sync.Mutex
	attempts int
	applied  int
	keys     map[string]bool
}

func (s *relApplyThenDrop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, 4096)
	n, _ := r.Body.Read(body)
	key := ""
	if i := strings.Index(string(body[:n]), `"incident_key":"`); i >= 0 {
		rest := string(body[i+len(`"incident_key":"`) : n])
		key, _, _ = strings.Cut(rest, `"`)
	}
	s.mu.Lock()
	s.attempts++
	first := s.attempts == 1
	if key == "" || !s.keys[key] {
		s.applied++
		if key != "" {
			s.keys[key] = true
		}
	}
	s.mu.Unlock()
	if first {
		// Applied, then the connection is lost before the answer.
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_, _ = fmt.Fprint(w, `{"incident":{"id":"PNEW001","type":"incident","title":"Disk full","status":"triggered"}}`)
}

// TestReliabilityWriteNeverAppliedTwice sends a create that the server
// applies and then drops the connection of. Without an idempotency key the
// client must not send it again and must say the outcome is unknown; with
// an incident_key it retries, and the server applies it once.
func TestReliabilityWriteNeverAppliedTwice(t *testing.T) {
	reliability.CheckGoroutines(t)
	for _, tc := range []struct {
		name     string
		key      string
		attempts int
		ok       bool
	}{
		{"no key: not retried, outcome unknown", "", 1, false},
		{"incident_key: retried, applied once", "disk-full-web-1", 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &relApplyThenDrop{keys: map[string]bool{}}
			hs := httptest.NewServer(s)
			defer hs.Close()
			c, err := pagerduty.NewClient(pagerduty.WithToken("u+reliability-token"), pagerduty.WithBaseURL(hs.URL),
				pagerduty.WithFrom("jane@example.com"),
				pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}))
			if err != nil {
				t.Fatal(err)
			}
			inc, err := c.Incidents.Create(context.Background(), &pagerduty.CreateIncidentParams{
				Title: "Disk full", ServiceID: "PWIXJZS", IncidentKey: tc.key})
			s.mu.Lock()
			attempts, applied := s.attempts, s.applied
			s.mu.Unlock()
			if applied != 1 {
				t.Errorf("the create was applied %d times, want once", applied)
			}
			if attempts != tc.attempts {
				t.Errorf("sent %d times, want %d", attempts, tc.attempts)
			}
			if tc.ok {
				if err != nil || inc == nil || inc.ID != "PNEW001" {
					t.Errorf("got %v, %v; want the incident", inc, err)
				}
				return
			}
			var uo *pagerduty.UnknownOutcomeError
			if !errors.As(err, &uo) {
				t.Fatalf("error %v (%T) is not an *UnknownOutcomeError", err, err)
			}
			if uo.Method != "POST" || uo.Path != "/incidents" || uo.Err == nil {
				t.Errorf("UnknownOutcomeError %+v does not name the request and its cause", uo)
			}
			if !strings.Contains(err.Error(), "check before trying again") {
				t.Errorf("error %q does not say what to do", err)
			}
		})
	}
}

// TestReliabilityListEndsOnARepeatingAnswer lists from a server that says
// "more" forever with the same page, whose items have no creation time: the
// time-windowed iterator must end with a *ListError once moving its window
// makes no progress, instead of asking again forever.
func TestReliabilityListEndsOnARepeatingAnswer(t *testing.T) {
	const limit = 1000 // requests; an endless listing is cut here
	var page []string
	for i := range pagerduty.MaxPageSize {
		page = append(page, fmt.Sprintf(`{"id":"P%03d"}`, i))
	}
	ft := &fuzzTransport{status: 200, body: []byte(`{"incidents":[` + strings.Join(page, ",") + `],"more":true}`), max: limit}
	c := fuzzClient(t, ft)
	items := 0
	var listErr error
	for _, err := range c.Incidents.List(context.Background(), &pagerduty.ListIncidentsOptions{
		ListOptions: pagerduty.ListOptions{Offset: pagerduty.OffsetCeiling - 100, Limit: 100}}) {
		if err != nil {
			listErr = err
			break
		}
		items++
	}
	if len(ft.seen) > limit {
		t.Fatalf("the listing did not end by itself: %d requests (%v)", len(ft.seen), listErr)
	}
	var le *pagerduty.ListError
	if !errors.As(listErr, &le) || le.Items != items {
		t.Fatalf("error %v (%T) is not a *ListError after %d items", listErr, listErr, items)
	}
	if items != pagerduty.MaxPageSize {
		t.Errorf("%d items, want each of the page's %d once", items, pagerduty.MaxPageSize)
	}
	t.Logf("%d requests: %v", len(ft.seen), listErr)
}
