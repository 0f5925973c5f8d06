package pagerduty

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/mail"
	"strings"
	"time"

	"github.com/pdkit/pdkit/internal/httpcore"
	"golang.org/x/oauth2"
)

// Option configures a Client. A nil Option is ignored.
type Option func(*config) error

type config struct {
	token       string
	tokenSource oauth2.TokenSource
	region      Region
	baseURL     string
	httpClient  *http.Client
	userAgent   string
	from        string
	logger      *slog.Logger
	retry       RetryPolicy
	rateLimit   RateLimit
}

// RetryPolicy says how failed requests are retried. The zero value means the
// defaults: three retries with exponential backoff and full jitter from 500ms
// to 30s, honouring waits the API asks for (Retry-After, ratelimit-reset) up
// to two minutes.
//
// What is retried: 429 and 503 answers; other 5xx answers except 501 for
// GET, PUT and DELETE; and transient connection failures, when the request is
// idempotent or was certainly not sent. A POST that may already have been
// applied is not sent again: it fails with an *UnknownOutcomeError.
type RetryPolicy struct {
	// MaxRetries is how many times a request is sent again after the first
	// attempt. Zero means 3; a negative value disables retries.
	MaxRetries int
	// MinWait and MaxWait bound the backoff between attempts. Zero means
	// 500ms and 30s.
	MinWait, MaxWait time.Duration
	// MaxRetryAfter is the longest wait the API may ask for that is still
	// waited out. When it asks for more, the call fails at once with an
	// APIError whose RetryAfter says how long to wait. Zero means 2 minutes.
	MaxRetryAfter time.Duration
}

// RateLimit paces the requests of one Client, shared by all its goroutines.
// The zero value means the defaults: 960 requests a minute (PagerDuty's limit
// for one REST API token) with bursts of 16.
type RateLimit struct {
	// PerMinute is the sustained rate. Zero means 960.
	PerMinute int
	// Burst is how many requests may go at once after a quiet spell. Zero
	// means 16.
	Burst int
	// Disabled turns client-side pacing off. The pause after a 429 answer
	// still applies to every goroutine.
	Disabled bool
}

// WithToken authenticates with a REST API key (account or user token), sent
// as "Authorization: Token token=...".
func WithToken(token string) Option {
	return func(c *config) error {
		token = strings.TrimSpace(token)
		if token == "" {
			return errors.New("pagerduty: WithToken: the token is empty")
		}
		c.token = token
		return nil
	}
}

// WithTokenSource authenticates with OAuth 2.0 access tokens from ts, sent as
// "Authorization: Bearer ...". The source is asked before every attempt, so
// a refreshing source (see ClientCredentials) keeps long-running programs
// authenticated.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *config) error {
		if ts == nil {
			return errors.New("pagerduty: WithTokenSource: the token source is nil")
		}
		c.tokenSource = oauth2.ReuseTokenSource(nil, ts)
		return nil
	}
}

// WithRegion selects the service region (US or EU) and with it the API's
// base URL. WithBaseURL takes precedence over it.
func WithRegion(r Region) Option {
	return func(c *config) error {
		if err := r.validate(); err != nil {
			return err
		}
		c.region = r
		return nil
	}
}

// WithBaseURL sends requests to base instead of the region's API, for
// example a proxy, a mock, or pdtest's in-memory PagerDuty. It must be an
// absolute http or https URL.
func WithBaseURL(base string) Option {
	return func(c *config) error {
		u, err := httpcore.ParseBaseURL(base)
		if err != nil {
			return fmt.Errorf("pagerduty: WithBaseURL: %q %v, such as https://api.pagerduty.com", base, err)
		}
		c.baseURL = u
		return nil
	}
}

// WithHTTPClient sends requests through hc: its Transport, Timeout, and
// Jar are used; retries and rate limiting are layered on top. Nil means a
// client with its own pooled transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent replaces the User-Agent header, which by default names
// pdkit and its version.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		c.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithFrom sets the email address sent in the From header of write requests
// that the API attributes to a user (incident writes among them). A call's
// own From field takes precedence.
func WithFrom(email string) Option {
	return func(c *config) error {
		if _, err := mail.ParseAddress(email); err != nil || strings.ContainsAny(email, "<> ") {
			return fmt.Errorf("pagerduty: WithFrom: %q is not an email address of a PagerDuty user", email)
		}
		c.from = email
		return nil
	}
}

// WithLogger logs each attempt at debug level and each 429 or 5xx answer at
// warn level: method, path, status, and the wait asked for. Credentials,
// query strings and bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithRetry sets how failed requests are retried.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MinWait < 0 || p.MaxWait < 0 || p.MaxRetryAfter < 0 {
			return errors.New("pagerduty: WithRetry: waits must not be negative")
		}
		if p.MaxWait > 0 && p.MinWait > p.MaxWait {
			return fmt.Errorf("pagerduty: WithRetry: MinWait %s is more than MaxWait %s", p.MinWait, p.MaxWait)
		}
		c.retry = p
		return nil
	}
}

// WithRateLimit sets the client-side pacing of requests.
func WithRateLimit(rl RateLimit) Option {
	return func(c *config) error {
		if rl.PerMinute < 0 || rl.Burst < 0 {
			return errors.New("pagerduty: WithRateLimit: PerMinute and Burst must not be negative")
		}
		c.rateLimit = rl
		return nil
	}
}
