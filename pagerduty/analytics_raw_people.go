package pagerduty

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strconv"
)

// IncidentResponsesOptions sorts and sizes the responses of an incident.
type IncidentResponsesOptions struct {
	// Limit is the number of responses, 1 to 1000 (0: the API's default).
	Limit int       `json:"limit,omitempty"`
	Order SortOrder `json:"order,omitempty"`
	// OrderBy is "requested_at", the only order the API offers.
	OrderBy  string `json:"order_by,omitempty"`
	TimeZone string `json:"time_zone,omitempty"`
}

// IncidentResponses are the responses to the requests made of responders
// on one incident.
type IncidentResponses struct {
	IncidentID string             `json:"incident_id"`
	Limit      int                `json:"limit,omitempty"`
	Order      SortOrder          `json:"order,omitempty"`
	OrderBy    string             `json:"order_by,omitempty"`
	TimeZone   string             `json:"time_zone,omitempty"`
	Responses  []IncidentResponse `json:"responses"`
}

// UnmarshalJSON reads the responses as a list or, as some answers have
// it, as a single object.
func (r *IncidentResponses) UnmarshalJSON(b []byte) error {
	type plain IncidentResponses
	aux := struct {
		*plain
		Responses json.RawMessage `json:"responses"`
	}{plain: (*plain)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	r.Responses = nil
	raw := bytes.TrimSpace(aux.Responses)
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '{':
		var one IncidentResponse
		if err := json.Unmarshal(raw, &one); err != nil {
			return err
		}
		r.Responses = []IncidentResponse{one}
	default:
		return json.Unmarshal(raw, &r.Responses)
	}
	return nil
}

// IncidentResponse is one request made of a responder on an incident and
// its answer.
type IncidentResponse struct {
	ResponderID   string `json:"responder_id"`
	ResponderName string `json:"responder_name,omitempty"`
	// ResponseStatus is "joined", "pending" or "declined" (or another
	// state the API adds).
	ResponseStatus string `json:"response_status,omitempty"`
	// ResponderType says how the responder came in: "assigned",
	// "reassigned", "escalated" or "added_responder".
	ResponderType        string    `json:"responder_type,omitempty"`
	RequestedAt          LooseTime `json:"requested_at,omitzero"`
	RespondedAt          LooseTime `json:"responded_at,omitzero"`
	TimeToRespondSeconds int       `json:"time_to_respond_seconds"`
}

// GetIncidentResponses returns the responses of responders to the incident
// id: who was asked, how, and how fast they answered. The API takes the
// options as a JSON body on this GET; a nil opts sends none.
//
// OAuth scope analytics.read.
func (s *AnalyticsService) GetIncidentResponses(ctx context.Context, id string, opts *IncidentResponsesOptions) (*IncidentResponses, error) {
	path, err := expandPath("/analytics/raw/incidents/{id}/responses", id)
	if err != nil {
		return nil, err
	}
	r := &request{method: "GET", path: path}
	if opts != nil {
		if err := checkRawLimit(opts.Limit); err != nil {
			return nil, err
		}
		if err := checkSortOrder(opts.Order); err != nil {
			return nil, err
		}
		if err := oneOfIfSet("OrderBy", opts.OrderBy, "requested_at"); err != nil {
			return nil, err
		}
		r.body = opts
	}
	out := &IncidentResponses{}
	if err := s.client.do(ctx, r, out); err != nil {
		return nil, err
	}
	return out, nil
}

// RawResponderIncident is the analytics record of one responder on one
// incident. Durations are in seconds.
type RawResponderIncident struct {
	ResponderID          string    `json:"responder_id"`
	ResponderName        string    `json:"responder_name,omitempty"`
	IncidentID           string    `json:"incident_id"`
	IncidentNumber       int       `json:"incident_number"`
	IncidentCreatedAt    LooseTime `json:"incident_created_at,omitzero"`
	IncidentDescription  string    `json:"incident_description,omitempty"`
	IncidentUrgency      string    `json:"incident_urgency,omitempty"`
	IncidentPriorityID   string    `json:"incident_priority_id,omitempty"`
	IncidentPriorityName string    `json:"incident_priority_name,omitempty"`
	// IncidentPriorityOrder ranks the priority; 0 without one.
	IncidentPriorityOrder int    `json:"incident_priority_order,omitempty"`
	ServiceID             string `json:"service_id,omitempty"`
	ServiceName           string `json:"service_name,omitempty"`
	ServiceTeamID         string `json:"service_team_id,omitempty"`
	ServiceTeamName       string `json:"service_team_name,omitempty"`

	MeanTimeToAcknowledgeSeconds   float64 `json:"mean_time_to_acknowledge_seconds"`
	TotalAcknowledgements          int     `json:"total_acknowledgements"`
	TotalBusinessHourInterruptions int     `json:"total_business_hour_interruptions"`
	TotalEngagedSeconds            int     `json:"total_engaged_seconds"`
	TotalInterruptions             int     `json:"total_interruptions"`
	TotalManualEscalationsFrom     int     `json:"total_manual_escalations_from"`
	TotalManualEscalationsTo       int     `json:"total_manual_escalations_to"`
	TotalOffHourInterruptions      int     `json:"total_off_hour_interruptions"`
	TotalReassignmentsFrom         int     `json:"total_reassignments_from"`
	TotalReassignmentsTo           int     `json:"total_reassignments_to"`
	TotalSleepHourInterruptions    int     `json:"total_sleep_hour_interruptions"`
	TotalTimeoutEscalationsFrom    int     `json:"total_timeout_escalations_from"`
	TotalTimeoutEscalationsTo      int     `json:"total_timeout_escalations_to"`
}

// UnmarshalJSON decodes a record, reading the description and urgency
// whether they come as strings or numbers, and the off-hour interruptions
// whether they come as a number or a string holding one (the API's
// description and examples disagree on all three).
func (r *RawResponderIncident) UnmarshalJSON(b []byte) error {
	type plain RawResponderIncident
	aux := struct {
		*plain
		IncidentDescription       textOrNumber `json:"incident_description"`
		IncidentUrgency           textOrNumber `json:"incident_urgency"`
		TotalOffHourInterruptions textOrNumber `json:"total_off_hour_interruptions"`
	}{plain: (*plain)(r)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	r.IncidentDescription = string(aux.IncidentDescription)
	r.IncidentUrgency = string(aux.IncidentUrgency)
	r.TotalOffHourInterruptions = 0
	if s := string(aux.TotalOffHourInterruptions); s != "" {
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("total_off_hour_interruptions: %q is not a number", truncate(s, 20))
		}
		r.TotalOffHourInterruptions = int(n)
	}
	return nil
}

// textOrNumber reads a JSON string or number as text; null is "".
type textOrNumber string

func (t *textOrNumber) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*t = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = textOrNumber(s)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*t = textOrNumber(n)
	}
	return nil
}

// ListRawResponderIncidents streams the analytics records of the responder
// responderID (a user ID) on the incidents opts selects, following the
// starting_after cursor as the loop asks for more.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawResponderIncidents(ctx context.Context, responderID string, opts *RawIncidentsOptions) iter.Seq2[RawResponderIncident, error] {
	path, err := expandPath("/analytics/raw/responders/{responder_id}/incidents", responderID)
	if err != nil {
		return errSeq[RawResponderIncident](err)
	}
	body, err := opts.body(true)
	if err != nil {
		return errSeq[RawResponderIncident](err)
	}
	if body.EndingBefore != "" {
		return errSeq[RawResponderIncident](errRawIterBackward)
	}
	return rawSeq(body.StartingAfter, func(cursor string) (*AnalyticsPage[RawResponderIncident], error) {
		b := body
		b.StartingAfter = cursor
		return rawPage[RawResponderIncident](ctx, s.client, path, &b)
	})
}

// ListRawResponderIncidentsPage returns one page of the analytics records
// of the responder responderID on the incidents opts selects.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawResponderIncidentsPage(ctx context.Context, responderID string, opts *RawIncidentsOptions) (*AnalyticsPage[RawResponderIncident], error) {
	path, err := expandPath("/analytics/raw/responders/{responder_id}/incidents", responderID)
	if err != nil {
		return nil, err
	}
	body, err := opts.body(true)
	if err != nil {
		return nil, err
	}
	return rawPage[RawResponderIncident](ctx, s.client, path, &body)
}

// RawUser is the analytics record of one user: how ready they are to
// respond.
type RawUser struct {
	ID          string `json:"id"`
	UserName    string `json:"user_name"`
	Email       string `json:"email,omitempty"`
	AccountID   int    `json:"account_id,omitempty"`
	Description string `json:"description,omitempty"`
	TimeZone    string `json:"time_zone,omitempty"`
	// Role is the user's role, such as "user" or "admin".
	Role         string    `json:"role,omitempty"`
	TeamID       string    `json:"team_id,omitempty"`
	TeamName     string    `json:"team_name,omitempty"`
	CreatedAt    LooseTime `json:"created_at,omitzero"`
	LastSignInAt LooseTime `json:"last_sign_in_at,omitzero"`

	DefaultNotificationChannelCount int `json:"default_notification_channel_count"`
	EscalationPoliciesCount         int `json:"escalation_policies_count"`
	SchedulesCount                  int `json:"schedules_count"`
	TeamCount                       int `json:"team_count"`
	// ChannelTypesConfigured names the kinds of notification channels the
	// user set up, such as "EmailChannel" or "SlackChannel".
	ChannelTypesConfigured []string `json:"channel_types_configured,omitempty"`
	DownloadedMobileApp    bool     `json:"downloaded_mobile_app"`
	NotificationMethods    bool     `json:"notification_methods"`
	OnEscalationPolicy     bool     `json:"on_escalation_policy"`
	OnSchedule             bool     `json:"on_schedule"`
	SignedUp               bool     `json:"signed_up"`
}

// ListRawUsers streams the analytics records of the users opts selects,
// following the starting_after cursor as the loop asks for more.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawUsers(ctx context.Context, opts *UserAnalyticsOptions) iter.Seq2[RawUser, error] {
	body, err := opts.body()
	if err != nil {
		return errSeq[RawUser](err)
	}
	if body.EndingBefore != "" {
		return errSeq[RawUser](errRawIterBackward)
	}
	start := *body
	return rawSeq(start.StartingAfter, func(cursor string) (*AnalyticsPage[RawUser], error) {
		b := start
		b.StartingAfter = cursor
		return rawPage[RawUser](ctx, s.client, "/analytics/raw/users", &b)
	})
}

// ListRawUsersPage returns one page of the analytics records of the users
// opts selects.
//
// OAuth scope analytics.write.
func (s *AnalyticsService) ListRawUsersPage(ctx context.Context, opts *UserAnalyticsOptions) (*AnalyticsPage[RawUser], error) {
	body, err := opts.body()
	if err != nil {
		return nil, err
	}
	return rawPage[RawUser](ctx, s.client, "/analytics/raw/users", body)
}
