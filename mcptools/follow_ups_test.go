package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

func TestCreateFollowUpTasks(t *testing.T) {
	f := newFakeAPI(t)
	f.answer("GET /incidents/1234", jsonOf(t, `{"incident":{"id":"PINC123","incident_number":1234,"title":"DB down","status":"resolved","urgency":"high"}}`))
	f.answer("GET /users/me", jsonOf(t, `{"user":{"id":"PUSR009","name":"Grace","email":"grace@example.com"}}`))
	f.answer("GET /users", jsonOf(t, `{"users":[{"id":"PUSR001","name":"Ada Lovelace","email":"ada@example.com"}],"limit":100,"offset":0,"more":false}`))
	f.answer("GET /users/PUSR001", jsonOf(t, `{"user":{"id":"PUSR001","name":"Ada Lovelace","email":"ada@example.com"}}`))
	f.on("POST /incidents/PINC123/notes", func(r *fakeRequest) (int, any) {
		return http.StatusCreated, map[string]any{"note": map[string]any{"id": "PNOTE01", "content": dig(r.Body, "note", "content"),
			"created_at": "2026-11-24T12:00:00Z", "user": map[string]any{"id": "PUSR009", "type": "user_reference", "summary": "Grace"}}}
	})
	e := f.env(t)
	var got FollowUps
	txt := e.ok(t, "add_follow_up_tasks", map[string]any{"incident": "#1234", "tasks": []any{"Add a disk alert on db-01", "  Review   backups "},
		"owner": "ada", "due": "2026-12-01"}, &got)
	post := f.last(t, "POST /incidents/PINC123/notes")
	want := "Follow-up tasks (owner Ada Lovelace, due 2026-12-01):\n- [ ] Add a disk alert on db-01\n- [ ] Review backups"
	if dig(post.Body, "note", "content") != want || post.From != "grace@example.com" {
		t.Errorf("sent %q from %q", dig(post.Body, "note", "content"), post.From)
	}
	if got.Tasks != 2 || got.ID != "PNOTE01" || !strings.Contains(txt, "PagerDuty has no task tracker") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	f.reset()
	e.fails(t, "add_follow_up_tasks", map[string]any{"incident": "#1234", "tasks": []any{" "}})
	e.fails(t, "add_follow_up_tasks", map[string]any{"incident": "#x", "tasks": []any{"a"}})
	e.fails(t, "add_follow_up_tasks", map[string]any{"incident": "1234", "tasks": []any{"a"}, "due": "next sprint"})
	if w := f.writes(); len(w) != 0 {
		t.Errorf("refused follow-ups wrote %v", keys(w))
	}
}

func TestEscalateBasedOnResponseTime(t *testing.T) {
	f := newFakeAPI(t)
	policy := `{"id":"PEP0001","name":"Database","description":"DB on-call","num_loops":2,"on_call_handoff_notifications":"always",
		"teams":[{"id":"PTEAM01","type":"team_reference","summary":"DBA"}],
		"escalation_rules":[
			{"id":"R1","escalation_delay_in_minutes":30,"targets":[{"id":"PSCH001","type":"schedule_reference","summary":"Primary"}]},
			{"id":"R2","escalation_delay_in_minutes":30,"targets":[{"id":"PUSR001","type":"user_reference","summary":"Ada"}]}]}`
	f.answer("GET /escalation_policies", jsonOf(t, `{"escalation_policies":[`+policy+`],"limit":100,"offset":0,"more":false}`))
	f.answer("GET /escalation_policies/PEP0001", jsonOf(t, `{"escalation_policy":`+policy+`}`))
	f.answer("GET /users/me", jsonOf(t, `{"user":{"id":"PUSR009","name":"Grace","email":"grace@example.com"}}`))
	f.on("PUT /escalation_policies/PEP0001", func(r *fakeRequest) (int, any) {
		ep := r.Body["escalation_policy"].(map[string]any)
		ep["id"] = "PEP0001"
		return http.StatusOK, map[string]any{"escalation_policy": ep}
	})
	e := f.env(t)
	var got RuleDelayChanged
	txt := e.ok(t, "update_escalation_rule_delay", map[string]any{"escalation_policy": "database", "level": 1, "delay_minutes": 10}, &got)
	put := f.last(t, "PUT /escalation_policies/PEP0001")
	ep := put.Body["escalation_policy"]
	if dig(ep, "escalation_rules", 0, "escalation_delay_in_minutes") != float64(10) || dig(ep, "escalation_rules", 1, "escalation_delay_in_minutes") != float64(30) {
		t.Errorf("delays sent %v", ep)
	}
	if dig(ep, "escalation_rules", 0, "targets", 0, "id") != "PSCH001" || dig(ep, "num_loops") != float64(2) || dig(ep, "description") != "DB on-call" ||
		dig(ep, "teams", 0, "id") != "PTEAM01" || dig(ep, "on_call_handoff_notifications") != "always" || put.From != "grace@example.com" {
		t.Errorf("the rest of the policy was not kept: %v (From %q)", ep, put.From)
	}
	if len(got.Changed) != 1 || got.Rules[0].DelayMinutes != 10 || !strings.Contains(txt, "Level 1: schedule PSCH001; escalates after 10 min") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	e.ok(t, "update_escalation_rule_delay", map[string]any{"escalation_policy": "PEP0001", "delay_minutes": 15}, &got)
	ep = f.last(t, "PUT /escalation_policies/PEP0001").Body["escalation_policy"]
	if dig(ep, "escalation_rules", 0, "escalation_delay_in_minutes") != float64(15) || dig(ep, "escalation_rules", 1, "escalation_delay_in_minutes") != float64(15) || len(got.Changed) != 2 {
		t.Errorf("every level: sent %v", ep)
	}
	f.reset()
	msg := e.fails(t, "update_escalation_rule_delay", map[string]any{"escalation_policy": "PEP0001", "level": 3, "delay_minutes": 5})
	if !strings.Contains(msg, "2 levels") || len(f.writes()) != 0 {
		t.Errorf("error %q, writes %v", msg, keys(f.writes()))
	}
}
