package httpcore

import (
	"context"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter paces the requests of one client: a token bucket, plus a pause that
// every request observes after the server answered 429, so that a busy
// program's goroutines wait for the reset together instead of each meeting the
// limit on its own. It is safe for concurrent use; a nil *Limiter lets every
// request through.
type Limiter struct {
	bucket *rate.Limiter

	mu    sync.Mutex
	until time.Time
}

// NewLimiter returns a limiter that allows perMinute requests a minute with
// bursts of burst requests. perMinute <= 0 means no pacing (only the pause
// after a 429 applies); burst <= 0 means one.
func NewLimiter(perMinute, burst int) *Limiter {
	l := &Limiter{}
	if perMinute > 0 {
		l.bucket = rate.NewLimiter(rate.Limit(float64(perMinute)/60), max(burst, 1))
	}
	return l
}

// Wait blocks until the request may be sent or ctx ends. Waiters are served
// in the order they arrived.
func (l *Limiter) Wait(ctx context.Context) error {
	if l == nil {
		return nil
	}
	for {
		l.mu.Lock()
		d := time.Until(l.until)
		l.mu.Unlock()
		if d <= 0 {
			break
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	if l.bucket == nil {
		return nil
	}
	return l.bucket.Wait(ctx)
}

// Pause holds every request back for d from now, unless a longer pause is
// already in force.
func (l *Limiter) Pause(d time.Duration) {
	if l == nil || d <= 0 {
		return
	}
	until := time.Now().Add(d)
	l.mu.Lock()
	if until.After(l.until) {
		l.until = until
	}
	l.mu.Unlock()
}

// Transport returns a RoundTripper that waits on l before each attempt and
// pauses l when an answer is 429, then sends the request through next (nil
// means http.DefaultTransport).
func (l *Limiter) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return &limitedTransport{l: l, next: next}
}

type limitedTransport struct {
	l    *Limiter
	next http.RoundTripper
}

func (t *limitedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := t.l.Wait(r.Context()); err != nil {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, err
	}
	resp, err := t.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		if d, ok := RetryAfter(resp); ok {
			t.l.Pause(d)
		}
	}
	return resp, err
}
