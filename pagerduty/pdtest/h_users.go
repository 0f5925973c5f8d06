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
		return listReply("priorities", items, pg, c.priority), nil
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
		return listReply("users", items, pg, c.user), nil
	})
}

func (h *Handler) userOr404(c *rc, r *http.Request) (*User, *apiError) {
	return pathObject(c.st.userByID, r, "user")
}

func (h *Handler) getUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
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
