package pdtest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

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
		var in struct {
			Incident *incidentIn `json:"incident"`
		}
		from, err := c.st.decodeFrom(r, &in)
		if err != nil {
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
		var in struct {
			Incident *incidentIn `json:"incident"`
		}
		inc, from, err := h.incidentWrite(c, r, &in)
		if err != nil {
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
		var in struct {
			Incidents []incidentIn `json:"incidents"`
		}
		from, err := c.st.decodeFrom(r, &in)
		if err != nil {
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
