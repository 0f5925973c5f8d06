package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestSessionConfigurationsRequests(t *testing.T) {
	const confs = `{"session_configurations":[{"type":"web","absolute_session_ttl":86400,"idle_session_ttl":3600}]}`
	check := func(t *testing.T, got any) {
		if l := got.([]pagerduty.SessionConfiguration); len(l) != 1 || l[0].Type != pagerduty.SessionConfigurationWeb || l[0].IdleSessionTTL != 3600 {
			t.Errorf("decoded %+v", l)
		}
	}
	runAPICases(t, []apiCase{
		{name: "list all", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.SessionConfigurations.List(ctx, "")
		},
			answer: confs, check: check, want: wantRequest{method: "GET", path: "/session_configurations"}},
		{name: "list one kind", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.SessionConfigurations.List(ctx, pagerduty.SessionConfigurationWeb)
		}, answer: confs, check: check, want: wantRequest{method: "GET", path: "/session_configurations", query: vals("type", "web")}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.SessionConfigurations.Update(ctx, pagerduty.UpdateSessionConfigurationParams{Type: pagerduty.SessionConfigurationWeb, AbsoluteSessionTTL: 86400, IdleSessionTTL: 3600})
		}, answer: confs, check: check,
			want: wantRequest{method: "PUT", path: "/session_configurations", query: vals("type", "web"), body: `{"session_configuration":{"absolute_session_ttl":86400,"idle_session_ttl":3600}}`}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.SessionConfigurations.Delete(ctx, pagerduty.SessionConfigurationMobile)
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/session_configurations", query: vals("type", "mobile")}},
	})
	runBadCalls(t, []badCall{
		{"list kind", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SessionConfigurations.List(ctx, "desktop")
			return err
		}, `"desktop" is not accepted`},
		{"update without kind", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SessionConfigurations.Update(ctx, pagerduty.UpdateSessionConfigurationParams{AbsoluteSessionTTL: 1, IdleSessionTTL: 1})
			return err
		}, "Type"},
		{"absolute too long", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SessionConfigurations.Update(ctx, pagerduty.UpdateSessionConfigurationParams{Type: pagerduty.SessionConfigurationWeb, AbsoluteSessionTTL: pagerduty.MaxAbsoluteSessionTTL + 1, IdleSessionTTL: 1})
			return err
		}, "AbsoluteSessionTTL"},
		{"idle zero", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SessionConfigurations.Update(ctx, pagerduty.UpdateSessionConfigurationParams{Type: pagerduty.SessionConfigurationWeb, AbsoluteSessionTTL: 60})
			return err
		}, "IdleSessionTTL"},
		{"delete without kind", func(ctx context.Context, c *pagerduty.Client) error { return c.SessionConfigurations.Delete(ctx, "") }, "Type"},
	})
}
