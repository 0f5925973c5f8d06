package pagerduty

import (
	"context"
	"errors"
	"fmt"
)

// SubscriberType is the kind of subscriber of status updates.
type SubscriberType string

// The kinds of subscribers.
const (
	SubscriberUser SubscriberType = "user"
	SubscriberTeam SubscriberType = "team"
)

// SubscribableType is the kind of object whose status updates can be
// followed.
type SubscribableType string

// The kinds of objects that can be followed.
const (
	SubscribableIncident        SubscribableType = "incident"
	SubscribableBusinessService SubscribableType = "business_service"
)

// SubscriptionResult says what a subscription request did for one object.
type SubscriptionResult string

// The results of a subscription request.
const (
	SubscriptionSuccess      SubscriptionResult = "success"
	SubscriptionDuplicate    SubscriptionResult = "duplicate"
	SubscriptionUnauthorized SubscriptionResult = "unauthorized"
)

// NotificationSubscription ties a subscriber (a user or a team) to an object
// (an incident or a business service) whose status updates it receives.
type NotificationSubscription struct {
	SubscriberID     string           `json:"subscriber_id"`
	SubscriberType   SubscriberType   `json:"subscriber_type"`
	SubscribableID   string           `json:"subscribable_id"`
	SubscribableType SubscribableType `json:"subscribable_type"`
	// SubscribableName is the name of the followed object, when the API
	// gives it (business services have one, incidents usually not).
	SubscribableName string `json:"subscribable_name,omitempty"`
	AccountID        string `json:"account_id,omitempty"`
	// Result is set in the answer to a subscription request: whether this
	// subscription was made, already existed, or was refused.
	Result SubscriptionResult `json:"result,omitempty"`
}

// Subscribable names an object to follow or stop following.
type Subscribable struct {
	ID   string           `json:"subscribable_id"`
	Type SubscribableType `json:"subscribable_type"`
}

// UnsubscribeResult counts what an unsubscribe request did.
type UnsubscribeResult struct {
	// Deleted subscriptions were removed.
	Deleted int `json:"deleted_count"`
	// Unauthorized subscriptions could not be removed by the caller.
	Unauthorized int `json:"unauthorized_count"`
	// NonExistent subscriptions did not exist.
	NonExistent int `json:"non_existent_count"`
}

// subscriptionEntry is one item of a subscription listing: the name of the
// followed object may sit beside the subscription or inside it.
type subscriptionEntry struct {
	Subscription     NotificationSubscription `json:"subscription"`
	SubscribableName *string                  `json:"subscribable_name"`
}

// checkSubscribables validates the objects of a (un)subscribe request.
func checkSubscribables(items []Subscribable) error {
	if len(items) == 0 {
		return errors.New("pagerduty: no objects to subscribe to: give at least one Subscribable")
	}
	for i, it := range items {
		if err := oneOf(fmt.Sprintf("Subscribables[%d].Type", i), []SubscribableType{it.Type}, SubscribableIncident, SubscribableBusinessService); err != nil {
			return err
		}
		if err := ValidateID(it.ID); err != nil {
			return fmt.Errorf("Subscribables[%d].ID: %w", i, err)
		}
	}
	return nil
}

// listSubscriptions reads the subscriptions of a user or a team.
func listSubscriptions(ctx context.Context, c *Client, tmpl, id string) (*Page[NotificationSubscription], error) {
	path, err := expandPath(tmpl, id)
	if err != nil {
		return nil, err
	}
	p, err := getPage[subscriptionEntry](ctx, c, path, "subscriptions", nil)
	if err != nil {
		return nil, err
	}
	out := &Page[NotificationSubscription]{Items: make([]NotificationSubscription, len(p.Items)),
		Limit: p.Limit, Offset: p.Offset, More: p.More, Total: p.Total}
	for i, e := range p.Items {
		out.Items[i] = e.Subscription
		if e.SubscribableName != nil && out.Items[i].SubscribableName == "" {
			out.Items[i].SubscribableName = *e.SubscribableName
		}
	}
	return out, nil
}

// subscribe asks for status updates of items for a user or a team.
func subscribe(ctx context.Context, c *Client, tmpl, id string, items []Subscribable) ([]NotificationSubscription, error) {
	return subscribeAt(ctx, c, tmpl, id, subscribablesBody(items))
}

// unsubscribe stops the status updates of items for a user or a team.
func unsubscribe(ctx context.Context, c *Client, tmpl, id string, items []Subscribable) (*UnsubscribeResult, error) {
	return unsubscribeAt(ctx, c, tmpl, id, subscribablesBody(items))
}

// subscribablesBody checks items and returns the body that names them.
func subscribablesBody(items []Subscribable) func() (any, error) {
	return func() (any, error) {
		if err := checkSubscribables(items); err != nil {
			return nil, err
		}
		return struct {
			Subscribables []Subscribable `json:"subscribables"`
		}{items}, nil
	}
}

// subscribeAt posts the body that body builds (after the ID is checked) to
// the subscribe endpoint tmpl of id: users, teams, incidents and business
// services share it. Subscribing twice answers "duplicate", so the request
// is safe to repeat.
func subscribeAt(ctx context.Context, c *Client, tmpl, id string, body func() (any, error)) ([]NotificationSubscription, error) {
	path, err := expandPath(tmpl, id)
	if err != nil {
		return nil, err
	}
	b, err := body()
	if err != nil {
		return nil, err
	}
	var out struct {
		Subscriptions []NotificationSubscription `json:"subscriptions"`
	}
	if err := c.do(ctx, &request{method: "POST", path: path, body: b, retrySafe: true}, &out); err != nil {
		return nil, err
	}
	return out.Subscriptions, nil
}

// unsubscribeAt is subscribeAt's counterpart. Removing a removed
// subscription counts it as non-existent, so it is safe to repeat too.
func unsubscribeAt(ctx context.Context, c *Client, tmpl, id string, body func() (any, error)) (*UnsubscribeResult, error) {
	path, err := expandPath(tmpl, id)
	if err != nil {
		return nil, err
	}
	b, err := body()
	if err != nil {
		return nil, err
	}
	var out UnsubscribeResult
	if err := c.do(ctx, &request{method: "POST", path: path, body: b, retrySafe: true}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListNotificationSubscriptions returns the incidents and business
// services whose status updates the user with the given ID follows. The API
// answers with one page and documents no way to ask for the next: More and
// Total say whether the page holds them all.
//
// OAuth scope subscribers.read.
func (s *UsersService) ListNotificationSubscriptions(ctx context.Context, id string) (*Page[NotificationSubscription], error) {
	return listSubscriptions(ctx, s.client, "/users/{id}/notification_subscriptions", id)
}

// Subscribe makes the user with the given ID follow the status updates of
// the given incidents and business services. The answer has one
// subscription per object, whose Result says whether it was made, already
// existed or was refused.
//
// OAuth scope subscribers.write.
func (s *UsersService) Subscribe(ctx context.Context, id string, items ...Subscribable) ([]NotificationSubscription, error) {
	return subscribe(ctx, s.client, "/users/{id}/notification_subscriptions", id, items)
}

// Unsubscribe stops the status updates of the given incidents and business
// services for the user with the given ID, and counts what it did.
//
// OAuth scope subscribers.write.
func (s *UsersService) Unsubscribe(ctx context.Context, id string, items ...Subscribable) (*UnsubscribeResult, error) {
	return unsubscribe(ctx, s.client, "/users/{id}/notification_subscriptions/unsubscribe", id, items)
}
