package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestTagsCassette'.

func checkRecordedTag(t *testing.T, what string, g *pagerduty.Tag) {
	t.Helper()
	if g == nil || g.ID == "" || g.Label == "" || g.Type != "tag" {
		t.Errorf("%s: tag %+v lacks an ID, a label or its type", what, g)
	}
}

func TestTagsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/tags/all")
	ctx := context.Background()

	for _, g := range readUpTo(t, "List", c.Tags.List(ctx, &pagerduty.ListTagsOptions{Query: "pay"}), 2) {
		checkRecordedTag(t, "List", &g)
	}
	page := must(c.Tags.ListPage(ctx, &pagerduty.ListTagsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no tags")
	}
	created := must(c.Tags.Create(ctx, "payments")).ok(t, "Create")
	checkRecordedTag(t, "Create", created)
	checkRecordedTag(t, "Get", must(c.Tags.Get(ctx, created.ID)).ok(t, "Get"))

	for _, g := range readUpTo(t, "ListForEntity", c.Tags.ListForEntity(ctx, pagerduty.TaggedTeams, "PQ9K7I8", nil), 2) {
		checkRecordedTag(t, "ListForEntity", &g)
	}
	for _, r := range readUpTo(t, "ListEntities", c.Tags.ListEntities(ctx, created.ID, pagerduty.TaggedUsers, nil), 2) {
		if r.ID == "" || r.Type != "user_reference" {
			t.Errorf("ListEntities: %+v is not a user reference", r)
		}
	}
	mustDo(t, "Change", c.Tags.Change(ctx, pagerduty.TaggedUsers, "PQ9K7I8", &pagerduty.ChangeTagsParams{
		AddLabels: []string{"payments"}, AddIDs: []string{"P1234AB"}, RemoveIDs: []string{"P5678CD"}}))
	mustDo(t, "Delete", c.Tags.Delete(ctx, created.ID))
}
