package events

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/pdkit/pdkit/internal/httpcore"
)

// keyLimiters holds one limiter per routing key, made on first use. The map
// grows with the number of distinct keys a client sends to, which for a
// program is the handful of integrations it reports to.
type keyLimiters struct {
	perMinute, burst int

	mu sync.Mutex
	m  map[RoutingKey]*httpcore.Limiter
}

func newKeyLimiters(perMinute, burst int) *keyLimiters {
	return &keyLimiters{perMinute: perMinute, burst: burst, m: make(map[RoutingKey]*httpcore.Limiter)}
}

// get returns the limiter of key, making it if needed.
func (k *keyLimiters) get(key RoutingKey) *httpcore.Limiter {
	k.mu.Lock()
	defer k.mu.Unlock()
	l, ok := k.m[key]
	if !ok {
		l = httpcore.NewLimiter(k.perMinute, k.burst)
		k.m[key] = l
	}
	return l
}

// wait blocks until l lets one more event of its key go, or ctx ends.
func wait(ctx context.Context, l *httpcore.Limiter) error {
	if err := l.Wait(ctx); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		// The limiter refuses at once a wait that would outlast the
		// context's deadline: report it as the deadline it is.
		return fmt.Errorf("the routing key's rate limit would hold the event past the context's deadline: %w", context.DeadlineExceeded)
	}
	return nil
}

type limiterKey struct{}

// withLimiter attaches the limiter of a request's routing key to its context,
// where the retry loop and pauseTransport find it.
func withLimiter(ctx context.Context, l *httpcore.Limiter) context.Context {
	return context.WithValue(ctx, limiterKey{}, l)
}

func limiterOf(ctx context.Context) *httpcore.Limiter {
	l, _ := ctx.Value(limiterKey{}).(*httpcore.Limiter)
	return l
}

// pauseTransport holds back the events of a routing key when PagerDuty
// answers 429 with a wait. The pacing itself happens before each attempt,
// outside the http.Client, so that a wait for the rate limit never counts
// against the client's Timeout.
type pauseTransport struct {
	next http.RoundTripper
}

func (t *pauseTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		if d, ok := httpcore.RetryAfter(resp); ok {
			limiterOf(r.Context()).Pause(d)
		}
	}
	return resp, err
}
