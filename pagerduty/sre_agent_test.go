package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestSREAgentRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.SREAgent.ListMemories(ctx, &pagerduty.ListSREMemoriesOptions{Limit: 5, IncidentID: "Q1", Type: pagerduty.SREMemoryIncidentPlaybook})
		}, answer: `{"memories":[{"id":"M1","content":"c","attributes":{"incident_id":"Q1","type":"incident_playbook"},"created_at":"2026-01-02T03:04:05Z"}]}`,
			want: wantRequest{method: "GET", path: "/sre_agent/memories", query: vals("limit", "5", "incident_id", "Q1", "type", "incident_playbook")},
			check: func(t *testing.T, got any) {
				if m := got.([]pagerduty.SREMemory); len(m) != 1 || m[0].Attributes.Type != pagerduty.SREMemoryIncidentPlaybook || m[0].CreatedAt.IsZero() {
					t.Errorf("decoded %+v", m)
				}
			}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.SREAgent.UpdateMemory(ctx, "M1", "new text")
		},
			answer: `{"memory":{"id":"M1","content":"new text"}}`, want: wantRequest{method: "PUT", path: "/sre_agent/memories/M1", body: `{"memory":{"content":"new text"}}`},
			check: func(t *testing.T, got any) {
				if m := got.(*pagerduty.SREMemory); m.Content != "new text" {
					t.Errorf("decoded %+v", m)
				}
			}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.SREAgent.DeleteMemory(ctx, "M1")
		},
			status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/sre_agent/memories/M1"}},
	})
	runBadCalls(t, []badCall{
		{"limit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SREAgent.ListMemories(ctx, &pagerduty.ListSREMemoriesOptions{Limit: 101})
			return err
		}, "out of range"},
		{"summary type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SREAgent.ListMemories(ctx, &pagerduty.ListSREMemoriesOptions{Type: pagerduty.SREMemoryIncidentSummary})
			return err
		}, `"incident_summary" is not accepted`},
		{"service id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SREAgent.ListMemories(ctx, &pagerduty.ListSREMemoriesOptions{ServiceID: "a b"})
			return err
		}, "ServiceID"},
		{"blank content", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.SREAgent.UpdateMemory(ctx, "M1", "  ")
			return err
		}, "content is required"},
	})
}
