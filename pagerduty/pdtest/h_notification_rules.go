package pdtest

import (
	"net/http"
	"net/url"
	"slices"
)

// Notification rules.

func notificationRules() userItems[NotificationRule] {
	return userItems[NotificationRule]{what: "notification rule", key: "notification_rule", listKey: "notification_rules", pathID: "nid",
		of:     func(u *User) *[]NotificationRule { return &u.NotificationRules },
		id:     func(v *NotificationRule) *string { return &v.ID },
		render: func(c *rc, u *User, v *NotificationRule) any { return c.notificationRule(u, v) }}
}

// listNotificationRules answers the rules of one urgency when the query
// names one (other than "all").
func (h *Handler) listNotificationRules(w http.ResponseWriter, r *http.Request) {
	notificationRules().list(h, w, r, func(q url.Values, v *NotificationRule) bool {
		urg := q.Get("urgency")
		return urg == "" || urg == "all" || v.Urgency == urg
	})
}

func (h *Handler) getNotificationRule(w http.ResponseWriter, r *http.Request) {
	notificationRules().get(h, w, r)
}

type notificationRuleIn struct {
	NotificationRule *struct {
		StartDelayInMinutes *int    `json:"start_delay_in_minutes"`
		ContactMethod       *refIn  `json:"contact_method"`
		Urgency             *string `json:"urgency"`
	} `json:"notification_rule"`
}

// applyNotificationRule reads a notification rule body onto v and checks
// it against the contact methods of u.
func applyNotificationRule(r *http.Request, u *User, v *NotificationRule) *apiError {
	var in notificationRuleIn
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.NotificationRule == nil {
		return errInvalid(`the body must hold a "notification_rule" object`)
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
		return errInvalid("start_delay_in_minutes must be zero or more")
	}
	if v.Urgency != "high" && v.Urgency != "low" {
		return errInvalid("urgency %q is not high or low", v.Urgency)
	}
	if !slices.ContainsFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == v.ContactMethodID }) {
		return errInvalid("contact_method %q is not a contact method of user %s", v.ContactMethodID, u.ID)
	}
	return nil
}

func (h *Handler) createNotificationRule(w http.ResponseWriter, r *http.Request) {
	notificationRules().write(h, w, r, true, applyNotificationRule)
}

func (h *Handler) updateNotificationRule(w http.ResponseWriter, r *http.Request) {
	notificationRules().write(h, w, r, false, applyNotificationRule)
}

func (h *Handler) deleteNotificationRule(w http.ResponseWriter, r *http.Request) {
	notificationRules().remove(h, w, r, nil)
}
