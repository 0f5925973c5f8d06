package pdtest

import (
	"net/http"
	"sync"
	"time"
)

// Request is one request the server answered, as kept in its request log.
// Headers are not kept, so tokens never reach the log.
type Request struct {
	Method string // HTTP method
	Path   string // URL path
	// Query is the raw query string, without the "?".
	Query string
	// Status is the HTTP status answered; 0 for a dropped connection.
	Status   int
	Duration time.Duration // time to answer, faults included
}

type requestLog struct {
	mu    sync.Mutex
	limit int
	reqs  []Request
}

func newRequestLog(limit int) *requestLog { return &requestLog{limit: limit} }

func (l *requestLog) add(r *http.Request, status int, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.reqs) >= l.limit {
		n := copy(l.reqs, l.reqs[len(l.reqs)-l.limit+1:])
		l.reqs = l.reqs[:n]
	}
	l.reqs = append(l.reqs, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Status: status, Duration: d})
}

// Requests returns the requests answered so far, oldest first (at most the
// limit set by [WithRequestLogLimit]).
func (h *Handler) Requests() []Request {
	h.init()
	h.log.mu.Lock()
	defer h.log.mu.Unlock()
	return append([]Request(nil), h.log.reqs...)
}

// ResetRequests empties the request log. Counters of [Handler.Stats] keep
// counting.
func (h *Handler) ResetRequests() {
	h.init()
	h.log.mu.Lock()
	defer h.log.mu.Unlock()
	h.log.reqs = nil
}
