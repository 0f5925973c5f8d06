package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

var subscribables = []pagerduty.Subscribable{
	{ID: "PINC001", Type: pagerduty.SubscribableIncident},
	{ID: "PBS0001", Type: pagerduty.SubscribableBusinessService},
}

const subscribablesBody = `{"subscribables":[{"subscribable_id":"PINC001","subscribable_type":"incident"},
 {"subscribable_id":"PBS0001","subscribable_type":"business_service"}]}`

// subscriptionCases are the requests of the subscription calls of users and
// teams, which differ only by their path.
func subscriptionCases(kind, id string,
	list func(ctx context.Context, c *pagerduty.Client) (*pagerduty.Page[pagerduty.NotificationSubscription], error),
	sub func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) ([]pagerduty.NotificationSubscription, error),
	unsub func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) (*pagerduty.UnsubscribeResult, error),
) []apiCase {
	base := "/" + kind + "/" + id + "/notification_subscriptions"
	return []apiCase{
		{
			name: "ListNotificationSubscriptions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return list(ctx, c) },
			// The name of the followed object sits beside the subscription
			// or inside it: both are read.
			answer: `{"subscriptions":[
				{"subscription":{"subscriber_id":"` + id + `","subscriber_type":"user","subscribable_id":"PINC001","subscribable_type":"incident","account_id":"PACC001"},"subscribable_name":null},
				{"subscription":{"subscriber_id":"` + id + `","subscriber_type":"user","subscribable_id":"PBS0001","subscribable_type":"business_service"},"subscribable_name":"Checkout"},
				{"subscription":{"subscriber_id":"` + id + `","subscriber_type":"user","subscribable_id":"PBS0002","subscribable_type":"business_service","subscribable_name":"Search"}}],
				"limit":3,"offset":0,"more":true,"total":40}`,
			want: wantRequest{method: "GET", path: base},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.NotificationSubscription])
				if !p.More || p.Total == nil || *p.Total != 40 || p.Limit != 3 {
					t.Errorf("page facts: more %v, total %v, limit %d", p.More, p.Total, p.Limit)
				}
				subs := p.Items
				if len(subs) != 3 {
					t.Fatalf("%d subscriptions", len(subs))
				}
				if subs[0].SubscribableType != pagerduty.SubscribableIncident || subs[0].SubscribableName != "" || subs[0].AccountID != "PACC001" {
					t.Errorf("first %+v", subs[0])
				}
				if subs[1].SubscribableName != "Checkout" || subs[2].SubscribableName != "Search" {
					t.Errorf("names %q %q", subs[1].SubscribableName, subs[2].SubscribableName)
				}
			},
		},
		{
			name: "Subscribe",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return sub(ctx, c, subscribables...) },
			answer: `{"subscriptions":[
				{"subscriber_id":"` + id + `","subscriber_type":"team","subscribable_id":"PINC001","subscribable_type":"incident","result":"success"},
				{"subscriber_id":"` + id + `","subscriber_type":"team","subscribable_id":"PBS0001","subscribable_type":"business_service","result":"duplicate"}]}`,
			want: wantRequest{method: "POST", path: base, body: subscribablesBody},
			check: func(t *testing.T, got any) {
				subs := got.([]pagerduty.NotificationSubscription)
				if len(subs) != 2 || subs[0].Result != pagerduty.SubscriptionSuccess || subs[1].Result != pagerduty.SubscriptionDuplicate ||
					subs[0].SubscriberType != pagerduty.SubscriberTeam {
					t.Errorf("subscriptions %+v", subs)
				}
			},
		},
		{
			name:   "Unsubscribe",
			call:   func(ctx context.Context, c *pagerduty.Client) (any, error) { return unsub(ctx, c, subscribables...) },
			answer: `{"deleted_count":1,"unauthorized_count":0,"non_existent_count":1}`,
			want:   wantRequest{method: "POST", path: base + "/unsubscribe", body: subscribablesBody},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.UnsubscribeResult); *r != (pagerduty.UnsubscribeResult{Deleted: 1, NonExistent: 1}) {
					t.Errorf("result %+v", r)
				}
			},
		},
	}
}

func TestUserSubscriptionRequests(t *testing.T) {
	runAPICases(t, subscriptionCases("users", "PUSER01",
		func(ctx context.Context, c *pagerduty.Client) (*pagerduty.Page[pagerduty.NotificationSubscription], error) {
			return c.Users.ListNotificationSubscriptions(ctx, "PUSER01")
		},
		func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) ([]pagerduty.NotificationSubscription, error) {
			return c.Users.Subscribe(ctx, "PUSER01", items...)
		},
		func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) (*pagerduty.UnsubscribeResult, error) {
			return c.Users.Unsubscribe(ctx, "PUSER01", items...)
		}))
}

func TestSubscriptionsRejectBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"nothing to subscribe to", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Subscribe(ctx, "PUSER01")
			return err
		}, "at least one Subscribable"},
		{"unknown type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.Subscribe(ctx, "PTEAM01", pagerduty.Subscribable{ID: "PSVC001", Type: "service"})
			return err
		}, `"service" is not accepted`},
		{"bad id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Unsubscribe(ctx, "PUSER01", pagerduty.Subscribable{ID: "", Type: pagerduty.SubscribableIncident})
			return err
		}, "Subscribables[0].ID"},
		{"bad subscriber", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.ListNotificationSubscriptions(ctx, "x/y")
			return err
		}, "invalid ID"},
	})
}
