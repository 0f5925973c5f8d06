package pdtest

import (
	"net/http"
	"net/url"
	"slices"
)

// Notification rules.

func (h *Handler) listNotificationRules(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		urg := q.Get("urgency")
		out := []wNotificationRule{}
		for i := range u.NotificationRules {
			if urg == "" || urg == "all" || u.NotificationRules[i].Urgency == urg {
				out = append(out, c.notificationRule(u, &u.NotificationRules[i]))
			}
		}
		return reply{200, map[string]any{"notification_rules": out}}, nil
	})
}

func (h *Handler) getNotificationRule(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for i := range u.NotificationRules {
			if u.NotificationRules[i].ID == r.PathValue("nid") {
				return reply{200, map[string]any{"notification_rule": c.notificationRule(u, &u.NotificationRules[i])}}, nil
			}
		}
		return reply{}, errNotFound("notification rule", r.PathValue("nid"))
	})
}

type notificationRuleIn struct {
	NotificationRule *struct {
		StartDelayInMinutes *int    `json:"start_delay_in_minutes"`
		ContactMethod       *refIn  `json:"contact_method"`
		Urgency             *string `json:"urgency"`
	} `json:"notification_rule"`
}

func (h *Handler) writeNotificationRule(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		idx := -1
		if !create {
			idx = slices.IndexFunc(u.NotificationRules, func(n NotificationRule) bool { return n.ID == r.PathValue("nid") })
			if idx < 0 {
				return reply{}, errNotFound("notification rule", r.PathValue("nid"))
			}
		}
		var in notificationRuleIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.NotificationRule == nil {
			return reply{}, errInvalid(`the body must hold a "notification_rule" object`)
		}
		var v NotificationRule
		if idx >= 0 {
			v = u.NotificationRules[idx]
		}
		nr := in.NotificationRule
		if nr.StartDelayInMinutes != nil {
			v.StartDelayInMinutes = *nr.StartDelayInMinutes
		}
		if nr.ContactMethod != nil {
			v.ContactMethodID = nr.ContactMethod.ID
		}
		if nr.Urgency != nil {
			v.Urgency = *nr.Urgency
		}
		if v.StartDelayInMinutes < 0 {
			return reply{}, errInvalid("start_delay_in_minutes must be zero or more")
		}
		if v.Urgency != "high" && v.Urgency != "low" {
			return reply{}, errInvalid("urgency %q is not high or low", v.Urgency)
		}
		if !slices.ContainsFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == v.ContactMethodID }) {
			return reply{}, errInvalid("contact_method %q is not a contact method of user %s", v.ContactMethodID, u.ID)
		}
		if create {
			v.ID = c.st.newID()
			u.NotificationRules = append(u.NotificationRules, v)
			return reply{http.StatusCreated, map[string]any{"notification_rule": c.notificationRule(u, &u.NotificationRules[len(u.NotificationRules)-1])}}, nil
		}
		u.NotificationRules[idx] = v
		return reply{200, map[string]any{"notification_rule": c.notificationRule(u, &u.NotificationRules[idx])}}, nil
	})
}

func (h *Handler) createNotificationRule(w http.ResponseWriter, r *http.Request) {
	h.writeNotificationRule(w, r, true)
}
func (h *Handler) updateNotificationRule(w http.ResponseWriter, r *http.Request) {
	h.writeNotificationRule(w, r, false)
}

func (h *Handler) deleteNotificationRule(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		nid := r.PathValue("nid")
		n := len(u.NotificationRules)
		u.NotificationRules = slices.DeleteFunc(u.NotificationRules, func(x NotificationRule) bool { return x.ID == nid })
		if len(u.NotificationRules) == n {
			return reply{}, errNotFound("notification rule", nid)
		}
		return reply{status: http.StatusNoContent}, nil
	})
}
