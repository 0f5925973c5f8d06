package mcptools

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// defaultWebhookEvents are the incident events a new subscription sends
// when the caller names none: the life of an incident.
var defaultWebhookEvents = []string{
	"incident.triggered", "incident.acknowledged", "incident.unacknowledged", "incident.escalated", "incident.reassigned",
	"incident.priority_updated", "incident.annotated", "incident.resolved", "incident.reopened",
}

// webhookEvent is the shape of an event type: incident.triggered,
// incident.responder.added, service.updated.
var webhookEvent = regexp.MustCompile(`^[a-z_]+(\.[a-z_]+){1,3}$`)

// Webhook is the trimmed webhook subscription tools answer with.
type Webhook struct {
	ID  string `json:"id"`
	URL string `json:"url"`
	// Scope is account, or the service or team whose events are sent.
	Scope       string   `json:"scope"`
	Events      []string `json:"events"`
	Description string   `json:"description,omitempty"`
	Active      bool     `json:"active"`
	// Paused is true when PagerDuty stopped deliveries after repeated
	// failures.
	Paused bool `json:"paused,omitempty"`
	// Secret signs the deliveries: present only at creation, when asked
	// for.
	Secret string `json:"secret,omitempty"`
}

func trimWebhook(w *pagerduty.WebhookSubscription) Webhook {
	scope := "account"
	if w.Filter.Type != pagerduty.WebhookFilterAccount && w.Filter.ID != "" {
		scope = strings.TrimSuffix(string(w.Filter.Type), "_reference") + " " + w.Filter.ID
	}
	return Webhook{ID: w.ID, URL: w.DeliveryMethod.URL, Scope: scope, Events: w.Events, Description: w.Description,
		Active: w.Active, Paused: w.DeliveryMethod.TemporarilyDisabled}
}

func (w *Webhook) state() string {
	switch {
	case !w.Active:
		return "inactive"
	case w.Paused:
		return "paused after failed deliveries"
	}
	return "active"
}

func (w *Webhook) line() string {
	s := fmt.Sprintf("%s %s [%s] - %s - %s", w.ID, w.URL, w.state(), w.Scope, plural(len(w.Events), "event type"))
	if w.Description != "" {
		s += " - " + truncate(w.Description, 80)
	}
	return s
}

func (w *Webhook) text() string {
	s := "Webhook " + w.line() + "\nEvents: " + strings.Join(w.Events, ", ")
	if w.Secret != "" {
		s += "\nSigning secret (PagerDuty shows it only now; store it where the receiver verifies signatures): " + w.Secret
	}
	return s
}

type listWebhooksIn struct {
	Service string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep the subscriptions of this service: its ID or name."`
	Team    string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep the subscriptions of this team: its ID or name."`
	Limit   int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many subscriptions to return, 1 to 100 (default 25)."`
	Cursor  string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// WebhookList is a page of webhook subscriptions.
type WebhookList struct {
	Webhooks []Webhook `json:"webhooks"`
	PageInfo
}

func (l *WebhookList) text() string {
	return l.header(len(l.Webhooks), "webhook subscription") + lines(l.Webhooks, (*Webhook).line) + l.footer()
}

var listWebhookSubscriptions = &tool[listWebhooksIn, *WebhookList]{
	spec: spec{
		name:    "list_webhook_subscriptions",
		title:   "List webhook subscriptions",
		toolset: ToolsetWebhooks,
		description: `Lists webhook (v3) subscriptions, one line each: ID, URL, state (active, inactive, or paused after failed deliveries), whose events (account, a service or a team) and how many event types.
Use it to check which endpoints receive PagerDuty's events and whether deliveries work. Pages of limit subscriptions (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listWebhooksIn) (*WebhookList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_webhook_subscriptions", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListWebhookSubscriptionsOptions{ListOptions: pg.options()}
		switch {
		case in.Service != "" && in.Team != "":
			return nil, argError("team", "give service or team, not both")
		case in.Service != "":
			opts.Scope = pagerduty.WebhookScopeService
			if opts.ScopeID, err = resolveService(ctx, c, "service", in.Service); err != nil {
				return nil, err
			}
		case in.Team != "":
			opts.Scope = pagerduty.WebhookScopeTeam
			if opts.ScopeID, err = resolveTeam(ctx, c, "team", in.Team); err != nil {
				return nil, err
			}
		}
		p, err := c.client.WebhookSubscriptions.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &WebhookList{Webhooks: trimEach(p.Items, trimWebhook), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type createWebhookIn struct {
	URL         string   `json:"url" jsonschema:"required,minLength=1,maxLength=2000" jsonschema_description:"The https URL that receives the events."`
	Events      []string `json:"events,omitempty" jsonschema:"maxItems=40,uniqueItems=true" jsonschema_description:"Event types to send, such as incident.triggered, incident.resolved, incident.priority_updated, incident.responder.added, service.updated. Default: the incident life cycle (triggered, acknowledged, unacknowledged, escalated, reassigned, priority_updated, annotated, resolved, reopened)."`
	Service     string   `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Send only this service's events: its ID or name. Default: the whole account."`
	Team        string   `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Send only this team's events: its ID or name. Default: the whole account."`
	Description string   `json:"description,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"What the endpoint is for."`
	ShowSecret  bool     `json:"show_secret,omitempty" jsonschema_description:"Return the secret that signs deliveries. PagerDuty shows it only in this answer, and it is a credential: ask for it only when the user will store it in the receiver now. Default false."`
}

var createWebhookSubscription = &tool[createWebhookIn, *Webhook]{
	spec: spec{
		name:    "create_webhook_subscription",
		title:   "Create a webhook subscription",
		toolset: ToolsetWebhooks,
		write:   true,
		description: `Sends PagerDuty's events (webhooks v3) to an https endpoint: incident events of the whole account by default, or of one service or team. Use test_webhook_subscription next to send a test delivery.
Returns the subscription's ID. The signing secret is withheld unless show_secret is true; PagerDuty never shows it again.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in createWebhookIn) (*Webhook, error) {
		u, err := url.Parse(strings.TrimSpace(in.URL))
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, argError("url", "%q is not an https URL such as https://example.com/pagerduty: PagerDuty delivers over https", truncate(in.URL, 80))
		}
		events := in.Events
		if len(events) == 0 {
			events = defaultWebhookEvents
		}
		for i, ev := range events {
			if !webhookEvent.MatchString(ev) {
				return nil, argError(fmt.Sprintf("events[%d]", i), "%q is not an event type: use names such as incident.triggered or service.updated", truncate(ev, 60))
			}
		}
		p := &pagerduty.CreateWebhookSubscriptionParams{URL: u.String(), Events: events, Description: strings.TrimSpace(in.Description),
			Filter: pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterAccount}}
		switch {
		case in.Service != "" && in.Team != "":
			return nil, argError("team", "give service or team, not both")
		case in.Service != "":
			p.Filter.Type = pagerduty.WebhookFilterService
			if p.Filter.ID, err = resolveService(ctx, c, "service", in.Service); err != nil {
				return nil, err
			}
		case in.Team != "":
			p.Filter.Type = pagerduty.WebhookFilterTeam
			if p.Filter.ID, err = resolveTeam(ctx, c, "team", in.Team); err != nil {
				return nil, err
			}
		}
		w, err := c.client.WebhookSubscriptions.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		out := trimWebhook(w)
		if in.ShowSecret {
			out.Secret = w.DeliveryMethod.Secret
		}
		return &out, nil
	},
}

type testWebhookIn struct {
	Webhook string `json:"webhook" jsonschema:"required,minLength=1,maxLength=2000" jsonschema_description:"The subscription: its ID, or the URL it delivers to."`
}

// WebhookTest is the state of a subscription and the test delivery sent.
type WebhookTest struct {
	Webhook
	// PingSent is true when PagerDuty accepted the test event; it delivers
	// it shortly after.
	PingSent bool `json:"ping_sent"`
}

func (w *WebhookTest) text() string {
	s := "Webhook " + w.line()
	if w.PingSent {
		s += "\nPagerDuty accepted a test event (pagey.ping) and delivers it within moments: check that the endpoint received it."
	}
	if w.Paused {
		s += "\nDeliveries are paused after repeated failures: fix the endpoint, then re-enable the subscription in PagerDuty."
	}
	if !w.Active {
		s += "\nThe subscription is inactive: it sends no events until it is turned on."
	}
	return s
}

var testWebhookSubscription = &tool[testWebhookIn, *WebhookTest]{
	spec: spec{
		name:    "test_webhook_subscription",
		title:   "Test a webhook subscription",
		toolset: ToolsetWebhooks,
		write:   true,
		description: `Checks a webhook endpoint's health: reports whether the subscription is active or paused after failed deliveries, then asks PagerDuty to send it a test event (pagey.ping).
PagerDuty delivers the ping after the call returns and does not report whether the endpoint accepted it: check the receiving side. Give the subscription's ID or its URL.`,
		notFound: "list_webhook_subscriptions",
	},
	handler: func(ctx context.Context, c *call, in testWebhookIn) (*WebhookTest, error) {
		v := strings.TrimSpace(in.Webhook)
		var w *pagerduty.WebhookSubscription
		if strings.Contains(v, "://") {
			for s, err := range c.client.WebhookSubscriptions.List(ctx, nil) {
				if err != nil {
					return nil, err
				}
				if strings.EqualFold(strings.TrimRight(s.DeliveryMethod.URL, "/"), strings.TrimRight(v, "/")) {
					if w != nil {
						return nil, argError("webhook", "several subscriptions deliver to %s (%s and %s): pass one ID", truncate(v, 80), w.ID, s.ID)
					}
					w = &s
				}
			}
			if w == nil {
				return nil, argError("webhook", "no subscription delivers to %s: list_webhook_subscriptions shows them", truncate(v, 80))
			}
		} else {
			id, err := checkID("webhook", v)
			if err != nil {
				return nil, err
			}
			if w, err = c.client.WebhookSubscriptions.Get(ctx, id); err != nil {
				return nil, err
			}
		}
		out := &WebhookTest{Webhook: trimWebhook(w)}
		if err := c.client.WebhookSubscriptions.Ping(ctx, w.ID); err != nil {
			return nil, err
		}
		out.PingSent = true
		return out, nil
	},
}
