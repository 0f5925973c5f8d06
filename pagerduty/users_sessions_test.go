package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const sessionJSON = `{"id":"PSESS01","user_id":"PUSER01","created_at":"2026-03-01T08:00:00Z","type":"browser","summary":"Firefox on Linux"}`

func checkSession(t *testing.T, got any) {
	t.Helper()
	s := got.(*pagerduty.UserSession)
	if s.ID != "PSESS01" || s.UserID != "PUSER01" || s.Type != pagerduty.SessionBrowser ||
		!s.CreatedAt.Equal(time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("session %+v", s)
	}
}

const delegationJSON = `{"id":"e53326c6-a713-409c","status":"issued","client_id":"PagerDutyLogin","delegation_type":"mobile",
 "scope":"openid write","created_at":"2026-01-01T12:00:00Z","expires_at":"2026-01-08T12:00:00Z","self":"https://api.example.com/x"}`

func checkDelegation(t *testing.T, got any) {
	t.Helper()
	d := got.(*pagerduty.OAuthDelegation)
	if d.ID != "e53326c6-a713-409c" || d.Status != pagerduty.DelegationIssued || d.DelegationType != pagerduty.DelegationMobile ||
		d.Scope != "openid write" || d.ExpiresAt.Sub(d.CreatedAt) != 7*24*time.Hour {
		t.Errorf("delegation %+v", d)
	}
}

func TestUserSessionAndDelegationRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "ListSessions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListSessions(ctx, "PUSER01")
			},
			answer: `{"user_sessions":[` + sessionJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/sessions"},
			check: func(t *testing.T, got any) {
				ss := got.([]pagerduty.UserSession)
				if len(ss) != 1 {
					t.Fatalf("%d sessions", len(ss))
				}
				checkSession(t, &ss[0])
			},
		},
		{
			name: "GetSession",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetSession(ctx, "PUSER01", pagerduty.SessionBrowser, "PSESS01")
			},
			answer: `{"user_session":` + sessionJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/sessions/browser/PSESS01"},
			check:  checkSession,
		},
		{
			name: "DeleteSession",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteSession(ctx, "PUSER01", pagerduty.SessionOAuth, "PSESS02")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/sessions/oauth/PSESS02"},
		},
		{
			name: "DeleteSessions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteSessions(ctx, "PUSER01")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/sessions"},
		},
		{
			name: "ListOAuthDelegations",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				d, err := firstOf(c.Users.ListOAuthDelegations(ctx, "PUSER01", &pagerduty.ListOAuthDelegationsOptions{
					DelegationType: pagerduty.DelegationMobile, Status: pagerduty.DelegationIssued,
					CursorOptions: pagerduty.CursorOptions{Limit: 10}}))
				return &d, err
			},
			answer: `{"oauth_delegations":[` + delegationJSON + `],"limit":10,"more":false,"next_cursor":null}`,
			want: wantRequest{method: "GET", path: "/users/PUSER01/oauth_delegations",
				query: vals("delegation_type", "mobile", "status", "issued", "limit", "10")},
			check: checkDelegation,
		},
		{
			name: "GetOAuthDelegationWrapped",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetOAuthDelegation(ctx, "PUSER01", "e53326c6-a713-409c")
			},
			answer: `{"oauth_delegation":` + delegationJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/oauth_delegations/e53326c6-a713-409c"},
			check:  checkDelegation,
		},
		{
			// The API's description has the delegation unwrapped, and its
			// example names the kind "type".
			name: "GetOAuthDelegationBare",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetOAuthDelegation(ctx, "PUSER01", "e53326c6-a713-409c")
			},
			answer: `{"id":"e53326c6-a713-409c","status":"issued","client_id":"PagerDutyLogin","type":"mobile",
				"scope":"openid write","created_at":"2026-01-01T12:00:00Z","expires_at":"2026-01-08T12:00:00Z"}`,
			want:  wantRequest{method: "GET", path: "/users/PUSER01/oauth_delegations/e53326c6-a713-409c"},
			check: checkDelegation,
		},
	})
}

func TestUserSessionsRejectBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"session type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.GetSession(ctx, "PUSER01", "api", "PSESS01")
			return err
		}, `"api" is not accepted`},
		{"session id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Users.DeleteSession(ctx, "PUSER01", pagerduty.SessionBrowser, "")
		}, "{session_id}"},
		{"delegation type", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.ListOAuthDelegations(ctx, "PUSER01", &pagerduty.ListOAuthDelegationsOptions{DelegationType: "desktop"}))
		}, `"desktop" is not accepted`},
		{"delegation status", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.ListOAuthDelegations(ctx, "PUSER01", &pagerduty.ListOAuthDelegationsOptions{Status: "expired"}))
		}, `"expired" is not accepted`},
		{"delegation limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.ListOAuthDelegations(ctx, "PUSER01", &pagerduty.ListOAuthDelegationsOptions{CursorOptions: pagerduty.CursorOptions{Limit: -2}}))
		}, "negative"},
		{"license user id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.GetLicense(ctx, "..")
			return err
		}, "not an ID"},
	})
}
