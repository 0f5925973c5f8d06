package pdtest

import (
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// AuditRecord is one change to a user, team, service, escalation policy or
// schedule, as the audit trail keeps it.
type AuditRecord struct {
	ID            string    `json:"id"`             // identifier
	ExecutionTime time.Time `json:"execution_time"` // when the change was made
	// ActorID is the user who made the change; empty for the account.
	ActorID string `json:"actor_id,omitempty"`
	// ResourceType is "users", "teams", "services", "escalation_policies"
	// or "schedules".
	ResourceType string `json:"resource_type"`
	ResourceID   string `json:"resource_id"`             // the changed object
	ResourceName string `json:"resource_name,omitempty"` // its name at the time
	// Action is "create", "update" or "delete".
	Action string `json:"action"`
}

var auditRefTypes = map[string]string{
	"users": "user_reference", "teams": "team_reference", "services": "service_reference",
	"escalation_policies": "escalation_policy_reference", "schedules": "schedule_reference",
}

// auditPath reads the audited resource a write path touches: its type, its
// ID (empty on a collection) and whether the path is below it.
func auditPath(p string) (kind, id string, sub bool) {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if _, ok := auditRefTypes[parts[0]]; !ok {
		return "", "", false
	}
	kind = parts[0]
	if len(parts) > 1 {
		id = parts[1]
	}
	return kind, id, len(parts) > 2
}

func (st *state) auditName(kind, id string) string {
	switch kind {
	case "users":
		if u := st.userByID[id]; u != nil {
			return u.Name
		}
	case "teams":
		if t := st.teamByID[id]; t != nil {
			return t.Name
		}
	case "services":
		if s := st.svcByID[id]; s != nil {
			return s.Name
		}
	case "escalation_policies":
		if e := st.epByID[id]; e != nil {
			return e.Name
		}
	case "schedules":
		if s := st.schedByID[id]; s != nil {
			return s.Name
		}
	}
	return ""
}

// createdID returns the ID of the object a create answered with.
func createdID(body any) string {
	m, ok := body.(map[string]any)
	if !ok {
		return ""
	}
	for _, v := range m {
		switch w := v.(type) {
		case wUser:
			return w.ID
		case wTeam:
			return w.ID
		case wService:
			return w.ID
		case wEscalationPolicy:
			return w.ID
		case wSchedule:
			return w.ID
		}
	}
	return ""
}

// recordAudit writes the audit record of a successful write.
func (st *state) recordAudit(r *http.Request, kind, id, name string, sub bool, body any) {
	action := "update"
	switch {
	case r.Method == http.MethodPost && id == "":
		action, id = "create", createdID(body)
	case r.Method == http.MethodDelete && !sub:
		action = "delete"
	}
	if id == "" {
		return
	}
	if n := st.auditName(kind, id); n != "" {
		name = n
	}
	actor := st.currentUserID
	if u := st.userByEmail[strings.ToLower(strings.TrimSpace(r.Header.Get("From")))]; u != nil {
		actor = u.ID
	}
	st.auditLog = append(st.auditLog, AuditRecord{ID: st.newID(), ExecutionTime: st.now(), ActorID: actor,
		ResourceType: kind, ResourceID: id, ResourceName: name, Action: action})
}

// encodeCursor and decodeCursor make the opaque cursors of cursor
// pagination: the ID of the last record returned.
func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("after:" + id))
}

func decodeCursor(c string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", false
	}
	return strings.CutPrefix(string(b), "after:")
}
