package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const tagJSON = `{"id":"PG1","type":"tag","label":"payments","summary":"payments"}`

func TestTagsRequests(t *testing.T) {
	check := func(t *testing.T, got any) {
		t.Helper()
		var g *pagerduty.Tag
		switch v := got.(type) {
		case *pagerduty.Tag:
			g = v
		case []pagerduty.Tag:
			g = &v[0]
		case *pagerduty.Page[pagerduty.Tag]:
			g = &v.Items[0]
		}
		if g.ID != "PG1" || g.Label != "payments" || g.Type != "tag" {
			t.Errorf("tag %+v", g)
		}
	}
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.Tags.List(ctx, &pagerduty.ListTagsOptions{Query: "pay"}))
		}, answer: `{"tags":[` + tagJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/tags", query: pageQuery("query", "pay")}, check: check},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Tags.ListPage(ctx, &pagerduty.ListTagsOptions{ListOptions: pagerduty.ListOptions{Limit: 5}})
		}, answer: `{"tags":[` + tagJSON + `],"more":true}`,
			want: wantRequest{method: "GET", path: "/tags", query: vals("limit", "5")}, check: check},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Tags.Get(ctx, "PG1")
		}, answer: `{"tag":` + tagJSON + `}`, want: wantRequest{method: "GET", path: "/tags/PG1"}, check: check},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Tags.Create(ctx, "payments")
		}, status: http.StatusCreated, answer: `{"tag":` + tagJSON + `}`,
			want: wantRequest{method: "POST", path: "/tags", body: `{"tag":{"type":"tag","label":"payments"}}`}, check: check},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Tags.Delete(ctx, "PG1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/tags/PG1"}},
		{name: "ListForEntity", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.Tags.ListForEntity(ctx, pagerduty.TaggedEscalationPolicies, "PEP1", &pagerduty.ListOptions{Limit: 50}))
		}, answer: `{"tags":[` + tagJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/escalation_policies/PEP1/tags", query: vals("limit", "50", "offset", "0")}, check: check},
		{name: "ListEntities", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.Tags.ListEntities(ctx, "PG1", pagerduty.TaggedTeams, nil))
		}, answer: `{"teams":[{"id":"PT1","type":"team_reference","summary":"Ops"}],"more":false}`,
			want: wantRequest{method: "GET", path: "/tags/PG1/teams", query: pageQuery()},
			check: func(t *testing.T, got any) {
				r := got.([]pagerduty.Reference)
				if len(r) != 1 || r[0].ID != "PT1" || r[0].Type != "team_reference" || r[0].Summary != "Ops" {
					t.Errorf("entities %+v", r)
				}
			}},
		{name: "Change", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.Tags.Change(ctx, pagerduty.TaggedUsers, "PU1", &pagerduty.ChangeTagsParams{
				AddLabels: []string{"payments"}, AddIDs: []string{"PG2"}, RemoveIDs: []string{"PG3"}})
		}, answer: `{}`,
			want: wantRequest{method: "POST", path: "/users/PU1/change_tags", body: `{"add":[{"type":"tag","label":"payments"},{"type":"tag_reference","id":"PG2"}],"remove":[{"type":"tag_reference","id":"PG3"}]}`}},
	})
}

func TestTagsRejectBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"List limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Tags.List(ctx, &pagerduty.ListTagsOptions{ListOptions: pagerduty.ListOptions{Limit: 101}}))
		}, "out of range"},
		{"ListPage offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Tags.ListPage(ctx, &pagerduty.ListTagsOptions{ListOptions: pagerduty.ListOptions{Offset: -5}})
			return err
		}, "negative"},
		{"Create empty", func(ctx context.Context, c *pagerduty.Client) error { _, err := c.Tags.Create(ctx, ""); return err }, "label is required"},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error { _, err := c.Tags.Get(ctx, "a/b"); return err }, "invalid ID"},
		{"Delete bad ID", func(ctx context.Context, c *pagerduty.Client) error { return c.Tags.Delete(ctx, "") }, "ID is empty"},
		{"ListForEntity bad kind", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Tags.ListForEntity(ctx, "services", "PS1", nil))
		}, `"services" is not accepted`},
		{"ListForEntity no kind", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Tags.ListForEntity(ctx, "", "PS1", nil))
		}, "entity type is required"},
		{"ListForEntity limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Tags.ListForEntity(ctx, pagerduty.TaggedUsers, "PU1", &pagerduty.ListOptions{Limit: 200}))
		}, "out of range"},
		{"ListEntities bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Tags.ListEntities(ctx, "..", pagerduty.TaggedUsers, nil))
		}, "not an ID"},
		{"Change nothing", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Tags.Change(ctx, pagerduty.TaggedTeams, "PT1", &pagerduty.ChangeTagsParams{})
		}, "does nothing"},
		{"Change empty label", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Tags.Change(ctx, pagerduty.TaggedTeams, "PT1", &pagerduty.ChangeTagsParams{AddLabels: []string{""}})
		}, "AddLabels[0] is empty"},
		{"Change bad remove ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Tags.Change(ctx, pagerduty.TaggedTeams, "PT1", &pagerduty.ChangeTagsParams{RemoveIDs: []string{"a b"}})
		}, "RemoveIDs"},
		{"Change bad kind", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Tags.Change(ctx, "schedules", "PS1", &pagerduty.ChangeTagsParams{AddIDs: []string{"PG1"}})
		}, `"schedules" is not accepted`},
	})
}
