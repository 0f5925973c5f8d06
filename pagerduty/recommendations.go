package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// RecommendedRule is an event orchestration rule PagerDuty suggests for a
// service, learned from how its responders handled similar alerts: when an
// event meets Expression, apply Actions.
type RecommendedRule struct {
	// RecommendationID names the recommendation in Accept and Dismiss.
	RecommendationID string `json:"recommendation_id"`
	// Type is "service": the rule is for a service orchestration.
	Type string `json:"type,omitempty"`
	// Status is "available" until the recommendation is acted on.
	Status      string `json:"status,omitempty"`
	Description string `json:"description,omitempty"`
	// Expression is the rule's condition, in PagerDuty Condition Language.
	Expression string    `json:"pcl_expr,omitempty"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
	UpdatedAt  time.Time `json:"updated_at,omitzero"`
	// Metrics say how well the rule would have matched past events.
	Metrics *RecommendedRuleMetrics `json:"metrics,omitempty"`
	Actions RecommendedRuleActions  `json:"actions"`
	// Parent is the service the rule is for.
	Parent *Reference `json:"parent,omitempty"`
}

// RecommendedRuleMetrics measure a recommended rule against past events.
type RecommendedRuleMetrics struct {
	// EventsMatchingRule counts the events the condition matched.
	EventsMatchingRule int `json:"num_events_matching_rule"`
	// EventsWithAction counts the events responders acted on the way the
	// rule would.
	EventsWithAction int `json:"num_events_with_action"`
	// EventsWithActionMatchingRule counts the events both matched and acted
	// on.
	EventsWithActionMatchingRule int `json:"num_events_with_action_matching_rule"`
	// Precision (0 to 1) is the share of matched events that were acted on.
	Precision float64 `json:"precision_metric"`
	// Recall (0 to 1) is the share of acted-on events the rule matches.
	Recall float64 `json:"recall"`
}

// RecommendedSeverity is a severity a recommended rule sets.
type RecommendedSeverity string

// The severities a recommended rule can set.
const (
	RecommendedCritical RecommendedSeverity = "critical"
	RecommendedHigh     RecommendedSeverity = "high"
	RecommendedWarning  RecommendedSeverity = "warning"
	RecommendedInfo     RecommendedSeverity = "info"
	RecommendedLow      RecommendedSeverity = "low"
)

// RecommendedRuleActions are what a recommended rule would do.
type RecommendedRuleActions struct {
	Suppress bool                `json:"suppress,omitempty"`
	Severity RecommendedSeverity `json:"severity,omitempty"`
	// Priority is the ID of the priority the rule would set.
	Priority string `json:"priority,omitempty"`
}

// RecommendedRuleAction names a kind of action, to filter recommendations.
type RecommendedRuleAction string

// The kinds of actions recommendations can be filtered by.
const (
	RecommendSuppress RecommendedRuleAction = "suppress"
	RecommendSeverity RecommendedRuleAction = "severity"
	RecommendPriority RecommendedRuleAction = "priority"
)

// maxRecommendationsPage is the largest page of recommendations.
const maxRecommendationsPage = 50

// ListRecommendedRulesOptions filters and pages a listing of recommended
// rules. The zero value lists every recommendation of the account.
type ListRecommendedRulesOptions struct {
	// CursorOptions pages the listing; Limit is 1 to 50.
	CursorOptions
	// ServiceID keeps the recommendations for one service.
	ServiceID string `url:"service_id"`
	// ServiceIDs and TeamIDs keep those for these services, or for the
	// services of these teams.
	ServiceIDs []string `url:"service_ids[]"`
	TeamIDs    []string `url:"team_ids[]"`
	// Actions keeps the recommendations that take one of these actions.
	Actions []RecommendedRuleAction `url:"actions[]"`
}

func (o *ListRecommendedRulesOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if o.Limit < 0 || o.Limit > maxRecommendationsPage {
		return nil, CursorOptions{}, fmt.Errorf("pagerduty: Limit %d is out of range: a page of recommendations holds 1 to %d (0 for the default)", o.Limit, maxRecommendationsPage)
	}
	if err := optionalID("ServiceID", o.ServiceID); err != nil {
		return nil, CursorOptions{}, err
	}
	for field, ids := range map[string][]string{"ServiceIDs": o.ServiceIDs, "TeamIDs": o.TeamIDs} {
		if err := checkIDs(field, ids); err != nil {
			return nil, CursorOptions{}, err
		}
	}
	if err := oneOf("Actions", o.Actions, RecommendSuppress, RecommendSeverity, RecommendPriority); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// ListRules streams the rules PagerDuty recommends, fetching pages as the
// loop asks for them.
//
// OAuth scope recommendations.read.
func (s *RecommendationsService) ListRules(ctx context.Context, opts *ListRecommendedRulesOptions) iter.Seq2[RecommendedRule, error] {
	return cursorSeqAt[RecommendedRule](ctx, s.client, "/recommendations/event_orchestrations/rules", "recommended_rules", opts.query)
}

// ListRulesPage returns one page of the rules PagerDuty recommends;
// Page.NextCursor continues the listing.
//
// OAuth scope recommendations.read.
func (s *RecommendationsService) ListRulesPage(ctx context.Context, opts *ListRecommendedRulesOptions) (*Page[RecommendedRule], error) {
	return cursorPageAt[RecommendedRule](ctx, s.client, "/recommendations/event_orchestrations/rules", "recommended_rules", opts.query)
}

// RecommendationFeedback says whether a dismissed recommendation was
// useful, to improve the next ones.
type RecommendationFeedback string

// The kinds of feedback on a dismissed recommendation.
const (
	FeedbackPositive RecommendationFeedback = "positive"
	FeedbackNegative RecommendationFeedback = "negative"
)

// recommendationCall performs a write whose answer is {"status": "ok"}.
func (s *RecommendationsService) recommendationCall(ctx context.Context, r *request) error {
	var out struct {
		Status string `json:"status"`
	}
	if err := s.client.do(ctx, r, &out); err != nil {
		return err
	}
	if out.Status != "" && out.Status != "ok" {
		return fmt.Errorf("pagerduty: %s %s: the API answered status %q", r.method, r.path, out.Status)
	}
	return nil
}

// AcceptRule adds the recommended rule recommendationID to the service
// orchestration of the service serviceID.
//
// OAuth scope recommendations.write.
func (s *RecommendationsService) AcceptRule(ctx context.Context, serviceID, recommendationID string) error {
	path, err := expandPath("/recommendations/event_orchestrations/services/{service_id}/rules/{recommendation_id}/accept", serviceID, recommendationID)
	if err != nil {
		return err
	}
	return s.recommendationCall(ctx, &request{method: "POST", path: path})
}

// DismissRule declines the recommended rule recommendationID for the
// service serviceID, saying whether the recommendation was useful.
//
// OAuth scope recommendations.write.
func (s *RecommendationsService) DismissRule(ctx context.Context, serviceID, recommendationID string, feedback RecommendationFeedback) error {
	path, err := expandPath("/recommendations/event_orchestrations/services/{service_id}/rules/{recommendation_id}/dismiss", serviceID, recommendationID)
	if err != nil {
		return err
	}
	if feedback == "" {
		return required("the feedback", "FeedbackPositive or FeedbackNegative")
	}
	if err := oneOf("the feedback", []RecommendationFeedback{feedback}, FeedbackPositive, FeedbackNegative); err != nil {
		return err
	}
	body := map[string]any{"decision": map[string]RecommendationFeedback{"feedback": feedback}}
	return s.recommendationCall(ctx, &request{method: "POST", path: path, body: body})
}

// DeleteAcceptedRule removes from the service orchestration of the service
// serviceID the rule ruleID that accepting a recommendation added.
//
// OAuth scope recommendations.write.
func (s *RecommendationsService) DeleteAcceptedRule(ctx context.Context, serviceID, ruleID string) error {
	path, err := expandPath("/recommendations/event_orchestrations/services/{service_id}/accepted_rules/{rule_id}", serviceID, ruleID)
	if err != nil {
		return err
	}
	return s.recommendationCall(ctx, &request{method: "DELETE", path: path})
}
