package pdtest

import (
	"net/http"
	"net/url"
	"slices"
)

// Log entries.

func overview(t string) bool {
	switch t {
	case LogTrigger, LogAcknowledge, LogResolve, LogEscalate, LogAssign, LogAnnotate, LogSnooze, LogUrgency, "unacknowledge_log_entry":
		return true
	}
	return false
}

func (h *Handler) listIncidentLogEntries(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		refs := make([]logRef, 0, len(inc.LogEntries))
		for i := len(inc.LogEntries) - 1; i >= 0; i-- {
			refs = append(refs, logRef{inc, i})
		}
		return h.logPage(c, q, refs, nil)
	})
}

func (h *Handler) listLogEntries(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var teamServices map[string]bool
		if teams := list(q, "team_ids"); len(teams) > 0 {
			teamServices = map[string]bool{}
			for _, s := range c.st.services {
				if slices.ContainsFunc(c.st.teamIDsOfService(s), func(id string) bool { return slices.Contains(teams, id) }) {
					teamServices[s.ID] = true
				}
			}
		}
		return h.logPage(c, q, c.st.logEntries(), teamServices)
	})
}

func (h *Handler) logPage(c *rc, q url.Values, refs []logRef, teamServices map[string]bool) (reply, *apiError) {
	p, err := parsePage(q)
	if err != nil {
		return reply{}, err
	}
	since, until, err := parseWindow(q, c.loc)
	if err != nil {
		return reply{}, err
	}
	ov, err := parseBool(q, "is_overview")
	if err != nil {
		return reply{}, err
	}
	items, pg := paginate(refs, func(lr logRef) bool {
		le := lr.entry()
		if !since.IsZero() && le.CreatedAt.Before(since) {
			return false
		}
		if !until.IsZero() && !le.CreatedAt.Before(until) {
			return false
		}
		if ov && !overview(le.Type) {
			return false
		}
		return teamServices == nil || teamServices[lr.inc.ServiceID]
	}, p)
	return listReply("log_entries", items, pg, func(lr logRef) wLogEntry { return c.logEntry(lr.inc, lr.entry()) }), nil
}

func (h *Handler) getLogEntry(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		c.st.logEntries()
		lr, ok := c.st.logByID[r.PathValue("id")]
		if !ok {
			return reply{}, errNotFound("log entry", r.PathValue("id"))
		}
		return reply{200, map[string]any{"log_entry": c.logEntry(lr.inc, lr.entry())}}, nil
	})
}
