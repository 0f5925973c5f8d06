package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// listServer serves n items under "items", honouring limit, offset and
// total, and records what it was asked.
type listServer struct {
	n        int
	noTotal  bool          // never answer the total
	shortAt  int           // the page at this offset holds 10 items fewer (0: none)
	failAt   int           // the page at this offset answers 400 (-1: none)
	maxDelay time.Duration // a random wait before each answer
	block    chan struct{} // when set, every answer waits on it
	requests atomic.Int32  // requests the server received
	sent     atomic.Int32  // requests the client started
	inFlight atomic.Int32
	peak     atomic.Int32
	mu       sync.Mutex
	totals   []bool // whether each request asked for the total, in arrival order
}

func (s *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for p := s.peak.Load(); n > p && !s.peak.CompareAndSwap(p, n); p = s.peak.Load() {
	}
	q := r.URL.Query()
	s.mu.Lock()
	s.totals = append(s.totals, q.Get("total") == "true")
	s.mu.Unlock()
	if s.block != nil {
		select {
		case <-s.block:
		case <-r.Context().Done():
			return
		}
	}
	if s.maxDelay > 0 {
		time.Sleep(rand.N(s.maxDelay))
	}
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset, _ := strconv.Atoi(q.Get("offset"))
	if offset == s.failAt {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"error":{"code":2001,"message":"Invalid Input Provided"}}`))
		return
	}
	end := min(offset+limit, s.n)
	if s.shortAt > 0 && offset == s.shortAt {
		end -= 10
	}
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := offset; i < end; i++ {
		if i > offset {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"I%05d"}`, i)
	}
	total := "null"
	if q.Get("total") == "true" && !s.noTotal {
		total = strconv.Itoa(s.n)
	}
	fmt.Fprintf(&b, `],"limit":%d,"offset":%d,"more":%t,"total":%s}`, limit, offset, end < s.n, total)
	w.Write([]byte(b.String()))
}

func (s *listServer) client(t *testing.T) *Client {
	t.Helper()
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	rt := srv.Client().Transport
	count := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		s.sent.Add(1)
		return rt.RoundTrip(r)
	})
	c, err := NewClient(WithToken("tok-123456789"), WithBaseURL(srv.URL),
		WithHTTPClient(&http.Client{Transport: count}),
		WithRetry(RetryPolicy{MaxRetries: -1}), WithRateLimit(RateLimit{Disabled: true}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type listItem struct {
	ID string `json:"id"`
}

func listAll(ctx context.Context, c *Client, stopAfter int) (ids []string, err error) {
	l := &offsetList[listItem]{path: "/items", key: "items", query: url.Values{}}
	for it, err := range l.iterate(ctx, c) {
		if err != nil {
			return ids, err
		}
		ids = append(ids, it.ID)
		if len(ids) == stopAfter {
			break
		}
	}
	return ids, nil
}

func wantIDs(t *testing.T, got []string, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("got %d items, want %d", len(got), n)
	}
	for i, id := range got {
		if want := fmt.Sprintf("I%05d", i); id != want {
			t.Fatalf("item %d is %s, want %s: items must come in order, each once", i, id, want)
		}
	}
}

// Pages fetched ahead, finishing in any order, still yield every item once
// and in order; only the first request asks for the total, and no more
// pages than asked for are in flight at once.
func TestPrefetchKeepsOrder(t *testing.T) {
	s := &listServer{n: 1234, failAt: -1, maxDelay: 3 * time.Millisecond}
	c := s.client(t)
	ids, err := listAll(ContextWithPrefetch(context.Background(), 4), c, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, ids, 1234)
	if got := s.requests.Load(); got != 13 {
		t.Errorf("%d requests, want 13 pages", got)
	}
	if p := s.peak.Load(); p > 4 || p < 2 {
		t.Errorf("%d requests in flight at once, want 2 to 4", p)
	}
	if !s.totals[0] || strings.Count(fmt.Sprint(s.totals), "true") != 1 {
		t.Errorf("total asked for by %v, want only the first request", s.totals)
	}
}

// Without prefetching, pages come one after the other and the total is not
// asked for.
func TestNoPrefetchIsSequential(t *testing.T) {
	s := &listServer{n: 450, failAt: -1}
	c := s.client(t)
	for _, ctx := range []context.Context{context.Background(), ContextWithPrefetch(context.Background(), 1)} {
		s.totals = nil
		ids, err := listAll(ctx, c, 0)
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, ids, 450)
		if strings.Contains(fmt.Sprint(s.totals), "true") {
			t.Errorf("the total was asked for: %v", s.totals)
		}
	}
	if p := s.peak.Load(); p != 1 {
		t.Errorf("%d requests in flight at once, want 1", p)
	}
}

// A list whose answers carry no total is read one page at a time.
func TestPrefetchWithoutTotalFallsBack(t *testing.T) {
	s := &listServer{n: 350, failAt: -1, noTotal: true}
	ids, err := listAll(ContextWithPrefetch(context.Background(), 8), s.client(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, ids, 350)
	if p := s.peak.Load(); p != 1 {
		t.Errorf("%d requests in flight at once, want 1", p)
	}
}

// Breaking out of the loop cancels the pages in flight: the iterator
// returns with nothing left running and no page asked for past the window.
func TestPrefetchStopsOnBreak(t *testing.T) {
	s := &listServer{n: 5000, failAt: -1, maxDelay: 2 * time.Millisecond}
	c := s.client(t)
	ids, err := listAll(ContextWithPrefetch(context.Background(), 3), c, 150)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, ids, 150)
	// The first page, then at most the page being read plus three ahead.
	if got := s.requests.Load(); got > 5 {
		t.Errorf("%d requests after a break at item 150, want at most 5", got)
	}
	// Counted where the client sends: a request sent just before the break
	// may still reach the server's handler a moment later.
	before := s.sent.Load()
	time.Sleep(20 * time.Millisecond)
	if after := s.sent.Load(); after != before {
		t.Errorf("%d requests were sent after the loop returned", after-before)
	}
}

// The pages ahead never hold more than the window, even when the loop is
// slow: the server sees at most that many requests at once.
func TestPrefetchBoundsPagesInFlight(t *testing.T) {
	s := &listServer{n: 3000, failAt: -1, block: make(chan struct{})}
	c := s.client(t)
	done := make(chan error, 1)
	go func() {
		_, err := listAll(ContextWithPrefetch(context.Background(), 5), c, 0)
		done <- err
	}()
	// Release the first page, then let the window fill.
	s.block <- struct{}{}
	deadline := time.Now().Add(5 * time.Second)
	for s.inFlight.Load() < 5 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	if got := s.inFlight.Load(); got != 5 {
		t.Errorf("%d requests waiting, want the window of 5", got)
	}
	close(s.block)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if p := s.peak.Load(); p > 5 {
		t.Errorf("%d requests in flight at once, want at most 5", p)
	}
}

// An error is yielded after the items of every page before it, as a
// one-page-at-a-time listing would, and ends the listing.
func TestPrefetchErrorComesInOrder(t *testing.T) {
	s := &listServer{n: 1000, failAt: 300, maxDelay: 2 * time.Millisecond}
	ids, err := listAll(ContextWithPrefetch(context.Background(), 4), s.client(t), 0)
	wantIDs(t, ids, 300)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("err = %v, want the page's *APIError", err)
	}
}

// A page shorter than planned in the middle of the list makes the listing
// go on from the right offset, so nothing is skipped.
func TestPrefetchShortPageKeepsEveryItem(t *testing.T) {
	s := &listServer{n: 800, failAt: -1, shortAt: 300}
	ids, err := listAll(ContextWithPrefetch(context.Background(), 4), s.client(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, ids, 800)
}

// A cancelled context ends a prefetching listing with the context's error.
func TestPrefetchHonoursCancel(t *testing.T) {
	s := &listServer{n: 3000, failAt: -1, block: make(chan struct{})}
	c := s.client(t)
	ctx, cancel := context.WithCancel(ContextWithPrefetch(context.Background(), 4))
	done := make(chan error, 1)
	var got []string
	go func() {
		var err error
		got, err = listAll(ctx, c, 0)
		done <- err
	}()
	s.block <- struct{}{} // the first page
	time.Sleep(10 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		wantIDs(t, got, 100)
	case <-time.After(5 * time.Second):
		t.Fatal("the listing did not end after its context was cancelled")
	}
}

func TestContextWithPrefetchBounds(t *testing.T) {
	ctx := context.Background()
	for in, want := range map[int]int{-3: 0, 0: 0, 1: 1, 4: 4, MaxPrefetch + 10: MaxPrefetch} {
		if got := prefetchPages(ContextWithPrefetch(ctx, in)); got != want {
			t.Errorf("ContextWithPrefetch(%d): %d pages ahead, want %d", in, got, want)
		}
	}
	if got := prefetchPages(ctx); got != 0 {
		t.Errorf("a plain context prefetches %d pages", got)
	}
}

// ListOptions.Prefetch asks for pages ahead as ContextWithPrefetch does,
// for one listing, and is never sent; a negative one is refused.
func TestListOptionsPrefetch(t *testing.T) {
	s := &listServer{n: 1234, failAt: -1, maxDelay: 3 * time.Millisecond}
	c := s.client(t)
	l := &offsetList[listItem]{path: "/items", key: "items", query: url.Values{}}
	l.paging(ListOptions{Prefetch: 4})
	var ids []string
	for it, err := range l.iterate(context.Background(), c) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.ID)
	}
	wantIDs(t, ids, 1234)
	if p := s.peak.Load(); p > 4 || p < 2 {
		t.Errorf("%d requests in flight at once, want 2 to 4", p)
	}
	q := url.Values{}
	encodeQuery(q, ListOptions{Limit: 10, Prefetch: 4})
	if q.Has("prefetch") || q.Has("Prefetch") || q.Get("limit") != "10" {
		t.Errorf("query %v: Prefetch must not be sent", q)
	}
	if err := (&ListOptions{Prefetch: -1}).validate(); err == nil || !strings.Contains(err.Error(), "Prefetch -1") {
		t.Errorf("Prefetch -1: error %v", err)
	}
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

// RoundTrip calls f.
func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
