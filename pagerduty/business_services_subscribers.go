package pagerduty

import (
	"context"
	"fmt"
)

// SubscribeAccount makes the whole account follow the status updates of the
// business service id, and reports whether the account now follows it.
//
// OAuth scope subscribers.write.
func (s *BusinessServicesService) SubscribeAccount(ctx context.Context, id string) (bool, error) {
	path, err := expandPath("/business_services/{id}/account_subscription", id)
	if err != nil {
		return false, err
	}
	var out struct {
		Subscribed *bool `json:"account_is_subscribed"`
	}
	// Subscribing twice leaves the same state.
	if err := s.client.do(ctx, &request{method: "POST", path: path, retrySafe: true}, &out); err != nil {
		return false, err
	}
	if out.Subscribed == nil {
		return false, fmt.Errorf("pagerduty: POST %s: the answer has no account_is_subscribed", path)
	}
	return *out.Subscribed, nil
}

// UnsubscribeAccount stops the account-wide subscription to the status
// updates of the business service id.
//
// OAuth scope subscribers.write.
func (s *BusinessServicesService) UnsubscribeAccount(ctx context.Context, id string) error {
	path, err := expandPath("/business_services/{id}/account_subscription", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// ListSubscribers returns the users and teams that follow the status
// updates of the business service id. The API returns them all at once.
//
// OAuth scope subscribers.read.
func (s *BusinessServicesService) ListSubscribers(ctx context.Context, id string) ([]Subscriber, error) {
	return sliceAt[Subscriber](ctx, s.client, "/business_services/{id}/subscribers", "subscribers", nil, id)
}

// Subscribe makes the users and teams of p follow the status updates of the
// business service id, and returns one subscription per subscriber with its
// Result (made, already there, or refused).
//
// OAuth scope subscribers.write.
func (s *BusinessServicesService) Subscribe(ctx context.Context, id string, p *SubscribersParams) ([]NotificationSubscription, error) {
	return subscribeAt(ctx, s.client, "/business_services/{id}/subscribers", id, p.body)
}

// Unsubscribe stops the status updates of the business service id for the
// users and teams of p, and counts what it did.
//
// OAuth scope subscribers.write.
func (s *BusinessServicesService) Unsubscribe(ctx context.Context, id string, p *SubscribersParams) (*UnsubscribeResult, error) {
	return unsubscribeAt(ctx, s.client, "/business_services/{id}/unsubscribe", id, p.body)
}
