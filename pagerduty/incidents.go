package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// IncidentsService reads and changes incidents.
type IncidentsService service

// IncidentStatus is the state of an incident.
type IncidentStatus string

// The incident states.
const (
	Triggered    IncidentStatus = "triggered"
	Acknowledged IncidentStatus = "acknowledged"
	Resolved     IncidentStatus = "resolved"
)

// Urgency says how urgently responders are notified of an incident.
type Urgency string

// The urgencies.
const (
	UrgencyHigh Urgency = "high"
	UrgencyLow  Urgency = "low"
)

// IncidentInclude names an object that an incident answer can embed in full
// instead of as a reference (the include[] query parameter).
type IncidentInclude string

// The expansions incident answers accept.
const (
	IncludeAcknowledgers          IncidentInclude = "acknowledgers"
	IncludeAgents                 IncidentInclude = "agents"
	IncludeAssignees              IncidentInclude = "assignees"
	IncludeConferenceBridge       IncidentInclude = "conference_bridge"
	IncludeCustomFields           IncidentInclude = "custom_fields" // Get only
	IncludeEscalationPolicies     IncidentInclude = "escalation_policies"
	IncludeFirstTriggerLogEntries IncidentInclude = "first_trigger_log_entries"
	IncludePriorities             IncidentInclude = "priorities"
	IncludeServices               IncidentInclude = "services"
	IncludeTeams                  IncidentInclude = "teams"
	IncludeUsers                  IncidentInclude = "users"
)

var incidentListIncludes = []IncidentInclude{
	IncludeAcknowledgers, IncludeAgents, IncludeAssignees, IncludeConferenceBridge,
	IncludeEscalationPolicies, IncludeFirstTriggerLogEntries, IncludePriorities,
	IncludeServices, IncludeTeams, IncludeUsers,
}

// Incident is a problem that needs a response: it notifies the people on
// call for its service until someone acknowledges and resolves it.
type Incident struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// Number is the incident's number, unique in the account.
	Number int    `json:"incident_number"`
	Title  string `json:"title"`
	// Description is the incident's description (it usually repeats the
	// title).
	Description string         `json:"description,omitempty"`
	Status      IncidentStatus `json:"status"`
	Urgency     Urgency        `json:"urgency"`
	// IncidentKey is the de-duplication key: a second incident with the same
	// key on the same service is refused while this one is open.
	IncidentKey string    `json:"incident_key,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	ResolvedAt  time.Time `json:"resolved_at,omitzero"`
	// LastStatusChangeAt and LastStatusChangeBy say when and by whom (a user,
	// a service or an integration) the status last changed.
	LastStatusChangeAt time.Time  `json:"last_status_change_at,omitzero"`
	LastStatusChangeBy *Reference `json:"last_status_change_by,omitempty"`

	// Service is the incident's service (in full with IncludeServices).
	Service *Service `json:"service,omitempty"`
	// EscalationPolicy is the policy escalating the incident (in full with
	// IncludeEscalationPolicies).
	EscalationPolicy *EscalationPolicy `json:"escalation_policy,omitempty"`
	// Teams are the teams the incident belongs to (in full with
	// IncludeTeams).
	Teams []Team `json:"teams,omitempty"`
	// Priority is the incident's priority, such as P1, or nil.
	Priority *Priority `json:"priority,omitempty"`
	// Assignments are the users the incident is assigned to; empty once
	// resolved.
	Assignments []Assignment `json:"assignments,omitempty"`
	// AssignedVia is "escalation_policy" or "direct_assignment".
	AssignedVia      string            `json:"assigned_via,omitempty"`
	Acknowledgements []Acknowledgement `json:"acknowledgements,omitempty"`
	// PendingActions are the automatic changes scheduled for the incident
	// (escalate, resolve, unacknowledge, urgency change).
	PendingActions []PendingAction `json:"pending_actions,omitempty"`
	// FirstTriggerLogEntry is the log entry of the incident's trigger (in
	// full with IncludeFirstTriggerLogEntries).
	FirstTriggerLogEntry *LogEntry   `json:"first_trigger_log_entry,omitempty"`
	AlertCounts          AlertCounts `json:"alert_counts,omitzero"`
	// IsMergeable reports whether the incident can be merged into another.
	IsMergeable      bool              `json:"is_mergeable,omitempty"`
	ConferenceBridge *ConferenceBridge `json:"conference_bridge,omitempty"`
	// Responders are the users asked to help, with their answers.
	Responders []IncidentResponder `json:"incidents_responders,omitempty"`
	// ResponderRequests are the requests for help made on the incident.
	ResponderRequests []ResponderRequest `json:"responder_requests,omitempty"`
	// ResolveReason says why a resolved incident was resolved, when it was
	// merged into another.
	ResolveReason *ResolveReason `json:"resolve_reason,omitempty"`
	AlertGrouping *AlertGrouping `json:"alert_grouping,omitempty"`
	// IncidentType is the incident's type, when the account uses them: its
	// Name always, and the rest of the type when the API sends it.
	IncidentType *IncidentType `json:"incident_type,omitempty"`
	Body         *IncidentBody `json:"body,omitempty"`
	// CustomFields are the values of the incident's custom fields (Get
	// with IncludeCustomFields).
	CustomFields []FieldValue `json:"custom_fields,omitempty"`
}

// Assignment is a user an incident is assigned to, since At.
type Assignment struct {
	At time.Time `json:"at"`
	// Assignee is the user (in full with IncludeAssignees or IncludeUsers).
	Assignee *User `json:"assignee"`
}

// Acknowledgement records who acknowledged an incident, and when.
type Acknowledgement struct {
	At time.Time `json:"at"`
	// Acknowledger is the user (or the service, through an integration) that
	// acknowledged (in full with IncludeAcknowledgers).
	Acknowledger *User `json:"acknowledger"`
}

// PendingAction is a change PagerDuty will make to an incident at a time.
type PendingAction struct {
	// Type is "unacknowledge", "escalate", "resolve" or "urgency_change".
	Type string    `json:"type"`
	At   time.Time `json:"at"`
	// To is the urgency an urgency_change sets.
	To Urgency `json:"to,omitempty"`
}

// AlertCounts counts an incident's alerts.
type AlertCounts struct {
	Triggered int `json:"triggered"`
	Resolved  int `json:"resolved"`
	All       int `json:"all"`
}

// ConferenceBridge is the call responders join for an incident.
type ConferenceBridge struct {
	ConferenceNumber string `json:"conference_number,omitempty"`
	ConferenceURL    string `json:"conference_url,omitempty"`
}

// IncidentResponder is a user asked to help with an incident.
type IncidentResponder struct {
	// State is "pending", "joined", "declined" or "user_cancelled".
	State       string     `json:"state"`
	User        *Reference `json:"user,omitempty"`
	Incident    *Reference `json:"incident,omitempty"`
	UpdatedAt   time.Time  `json:"updated_at,omitzero"`
	Message     string     `json:"message,omitempty"`
	Requester   *Reference `json:"requester,omitempty"`
	RequestedAt time.Time  `json:"requested_at,omitzero"`
}

// ResponderRequest is a request for help made on an incident.
type ResponderRequest struct {
	ID          string                   `json:"id,omitempty"`
	Incident    *Reference               `json:"incident,omitempty"`
	Requester   *Reference               `json:"requester,omitempty"`
	RequestedAt time.Time                `json:"requested_at,omitzero"`
	Message     string                   `json:"message,omitempty"`
	Targets     []ResponderRequestTarget `json:"responder_request_targets,omitempty"`
}

// ResponderRequestTarget is a user or escalation policy asked to respond.
type ResponderRequestTarget struct {
	Type       string              `json:"type"`
	ID         string              `json:"id"`
	Summary    string              `json:"summary,omitempty"`
	Responders []IncidentResponder `json:"incident_responders,omitempty"`
}

// ResolveReason says why an incident was resolved: merged into Incident.
type ResolveReason struct {
	Type     string     `json:"type"`
	Incident *Reference `json:"incident,omitempty"`
}

// AlertGrouping describes how alerts are being grouped into an incident.
type AlertGrouping struct {
	// GroupingType is "basic", "advanced" or "rules".
	GroupingType string    `json:"grouping_type,omitempty"`
	StartedAt    time.Time `json:"started_at,omitzero"`
	EndedAt      time.Time `json:"ended_at,omitzero"`
	Active       bool      `json:"alert_grouping_active,omitempty"`
}

// IncidentBody holds an incident's details.
type IncidentBody struct {
	Type    string `json:"type,omitempty"`
	Details any    `json:"details,omitempty"`
}

// ListIncidentsOptions filters and pages an incident listing. The zero
// value lists the incidents of the account's default window (the last 30
// days) in pages of 100.
type ListIncidentsOptions struct {
	ListOptions

	// Statuses keeps incidents in these states.
	Statuses []IncidentStatus `url:"statuses[]"`
	// Urgencies keeps incidents of these urgencies.
	Urgencies []Urgency `url:"urgencies[]"`
	// ServiceIDs, TeamIDs and UserIDs keep incidents of these services,
	// teams, or assigned to these users.
	ServiceIDs []string `url:"service_ids[]"`
	TeamIDs    []string `url:"team_ids[]"`
	UserIDs    []string `url:"user_ids[]"`
	// IncidentKey keeps the incident with this de-duplication key.
	IncidentKey string `url:"incident_key"`
	// Since and Until bound the creation time (at most 6 months apart).
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// AllTime lists incidents of all time; Since and Until are ignored.
	AllTime bool `url:"-"`
	// TimeZone renders times in this IANA zone and reads Since/Until in it.
	TimeZone string `url:"time_zone"`
	// SortBy orders the list: up to two of incident_number, created_at,
	// resolved_at and urgency, each with ":asc" or ":desc", separated by a
	// comma ("urgency:desc,created_at:asc"). Iterators default to
	// "created_at:asc", which lets them read past 10,000 incidents.
	SortBy string `url:"sort_by"`
	// Includes embeds these objects in full.
	Includes []IncidentInclude `url:"include[]"`
}

func (o *ListIncidentsOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := o.ListOptions.validate(); err != nil {
		return nil, err
	}
	if err := oneOf("Statuses", o.Statuses, Triggered, Acknowledged, Resolved); err != nil {
		return nil, err
	}
	if err := oneOf("Urgencies", o.Urgencies, UrgencyHigh, UrgencyLow); err != nil {
		return nil, err
	}
	if err := oneOf("Includes", o.Includes, incidentListIncludes...); err != nil {
		return nil, err
	}
	for field, ids := range map[string][]string{"ServiceIDs": o.ServiceIDs, "TeamIDs": o.TeamIDs, "UserIDs": o.UserIDs} {
		if err := checkIDs(field, ids); err != nil {
			return nil, err
		}
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && !o.Until.After(o.Since) {
		return nil, fmt.Errorf("pagerduty: Until (%s) must be after Since (%s)", o.Until.Format(time.RFC3339), o.Since.Format(time.RFC3339))
	}
	if err := checkSort(o.SortBy, "incident_number", "created_at", "resolved_at", "urgency"); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	if o.AllTime {
		q.Del("since")
		q.Del("until")
		q.Set("date_range", "all")
	}
	// Pagination is the iterator's business; ListPage sets it itself.
	q.Del("limit")
	q.Del("offset")
	q.Del("total")
	return q, nil
}

// checkSort validates a sort_by value: up to two "field[:asc|:desc]" items.
func checkSort(sortBy string, fields ...string) error {
	if sortBy == "" {
		return nil
	}
	parts := strings.Split(sortBy, ",")
	if len(parts) > 2 {
		return fmt.Errorf("pagerduty: SortBy %q has %d fields: at most 2 are accepted", sortBy, len(parts))
	}
	for _, p := range parts {
		field, dir, _ := strings.Cut(strings.TrimSpace(p), ":")
		if dir != "" && dir != "asc" && dir != "desc" {
			return fmt.Errorf("pagerduty: SortBy %q: direction %q is not asc or desc", sortBy, dir)
		}
		ok := false
		for _, f := range fields {
			ok = ok || f == field
		}
		if !ok {
			return fmt.Errorf("pagerduty: SortBy %q: %q is not a sort field; use one of %s", sortBy, field, strings.Join(fields, ", "))
		}
	}
	return nil
}

// List streams the incidents that match opts, fetching pages as the loop
// asks for them; breaking out of the loop stops fetching. Unless opts sets
// SortBy, incidents come oldest first and the listing reads past the API's
// 10,000-item ceiling by moving its since/until window, with no duplicates
// or gaps. With another SortBy, more than 10,000 incidents is an error.
//
//	for inc, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{
//		Statuses: []pagerduty.IncidentStatus{pagerduty.Triggered},
//	}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(inc.Number, inc.Title)
//	}
//
// OAuth scope incidents.read.
func (s *IncidentsService) List(ctx context.Context, opts *ListIncidentsOptions) iter.Seq2[Incident, error] {
	q, err := opts.query()
	if err != nil {
		return errSeq[Incident](err)
	}
	l := &offsetList[Incident]{path: "/incidents", key: "incidents", query: q}
	if opts != nil {
		l.paging(opts.ListOptions)
	}
	if opts == nil || opts.SortBy == "" {
		q.Set("sort_by", "created_at:asc")
		w := &timeWindow[Incident]{
			timeOf: func(i Incident) time.Time { return i.CreatedAt },
			idOf:   func(i Incident) string { return i.ID },
		}
		if opts != nil {
			w.since, w.until = opts.Since, opts.Until
		}
		l.window = w
	}
	return l.iterate(ctx, s.client)
}

// ListPage returns one page of the incidents that match opts, at opts.Offset,
// with the pagination facts (More, and Total when opts.Total is set).
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListPage(ctx context.Context, opts *ListIncidentsOptions) (*Page[Incident], error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	if opts != nil {
		if opts.Limit > 0 {
			q.Set("limit", strconv.Itoa(opts.Limit))
		}
		if opts.Offset > 0 {
			q.Set("offset", strconv.Itoa(opts.Offset))
		}
		if opts.Total {
			q.Set("total", "true")
		}
	}
	return getPage[Incident](ctx, s.client, "/incidents", "incidents", q)
}

// GetIncidentOptions selects what an incident answer embeds.
type GetIncidentOptions struct {
	// Includes embeds these objects in full (IncludeCustomFields among them).
	Includes []IncidentInclude `url:"include[]"`
}

// Get returns the incident with the given ID, or with the given number
// ("1234"): the API accepts both.
//
// OAuth scope incidents.read.
func (s *IncidentsService) Get(ctx context.Context, id string, opts *GetIncidentOptions) (*Incident, error) {
	path, err := expandPath("/incidents/{id}", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := oneOf("Includes", opts.Includes, append(incidentListIncludes, IncludeCustomFields)...); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	var out struct {
		Incident *Incident `json:"incident"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	if out.Incident == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no incident", path)
	}
	return out.Incident, nil
}

// GetByNumber returns the incident with the given number (#1234).
//
// OAuth scope incidents.read.
func (s *IncidentsService) GetByNumber(ctx context.Context, number int, opts *GetIncidentOptions) (*Incident, error) {
	if number <= 0 {
		return nil, fmt.Errorf("pagerduty: incident number %d: numbers start at 1", number)
	}
	return s.Get(ctx, strconv.Itoa(number), opts)
}
