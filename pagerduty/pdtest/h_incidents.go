package pdtest

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Incident list windows.
const (
	defaultIncidentWindow = 30 * 24 * time.Hour
	maxIncidentWindow     = 183 * 24 * time.Hour
	maxBulkIncidents      = 250
)

var (
	incidentStatuses = []string{StatusTriggered, StatusAcknowledged, StatusResolved}
	incidentSorts    = []string{"incident_number", "created_at", "resolved_at", "urgency"}
)

func (h *Handler) listIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		statuses, services, teams, users, urgencies := list(q, "statuses"), list(q, "service_ids"), list(q, "team_ids"), list(q, "user_ids"), list(q, "urgencies")
		for _, s := range statuses {
			if !slices.Contains(incidentStatuses, s) {
				return reply{}, errInvalid("statuses[] value %q is not one of triggered, acknowledged, resolved", s)
			}
		}
		for _, u := range urgencies {
			if u != "high" && u != "low" {
				return reply{}, errInvalid("urgencies[] value %q is not high or low", u)
			}
		}
		since, until, err := parseWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		allDates := q.Get("date_range") == "all"
		if dr := q.Get("date_range"); dr != "" && dr != "all" {
			return reply{}, errInvalid("date_range %q is not accepted; the only value is all", dr)
		}
		if !allDates {
			now := c.st.now()
			switch {
			case since.IsZero() && until.IsZero():
				since, until = now.Add(-defaultIncidentWindow), now.Add(time.Second)
			case until.IsZero():
				until = now.Add(time.Second)
			case since.IsZero():
				since = until.Add(-defaultIncidentWindow)
			}
			if until.Sub(since) > maxIncidentWindow {
				return reply{}, errInvalid("the since/until range must be at most 6 months; use several windows or date_range=all")
			}
		}
		key := q.Get("incident_key")
		var teamServices map[string]bool
		if len(teams) > 0 {
			teamServices = map[string]bool{}
			for _, s := range c.st.services {
				if slices.ContainsFunc(c.st.teamIDsOfService(s), func(id string) bool { return slices.Contains(teams, id) }) {
					teamServices[s.ID] = true
				}
			}
		}
		incs := c.st.incidents
		if sb := list(q, "sort_by"); len(sb) > 0 {
			cmpf, err := incidentOrder(sb)
			if err != nil {
				return reply{}, err
			}
			incs = slices.Clone(incs)
			slices.SortStableFunc(incs, cmpf)
		}
		keep := func(inc *Incident) bool {
			if !allDates && (inc.CreatedAt.Before(since) || !inc.CreatedAt.Before(until)) {
				return false
			}
			if len(statuses) > 0 && !slices.Contains(statuses, inc.Status) {
				return false
			}
			if len(services) > 0 && !slices.Contains(services, inc.ServiceID) {
				return false
			}
			if teamServices != nil && !teamServices[inc.ServiceID] {
				return false
			}
			if len(urgencies) > 0 && !slices.Contains(urgencies, inc.Urgency) {
				return false
			}
			if key != "" && inc.IncidentKey != key && !slices.ContainsFunc(inc.Alerts, func(a Alert) bool { return a.Key == key }) {
				return false
			}
			if len(users) > 0 && !slices.ContainsFunc(inc.Assignments, func(a Assignment) bool { return slices.Contains(users, a.UserID) }) {
				return false
			}
			return true
		}
		cacheKey := fmt.Sprint(allDates, since.UnixNano(), until.UnixNano(), statuses, services, teams, urgencies, key, users, list(q, "sort_by"))
		matched := c.st.cachedList(cacheKey, func() []*Incident {
			var out []*Incident
			for _, inc := range incs {
				if keep(inc) {
					out = append(out, inc)
				}
			}
			return out
		})
		items, pg := paginate(matched, nil, p)
		raw, jerr := c.incidentPage("incidents", items, pg)
		if jerr != nil {
			return reply{}, &apiError{status: http.StatusInternalServerError, code: CodeInternal, errors: []string{"encoding incidents: " + jerr.Error()}}
		}
		return reply{200, rawJSON(raw)}, nil
	})
}

// incidentOrder reads sort_by ("field[:asc|:desc]", at most two).
func incidentOrder(specs []string) (func(a, b *Incident) int, *apiError) {
	if len(specs) > 2 {
		return nil, errInvalid("sort_by takes at most two fields")
	}
	type key struct {
		field string
		desc  bool
	}
	var keys []key
	for _, s := range specs {
		f, dir, _ := strings.Cut(s, ":")
		if !slices.Contains(incidentSorts, f) || (dir != "" && dir != "asc" && dir != "desc") {
			return nil, errInvalid("sort_by %q is not field[:asc|:desc] with field one of %s", s, strings.Join(incidentSorts, ", "))
		}
		keys = append(keys, key{f, dir == "desc"})
	}
	return func(a, b *Incident) int {
		for _, k := range keys {
			var n int
			switch k.field {
			case "incident_number":
				n = cmp.Compare(a.Number, b.Number)
			case "created_at":
				n = a.CreatedAt.Compare(b.CreatedAt)
			case "resolved_at":
				n = timeOrZero(a.ResolvedAt).Compare(timeOrZero(b.ResolvedAt))
			case "urgency":
				n = cmp.Compare(urgencyRank(a.Urgency), urgencyRank(b.Urgency))
			}
			if k.desc {
				n = -n
			}
			if n != 0 {
				return n
			}
		}
		return 0
	}, nil
}

func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

func urgencyRank(u string) int {
	if u == "high" {
		return 1
	}
	return 0
}

// incidentOr404 finds an incident by ID or by number.
// incidentWrite finds the incident the path names, then checks the From
// header and reads the JSON body into in, answering the first that fails:
// the start of every write on one incident.
func (h *Handler) incidentWrite(c *rc, r *http.Request, in any) (*Incident, *User, *apiError) {
	inc, err := h.incidentOr404(c, r)
	if err != nil {
		return nil, nil, err
	}
	from, err := c.st.decodeFrom(r, in)
	if err != nil {
		return nil, nil, err
	}
	return inc, from, nil
}

func (h *Handler) incidentOr404(c *rc, r *http.Request) (*Incident, *apiError) {
	id := r.PathValue("id")
	if inc := c.st.incByID[id]; inc != nil {
		return inc, nil
	}
	if n, err := strconv.Atoi(id); err == nil {
		if inc := c.st.incByNumber[n]; inc != nil {
			return inc, nil
		}
	}
	return nil, errNotFound("incident", id)
}

func (h *Handler) getIncident(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"incident": c.incident(inc)}}, nil
	})
}
