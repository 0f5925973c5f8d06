package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"time"
)

// defaultRenderSpan is the rendering window when only one of since and
// until is given.
const defaultRenderSpan = 14 * 24 * time.Hour

func (h *Handler) listSchedules(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query, teams := q.Get("query"), list(q, "team_ids")
		items, pg := paginate(c.st.schedules, func(s *Schedule) bool {
			if !matchQuery(s.Name, query) {
				return false
			}
			return len(teams) == 0 || slices.ContainsFunc(s.TeamIDs, func(id string) bool { return slices.Contains(teams, id) })
		}, p)
		out := make([]wSchedule, 0, len(items))
		for _, s := range items {
			ws := c.schedule(s, nil)
			// Lists carry no rendering.
			ws.FinalSchedule, ws.OverridesSubschedule = nil, nil
			out = append(out, ws)
		}
		return reply{200, listBody("schedules", out, pg)}, nil
	})
}

func (h *Handler) scheduleOr404(c *rc, r *http.Request) (*Schedule, *apiError) {
	return pathObject(c.st.schedByID, r, "schedule")
}

// renderWindow reads since and until for schedule rendering; nil when
// neither is given.
func renderWindow(q url.Values, loc *time.Location) (*window, *apiError) {
	since, until, err := parseWindow(q, loc)
	if err != nil {
		return nil, err
	}
	switch {
	case since.IsZero() && until.IsZero():
		return nil, nil
	case until.IsZero():
		until = since.Add(defaultRenderSpan)
	case since.IsZero():
		since = until.Add(-defaultRenderSpan)
	}
	if until.Sub(since) > maxRenderSpan {
		return nil, errArguments("the since/until window must be at most %d days", int(maxRenderSpan.Hours()/24))
	}
	return &window{since: since, until: until}, nil
}

func (h *Handler) getSchedule(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		if q.Get("time_zone") == "" {
			c.loc = c.st.location(s.TimeZone)
		}
		win, err := renderWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"schedule": c.schedule(s, win)}}, nil
	})
}

func (h *Handler) listScheduleUsers(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		since, until, err := parseWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		if since.IsZero() {
			since = c.st.now()
		}
		if !until.After(since) {
			until = since.Add(time.Second)
		}
		if until.Sub(since) > maxRenderSpan {
			return reply{}, errInvalid("the since/until range must be at most %d days", int(maxRenderSpan.Hours()/24))
		}
		out := []wUser{}
		seen := map[string]bool{}
		for _, sp := range renderFinal(s, c.st.location(s.TimeZone), since, until) {
			if u := c.st.userByID[sp.UserID]; u != nil && !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, c.user(u))
			}
		}
		return reply{200, map[string]any{"users": out}}, nil
	})
}

func (h *Handler) listOverrides(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		since, until, err := parseWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		editable, err := parseBool(q, "editable")
		if err != nil {
			return reply{}, err
		}
		now := c.st.now()
		out := []wOverride{}
		for i := range s.Overrides {
			o := &s.Overrides[i]
			if (!since.IsZero() && !o.End.After(since)) || (!until.IsZero() && !o.Start.Before(until)) {
				continue
			}
			if editable && !o.End.After(now) {
				continue
			}
			out = append(out, c.override(o))
		}
		return reply{200, map[string]any{"overrides": out}}, nil
	})
}

type overrideIn struct {
	Start    string `json:"start"`
	End      string `json:"end"`
	User     *refIn `json:"user"`
	TimeZone string `json:"time_zone"`
}

type overrideResult struct {
	Status   int       `json:"status"`
	Errors   []string  `json:"errors,omitempty"`
	Override wOverride `json:"override"`
}

func (h *Handler) createOverrides(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Override  *overrideIn  `json:"override"`
			Overrides []overrideIn `json:"overrides"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Override != nil {
			o, err := c.st.makeOverride(s, *in.Override)
			if err != nil {
				return reply{}, err
			}
			return reply{http.StatusCreated, map[string]any{"override": c.override(o)}}, nil
		}
		if len(in.Overrides) == 0 {
			return reply{}, errInvalid(`the body must hold an "override" object or a non-empty "overrides" array`)
		}
		out := []overrideResult{}
		for _, oi := range in.Overrides {
			o, err := c.st.makeOverride(s, oi)
			if err != nil {
				res := overrideResult{Status: err.status, Errors: err.errors}
				if oi.User != nil {
					res.Override.User = c.userRef(oi.User.ID)
				}
				res.Override.Start, res.Override.End = oi.Start, oi.End
				out = append(out, res)
				continue
			}
			out = append(out, overrideResult{Status: http.StatusCreated, Override: c.override(o)})
		}
		return reply{http.StatusCreated, out}, nil
	})
}

func (st *state) makeOverride(s *Schedule, in overrideIn) (*Override, *apiError) {
	loc := time.UTC
	if in.TimeZone != "" {
		l, err := time.LoadLocation(in.TimeZone)
		if err != nil {
			return nil, errInvalid("time_zone %q is not a known time zone", in.TimeZone)
		}
		loc = l
	}
	start, err := parseTime("start", in.Start, loc)
	if err != nil {
		return nil, err
	}
	end, err := parseTime("end", in.End, loc)
	if err != nil {
		return nil, err
	}
	if !end.After(start) {
		return nil, errInvalid("override end must be after its start")
	}
	if in.User == nil || st.userByID[in.User.ID] == nil {
		id := ""
		if in.User != nil {
			id = in.User.ID
		}
		return nil, errInvalid("override user %q is not a user of the account", id)
	}
	s.Overrides = append(s.Overrides, Override{ID: st.newID(), Start: start, End: end, UserID: in.User.ID})
	return &s.Overrides[len(s.Overrides)-1], nil
}

func (h *Handler) deleteOverride(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		oid := r.PathValue("oid")
		i := slices.IndexFunc(s.Overrides, func(o Override) bool { return o.ID == oid })
		if i < 0 {
			return reply{}, errNotFound("override", oid)
		}
		now := c.st.now()
		o := &s.Overrides[i]
		switch {
		case !o.End.After(now):
			return reply{}, errInvalid("override %s already ended at %s; past overrides cannot be deleted", oid, o.End.UTC().Format(time.RFC3339))
		case !o.Start.After(now):
			// In progress: it ends now.
			o.End = now
			return reply{status: http.StatusOK}, nil
		}
		s.Overrides = slices.Delete(s.Overrides, i, i+1)
		return reply{status: http.StatusNoContent}, nil
	})
}

// On-calls are computed up to 90 days ahead, over windows of 90 days at
// most.
const (
	maxOncallAhead  = 90 * 24 * time.Hour
	maxOncallWindow = 90 * 24 * time.Hour
)

func (h *Handler) listOncalls(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		since, until, err := parseWindow(q, c.loc)
		if err != nil {
			return reply{}, err
		}
		now := c.st.now()
		if since.IsZero() {
			since = now
			if !until.IsZero() && until.Before(since) {
				since = until
			}
		}
		if until.IsZero() {
			until = since
		}
		if limit := now.Add(maxOncallAhead); until.After(limit) {
			until = limit
		}
		if until.Sub(since) > maxOncallWindow {
			return reply{}, errInvalid("the since/until range must be at most %d days", int(maxOncallWindow.Hours()/24))
		}
		earliest, err := parseBool(q, "earliest")
		if err != nil {
			return reply{}, err
		}
		all := c.st.oncalls(oncallQuery{since: since, until: until, userIDs: list(q, "user_ids"),
			epIDs: list(q, "escalation_policy_ids"), scheduleIDs: list(q, "schedule_ids"), earliest: earliest})
		items, pg := paginate(all, nil, p)
		return listReply("oncalls", items, pg, c.oncall), nil
	})
}
