package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// NotificationType is the channel a notification went out on.
type NotificationType string

// The channels notifications go out on.
const (
	NotificationSMS   NotificationType = "sms_notification"
	NotificationEmail NotificationType = "email_notification"
	NotificationPhone NotificationType = "phone_notification"
	NotificationPush  NotificationType = "push_notification"
)

// NotificationInclude names what a notification listing can expand.
type NotificationInclude string

// NotificationIncludeUsers expands the user of each notification.
const NotificationIncludeUsers NotificationInclude = "users"

// Notification is one message PagerDuty sent to a user about an incident.
type Notification struct {
	ID   string           `json:"id"`
	Type NotificationType `json:"type"`
	// StartedAt is when PagerDuty started sending it.
	StartedAt time.Time `json:"started_at"`
	// Address is where it went: a phone number, an email address, a
	// device.
	Address string `json:"address,omitempty"`
	// User is who was notified: a reference, or the full user when the
	// listing asked for NotificationIncludeUsers.
	User *User `json:"user,omitempty"`
	// ConferenceAddress is the conference bridge the notification carried,
	// if any.
	ConferenceAddress string `json:"conferenceAddress,omitempty"`
	// Status is how the delivery went, as the API reports it.
	Status string `json:"status,omitempty"`
}

// ListNotificationsOptions selects the notifications of a time window. Since
// and Until are required by the API.
type ListNotificationsOptions struct {
	ListOptions
	// Since and Until bound the window (required; at most three months
	// apart).
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone is the IANA zone the answer's times are rendered in.
	TimeZone string `url:"time_zone"`
	// Filter keeps one channel only.
	Filter NotificationType `url:"filter"`
	// Includes expands related objects.
	Includes []NotificationInclude `url:"include[]"`
}

func (o *ListNotificationsOptions) query() (url.Values, ListOptions, error) {
	if o == nil || o.Since.IsZero() || o.Until.IsZero() {
		return nil, ListOptions{}, required("ListNotificationsOptions.Since and Until", "the window of the notifications to list")
	}
	if !o.Until.After(o.Since) {
		return nil, ListOptions{}, fmt.Errorf("pagerduty: Until (%s) must be after Since (%s)", o.Until.Format(time.RFC3339), o.Since.Format(time.RFC3339))
	}
	if err := oneOfIfSet("Filter", o.Filter, NotificationSMS, NotificationEmail, NotificationPhone, NotificationPush); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, NotificationIncludeUsers); err != nil {
		return nil, ListOptions{}, err
	}
	if o.TimeZone != "" {
		if _, err := time.LoadLocation(o.TimeZone); err != nil {
			return nil, ListOptions{}, fmt.Errorf("pagerduty: TimeZone %q is not an IANA time zone such as Europe/Berlin: %w", o.TimeZone, err)
		}
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the notifications sent during the window opts gives, in
// pages, fetching the next page only when the loop asks for it. A window of
// more than 10,000 notifications must be split into shorter ones.
//
// OAuth scope users:notifications.read.
func (s *NotificationsService) List(ctx context.Context, opts *ListNotificationsOptions) iter.Seq2[Notification, error] {
	return offsetSeqAt[Notification](ctx, s.client, "/notifications", "notifications", opts.query)
}

// ListPage returns one page of the notifications sent during the window
// opts gives, with its paging facts.
//
// OAuth scope users:notifications.read.
func (s *NotificationsService) ListPage(ctx context.Context, opts *ListNotificationsOptions) (*Page[Notification], error) {
	return offsetPageAt[Notification](ctx, s.client, "/notifications", "notifications", opts.query)
}
