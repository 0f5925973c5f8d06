package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// ClientCredentials configures PagerDuty's scoped OAuth 2.0 client-credentials
// flow, for an app registered in the account that acts as itself rather than
// as a user.
type ClientCredentials struct {
	// ClientID and ClientSecret identify the app.
	ClientID, ClientSecret string
	// Subdomain is the account's subdomain: "acme" for acme.pagerduty.com.
	Subdomain string
	// Region is the account's region; it picks the token endpoint and the
	// account scope ("as_account-us.acme").
	Region Region
	// Scopes are the permissions asked for, such as "incidents.read" or
	// "services.write". Empty asks for the app's own scopes.
	Scopes []string
	// TokenURL replaces the region's token endpoint (for tests and proxies).
	TokenURL string
	// HTTPClient sends the token requests. Nil means http.DefaultClient.
	HTTPClient *http.Client
}

// TokenSource returns a source of access tokens that fetches a new token when
// the current one is about to expire. Pass it to WithTokenSource. ctx is used
// for the token requests; cancelling it stops refreshes.
func (cc ClientCredentials) TokenSource(ctx context.Context) (oauth2.TokenSource, error) {
	var missing []string
	if strings.TrimSpace(cc.ClientID) == "" {
		missing = append(missing, "ClientID")
	}
	if strings.TrimSpace(cc.ClientSecret) == "" {
		missing = append(missing, "ClientSecret")
	}
	if strings.TrimSpace(cc.Subdomain) == "" {
		missing = append(missing, "Subdomain")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("pagerduty: ClientCredentials: %s must be set", strings.Join(missing, ", "))
	}
	if err := cc.Region.validate(); err != nil {
		return nil, err
	}
	tokenURL := cc.TokenURL
	if tokenURL == "" {
		tokenURL = cc.Region.TokenURL()
	}
	cfg := clientcredentials.Config{
		ClientID:     cc.ClientID,
		ClientSecret: cc.ClientSecret,
		TokenURL:     tokenURL,
		Scopes:       append([]string{"as_account-" + cc.Region.String() + "." + cc.Subdomain}, cc.Scopes...),
		AuthStyle:    oauth2.AuthStyleInParams,
	}
	if cc.HTTPClient != nil {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, cc.HTTPClient)
	}
	return cfg.TokenSource(ctx), nil
}

// WithClientCredentials authenticates with the scoped OAuth 2.0
// client-credentials flow; tokens are fetched and refreshed as needed.
func WithClientCredentials(ctx context.Context, cc ClientCredentials) Option {
	return func(c *config) error {
		ts, err := cc.TokenSource(ctx)
		if err != nil {
			return err
		}
		c.tokenSource = oauth2.ReuseTokenSource(nil, ts)
		return nil
	}
}

// authTransport sets the Authorization and User-Agent headers on each attempt,
// so a refreshed OAuth token is used by retries too.
type authTransport struct {
	token     string
	source    oauth2.TokenSource
	userAgent string
	next      http.RoundTripper
}

func (t *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	switch {
	case t.source != nil:
		tok, err := t.source.Token()
		if err != nil {
			if r.Body != nil {
				r.Body.Close()
			}
			return nil, &authError{err: err}
		}
		r2.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	case t.token != "":
		r2.Header.Set("Authorization", "Token token="+t.token)
	}
	r2.Header.Set("User-Agent", t.userAgent)
	return t.next.RoundTrip(r2)
}

// authError reports that no access token could be had. It keeps the cause
// for errors.Is/As but never a token.
type authError struct{ err error }

func (e *authError) Error() string {
	var re *oauth2.RetrieveError
	if errors.As(e.err, &re) {
		// RetrieveError's own text includes the raw response body; keep only
		// the OAuth error code and description.
		msg := "pagerduty: fetching an OAuth access token: " + re.ErrorCode
		if re.ErrorDescription != "" {
			msg += ": " + re.ErrorDescription
		}
		if re.Response != nil {
			msg += fmt.Sprintf(" (HTTP %d)", re.Response.StatusCode)
		}
		return msg
	}
	return "pagerduty: fetching an OAuth access token: " + e.err.Error()
}

func (e *authError) Unwrap() error { return e.err }
