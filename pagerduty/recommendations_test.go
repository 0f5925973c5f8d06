package pagerduty_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const recommendationJSON = `{"recommendation_id":"0123456789abcdef0123456789abcdef","type":"service","status":"available",
	"description":"Suppress disk alerts","pcl_expr":"event.summary matches part 'disk'",
	"created_at":"2026-01-10T08:00:00Z","updated_at":"2026-01-11T08:00:00Z",
	"metrics":{"num_events_matching_rule":500,"num_events_with_action":420,"num_events_with_action_matching_rule":400,"precision_metric":0.8,"recall":0.95},
	"actions":{"suppress":true,"severity":"low","priority":"PPRIO01"},"parent":{"id":"PSVC001","type":"service_reference"}}`

func checkRecommendation(t *testing.T, got any) {
	t.Helper()
	want := pagerduty.RecommendedRule{
		RecommendationID: "0123456789abcdef0123456789abcdef", Type: "service", Status: "available",
		Description: "Suppress disk alerts", Expression: "event.summary matches part 'disk'",
		CreatedAt: time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2026, 1, 11, 8, 0, 0, 0, time.UTC),
		Metrics: &pagerduty.RecommendedRuleMetrics{EventsMatchingRule: 500, EventsWithAction: 420, EventsWithActionMatchingRule: 400, Precision: 0.8, Recall: 0.95},
		Actions: pagerduty.RecommendedRuleActions{Suppress: true, Severity: pagerduty.RecommendedLow, Priority: "PPRIO01"},
		Parent:  &pagerduty.Reference{ID: "PSVC001", Type: "service_reference"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("recommendation (-want +got):\n%s", diff)
	}
}

func TestRecommendationsRequests(t *testing.T) {
	base := "/recommendations/event_orchestrations/services/PSVC001"
	recID := "0123456789abcdef0123456789abcdef"
	runAPICases(t, []apiCase{
		{
			name: "ListRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Recommendations.ListRules(ctx, &pagerduty.ListRecommendedRulesOptions{
					CursorOptions: pagerduty.CursorOptions{Limit: 50, Cursor: "c0"},
					ServiceIDs:    []string{"PSVC001"}, TeamIDs: []string{"PTEAM01"},
					Actions: []pagerduty.RecommendedRuleAction{pagerduty.RecommendSuppress, pagerduty.RecommendPriority},
				}))
			},
			answer: `{"recommended_rules":[` + recommendationJSON + `],"next_cursor":null}`,
			want: wantRequest{method: "GET", path: "/recommendations/event_orchestrations/rules",
				query: vals("limit", "50", "cursor", "c0", "service_ids[]", "PSVC001", "team_ids[]", "PTEAM01", "actions[]", "suppress", "actions[]", "priority")},
			check: checkRecommendation,
		},
		{
			name: "ListRulesPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Recommendations.ListRulesPage(ctx, &pagerduty.ListRecommendedRulesOptions{ServiceID: "PSVC001", CursorOptions: pagerduty.CursorOptions{Limit: 1}})
			},
			answer: `{"recommended_rules":[` + recommendationJSON + `],"next_cursor":"c1"}`,
			want:   wantRequest{method: "GET", path: "/recommendations/event_orchestrations/rules", query: vals("service_id", "PSVC001", "limit", "1")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.RecommendedRule])
				if len(p.Items) != 1 || p.NextCursor != "c1" {
					t.Fatalf("page = %+v", p)
				}
				checkRecommendation(t, p.Items[0])
			},
		},
		{
			name: "AcceptRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Recommendations.AcceptRule(ctx, "PSVC001", recID)
			},
			answer: `{"status":"ok"}`,
			want:   wantRequest{method: "POST", path: base + "/rules/" + recID + "/accept"},
		},
		{
			name: "DismissRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Recommendations.DismissRule(ctx, "PSVC001", recID, pagerduty.FeedbackPositive)
			},
			answer: `{"status":"ok"}`,
			want:   wantRequest{method: "POST", path: base + "/rules/" + recID + "/dismiss", body: `{"decision":{"feedback":"positive"}}`},
		},
		{
			name: "DeleteAcceptedRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Recommendations.DeleteAcceptedRule(ctx, "PSVC001", "a1b2c3d4")
			},
			answer: `{"status":"ok"}`,
			want:   wantRequest{method: "DELETE", path: base + "/accepted_rules/a1b2c3d4"},
		},
	})
}

// ListRules follows next_cursor to the end.
func TestRecommendationsListFollowsCursors(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		if r.URL.Query().Get("cursor") == "" {
			_, _ = w.Write([]byte(`{"recommended_rules":[` + recommendationJSON + `],"next_cursor":"next"}`))
			return
		}
		_, _ = w.Write([]byte(`{"recommended_rules":[` + recommendationJSON + `],"next_cursor":null}`))
	})
	n := 0
	for _, err := range c.Recommendations.ListRules(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if reqs := rec.all(); n != 2 || len(reqs) != 2 || reqs[1].Query.Get("cursor") != "next" {
		t.Errorf("read %d recommendations in %d requests", n, len(reqs))
	}
}

func TestRecommendationsReportAnUnexpectedStatus(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"status":"pending"}`)) })
	err := c.Recommendations.AcceptRule(context.Background(), "PSVC001", "r1")
	if err == nil || !strings.Contains(err.Error(), `status "pending"`) {
		t.Errorf("AcceptRule: %v, want the status reported", err)
	}
}

func TestRecommendationsRejectBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"limit over 50", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Recommendations.ListRules(ctx, &pagerduty.ListRecommendedRulesOptions{CursorOptions: pagerduty.CursorOptions{Limit: 51}}))
		}, "holds 1 to 50"},
		{"unknown action", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Recommendations.ListRulesPage(ctx, &pagerduty.ListRecommendedRulesOptions{Actions: []pagerduty.RecommendedRuleAction{"route"}})
			return err
		}, `"route" is not accepted; use one of suppress, severity, priority`},
		{"bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Recommendations.ListRulesPage(ctx, &pagerduty.ListRecommendedRulesOptions{ServiceID: "a b"})
			return err
		}, "ServiceID"},
		{"bad team ID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Recommendations.ListRules(ctx, &pagerduty.ListRecommendedRulesOptions{TeamIDs: []string{""}}))
		}, "TeamIDs"},
		{"dismiss without feedback", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Recommendations.DismissRule(ctx, "PSVC001", "r1", "")
		}, "the feedback is required"},
		{"dismiss with unknown feedback", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Recommendations.DismissRule(ctx, "PSVC001", "r1", "meh")
		}, `"meh" is not accepted`},
		{"accept with a bad recommendation ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Recommendations.AcceptRule(ctx, "PSVC001", "../x")
		}, "{recommendation_id}"},
		{"delete with a bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Recommendations.DeleteAcceptedRule(ctx, "", "r1")
		}, "{service_id}"},
	})
}
