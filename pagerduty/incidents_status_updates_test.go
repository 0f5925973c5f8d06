package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestIncidentsCreateStatusUpdate(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"status_update":{"id":"PWL7QXS","message":"Spreading.","created_at":"2013-03-06T15:28:51-05:00",
		"sender":{"id":"PXPGF42","type":"user_reference"},"subject":"Fire","html_message":"<p>Spreading.</p>"}}`, pagerduty.WithFrom("jane@example.com"))
	su, err := c.Incidents.CreateStatusUpdate(context.Background(), "PT4KHLK", &pagerduty.StatusUpdateParams{
		Message: "Spreading.", Subject: "Fire", HTMLMessage: "<p>Spreading.</p>",
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/status_updates", from: "jane@example.com",
		body: `{"message":"Spreading.","subject":"Fire","html_message":"<p>Spreading.</p>"}`})
	if su.ID != "PWL7QXS" || su.Sender.ID != "PXPGF42" || su.Subject != "Fire" || !su.CreatedAt.Equal(time.Date(2013, 3, 6, 20, 28, 51, 0, time.UTC)) {
		t.Errorf("decoded %+v", su)
	}

	c, rec = fakeAPI(t, 200, `{"status_update":{"id":"P1"}}`)
	if _, err := c.Incidents.CreateStatusUpdate(context.Background(), "PT4KHLK", &pagerduty.StatusUpdateParams{From: "bob@example.com", Message: "Fixed."}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/status_updates", from: "bob@example.com", body: `{"message":"Fixed."}`})
}

func TestIncidentsSubscribers(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"limit":100,"more":false,"offset":0,"subscribers":[
		{"subscriber_id":"PD1234","subscriber_type":"user","has_indirect_subscription":false,"subscribed_via":null},
		{"subscriber_id":"PD5678","subscriber_type":"team","has_indirect_subscription":true,"subscribed_via":[{"id":"PBS1","type":"business_service"}]}],
		"account_id":"PACC","total":2}`)
	subs, err := c.Incidents.ListSubscribers(ctx, "PT4KHLK")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/status_updates/subscribers"})
	if len(subs) != 2 || subs[0].ID != "PD1234" || subs[0].Type != pagerduty.SubscriberUser || !subs[1].HasIndirectSubscription || subs[1].SubscribedVia[0].ID != "PBS1" {
		t.Errorf("decoded %+v", subs)
	}

	who := &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "PD1234", Type: pagerduty.SubscriberUser}, {ID: "PD5678", Type: pagerduty.SubscriberTeam}}}
	const whoJSON = `{"subscribers":[{"subscriber_id":"PD1234","subscriber_type":"user"},{"subscriber_id":"PD5678","subscriber_type":"team"}]}`
	c, rec = fakeAPI(t, 200, `{"subscriptions":[{"subscriber_id":"PD1234","subscriber_type":"user","subscribable_id":"PT4KHLK","subscribable_type":"incident","result":"success"}]}`)
	made, err := c.Incidents.Subscribe(ctx, "PT4KHLK", who)
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/status_updates/subscribers", body: whoJSON})
	if len(made) != 1 || made[0].Result != pagerduty.SubscriptionSuccess || made[0].SubscribableType != pagerduty.SubscribableIncident {
		t.Errorf("decoded %+v", made)
	}

	c, rec = fakeAPI(t, 200, `{"deleted_count":1,"unauthorized_count":0,"non_existent_count":1}`)
	res, err := c.Incidents.Unsubscribe(ctx, "PT4KHLK", who)
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/status_updates/unsubscribe", body: whoJSON})
	if res.Deleted != 1 || res.NonExistent != 1 {
		t.Errorf("decoded %+v", res)
	}
}

func TestIncidentsStatusUpdatesRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		call   func(*pagerduty.Client) error
		noFrom bool
		want   string
	}{
		{"no message", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CreateStatusUpdate(ctx, "PT4KHLK", &pagerduty.StatusUpdateParams{})
			return err
		}, false, "Message"},
		{"subject alone", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CreateStatusUpdate(ctx, "PT4KHLK", &pagerduty.StatusUpdateParams{Message: "m", Subject: "s"})
			return err
		}, false, "HTMLMessage"},
		{"no From", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CreateStatusUpdate(ctx, "PT4KHLK", &pagerduty.StatusUpdateParams{Message: "m"})
			return err
		}, true, "From"},
		{"nobody", func(c *pagerduty.Client) error { _, err := c.Incidents.Subscribe(ctx, "PT4KHLK", nil); return err }, false, "Subscribers"},
		{"bad kind", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Unsubscribe(ctx, "PT4KHLK", &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "PD1", Type: "service"}}})
			return err
		}, false, "user, team"},
		{"bad subscriber", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Subscribe(ctx, "PT4KHLK", &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "", Type: pagerduty.SubscriberUser}}})
			return err
		}, false, "Subscribers[0].ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 200, `{}`, opts...)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
