package bench

import (
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Config describes the incident listing a Server answers.
type Config struct {
	// Incidents is how many incidents the listing holds; zero means 10,000.
	Incidents int
	// Latency delays every answer, the time a request spends on the
	// network and in the API.
	Latency time.Duration
	// PerMinute enforces a token-bucket rate limit answered with 429 and
	// Retry-After, as the API does; zero means no limit.
	PerMinute int
	// Burst is the size of the bucket; zero means 16.
	Burst int
}

// Stats counts what a Server answered.
type Stats struct {
	Requests    int64 // every request received
	RateLimited int64 // answered 429
	Failed      int64 // answered with another error status
	MaxInFlight int64 // the most requests served at once
}

// Server serves GET /incidents from memory on 127.0.0.1: the same bytes to
// every client, so that clients are compared on the same work. It honours
// limit, offset and total, refuses offset+limit over 10,000 as the API does,
// and ignores the other filters.
type Server struct {
	// URL is the base URL to give the clients.
	URL string

	cfg   Config
	items [][]byte
	srv   *httptest.Server

	pages sync.Map // query key -> []byte

	mu     sync.Mutex
	tokens float64
	last   time.Time

	requests, limited, failed, inFlight, maxInFlight atomic.Int64
}

// NewServer starts a server for cfg; Close stops it.
func NewServer(cfg Config) *Server {
	if cfg.Incidents <= 0 {
		cfg.Incidents = 10_000
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 16
	}
	s := &Server{cfg: cfg, items: build(cfg.Incidents), tokens: float64(cfg.Burst), last: time.Now()}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// build returns the JSON of the first n incidents. Each server builds its
// own, so that a closed server leaves nothing alive behind it for the heap
// measurements that follow.
func build(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = IncidentJSON(i)
	}
	return out
}

// Close stops the server and closes its connections.
func (s *Server) Close() { s.srv.Close() }

// Stats returns the counters since the server started or was Reset.
func (s *Server) Stats() Stats {
	return Stats{Requests: s.requests.Load(), RateLimited: s.limited.Load(), Failed: s.failed.Load(), MaxInFlight: s.maxInFlight.Load()}
}

// Reset zeroes the counters and fills the rate-limit bucket, as after a
// quiet minute.
func (s *Server) Reset() {
	s.requests.Store(0)
	s.limited.Store(0)
	s.failed.Store(0)
	s.maxInFlight.Store(0)
	s.mu.Lock()
	s.tokens, s.last = float64(s.cfg.Burst), time.Now()
	s.mu.Unlock()
}

// admit takes a token from the bucket, or says how many seconds to wait.
func (s *Server) admit() (ok bool, retryAfter int) {
	if s.cfg.PerMinute <= 0 {
		return true, 0
	}
	perSec := float64(s.cfg.PerMinute) / 60
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	s.tokens = math.Min(float64(s.cfg.Burst), s.tokens+now.Sub(s.last).Seconds()*perSec)
	s.last = now
	if s.tokens >= 1 {
		s.tokens--
		return true, 0
	}
	return false, max(1, int(math.Ceil((1-s.tokens)/perSec)))
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxInFlight.Load()
		if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	ok, retry := s.admit()
	if s.cfg.Latency > 0 {
		t := time.NewTimer(s.cfg.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
		}
	}
	if !ok {
		s.limited.Add(1)
		w.Header().Set("Retry-After", strconv.Itoa(retry))
		w.Header().Set("ratelimit-limit", strconv.Itoa(s.cfg.PerMinute))
		w.Header().Set("ratelimit-remaining", "0")
		w.Header().Set("ratelimit-reset", strconv.Itoa(retry))
		s.fail(w, http.StatusTooManyRequests, 2020, "Rate Limit Exceeded")
		return
	}
	if r.Method != http.MethodGet || r.URL.Path != "/incidents" {
		s.fail(w, http.StatusNotFound, 2100, "Not Found")
		return
	}
	q := r.URL.Query()
	limit, offset := 25, 0
	if v := q.Get("limit"); v != "" {
		limit, _ = strconv.Atoi(v)
	}
	if v := q.Get("offset"); v != "" {
		offset, _ = strconv.Atoi(v)
	}
	if limit < 1 || limit > 100 || offset < 0 || offset+limit > 10_000 {
		s.fail(w, http.StatusBadRequest, 2002, "Arguments Caused Error")
		return
	}
	total := q.Get("total") == "true"
	key := strconv.Itoa(limit) + "/" + strconv.Itoa(offset) + "/" + strconv.FormatBool(total)
	page, cached := s.pages.Load(key)
	if !cached {
		page, _ = s.pages.LoadOrStore(key, s.page(limit, offset, total))
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(page.([]byte))))
	_, _ = w.Write(page.([]byte))
}

// page renders one list answer.
func (s *Server) page(limit, offset int, total bool) []byte {
	end := min(offset+limit, len(s.items))
	b := []byte(`{"incidents":[`)
	for i := offset; i < end; i++ {
		if i > offset {
			b = append(b, ',')
		}
		b = append(b, s.items[i]...)
	}
	b = append(b, `],"limit":`...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(offset), 10)
	b = append(b, `,"more":`...)
	b = strconv.AppendBool(b, end < len(s.items))
	b = append(b, `,"total":`...)
	if total {
		b = strconv.AppendInt(b, int64(len(s.items)), 10)
	} else {
		b = append(b, "null"...)
	}
	return append(b, '}')
}

func (s *Server) fail(w http.ResponseWriter, status, code int, msg string) {
	if status != http.StatusTooManyRequests {
		s.failed.Add(1)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`{"error":{"code":` + strconv.Itoa(code) + `,"message":"` + msg + `"}}`))
}
