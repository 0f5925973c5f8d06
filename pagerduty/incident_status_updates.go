package pagerduty

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// StatusUpdate is a message sent to the stakeholders of an incident.
type StatusUpdate struct {
	ID        string     `json:"id,omitempty"`
	Message   string     `json:"message,omitempty"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	Sender    *Reference `json:"sender,omitempty"`
	// Subject and HTMLMessage are set for custom HTML email updates.
	Subject     string `json:"subject,omitempty"`
	HTMLMessage string `json:"html_message,omitempty"`
}

// StatusUpdateParams is a status update to send.
type StatusUpdateParams struct {
	// From is the email of the PagerDuty user sending; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// Message is the update's text (also used for SMS and push).
	Message string `json:"message"`
	// Subject and HTMLMessage make the email a custom HTML email; set both
	// or neither.
	Subject     string `json:"subject,omitempty"`
	HTMLMessage string `json:"html_message,omitempty"`
}

// CreateStatusUpdate sends a status update to the subscribers of the
// incident id and returns it.
//
// OAuth scope incidents.write.
func (s *IncidentsService) CreateStatusUpdate(ctx context.Context, id string, p *StatusUpdateParams) (*StatusUpdate, error) {
	path, err := expandPath("/incidents/{id}/status_updates", id)
	if err != nil {
		return nil, err
	}
	if p == nil || strings.TrimSpace(p.Message) == "" {
		return nil, missing("Message", "the text of the status update")
	}
	if (p.Subject == "") != (p.HTMLMessage == "") {
		return nil, fmt.Errorf("pagerduty: Subject and HTMLMessage go together: set both for a custom HTML email, or neither")
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	var out struct {
		Update *StatusUpdate `json:"status_update"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: p, from: from}, &out); err != nil {
		return nil, err
	}
	if out.Update == nil {
		return nil, fmt.Errorf("pagerduty: POST %s: the answer has no status_update", path)
	}
	return out.Update, nil
}

// Subscriber names a user or a team that receives status updates.
type Subscriber struct {
	ID   string         `json:"subscriber_id"`
	Type SubscriberType `json:"subscriber_type"`
}

// IncidentSubscriber is a subscriber of an incident's status updates and
// how it came to be one.
type IncidentSubscriber struct {
	Subscriber
	// HasIndirectSubscription reports a subscription through another
	// object, such as an impacted business service.
	HasIndirectSubscription bool `json:"has_indirect_subscription"`
	// SubscribedVia lists those objects.
	SubscribedVia []SubscribedVia `json:"subscribed_via,omitempty"`
}

// SubscribedVia is an object through which a subscriber follows an incident.
type SubscribedVia struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	Name string `json:"name,omitempty"`
}

// SubscribersParams lists the users and teams to (un)subscribe.
type SubscribersParams struct {
	Subscribers []Subscriber
}

func (p *SubscribersParams) body() (any, error) {
	if p == nil || len(p.Subscribers) == 0 {
		return nil, missing("Subscribers", "at least one user or team")
	}
	for i, sub := range p.Subscribers {
		if err := oneOf(fmt.Sprintf("Subscribers[%d].Type", i), []SubscriberType{sub.Type}, SubscriberUser, SubscriberTeam); err != nil {
			return nil, err
		}
		if err := ValidateID(sub.ID); err != nil {
			return nil, fmt.Errorf("Subscribers[%d].ID: %w", i, err)
		}
	}
	return map[string]any{"subscribers": p.Subscribers}, nil
}

// ListSubscribers returns the users and teams that receive the status
// updates of the incident id. The API returns them all at once.
//
// OAuth scope subscribers.read.
func (s *IncidentsService) ListSubscribers(ctx context.Context, id string) ([]IncidentSubscriber, error) {
	path, err := expandPath("/incidents/{id}/status_updates/subscribers", id)
	if err != nil {
		return nil, err
	}
	var out struct {
		Subscribers []IncidentSubscriber `json:"subscribers"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	return out.Subscribers, nil
}

// Subscribe makes the users and teams of p receive the status updates of
// the incident id, and returns one subscription per subscriber with its
// Result (made, already there, or refused).
//
// OAuth scope subscribers.write.
func (s *IncidentsService) Subscribe(ctx context.Context, id string, p *SubscribersParams) ([]NotificationSubscription, error) {
	return subscribeAt(ctx, s.client, "/incidents/{id}/status_updates/subscribers", id, p.body)
}

// Unsubscribe stops the status updates of the incident id for the users and
// teams of p, and counts what it did.
//
// OAuth scope subscribers.write.
func (s *IncidentsService) Unsubscribe(ctx context.Context, id string, p *SubscribersParams) (*UnsubscribeResult, error) {
	return unsubscribeAt(ctx, s.client, "/incidents/{id}/status_updates/unsubscribe", id, p.body)
}
