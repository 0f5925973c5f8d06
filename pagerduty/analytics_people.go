package pagerduty

import (
	"context"
	"time"
)

// ResponderMetricsFilters selects the responders and incidents responder
// metrics are computed over.
type ResponderMetricsFilters struct {
	// DateRangeStart and DateRangeEnd bound the range.
	DateRangeStart time.Time `json:"date_range_start,omitzero"`
	DateRangeEnd   time.Time `json:"date_range_end,omitzero"`
	Urgency        Urgency   `json:"urgency,omitempty"`
	TeamIDs        []string  `json:"team_ids,omitempty"`
	// ResponderIDs keeps these users.
	ResponderIDs  []string `json:"responder_ids,omitempty"`
	PriorityIDs   []string `json:"priority_ids,omitempty"`
	PriorityNames []string `json:"priority_names,omitempty"`
}

// ResponderMetricsOptions asks for responder metrics.
type ResponderMetricsOptions struct {
	Filters  ResponderMetricsFilters `json:"filters"`
	TimeZone string                  `json:"time_zone,omitempty"`
	// Order and OrderBy sort the rows by one of their metrics.
	Order   SortOrder `json:"order,omitempty"`
	OrderBy string    `json:"order_by,omitempty"`
}

func (o *ResponderMetricsOptions) body() (*ResponderMetricsOptions, error) {
	if o == nil {
		return &ResponderMetricsOptions{}, nil
	}
	f := &o.Filters
	if err := checkFilterUrgency(f.Urgency); err != nil {
		return nil, err
	}
	if err := checkAnalyticsRange("DateRangeStart", "DateRangeEnd", f.DateRangeStart, f.DateRangeEnd); err != nil {
		return nil, err
	}
	if err := checkSortOrder(o.Order); err != nil {
		return nil, err
	}
	if err := checkFilterIDs(map[string][]string{"TeamIDs": f.TeamIDs, "ResponderIDs": f.ResponderIDs, "PriorityIDs": f.PriorityIDs}); err != nil {
		return nil, err
	}
	return o, nil
}

// ResponderMetrics are the metrics of one responder (a user), or of all the
// responders a query selects. Times are in seconds.
type ResponderMetrics struct {
	ResponderID   string `json:"responder_id,omitempty"`
	ResponderName string `json:"responder_name,omitempty"`
	TeamID        string `json:"team_id,omitempty"`
	TeamName      string `json:"team_name,omitempty"`

	MeanEngagedSeconds                 float64 `json:"mean_engaged_seconds"`
	MeanTimeToAcknowledgeSeconds       float64 `json:"mean_time_to_acknowledge_seconds"`
	TotalBusinessHourInterruptions     int     `json:"total_business_hour_interruptions"`
	TotalEngagedSeconds                int     `json:"total_engaged_seconds"`
	TotalIncidentCount                 int     `json:"total_incident_count"`
	TotalIncidentsAcknowledged         int     `json:"total_incidents_acknowledged"`
	TotalIncidentsManualEscalatedFrom  int     `json:"total_incidents_manual_escalated_from"`
	TotalIncidentsManualEscalatedTo    int     `json:"total_incidents_manual_escalated_to"`
	TotalIncidentsReassignedFrom       int     `json:"total_incidents_reassigned_from"`
	TotalIncidentsReassignedTo         int     `json:"total_incidents_reassigned_to"`
	TotalIncidentsTimeoutEscalatedFrom int     `json:"total_incidents_timeout_escalated_from"`
	TotalIncidentsTimeoutEscalatedTo   int     `json:"total_incidents_timeout_escalated_to"`
	TotalInterruptions                 int     `json:"total_interruptions"`
	TotalNotifications                 int     `json:"total_notifications"`
	TotalOffHourInterruptions          int     `json:"total_off_hour_interruptions"`
	TotalSleepHourInterruptions        int     `json:"total_sleep_hour_interruptions"`
	// TotalSecondsOnCall is the time on call, split into level 1 and the
	// levels after it.
	TotalSecondsOnCall         int `json:"total_seconds_on_call"`
	TotalSecondsOnCallLevel1   int `json:"total_seconds_on_call_level_1"`
	TotalSecondsOnCallLevel2Up int `json:"total_seconds_on_call_level_2_plus"`
}

// ResponderMetrics returns the metrics of the responders opts selects,
// taken together.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ResponderMetrics(ctx context.Context, opts *ResponderMetricsOptions) (*MetricsReport[ResponderMetrics], error) {
	return analyticsReport[ResponderMetrics](ctx, s.client, "/analytics/metrics/responders/all", opts.body)
}

// ResponderMetricsByTeam returns metrics per responder and team (with the
// responder and the team set on each row).
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ResponderMetricsByTeam(ctx context.Context, opts *ResponderMetricsOptions) (*MetricsReport[ResponderMetrics], error) {
	return analyticsReport[ResponderMetrics](ctx, s.client, "/analytics/metrics/responders/teams", opts.body)
}

// UserAnalyticsFilters selects the users of user metrics and raw user data.
type UserAnalyticsFilters struct {
	// CreatedAtStart and CreatedAtEnd bound the range the figures cover.
	CreatedAtStart time.Time `json:"created_at_start,omitzero"`
	CreatedAtEnd   time.Time `json:"created_at_end,omitzero"`
	TeamIDs        []string  `json:"team_ids,omitempty"`
	UserIDs        []string  `json:"user_ids,omitempty"`
	// RoleIDs keeps users of these roles.
	RoleIDs []string `json:"role_ids,omitempty"`
}

// UserAnalyticsOptions asks for user metrics (UserMetrics) or raw user data
// (ListRawUsers).
type UserAnalyticsOptions struct {
	Filters  UserAnalyticsFilters `json:"filters"`
	TimeZone string               `json:"time_zone,omitempty"`
	// Order and OrderBy sort the rows (by user_id, descending, by
	// default).
	Order   SortOrder `json:"order,omitempty"`
	OrderBy string    `json:"order_by,omitempty"`
	// AggregateUnit splits user metrics per day, week or month.
	AggregateUnit AggregateUnit `json:"aggregate_unit,omitempty"`
	// Limit is the page size of ListRawUsers, 1 to 1000 (0: the API's
	// default).
	Limit int `json:"limit,omitempty"`
	// StartingAfter and EndingBefore continue a listing after or before a
	// page's Last or First cursor.
	StartingAfter string `json:"starting_after,omitempty"`
	EndingBefore  string `json:"ending_before,omitempty"`
}

func (o *UserAnalyticsOptions) body() (*UserAnalyticsOptions, error) {
	if o == nil {
		return &UserAnalyticsOptions{}, nil
	}
	f := &o.Filters
	if err := checkAnalyticsRange("CreatedAtStart", "CreatedAtEnd", f.CreatedAtStart, f.CreatedAtEnd); err != nil {
		return nil, err
	}
	if err := checkSortOrder(o.Order); err != nil {
		return nil, err
	}
	if err := checkAggregateUnit(o.AggregateUnit); err != nil {
		return nil, err
	}
	if err := checkRawLimit(o.Limit); err != nil {
		return nil, err
	}
	if err := checkFilterIDs(map[string][]string{"TeamIDs": f.TeamIDs, "UserIDs": f.UserIDs, "RoleIDs": f.RoleIDs}); err != nil {
		return nil, err
	}
	return o, nil
}

// UserMetrics counts the users a query selects and how ready they are to
// respond. Percentages are of TotalUserCount.
type UserMetrics struct {
	RangeStart                             LooseTime `json:"range_start,omitzero"`
	TotalUserCount                         int       `json:"total_user_count"`
	TotalSignedUpCount                     int       `json:"total_signed_up_count"`
	TotalSignedUpPercentage                float64   `json:"total_signed_up_percentage"`
	TotalDownloadedMobileAppCount          int       `json:"total_downloaded_mobile_app_count"`
	TotalDownloadedMobileAppPercentage     float64   `json:"total_downloaded_mobile_app_percentage"`
	TotalOnEscalationPolicyCount           int       `json:"total_on_escalation_policy_count"`
	TotalOnEscalationPolicyPercentage      float64   `json:"total_on_escalation_policy_percentage"`
	TotalWithNotificationMethodsCount      int       `json:"total_with_notification_methods_count"`
	TotalWithNotificationMethodsPercentage float64   `json:"total_with_notification_methods_percentage"`
}

// UserMetrics returns counts of the users opts selects: signed up, with
// the mobile app, on an escalation policy, with notification methods.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) UserMetrics(ctx context.Context, opts *UserAnalyticsOptions) (*MetricsReport[UserMetrics], error) {
	return analyticsReport[UserMetrics](ctx, s.client, "/analytics/metrics/users/all", opts.body)
}

// PDAdvanceUsageFilters selects the PagerDuty Advance (generative AI) use
// that usage metrics count.
type PDAdvanceUsageFilters struct {
	// CreatedAtStart and CreatedAtEnd bound when the features were used.
	CreatedAtStart time.Time `json:"created_at_start,omitzero"`
	CreatedAtEnd   time.Time `json:"created_at_end,omitzero"`
	// IncidentCreatedAtStart and IncidentCreatedAtEnd bound the creation
	// of the incidents they were used on.
	IncidentCreatedAtStart time.Time `json:"incident_created_at_start,omitzero"`
	IncidentCreatedAtEnd   time.Time `json:"incident_created_at_end,omitzero"`
	Urgency                Urgency   `json:"urgency,omitempty"`
	Major                  *bool     `json:"major,omitempty"`
	MinAcknowledgements    *int      `json:"min_ackowledgements,omitempty"` // the API's spelling
	MinTimeoutEscalations  *int      `json:"min_timeout_escalations,omitempty"`
	MinManualEscalations   *int      `json:"min_manual_escalations,omitempty"`
	TeamIDs                []string  `json:"team_ids,omitempty"`
	ServiceIDs             []string  `json:"service_ids,omitempty"`
	EscalationPolicyIDs    []string  `json:"escalation_policy_ids,omitempty"`
	PriorityIDs            []string  `json:"priority_ids,omitempty"`
	PriorityNames          []string  `json:"priority_names,omitempty"`
}

// PDAdvanceUsageOptions asks for PagerDuty Advance usage metrics.
type PDAdvanceUsageOptions struct {
	Filters  PDAdvanceUsageFilters `json:"filters"`
	TimeZone string                `json:"time_zone,omitempty"`
}

// PDAdvanceUsage is the use of one PagerDuty Advance feature.
type PDAdvanceUsage struct {
	// FeatureID names the feature, such as "genai_incident_summarization".
	FeatureID        string `json:"feature_id"`
	TotalCreditsUsed int    `json:"total_credits_used"`
	TotalUseCount    int    `json:"total_use_count"`
	// The proactive counts are the uses PagerDuty started by itself.
	TotalProactiveCreditsUsed int `json:"total_proactive_credits_used"`
	TotalProactiveUseCount    int `json:"total_proactive_use_count"`
}

func (o *PDAdvanceUsageOptions) body() (*PDAdvanceUsageOptions, error) {
	if o == nil {
		return &PDAdvanceUsageOptions{}, nil
	}
	f := &o.Filters
	if err := checkFilterUrgency(f.Urgency); err != nil {
		return nil, err
	}
	if err := checkAnalyticsRange("CreatedAtStart", "CreatedAtEnd", f.CreatedAtStart, f.CreatedAtEnd); err != nil {
		return nil, err
	}
	if err := checkAnalyticsRange("IncidentCreatedAtStart", "IncidentCreatedAtEnd", f.IncidentCreatedAtStart, f.IncidentCreatedAtEnd); err != nil {
		return nil, err
	}
	if err := checkFilterIDs(map[string][]string{"TeamIDs": f.TeamIDs, "ServiceIDs": f.ServiceIDs,
		"EscalationPolicyIDs": f.EscalationPolicyIDs, "PriorityIDs": f.PriorityIDs}); err != nil {
		return nil, err
	}
	return o, nil
}

// PDAdvanceUsage returns the use of each PagerDuty Advance feature over the
// range opts selects, with the credits it consumed.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) PDAdvanceUsage(ctx context.Context, opts *PDAdvanceUsageOptions) (*MetricsReport[PDAdvanceUsage], error) {
	return analyticsReport[PDAdvanceUsage](ctx, s.client, "/analytics/metrics/pd_advance_usage/features", opts.body)
}
