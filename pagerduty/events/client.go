package events

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/pdkit/pdkit/internal/httpcore"
	"github.com/pdkit/pdkit/pagerduty"
)

// The Events API's endpoints, relative to the base URL.
const (
	EnqueuePath       = "/v2/enqueue"
	ChangeEnqueuePath = "/v2/change/enqueue"
)

// Client sends events to the PagerDuty Events API v2. It is safe for
// concurrent use and should be shared: its connections and its per-routing-key
// pacing are shared by all goroutines.
//
// The zero Client is not usable; create one with [NewClient].
type Client struct {
	base       string
	routingKey RoutingKey
	userAgent  string
	http       *retryablehttp.Client
	limits     *keyLimiters
}

// NewClient returns a client configured by opts. Every misconfiguration is
// reported here, not at the first send. With no options it sends to the US
// Events API, and each event must carry its own routing key.
//
//	c, err := events.NewClient(events.WithRoutingKey(os.Getenv("PAGERDUTY_ROUTING_KEY")))
func NewClient(opts ...Option) (*Client, error) {
	var cfg config
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	c := &Client{base: cfg.baseURL, routingKey: cfg.routingKey, userAgent: cfg.userAgent}
	if c.base == "" {
		c.base = cfg.region.EventsURL()
	}
	if c.userAgent == "" {
		c.userAgent = httpcore.UserAgent()
	}
	rl := cfg.rateLimit
	if rl.Disabled {
		c.limits = newKeyLimiters(0, 0)
	} else {
		c.limits = newKeyLimiters(orInt(rl.PerMinute, DefaultPerMinute), orInt(rl.Burst, DefaultBurst))
	}

	// The chain, outermost first: retries, each attempt paced by the
	// limiter of the event's routing key (in post and PrepareRetry, outside
	// the http.Client so that pacing never counts against its Timeout),
	// then the pause after a 429, then the caller's transport.
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	}
	next := hc.Transport
	if next == nil {
		// Keep enough idle connections for SendAll's workers: the default
		// of two per host makes a burst open and close a connection for
		// nearly every event.
		next = httpcore.NewTransport(maxIdlePerHost)
	}
	hc.Transport = &pauseTransport{next: next}
	c.http = httpcore.NewClient(&hc, httpcore.Policy{
		MaxRetries:    cfg.retry.MaxRetries,
		MinWait:       cfg.retry.MinWait,
		MaxWait:       cfg.retry.MaxWait,
		MaxRetryAfter: cfg.retry.MaxRetryAfter,
		Logger:        cfg.logger,
	})
	c.http.PrepareRetry = func(r *http.Request) error { return wait(r.Context(), limiterOf(r.Context())) }
	return c, nil
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// BaseURL returns the URL events are sent to, without the endpoint path.
func (c *Client) BaseURL() string { return c.base }

// Send validates ev and sends it to /v2/enqueue. An event without a routing
// key gets the client's default.
//
// It returns a *ValidationError, without sending anything, when the API would
// refuse the event; a *pagerduty.APIError when PagerDuty refused it (a 400
// names what is wrong with the event, a 429 means its routing key is sending
// too much); and a wrapped transport or context error otherwise.
//
// 429 and 5xx answers and transient network failures are retried (see
// [WithRetry]), because PagerDuty deduplicates events by dedup key. A
// trigger without a DedupKey that is retried after a failure PagerDuty had in
// fact processed can open a second alert: set DedupKey on triggers that must
// never be duplicated.
func (c *Client) Send(ctx context.Context, ev Event) (*Response, error) {
	if ev.RoutingKey == "" {
		ev.RoutingKey = c.routingKey
	}
	body, err := encodeEvent(ev)
	if err != nil {
		return nil, err
	}
	return c.post(ctx, EnqueuePath, ev.RoutingKey, body)
}

// Acknowledge acknowledges the alert with dedupKey through the client's
// default routing key: its notifications stop while someone works on it.
func (c *Client) Acknowledge(ctx context.Context, dedupKey string) (*Response, error) {
	return c.Send(ctx, Event{Action: Acknowledge, DedupKey: dedupKey})
}

// Resolve resolves the alert with dedupKey through the client's default
// routing key.
func (c *Client) Resolve(ctx context.Context, dedupKey string) (*Response, error) {
	return c.Send(ctx, Event{Action: Resolve, DedupKey: dedupKey})
}

// SendChange validates ce and sends it to /v2/change/enqueue. A change event
// without a routing key gets the client's default. Errors are as for
// [Client.Send].
func (c *Client) SendChange(ctx context.Context, ce ChangeEvent) (*Response, error) {
	if ce.RoutingKey == "" {
		ce.RoutingKey = c.routingKey
	}
	body, err := encodeChange(ce)
	if err != nil {
		return nil, err
	}
	return c.post(ctx, ChangeEnqueuePath, ce.RoutingKey, body)
}

// post sends one encoded event and decodes the answer.
func (c *Client) post(ctx context.Context, path string, key RoutingKey, body []byte) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("events: nil context: pass context.Background() or a request's context")
	}
	ctx = httpcore.WithMethod(ctx, http.MethodPost)
	ctx = httpcore.WithRetrySafe(ctx)
	l := c.limits.get(key)
	ctx = withLimiter(ctx, l)
	if err := wait(ctx, l); err != nil {
		return nil, fmt.Errorf("events: POST %s: %w", path, err)
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, c.base+path, body)
	if err != nil {
		return nil, fmt.Errorf("events: POST %s: %w", path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("events: POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return nil, fmt.Errorf("events: POST %s: reading the answer: %w", path, err)
	}
	if resp.StatusCode >= 300 {
		return nil, newAPIError(resp, path, b)
	}
	var w wireResponse
	if len(bytes.TrimSpace(b)) > 0 {
		if err := json.Unmarshal(b, &w); err != nil {
			return nil, fmt.Errorf("events: POST %s: the event was accepted (%d) but the answer is not JSON: %w", path, resp.StatusCode, err)
		}
	}
	return &Response{Status: w.Status, Message: w.Message, DedupKey: w.DedupKey}, nil
}

// maxIdlePerHost is how many idle connections to the Events API a client
// keeps when it made its own transport.
const maxIdlePerHost = 64

// maxAnswer is how much of an answer is read: the API's answers are a few
// hundred bytes.
const maxAnswer = 64 << 10

// newAPIError turns a refusal into a *pagerduty.APIError. The Events API's
// error answer is {"status": ..., "message": ..., "errors": [...]}: Message
// gets the status and the message ("invalid event: Event object is
// invalid"), Errors the details. It never holds the routing key.
func newAPIError(resp *http.Response, path string, body []byte) *pagerduty.APIError {
	e := &pagerduty.APIError{
		StatusCode: resp.StatusCode,
		Method:     http.MethodPost,
		Path:       path,
		RequestID:  resp.Header.Get("X-Request-Id"),
	}
	if d, ok := httpcore.RetryAfter(resp); ok && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		e.RetryAfter = d
	}
	var w wireResponse
	if err := json.Unmarshal(body, &w); err == nil {
		e.Errors = w.Errors
		switch {
		case w.Status != "" && w.Message != "" && !strings.Contains(w.Message, w.Status):
			e.Message = w.Status + ": " + w.Message
		case w.Message != "":
			e.Message = w.Message
		default:
			e.Message = w.Status
		}
	} else if t := bytes.TrimSpace(body); len(t) > 0 && !bytes.HasPrefix(t, []byte("<")) {
		e.Message = string(t[:min(len(t), 200)])
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.Message += " (the Events API limits each routing key: slow down the events of this integration)"
	}
	return e
}
