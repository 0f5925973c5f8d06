package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"time"
)

// wAuditRecord is an audit record.
type wAuditRecord struct {
	ID               string       `json:"id"`
	Self             *string      `json:"self"`
	ExecutionTime    string       `json:"execution_time"`
	ExecutionContext *struct{}    `json:"execution_context"`
	Actors           []wRef       `json:"actors"`
	Method           wAuditMethod `json:"method"`
	RootResource     wRef         `json:"root_resource"`
	Action           string       `json:"action"`
	Details          wAuditDetail `json:"details"`
}

type wAuditMethod struct {
	Type string `json:"type"`
}

type wAuditDetail struct {
	Resource wRef `json:"resource"`
}

func (c *rc) auditRecord(a *AuditRecord) wAuditRecord {
	root := c.ref(auditRefTypes[a.ResourceType], a.ResourceType, a.ResourceID, orDefault(a.ResourceName, a.ResourceID))
	w := wAuditRecord{ID: a.ID, ExecutionTime: c.ts(a.ExecutionTime), Method: wAuditMethod{Type: "api_token"},
		RootResource: root, Action: a.Action, Details: wAuditDetail{Resource: root}}
	if a.ActorID != "" {
		w.Actors = []wRef{c.userRef(a.ActorID)}
	}
	return w
}

// Audit record pages.
const (
	defaultAuditLimit = 10
	maxAuditLimit     = 100
)

var auditActions = []string{"create", "update", "delete"}

// listAudit serves the audit trail, newest first, with cursor pagination;
// kind and the path's id narrow it to one resource.
func (h *Handler) listAudit(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
			id := r.PathValue("id")
			if kind != "" && c.st.auditName(kind, id) == "" {
				return reply{}, errNotFound(kind[:len(kind)-1], id)
			}
			limit := defaultAuditLimit
			if v := q.Get("limit"); v != "" {
				p, err := parsePage(url.Values{"limit": {v}})
				if err != nil {
					return reply{}, err
				}
				limit = min(p.limit, maxAuditLimit)
			}
			since, until, err := parseWindow(q, c.loc)
			if err != nil {
				return reply{}, err
			}
			types, actions, actor := list(q, "root_resource_types"), list(q, "actions"), q.Get("actor_id")
			for _, a := range actions {
				if !slices.Contains(auditActions, a) {
					return reply{}, errInvalid("actions[] value %q is not create, update or delete", a)
				}
			}
			after := ""
			if cur := q.Get("cursor"); cur != "" {
				var ok bool
				if after, ok = decodeCursor(cur); !ok {
					return reply{}, errInvalid("cursor %q is not a cursor this server handed out; pass next_cursor as it came", cur)
				}
			}
			keep := func(a *AuditRecord) bool {
				switch {
				case kind != "" && (a.ResourceType != kind || a.ResourceID != id),
					len(types) > 0 && !slices.Contains(types, a.ResourceType),
					len(actions) > 0 && !slices.Contains(actions, a.Action),
					actor != "" && a.ActorID != actor,
					!since.IsZero() && a.ExecutionTime.Before(since),
					!until.IsZero() && !a.ExecutionTime.Before(until):
					return false
				}
				return true
			}
			log := c.st.auditLog
			start := len(log) - 1
			if after != "" {
				i := slices.IndexFunc(log, func(a AuditRecord) bool { return a.ID == after })
				if i < 0 {
					return reply{}, errInvalid("cursor %q does not point to a record of the audit trail", q.Get("cursor"))
				}
				start = i - 1
			}
			out := []wAuditRecord{}
			var next *string
			for i := start; i >= 0; i-- {
				a := &log[i]
				if !keep(a) {
					continue
				}
				if len(out) == limit {
					// The cursor names the last record returned.
					cur := encodeCursor(out[len(out)-1].ID)
					next = &cur
					break
				}
				out = append(out, c.auditRecord(a))
			}
			return reply{200, map[string]any{"records": out, "response_metadata": nil, "limit": limit, "next_cursor": next}}, nil
		})
	}
}

// demoAudit writes the creation records of a dataset's objects.
func demoAudit(d *Dataset, st *state, at time.Time) {
	add := func(kind, id, name string) {
		d.AuditRecords = append(d.AuditRecords, AuditRecord{ID: st.newID(), ExecutionTime: at, ActorID: d.CurrentUserID,
			ResourceType: kind, ResourceID: id, ResourceName: name, Action: "create"})
	}
	for _, u := range d.Users {
		add("users", u.ID, u.Name)
	}
	for _, t := range d.Teams {
		add("teams", t.ID, t.Name)
	}
	for _, s := range d.Schedules {
		add("schedules", s.ID, s.Name)
	}
	for _, e := range d.EscalationPolicies {
		add("escalation_policies", e.ID, e.Name)
	}
	for _, s := range d.Services {
		add("services", s.ID, s.Name)
	}
}
