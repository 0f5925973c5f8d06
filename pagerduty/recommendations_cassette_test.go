package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Record with:
//
//	PRISM_PORT=4032 scripts/record.sh ./pagerduty -run '^TestRecommendationsCassette'

func checkRecordedRecommendation(t *testing.T, what string, r pagerduty.RecommendedRule) {
	t.Helper()
	if r.RecommendationID == "" || r.Expression == "" || r.Status == "" || r.CreatedAt.IsZero() || r.Metrics == nil || r.Metrics.Precision == 0 || r.Parent == nil || r.Parent.ID == "" {
		t.Errorf("%s: recommendation %+v lacks an ID, an expression, a status, a creation, metrics or a parent", what, r)
	}
}

func TestRecommendationsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/recommendations/rules")
	ctx := context.Background()

	recs := readUpTo(t, "ListRules", c.Recommendations.ListRules(ctx, &pagerduty.ListRecommendedRulesOptions{
		ServiceIDs: []string{"P1ABC23"}, Actions: []pagerduty.RecommendedRuleAction{pagerduty.RecommendSuppress},
	}), 2)
	for _, r := range recs {
		checkRecordedRecommendation(t, "ListRules", r)
	}
	page := must(c.Recommendations.ListRulesPage(ctx, &pagerduty.ListRecommendedRulesOptions{ServiceID: "P1ABC23", CursorOptions: pagerduty.CursorOptions{Limit: 10}})).ok(t, "ListRulesPage")
	if len(page.Items) == 0 || page.NextCursor == "" {
		t.Errorf("ListRulesPage = %+v", page)
	}
	r := recs[0]
	mustDo(t, "AcceptRule", c.Recommendations.AcceptRule(ctx, r.Parent.ID, r.RecommendationID))
	mustDo(t, "DismissRule", c.Recommendations.DismissRule(ctx, r.Parent.ID, r.RecommendationID, pagerduty.FeedbackNegative))
	mustDo(t, "DeleteAcceptedRule", c.Recommendations.DeleteAcceptedRule(ctx, r.Parent.ID, "c91f72f3"))
}
