package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

// automationFake is an account with an incident #1234, two automation
// actions, and workflows that PagerDuty finds by name.
func automationFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /incidents/1234", jsonOf(t, `{"incident":{"id":"PINC123","incident_number":1234,"title":"DB down","status":"triggered","urgency":"high"}}`))
	f.on("GET /automation_actions/actions", func(r *fakeRequest) (int, any) {
		all := []any{
			map[string]any{"id": "PACT001", "name": "Restart postgres", "action_type": "script", "action_classification": "remediation",
				"services": []any{map[string]any{"id": "PSVC001", "type": "service_reference", "summary": "Database"}}, "creation_time": "2026-01-01T00:00:00Z"},
			map[string]any{"id": "PACT002", "name": "Collect diagnostics", "action_type": "process_automation", "action_classification": "diagnostic", "creation_time": "2026-01-01T00:00:00Z"},
		}
		var out []any
		for _, a := range all {
			if n := r.Query.Get("name"); n == "" || strings.Contains(strings.ToLower(a.(map[string]any)["name"].(string)), strings.ToLower(n)) {
				out = append(out, a)
			}
		}
		return http.StatusOK, map[string]any{"actions": out, "next_cursor": nil}
	})
	invocation := func(state string) map[string]any {
		return map[string]any{"invocation": map[string]any{"id": "PINV001", "type": "incident_action_invocation", "action_id": "PACT001",
			"action_snapshot": map[string]any{"name": "Restart postgres", "action_type": "script"}, "runner_id": "PRUN001", "state": state,
			"timing":   []any{map[string]any{"timestamp": "2026-11-24T12:00:00Z", "state": "created"}},
			"duration": 42,
			"metadata": map[string]any{"incident": map[string]any{"id": "PINC123", "type": "incident_reference"}, "agent": map[string]any{"id": "PUSR001", "type": "user_reference", "summary": "Ada"}}}}
	}
	f.on("POST /automation_actions/actions/PACT001/invocations", func(*fakeRequest) (int, any) { return http.StatusCreated, invocation("queued") })
	f.answer("GET /automation_actions/invocations/PINV001", invocation("completed"))
	f.answer("GET /automation_actions/invocations", map[string]any{"invocations": []any{invocation("completed")["invocation"]}})
	f.answer("GET /incident_workflows", jsonOf(t, `{"incident_workflows":[
		{"id":"PWF0001","name":"Major incident: Slack and Jira","is_enabled":true,"steps":[{"name":"Create Slack channel","action_configuration":{"action_id":"x","inputs":[]}},{"name":"Create Jira issue","action_configuration":{"action_id":"y","inputs":[]}}]}],
		"limit":100,"offset":0,"more":false}`))
	f.on("POST /incident_workflows/PWF0001/instances", func(r *fakeRequest) (int, any) {
		return http.StatusCreated, map[string]any{"incident_workflow_instance": map[string]any{"id": "PWFI001", "type": "incident_workflow_instance", "incident": dig(r.Body, "incident_workflow_instance", "incident")}}
	})
	f.on("POST /incident_workflows/triggers", func(r *fakeRequest) (int, any) {
		tr := r.Body["trigger"].(map[string]any)
		tr["id"] = "PTRG001"
		return http.StatusCreated, map[string]any{"trigger": tr}
	})
	f.answer("GET /services", jsonOf(t, `{"services":[{"id":"PSVC001","name":"Database"}],"limit":100,"offset":0,"more":false}`))
	return f
}

func TestTriggerRunbook(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var inv Invocation
	txt := e.ok(t, "invoke_automation_action", map[string]any{"action": "restart postgres", "incident": "#1234"}, &inv)
	post := f.last(t, "POST /automation_actions/actions/PACT001/invocations")
	if dig(post.Body, "invocation", "metadata", "incident_id") != "PINC123" {
		t.Errorf("sent %v", post.Body)
	}
	if inv.ID != "PINV001" || inv.State != "queued" || inv.Incident.ID != "PINC123" || !strings.Contains(txt, "Still running") {
		t.Errorf("answer %+v, text %q", inv, txt)
	}
	var runs InvocationList
	txt = e.ok(t, "get_automation_invocations", map[string]any{"invocation": inv.ID}, &runs)
	if len(runs.Invocations) != 1 || runs.Invocations[0].State != "completed" || runs.Invocations[0].DurationSeconds != 42 {
		t.Errorf("runs %+v", runs)
	}
	if !strings.Contains(txt, "PINV001 Restart postgres (PACT001) [completed] on incident PINC123") || !strings.Contains(txt, "took 42s") {
		t.Errorf("text %q", txt)
	}
	e.ok(t, "get_automation_invocations", map[string]any{"incident": "1234"}, &runs)
	if q := f.last(t, "GET /automation_actions/invocations").Query.Get("incident_id"); q != "PINC123" || len(runs.Invocations) != 1 {
		t.Errorf("incident_id %q, runs %+v", q, runs)
	}
	f.reset()
	e.fails(t, "invoke_automation_action", map[string]any{"action": "x", "incident": "../users"})
	e.fails(t, "get_automation_invocations", map[string]any{})
	e.fails(t, "get_automation_invocations", map[string]any{"invocation": "a/b"})
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}
	msg := e.fails(t, "invoke_automation_action", map[string]any{"action": "nothing", "incident": "1234"})
	if !strings.Contains(msg, "no automation action is named") {
		t.Errorf("unknown action: %q", msg)
	}
}

func TestListAutomationActions(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var got AutomationActionList
	txt := e.ok(t, "list_automation_actions", map[string]any{"service": "Database", "limit": 10}, &got)
	q := f.last(t, "GET /automation_actions/actions").Query
	if q.Get("service_id") != "PSVC001" || q.Get("limit") != "10" {
		t.Errorf("query %v", q)
	}
	if len(got.Actions) != 2 || got.Actions[0].Classification != "remediation" || got.HasMore {
		t.Errorf("answer %+v", got)
	}
	if !strings.Contains(txt, "Restart postgres (PACT001) [script, remediation] - services Database (PSVC001)") {
		t.Errorf("text %q", txt)
	}
}

func TestStartIncidentWorkflow(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var list WorkflowList
	txt := e.ok(t, "list_incident_workflows", map[string]any{"query": "major"}, &list)
	if len(list.Workflows) != 1 || len(list.Workflows[0].Steps) != 2 || !strings.Contains(txt, "Create Slack channel > Create Jira issue") {
		t.Errorf("list %+v, text %q", list, txt)
	}
	if q := f.last(t, "GET /incident_workflows").Query; q.Get("query") != "major" || q.Get("include[]") != "steps" {
		t.Errorf("query %v", q)
	}
	var got WorkflowStarted
	e.ok(t, "start_incident_workflow", map[string]any{"workflow": "Major incident", "incident": "INC-1234"}, &got)
	post := f.last(t, "POST /incident_workflows/PWF0001/instances")
	if dig(post.Body, "incident_workflow_instance", "incident", "id") != "PINC123" || got.InstanceID != "PWFI001" {
		t.Errorf("sent %v, answer %+v", post.Body, got)
	}
}

func TestAutoCreateTicketForP1(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var got WorkflowTrigger
	txt := e.ok(t, "add_workflow_trigger", map[string]any{"workflow": "slack and jira", "priority": "P1"}, &got)
	post := f.last(t, "POST /incident_workflows/triggers")
	tr := post.Body["trigger"].(map[string]any)
	if tr["trigger_type"] != "conditional" || tr["condition"] != "incident.priority matches 'P1'" || dig(tr, "workflow", "id") != "PWF0001" || tr["is_subscribed_to_all_services"] != true {
		t.Errorf("sent %v", tr)
	}
	if got.ID != "PTRG001" || !got.AllServices || !strings.Contains(txt, "every service when incident.priority matches 'P1'") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	e.ok(t, "add_workflow_trigger", map[string]any{"workflow": "PWF0001", "condition": "incident.urgency matches 'high'", "services": []any{"Database"}}, &got)
	tr = f.last(t, "POST /incident_workflows/triggers").Body["trigger"].(map[string]any)
	if dig(tr, "services", 0, "id") != "PSVC001" || tr["is_subscribed_to_all_services"] != nil {
		t.Errorf("sent %v", tr)
	}
	f.reset()
	e.fails(t, "add_workflow_trigger", map[string]any{"workflow": "PWF0001"})
	e.fails(t, "add_workflow_trigger", map[string]any{"workflow": "PWF0001", "priority": "P1", "condition": "incident.urgency matches 'high'"})
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused triggers sent %d requests", n)
	}
}
