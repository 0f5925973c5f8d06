package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestWebhookSubscriptionsCassette'.

func checkRecordedWebhook(t *testing.T, what string, w *pagerduty.WebhookSubscription) {
	t.Helper()
	if w == nil || w.ID == "" || w.Type != "webhook_subscription" || len(w.Events) == 0 || w.Filter.Type == "" || w.DeliveryMethod.URL == "" {
		t.Errorf("%s: subscription %+v lacks an ID, a type, events, a filter or a URL", what, w)
	}
}

func TestWebhookSubscriptionsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/webhook_subscriptions/all")
	ctx := context.Background()

	for _, w := range readUpTo(t, "List", c.WebhookSubscriptions.List(ctx, &pagerduty.ListWebhookSubscriptionsOptions{
		Scope: pagerduty.WebhookScopeService, ScopeID: "PTVPM2B"}), 2) {
		checkRecordedWebhook(t, "List", &w)
	}
	page := must(c.WebhookSubscriptions.ListPage(ctx, &pagerduty.ListWebhookSubscriptionsOptions{ListOptions: pagerduty.ListOptions{Limit: 5}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no subscriptions")
	}
	active := true
	created := must(c.WebhookSubscriptions.Create(ctx, &pagerduty.CreateWebhookSubscriptionParams{
		URL:         "https://example.com/pagerduty",
		Events:      []string{"incident.triggered", "incident.resolved"},
		Filter:      pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterService, ID: "PTVPM2B"},
		Description: "Sends incident events to the example receiver",
		Active:      &active,
	})).ok(t, "Create")
	checkRecordedWebhook(t, "Create", created)
	checkRecordedWebhook(t, "Get", must(c.WebhookSubscriptions.Get(ctx, created.ID)).ok(t, "Get"))
	desc := "Incident events for the example receiver"
	checkRecordedWebhook(t, "Update", must(c.WebhookSubscriptions.Update(ctx, created.ID, &pagerduty.UpdateWebhookSubscriptionParams{
		Description: &desc, Events: []string{"incident.triggered"}})).ok(t, "Update"))
	checkRecordedWebhook(t, "Enable", must(c.WebhookSubscriptions.Enable(ctx, created.ID)).ok(t, "Enable"))
	mustDo(t, "Ping", c.WebhookSubscriptions.Ping(ctx, created.ID))
	mustDo(t, "Delete", c.WebhookSubscriptions.Delete(ctx, created.ID))
}

func checkRecordedOAuthClient(t *testing.T, what string, o *pagerduty.WebhookOAuthClient) {
	t.Helper()
	if o == nil || o.ID == "" || o.Name == "" || o.ClientID == "" || o.TokenURL == "" {
		t.Errorf("%s: OAuth client %+v lacks an ID, a name, a client ID or a token URL", what, o)
	}
}

func TestWebhookSubscriptionsCassetteOAuthClients(t *testing.T) {
	c := replayClient(t, "pagerduty/webhook_subscriptions/oauth_clients")
	ctx := context.Background()

	list := must(c.WebhookSubscriptions.ListOAuthClients(ctx)).ok(t, "ListOAuthClients")
	if len(list) == 0 {
		t.Fatal("ListOAuthClients: no clients")
	}
	for _, o := range list {
		checkRecordedOAuthClient(t, "ListOAuthClients", &o)
	}
	created := must(c.WebhookSubscriptions.CreateOAuthClient(ctx, &pagerduty.WebhookOAuthClientParams{
		Name: "Example receiver", ClientID: "pagerduty-webhooks", ClientSecret: "not-a-real-secret",
		TokenURL: "https://auth.example.com/oauth/token", Scope: "webhooks.write",
	})).ok(t, "CreateOAuthClient")
	checkRecordedOAuthClient(t, "CreateOAuthClient", created)
	checkRecordedOAuthClient(t, "GetOAuthClient", must(c.WebhookSubscriptions.GetOAuthClient(ctx, created.ID)).ok(t, "GetOAuthClient"))
	checkRecordedOAuthClient(t, "UpdateOAuthClient", must(c.WebhookSubscriptions.UpdateOAuthClient(ctx, created.ID,
		&pagerduty.WebhookOAuthClientParams{Name: "Example receiver (renamed)"})).ok(t, "UpdateOAuthClient"))
	mustDo(t, "DeleteOAuthClient", c.WebhookSubscriptions.DeleteOAuthClient(ctx, created.ID))
}
