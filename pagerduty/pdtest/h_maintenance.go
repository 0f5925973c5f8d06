package pdtest

import (
	"net/http"
	"net/url"
	"slices"
)

func (h *Handler) listMaintenanceWindows(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query, services, teams, filter := q.Get("query"), list(q, "service_ids"), list(q, "team_ids"), q.Get("filter")
		if filter != "" && filter != "past" && filter != "future" && filter != "ongoing" && filter != "open" && filter != "all" {
			return reply{}, errInvalid("filter %q is not one of past, future, ongoing, open, all", filter)
		}
		now := c.st.now()
		items, pg := paginate(c.st.mws, func(m *MaintenanceWindow) bool {
			if !matchQuery(m.Description, query) {
				return false
			}
			if len(services) > 0 && !slices.ContainsFunc(m.ServiceIDs, func(id string) bool { return slices.Contains(services, id) }) {
				return false
			}
			if len(teams) > 0 && !slices.ContainsFunc(m.ServiceIDs, func(id string) bool {
				s := c.st.svcByID[id]
				return s != nil && slices.ContainsFunc(c.st.teamIDsOfService(s), func(t string) bool { return slices.Contains(teams, t) })
			}) {
				return false
			}
			switch filter {
			case "past":
				return !m.EndTime.After(now)
			case "future":
				return m.StartTime.After(now)
			case "ongoing":
				return !m.StartTime.After(now) && m.EndTime.After(now)
			case "open":
				return m.EndTime.After(now)
			}
			return true
		}, p)
		return listReply("maintenance_windows", items, pg, c.maintenanceWindow), nil
	})
}

func (h *Handler) getMaintenanceWindow(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		m, err := pathObject(c.st.mwByID, r, "maintenance window")
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"maintenance_window": c.maintenanceWindow(m)}}, nil
	})
}

func (h *Handler) createMaintenanceWindow(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var in struct {
			MW *struct {
				StartTime   string  `json:"start_time"`
				EndTime     string  `json:"end_time"`
				Description string  `json:"description"`
				Services    []refIn `json:"services"`
			} `json:"maintenance_window"`
		}
		from, err := c.st.decodeFrom(r, &in)
		if err != nil {
			return reply{}, err
		}
		if in.MW == nil {
			return reply{}, errInvalid(`the body must hold a "maintenance_window" object`)
		}
		start, err := parseTime("start_time", in.MW.StartTime, c.loc)
		if err != nil {
			return reply{}, err
		}
		end, err := parseTime("end_time", in.MW.EndTime, c.loc)
		if err != nil {
			return reply{}, err
		}
		now := c.st.now()
		if start.Before(now) {
			start = now
		}
		if !end.After(start) || !end.After(now) {
			return reply{}, errInvalid("end_time must be in the future and after start_time")
		}
		if len(in.MW.Services) == 0 {
			return reply{}, errInvalid("a maintenance window needs at least one service")
		}
		m := &MaintenanceWindow{ID: c.st.newID(), StartTime: start, EndTime: end, Description: in.MW.Description, CreatedByID: from.ID}
		for _, s := range in.MW.Services {
			if c.st.svcByID[s.ID] == nil {
				return reply{}, errInvalid("service %q is not a service of the account", s.ID)
			}
			m.ServiceIDs = append(m.ServiceIDs, s.ID)
		}
		c.st.nextMWSeq++
		m.SequenceNumber = c.st.nextMWSeq
		c.st.mws = append(c.st.mws, m)
		c.st.mwByID[m.ID] = m
		return reply{http.StatusCreated, map[string]any{"maintenance_window": c.maintenanceWindow(m)}}, nil
	})
}

func (h *Handler) deleteMaintenanceWindow(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		m, err := pathObject(c.st.mwByID, r, "maintenance window")
		if err != nil {
			return reply{}, err
		}
		if !m.EndTime.After(c.st.now()) {
			return reply{}, &apiError{status: http.StatusMethodNotAllowed, code: CodeMethodNotAllowed,
				errors: []string{"maintenance window " + m.ID + " has ended; only future or ongoing windows can be deleted"}}
		}
		c.st.mws = slices.DeleteFunc(c.st.mws, func(x *MaintenanceWindow) bool { return x == m })
		delete(c.st.mwByID, m.ID)
		return reply{status: http.StatusNoContent}, nil
	})
}
