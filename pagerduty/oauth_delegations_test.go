package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestOAuthDelegationsRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.OAuthDelegations.Delete(ctx, pagerduty.DeleteOAuthDelegationsParams{UserID: "PU1", Type: pagerduty.OAuthDelegationWeb})
		}, answer: `{"status":"ok"}`, want: wantRequest{method: "DELETE", path: "/oauth_delegations", query: vals("user_id", "PU1", "type", "web")},
			check: func(t *testing.T, got any) {
				if got.(string) != "ok" {
					t.Errorf("status %q", got)
				}
			}},
		{name: "revocation status", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.OAuthDelegations.RevocationRequestsStatus(ctx, time.Date(2026, 1, 1, 12, 0, 0, 0, time.FixedZone("x", 3600)))
		}, answer: `{"pending":0}`, want: wantRequest{method: "GET", path: "/oauth_delegations/revocation_requests/status", query: vals("requested_at_end", "2026-01-01T11:00:00Z")},
			check: func(t *testing.T, got any) {
				if s := got.(*pagerduty.OAuthRevocationStatus); string(s.Raw) != `{"pending":0}` {
					t.Errorf("raw %s", s.Raw)
				}
			}},
	})
	runBadCalls(t, []badCall{
		{"no user", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.OAuthDelegations.Delete(ctx, pagerduty.DeleteOAuthDelegationsParams{Type: pagerduty.OAuthDelegationMobile})
			return err
		}, "UserID"},
		{"type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.OAuthDelegations.Delete(ctx, pagerduty.DeleteOAuthDelegationsParams{UserID: "PU1", Type: "desktop"})
			return err
		}, `"desktop" is not accepted`},
	})
}
