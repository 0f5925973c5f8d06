package pdtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

func (h *Handler) listServices(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		p, err := parsePage(q)
		if err != nil {
			return reply{}, err
		}
		query, name, teams := q.Get("query"), q.Get("name"), list(q, "team_ids")
		svcs := c.st.services
		if sb := q.Get("sort_by"); sb != "" {
			if sb != "name" && sb != "name:asc" && sb != "name:desc" {
				return reply{}, errInvalid("sort_by %q is not name, name:asc or name:desc", sb)
			}
			svcs = slices.Clone(svcs)
			slices.SortStableFunc(svcs, func(a, b *Service) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
			if sb == "name:desc" {
				slices.Reverse(svcs)
			}
		}
		items, pg := paginate(svcs, func(s *Service) bool {
			if !matchQuery(s.Name, query) || (name != "" && s.Name != name) {
				return false
			}
			return len(teams) == 0 || slices.ContainsFunc(c.st.teamIDsOfService(s), func(id string) bool { return slices.Contains(teams, id) })
		}, p)
		return listReply("services", items, pg, c.service), nil
	})
}

func (h *Handler) serviceOr404(c *rc, r *http.Request) (*Service, *apiError) {
	return pathObject(c.st.svcByID, r, "service")
}

func (h *Handler) getService(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{"service": c.service(s)}}, nil
	})
}

type serviceIn struct {
	Service *struct {
		Name                   *string     `json:"name"`
		Description            *string     `json:"description"`
		EscalationPolicy       *refIn      `json:"escalation_policy"`
		AutoResolveTimeout     nullableInt `json:"auto_resolve_timeout"`
		AcknowledgementTimeout nullableInt `json:"acknowledgement_timeout"`
		Status                 *string     `json:"status"`
	} `json:"service"`
}

// nullableInt is an integer field that tells "not sent" (keep the value)
// from null (turn the setting off), as the API does for service timeouts.
type nullableInt struct {
	set bool
	v   *int
}

func (n *nullableInt) UnmarshalJSON(b []byte) error {
	n.set = true
	if string(b) == "null" {
		n.v = nil
		return nil
	}
	var i int
	if err := json.Unmarshal(b, &i); err != nil {
		return err
	}
	n.v = &i
	return nil
}

// apply returns the new value of a setting: cur when the field was not
// sent, nil when it was null, else the value (0 also turns it off).
func (n nullableInt) apply(cur *int) *int {
	switch {
	case !n.set:
		return cur
	case n.v == nil:
		return nil
	}
	return nonZero(*n.v)
}

func (h *Handler) writeService(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s := &Service{}
		if !create {
			var err *apiError
			if s, err = h.serviceOr404(c, r); err != nil {
				return reply{}, err
			}
		}
		var in serviceIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Service == nil {
			return reply{}, errInvalid(`the body must hold a "service" object`)
		}
		v := *s
		sv := in.Service
		if sv.Name != nil {
			v.Name = strings.TrimSpace(*sv.Name)
		}
		if sv.Description != nil {
			v.Description = *sv.Description
		}
		if sv.EscalationPolicy != nil {
			v.EscalationPolicyID = sv.EscalationPolicy.ID
		}
		v.AutoResolveTimeout = sv.AutoResolveTimeout.apply(v.AutoResolveTimeout)
		v.AcknowledgementTimeout = sv.AcknowledgementTimeout.apply(v.AcknowledgementTimeout)
		if sv.Status != nil {
			switch *sv.Status {
			case "disabled":
				v.Disabled = true
			case "active":
				v.Disabled = false
			default:
				return reply{}, errInvalid("service status %q cannot be set; use active or disabled", *sv.Status)
			}
		}
		if v.Name == "" {
			return reply{}, errInvalid("service name is required")
		}
		if c.st.epByID[v.EscalationPolicyID] == nil {
			return reply{}, errInvalid("escalation_policy %q is not an escalation policy of the account", v.EscalationPolicyID)
		}
		if (v.AutoResolveTimeout != nil && *v.AutoResolveTimeout < 0) || (v.AcknowledgementTimeout != nil && *v.AcknowledgementTimeout < 0) {
			return reply{}, errInvalid("timeouts must not be negative")
		}
		for _, o := range c.st.services {
			if o != s && strings.EqualFold(o.Name, v.Name) {
				return reply{}, errInvalid("a service named %q already exists", v.Name)
			}
		}
		*s = v
		if create {
			s.ID = c.st.newID()
			s.CreatedAt = c.st.now()
			c.st.services = append(c.st.services, s)
			c.st.svcByID[s.ID] = s
			return reply{http.StatusCreated, map[string]any{"service": c.service(s)}}, nil
		}
		return reply{200, map[string]any{"service": c.service(s)}}, nil
	})
}

func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func (h *Handler) createService(w http.ResponseWriter, r *http.Request) { h.writeService(w, r, true) }
func (h *Handler) updateService(w http.ResponseWriter, r *http.Request) { h.writeService(w, r, false) }

func (h *Handler) deleteService(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		c.st.services = slices.DeleteFunc(c.st.services, func(x *Service) bool { return x == s })
		delete(c.st.svcByID, s.ID)
		for _, in := range s.Integrations {
			delete(c.st.svcByKey, in.Key)
		}
		return reply{status: http.StatusNoContent}, nil
	})
}

var integrationTypes = []string{"events_api_v2_inbound_integration", "generic_events_api_inbound_integration", "generic_email_inbound_integration"}

func (h *Handler) createIntegration(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Integration *struct {
				Name string `json:"name"`
				Type string `json:"type"`
			} `json:"integration"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Integration == nil {
			return reply{}, errInvalid(`the body must hold an "integration" object`)
		}
		typ := strings.TrimSuffix(in.Integration.Type, "_reference")
		if !slices.Contains(integrationTypes, typ) {
			return reply{}, errInvalid("integration type %q is not one of %s", in.Integration.Type, strings.Join(integrationTypes, ", "))
		}
		it := Integration{ID: c.st.newID(), Name: orDefault(in.Integration.Name, "Events API v2"), Type: typ, CreatedAt: c.st.now()}
		if typ != "generic_email_inbound_integration" {
			it.Key = c.st.newKey()
			c.st.svcByKey[it.Key] = s
		}
		s.Integrations = append(s.Integrations, it)
		return reply{http.StatusCreated, map[string]any{"integration": c.integration(s, &s.Integrations[len(s.Integrations)-1])}}, nil
	})
}

func (h *Handler) getIntegration(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for i := range s.Integrations {
			if s.Integrations[i].ID == r.PathValue("iid") {
				return reply{200, map[string]any{"integration": c.integration(s, &s.Integrations[i])}}, nil
			}
		}
		return reply{}, errNotFound("integration", r.PathValue("iid"))
	})
}
