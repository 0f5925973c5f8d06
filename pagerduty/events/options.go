package events

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/pdkit/pdkit/internal/httpcore"
	"github.com/pdkit/pdkit/pagerduty"
)

// Option configures a Client. A nil Option is ignored.
type Option func(*config) error

type config struct {
	routingKey RoutingKey
	region     pagerduty.Region
	baseURL    string
	httpClient *http.Client
	userAgent  string
	logger     *slog.Logger
	retry      pagerduty.RetryPolicy
	rateLimit  RateLimit
}

// RateLimit paces the events of one Client for each routing key. PagerDuty
// throttles the Events API per integration key, answering 429 when a key
// sends too much; the limit is not published as a fixed figure and may change,
// so the default is the long-standing 120 events a minute.
//
// The zero value means the defaults: 120 events a minute for each routing
// key, with bursts of 20.
type RateLimit struct {
	// PerMinute is the sustained rate for one routing key. Zero means 120.
	PerMinute int
	// Burst is how many events for one routing key may go at once after a
	// quiet spell. Zero means 20.
	Burst int
	// Disabled turns client-side pacing off. A 429 answer still holds back
	// the events of its routing key for the wait PagerDuty asked for.
	Disabled bool
}

// Default pacing of one routing key.
const (
	DefaultPerMinute = 120
	DefaultBurst     = 20
)

// WithRoutingKey sets the routing key used by events that carry none: the
// integration key of an Events API v2 integration, or the routing key of an
// event orchestration.
func WithRoutingKey(key string) Option {
	return func(c *config) error {
		k := RoutingKey(strings.TrimSpace(key))
		if k == "" {
			return errors.New("events: WithRoutingKey: the routing key is empty: give the integration key of an Events API v2 integration")
		}
		if err := checkRoutingKey(k); err != nil {
			var verr *ValidationError
			if errors.As(err, &verr) {
				return fmt.Errorf("events: WithRoutingKey: the routing key %s", verr.Problem)
			}
			return fmt.Errorf("events: WithRoutingKey: %w", err)
		}
		c.routingKey = k
		return nil
	}
}

// WithRegion sends events to the Events API of the region (pagerduty.US,
// the default, or pagerduty.EU). WithBaseURL takes precedence over it.
func WithRegion(r pagerduty.Region) Option {
	return func(c *config) error {
		switch r {
		case "", pagerduty.US, pagerduty.EU:
			c.region = r
			return nil
		}
		return fmt.Errorf("events: WithRegion: unknown region %q: use pagerduty.US or pagerduty.EU", string(r))
	}
}

// WithBaseURL sends events to base instead of the region's Events API, for
// example a proxy or a test server: alerts go to base + "/v2/enqueue" and
// change events to base + "/v2/change/enqueue". It must be an absolute http
// or https URL without query or fragment.
func WithBaseURL(base string) Option {
	return func(c *config) error {
		u, err := httpcore.ParseBaseURL(base)
		if err != nil {
			return fmt.Errorf("events: WithBaseURL: %q %v, such as https://events.pagerduty.com", base, err)
		}
		c.baseURL = u
		return nil
	}
}

// WithHTTPClient sends requests through hc: its Transport, Timeout and Jar
// are used; retries and pacing are layered on top. Nil means a client with
// its own pooled transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent replaces the User-Agent header, which by default names pdkit
// and its version.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		c.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithLogger logs each attempt at debug level and each 429 or 5xx answer at
// warn level: method, path, status and the wait asked for. Routing keys and
// bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithRetry sets how failed sends are retried. Every event is safe to send
// twice (PagerDuty deduplicates by dedup key), so 429 answers, 5xx answers
// other than 501 and transient network failures are all retried, with
// exponential backoff and full jitter, honouring the waits PagerDuty asks
// for. The zero policy means three retries, waits from 500ms to 30s, and
// server-requested waits of up to two minutes.
func WithRetry(p pagerduty.RetryPolicy) Option {
	return func(c *config) error {
		if p.MinWait < 0 || p.MaxWait < 0 || p.MaxRetryAfter < 0 {
			return errors.New("events: WithRetry: waits must not be negative")
		}
		if p.MaxWait > 0 && p.MinWait > p.MaxWait {
			return fmt.Errorf("events: WithRetry: MinWait %s is more than MaxWait %s", p.MinWait, p.MaxWait)
		}
		c.retry = p
		return nil
	}
}

// WithRateLimit sets the client-side pacing of each routing key.
func WithRateLimit(rl RateLimit) Option {
	return func(c *config) error {
		if rl.PerMinute < 0 || rl.Burst < 0 {
			return errors.New("events: WithRateLimit: PerMinute and Burst must not be negative")
		}
		c.rateLimit = rl
		return nil
	}
}
