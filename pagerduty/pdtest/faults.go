package pdtest

import (
	"bufio"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Faults makes the server misbehave the way a real API does now and then,
// so that retries, backoff and timeouts can be tested. The zero value
// injects nothing. Faults apply to every request, REST and Events alike.
type Faults struct {
	// Latency delays every answer (the wait ends early if the request's
	// context is cancelled).
	Latency time.Duration

	// RateLimit is the number of requests allowed per minute (PagerDuty
	// allows 960); zero turns rate limiting off. Requests over the limit get
	// a 429 with the ratelimit-limit, ratelimit-remaining, ratelimit-reset
	// and Retry-After headers.
	RateLimit int
	// RateBurst is the size of the token bucket; zero means RateLimit.
	RateBurst int

	// Errors injects server errors.
	Errors []ErrorFault

	// DropEvery drops the connection of every Nth request: the server sends
	// part of a response and closes the connection.
	DropEvery int
	// DropRate drops connections with this probability (0 to 1), drawn
	// from the server's seeded random source.
	DropRate float64

	// SlowBodyChunk, when positive, writes bodies in pieces of this many
	// bytes with SlowBodyDelay between them.
	SlowBodyChunk int
	// SlowBodyDelay is the pause between two pieces of a slow body.
	SlowBodyDelay time.Duration
}

// ErrorFault answers some requests with an HTTP error status instead of
// serving them.
type ErrorFault struct {
	// Status is the HTTP status to answer with, such as 500, 502 or 503;
	// zero means 500.
	Status int
	// Every answers every Nth request with Status (Every=3: the 3rd, 6th,
	// ...). Zero turns the count off.
	Every int
	// Rate answers with Status with this probability (0 to 1), drawn from
	// the server's seeded random source.
	Rate float64
	// RetryAfter, when positive, is sent as a Retry-After header (seconds).
	RetryAfter int
}

// Stats counts what the server answered since it started.
type Stats struct {
	Requests       int64 // every request received
	RateLimited    int64 // answered 429 by the rate limiter
	InjectedErrors int64 // answered by an [ErrorFault]
	Dropped        int64 // connections dropped on purpose
}

type faultState struct {
	mu     sync.Mutex
	f      Faults
	rng    *rand.Rand
	n      int64 // requests seen
	stats  Stats
	tokens float64
	last   time.Time
}

func newFaultState(f Faults, seed int64) *faultState {
	fs := &faultState{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
	fs.set(f)
	return fs
}

func (fs *faultState) set(f Faults) {
	fs.f = f
	fs.f.Errors = append([]ErrorFault(nil), f.Errors...)
	fs.tokens = float64(fs.burst())
	fs.last = time.Now()
}

func (fs *faultState) burst() int {
	if fs.f.RateBurst > 0 {
		return fs.f.RateBurst
	}
	return fs.f.RateLimit
}

// SetFaults replaces the faults the handler injects; the zero Faults turns
// them all off. The rate limiter starts again with a full bucket.
func (h *Handler) SetFaults(f Faults) {
	h.init()
	h.faults.mu.Lock()
	defer h.faults.mu.Unlock()
	h.faults.set(f)
}

// Faults returns the faults in force.
func (h *Handler) Faults() Faults {
	h.init()
	h.faults.mu.Lock()
	defer h.faults.mu.Unlock()
	f := h.faults.f
	f.Errors = append([]ErrorFault(nil), f.Errors...)
	return f
}

// Stats returns the request counters.
func (h *Handler) Stats() Stats {
	h.init()
	h.faults.mu.Lock()
	defer h.faults.mu.Unlock()
	return h.faults.stats
}

type decision struct {
	latency   time.Duration
	limited   bool
	limit     int
	remaining int
	reset     int
	retry     int
	errStatus int
	errRetry  int
	drop      bool
}

func (fs *faultState) decide() decision {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.n++
	fs.stats.Requests++
	d := decision{latency: fs.f.Latency}
	if fs.f.RateLimit > 0 {
		now := time.Now()
		perSec := float64(fs.f.RateLimit) / 60
		fs.tokens = math.Min(float64(fs.burst()), fs.tokens+now.Sub(fs.last).Seconds()*perSec)
		fs.last = now
		d.limit = fs.f.RateLimit
		if fs.tokens >= 1 {
			fs.tokens--
		} else {
			d.limited = true
			fs.stats.RateLimited++
			d.retry = int(math.Ceil((1 - fs.tokens) / perSec))
		}
		d.remaining = int(fs.tokens)
		d.reset = int(math.Ceil((float64(fs.burst()) - fs.tokens) / perSec))
		if d.limited {
			return d
		}
	}
	for _, e := range fs.f.Errors {
		hit := e.Every > 0 && fs.n%int64(e.Every) == 0
		if !hit && e.Rate > 0 && fs.rng.Float64() < e.Rate {
			hit = true
		}
		if hit {
			d.errStatus = e.Status
			if d.errStatus == 0 {
				d.errStatus = http.StatusInternalServerError
			}
			d.errRetry = e.RetryAfter
			fs.stats.InjectedErrors++
			return d
		}
	}
	if (fs.f.DropEvery > 0 && fs.n%int64(fs.f.DropEvery) == 0) ||
		(fs.f.DropRate > 0 && fs.rng.Float64() < fs.f.DropRate) {
		d.drop = true
		fs.stats.Dropped++
	}
	return d
}

type slowSpec struct {
	chunk int
	delay time.Duration
}

func (fs *faultState) slowBody() slowSpec {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return slowSpec{chunk: fs.f.SlowBodyChunk, delay: fs.f.SlowBodyDelay}
}

// apply injects the faults decided for r. It reports whether the request
// should still be served.
func (fs *faultState) apply(w *recorder, r *http.Request) bool {
	d := fs.decide()
	if d.latency > 0 {
		t := time.NewTimer(d.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
		}
	}
	if d.limit > 0 {
		w.Header().Set("ratelimit-limit", strconv.Itoa(d.limit))
		w.Header().Set("ratelimit-remaining", strconv.Itoa(d.remaining))
		w.Header().Set("ratelimit-reset", strconv.Itoa(d.reset))
	}
	switch {
	case d.limited:
		w.Header().Set("Retry-After", strconv.Itoa(max(d.retry, 1)))
		writeAPIError(w, &apiError{status: http.StatusTooManyRequests, code: CodeRateLimited,
			errors: []string{"the rate limit of " + strconv.Itoa(d.limit) + " requests per minute was reached; retry after the Retry-After delay"}})
		return false
	case d.errStatus != 0:
		if d.errRetry > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(d.errRetry))
		}
		writeAPIError(w, &apiError{status: d.errStatus, code: CodeInternal,
			errors: []string{"injected fault: HTTP " + strconv.Itoa(d.errStatus)}})
		return false
	case d.drop:
		dropConnection(w)
		return false
	}
	return true
}

// dropConnection sends the start of a response and closes the connection.
// Where the connection cannot be taken over (a handler mounted without a
// listener), it answers 502 instead.
func dropConnection(w *recorder) {
	conn, buf, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err != nil {
		writeAPIError(w, &apiError{status: http.StatusBadGateway, code: CodeInternal,
			errors: []string{"injected fault: connection dropped"}})
		return
	}
	w.status = 0 // no status was completed
	writeTruncated(buf)
	_ = conn.Close()
}

func writeTruncated(buf *bufio.ReadWriter) {
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"incidents\":[{\"id\":")
	_ = buf.Flush()
}

// slowWriter keeps the body and writes it in pieces when the handler is
// done.
type slowWriter struct {
	*recorder
	chunk  int
	delay  time.Duration
	status int
	body   []byte
}

func (s *slowWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

func (s *slowWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	s.body = append(s.body, b...)
	return len(b), nil
}

func (s *slowWriter) finish(r *http.Request) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	s.recorder.Header().Set("Content-Length", strconv.Itoa(len(s.body)))
	s.recorder.WriteHeader(s.status)
	rc := http.NewResponseController(s.recorder.ResponseWriter)
	for len(s.body) > 0 {
		n := min(s.chunk, len(s.body))
		if _, err := s.recorder.Write(s.body[:n]); err != nil {
			return
		}
		s.body = s.body[n:]
		_ = rc.Flush()
		if len(s.body) > 0 && s.delay > 0 {
			t := time.NewTimer(s.delay)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
	}
}
