package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"time"
)

// MaxRawPageSize is the largest page the raw analytics lists return.
const MaxRawPageSize = 1000

// AnalyticsPage is one page of a raw analytics list. Its cursors are item
// positions: Last continues the list forward (StartingAfter), First
// backward (EndingBefore).
type AnalyticsPage[T any] struct {
	Items []T
	// First and Last are the cursors of the page's first and last items.
	First, Last string
	// More reports whether items follow the page.
	More     bool
	Limit    int
	Order    SortOrder
	OrderBy  string
	TimeZone string
}

type analyticsPageWire[T any] struct {
	Data     []T       `json:"data"`
	First    *string   `json:"first"`
	Last     *string   `json:"last"`
	More     *bool     `json:"more"`
	Limit    int       `json:"limit"`
	Order    SortOrder `json:"order"`
	OrderBy  string    `json:"order_by"`
	TimeZone string    `json:"time_zone"`
}

// rawPage posts a raw analytics query and decodes one page. An answer that
// does not say whether more items follow is taken to have more when it is
// full.
func rawPage[T any](ctx context.Context, c *Client, path string, body any) (*AnalyticsPage[T], error) {
	var w analyticsPageWire[T]
	if err := c.do(ctx, &request{method: "POST", path: path, body: body}, &w); err != nil {
		return nil, err
	}
	p := &AnalyticsPage[T]{Items: w.Data, Limit: w.Limit, Order: w.Order, OrderBy: w.OrderBy, TimeZone: w.TimeZone}
	if w.First != nil {
		p.First = *w.First
	}
	if w.Last != nil {
		p.Last = *w.Last
	}
	if w.More != nil {
		p.More = *w.More
	} else {
		p.More = p.Last != "" && w.Limit > 0 && len(w.Data) >= w.Limit
	}
	return p, nil
}

// rawSeq streams a raw analytics list from the cursor start, asking fetch
// for each page.
func rawSeq[T any](start string, fetch func(startingAfter string) (*AnalyticsPage[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		cursor := start
		for {
			p, err := fetch(cursor)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range p.Items {
				if !yield(it, nil) {
					return
				}
			}
			if !p.More || len(p.Items) == 0 || p.Last == "" || p.Last == cursor {
				return
			}
			cursor = p.Last
		}
	}
}

func checkRawLimit(limit int) error {
	if limit < 0 || limit > MaxRawPageSize {
		return fmt.Errorf("pagerduty: Limit %d is out of range: a page holds 1 to %d items (0 for the default)", limit, MaxRawPageSize)
	}
	return nil
}

var errRawIterBackward = fmt.Errorf("pagerduty: EndingBefore pages backward, which an iterator does not do: use the Page call, or StartingAfter")

// RawIncidentFilters selects the incidents of raw incident data.
type RawIncidentFilters struct {
	// CreatedAtStart and CreatedAtEnd bound the incidents' creation time.
	CreatedAtStart time.Time `json:"created_at_start,omitzero"`
	CreatedAtEnd   time.Time `json:"created_at_end,omitzero"`
	// UpdatedAfter keeps incidents whose data changed after it (ListRawIncidents
	// only).
	UpdatedAfter    time.Time `json:"updated_after,omitzero"`
	Urgency         Urgency   `json:"urgency,omitempty"`
	Major           *bool     `json:"major,omitempty"`
	TeamIDs         []string  `json:"team_ids,omitempty"`
	ServiceIDs      []string  `json:"service_ids,omitempty"`
	PriorityIDs     []string  `json:"priority_ids,omitempty"`
	PriorityNames   []string  `json:"priority_names,omitempty"`
	IncidentTypeIDs []string  `json:"incident_type_ids,omitempty"`
}

// RawIncidentsOptions filters, sorts and pages raw incident data
// (ListRawIncidents and ListRawResponderIncidents).
type RawIncidentsOptions struct {
	Filters RawIncidentFilters `json:"filters"`
	// StartingAfter continues after a page's Last cursor; EndingBefore
	// reads the page before a page's First cursor (Page calls only).
	StartingAfter string    `json:"starting_after,omitempty"`
	EndingBefore  string    `json:"ending_before,omitempty"`
	Order         SortOrder `json:"order,omitempty"`
	// OrderBy is created_at or seconds_to_resolve for raw incidents,
	// incident_created_at for a responder's incidents.
	OrderBy string `json:"order_by,omitempty"`
	// Limit is the page size, 1 to 1000 (0: the API's default).
	Limit    int    `json:"limit,omitempty"`
	TimeZone string `json:"time_zone,omitempty"`
}

func (o *RawIncidentsOptions) body(responder bool) (RawIncidentsOptions, error) {
	if o == nil {
		return RawIncidentsOptions{}, nil
	}
	f := &o.Filters
	if err := checkFilterUrgency(f.Urgency); err != nil {
		return RawIncidentsOptions{}, err
	}
	if err := checkAnalyticsRange("CreatedAtStart", "CreatedAtEnd", f.CreatedAtStart, f.CreatedAtEnd); err != nil {
		return RawIncidentsOptions{}, err
	}
	if err := checkSortOrder(o.Order); err != nil {
		return RawIncidentsOptions{}, err
	}
	if err := checkRawLimit(o.Limit); err != nil {
		return RawIncidentsOptions{}, err
	}
	orderBys := []string{"created_at", "seconds_to_resolve"}
	if responder {
		if !f.UpdatedAfter.IsZero() {
			return RawIncidentsOptions{}, fmt.Errorf("pagerduty: Filters.UpdatedAfter filters raw incidents only, not a responder's incidents")
		}
		orderBys = []string{"incident_created_at"}
	}
	if err := oneOfIfSet("OrderBy", o.OrderBy, orderBys...); err != nil {
		return RawIncidentsOptions{}, err
	}
	if err := checkFilterIDs(map[string][]string{"TeamIDs": f.TeamIDs, "ServiceIDs": f.ServiceIDs,
		"PriorityIDs": f.PriorityIDs, "IncidentTypeIDs": f.IncidentTypeIDs}); err != nil {
		return RawIncidentsOptions{}, err
	}
	return *o, nil
}

// RawIncident is the analytics record of one incident: who responded, how
// fast, and how much it interrupted. Durations are in seconds.
type RawIncident struct {
	ID                   string    `json:"id"`
	IncidentNumber       int       `json:"incident_number"`
	Description          string    `json:"description,omitempty"`
	Status               string    `json:"status,omitempty"`
	Urgency              Urgency   `json:"urgency,omitempty"`
	Major                bool      `json:"major"`
	CreatedAt            LooseTime `json:"created_at,omitzero"`
	UpdatedAt            LooseTime `json:"updated_at,omitzero"`
	ResolvedAt           LooseTime `json:"resolved_at,omitzero"`
	ResolvedByUserID     string    `json:"resolved_by_user_id,omitempty"`
	ResolvedByUserName   string    `json:"resolved_by_user_name,omitempty"`
	ServiceID            string    `json:"service_id,omitempty"`
	ServiceName          string    `json:"service_name,omitempty"`
	TeamID               string    `json:"team_id,omitempty"`
	TeamName             string    `json:"team_name,omitempty"`
	EscalationPolicyID   string    `json:"escalation_policy_id,omitempty"`
	EscalationPolicyName string    `json:"escalation_policy_name,omitempty"`
	IncidentTypeID       string    `json:"incident_type_id,omitempty"`
	IncidentTypeName     string    `json:"incident_type_name,omitempty"`
	// PriorityID, PriorityName and PriorityOrder are empty for incidents
	// without a priority.
	PriorityID    string `json:"priority_id,omitempty"`
	PriorityName  string `json:"priority_name,omitempty"`
	PriorityOrder int    `json:"priority_order,omitempty"`

	AcknowledgedUserIDs   []string `json:"acknowledged_user_ids,omitempty"`
	AcknowledgedUserNames []string `json:"acknowledged_user_names,omitempty"`
	AssignedUserIDs       []string `json:"assigned_user_ids,omitempty"`
	AssignedUserNames     []string `json:"assigned_user_names,omitempty"`
	JoinedUserIDs         []string `json:"joined_user_ids,omitempty"`
	JoinedUserNames       []string `json:"joined_user_names,omitempty"`

	AcknowledgementCount      int  `json:"acknowledgement_count"`
	ActiveUserCount           int  `json:"active_user_count"`
	AssignmentCount           int  `json:"assignment_count"`
	AutoResolved              bool `json:"auto_resolved"`
	BusinessHourInterruptions int  `json:"business_hour_interruptions"`
	OffHourInterruptions      int  `json:"off_hour_interruptions"`
	SleepHourInterruptions    int  `json:"sleep_hour_interruptions"`
	TotalInterruptions        int  `json:"total_interruptions"`
	TotalNotifications        int  `json:"total_notifications"`
	EngagedSeconds            int  `json:"engaged_seconds"`
	EngagedUserCount          int  `json:"engaged_user_count"`
	EscalationCount           int  `json:"escalation_count"`
	ManualEscalationCount     int  `json:"manual_escalation_count"`
	TimeoutEscalationCount    int  `json:"timeout_escalation_count"`
	ReassignmentCount         int  `json:"reassignment_count"`
	SecondsToEngage           int  `json:"seconds_to_engage"`
	SecondsToFirstAck         int  `json:"seconds_to_first_ack"`
	SecondsToMobilize         int  `json:"seconds_to_mobilize"`
	SecondsToResolve          int  `json:"seconds_to_resolve"`
	SnoozedSeconds            int  `json:"snoozed_seconds"`
	// UserDefinedEffortSeconds is the effort responders recorded, or nil.
	UserDefinedEffortSeconds *int `json:"user_defined_effort_seconds"`
}

// ListRawIncidents streams the analytics records of the incidents opts
// selects, following the starting_after cursor as the loop asks for more.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawIncidents(ctx context.Context, opts *RawIncidentsOptions) iter.Seq2[RawIncident, error] {
	body, err := opts.body(false)
	if err != nil {
		return errSeq[RawIncident](err)
	}
	if body.EndingBefore != "" {
		return errSeq[RawIncident](errRawIterBackward)
	}
	return rawSeq(body.StartingAfter, func(cursor string) (*AnalyticsPage[RawIncident], error) {
		b := body
		b.StartingAfter = cursor
		return rawPage[RawIncident](ctx, s.client, "/analytics/raw/incidents", &b)
	})
}

// ListRawIncidentsPage returns one page of the analytics records of the
// incidents opts selects.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawIncidentsPage(ctx context.Context, opts *RawIncidentsOptions) (*AnalyticsPage[RawIncident], error) {
	body, err := opts.body(false)
	if err != nil {
		return nil, err
	}
	return rawPage[RawIncident](ctx, s.client, "/analytics/raw/incidents", &body)
}

// GetRawIncident returns the analytics record of the incident id.
//
// OAuth scope analytics.read.
func (s *AnalyticsService) GetRawIncident(ctx context.Context, id string) (*RawIncident, error) {
	path, err := expandPath("/analytics/raw/incidents/{id}", id)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &raw); err != nil {
		return nil, err
	}
	// The record comes alone or wrapped in {"data": ...}: both are read.
	var wrapped struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(raw, &wrapped); err == nil && len(wrapped.Data) > 0 && wrapped.Data[0] == '{' {
		raw = wrapped.Data
	}
	out := &RawIncident{}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, fmt.Errorf("pagerduty: GET %s: decoding the answer: %w", path, err)
	}
	return out, nil
}
