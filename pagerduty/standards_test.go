package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestStandardsRequests(t *testing.T) {
	const scores = `{"resource_id":"PS1","resource_type":"technical_service","score":{"passing":1,"total":2},"standards":[{"id":"ST1","name":"Has a description","active":true,"pass":false}]}`
	checkScores := func(t *testing.T, s pagerduty.StandardScores) {
		if s.ResourceID != "PS1" || s.Score.Passing != 1 || s.Score.Total != 2 || len(s.Standards) != 1 || s.Standards[0].Pass {
			t.Errorf("decoded %+v", s)
		}
	}
	no := false
	desc := "d"
	re := "^[A-Z]"
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Standards.List(ctx, &pagerduty.ListStandardsOptions{Active: &no, ResourceType: pagerduty.StandardTechnicalService})
		}, answer: `{"standards":[{"id":"ST1","name":"Has a description","active":false,"inclusions":[{"type":"technical_service_reference","id":"PS1"}]}]}`,
			want: wantRequest{method: "GET", path: "/standards", query: vals("active", "false", "resource_type", "technical_service")},
			check: func(t *testing.T, got any) {
				if l := got.([]pagerduty.Standard); len(l) != 1 || l[0].Active || len(l[0].Inclusions) != 1 || l[0].Inclusions[0].ID != "PS1" {
					t.Errorf("decoded %+v", l)
				}
			}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Standards.Update(ctx, "ST1", pagerduty.UpdateStandardParams{Active: &no, Description: &desc, Regex: &re, Exclusions: []pagerduty.StandardScope{{ID: "PS2"}}})
		}, answer: `{"id":"ST1","name":"n","active":false}`,
			want: wantRequest{method: "PUT", path: "/standards/ST1", body: `{"active":false,"description":"d","values":{"regex":"^[A-Z]"},"exclusions":[{"type":"technical_service_reference","id":"PS2"}]}`},
			check: func(t *testing.T, got any) {
				if s := got.(*pagerduty.Standard); s.ID != "ST1" || s.Active {
					t.Errorf("decoded %+v", s)
				}
			}},
		{name: "scores", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Standards.ListScores(ctx, []string{"PS1", "PS2"})
		},
			answer: `{"resources":[` + scores + `]}`, want: wantRequest{method: "GET", path: "/standards/scores/technical_services", query: vals("ids", "PS1", "ids", "PS2")},
			check: func(t *testing.T, got any) {
				l := got.([]pagerduty.StandardScores)
				if len(l) != 1 {
					t.Fatalf("decoded %+v", l)
				}
				checkScores(t, l[0])
			}},
		{name: "one service", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Standards.GetScores(ctx, "PS1") },
			answer: scores, want: wantRequest{method: "GET", path: "/standards/scores/technical_services/PS1"},
			check: func(t *testing.T, got any) { checkScores(t, *got.(*pagerduty.StandardScores)) }},
	})
	many := make([]string, 101)
	for i := range many {
		many[i] = "PS1"
	}
	runBadCalls(t, []badCall{
		{"resource type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Standards.List(ctx, &pagerduty.ListStandardsOptions{ResourceType: "team"})
			return err
		}, `"team" is not accepted`},
		{"no ids", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Standards.ListScores(ctx, nil)
			return err
		}, "serviceIDs is required"},
		{"too many ids", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Standards.ListScores(ctx, many)
			return err
		}, "at most 100"},
		{"scope id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Standards.Update(ctx, "ST1", pagerduty.UpdateStandardParams{Inclusions: []pagerduty.StandardScope{{}}})
			return err
		}, "Inclusions/Exclusions[0].ID"},
	})
}
