package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// StatusPageChannel is how a status page subscriber is told of posts.
type StatusPageChannel string

// The subscription channels; subscriptions through Slack are made in Slack
// and can only be read here.
const (
	SubscribeByEmail   StatusPageChannel = "email"
	SubscribeByWebhook StatusPageChannel = "webhook"
	SubscribeBySlack   StatusPageChannel = "slack"
)

// StatusPageSubscriptionStatus says whether a subscription is in force.
type StatusPageSubscriptionStatus string

// The subscription states: pending until the subscriber confirms.
const (
	StatusPageSubscriptionActive    StatusPageSubscriptionStatus = "active"
	StatusPageSubscriptionPending   StatusPageSubscriptionStatus = "pending"
	StatusPageSubscriptionSuspended StatusPageSubscriptionStatus = "suspended"
)

// StatusPageSubscribable names what a status page subscription follows.
type StatusPageSubscribable string

// The things a subscriber can follow: the whole page, one of its services,
// or one post.
const (
	SubscribeToPage    StatusPageSubscribable = "status_page"
	SubscribeToService StatusPageSubscribable = "status_page_service"
	SubscribeToPost    StatusPageSubscribable = "status_page_post"
)

// StatusPageSubscription is someone (an email address or a webhook) told of
// a status page's posts.
type StatusPageSubscription struct {
	ID      string            `json:"id"`
	Type    string            `json:"type,omitempty"`
	Self    string            `json:"self,omitempty"`
	Channel StatusPageChannel `json:"channel"`
	// Contact is the email address or webhook URL.
	Contact    string                       `json:"contact"`
	Status     StatusPageSubscriptionStatus `json:"status"`
	StatusPage *Reference                   `json:"status_page,omitempty"`
	// Subscribed is what the subscription follows: the page, a service or a
	// post (Subscribed.Type is a StatusPageSubscribable).
	Subscribed *Reference `json:"subscribable_object,omitempty"`
}

// StatusPageSubscriptionParams describes a new subscription.
type StatusPageSubscriptionParams struct {
	// Channel is required: SubscribeByEmail or SubscribeByWebhook.
	Channel StatusPageChannel
	// Contact is required: the email address or webhook URL.
	Contact string
	// SubscribedType and SubscribedID name what to follow; empty follows
	// the whole page.
	SubscribedType StatusPageSubscribable
	SubscribedID   string
}

// ListStatusPageSubscriptionsOptions filters a subscription listing.
type ListStatusPageSubscriptionsOptions struct {
	// Status keeps active or pending subscriptions.
	Status StatusPageSubscriptionStatus `url:"status"`
	// Channel keeps the subscriptions of one channel.
	Channel StatusPageChannel `url:"channel"`
}

// ListSubscriptions returns the subscriptions of the status page id that
// match opts.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListSubscriptions(ctx context.Context, id string, opts *ListStatusPageSubscriptionsOptions) (*Page[StatusPageSubscription], error) {
	q := url.Values{}
	if opts != nil {
		if err := oneOfIfSet("Status", opts.Status, StatusPageSubscriptionActive, StatusPageSubscriptionPending); err != nil {
			return nil, err
		}
		if err := oneOfIfSet("Channel", opts.Channel, SubscribeByWebhook, SubscribeByEmail, SubscribeBySlack); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return pageAt[StatusPageSubscription](ctx, s.client, "/status_pages/{id}/subscriptions", "subscriptions", q, id)
}

// GetSubscription returns the subscription subscriptionID of the status page
// id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetSubscription(ctx context.Context, id, subscriptionID string) (*StatusPageSubscription, error) {
	return getAt[StatusPageSubscription](ctx, s.client, "/status_pages/{id}/subscriptions/{subscription_id}", "subscription", id, subscriptionID)
}

// CreateSubscription subscribes an email address or a webhook to the status
// page id (or to one of its services or posts) and returns the subscription,
// pending until the subscriber confirms.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) CreateSubscription(ctx context.Context, id string, p *StatusPageSubscriptionParams) (*StatusPageSubscription, error) {
	path, err := expandPath("/status_pages/{id}/subscriptions", id)
	if err != nil {
		return nil, err
	}
	if p == nil || p.Channel == "" {
		return nil, missing("Channel", fmt.Sprintf("%q or %q", SubscribeByEmail, SubscribeByWebhook))
	}
	if err := oneOf("Channel", []StatusPageChannel{p.Channel}, SubscribeByEmail, SubscribeByWebhook); err != nil {
		return nil, err
	}
	if p.Contact == "" {
		return nil, missing("Contact", "the subscriber's email address or webhook URL")
	}
	subject := Ref(string(SubscribeToPage), id)
	switch {
	case p.SubscribedType == "" && p.SubscribedID != "":
		return nil, missing("SubscribedType", "the kind of object SubscribedID names")
	case p.SubscribedType != "":
		if err := oneOf("SubscribedType", []StatusPageSubscribable{p.SubscribedType}, SubscribeToPage, SubscribeToService, SubscribeToPost); err != nil {
			return nil, err
		}
		if p.SubscribedID == "" && p.SubscribedType != SubscribeToPage {
			return nil, missing("SubscribedID", "the service or post to follow")
		}
		if p.SubscribedID != "" {
			if err := checkIDs("SubscribedID", []string{p.SubscribedID}); err != nil {
				return nil, err
			}
			subject = Ref(string(p.SubscribedType), p.SubscribedID)
		}
	}
	body := map[string]any{"subscription": map[string]any{
		"type":                "status_page_subscription",
		"channel":             p.Channel,
		"contact":             p.Contact,
		"status_page":         Ref("status_page", id),
		"subscribable_object": subject,
	}}
	return objectCall[StatusPageSubscription](ctx, s.client, &request{method: "POST", path: path, body: body}, "subscription")
}

// DeleteSubscription removes the subscription subscriptionID of the status
// page id.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) DeleteSubscription(ctx context.Context, id, subscriptionID string) error {
	return deleteAt(ctx, s.client, "/status_pages/{id}/subscriptions/{subscription_id}", id, subscriptionID)
}
