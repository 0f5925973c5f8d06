package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"net/url"
)

// OAuthClientStatus says whether PagerDuty can obtain tokens with an OAuth
// client.
type OAuthClientStatus string

// The OAuth client states.
const (
	OAuthClientActive OAuthClientStatus = "active"
	OAuthClientError  OAuthClientStatus = "error"
)

// grantClientCredentials is the only grant type webhook OAuth clients use.
const grantClientCredentials = "client_credentials"

// WebhookOAuthClient holds the credentials PagerDuty uses to obtain a token
// (OAuth 2 client credentials grant) from the receiver's authorization
// server and send it with each webhook delivery. The client secret is never
// returned.
type WebhookOAuthClient struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	Name string `json:"name"`
	// ClientID is the client's ID at the authorization server.
	ClientID string `json:"client_id"`
	// Scope is the scope asked for, when one is.
	Scope string `json:"scope,omitempty"`
	// TokenURL is the authorization server's token endpoint.
	TokenURL string `json:"token_url"`
	// GrantType is "client_credentials".
	GrantType string            `json:"grant_type,omitempty"`
	Status    OAuthClientStatus `json:"status,omitempty"`
}

// WebhookOAuthClientParams defines a webhook OAuth client or changes one.
// CreateOAuthClient needs Name, ClientID, ClientSecret and TokenURL;
// UpdateOAuthClient sends only the fields set. PagerDuty checks the
// credentials by obtaining a token before it saves them.
type WebhookOAuthClientParams struct {
	Name         string
	ClientID     string
	ClientSecret string
	Scope        string
	TokenURL     string
}

func (p *WebhookOAuthClientParams) body(create bool) (any, error) {
	if p == nil {
		p = &WebhookOAuthClientParams{}
	}
	if create {
		switch {
		case p.Name == "":
			return nil, required("Name", "a name for the OAuth client")
		case p.ClientID == "":
			return nil, required("ClientID", "the client's ID at the authorization server")
		case p.ClientSecret == "":
			return nil, required("ClientSecret", "the client's secret at the authorization server")
		case p.TokenURL == "":
			return nil, required("TokenURL", "the authorization server's token endpoint, such as https://auth.example.com/oauth/token")
		}
	}
	if p.TokenURL != "" {
		if u, err := url.Parse(p.TokenURL); err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, fmt.Errorf("pagerduty: TokenURL %q is not an absolute https URL such as https://auth.example.com/oauth/token", truncate(p.TokenURL, 80))
		}
	}
	w := map[string]any{"grant_type": grantClientCredentials}
	for k, v := range map[string]string{"name": p.Name, "client_id": p.ClientID, "client_secret": p.ClientSecret, "scope": p.Scope, "token_url": p.TokenURL} {
		if v != "" {
			w[k] = v
		}
	}
	if len(w) == 1 {
		return nil, errors.New("pagerduty: the update changes nothing: set Name, ClientID, ClientSecret, Scope or TokenURL")
	}
	return map[string]any{"oauth_client": w}, nil
}

// ListOAuthClients returns the account's webhook OAuth clients (at most 10).
//
// It needs an admin or owner; the API documents no OAuth scope for it.
func (s *WebhookSubscriptionsService) ListOAuthClients(ctx context.Context) ([]WebhookOAuthClient, error) {
	return sliceCall[WebhookOAuthClient](ctx, s.client, "/webhook_subscriptions/oauth_clients", "oauth_clients", nil)
}

// GetOAuthClient returns the webhook OAuth client id.
//
// It needs an admin or owner; the API documents no OAuth scope for it.
func (s *WebhookSubscriptionsService) GetOAuthClient(ctx context.Context, id string) (*WebhookOAuthClient, error) {
	path, err := expandPath("/webhook_subscriptions/oauth_clients/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[WebhookOAuthClient](ctx, s.client, &request{method: "GET", path: path}, "oauth_client")
}

// CreateOAuthClient adds a webhook OAuth client, once PagerDuty has obtained
// a token with its credentials, and returns it.
//
// It needs an admin or owner; the API documents no OAuth scope for it.
func (s *WebhookSubscriptionsService) CreateOAuthClient(ctx context.Context, p *WebhookOAuthClientParams) (*WebhookOAuthClient, error) {
	return sendAt[WebhookOAuthClient](ctx, s.client, "POST", "/webhook_subscriptions/oauth_clients", "oauth_client", func() (any, error) { return p.body(true) })
}

// UpdateOAuthClient changes the webhook OAuth client id (the fields p sets)
// and returns it. PagerDuty checks the new credentials by obtaining a token.
//
// It needs an admin or owner; the API documents no OAuth scope for it.
func (s *WebhookSubscriptionsService) UpdateOAuthClient(ctx context.Context, id string, p *WebhookOAuthClientParams) (*WebhookOAuthClient, error) {
	return sendAt[WebhookOAuthClient](ctx, s.client, "PUT", "/webhook_subscriptions/oauth_clients/{id}", "oauth_client",
		func() (any, error) { return p.body(false) },
		id)
}

// DeleteOAuthClient removes the webhook OAuth client id, and unlinks it from
// the subscriptions that used it.
//
// It needs an admin or owner; the API documents no OAuth scope for it.
func (s *WebhookSubscriptionsService) DeleteOAuthClient(ctx context.Context, id string) error {
	path, err := expandPath("/webhook_subscriptions/oauth_clients/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
