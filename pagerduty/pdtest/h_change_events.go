package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// wChangeEvent is a change event.
type wChangeEvent struct {
	ID                string         `json:"id"`
	Type              string         `json:"type"`
	Summary           string         `json:"summary"`
	Self              string         `json:"self"`
	HTMLURL           *string        `json:"html_url"`
	Timestamp         string         `json:"timestamp"`
	Services          []wRef         `json:"services"`
	Integration       *wRef          `json:"integration,omitempty"`
	RoutingKey        string         `json:"routing_key,omitempty"`
	Source            string         `json:"source,omitempty"`
	Links             []any          `json:"links"`
	Images            []any          `json:"images"`
	CustomDetails     map[string]any `json:"custom_details"`
	CorrelationReason *wCorrelation  `json:"correlation_reason,omitempty"`
}

type wCorrelation struct {
	Reason string `json:"reason"`
}

func (c *rc) changeEvent(ce *ChangeEvent) wChangeEvent {
	w := wChangeEvent{ID: ce.ID, Type: "change_event", Summary: ce.Summary, Self: c.base + "/change_events/" + ce.ID,
		Timestamp: c.ts(ce.Timestamp), Services: []wRef{}, RoutingKey: ce.RoutingKey, Source: ce.Source,
		Links: []any{}, Images: []any{}, CustomDetails: ce.CustomDetails}
	if w.CustomDetails == nil {
		w.CustomDetails = map[string]any{}
	}
	if s := c.st.svcByID[ce.ServiceID]; s != nil {
		w.Services = append(w.Services, c.serviceRef(s.ID))
		for i := range s.Integrations {
			if s.Integrations[i].ID == ce.IntegrationID {
				r := c.integrationRef(s, &s.Integrations[i])
				w.Integration = &r
			}
		}
	}
	return w
}

// changeEventsNewestFirst returns pointers to the change events, newest
// first.
func (st *state) changeEventsNewestFirst() []*ChangeEvent {
	out := make([]*ChangeEvent, len(st.changes))
	for i := range st.changes {
		out[len(out)-1-i] = &st.changes[i]
	}
	slices.SortStableFunc(out, func(a, b *ChangeEvent) int { return b.Timestamp.Compare(a.Timestamp) })
	return out
}

func (h *Handler) listChangeEvents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		serviceID := r.PathValue("id")
		if serviceID != "" && c.st.svcByID[serviceID] == nil {
			return reply{}, errNotFound("service", serviceID)
		}
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		since, until, err := parseWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		teams, integrations := list(q, "team_ids"), list(q, "integration_ids")
		items, pg := paginate(c.st.changeEventsNewestFirst(), func(ce *ChangeEvent) bool {
			switch {
			case serviceID != "" && ce.ServiceID != serviceID,
				len(integrations) > 0 && !slices.Contains(integrations, ce.IntegrationID),
				!since.IsZero() && ce.Timestamp.Before(since),
				!until.IsZero() && !ce.Timestamp.Before(until):
				return false
			}
			if len(teams) > 0 {
				s := c.st.svcByID[ce.ServiceID]
				return s != nil && slices.ContainsFunc(c.st.teamIDsOfService(s), func(t string) bool { return slices.Contains(teams, t) })
			}
			return true
		}, p)
		return listReply("change_events", items, pg, c.changeEvent), nil
	})
}

func (h *Handler) getChangeEvent(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		for i := range c.st.changes {
			if ce := &c.st.changes[i]; ce.ID == r.PathValue("id") {
				return reply{200, map[string]any{"change_event": c.changeEvent(ce)}}, nil
			}
		}
		return reply{}, errNotFound("change event", r.PathValue("id"))
	})
}

// relatedChangeWindow is how far before an incident change events count as
// related to it.
const relatedChangeWindow = 24 * time.Hour

// listRelatedChangeEvents answers the change events of the day before an
// incident: those of its service ("related_service"), then those of its
// team's other services ("most_recent").
func (h *Handler) listRelatedChangeEvents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		limit := DefaultLimit
		if v := q.Get("limit"); v != "" {
			n, cerr := strconv.Atoi(v)
			if cerr != nil || n < 1 || n > MaxLimit {
				return reply{}, errInvalid("limit %q is not a number from 1 to %d", v, MaxLimit)
			}
			limit = n
		}
		teams := c.st.incidentTeams(inc)
		var same, team []wChangeEvent
		for _, ce := range c.st.changeEventsNewestFirst() {
			if ce.Timestamp.After(inc.CreatedAt) || inc.CreatedAt.Sub(ce.Timestamp) > relatedChangeWindow {
				continue
			}
			w := c.changeEvent(ce)
			switch s := c.st.svcByID[ce.ServiceID]; {
			case ce.ServiceID == inc.ServiceID:
				w.CorrelationReason = &wCorrelation{Reason: "related_service"}
				same = append(same, w)
			case s != nil && slices.ContainsFunc(c.st.teamIDsOfService(s), func(t string) bool { return slices.Contains(teams, t) }):
				w.CorrelationReason = &wCorrelation{Reason: "most_recent"}
				team = append(team, w)
			}
		}
		out := append(same, team...)
		if out == nil {
			out = []wChangeEvent{}
		}
		return reply{200, map[string]any{"change_events": out[:min(limit, len(out))]}}, nil
	})
}
