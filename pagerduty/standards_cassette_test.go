package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestStandardsCassette'.
func TestStandardsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/standards/all")
	ctx := context.Background()

	active := true
	list := must(c.Standards.List(ctx, &pagerduty.ListStandardsOptions{Active: &active, ResourceType: pagerduty.StandardTechnicalService})).ok(t, "List")
	if len(list) == 0 || list[0].ID == "" || list[0].Name == "" {
		t.Fatalf("List: %+v", list)
	}
	desc := "Every service says what it does"
	upd := must(c.Standards.Update(ctx, "01CXX38Q0U8XKHO4LNKXUJTBFG", pagerduty.UpdateStandardParams{Active: &active, Description: &desc,
		Exclusions: []pagerduty.StandardScope{{ID: "P0CPWBO"}}})).ok(t, "Update")
	if upd.ID == "" || upd.Name == "" {
		t.Errorf("Update: %+v lacks an ID or a name", upd)
	}
	scores := must(c.Standards.ListScores(ctx, []string{"P0CPWBO", "PQ9K7I8"})).ok(t, "ListScores")
	if len(scores) == 0 || scores[0].ResourceID == "" || scores[0].Score.Total == 0 || len(scores[0].Standards) == 0 {
		t.Errorf("ListScores: %+v", scores)
	}
	one := must(c.Standards.GetScores(ctx, "P0CPWBO")).ok(t, "GetScores")
	if one.ResourceID == "" || one.Score.Total == 0 || len(one.Standards) == 0 || one.Standards[0].ID == "" {
		t.Errorf("GetScores: %+v", one)
	}
}
