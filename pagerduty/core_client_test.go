package pagerduty_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestNewClientRejectsMisconfiguration(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []pagerduty.Option
		want string
	}{
		{"no credentials", nil, "no credentials"},
		{"empty token", []pagerduty.Option{pagerduty.WithToken("  ")}, "token is empty"},
		{"two credentials", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "a"}))}, "use one"},
		{"nil token source", []pagerduty.Option{pagerduty.WithTokenSource(nil)}, "nil"},
		{"relative base URL", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithBaseURL("api.pagerduty.com")}, "not an absolute http(s) URL"},
		{"ftp base URL", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithBaseURL("ftp://x")}, "not an absolute http(s) URL"},
		{"base URL with query", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithBaseURL("https://x/?a=b")}, "query"},
		{"unknown region", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithRegion("mars")}, "unknown region"},
		{"bad From", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithFrom("not an email")}, "not an email"},
		{"negative wait", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithRetry(pagerduty.RetryPolicy{MinWait: -1})}, "negative"},
		{"min over max", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithRetry(pagerduty.RetryPolicy{MinWait: 10, MaxWait: 5})}, "more than MaxWait"},
		{"negative rate", []pagerduty.Option{pagerduty.WithToken("t"), pagerduty.WithRateLimit(pagerduty.RateLimit{PerMinute: -5})}, "negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pagerduty.NewClient(tc.opts...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewClient = %v, %v; want an error containing %q", c, err, tc.want)
			}
		})
	}
}

func TestNewClientIgnoresNilOptions(t *testing.T) {
	if _, err := pagerduty.NewClient(nil, pagerduty.WithToken("t"), nil); err != nil {
		t.Fatal(err)
	}
}

func TestRegionsPickBaseURLs(t *testing.T) {
	for _, tc := range []struct {
		region             pagerduty.Region
		rest, events, auth string
	}{
		{"", "https://api.pagerduty.com", "https://events.pagerduty.com", "https://identity.pagerduty.com/oauth/token"},
		{pagerduty.US, "https://api.pagerduty.com", "https://events.pagerduty.com", "https://identity.pagerduty.com/oauth/token"},
		{pagerduty.EU, "https://api.eu.pagerduty.com", "https://events.eu.pagerduty.com", "https://identity.eu.pagerduty.com/oauth/token"},
	} {
		c, err := pagerduty.NewClient(pagerduty.WithToken("t"), pagerduty.WithRegion(tc.region))
		if err != nil {
			t.Fatal(err)
		}
		if c.BaseURL() != tc.rest || tc.region.EventsURL() != tc.events || tc.region.TokenURL() != tc.auth {
			t.Errorf("region %q: %s %s %s", tc.region, c.BaseURL(), tc.region.EventsURL(), tc.region.TokenURL())
		}
	}
	c, _ := pagerduty.NewClient(pagerduty.WithToken("t"), pagerduty.WithRegion(pagerduty.EU), pagerduty.WithBaseURL("http://127.0.0.1:9/"))
	if c.BaseURL() != "http://127.0.0.1:9" || c.Region() != pagerduty.EU {
		t.Errorf("WithBaseURL should win over the region's URL: %s, %s", c.BaseURL(), c.Region())
	}
}

func TestEveryRequestCarriesHeaders(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, 200, map[string]any{"abilities": []string{"teams"}})
	}, pagerduty.WithUserAgent("my-app/1.0"), pagerduty.WithFrom("ops@example.com"))
	if _, err := c.Abilities.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := rec.all()[0].Header
	for k, want := range map[string]string{
		"Accept":        "application/vnd.pagerduty+json;version=2, application/json",
		"Content-Type":  "application/json",
		"Authorization": "Token token=" + testToken,
		"User-Agent":    "my-app/1.0",
		"From":          "ops@example.com",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

func TestDefaultUserAgentNamesPdkit(t *testing.T) {
	var ua atomic.Value
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	})
	c.Abilities.List(context.Background())
	if got, _ := ua.Load().(string); !strings.HasPrefix(got, "pdkit/") {
		t.Errorf("User-Agent = %q, want pdkit/<version>", got)
	}
}

// countingSource hands out a new token on every call, like a source whose
// tokens keep expiring.
type countingSource struct{ n atomic.Int32 }

func (s *countingSource) Token() (*oauth2.Token, error) {
	n := s.n.Add(1)
	return &oauth2.Token{AccessToken: "access-" + string(rune('0'+n))}, nil
}

func TestTokenSourceSendsBearerAndRefreshes(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("Authorization"))
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	}))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithTokenSource(&countingSource{}), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := c.Abilities.List(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	// The tokens carry no expiry, so the reuse layer keeps the first one.
	if len(got) != 2 || got[0] != "Bearer access-1" || got[1] != "Bearer access-1" {
		t.Errorf("Authorization headers = %q", got)
	}
}

func TestClientCredentialsFlow(t *testing.T) {
	var form atomic.Value
	tokenSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		form.Store(r.PostForm)
		writeJSON(w, 200, map[string]any{"access_token": "scoped-access", "token_type": "bearer", "expires_in": 3600})
	}))
	defer tokenSrv.Close()
	var auth atomic.Value
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		writeJSON(w, 200, map[string]any{"abilities": []string{}})
	}))
	defer api.Close()

	ctx := context.Background()
	c, err := pagerduty.NewClient(pagerduty.WithBaseURL(api.URL), pagerduty.WithClientCredentials(ctx, pagerduty.ClientCredentials{
		ClientID: "app-id", ClientSecret: "app-secret", Subdomain: "acme", Region: pagerduty.EU,
		Scopes: []string{"incidents.read"}, TokenURL: tokenSrv.URL,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Abilities.List(ctx); err != nil {
		t.Fatal(err)
	}
	if got := auth.Load(); got != "Bearer scoped-access" {
		t.Errorf("Authorization = %v", got)
	}
	f := form.Load().(url.Values)
	if f["grant_type"][0] != "client_credentials" || f["client_id"][0] != "app-id" || f["client_secret"][0] != "app-secret" {
		t.Errorf("token request form = %v", f)
	}
	if f["scope"][0] != "as_account-eu.acme incidents.read" {
		t.Errorf("scope = %q, want the account scope first", f["scope"][0])
	}
}

func TestClientCredentialsNeedsItsFields(t *testing.T) {
	_, err := pagerduty.NewClient(pagerduty.WithClientCredentials(context.Background(), pagerduty.ClientCredentials{ClientID: "x"}))
	if err == nil || !strings.Contains(err.Error(), "ClientSecret, Subdomain must be set") {
		t.Fatalf("err = %v", err)
	}
}

// A failing token endpoint is an error that does not show the secret.
func TestTokenFailureKeepsSecretsOut(t *testing.T) {
	tokenSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The body echoes the secret; the error must not.
		writeJSON(w, 401, map[string]any{"error": "invalid_client", "error_description": "client authentication failed", "debug": "client_secret=app-secret-XYZ"})
	}))
	defer tokenSrv.Close()
	var apiCalls atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { apiCalls.Add(1) }))
	defer api.Close()
	c, err := pagerduty.NewClient(pagerduty.WithBaseURL(api.URL), pagerduty.WithClientCredentials(context.Background(), pagerduty.ClientCredentials{
		ClientID: "id", ClientSecret: "app-secret-XYZ", Subdomain: "acme", TokenURL: tokenSrv.URL}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Abilities.List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "invalid_client") {
		t.Fatalf("err = %v, want the OAuth error code", err)
	}
	if strings.Contains(err.Error(), "app-secret-XYZ") {
		t.Errorf("the error shows the client secret: %v", err)
	}
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		t.Errorf("the OAuth error should stay inspectable: %v", err)
	}
	if apiCalls.Load() != 0 {
		t.Error("no API request should be sent without a token")
	}
}

func TestIDsAreValidatedBeforeAnyRequest(t *testing.T) {
	var calls atomic.Int32
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { calls.Add(1) })
	for _, id := range []string{"", "../users", "a/b", "..", ".", "P1?x=1", "P1#x", "P 1", "P%2F1", `P1\x`, "P1\x00", "P1\n", strings.Repeat("A", 129), "é"} {
		_, err := c.Incidents.Get(context.Background(), id, nil)
		if err == nil {
			t.Errorf("Get(%q) sent a request", id)
		}
	}
	if calls.Load() != 0 {
		t.Errorf("%d requests reached the server", calls.Load())
	}
}

func TestValidIDsAreEscapedIntoThePath(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, 200, map[string]any{"incident": map[string]any{"id": "PABC123"}})
	})
	for _, id := range []string{"PABC123", "1234", "0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "a.b_c-d", "pagerduty.com:test:sample-action:1"} {
		if _, err := c.Incidents.Get(context.Background(), id, nil); err != nil {
			t.Fatalf("Get(%q): %v", id, err)
		}
	}
	for i, want := range []string{"/incidents/PABC123", "/incidents/1234", "/incidents/0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "/incidents/a.b_c-d", "/incidents/pagerduty.com:test:sample-action:1"} {
		if got := rec.all()[i].Path; got != want {
			t.Errorf("path = %s, want %s", got, want)
		}
	}
}

func TestValidateIDMessagesSayWhatIsAccepted(t *testing.T) {
	err := pagerduty.ValidateID("../users")
	if err == nil || !strings.Contains(err.Error(), "letters, digits") || !strings.Contains(err.Error(), "':'") {
		t.Fatalf("ValidateID = %v", err)
	}
}

func TestValidateIDAcceptsColonsButNothingThatLeavesThePath(t *testing.T) {
	for _, id := range []string{"pagerduty.com:test:sample-action:1", "pagerduty.com:incident-workflows:send-status-update:1", ":", "a:b"} {
		if err := pagerduty.ValidateID(id); err != nil {
			t.Errorf("ValidateID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range []string{"a:/b", "a:?b", "a:#b", "a:%2F", `a:\b`, "a: b", "a:\tb", ".", ".."} {
		if err := pagerduty.ValidateID(id); err == nil {
			t.Errorf("ValidateID(%q) = nil, want an error", id)
		}
	}
}

// TestClientKeepsConnectionsBetweenBursts checks that a client shared by
// goroutines keeps the connections of a burst for the next one, instead of
// closing all but two and opening them again (a TLS handshake each against
// PagerDuty).
func TestClientKeepsConnectionsBetweenBursts(t *testing.T) {
	var opened, inFlight atomic.Int32
	var release atomic.Pointer[chan struct{}]
	newGate := func() {
		ch := make(chan struct{})
		inFlight.Store(0)
		release.Store(&ch)
	}
	newGate()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Hold each request until the whole burst is in, so that the burst
		// really needs that many connections at once.
		gate := *release.Load()
		if inFlight.Add(1) == burstSize {
			close(gate)
		}
		<-gate
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"abilities":["sso"]}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("u+keepalive-test"), pagerduty.WithBaseURL(srv.URL),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}))
	if err != nil {
		t.Fatal(err)
	}
	burst := func() {
		var wg sync.WaitGroup
		for range burstSize {
			wg.Go(func() {
				if _, err := c.Abilities.List(context.Background()); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	burst()
	first := opened.Load()
	if first != burstSize {
		t.Fatalf("the first burst of %d concurrent calls opened %d connections", burstSize, first)
	}
	newGate()
	burst()
	if again := opened.Load() - first; again != 0 {
		t.Errorf("the second burst opened %d new connections; want the %d of the first reused", again, first)
	}
}

// burstSize is the rate limiter's default burst: what a shared client
// sends at once.
const burstSize = 16
