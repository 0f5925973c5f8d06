package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

func (h *Handler) listEscalationPolicies(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query, users, teams := q.Get("query"), list(q, "user_ids"), list(q, "team_ids")
		items, pg := paginate(c.st.eps, func(e *EscalationPolicy) bool {
			if !matchQuery(e.Name, query) {
				return false
			}
			if len(teams) > 0 && !slices.ContainsFunc(e.TeamIDs, func(id string) bool { return slices.Contains(teams, id) }) {
				return false
			}
			return len(users) == 0 || slices.ContainsFunc(users, func(u string) bool { return c.st.epTargetsUser(e, u) })
		}, p)
		return listReply("escalation_policies", items, pg, c.escalationPolicy), nil
	})
}

// epTargetsUser reports whether a user is a target of the policy, directly
// or as a member of a targeted schedule.
func (st *state) epTargetsUser(e *EscalationPolicy, uid string) bool {
	for _, r := range e.Rules {
		for _, t := range r.Targets {
			if t.Type != "schedule" && t.ID == uid {
				return true
			}
			if sc := st.schedByID[t.ID]; t.Type == "schedule" && sc != nil && scheduleHasUser(sc, uid) {
				return true
			}
		}
	}
	return false
}

func scheduleHasUser(sc *Schedule, uid string) bool {
	for _, l := range sc.Layers {
		if slices.Contains(l.UserIDs, uid) {
			return true
		}
	}
	return false
}

func (h *Handler) epOr404(c *rc, r *http.Request) (*EscalationPolicy, *apiError) {
	return pathObject(c.st.epByID, r, "escalation policy")
}

func (h *Handler) getEscalationPolicy(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		e, err := h.epOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"escalation_policy": c.escalationPolicy(e)}}, nil
	})
}

type epIn struct {
	EscalationPolicy *struct {
		Name            *string `json:"name"`
		Description     *string `json:"description"`
		NumLoops        *int    `json:"num_loops"`
		Teams           []refIn `json:"teams"`
		EscalationRules *[]struct {
			EscalationDelayInMinutes int     `json:"escalation_delay_in_minutes"`
			Targets                  []refIn `json:"targets"`
		} `json:"escalation_rules"`
	} `json:"escalation_policy"`
}

func (h *Handler) writeEscalationPolicy(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		e := &EscalationPolicy{}
		if !create {
			var err *apiError
			if e, err = h.epOr404(c, r); err != nil {
				return reply{}, err
			}
		}
		var in epIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		ep := in.EscalationPolicy
		if ep == nil {
			return reply{}, errInvalid(`the body must hold an "escalation_policy" object`)
		}
		v := *e
		if ep.Name != nil {
			v.Name = strings.TrimSpace(*ep.Name)
		}
		if ep.Description != nil {
			v.Description = *ep.Description
		}
		if ep.NumLoops != nil {
			if *ep.NumLoops < 0 {
				return reply{}, errInvalid("num_loops must be zero or more")
			}
			v.NumLoops = *ep.NumLoops
		}
		if ep.Teams != nil {
			v.TeamIDs = nil
			for _, t := range ep.Teams {
				if c.st.teamByID[t.ID] == nil {
					return reply{}, errInvalid("team %q is not a team of the account", t.ID)
				}
				v.TeamIDs = append(v.TeamIDs, t.ID)
			}
			if len(v.TeamIDs) > 1 {
				return reply{}, errInvalid("an escalation policy belongs to one team at most")
			}
		}
		if ep.EscalationRules != nil {
			v.Rules = nil
			for i, er := range *ep.EscalationRules {
				rule := EscalationRule{ID: c.st.newID(), EscalationDelayInMinutes: er.EscalationDelayInMinutes}
				if i < len(e.Rules) {
					rule.ID = e.Rules[i].ID
				}
				if len(er.Targets) == 0 || len(er.Targets) > 10 {
					return reply{}, errInvalid("escalation rule %d needs 1 to 10 targets", i+1)
				}
				for _, t := range er.Targets {
					typ := strings.TrimSuffix(t.Type, "_reference")
					switch {
					case typ == "user" && c.st.userByID[t.ID] != nil, typ == "schedule" && c.st.schedByID[t.ID] != nil:
						rule.Targets = append(rule.Targets, Target{Type: typ, ID: t.ID})
					default:
						return reply{}, errInvalid("escalation rule %d: target %s %q is not a user or schedule of the account", i+1, t.Type, t.ID)
					}
				}
				v.Rules = append(v.Rules, rule)
			}
		}
		if v.Name == "" {
			return reply{}, errInvalid("escalation policy name is required")
		}
		if len(v.Rules) == 0 {
			return reply{}, errInvalid("an escalation policy needs at least one escalation rule")
		}
		*e = v
		if create {
			e.ID = c.st.newID()
			c.st.eps = append(c.st.eps, e)
			c.st.epByID[e.ID] = e
			return reply{http.StatusCreated, map[string]any{"escalation_policy": c.escalationPolicy(e)}}, nil
		}
		return reply{200, map[string]any{"escalation_policy": c.escalationPolicy(e)}}, nil
	})
}

func (h *Handler) createEscalationPolicy(w http.ResponseWriter, r *http.Request) {
	h.writeEscalationPolicy(w, r, true)
}
func (h *Handler) updateEscalationPolicy(w http.ResponseWriter, r *http.Request) {
	h.writeEscalationPolicy(w, r, false)
}

func (h *Handler) deleteEscalationPolicy(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		e, err := h.epOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for _, s := range c.st.services {
			if s.EscalationPolicyID == e.ID {
				return reply{}, errArguments("escalation policy %s is used by service %s; move the service to another policy first", e.ID, s.ID)
			}
		}
		c.st.eps = slices.DeleteFunc(c.st.eps, func(x *EscalationPolicy) bool { return x == e })
		delete(c.st.epByID, e.ID)
		return reply{status: http.StatusNoContent}, nil
	})
}
