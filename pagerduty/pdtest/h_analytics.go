package pdtest

import (
	"cmp"
	"math"
	"net/http"
	"net/url"
	"slices"
	"time"
)

type analyticsIn struct {
	Filters       *analyticsFilters `json:"filters"`
	TimeZone      string            `json:"time_zone"`
	Order         string            `json:"order"`
	OrderBy       string            `json:"order_by"`
	AggregateUnit *string           `json:"aggregate_unit"`
	Limit         *int              `json:"limit"`
	StartingAfter string            `json:"starting_after"`
}

func (in *analyticsIn) location() (*time.Location, *apiError) {
	if in.TimeZone == "" {
		in.TimeZone = "Etc/UTC"
	}
	loc, err := time.LoadLocation(in.TimeZone)
	if err != nil {
		return nil, errInvalid("time_zone %q is not a known time zone", in.TimeZone)
	}
	if in.Filters == nil {
		in.Filters = &analyticsFilters{}
	}
	switch in.Order {
	case "":
		in.Order = "desc"
	case "asc", "desc":
	default:
		return nil, errInvalid("order %q is not asc or desc", in.Order)
	}
	return loc, nil
}

func (h *Handler) analyticsMetrics(by string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
			var in analyticsIn
			if err := decode(r, &in); err != nil {
				return reply{}, err
			}
			loc, err := in.location()
			if err != nil {
				return reply{}, err
			}
			unit := ""
			if in.AggregateUnit != nil {
				unit = *in.AggregateUnit
				if unit != "day" && unit != "week" && unit != "month" {
					return reply{}, errInvalid("aggregate_unit %q is not day, week or month", unit)
				}
			}
			facts, err := c.st.selectIncidents(in.Filters, loc)
			if err != nil {
				return reply{}, err
			}
			data := c.st.metrics(facts, by, unit, loc)
			if in.Order == "desc" && unit != "" {
				slices.Reverse(data)
			}
			body := map[string]any{"data": data, "filters": in.Filters, "time_zone": in.TimeZone, "order": in.Order,
				"order_by": orDefault(in.OrderBy, "range_start"), "aggregate_unit": in.AggregateUnit}
			return reply{200, body}, nil
		})
	}
}

// wRawIncident is one incident of the raw analytics.
type wRawIncident struct {
	ID                     string   `json:"id"`
	IncidentNumber         int      `json:"incident_number"`
	CreatedAt              string   `json:"created_at"`
	UpdatedAt              string   `json:"updated_at"`
	ResolvedAt             string   `json:"resolved_at,omitempty"`
	Status                 string   `json:"status"`
	Urgency                string   `json:"urgency"`
	Description            string   `json:"description"`
	ServiceID              string   `json:"service_id"`
	ServiceName            string   `json:"service_name"`
	TeamID                 *string  `json:"team_id"`
	TeamName               *string  `json:"team_name"`
	EscalationPolicyID     string   `json:"escalation_policy_id"`
	EscalationPolicyName   string   `json:"escalation_policy_name"`
	PriorityID             *string  `json:"priority_id"`
	PriorityName           *string  `json:"priority_name"`
	PriorityOrder          *int     `json:"priority_order"`
	SecondsToFirstAck      *int     `json:"seconds_to_first_ack,omitempty"`
	SecondsToResolve       *int     `json:"seconds_to_resolve,omitempty"`
	EscalationCount        int      `json:"escalation_count"`
	TimeoutEscalationCount int      `json:"timeout_escalation_count"`
	ManualEscalationCount  int      `json:"manual_escalation_count"`
	AssignmentCount        int      `json:"assignment_count"`
	ReassignmentCount      int      `json:"reassignment_count"`
	AcknowledgementCount   int      `json:"acknowledgement_count"`
	TotalNotifications     int      `json:"total_notifications"`
	TotalInterruptions     int      `json:"total_interruptions"`
	SnoozedSeconds         int      `json:"snoozed_seconds"`
	AutoResolved           bool     `json:"auto_resolved"`
	Major                  bool     `json:"major"`
	AssignedUserIDs        []string `json:"assigned_user_ids"`
	AssignedUserNames      []string `json:"assigned_user_names"`
	AcknowledgedUserIDs    []string `json:"acknowledged_user_ids"`
	AcknowledgedUserNames  []string `json:"acknowledged_user_names"`
	ResolvedByUserID       string   `json:"resolved_by_user_id,omitempty"`
	ResolvedByUserName     string   `json:"resolved_by_user_name,omitempty"`
}

func (st *state) rawIncident(f incidentFacts, loc *time.Location) wRawIncident {
	inc := f.inc
	ts := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	w := wRawIncident{ID: inc.ID, IncidentNumber: inc.Number, CreatedAt: ts(inc.CreatedAt), UpdatedAt: ts(inc.UpdatedAt),
		Status: inc.Status, Urgency: inc.Urgency, Description: inc.Title, ServiceID: inc.ServiceID,
		EscalationPolicyID: inc.EscalationPolicyID, SecondsToFirstAck: f.secondsToFirstAck, SecondsToResolve: f.secondsToResolve,
		EscalationCount: f.escalations, TimeoutEscalationCount: f.timeoutEscalations, ManualEscalationCount: f.manualEscalations,
		AssignmentCount: f.assignments, ReassignmentCount: f.reassignments, AcknowledgementCount: f.acknowledgements,
		TotalNotifications: f.notifications, TotalInterruptions: f.notifications, SnoozedSeconds: f.snoozedSeconds,
		AutoResolved: f.autoResolved, Major: false, AssignedUserIDs: []string{}, AssignedUserNames: []string{},
		AcknowledgedUserIDs: []string{}, AcknowledgedUserNames: []string{}, ResolvedByUserID: f.resolvedBy}
	if inc.ResolvedAt != nil {
		w.ResolvedAt = ts(*inc.ResolvedAt)
	}
	if s := st.svcByID[inc.ServiceID]; s != nil {
		w.ServiceName = s.Name
	}
	if e := st.epByID[inc.EscalationPolicyID]; e != nil {
		w.EscalationPolicyName = e.Name
	}
	if teams := st.incidentTeams(inc); len(teams) > 0 {
		id := teams[0]
		w.TeamID = &id
		if t := st.teamByID[id]; t != nil {
			name := t.Name
			w.TeamName = &name
		}
	}
	if p := st.prioByID[inc.PriorityID]; p != nil {
		id, name, order := p.ID, p.Name, p.Order
		w.PriorityID, w.PriorityName, w.PriorityOrder = &id, &name, &order
	}
	name := func(id string) string {
		if u := st.userByID[id]; u != nil {
			return u.Name
		}
		return id
	}
	for _, id := range f.assigned {
		w.AssignedUserIDs = append(w.AssignedUserIDs, id)
		w.AssignedUserNames = append(w.AssignedUserNames, name(id))
	}
	for _, id := range f.acknowledgers {
		w.AcknowledgedUserIDs = append(w.AcknowledgedUserIDs, id)
		w.AcknowledgedUserNames = append(w.AcknowledgedUserNames, name(id))
	}
	if f.resolvedBy != "" {
		w.ResolvedByUserName = name(f.resolvedBy)
	}
	return w
}

// Raw analytics page sizes.
const (
	defaultRawLimit = 20
	maxRawLimit     = 1000
)

func (h *Handler) analyticsRawIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var in analyticsIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		loc, err := in.location()
		if err != nil {
			return reply{}, err
		}
		limit := defaultRawLimit
		if in.Limit != nil {
			if *in.Limit < 1 || *in.Limit > maxRawLimit {
				return reply{}, errInvalid("limit must be from 1 to %d", maxRawLimit)
			}
			limit = *in.Limit
		}
		orderBy := orDefault(in.OrderBy, "created_at")
		if orderBy != "created_at" && orderBy != "seconds_to_resolve" {
			return reply{}, errInvalid("order_by %q is not created_at or seconds_to_resolve", orderBy)
		}
		facts, err := c.st.selectIncidents(in.Filters, loc)
		if err != nil {
			return reply{}, err
		}
		slices.SortStableFunc(facts, func(a, b incidentFacts) int {
			var n int
			if orderBy == "seconds_to_resolve" {
				n = cmp.Compare(intOr(a.secondsToResolve), intOr(b.secondsToResolve))
			} else {
				n = a.inc.CreatedAt.Compare(b.inc.CreatedAt)
			}
			if n == 0 {
				n = cmp.Compare(a.inc.Number, b.inc.Number)
			}
			if in.Order == "desc" {
				n = -n
			}
			return n
		})
		startAt := 0
		if in.StartingAfter != "" {
			i := slices.IndexFunc(facts, func(f incidentFacts) bool { return f.inc.ID == in.StartingAfter })
			if i < 0 {
				return reply{}, errInvalid("starting_after %q is not a cursor of this query", in.StartingAfter)
			}
			startAt = i + 1
		}
		end := min(startAt+limit, len(facts))
		data := make([]wRawIncident, 0, end-startAt)
		for _, f := range facts[startAt:end] {
			data = append(data, c.st.rawIncident(f, loc))
		}
		first, last := "", ""
		if len(data) > 0 {
			first, last = data[0].ID, data[len(data)-1].ID
		}
		body := map[string]any{"data": data, "first": first, "last": last, "limit": limit, "more": end < len(facts),
			"order": in.Order, "order_by": orderBy, "filters": in.Filters, "time_zone": in.TimeZone}
		return reply{200, body}, nil
	})
}

// intOr ranks unresolved incidents below every resolved one.
func intOr(p *int) int {
	if p == nil {
		return math.MinInt
	}
	return *p
}
