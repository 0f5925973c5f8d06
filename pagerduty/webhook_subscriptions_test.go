package pagerduty_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const webhookJSON = `{"id":"PW1","type":"webhook_subscription","active":true,"description":"d","events":["incident.triggered"],"filter":{"id":"PS1","type":"service_reference"},"delivery_method":{"id":"PD1","type":"http_delivery_method","url":"https://example.com/hook","secret":"whsec","temporarily_disabled":true,"custom_headers":[{"name":"X-Env","value":"prod"}]},"oauth_client":{"id":"OC1","type":"oauth_client_reference","summary":"Receiver"}}`

func TestWebhookSubscriptionsRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var w *pagerduty.WebhookSubscription
		switch v := got.(type) {
		case *pagerduty.WebhookSubscription:
			w = v
		case []pagerduty.WebhookSubscription:
			w = &v[0]
		case *pagerduty.Page[pagerduty.WebhookSubscription]:
			w = &v.Items[0]
		}
		if w.ID != "PW1" || !w.Active || w.Filter.Type != pagerduty.WebhookFilterService || w.Filter.ID != "PS1" ||
			w.DeliveryMethod.URL != "https://example.com/hook" || w.DeliveryMethod.Secret != "whsec" || !w.DeliveryMethod.TemporarilyDisabled ||
			len(w.DeliveryMethod.CustomHeaders) != 1 || w.OAuthClient == nil || w.OAuthClient.ID != "OC1" || len(w.Events) != 1 {
			t.Errorf("subscription %+v", w)
		}
	}
	one := `{"webhook_subscription":` + webhookJSON + `}`
	off := false
	empty := ""
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.WebhookSubscriptions.List(ctx, &pagerduty.ListWebhookSubscriptionsOptions{Scope: pagerduty.WebhookScopeTeam, ScopeID: "PT1"}))
		}, answer: `{"webhook_subscriptions":[` + webhookJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/webhook_subscriptions", query: pageQuery("filter_type", "team", "filter_id", "PT1")}, check: check},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.ListPage(ctx, &pagerduty.ListWebhookSubscriptionsOptions{ListOptions: pagerduty.ListOptions{Limit: 3}, Scope: pagerduty.WebhookScopeAccount})
		}, answer: `{"webhook_subscriptions":[` + webhookJSON + `],"more":false,"limit":3}`,
			want: wantRequest{method: "GET", path: "/webhook_subscriptions", query: vals("limit", "3", "filter_type", "account")}, check: check},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.Get(ctx, "PW1")
		}, answer: one, want: wantRequest{method: "GET", path: "/webhook_subscriptions/PW1"}, check: check},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.Create(ctx, &pagerduty.CreateWebhookSubscriptionParams{
				URL: "https://example.com/hook", Events: []string{"incident.triggered"},
				Filter: pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterAccount}, Active: &off,
				CustomHeaders: []pagerduty.WebhookHeader{{Name: "X-Env", Value: "prod"}}, OAuthClientID: "OC1"})
		}, answer: one,
			want: wantRequest{method: "POST", path: "/webhook_subscriptions", body: `{"webhook_subscription":{"type":"webhook_subscription",
				"delivery_method":{"type":"http_delivery_method","url":"https://example.com/hook","custom_headers":[{"name":"X-Env","value":"prod"}]},
				"events":["incident.triggered"],"filter":{"type":"account_reference"},"active":false,
				"oauth_client":{"id":"OC1","type":"oauth_client_reference"}}}`}, check: check},
		{name: "Update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.Update(ctx, "PW1", &pagerduty.UpdateWebhookSubscriptionParams{
				Active: &off, Filter: &pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterTeam, ID: "PT1"}, OAuthClientID: &empty})
		}, answer: one,
			want:  wantRequest{method: "PUT", path: "/webhook_subscriptions/PW1", body: `{"webhook_subscription":{"active":false,"filter":{"id":"PT1","type":"team_reference"},"oauth_client_id":null}}`},
			check: check},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.WebhookSubscriptions.Delete(ctx, "PW1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/webhook_subscriptions/PW1"}},
		{name: "Enable", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.Enable(ctx, "PW1")
		}, answer: one, want: wantRequest{method: "POST", path: "/webhook_subscriptions/PW1/enable"}, check: check},
		{name: "Ping", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.WebhookSubscriptions.Ping(ctx, "PW1")
		}, status: http.StatusAccepted, want: wantRequest{method: "POST", path: "/webhook_subscriptions/PW1/ping"}},
	})
}

const oauthClientJSON = `{"id":"OC1","type":"oauth_client","name":"Receiver","client_id":"cid","scope":"s","token_url":"https://auth.example.com/token","grant_type":"client_credentials","status":"active"}`

func TestWebhookOAuthClientsRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var o *pagerduty.WebhookOAuthClient
		switch v := got.(type) {
		case *pagerduty.WebhookOAuthClient:
			o = v
		case []pagerduty.WebhookOAuthClient:
			o = &v[0]
		}
		if o.ID != "OC1" || o.ClientID != "cid" || o.TokenURL != "https://auth.example.com/token" || o.Status != pagerduty.OAuthClientActive {
			t.Errorf("client %+v", o)
		}
	}
	one := `{"oauth_client":` + oauthClientJSON + `}`
	runAPICases(t, []apiCase{
		{name: "ListOAuthClients", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.ListOAuthClients(ctx)
		}, answer: `{"oauth_clients":[` + oauthClientJSON + `]}`, want: wantRequest{method: "GET", path: "/webhook_subscriptions/oauth_clients"}, check: check},
		{name: "GetOAuthClient", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.GetOAuthClient(ctx, "OC1")
		}, answer: one, want: wantRequest{method: "GET", path: "/webhook_subscriptions/oauth_clients/OC1"}, check: check},
		{name: "CreateOAuthClient", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.CreateOAuthClient(ctx, &pagerduty.WebhookOAuthClientParams{Name: "Receiver", ClientID: "cid",
				ClientSecret: "shh", TokenURL: "https://auth.example.com/token"})
		}, status: http.StatusCreated, answer: one,
			want:  wantRequest{method: "POST", path: "/webhook_subscriptions/oauth_clients", body: `{"oauth_client":{"name":"Receiver","client_id":"cid","client_secret":"shh","token_url":"https://auth.example.com/token","grant_type":"client_credentials"}}`},
			check: check},
		{name: "UpdateOAuthClient", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.WebhookSubscriptions.UpdateOAuthClient(ctx, "OC1", &pagerduty.WebhookOAuthClientParams{Scope: "s"})
		}, answer: one,
			want:  wantRequest{method: "PUT", path: "/webhook_subscriptions/oauth_clients/OC1", body: `{"oauth_client":{"scope":"s","grant_type":"client_credentials"}}`},
			check: check},
		{name: "DeleteOAuthClient", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.WebhookSubscriptions.DeleteOAuthClient(ctx, "OC1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/webhook_subscriptions/oauth_clients/OC1"}},
	})
}

func TestWebhookSubscriptionsRejectBadInput(t *testing.T) {
	ws := func(c *pagerduty.Client) *pagerduty.WebhookSubscriptionsService { return c.WebhookSubscriptions }
	good := func() *pagerduty.CreateWebhookSubscriptionParams {
		return &pagerduty.CreateWebhookSubscriptionParams{URL: "https://example.com/h", Events: []string{"incident.triggered"},
			Filter: pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterService, ID: "PS1"}}
	}
	create := func(edit func(p *pagerduty.CreateWebhookSubscriptionParams)) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			p := good()
			edit(p)
			_, err := ws(c).Create(ctx, p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"List bad scope", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(ws(c).List(ctx, &pagerduty.ListWebhookSubscriptionsOptions{Scope: "service_reference"}))
		}, `"service_reference" is not accepted`},
		{"ListPage bad scope ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).ListPage(ctx, &pagerduty.ListWebhookSubscriptionsOptions{ScopeID: "a b"})
			return err
		}, "ScopeID"},
		{"List limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(ws(c).List(ctx, &pagerduty.ListWebhookSubscriptionsOptions{ListOptions: pagerduty.ListOptions{Limit: 500}}))
		}, "out of range"},
		{"Create nil", func(ctx context.Context, c *pagerduty.Client) error { _, err := ws(c).Create(ctx, nil); return err }, "URL is required"},
		{"Create relative URL", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.URL = "/hook" }), "not an absolute http(s) URL"},
		{"Create no events", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.Events = nil }), "Events is required"},
		{"Create empty event", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.Events = []string{""} }), "Events[0] is empty"},
		{"Create no filter", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.Filter = pagerduty.WebhookFilter{} }), "Filter.Type is required"},
		{"Create bad filter", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.Filter.Type = "service" }), `"service" is not accepted`},
		{"Create service filter without ID", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.Filter.ID = "" }), "Filter.ID"},
		{"Create header without name", create(func(p *pagerduty.CreateWebhookSubscriptionParams) {
			p.CustomHeaders = []pagerduty.WebhookHeader{{Value: "v"}}
		}), "CustomHeaders[0].Name is empty"},
		{"Create bad OAuth client", create(func(p *pagerduty.CreateWebhookSubscriptionParams) { p.OAuthClientID = "x/y" }), "OAuthClientID"},
		{"Update nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).Update(ctx, "PW1", nil)
			return err
		}, "changes nothing"},
		{"Update empty events", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).Update(ctx, "PW1", &pagerduty.UpdateWebhookSubscriptionParams{Events: []string{}})
			return err
		}, "Events is empty"},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error { _, err := ws(c).Get(ctx, ""); return err }, "ID is empty"},
		{"Enable bad ID", func(ctx context.Context, c *pagerduty.Client) error { _, err := ws(c).Enable(ctx, "a/b"); return err }, "invalid ID"},
		{"Ping bad ID", func(ctx context.Context, c *pagerduty.Client) error { return ws(c).Ping(ctx, "..") }, "not an ID"},
		{"Delete bad ID", func(ctx context.Context, c *pagerduty.Client) error { return ws(c).Delete(ctx, "") }, "ID is empty"},
		{"CreateOAuthClient no secret", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).CreateOAuthClient(ctx, &pagerduty.WebhookOAuthClientParams{Name: "n", ClientID: "c", TokenURL: "https://a.example.com/t"})
			return err
		}, "ClientSecret is required"},
		{"CreateOAuthClient http token URL", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).CreateOAuthClient(ctx, &pagerduty.WebhookOAuthClientParams{Name: "n", ClientID: "c", ClientSecret: "s", TokenURL: "http://a.example.com/t"})
			return err
		}, "not an absolute https URL"},
		{"UpdateOAuthClient nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).UpdateOAuthClient(ctx, "OC1", &pagerduty.WebhookOAuthClientParams{})
			return err
		}, "changes nothing"},
		{"GetOAuthClient bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := ws(c).GetOAuthClient(ctx, "a b")
			return err
		}, "invalid ID"},
		{"DeleteOAuthClient bad ID", func(ctx context.Context, c *pagerduty.Client) error { return ws(c).DeleteOAuthClient(ctx, "") }, "ID is empty"},
	})
}

// A client secret given to CreateOAuthClient never shows in the error of a
// refused request.
func TestWebhookOAuthClientSecretStaysOutOfErrors(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"message": "Invalid Input Provided", "code": 2001}})
	})
	_, err := c.WebhookSubscriptions.CreateOAuthClient(context.Background(), &pagerduty.WebhookOAuthClientParams{
		Name: "n", ClientID: "c", ClientSecret: "very-secret-value", TokenURL: "https://a.example.com/t"})
	if err == nil {
		t.Fatal("no error from a 400 answer")
	}
	if strings.Contains(err.Error(), "very-secret-value") {
		t.Errorf("the error %q shows the client secret", err)
	}
}
