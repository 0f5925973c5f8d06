package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
)

// WebhookFilterType is the kind of object whose events a webhook
// subscription receives.
type WebhookFilterType string

// The webhook subscription filters.
const (
	// WebhookFilterAccount receives the events of the whole account (no ID).
	WebhookFilterAccount WebhookFilterType = "account_reference"
	// WebhookFilterService receives the events of one service.
	WebhookFilterService WebhookFilterType = "service_reference"
	// WebhookFilterTeam receives the events of one team.
	WebhookFilterTeam WebhookFilterType = "team_reference"
)

// WebhookScope selects webhook subscriptions by the kind of object they
// filter on, in a listing.
type WebhookScope string

// The scopes of a webhook subscription listing.
const (
	WebhookScopeAccount WebhookScope = "account"
	WebhookScopeService WebhookScope = "service"
	WebhookScopeTeam    WebhookScope = "team"
)

// WebhookSubscription sends PagerDuty's events (v3 webhooks) to a URL. The
// package pagerduty/webhooks verifies and decodes what it sends.
type WebhookSubscription struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	// Active reports whether events are sent.
	Active      bool   `json:"active"`
	Description string `json:"description,omitempty"`
	// Events are the event types sent, such as "incident.triggered".
	Events []string `json:"events"`
	// Filter says whose events are sent.
	Filter         WebhookFilter         `json:"filter"`
	DeliveryMethod WebhookDeliveryMethod `json:"delivery_method"`
	// OAuthClient is the OAuth client whose token each delivery carries,
	// when one is set.
	OAuthClient *Reference `json:"oauth_client,omitempty"`
}

// WebhookFilter names the object whose events a subscription receives.
type WebhookFilter struct {
	// ID is the service or team; empty for WebhookFilterAccount.
	ID   string            `json:"id,omitempty"`
	Type WebhookFilterType `json:"type"`
}

// WebhookDeliveryMethod says where and how events are delivered.
type WebhookDeliveryMethod struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
	// URL receives the events.
	URL string `json:"url"`
	// Secret signs the deliveries. PagerDuty returns it once, in the answer
	// to the creation; keep it to verify signatures (pagerduty/webhooks).
	Secret string `json:"secret,omitempty"`
	// TemporarilyDisabled reports deliveries stopped after repeated
	// failures; Enable resumes them.
	TemporarilyDisabled bool `json:"temporarily_disabled,omitempty"`
	// CustomHeaders are sent with every delivery.
	CustomHeaders []WebhookHeader `json:"custom_headers,omitempty"`
}

// WebhookHeader is a header sent with every delivery.
type WebhookHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ListWebhookSubscriptionsOptions filters a webhook subscription listing.
type ListWebhookSubscriptionsOptions struct {
	ListOptions
	// Scope keeps the subscriptions of one kind of filter.
	Scope WebhookScope `url:"filter_type"`
	// ScopeID keeps the subscriptions of one service or team (with Scope
	// WebhookScopeService or WebhookScopeTeam).
	ScopeID string `url:"filter_id"`
}

func (o *ListWebhookSubscriptionsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOfIfSet("Scope", o.Scope, WebhookScopeAccount, WebhookScopeService, WebhookScopeTeam); err != nil {
		return nil, ListOptions{}, err
	}
	if err := optionalID("ScopeID", o.ScopeID); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the account's webhook subscriptions.
//
// OAuth scope webhook_subscriptions.read.
func (s *WebhookSubscriptionsService) List(ctx context.Context, opts *ListWebhookSubscriptionsOptions) iter.Seq2[WebhookSubscription, error] {
	return offsetSeqAt[WebhookSubscription](ctx, s.client, "/webhook_subscriptions", "webhook_subscriptions", opts.query)
}

// ListPage returns one page of the account's webhook subscriptions.
//
// OAuth scope webhook_subscriptions.read.
func (s *WebhookSubscriptionsService) ListPage(ctx context.Context, opts *ListWebhookSubscriptionsOptions) (*Page[WebhookSubscription], error) {
	return offsetPageAt[WebhookSubscription](ctx, s.client, "/webhook_subscriptions", "webhook_subscriptions", opts.query)
}

// Get returns the webhook subscription id.
//
// OAuth scope webhook_subscriptions.read.
func (s *WebhookSubscriptionsService) Get(ctx context.Context, id string) (*WebhookSubscription, error) {
	path, err := expandPath("/webhook_subscriptions/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[WebhookSubscription](ctx, s.client, &request{method: "GET", path: path}, "webhook_subscription")
}

// CreateWebhookSubscriptionParams defines a webhook subscription.
type CreateWebhookSubscriptionParams struct {
	// URL receives the events (required, https in production).
	URL string
	// Events are the event types to send (required), such as
	// "incident.triggered".
	Events []string
	// Filter says whose events to send (required).
	Filter      WebhookFilter
	Description string
	// Active sends events from the start; nil leaves the API's default
	// (active).
	Active *bool
	// CustomHeaders are sent with every delivery.
	CustomHeaders []WebhookHeader
	// OAuthClientID names an OAuth client (CreateOAuthClient) whose token
	// each delivery carries.
	OAuthClientID string
}

func checkFilter(field string, f WebhookFilter) error {
	if f.Type == "" {
		return required(field+".Type", "one of account_reference, service_reference, team_reference")
	}
	if err := oneOf(field+".Type", []WebhookFilterType{f.Type}, WebhookFilterAccount, WebhookFilterService, WebhookFilterTeam); err != nil {
		return err
	}
	if f.Type != WebhookFilterAccount || f.ID != "" {
		if err := ValidateID(f.ID); err != nil {
			return namedFieldErr(field+".ID", err)
		}
	}
	return nil
}

func checkEvents(events []string) error {
	for i, e := range events {
		if e == "" {
			return fmt.Errorf("pagerduty: Events[%d] is empty: name an event type such as \"incident.triggered\"", i)
		}
	}
	return nil
}

func (p *CreateWebhookSubscriptionParams) body() (any, error) {
	if p == nil || p.URL == "" {
		return nil, required("URL", "the address that receives the events, such as https://example.com/pagerduty")
	}
	if u, err := url.Parse(p.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("pagerduty: URL %q is not an absolute http(s) URL such as https://example.com/pagerduty", truncate(p.URL, 80))
	}
	if len(p.Events) == 0 {
		return nil, required("Events", "at least one event type, such as \"incident.triggered\"")
	}
	if err := checkEvents(p.Events); err != nil {
		return nil, err
	}
	if err := checkFilter("Filter", p.Filter); err != nil {
		return nil, err
	}
	for i, h := range p.CustomHeaders {
		if h.Name == "" {
			return nil, fmt.Errorf("pagerduty: CustomHeaders[%d].Name is empty: every header needs a name", i)
		}
	}
	dm := map[string]any{"type": "http_delivery_method", "url": p.URL}
	if len(p.CustomHeaders) > 0 {
		dm["custom_headers"] = p.CustomHeaders
	}
	w := map[string]any{
		"type":            "webhook_subscription",
		"delivery_method": dm,
		"events":          p.Events,
		"filter":          p.Filter,
	}
	if p.Description != "" {
		w["description"] = p.Description
	}
	if p.Active != nil {
		w["active"] = *p.Active
	}
	if p.OAuthClientID != "" {
		if err := ValidateID(p.OAuthClientID); err != nil {
			return nil, namedFieldErr("OAuthClientID", err)
		}
		w["oauth_client"] = map[string]string{"id": p.OAuthClientID, "type": "oauth_client_reference"}
	}
	return map[string]any{"webhook_subscription": w}, nil
}

// Create adds a webhook subscription and returns it, with the secret that
// signs its deliveries (DeliveryMethod.Secret): PagerDuty shows it only
// here.
//
// OAuth scope webhook_subscriptions.write.
func (s *WebhookSubscriptionsService) Create(ctx context.Context, p *CreateWebhookSubscriptionParams) (*WebhookSubscription, error) {
	return sendAt[WebhookSubscription](ctx, s.client, "POST", "/webhook_subscriptions", "webhook_subscription", p.body)
}

// UpdateWebhookSubscriptionParams changes a webhook subscription: nil and
// empty fields keep their values. The delivery URL cannot change.
type UpdateWebhookSubscriptionParams struct {
	Description *string
	// Events replaces the event types sent.
	Events []string
	// Filter replaces whose events are sent.
	Filter *WebhookFilter
	// Active starts or stops deliveries.
	Active *bool
	// OAuthClientID links an OAuth client; a pointer to "" unlinks it.
	OAuthClientID *string
}

func (p *UpdateWebhookSubscriptionParams) body() (any, error) {
	if p == nil {
		p = &UpdateWebhookSubscriptionParams{}
	}
	w := map[string]any{}
	if p.Description != nil {
		w["description"] = *p.Description
	}
	if p.Events != nil {
		if len(p.Events) == 0 {
			return nil, errors.New("pagerduty: Events is empty: a subscription needs at least one event type (nil keeps them)")
		}
		if err := checkEvents(p.Events); err != nil {
			return nil, err
		}
		w["events"] = p.Events
	}
	if p.Filter != nil {
		if err := checkFilter("Filter", *p.Filter); err != nil {
			return nil, err
		}
		w["filter"] = p.Filter
	}
	if p.Active != nil {
		w["active"] = *p.Active
	}
	if p.OAuthClientID != nil {
		if *p.OAuthClientID == "" {
			w["oauth_client_id"] = nil
		} else {
			if err := ValidateID(*p.OAuthClientID); err != nil {
				return nil, namedFieldErr("OAuthClientID", err)
			}
			w["oauth_client_id"] = *p.OAuthClientID
		}
	}
	if len(w) == 0 {
		return nil, errors.New("pagerduty: the update changes nothing: set Description, Events, Filter, Active or OAuthClientID")
	}
	return map[string]any{"webhook_subscription": w}, nil
}

// Update changes the webhook subscription id and returns it.
//
// OAuth scope webhook_subscriptions.write.
func (s *WebhookSubscriptionsService) Update(ctx context.Context, id string, p *UpdateWebhookSubscriptionParams) (*WebhookSubscription, error) {
	return sendAt[WebhookSubscription](ctx, s.client, "PUT", "/webhook_subscriptions/{id}", "webhook_subscription", p.body, id)
}

// Delete removes the webhook subscription id.
//
// OAuth scope webhook_subscriptions.write.
func (s *WebhookSubscriptionsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/webhook_subscriptions/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// Enable resumes the deliveries of the webhook subscription id after
// PagerDuty stopped them for repeated failures, and returns it.
//
// OAuth scope webhook_subscriptions.write.
func (s *WebhookSubscriptionsService) Enable(ctx context.Context, id string) (*WebhookSubscription, error) {
	path, err := expandPath("/webhook_subscriptions/{id}/enable", id)
	if err != nil {
		return nil, err
	}
	// Enabling twice leaves the same state.
	return objectCall[WebhookSubscription](ctx, s.client, &request{method: "POST", path: path, retrySafe: true}, "webhook_subscription")
}

// Ping sends a test event (pagey.ping) to the webhook subscription id. The
// API accepts it at once and delivers it later.
//
// OAuth scope webhook_subscriptions.write.
func (s *WebhookSubscriptionsService) Ping(ctx context.Context, id string) error {
	path, err := expandPath("/webhook_subscriptions/{id}/ping", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "POST", path: path}, nil)
}
