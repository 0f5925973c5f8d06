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

type incidentIn struct {
	ID               string  `json:"id"`
	Type             string  `json:"type"`
	Title            *string `json:"title"`
	Service          *refIn  `json:"service"`
	Priority         *refIn  `json:"priority"`
	Urgency          *string `json:"urgency"`
	IncidentKey      string  `json:"incident_key"`
	Status           *string `json:"status"`
	Resolution       string  `json:"resolution"`
	EscalationLevel  *int    `json:"escalation_level"`
	EscalationPolicy *refIn  `json:"escalation_policy"`
	Assignments      []struct {
		Assignee refIn `json:"assignee"`
	} `json:"assignments"`
	Body *struct {
		Details any `json:"details"`
	} `json:"body"`
}

func (h *Handler) createIncident(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Incident *incidentIn `json:"incident"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		ii := in.Incident
		if ii == nil {
			return reply{}, errInvalid(`the body must hold an "incident" object`)
		}
		if ii.Type != "" && ii.Type != "incident" {
			return reply{}, errInvalid("incident type %q must be incident", ii.Type)
		}
		if ii.Title == nil || strings.TrimSpace(*ii.Title) == "" {
			return reply{}, errInvalid("incident title is required")
		}
		if ii.Service == nil || c.st.svcByID[ii.Service.ID] == nil {
			return reply{}, errInvalid("incident service is required and must be a service of the account")
		}
		svc := c.st.svcByID[ii.Service.ID]
		ts := triggerSpec{service: svc, title: strings.TrimSpace(*ii.Title), key: ii.IncidentKey,
			agent: Agent{Type: "user", ID: from.ID}, channel: "web_trigger", at: c.st.now(), urgency: "high"}
		if ii.Urgency != nil {
			if *ii.Urgency != "high" && *ii.Urgency != "low" {
				return reply{}, errInvalid("urgency %q is not high or low", *ii.Urgency)
			}
			ts.urgency = *ii.Urgency
		}
		if ii.Priority != nil {
			if c.st.prioByID[ii.Priority.ID] == nil {
				return reply{}, errInvalid("priority %q is not a priority of the account", ii.Priority.ID)
			}
			ts.priorityID = ii.Priority.ID
		}
		if ii.EscalationPolicy != nil {
			if c.st.epByID[ii.EscalationPolicy.ID] == nil {
				return reply{}, errInvalid("escalation_policy %q is not an escalation policy of the account", ii.EscalationPolicy.ID)
			}
			ts.epID = ii.EscalationPolicy.ID
		}
		for _, a := range ii.Assignments {
			if c.st.userByID[a.Assignee.ID] == nil {
				return reply{}, errInvalid("assignee %q is not a user of the account", a.Assignee.ID)
			}
			ts.assignees = append(ts.assignees, a.Assignee.ID)
		}
		if len(ts.assignees) > 0 && ts.epID != "" {
			return reply{}, errInvalid("give assignments or an escalation_policy, not both")
		}
		if ii.Body != nil {
			if s, ok := ii.Body.Details.(string); ok {
				ts.description = s
			}
		}
		if ts.key != "" {
			if open := c.st.alertByKey[svc.ID+"\x00"+ts.key]; open != nil {
				return reply{}, errInvalid("Open incident with matching dedup key already exists on this service")
			}
		}
		inc := c.st.trigger(ts)
		return reply{http.StatusCreated, map[string]any{"incident": c.incident(inc)}}, nil
	})
}

// checkUpdate reports what is wrong with an update, changing nothing.
func (st *state) checkUpdate(inc *Incident, u *incidentIn) *apiError {
	if u.Type != "" && u.Type != "incident" && u.Type != "incident_reference" {
		return errInvalid("incident type %q must be incident or incident_reference", u.Type)
	}
	if u.Status != nil && *u.Status != StatusAcknowledged && *u.Status != StatusResolved {
		return errInvalid("status %q cannot be set; use acknowledged or resolved", *u.Status)
	}
	if u.Urgency != nil && *u.Urgency != "high" && *u.Urgency != "low" {
		return errInvalid("urgency %q is not high or low", *u.Urgency)
	}
	if u.Priority != nil && u.Priority.ID != "" && st.prioByID[u.Priority.ID] == nil {
		return errInvalid("priority %q is not a priority of the account", u.Priority.ID)
	}
	if u.EscalationPolicy != nil && st.epByID[u.EscalationPolicy.ID] == nil {
		return errInvalid("escalation_policy %q is not an escalation policy of the account", u.EscalationPolicy.ID)
	}
	for _, a := range u.Assignments {
		if st.userByID[a.Assignee.ID] == nil {
			return errInvalid("assignee %q is not a user of the account", a.Assignee.ID)
		}
	}
	ep := st.epByID[inc.EscalationPolicyID]
	if u.EscalationPolicy != nil {
		ep = st.epByID[u.EscalationPolicy.ID]
	}
	if u.EscalationLevel != nil && (ep == nil || *u.EscalationLevel < 1 || *u.EscalationLevel > len(ep.Rules)) {
		n := 0
		if ep != nil {
			n = len(ep.Rules)
		}
		return errInvalid("escalation_level %d is not a level of the escalation policy (1 to %d)", *u.EscalationLevel, n)
	}
	if inc.Status == StatusResolved && (u.Status == nil || *u.Status != StatusResolved) &&
		(len(u.Assignments) > 0 || u.EscalationLevel != nil || u.EscalationPolicy != nil || u.Status != nil) {
		return errInvalid("incident %s is resolved and cannot be changed", inc.ID)
	}
	if u.Title != nil && strings.TrimSpace(*u.Title) == "" {
		return errInvalid("incident title must not be empty")
	}
	return nil
}

// applyUpdate checks an update and applies it; nothing changes when it
// answers an error.
func (st *state) applyUpdate(inc *Incident, u *incidentIn, by *User, now time.Time) *apiError {
	if err := st.checkUpdate(inc, u); err != nil {
		return err
	}
	agent := Agent{Type: "user", ID: by.ID}
	var assignees []string
	for _, a := range u.Assignments {
		assignees = append(assignees, a.Assignee.ID)
	}
	if u.Title != nil {
		inc.Title = strings.TrimSpace(*u.Title)
	}
	if u.Urgency != nil && *u.Urgency != inc.Urgency {
		inc.Urgency = *u.Urgency
		st.addLog(inc, LogEntry{Type: LogUrgency, CreatedAt: now, Agent: agent})
	}
	if u.Priority != nil {
		inc.PriorityID = u.Priority.ID
	}
	if u.EscalationPolicy != nil && u.EscalationPolicy.ID != inc.EscalationPolicyID {
		inc.EscalationPolicyID = u.EscalationPolicy.ID
		if u.EscalationLevel == nil {
			one := 1
			u.EscalationLevel = &one
		}
	}
	if len(assignees) > 0 {
		st.reassign(inc, assignees, agent, now)
	}
	if u.EscalationLevel != nil {
		st.escalate(inc, *u.EscalationLevel, agent, now, "")
	}
	if u.Status != nil {
		switch *u.Status {
		case StatusAcknowledged:
			st.acknowledge(inc, agent, now)
		case StatusResolved:
			st.resolve(inc, agent, now, u.Resolution)
		}
	}
	inc.UpdatedAt = now
	st.touch()
	return nil
}

func (h *Handler) updateIncident(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Incident *incidentIn `json:"incident"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Incident == nil {
			return reply{}, errInvalid(`the body must hold an "incident" object`)
		}
		if err := c.st.applyUpdate(inc, in.Incident, from, c.st.now()); err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"incident": c.incident(inc)}}, nil
	})
}

func (h *Handler) updateIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Incidents []incidentIn `json:"incidents"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if len(in.Incidents) == 0 {
			return reply{}, errInvalid(`the body must hold a non-empty "incidents" array`)
		}
		if len(in.Incidents) > maxBulkIncidents {
			return reply{}, &apiError{status: http.StatusRequestEntityTooLarge, code: CodeInvalidInput,
				errors: []string{"at most " + strconv.Itoa(maxBulkIncidents) + " incidents can be updated at once, got " + strconv.Itoa(len(in.Incidents))}}
		}
		// Check every update first: a bad one changes nothing.
		targets := make([]*Incident, len(in.Incidents))
		for i, u := range in.Incidents {
			if targets[i] = c.st.incByID[u.ID]; targets[i] == nil {
				return reply{}, errNotFound("incident", u.ID)
			}
			if err := c.st.checkUpdate(targets[i], &in.Incidents[i]); err != nil {
				err.errors[0] = "incident " + u.ID + ": " + err.errors[0]
				return reply{}, err
			}
		}
		now := c.st.now()
		out := make([]wIncident, 0, len(targets))
		for i := range in.Incidents {
			if err := c.st.applyUpdate(targets[i], &in.Incidents[i], from, now); err != nil {
				return reply{}, err
			}
			out = append(out, c.incident(targets[i]))
		}
		return reply{200, listBody("incidents", out, page{Limit: len(out)})}, nil
	})
}

func (h *Handler) mergeIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		target, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			SourceIncidents []refIn `json:"source_incidents"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if len(in.SourceIncidents) == 0 {
			return reply{}, errInvalid(`"source_incidents" must list at least one incident`)
		}
		if target.Status == StatusResolved {
			return reply{}, errInvalid("the target incident %s is resolved; merge into an open incident", target.ID)
		}
		var sources []*Incident
		for _, s := range in.SourceIncidents {
			src := c.st.incByID[s.ID]
			switch {
			case src == nil:
				return reply{}, errNotFound("incident", s.ID)
			case src == target:
				return reply{}, errInvalid("an incident cannot be merged into itself")
			case src.MergedInto != "":
				return reply{}, errInvalid("incident %s was already merged into %s", src.ID, src.MergedInto)
			}
			sources = append(sources, src)
		}
		c.st.merge(target, sources, Agent{Type: "user", ID: from.ID}, c.st.now())
		return reply{200, map[string]any{"incident": c.incidentRef(target)}}, nil
	})
}

func (h *Handler) snoozeIncident(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Duration *int `json:"duration"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Duration == nil || *in.Duration < 1 || *in.Duration > 604800 {
			return reply{}, errInvalid("duration must be a number of seconds from 1 to 604800")
		}
		if inc.Status == StatusResolved {
			return reply{}, errInvalid("incident %s is resolved and cannot be snoozed", inc.ID)
		}
		c.st.snooze(inc, time.Duration(*in.Duration)*time.Second, Agent{Type: "user", ID: from.ID}, c.st.now())
		return reply{http.StatusCreated, map[string]any{"incident": c.incident(inc)}}, nil
	})
}

func (h *Handler) listNotes(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		out := []wNote{}
		for i := range inc.Notes {
			out = append(out, c.note(&inc.Notes[i]))
		}
		return reply{200, map[string]any{"notes": out}}, nil
	})
}

func (h *Handler) createNote(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		from, err := c.st.fromUser(r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Note *struct {
				Content string `json:"content"`
			} `json:"note"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Note == nil || strings.TrimSpace(in.Note.Content) == "" {
			return reply{}, errInvalid(`the body must hold a "note" object with non-empty "content"`)
		}
		n := c.st.addNote(inc, from.ID, in.Note.Content, c.st.now())
		return reply{200, map[string]any{"note": c.note(n)}}, nil
	})
}

func (h *Handler) createResponderRequest(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			RequesterID string `json:"requester_id"`
			Message     string `json:"message"`
			Targets     []struct {
				Target refIn `json:"responder_request_target"`
			} `json:"responder_request_targets"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if c.st.userByID[in.RequesterID] == nil {
			return reply{}, errInvalid("requester_id %q is not a user of the account", in.RequesterID)
		}
		if strings.TrimSpace(in.Message) == "" || len(in.Targets) == 0 {
			return reply{}, errInvalid("message and at least one responder_request_target are required")
		}
		rr := ResponderRequest{ID: c.st.newID(), RequesterID: in.RequesterID, Message: in.Message, RequestedAt: c.st.now()}
		for _, t := range in.Targets {
			switch strings.TrimSuffix(t.Target.Type, "_reference") {
			case "user":
				if c.st.userByID[t.Target.ID] == nil {
					return reply{}, errInvalid("responder %q is not a user of the account", t.Target.ID)
				}
				rr.UserIDs = append(rr.UserIDs, t.Target.ID)
			case "escalation_policy":
				ep := c.st.epByID[t.Target.ID]
				if ep == nil {
					return reply{}, errInvalid("responder escalation policy %q is not one of the account", t.Target.ID)
				}
				rr.UserIDs = append(rr.UserIDs, c.st.oncallUsers(ep, 1, rr.RequestedAt)...)
			default:
				return reply{}, errInvalid("responder_request_target type %q is not user_reference or escalation_policy_reference", t.Target.Type)
			}
		}
		inc.ResponderRequests = append(inc.ResponderRequests, rr)
		inc.UpdatedAt = rr.RequestedAt
		return reply{200, map[string]any{"responder_request": c.responderRequest(inc, &inc.ResponderRequests[len(inc.ResponderRequests)-1])}}, nil
	})
}

func (h *Handler) listAlerts(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		statuses, key := list(q, "statuses"), q.Get("alert_key")
		ptrs := make([]*Alert, len(inc.Alerts))
		for i := range inc.Alerts {
			ptrs[i] = &inc.Alerts[i]
		}
		items, pg := paginate(ptrs, func(a *Alert) bool {
			return (len(statuses) == 0 || slices.Contains(statuses, a.Status)) && (key == "" || a.Key == key)
		}, p)
		out := make([]wAlert, 0, len(items))
		for _, a := range items {
			out = append(out, c.alert(inc, a))
		}
		return reply{200, listBody("alerts", out, pg)}, nil
	})
}

func (h *Handler) getAlert(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for i := range inc.Alerts {
			if inc.Alerts[i].ID == r.PathValue("aid") {
				return reply{200, map[string]any{"alert": c.alert(inc, &inc.Alerts[i])}}, nil
			}
		}
		return reply{}, errNotFound("alert", r.PathValue("aid"))
	})
}

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
	out := make([]wLogEntry, 0, len(items))
	for _, lr := range items {
		out = append(out, c.logEntry(lr.inc, lr.entry()))
	}
	return reply{200, listBody("log_entries", out, pg)}, nil
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
