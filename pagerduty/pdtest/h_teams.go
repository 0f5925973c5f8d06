package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

func (h *Handler) listTeams(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query := q.Get("query")
		items, pg := paginate(c.st.teams, func(t *Team) bool { return matchQuery(t.Name, query) }, p)
		return listReply("teams", items, pg, c.team), nil
	})
}

func (h *Handler) teamOr404(c *rc, r *http.Request) (*Team, *apiError) {
	return pathObject(c.st.teamByID, r, "team")
}

func (h *Handler) getTeam(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"team": c.team(t)}}, nil
	})
}

type teamIn struct {
	Team *struct {
		Name        *string `json:"name"`
		Description *string `json:"description"`
	} `json:"team"`
}

func (h *Handler) writeTeam(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t := &Team{}
		if !create {
			var err *apiError
			if t, err = h.teamOr404(c, r); err != nil {
				return reply{}, err
			}
		}
		var in teamIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Team == nil {
			return reply{}, errInvalid(`the body must hold a "team" object`)
		}
		name, desc := t.Name, t.Description
		if in.Team.Name != nil {
			name = strings.TrimSpace(*in.Team.Name)
		}
		if in.Team.Description != nil {
			desc = *in.Team.Description
		}
		if name == "" || len(name) > 100 {
			return reply{}, errInvalid("team name is required and must be at most 100 characters")
		}
		for _, o := range c.st.teams {
			if o != t && strings.EqualFold(o.Name, name) {
				return reply{}, errInvalid("a team named %q already exists", name)
			}
		}
		t.Name, t.Description = name, desc
		if create {
			t.ID = c.st.newID()
			c.st.teams = append(c.st.teams, t)
			c.st.teamByID[t.ID] = t
			return reply{http.StatusCreated, map[string]any{"team": c.team(t)}}, nil
		}
		return reply{200, map[string]any{"team": c.team(t)}}, nil
	})
}

func (h *Handler) createTeam(w http.ResponseWriter, r *http.Request) { h.writeTeam(w, r, true) }
func (h *Handler) updateTeam(w http.ResponseWriter, r *http.Request) { h.writeTeam(w, r, false) }

func (h *Handler) deleteTeam(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		c.st.teams = slices.DeleteFunc(c.st.teams, func(x *Team) bool { return x == t })
		delete(c.st.teamByID, t.ID)
		for _, e := range c.st.eps {
			e.TeamIDs = slices.DeleteFunc(e.TeamIDs, func(id string) bool { return id == t.ID })
		}
		for _, s := range c.st.schedules {
			s.TeamIDs = slices.DeleteFunc(s.TeamIDs, func(id string) bool { return id == t.ID })
		}
		return reply{status: http.StatusNoContent}, nil
	})
}

type wMember struct {
	User wRef   `json:"user"`
	Role string `json:"role"`
}

func (h *Handler) listTeamMembers(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		items, pg := paginate(t.Members, nil, p)
		out := make([]any, 0, len(items))
		for _, m := range items {
			if u := c.st.userByID[m.UserID]; u != nil && c.include["users"] {
				out = append(out, map[string]any{"user": c.user(u), "role": m.Role})
			} else {
				out = append(out, wMember{User: c.userRef(m.UserID), Role: m.Role})
			}
		}
		return reply{200, listBody("members", out, pg)}, nil
	})
}

var teamRoles = []string{"observer", "responder", "manager"}

func (h *Handler) putTeamUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		uid := r.PathValue("uid")
		if c.st.userByID[uid] == nil {
			return reply{}, errNotFound("user", uid)
		}
		role := "responder"
		if r.ContentLength != 0 {
			var in struct {
				Role *string `json:"role"`
			}
			if err := decode(r, &in); err != nil && r.ContentLength > 0 {
				return reply{}, err
			}
			if in.Role != nil {
				role = *in.Role
			}
		}
		if !slices.Contains(teamRoles, role) {
			return reply{}, errInvalid("team role %q is not one of %s", role, strings.Join(teamRoles, ", "))
		}
		for i := range t.Members {
			if t.Members[i].UserID == uid {
				t.Members[i].Role = role
				return reply{status: http.StatusNoContent}, nil
			}
		}
		t.Members = append(t.Members, TeamMember{UserID: uid, Role: role})
		return reply{status: http.StatusNoContent}, nil
	})
}

func (h *Handler) deleteTeamUser(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		uid := r.PathValue("uid")
		n := len(t.Members)
		t.Members = slices.DeleteFunc(t.Members, func(m TeamMember) bool { return m.UserID == uid })
		if len(t.Members) == n {
			return reply{}, errNotFound("team member", uid)
		}
		return reply{status: http.StatusNoContent}, nil
	})
}

func (h *Handler) putTeamEP(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		e := c.st.epByID[r.PathValue("epid")]
		if e == nil {
			return reply{}, errNotFound("escalation policy", r.PathValue("epid"))
		}
		// A policy belongs to one team at most.
		e.TeamIDs = []string{t.ID}
		return reply{status: http.StatusNoContent}, nil
	})
}

func (h *Handler) deleteTeamEP(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		t, err := h.teamOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		e := c.st.epByID[r.PathValue("epid")]
		if e == nil || !slices.Contains(e.TeamIDs, t.ID) {
			return reply{}, errNotFound("escalation policy of the team", r.PathValue("epid"))
		}
		e.TeamIDs = slices.DeleteFunc(e.TeamIDs, func(id string) bool { return id == t.ID })
		return reply{status: http.StatusNoContent}, nil
	})
}
