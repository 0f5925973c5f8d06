package pdtest

import (
	"testing"
)

func TestUserCRUD(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "POST", "/users", map[string]any{"user": map[string]any{"type": "user", "name": "Quad Four", "email": "u4@example.com", "role": "limited_user"}}, "From", "u1@example.com")
	if st != 201 || str(m, "user", "role") != "limited_user" {
		t.Fatalf("create: %d %v", st, m)
	}
	id := str(m, "user", "id")
	for _, bad := range []map[string]any{
		{"name": "X", "email": "u4@example.com"},         // taken
		{"name": "", "email": "u5@example.com"},          // no name
		{"name": "Y", "email": "nope"},                   // not an email
		{"name": "Z", "email": "z@x.io", "role": "king"}, // unknown role
	} {
		if st, m := call(t, s, "POST", "/users", map[string]any{"user": bad}); st != 400 || errCode(m) != CodeInvalidInput {
			t.Errorf("%v: %d %v", bad, st, m)
		}
	}
	if st, m := call(t, s, "PUT", "/users/"+id, map[string]any{"user": map[string]any{"job_title": "SRE"}}); st != 200 || str(m, "user", "job_title") != "SRE" || str(m, "user", "name") != "Quad Four" {
		t.Fatalf("update: %d %v", st, m)
	}
	// Contact methods and notification rules.
	st, m = call(t, s, "POST", "/users/"+id+"/contact_methods", map[string]any{"contact_method": map[string]any{"type": "email_contact_method", "label": "Work", "address": "u4@example.com"}})
	if st != 201 {
		t.Fatalf("contact method: %d %v", st, m)
	}
	cm := str(m, "contact_method", "id")
	if st, _ := call(t, s, "POST", "/users/"+id+"/contact_methods", map[string]any{"contact_method": map[string]any{"type": "pigeon", "label": "x", "address": "y"}}); st != 400 {
		t.Fatalf("bad contact type: %d", st)
	}
	st, m = call(t, s, "POST", "/users/"+id+"/notification_rules", map[string]any{"notification_rule": map[string]any{"type": "assignment_notification_rule",
		"start_delay_in_minutes": 3, "urgency": "high", "contact_method": map[string]any{"id": cm, "type": "email_contact_method_reference"}}})
	if st != 201 || m["notification_rule"].(map[string]any)["start_delay_in_minutes"].(float64) != 3 {
		t.Fatalf("notification rule: %d %v", st, m)
	}
	nr := str(m, "notification_rule", "id")
	if st, _ := call(t, s, "PUT", "/users/"+id+"/notification_rules/"+nr, map[string]any{"notification_rule": map[string]any{"urgency": "medium"}}); st != 400 {
		t.Fatalf("bad urgency: %d", st)
	}
	if st, m := call(t, s, "PUT", "/users/"+id+"/contact_methods/"+cm, map[string]any{"contact_method": map[string]any{"label": "Office"}}); st != 200 || str(m, "contact_method", "label") != "Office" {
		t.Fatalf("update contact method: %d %v", st, m)
	}
	// Deleting the contact method drops the rules that use it.
	if st, _ := call(t, s, "DELETE", "/users/"+id+"/contact_methods/"+cm, nil); st != 204 {
		t.Fatalf("delete contact method: %d", st)
	}
	_, m = call(t, s, "GET", "/users/"+id+"/notification_rules", nil)
	if len(items(m, "notification_rules")) != 0 {
		t.Fatalf("rules left: %v", m)
	}
	if st, _ := call(t, s, "DELETE", "/users/"+id, nil); st != 204 {
		t.Fatalf("delete: %d", st)
	}
	if st, _ := call(t, s, "GET", "/users/"+id, nil); st != 404 {
		t.Fatalf("deleted user still there: %d", st)
	}
}

func TestTeamMembership(t *testing.T) {
	s := newSmall(t)
	if st, _ := call(t, s, "PUT", "/teams/PT00001/users/PU00003", map[string]any{"role": "observer"}); st != 204 {
		t.Fatalf("add member: %d", st)
	}
	if st, _ := call(t, s, "PUT", "/teams/PT00001/users/PU00003", map[string]any{"role": "boss"}); st != 400 {
		t.Fatalf("bad role: %d", st)
	}
	_, m := call(t, s, "GET", "/teams/PT00001/members", nil)
	members := items(m, "members")
	if len(members) != 3 || members[2]["role"] != "observer" {
		t.Fatalf("members: %v", members)
	}
	if st, _ := call(t, s, "DELETE", "/teams/PT00001/users/PU00001", nil); st != 204 {
		t.Fatalf("remove member: %d", st)
	}
	_, m = call(t, s, "GET", "/users?team_ids[]=PT00001", nil)
	if len(items(m, "users")) != 2 {
		t.Fatalf("team users: %v", m)
	}
	st, m := call(t, s, "POST", "/teams", map[string]any{"team": map[string]any{"type": "team", "name": "Edge"}})
	if st != 201 {
		t.Fatalf("create team: %d %v", st, m)
	}
	edge := str(m, "team", "id")
	if st, _ := call(t, s, "PUT", "/teams/"+edge+"/escalation_policies/PE00001", nil); st != 204 {
		t.Fatalf("move policy: %d", st)
	}
	_, m = call(t, s, "GET", "/escalation_policies/PE00001", nil)
	if teams := items(m["escalation_policy"].(map[string]any), "teams"); len(teams) != 1 || teams[0]["id"] != edge {
		t.Fatalf("policy teams: %v", teams)
	}
	if st, _ := call(t, s, "DELETE", "/teams/"+edge+"/escalation_policies/PE00001", nil); st != 204 {
		t.Fatalf("remove policy: %d", st)
	}
	if st, _ := call(t, s, "POST", "/teams", map[string]any{"team": map[string]any{"name": "edge"}}); st != 400 {
		t.Fatalf("duplicate team name: %d", st)
	}
	if st, _ := call(t, s, "DELETE", "/teams/"+edge, nil); st != 204 {
		t.Fatalf("delete team: %d", st)
	}
}

func TestServiceAndPolicyCRUD(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "POST", "/escalation_policies", map[string]any{"escalation_policy": map[string]any{"type": "escalation_policy", "name": "Night",
		"escalation_rules": []any{map[string]any{"escalation_delay_in_minutes": 10, "targets": []any{map[string]any{"id": "PU00002", "type": "user_reference"}}}}}})
	if st != 201 {
		t.Fatalf("create policy: %d %v", st, m)
	}
	ep := str(m, "escalation_policy", "id")
	if st, _ := call(t, s, "POST", "/escalation_policies", map[string]any{"escalation_policy": map[string]any{"name": "Empty", "escalation_rules": []any{}}}); st != 400 {
		t.Fatalf("policy without rules: %d", st)
	}
	st, m = call(t, s, "POST", "/services", map[string]any{"service": map[string]any{"type": "service", "name": "Batch",
		"escalation_policy": map[string]any{"id": ep, "type": "escalation_policy_reference"}}})
	if st != 201 || str(m, "service", "status") != "active" {
		t.Fatalf("create service: %d %v", st, m)
	}
	svc := str(m, "service", "id")
	if st, _ := call(t, s, "DELETE", "/escalation_policies/"+ep, nil); st != 400 {
		t.Fatalf("deleting a policy in use: %d", st)
	}
	st, m = call(t, s, "POST", "/services/"+svc+"/integrations", map[string]any{"integration": map[string]any{"type": "events_api_v2_inbound_integration", "name": "Alerts"}})
	key := str(m, "integration", "integration_key")
	if st != 201 || len(key) != 32 {
		t.Fatalf("integration: %d %v", st, m)
	}
	// The new key routes events to the new service, assigned by the new policy.
	call(t, s, "POST", "/v2/enqueue", map[string]any{"routing_key": key, "event_action": "trigger",
		"payload": map[string]any{"summary": "batch late", "source": "cron", "severity": "error"}})
	_, m = call(t, s, "GET", "/incidents?service_ids[]="+svc, nil)
	incs := items(m, "incidents")
	if len(incs) != 1 || str(incs[0]["assignments"].([]any)[0].(map[string]any), "assignee", "id") != "PU00002" {
		t.Fatalf("incident on new service: %v", incs)
	}
	_, m = call(t, s, "GET", "/services/"+svc, nil)
	if str(m, "service", "status") != "critical" {
		t.Fatalf("status with a triggered incident: %v", str(m, "service", "status"))
	}
	if st, m := call(t, s, "PUT", "/services/"+svc, map[string]any{"service": map[string]any{"status": "disabled"}}); st != 200 || str(m, "service", "status") != "disabled" {
		t.Fatalf("disable: %d %v", st, m)
	}
	if st, _ := call(t, s, "DELETE", "/services/"+svc, nil); st != 204 {
		t.Fatalf("delete service: %d", st)
	}
	if st, _ := call(t, s, "DELETE", "/escalation_policies/"+ep, nil); st != 204 {
		t.Fatalf("delete policy: %d", st)
	}
}

func TestMaintenanceWindows(t *testing.T) {
	s := newSmall(t)
	from := []string{"From", "u1@example.com"}
	st, m := call(t, s, "POST", "/maintenance_windows", map[string]any{"maintenance_window": map[string]any{"type": "maintenance_window",
		"start_time": "2026-03-10T08:00:00Z", "end_time": "2026-03-10T10:00:00Z", "description": "db upgrade",
		"services": []any{map[string]any{"id": "PV00001", "type": "service_reference"}}}}, from...)
	if st != 201 || str(m, "maintenance_window", "start_time") != "2026-03-10T09:00:00Z" {
		t.Fatalf("create (a start in the past moves to now): %d %v", st, m)
	}
	mw := str(m, "maintenance_window", "id")
	_, m = call(t, s, "GET", "/services/PV00001", nil)
	if str(m, "service", "status") != "maintenance" {
		t.Fatalf("service status: %v", str(m, "service", "status"))
	}
	// Events during maintenance open no incident.
	call(t, s, "POST", "/v2/enqueue", event("trigger", "during-mw"))
	_, m = call(t, s, "GET", "/incidents?total=true", nil)
	if m["total"].(float64) != 0 {
		t.Fatalf("incident opened during maintenance: %v", m["total"])
	}
	_, m = call(t, s, "GET", "/maintenance_windows?filter=ongoing", nil)
	if len(items(m, "maintenance_windows")) != 1 {
		t.Fatalf("ongoing: %v", m)
	}
	if st, _ := call(t, s, "POST", "/maintenance_windows", map[string]any{"maintenance_window": map[string]any{
		"start_time": "2026-03-10T08:00:00Z", "end_time": "2026-03-10T08:30:00Z", "services": []any{map[string]any{"id": "PV00001"}}}}, from...); st != 400 {
		t.Fatalf("window in the past: %d", st)
	}
	if st, _ := call(t, s, "DELETE", "/maintenance_windows/"+mw, nil); st != 204 {
		t.Fatalf("delete: %d", st)
	}
}

func TestAuditTrail(t *testing.T) {
	s := newDemo(t)
	d := s.Data()
	user := d.Users[4]
	call(t, s, "PUT", "/users/"+user.ID, map[string]any{"user": map[string]any{"job_title": "Captain"}}, "From", d.Users[2].Email)
	_, m := call(t, s, "GET", "/users/"+user.ID+"/audit/records", nil)
	recs := items(m, "records")
	if len(recs) != 2 || recs[0]["action"] != "update" || recs[1]["action"] != "create" || m["next_cursor"] != nil {
		t.Fatalf("user records: %v (next %v)", recs, m["next_cursor"])
	}
	if actors := items(recs[0], "actors"); len(actors) != 1 || actors[0]["id"] != d.Users[2].ID {
		t.Fatalf("actor: %v", recs[0]["actors"])
	}
	// Walk the whole trail with cursors: every record once, newest first.
	var ids []string
	cursor := ""
	for pages := 0; pages < 100; pages++ {
		path := "/audit/records?limit=7"
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		_, m := call(t, s, "GET", path, nil)
		for _, r := range items(m, "records") {
			ids = append(ids, r["id"].(string))
		}
		next, _ := m["next_cursor"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	if want := len(d.AuditRecords) + 1; len(ids) != want {
		t.Fatalf("walked %d records, want %d", len(ids), want)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("record %s twice", id)
		}
		seen[id] = true
	}
	_, m = call(t, s, "GET", "/audit/records?root_resource_types[]=teams&limit=100", nil)
	if len(items(m, "records")) != len(d.Teams) {
		t.Fatalf("team records: %d", len(items(m, "records")))
	}
	if st, _ := call(t, s, "GET", "/audit/records?cursor=garbage!", nil); st != 400 {
		t.Fatalf("bad cursor: %d", st)
	}
}
