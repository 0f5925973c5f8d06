package pdtest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPagination(t *testing.T) {
	s := newDemo(t, WithDemoIncidents(130))
	_, m := call(t, s, "GET", "/incidents", nil)
	if len(items(m, "incidents")) != DefaultLimit || m["limit"].(float64) != DefaultLimit || m["more"] != true || m["total"] != nil {
		t.Fatalf("default page: %d items, limit %v, more %v, total %v", len(items(m, "incidents")), m["limit"], m["more"], m["total"])
	}
	_, m = call(t, s, "GET", "/incidents?limit=500&total=true", nil)
	if m["limit"].(float64) != MaxLimit || len(items(m, "incidents")) != MaxLimit || m["total"].(float64) != 130 {
		t.Fatalf("clamped page: limit %v items %d total %v", m["limit"], len(items(m, "incidents")), m["total"])
	}
	_, m = call(t, s, "GET", "/incidents?limit=100&offset=100", nil)
	if len(items(m, "incidents")) != 30 || m["more"] != false {
		t.Fatalf("last page: %d items more %v", len(items(m, "incidents")), m["more"])
	}
	// Pages cover every incident once, in number order.
	var nums []int
	for off := 0; ; off += 40 {
		_, m := call(t, s, "GET", fmt.Sprintf("/incidents?limit=40&offset=%d", off), nil)
		for _, it := range items(m, "incidents") {
			nums = append(nums, int(it["incident_number"].(float64)))
		}
		if m["more"] != true {
			break
		}
	}
	if len(nums) != 130 || !slices.IsSorted(nums) || nums[0] != 1 {
		t.Fatalf("walked %d incidents: %v", len(nums), nums[:min(5, len(nums))])
	}
	for _, tc := range []struct {
		q    string
		code int
	}{
		{"offset=9901&limit=100", CodeArgumentsError},
		{"offset=10000", CodeArgumentsError},
		{"offset=9223372036854775800", CodeArgumentsError},
		{"limit=abc", CodeInvalidInput},
		{"offset=-1", CodeInvalidInput},
	} {
		st, m := call(t, s, "GET", "/incidents?"+tc.q, nil)
		if st != 400 || errCode(m) != tc.code {
			t.Errorf("%s: got %d %v, want 400 code %d", tc.q, st, m, tc.code)
		}
	}
	if st, _ := call(t, s, "GET", "/incidents?offset=9900&limit=100", nil); st != 200 {
		t.Errorf("offset+limit = 10000 refused: %d", st)
	}
}

func TestIncidentFilters(t *testing.T) {
	s := newDemo(t)
	d := s.Data()
	count := func(keep func(Incident) bool) int {
		n := 0
		for _, inc := range d.Incidents {
			if keep(inc) {
				n++
			}
		}
		return n
	}
	svc := d.Services[2]
	team := d.Teams[1]
	teamEP := ""
	for _, e := range d.EscalationPolicies {
		if slices.Contains(e.TeamIDs, team.ID) {
			teamEP = e.ID
		}
	}
	user := ""
	for _, inc := range d.Incidents {
		if inc.Status != StatusResolved && len(inc.Assignments) > 0 {
			user = inc.Assignments[0].UserID
		}
	}
	cases := []struct {
		q    string
		want int
	}{
		{"statuses[]=resolved", count(func(i Incident) bool { return i.Status == StatusResolved })},
		{"statuses[]=triggered&statuses[]=acknowledged", count(func(i Incident) bool { return i.Status != StatusResolved })},
		{"service_ids[]=" + svc.ID, count(func(i Incident) bool { return i.ServiceID == svc.ID })},
		{"team_ids[]=" + team.ID, count(func(i Incident) bool { return i.EscalationPolicyID == teamEP })},
		{"urgencies[]=low", count(func(i Incident) bool { return i.Urgency == "low" })},
		{"user_ids[]=" + user, count(func(i Incident) bool {
			return slices.ContainsFunc(i.Assignments, func(a Assignment) bool { return a.UserID == user })
		})},
		{"incident_key=" + d.Incidents[3].IncidentKey, 1},
		{"since=" + testNow.Add(-7*24*time.Hour).Format(time.RFC3339), count(func(i Incident) bool { return !i.CreatedAt.Before(testNow.Add(-7 * 24 * time.Hour)) })},
		{"date_range=all&until=2000-01-01", len(d.Incidents)},
	}
	for _, tc := range cases {
		_, m := call(t, s, "GET", "/incidents?total=true&"+tc.q, nil)
		if got, _ := m["total"].(float64); int(got) != tc.want {
			t.Errorf("%s: total %v, want %d", tc.q, m["total"], tc.want)
		}
	}
	_, m := call(t, s, "GET", "/incidents?sort_by=incident_number:desc&limit=3", nil)
	first := items(m, "incidents")[0]
	if int(first["incident_number"].(float64)) != d.Incidents[len(d.Incidents)-1].Number {
		t.Errorf("sort_by desc starts at #%v", first["incident_number"])
	}
	for _, q := range []string{"statuses[]=sleeping", "date_range=week", "since=2025-01-01T00:00:00Z&until=2025-12-01T00:00:00Z",
		"since=yesterday", "sort_by=title", "until=2026-01-01T00:00:00Z&since=2026-02-01T00:00:00Z"} {
		if st, m := call(t, s, "GET", "/incidents?"+q, nil); st != 400 || errCode(m) != CodeInvalidInput || len(toStrings(m["error"].(map[string]any)["errors"])) == 0 {
			t.Errorf("%s: %d %v", q, st, m)
		}
	}
}

func TestIncidentInclude(t *testing.T) {
	s := newDemo(t)
	_, m := call(t, s, "GET", "/incidents?statuses[]=triggered&statuses[]=acknowledged&include[]=assignees&include[]=services&include[]=first_trigger_log_entries&limit=1", nil)
	inc := items(m, "incidents")[0]
	if str(inc, "service", "type") != "service" || str(inc, "first_trigger_log_entry", "type") != LogTrigger {
		t.Fatalf("include did not expand: service %q, log entry %q", str(inc, "service", "type"), str(inc, "first_trigger_log_entry", "type"))
	}
	asg := inc["assignments"].([]any)
	if len(asg) == 0 || str(asg[0].(map[string]any), "assignee", "type") != "user" {
		t.Fatalf("assignees not expanded: %v", asg)
	}
	_, m = call(t, s, "GET", "/incidents?limit=1", nil)
	if str(items(m, "incidents")[0], "service", "type") != "service_reference" {
		t.Fatal("service expanded without include")
	}
}

func TestFromHeaderRequired(t *testing.T) {
	s := newSmall(t)
	body := map[string]any{"incident": map[string]any{"type": "incident", "title": "Disk full", "service": map[string]any{"id": "PV00001", "type": "service_reference"}}}
	st, m := call(t, s, "POST", "/incidents", body)
	if st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("no From: %d %v", st, m)
	}
	st, m = call(t, s, "POST", "/incidents", body, "From", "nobody@example.com")
	if st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("unknown From: %d %v", st, m)
	}
	if st, _ := call(t, s, "POST", "/incidents", body, "From", "U2@example.com"); st != 201 {
		t.Fatalf("valid From (any case): %d", st)
	}
}

func logTypes(t *testing.T, s *Server, id string) []string {
	t.Helper()
	_, m := call(t, s, "GET", "/incidents/"+id+"/log_entries?limit=100", nil)
	var out []string
	for _, le := range items(m, "log_entries") {
		out = append(out, le["type"].(string))
	}
	slices.Reverse(out) // the API lists the newest first
	return out
}

func TestIncidentLifecycle(t *testing.T) {
	s := newSmall(t)
	from := []string{"From", "u1@example.com"}
	body := map[string]any{"incident": map[string]any{"type": "incident", "title": "Disk full", "incident_key": "disk-1",
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}, "priority": map[string]any{"id": "PP00001", "type": "priority_reference"}}}
	st, m := call(t, s, "POST", "/incidents", body, from...)
	if st != 201 {
		t.Fatalf("create: %d %v", st, m)
	}
	inc := m["incident"].(map[string]any)
	id := inc["id"].(string)
	// At 09:00 on 2026-03-10 the override puts u3 on call on s1.
	asg := inc["assignments"].([]any)
	if len(asg) != 1 || str(asg[0].(map[string]any), "assignee", "id") != "PU00003" || inc["status"] != "triggered" {
		t.Fatalf("trigger assigned %v, status %v", asg, inc["status"])
	}
	if str(inc, "priority", "name") != "P1" {
		t.Fatalf("priority %v", inc["priority"])
	}
	// Same key while open: refused.
	if st, _ := call(t, s, "POST", "/incidents", body, from...); st != 400 {
		t.Fatalf("duplicate key: %d", st)
	}
	// By number too.
	if _, m := call(t, s, "GET", "/incidents/"+fmt.Sprint(inc["incident_number"]), nil); str(m, "incident", "id") != id {
		t.Fatalf("get by number: %v", m)
	}
	put := func(upd map[string]any) map[string]any {
		t.Helper()
		upd["type"] = "incident"
		st, m := call(t, s, "PUT", "/incidents/"+id, map[string]any{"incident": upd}, from...)
		if st != 200 {
			t.Fatalf("update %v: %d %v", upd, st, m)
		}
		return m["incident"].(map[string]any)
	}
	if got := put(map[string]any{"status": "acknowledged"}); got["status"] != "acknowledged" || len(got["acknowledgements"].([]any)) != 1 {
		t.Fatalf("ack: %v", got)
	}
	got := put(map[string]any{"assignments": []any{map[string]any{"assignee": map[string]any{"id": "PU00002", "type": "user_reference"}}}})
	if got["status"] != "triggered" || str(got["assignments"].([]any)[0].(map[string]any), "assignee", "id") != "PU00002" || got["assigned_via"] != "direct_assignment" {
		t.Fatalf("reassign: %v", got)
	}
	got = put(map[string]any{"escalation_level": 2})
	if str(got["assignments"].([]any)[0].(map[string]any), "assignee", "id") != "PU00003" {
		t.Fatalf("escalate to level 2 should reach u3: %v", got["assignments"])
	}
	if st, m := call(t, s, "PUT", "/incidents/"+id, map[string]any{"incident": map[string]any{"escalation_level": 3}}, from...); st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("level 3 of a 2-level policy: %d %v", st, m)
	}
	if st, m := call(t, s, "POST", "/incidents/"+id+"/notes", map[string]any{"note": map[string]any{"content": "rolled back"}}, from...); st != 200 || str(m, "note", "content") != "rolled back" {
		t.Fatalf("note: %d %v", st, m)
	}
	got = put(map[string]any{"status": "resolved", "resolution": "fixed"})
	if got["status"] != "resolved" || len(got["assignments"].([]any)) != 0 || got["resolved_at"] == nil {
		t.Fatalf("resolve: %v", got)
	}
	want := []string{LogTrigger, LogAssign, LogNotify, LogAcknowledge, LogAssign, LogNotify, LogEscalate, LogNotify, LogAnnotate, LogResolve}
	if got := logTypes(t, s, id); !slices.Equal(got, want) {
		t.Fatalf("log entries\n got %v\nwant %v", got, want)
	}
	_, m = call(t, s, "GET", "/incidents/"+id+"/log_entries?is_overview=true&limit=100", nil)
	for _, le := range items(m, "log_entries") {
		if le["type"] == LogNotify {
			t.Fatal("is_overview kept a notify entry")
		}
	}
	_, m = call(t, s, "GET", "/incidents/"+id+"/notes", nil)
	if len(items(m, "notes")) != 1 {
		t.Fatalf("notes: %v", m)
	}
	// Global log entries see the same entries and can fetch one.
	_, m = call(t, s, "GET", "/log_entries?total=true", nil)
	if int(m["total"].(float64)) != len(want) {
		t.Fatalf("global log entries total %v, want %d", m["total"], len(want))
	}
	leID := items(m, "log_entries")[0]["id"].(string)
	if _, m := call(t, s, "GET", "/log_entries/"+leID, nil); str(m, "log_entry", "id") != leID {
		t.Fatalf("log entry by id: %v", m)
	}
}

func TestBulkMergeSnooze(t *testing.T) {
	s := newSmall(t)
	from := []string{"From", "u1@example.com"}
	var ids []string
	for i := range 3 {
		_, m := call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": fmt.Sprint("Boom ", i),
			"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, from...)
		ids = append(ids, str(m, "incident", "id"))
	}
	st, m := call(t, s, "PUT", "/incidents", map[string]any{"incidents": []any{
		map[string]any{"id": ids[0], "type": "incident_reference", "status": "acknowledged"},
		map[string]any{"id": ids[1], "type": "incident_reference", "status": "acknowledged"},
	}}, from...)
	if st != 200 || len(items(m, "incidents")) != 2 || items(m, "incidents")[1]["status"] != "acknowledged" {
		t.Fatalf("bulk: %d %v", st, m)
	}
	many := make([]any, 251)
	for i := range many {
		many[i] = map[string]any{"id": ids[0], "type": "incident_reference", "status": "acknowledged"}
	}
	if st, _ := call(t, s, "PUT", "/incidents", map[string]any{"incidents": many}, from...); st != 413 {
		t.Fatalf("251 incidents: %d", st)
	}
	st, m = call(t, s, "PUT", "/incidents/"+ids[2]+"/merge", map[string]any{"source_incidents": []any{
		map[string]any{"id": ids[0], "type": "incident_reference"}, map[string]any{"id": ids[1], "type": "incident_reference"}}}, from...)
	if st != 200 || str(m, "incident", "id") != ids[2] {
		t.Fatalf("merge: %d %v", st, m)
	}
	_, m = call(t, s, "GET", "/incidents/"+ids[0], nil)
	if str(m, "incident", "status") != "resolved" {
		t.Fatalf("merged source not resolved: %v", m)
	}
	_, m = call(t, s, "GET", "/incidents/"+ids[2]+"/alerts?total=true", nil)
	if m["total"].(float64) != 2 {
		t.Fatalf("target alerts: %v", m["total"])
	}
	st, m = call(t, s, "POST", "/incidents/"+ids[2]+"/snooze", map[string]any{"duration": 3600}, from...)
	if st != 201 || str(m, "incident", "status") != "acknowledged" {
		t.Fatalf("snooze: %d %v", st, m)
	}
	if acts := m["incident"].(map[string]any)["pending_actions"].([]any); len(acts) == 0 || str(acts[0].(map[string]any), "type") != "unacknowledge" {
		t.Fatalf("snooze pending action: %v", acts)
	}
	if st, _ := call(t, s, "POST", "/incidents/"+ids[2]+"/snooze", map[string]any{"duration": 0}, from...); st != 400 {
		t.Fatalf("snooze 0: %d", st)
	}
	if got := logTypes(t, s, ids[2]); got[len(got)-1] != LogSnooze {
		t.Fatalf("snooze log: %v", got)
	}
	st, m = call(t, s, "POST", "/incidents/"+ids[2]+"/responder_requests", map[string]any{"requester_id": "PU00001", "message": "help",
		"responder_request_targets": []any{map[string]any{"responder_request_target": map[string]any{"id": "PU00002", "type": "user_reference"}}}})
	if st != 200 || str(m, "responder_request", "message") != "help" {
		t.Fatalf("responder request: %d %v", st, m)
	}
}

func TestTimeZoneRendering(t *testing.T) {
	s := newDemo(t)
	_, plain := call(t, s, "GET", "/incidents?limit=1", nil)
	_, tokyo := call(t, s, "GET", "/incidents?limit=1&time_zone=Asia/Tokyo", nil)
	a, b := str(items(plain, "incidents")[0], "created_at"), str(items(tokyo, "incidents")[0], "created_at")
	ta, _ := time.Parse(time.RFC3339, a)
	tb, _ := time.Parse(time.RFC3339, b)
	if !ta.Equal(tb) || !strings.HasSuffix(b, "+09:00") || !strings.HasSuffix(a, "Z") {
		t.Fatalf("UTC %s, Tokyo %s", a, b)
	}
	if st, m := call(t, s, "GET", "/incidents?time_zone=Mars/Olympus", nil); st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("unknown zone: %d %v", st, m)
	}
}

// createAPIIncident creates an incident of the small account's service
// PV00001 with title and returns its ID.
func createAPIIncident(t *testing.T, s *Server, title string) string {
	t.Helper()
	_, m := call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": title,
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, "From", "u1@example.com")
	return str(m, "incident", "id")
}

func TestPastAndRelatedIncidents(t *testing.T) {
	s := newSmall(t)
	create := func(title string) string { return createAPIIncident(t, s, title) }
	create("disk full on db-1")
	create("cpu high on web-2")
	last := create("disk full on db-2")
	_, m := call(t, s, "GET", "/incidents/"+last+"/past_incidents?total=true", nil)
	past := items(m, "past_incidents")
	// "disk full on db-1" shares 3 of 5 words; "cpu high on web-2" 1 of 7.
	if len(past) != 2 || str(past[0], "incident", "title") != "disk full on db-1" || past[0]["score"].(float64) != 0.6 || m["total"].(float64) != 2 {
		t.Fatalf("past incidents: %v", m)
	}
	_, m = call(t, s, "GET", "/incidents/"+last+"/related_incidents", nil)
	if rel := items(m, "related_incidents"); len(rel) != 2 {
		t.Fatalf("related incidents: %v", rel)
	}
	if st, _ := call(t, s, "GET", "/incidents/"+last+"/past_incidents?limit=0", nil); st != 400 {
		t.Fatalf("limit 0: %d", st)
	}
}

// The outlier answer counts the similar incidents of the service in the
// window and classifies the incident by them.
func TestOutlierIncident(t *testing.T) {
	s := newSmall(t)
	create := func(title string) string { return createAPIIncident(t, s, title) }
	occurrence := func(id, query string) map[string]any {
		t.Helper()
		st, m := call(t, s, "GET", "/incidents/"+id+"/outlier_incident"+query, nil)
		if st != 200 {
			t.Fatalf("outlier of %s: %d %v", id, st, m)
		}
		if got := str(m, "outlier_incident", "incident", "id"); got != id {
			t.Fatalf("outlier of %s names %s", id, got)
		}
		return m["outlier_incident"].(map[string]any)["incident"].(map[string]any)["occurrence"].(map[string]any)
	}
	// The small account starts with no incidents.
	odd := create("kernel panic on db-9")
	if o := occurrence(odd, ""); o["category"] != "rare" || o["count"].(float64) != 1 || o["frequency"].(float64) != 1 {
		t.Fatalf("a first of its kind: %v", o)
	}
	// Four disk alerts among five incidents: 0.8 of them, frequent.
	var disk string
	for _, host := range []string{"1", "2", "3", "4"} {
		disk = create("disk full on db-" + host)
	}
	if o := occurrence(disk, ""); o["category"] != "frequent" || o["count"].(float64) != 4 || o["frequency"].(float64) != 0.8 {
		t.Fatalf("four of five: %v", o)
	}
	// Twelve unrelated incidents more: 4 of 17 is 0.24, anomalous.
	for i := range 12 {
		create(fmt.Sprintf("unrelated event %c", 'a'+i))
	}
	if o := occurrence(disk, ""); o["category"] != "anomalous" || o["count"].(float64) != 4 || o["frequency"].(float64) != 0.24 {
		t.Fatalf("four of seventeen: %v", o)
	}
	// The window is since to now: since may not be in the future.
	if st, _ := call(t, s, "GET", "/incidents/"+disk+"/outlier_incident?since="+fixedNow().Add(time.Hour).Format(time.RFC3339), nil); st != 400 {
		t.Fatalf("since in the future: %d", st)
	}
	if st, _ := call(t, s, "GET", "/incidents/"+disk+"/outlier_incident?since=yesterday", nil); st != 400 {
		t.Fatalf("since=yesterday: %d", st)
	}
	if st, _ := call(t, s, "GET", "/incidents/PNOSUCH/outlier_incident", nil); st != 404 {
		t.Fatalf("unknown incident: %d", st)
	}
}
