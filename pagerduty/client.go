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
	// Addons reads and changes add-ons: custom pages embedded in the PagerDuty
	// web app.
	Addons *AddonsService
	// AlertGroupingSettings reads and changes alert grouping settings: how
	// alerts of services are grouped into incidents.
	AlertGroupingSettings *AlertGroupingSettingsService
	// Analytics reads aggregated metrics and raw data about incidents, services,
	// teams, escalation policies, responders and users.
	Analytics *AnalyticsService
	// Audit reads the account's audit trail.
	Audit *AuditService
	// AutomationActions reads and changes automation actions, their runners, and
	// invokes them.
	AutomationActions *AutomationActionsService
	// BusinessServices reads and changes business services, their subscribers,
	// priority thresholds and impacts.
	BusinessServices *BusinessServicesService
	// ChangeEvents reads and sends change events (deploys, config changes).
	ChangeEvents *ChangeEventsService
	// Enrichment reads and changes event enrichments, enrichment integrations
	// (ServiceNow) and enrichment schemas.
	Enrichment *EnrichmentService
	// EscalationPolicies reads and changes escalation policies.
	EscalationPolicies *EscalationPoliciesService
	// EventOrchestrations reads and changes event orchestrations: their global,
	// router, service and unrouted rules, integrations and cache variables.
	EventOrchestrations *EventOrchestrationsService
	// ExtensionSchemas reads the extension schemas: the kinds of extensions
	// (vendors' outbound integrations) the account can add.
	ExtensionSchemas *ExtensionSchemasService
	// Extensions reads and changes extensions: outbound integrations attached to
	// services.
	Extensions *ExtensionsService
	// IPAllowLists reads and changes the IP allow lists that restrict where the
	// account can be reached from.
	IPAllowLists *IPAllowListsService
	// IncidentCustomFields reads and changes the account's incident custom
	// fields and their options.
	IncidentCustomFields *IncidentCustomFieldsService
	// IncidentTypes reads and changes incident types and their custom fields.
	IncidentTypes *IncidentTypesService
	// IncidentWorkflows reads and changes incident workflows, their actions and
	// triggers, and starts workflow instances.
	IncidentWorkflows *IncidentWorkflowsService
	// Incidents reads and changes incidents, their notes, alerts, responders and
	// status updates.
	Incidents *IncidentsService
	// Licenses reads the account's licenses and their allocation to users.
	Licenses *LicensesService
	// LogEntries reads the account's log entries.
	LogEntries *LogEntriesService
	// MaintenanceWindows reads and changes maintenance windows.
	MaintenanceWindows *MaintenanceWindowsService
	// Notifications reads the notifications PagerDuty sent over a window.
	Notifications *NotificationsService
	// OAuthDelegations revokes OAuth delegations (app authorizations) and
	// reports on revocations.
	OAuthDelegations *OAuthDelegationsService
	// OnCalls lists who is on call, when, and for which escalation policy.
	OnCalls *OnCallsService
	// PausedIncidentReports reads reports on incidents whose notifications
	// auto-pause held back.
	PausedIncidentReports *PausedIncidentReportsService
	// Priorities lists the account's incident priorities.
	Priorities *PrioritiesService
	// Recommendations reads, accepts and dismisses recommended event
	// orchestration rules.
	Recommendations *RecommendationsService
	// Rulesets reads and changes rulesets and their event rules (the
	// predecessors of event orchestrations).
	Rulesets *RulesetsService
	// SREAgent reads and changes the memories of PagerDuty's SRE agent.
	SREAgent *SREAgentService
	// Schedules reads and changes on-call schedules and their overrides.
	Schedules *SchedulesService
	// SchedulesV3 reads and changes schedules through the v3 schedules API
	// (rotations, events, custom shifts).
	SchedulesV3 *SchedulesV3Service
	// ServiceCustomFields reads and changes service custom fields, their
	// options, and the values services hold.
	ServiceCustomFields *ServiceCustomFieldsService
	// ServiceDependencies reads and changes the dependencies between business
	// and technical services.
	ServiceDependencies *ServiceDependenciesService
	// Services reads and changes services and their integrations.
	Services *ServicesService
	// SessionConfigurations reads and changes the account's session timeout
	// configuration.
	SessionConfigurations *SessionConfigurationsService
	// Standards reads the service standards and how services score against them.
	Standards *StandardsService
	// StatusDashboards reads status dashboards and the impacts they show.
	StatusDashboards *StatusDashboardsService
	// StatusPages reads and changes status pages: their posts, post updates,
	// postmortems, impacts, severities, statuses and subscriptions.
	StatusPages *StatusPagesService
	// Tags reads and changes tags and the users, teams and escalation policies
	// they are attached to.
	Tags *TagsService
	// Teams reads and changes teams and their members.
	Teams *TeamsService
	// Templates reads, changes and renders message templates (status update and
	// notification templates).
	Templates *TemplatesService
	// Users reads and changes users, their contact methods and notification
	// rules.
	Users *UsersService
	// Vendors reads the vendors (monitoring tools) that integrations can be made
	// for.
	Vendors *VendorsService
	// WebhookSubscriptions reads and changes webhook (v3) subscriptions, and
	// sends test pings.
	WebhookSubscriptions *WebhookSubscriptionsService
	// WorkflowIntegrations reads and changes workflow integrations and their
	// connections, used by incident workflow actions.
	WorkflowIntegrations *WorkflowIntegrationsService
	base                 string
	region               Region
	from                 string
	http                 *retryablehttp.Client
	limiter              *httpcore.Limiter
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
		next = httpcore.NewTransport(httpcore.DefaultMaxIdleConnsPerHost)
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
	c.Addons = (*AddonsService)(s)
	c.AlertGroupingSettings = (*AlertGroupingSettingsService)(s)
	c.Analytics = (*AnalyticsService)(s)
	c.Audit = (*AuditService)(s)
	c.AutomationActions = (*AutomationActionsService)(s)
	c.BusinessServices = (*BusinessServicesService)(s)
	c.ChangeEvents = (*ChangeEventsService)(s)
	c.Enrichment = (*EnrichmentService)(s)
	c.EscalationPolicies = (*EscalationPoliciesService)(s)
	c.EventOrchestrations = (*EventOrchestrationsService)(s)
	c.ExtensionSchemas = (*ExtensionSchemasService)(s)
	c.Extensions = (*ExtensionsService)(s)
	c.IPAllowLists = (*IPAllowListsService)(s)
	c.IncidentCustomFields = (*IncidentCustomFieldsService)(s)
	c.IncidentTypes = (*IncidentTypesService)(s)
	c.IncidentWorkflows = (*IncidentWorkflowsService)(s)
	c.Incidents = (*IncidentsService)(s)
	c.Licenses = (*LicensesService)(s)
	c.LogEntries = (*LogEntriesService)(s)
	c.MaintenanceWindows = (*MaintenanceWindowsService)(s)
	c.Notifications = (*NotificationsService)(s)
	c.OAuthDelegations = (*OAuthDelegationsService)(s)
	c.OnCalls = (*OnCallsService)(s)
	c.PausedIncidentReports = (*PausedIncidentReportsService)(s)
	c.Priorities = (*PrioritiesService)(s)
	c.Recommendations = (*RecommendationsService)(s)
	c.Rulesets = (*RulesetsService)(s)
	c.SREAgent = (*SREAgentService)(s)
	c.Schedules = (*SchedulesService)(s)
	c.SchedulesV3 = (*SchedulesV3Service)(s)
	c.ServiceCustomFields = (*ServiceCustomFieldsService)(s)
	c.ServiceDependencies = (*ServiceDependenciesService)(s)
	c.Services = (*ServicesService)(s)
	c.SessionConfigurations = (*SessionConfigurationsService)(s)
	c.Standards = (*StandardsService)(s)
	c.StatusDashboards = (*StatusDashboardsService)(s)
	c.StatusPages = (*StatusPagesService)(s)
	c.Tags = (*TagsService)(s)
	c.Teams = (*TeamsService)(s)
	c.Templates = (*TemplatesService)(s)
	c.Users = (*UsersService)(s)
	c.Vendors = (*VendorsService)(s)
	c.WebhookSubscriptions = (*WebhookSubscriptionsService)(s)
	c.WorkflowIntegrations = (*WorkflowIntegrationsService)(s)
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
	// header holds extra headers, such as X-EARLY-ACCESS.
	header http.Header
	// raw, when set, is sent as the body instead of body as JSON, with the
	// content type contentType (a CSV upload, for example).
	raw         []byte
	contentType string
}

// mediaType is the Accept header: the versioned PagerDuty type first, then
// plain JSON (which some mocks and proxies insist on).
const mediaType = "application/vnd.pagerduty+json;version=2, application/json"

// send performs r and returns the answer of a successful call with its body
// unread; the caller closes it. An answer with status >= 400 becomes an
// *APIError; a transport failure is wrapped with the request's method and
// path.
func (c *Client) send(ctx context.Context, r *request) (*http.Response, error) {
	body := r.raw
	if body == nil && r.body != nil {
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
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for k, vs := range r.header {
		req.Header[http.CanonicalHeaderKey(k)] = vs
	}
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

// decodeJSON is the one place single answers are decoded (lists go through
// decodePage): the body is read whole, then decoded in one pass by the fast
// decoder of decode.go.
func decodeJSON(r io.Reader, v any) error {
	b, err := readBody(r, 0)
	if err != nil {
		return fmt.Errorf("reading the answer: %w", err)
	}
	return unmarshal(b, v)
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
