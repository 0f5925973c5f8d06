package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// AggregateUnit splits analytics metrics into one row per day, week or
// month.
type AggregateUnit string

// The aggregate units.
const (
	AggregateByDay   AggregateUnit = "day"
	AggregateByWeek  AggregateUnit = "week"
	AggregateByMonth AggregateUnit = "month"
)

// SortOrder is an ascending or descending order.
type SortOrder string

// The orders.
const (
	Ascending  SortOrder = "asc"
	Descending SortOrder = "desc"
)

// IncidentMetricsFilters selects the incidents incident metrics are
// computed over. Zero fields do not filter.
type IncidentMetricsFilters struct {
	// CreatedAtStart and CreatedAtEnd bound the incidents' creation time.
	CreatedAtStart time.Time `json:"created_at_start,omitzero"`
	CreatedAtEnd   time.Time `json:"created_at_end,omitzero"`
	Urgency        Urgency   `json:"urgency,omitempty"`
	// Major keeps major (true) or other (false) incidents; nil keeps both.
	Major *bool `json:"major,omitempty"`
	// MinAcknowledgements, MinTimeoutEscalations and MinManualEscalations
	// keep incidents with at least that many.
	MinAcknowledgements   *int     `json:"min_ackowledgements,omitempty"` // the API's spelling
	MinTimeoutEscalations *int     `json:"min_timeout_escalations,omitempty"`
	MinManualEscalations  *int     `json:"min_manual_escalations,omitempty"`
	TeamIDs               []string `json:"team_ids,omitempty"`
	ServiceIDs            []string `json:"service_ids,omitempty"`
	EscalationPolicyIDs   []string `json:"escalation_policy_ids,omitempty"`
	PriorityIDs           []string `json:"priority_ids,omitempty"`
	// PriorityNames keeps incidents of these priorities, by name ("P1").
	PriorityNames []string `json:"priority_names,omitempty"`
	// PDAdvanceUsed keeps incidents on which PagerDuty Advance (generative
	// AI features) was used, or was not.
	PDAdvanceUsed *bool `json:"pd_advance_used,omitempty"`
}

func (f *IncidentMetricsFilters) check() error {
	if err := checkFilterUrgency(f.Urgency); err != nil {
		return err
	}
	if err := checkAnalyticsRange("CreatedAtStart", "CreatedAtEnd", f.CreatedAtStart, f.CreatedAtEnd); err != nil {
		return err
	}
	for _, n := range []struct {
		field string
		v     *int
	}{{"MinAcknowledgements", f.MinAcknowledgements}, {"MinTimeoutEscalations", f.MinTimeoutEscalations}, {"MinManualEscalations", f.MinManualEscalations}} {
		if n.v != nil && *n.v < 0 {
			return fmt.Errorf("pagerduty: Filters.%s %d is negative", n.field, *n.v)
		}
	}
	return checkFilterIDs(map[string][]string{"TeamIDs": f.TeamIDs, "ServiceIDs": f.ServiceIDs,
		"EscalationPolicyIDs": f.EscalationPolicyIDs, "PriorityIDs": f.PriorityIDs})
}

// IncidentMetricsOptions asks for incident metrics.
type IncidentMetricsOptions struct {
	Filters IncidentMetricsFilters `json:"filters"`
	// TimeZone is the IANA zone days, weeks and months are cut in (UTC by
	// default).
	TimeZone string `json:"time_zone,omitempty"`
	// Order and OrderBy sort the rows by one of their metrics, such as
	// "total_incident_count".
	Order   SortOrder `json:"order,omitempty"`
	OrderBy string    `json:"order_by,omitempty"`
	// AggregateUnit splits the metrics per day, week or month; empty gives
	// one row for the whole range.
	AggregateUnit AggregateUnit `json:"aggregate_unit,omitempty"`
}

func (o *IncidentMetricsOptions) body() (*IncidentMetricsOptions, error) {
	if o == nil {
		return &IncidentMetricsOptions{}, nil
	}
	if err := o.Filters.check(); err != nil {
		return nil, err
	}
	if err := checkSortOrder(o.Order); err != nil {
		return nil, err
	}
	if err := checkAggregateUnit(o.AggregateUnit); err != nil {
		return nil, err
	}
	return o, nil
}

// IncidentMetrics are the metrics of a set of incidents: of the account,
// of one service, team or escalation policy, over the whole range or one
// aggregation unit. Counts are totals; means and percentiles are in
// seconds unless their name says otherwise.
type IncidentMetrics struct {
	// RangeStart is the start of the row's day, week or month (with an
	// AggregateUnit).
	RangeStart LooseTime `json:"range_start,omitzero"`
	// The service, team or escalation policy the row is about, when the
	// metrics are grouped by one.
	ServiceID            string `json:"service_id,omitempty"`
	ServiceName          string `json:"service_name,omitempty"`
	TeamID               string `json:"team_id,omitempty"`
	TeamName             string `json:"team_name,omitempty"`
	EscalationPolicyID   string `json:"escalation_policy_id,omitempty"`
	EscalationPolicyName string `json:"escalation_policy_name,omitempty"`

	DistinctResponderCount        int     `json:"distinct_responder_count,omitempty"`
	MeanAssignmentCount           float64 `json:"mean_assignment_count"`
	MeanEngagedSeconds            float64 `json:"mean_engaged_seconds"`
	MeanEngagedUserCount          float64 `json:"mean_engaged_user_count"`
	MeanSecondsToEngage           float64 `json:"mean_seconds_to_engage"`
	MeanSecondsToFirstAck         float64 `json:"mean_seconds_to_first_ack"`
	MeanSecondsToMobilize         float64 `json:"mean_seconds_to_mobilize"`
	MeanSecondsToResolve          float64 `json:"mean_seconds_to_resolve"`
	MeanUserDefinedEngagedSeconds float64 `json:"mean_user_defined_engaged_seconds"`
	P50SecondsToFirstAck          float64 `json:"p50_seconds_to_first_ack,omitempty"`
	P50SecondsToResolve           float64 `json:"p50_seconds_to_resolve,omitempty"`
	P75SecondsToFirstAck          float64 `json:"p75_seconds_to_first_ack,omitempty"`
	P75SecondsToResolve           float64 `json:"p75_seconds_to_resolve,omitempty"`
	P90SecondsToFirstAck          float64 `json:"p90_seconds_to_first_ack,omitempty"`
	P90SecondsToResolve           float64 `json:"p90_seconds_to_resolve,omitempty"`
	P95SecondsToFirstAck          float64 `json:"p95_seconds_to_first_ack,omitempty"`
	P95SecondsToResolve           float64 `json:"p95_seconds_to_resolve,omitempty"`

	TotalBusinessHourInterruptions int `json:"total_business_hour_interruptions"`
	TotalEngagedSeconds            int `json:"total_engaged_seconds"`
	TotalEscalationCount           int `json:"total_escalation_count"`
	TotalIncidentCount             int `json:"total_incident_count"`
	TotalIncidentsAcknowledged     int `json:"total_incidents_acknowledged"`
	TotalIncidentsAutoResolved     int `json:"total_incidents_auto_resolved"`
	TotalIncidentsManualEscalated  int `json:"total_incidents_manual_escalated"`
	TotalIncidentsReassigned       int `json:"total_incidents_reassigned"`
	TotalIncidentsTimeoutEscalated int `json:"total_incidents_timeout_escalated"`
	TotalInterruptions             int `json:"total_interruptions"`
	TotalNotifications             int `json:"total_notifications"`
	TotalOffHourInterruptions      int `json:"total_off_hour_interruptions"`
	TotalSleepHourInterruptions    int `json:"total_sleep_hour_interruptions"`
	TotalSnoozedSeconds            int `json:"total_snoozed_seconds"`
	TotalUserDefinedEngagedSeconds int `json:"total_user_defined_engaged_seconds"`
	// UpTimePct is the share of the range, in percent, the service or
	// services had no open incident.
	UpTimePct float64 `json:"up_time_pct,omitempty"`
}

// MetricsReport is an analytics answer: its rows and how they were
// computed.
type MetricsReport[T any] struct {
	// Data are the rows: one per group (service, team, ...) and per
	// aggregation unit.
	Data []T `json:"data"`
	// Filters echoes the filters the rows were computed with.
	Filters       json.RawMessage `json:"filters,omitempty"`
	TimeZone      string          `json:"time_zone,omitempty"`
	Order         SortOrder       `json:"order,omitempty"`
	OrderBy       string          `json:"order_by,omitempty"`
	AggregateUnit AggregateUnit   `json:"aggregate_unit,omitempty"`
}

// analyticsReport posts the analytics query that body checks and returns,
// and decodes its report.
func analyticsReport[T, B any](ctx context.Context, c *Client, path string, body func() (B, error)) (*MetricsReport[T], error) {
	b, err := body()
	if err != nil {
		return nil, err
	}
	out := &MetricsReport[T]{}
	if err := c.do(ctx, &request{method: "POST", path: path, body: b}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// IncidentMetrics returns the metrics of all the incidents opts selects, in
// one row or one per AggregateUnit. The API is POST: the query is a JSON
// body.
//
// OAuth scope analytics.write (the API's scope for analytics queries).
func (s *AnalyticsService) IncidentMetrics(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/all", opts.body)
}

// IncidentMetricsByService returns incident metrics per service (with
// ServiceID and ServiceName set on each row).
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsByService(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/services", opts.body)
}

// IncidentMetricsForServices returns the incident metrics of the services
// opts selects, taken together.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsForServices(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/services/all", opts.body)
}

// IncidentMetricsByTeam returns incident metrics per team (with TeamID and
// TeamName set on each row).
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsByTeam(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/teams", opts.body)
}

// IncidentMetricsForTeams returns the incident metrics of the teams opts
// selects, taken together.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsForTeams(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/teams/all", opts.body)
}

// IncidentMetricsByEscalationPolicy returns incident metrics per escalation
// policy (with EscalationPolicyID and EscalationPolicyName set on each
// row).
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsByEscalationPolicy(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/escalation_policies", opts.body)
}

// IncidentMetricsForEscalationPolicies returns the incident metrics of the
// escalation policies opts selects, taken together.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) IncidentMetricsForEscalationPolicies(ctx context.Context, opts *IncidentMetricsOptions) (*MetricsReport[IncidentMetrics], error) {
	return analyticsReport[IncidentMetrics](ctx, s.client, "/analytics/metrics/incidents/escalation_policies/all", opts.body)
}

// The checks below are shared by the analytics calls.

func checkFilterUrgency(u Urgency) error {
	return oneOfIfSet("Filters.Urgency", u, UrgencyHigh, UrgencyLow)
}

func checkSortOrder(o SortOrder) error {
	return oneOfIfSet("Order", o, Ascending, Descending)
}

func checkAggregateUnit(u AggregateUnit) error {
	return oneOfIfSet("AggregateUnit", u, AggregateByDay, AggregateByWeek, AggregateByMonth)
}

func checkAnalyticsRange(startField, endField string, start, end time.Time) error {
	if !start.IsZero() && !end.IsZero() && !end.After(start) {
		return fmt.Errorf("pagerduty: Filters.%s (%s) must be after Filters.%s (%s)", endField, end.Format(time.RFC3339), startField, start.Format(time.RFC3339))
	}
	return nil
}

func checkFilterIDs(lists map[string][]string) error {
	for field, ids := range lists {
		if err := checkIDs("Filters."+field, ids); err != nil {
			return err
		}
	}
	return nil
}
