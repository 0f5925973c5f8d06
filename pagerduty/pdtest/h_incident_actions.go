package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

func (h *Handler) mergeIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var in struct {
			SourceIncidents []refIn `json:"source_incidents"`
		}
		target, from, err := h.incidentWrite(c, r, &in)
		if err != nil {
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
		var in struct {
			Duration *int `json:"duration"`
		}
		inc, from, err := h.incidentWrite(c, r, &in)
		if err != nil {
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
		var in struct {
			Note *struct {
				Content string `json:"content"`
			} `json:"note"`
		}
		inc, from, err := h.incidentWrite(c, r, &in)
		if err != nil {
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
		items, pg := paginate(pointers(inc.Alerts), func(a *Alert) bool {
			return (len(statuses) == 0 || slices.Contains(statuses, a.Status)) && (key == "" || a.Key == key)
		}, p)
		return listReply("alerts", items, pg, func(a *Alert) wAlert { return c.alert(inc, a) }), nil
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
