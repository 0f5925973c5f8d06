package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

func (h *Handler) listAbilities(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		return reply{200, map[string]any{"abilities": c.st.abilities}}, nil
	})
}

func (h *Handler) getAbility(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		if !slices.Contains(c.st.abilities, r.PathValue("id")) {
			return reply{}, &apiError{status: http.StatusPaymentRequired, code: 2014,
				errors: []string{"the account does not have the ability " + r.PathValue("id")}}
		}
		return reply{status: http.StatusNoContent}, nil
	})
}

func (h *Handler) listPriorities(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		items, pg := paginate(c.st.prios, nil, p)
		out := make([]wPriority, 0, len(items))
		for _, it := range items {
			out = append(out, c.priority(it))
		}
		return reply{200, listBody("priorities", out, pg)}, nil
	})
}

func (h *Handler) getCurrentUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u := c.st.userByID[c.st.currentUserID]
		if u == nil {
			return reply{}, errInvalid("/users/me needs a user-level API token; this token belongs to the account, not to a user")
		}
		return reply{200, map[string]any{"user": c.user(u)}}, nil
	})
}

func (h *Handler) listUsers(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query, teams := q.Get("query"), list(q, "team_ids")
		items, pg := paginate(c.st.users, func(u *User) bool {
			if !matchQuery(u.Name, query) && !matchQuery(u.Email, query) {
				return false
			}
			if len(teams) > 0 && !slices.ContainsFunc(c.st.teamsOfUser(u.ID), func(t *Team) bool { return slices.Contains(teams, t.ID) }) {
				return false
			}
			return true
		}, p)
		out := make([]wUser, 0, len(items))
		for _, u := range items {
			out = append(out, c.user(u))
		}
		return reply{200, listBody("users", out, pg)}, nil
	})
}

func (h *Handler) getUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u := c.st.userByID[r.PathValue("id")]
		if u == nil {
			return reply{}, errNotFound("user", r.PathValue("id"))
		}
		return reply{200, map[string]any{"user": c.user(u)}}, nil
	})
}

type userIn struct {
	User *struct {
		Name        *string `json:"name"`
		Email       *string `json:"email"`
		TimeZone    *string `json:"time_zone"`
		Color       *string `json:"color"`
		Role        *string `json:"role"`
		JobTitle    *string `json:"job_title"`
		Description *string `json:"description"`
	} `json:"user"`
}

var userRoles = []string{"admin", "limited_user", "observer", "owner", "read_only_user", "restricted_access", "read_only_limited_user", "user"}

func (h *Handler) writeUser(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var u *User
		if create {
			u = &User{}
		} else if u = c.st.userByID[r.PathValue("id")]; u == nil {
			return reply{}, errNotFound("user", r.PathValue("id"))
		}
		var in userIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.User == nil {
			return reply{}, errInvalid(`the body must hold a "user" object`)
		}
		v := *u
		set := func(dst *string, src *string) {
			if src != nil {
				*dst = strings.TrimSpace(*src)
			}
		}
		set(&v.Name, in.User.Name)
		set(&v.Email, in.User.Email)
		set(&v.TimeZone, in.User.TimeZone)
		set(&v.Color, in.User.Color)
		set(&v.Role, in.User.Role)
		set(&v.JobTitle, in.User.JobTitle)
		set(&v.Description, in.User.Description)
		if v.Name == "" {
			return reply{}, errInvalid("user name is required")
		}
		if !strings.Contains(v.Email, "@") || len(v.Email) < 6 {
			return reply{}, errInvalid("user email %q is not a valid email address", v.Email)
		}
		if other := c.st.userByEmail[strings.ToLower(v.Email)]; other != nil && other != u {
			return reply{}, errInvalid("email %q is already taken by another user", v.Email)
		}
		if v.Role != "" && !slices.Contains(userRoles, v.Role) {
			return reply{}, errInvalid("role %q is not one of %s", v.Role, strings.Join(userRoles, ", "))
		}
		delete(c.st.userByEmail, strings.ToLower(u.Email))
		*u = v
		status := http.StatusOK
		if create {
			u.ID = c.st.newID()
			c.st.users = append(c.st.users, u)
			c.st.userByID[u.ID] = u
			status = http.StatusCreated
		}
		c.st.userByEmail[strings.ToLower(u.Email)] = u
		return reply{status, map[string]any{"user": c.user(u)}}, nil
	})
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) { h.writeUser(w, r, true) }
func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) { h.writeUser(w, r, false) }

func (h *Handler) deleteUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		id := r.PathValue("id")
		u := c.st.userByID[id]
		if u == nil {
			return reply{}, errNotFound("user", id)
		}
		for _, inc := range c.st.incidents {
			if inc.Status != StatusResolved && slices.ContainsFunc(inc.Assignments, func(a Assignment) bool { return a.UserID == id }) {
				return reply{}, errArguments("user %s is assigned to open incident #%d; resolve or reassign it first", id, inc.Number)
			}
		}
		c.st.users = slices.DeleteFunc(c.st.users, func(x *User) bool { return x == u })
		delete(c.st.userByID, id)
		delete(c.st.userByEmail, strings.ToLower(u.Email))
		for _, t := range c.st.teams {
			t.Members = slices.DeleteFunc(t.Members, func(m TeamMember) bool { return m.UserID == id })
		}
		return reply{status: http.StatusNoContent}, nil
	})
}

// Contact methods.

func (h *Handler) userOr404(c *rc, r *http.Request) (*User, *apiError) {
	u := c.st.userByID[r.PathValue("id")]
	if u == nil {
		return nil, errNotFound("user", r.PathValue("id"))
	}
	return u, nil
}

func (h *Handler) listContactMethods(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		out := []wContactMethod{}
		for i := range u.ContactMethods {
			out = append(out, c.contactMethod(u, &u.ContactMethods[i]))
		}
		return reply{200, map[string]any{"contact_methods": out}}, nil
	})
}

func (h *Handler) getContactMethod(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for i := range u.ContactMethods {
			if u.ContactMethods[i].ID == r.PathValue("cid") {
				return reply{200, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[i])}}, nil
			}
		}
		return reply{}, errNotFound("contact method", r.PathValue("cid"))
	})
}

var contactTypes = []string{"email_contact_method", "phone_contact_method", "push_notification_contact_method", "sms_contact_method"}

type contactMethodIn struct {
	ContactMethod *struct {
		Type        *string `json:"type"`
		Label       *string `json:"label"`
		Address     *string `json:"address"`
		CountryCode *int    `json:"country_code"`
	} `json:"contact_method"`
}

func (h *Handler) writeContactMethod(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		idx := -1
		if !create {
			idx = slices.IndexFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == r.PathValue("cid") })
			if idx < 0 {
				return reply{}, errNotFound("contact method", r.PathValue("cid"))
			}
		}
		var in contactMethodIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.ContactMethod == nil {
			return reply{}, errInvalid(`the body must hold a "contact_method" object`)
		}
		var v ContactMethod
		if idx >= 0 {
			v = u.ContactMethods[idx]
		}
		if in.ContactMethod.Type != nil {
			v.Type = *in.ContactMethod.Type
		}
		if in.ContactMethod.Label != nil {
			v.Label = *in.ContactMethod.Label
		}
		if in.ContactMethod.Address != nil {
			v.Address = *in.ContactMethod.Address
		}
		if in.ContactMethod.CountryCode != nil {
			v.CountryCode = *in.ContactMethod.CountryCode
		}
		if !slices.Contains(contactTypes, v.Type) {
			return reply{}, errInvalid("contact method type %q is not one of %s", v.Type, strings.Join(contactTypes, ", "))
		}
		if v.Label == "" || v.Address == "" {
			return reply{}, errInvalid("contact method label and address are required")
		}
		if (v.Type == "phone_contact_method" || v.Type == "sms_contact_method") && v.CountryCode == 0 {
			v.CountryCode = 1
		}
		if create {
			v.ID = c.st.newID()
			u.ContactMethods = append(u.ContactMethods, v)
			return reply{http.StatusCreated, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[len(u.ContactMethods)-1])}}, nil
		}
		u.ContactMethods[idx] = v
		return reply{200, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[idx])}}, nil
	})
}

func (h *Handler) createContactMethod(w http.ResponseWriter, r *http.Request) {
	h.writeContactMethod(w, r, true)
}
func (h *Handler) updateContactMethod(w http.ResponseWriter, r *http.Request) {
	h.writeContactMethod(w, r, false)
}

func (h *Handler) deleteContactMethod(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		cid := r.PathValue("cid")
		n := len(u.ContactMethods)
		u.ContactMethods = slices.DeleteFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == cid })
		if len(u.ContactMethods) == n {
			return reply{}, errNotFound("contact method", cid)
		}
		u.NotificationRules = slices.DeleteFunc(u.NotificationRules, func(nr NotificationRule) bool { return nr.ContactMethodID == cid })
		return reply{status: http.StatusNoContent}, nil
	})
}

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
