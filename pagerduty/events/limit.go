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

type limiterKey struct{}

// withLimiter attaches the limiter of a request's routing key to its context,
// where limitTransport finds it on every attempt.
func withLimiter(ctx context.Context, l *httpcore.Limiter) context.Context {
	return context.WithValue(ctx, limiterKey{}, l)
}

// limitTransport paces each attempt with the limiter of its routing key, and
// holds back that key's events when PagerDuty answers 429 with a wait.
type limitTransport struct {
	next http.RoundTripper
}

func (t *limitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	l, _ := r.Context().Value(limiterKey{}).(*httpcore.Limiter)
	if err := l.Wait(r.Context()); err != nil {
		if r.Body != nil {
			r.Body.Close()
		}
		if ctxErr := r.Context().Err(); ctxErr != nil {
			return nil, ctxErr
		}
		// The limiter refuses at once a wait that would outlast the
		// context's deadline: report it as the deadline it is.
		return nil, fmt.Errorf("the routing key's rate limit would hold the event past the context's deadline: %w", context.DeadlineExceeded)
	}
	resp, err := t.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		if d, ok := httpcore.RetryAfter(resp); ok {
			l.Pause(d)
		}
	}
	return resp, err
}
