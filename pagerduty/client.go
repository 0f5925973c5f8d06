package pagerduty

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/pdkit/pdkit/internal/httpcore"
)

// Client talks to the PagerDuty REST API v2. One Client is safe for
// concurrent use by many goroutines and should be shared: its connections,
// its rate limiter and its pause after a 429 are shared by all of them.
//
// Each area of the API is a service reached through a field, for example
// c.Incidents.List or c.Users.GetCurrent.
type Client struct {
	// Abilities lists the account's abilities (features of its plan).
	Abilities *AbilitiesService
	// ChangeEvents reads and sends change events (deploys, config changes).
	ChangeEvents *ChangeEventsService
	// EscalationPolicies reads and changes escalation policies.
	EscalationPolicies *EscalationPoliciesService
	// Incidents reads and changes incidents, their notes, alerts, responders
	// and status updates.
	Incidents *IncidentsService
	// LogEntries reads the account's log entries.
	LogEntries *LogEntriesService
	// MaintenanceWindows reads and changes maintenance windows.
	MaintenanceWindows *MaintenanceWindowsService
	// OnCalls lists who is on call, when, and for which escalation policy.
	OnCalls *OnCallsService
	// Priorities lists the account's incident priorities.
	Priorities *PrioritiesService
	// Schedules reads and changes on-call schedules and their overrides.
	Schedules *SchedulesService
	// SchedulesV3 reads and changes schedules through the v3 schedules API
	// (rotations, events, custom shifts).
	SchedulesV3 *SchedulesV3Service
	// Services reads and changes services and their integrations.
	Services *ServicesService
	// Teams reads and changes teams and their members.
	Teams *TeamsService
	// Users reads and changes users, their contact methods and notification
	// rules.
	Users *UsersService

	base    string
	region  Region
	from    string
	http    *retryablehttp.Client
	limiter *httpcore.Limiter
}

// service is what every area of the API shares: the client.
type service struct{ client *Client }

// NewClient returns a client configured by opts. It needs credentials, one of
// WithToken, WithTokenSource or WithClientCredentials; every misconfiguration
// is reported here, not at the first request.
//
//	c, err := pagerduty.NewClient(pagerduty.WithToken(os.Getenv("PAGERDUTY_API_TOKEN")))
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
	if cfg.token == "" && cfg.tokenSource == nil {
		return nil, errors.New("pagerduty: no credentials: use WithToken (a REST API key), WithTokenSource or WithClientCredentials (OAuth)")
	}
	if cfg.token != "" && cfg.tokenSource != nil {
		return nil, errors.New("pagerduty: both an API token and an OAuth token source are set: use one")
	}
	c := &Client{base: cfg.baseURL, region: cfg.region, from: cfg.from}
	if c.base == "" {
		c.base = cfg.region.RESTURL()
	}
	ua := cfg.userAgent
	if ua == "" {
		ua = httpcore.UserAgent()
	}

	rl := cfg.rateLimit
	if rl.Disabled {
		c.limiter = httpcore.NewLimiter(0, 0)
	} else {
		c.limiter = httpcore.NewLimiter(orInt(rl.PerMinute, 960), orInt(rl.Burst, 16))
	}

	// The transport chain, outermost first: retries (retryablehttp), then for
	// each attempt the limiter, then credentials and User-Agent, then the
	// caller's transport.
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	}
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport.(*http.Transport).Clone()
	}
	hc.Transport = c.limiter.Transport(&authTransport{token: cfg.token, source: cfg.tokenSource, userAgent: ua, next: next})
	c.http = httpcore.NewClient(&hc, httpcore.Policy{
		MaxRetries:    cfg.retry.MaxRetries,
		MinWait:       cfg.retry.MinWait,
		MaxWait:       cfg.retry.MaxWait,
		MaxRetryAfter: cfg.retry.MaxRetryAfter,
		Logger:        cfg.logger,
	})

	s := &service{client: c}
	c.Abilities = (*AbilitiesService)(s)
	c.ChangeEvents = (*ChangeEventsService)(s)
	c.EscalationPolicies = (*EscalationPoliciesService)(s)
	c.Incidents = (*IncidentsService)(s)
	c.LogEntries = (*LogEntriesService)(s)
	c.MaintenanceWindows = (*MaintenanceWindowsService)(s)
	c.OnCalls = (*OnCallsService)(s)
	c.Priorities = (*PrioritiesService)(s)
	c.Schedules = (*SchedulesService)(s)
	c.SchedulesV3 = (*SchedulesV3Service)(s)
	c.Services = (*ServicesService)(s)
	c.Teams = (*TeamsService)(s)
	c.Users = (*UsersService)(s)
	return c, nil
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// BaseURL returns the REST API base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.base }

// Region returns the region the client was configured with (US unless
// WithRegion said otherwise).
func (c *Client) Region() Region {
	if c.region == "" {
		return US
	}
	return c.region
}

// request describes one API call.
type request struct {
	method string
	path   string // escaped, from expandPath
	query  url.Values
	body   any
	// from is the From header; empty means the client's default.
	from string
	// retrySafe marks a non-idempotent request as safe to send twice.
	retrySafe bool
}

// mediaType is the Accept header: the versioned PagerDuty type first, then
// plain JSON (which some mocks and proxies insist on).
const mediaType = "application/vnd.pagerduty+json;version=2, application/json"

// send performs r and returns the answer of a successful call with its body
// unread; the caller closes it. An answer with status >= 400 becomes an
// *APIError; a transport failure is wrapped with the request's method and
// path.
func (c *Client) send(ctx context.Context, r *request) (*http.Response, error) {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return nil, fmt.Errorf("pagerduty: %s %s: encoding the request body: %w", r.method, r.path, err)
		}
	}
	u := c.base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	ctx = httpcore.WithMethod(ctx, r.method)
	if r.retrySafe {
		ctx = httpcore.WithRetrySafe(ctx)
	}
	var rb any
	if body != nil {
		rb = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, u, rb)
	if err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	req.Header.Set("Accept", mediaType)
	req.Header.Set("Content-Type", "application/json")
	from := r.from
	if from == "" {
		from = c.from
	}
	if from != "" {
		req.Header.Set("From", from)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		var uo *httpcore.UnknownOutcomeError
		if errors.As(err, &uo) {
			return nil, &UnknownOutcomeError{Method: r.method, Path: r.path, Err: uo.Err}
		}
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, newAPIError(resp, r.method, r.path, b)
	}
	return resp, nil
}

// do performs r and decodes the JSON answer into out (nil: the body is
// discarded).
func (c *Client) do(ctx context.Context, r *request, out any) error {
	resp, err := c.send(ctx, r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := decodeJSON(resp.Body, out); err != nil {
		return fmt.Errorf("pagerduty: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}

// decodeJSON is the one place answers are decoded.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("the answer is empty")
		}
		return err
	}
	return nil
}

// UnknownOutcomeError reports a write that failed after it may have reached
// PagerDuty: it may or may not have been applied. It was not retried, because
// sending it again could apply it twice. Look up the resource (for example
// list recent incidents with the same title) before trying again. Writes
// that carry an idempotency key (an incident_key) are retried instead.
type UnknownOutcomeError struct {
	// Method and Path name the request.
	Method, Path string
	// Err is the transport failure.
	Err error
}

// Error says which request has an unknown outcome and why.
func (e *UnknownOutcomeError) Error() string {
	return fmt.Sprintf("pagerduty: %s %s: outcome unknown, the request may have been applied; check before trying again: %v", e.Method, e.Path, e.Err)
}

// Unwrap returns the transport failure.
func (e *UnknownOutcomeError) Unwrap() error { return e.Err }
