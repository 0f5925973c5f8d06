package mcptools

import (
	"fmt"
	"strings"
	"testing"
)

func TestCommand_Automation_TicketForP1(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var got WorkflowTrigger
	e.ok(t, "add_workflow_trigger", map[string]any{"workflow": "major incident", "priority": "P1"}, &got)
	tr := dig(f.last(t, "POST /incident_workflows/triggers").Body, "trigger")
	if dig(tr, "condition") != "incident.priority matches 'P1'" || dig(tr, "workflow", "id") != "PWF0001" || dig(tr, "trigger_type") != "conditional" {
		t.Errorf("sent %v", tr)
	}
	if n := len(f.writes()); n != 1 {
		t.Errorf("%d writes, want 1", n)
	}
}

func TestCommand_Automation_StatusPage(t *testing.T) {
	f := statusPageFake(t)
	e := f.env(t)
	var created, updated StatusPostResult
	e.ok(t, "create_status_page_post", map[string]any{"status_page": "Acme Status", "title": "Checkout errors", "message": "Some payments fail",
		"status": "identified", "severity": "major", "services": []string{"checkout"}, "impact": "major outage"}, &created)
	u := dig(f.last(t, "POST /status_pages/PSP0001/posts").Body, "post", "updates", 0)
	if dig(u, "status", "id") != "PST0002" || dig(u, "severity", "id") != "PSV0002" ||
		dig(u, "impacted_services", 0, "service", "id") != "PSPS001" || dig(u, "impacted_services", 0, "impact", "id") != "PIM0002" {
		t.Errorf("sent %v", u)
	}
	e.ok(t, "add_status_page_update", map[string]any{"status_page": "acme", "post": "Checkout errors", "message": "Fixed", "status": "resolved"}, &updated)
	nu := dig(f.last(t, "POST /status_pages/PSP0001/posts/PPOST01/post_updates").Body, "post_update")
	if dig(nu, "status", "id") != "PST0004" || dig(nu, "message") != "Fixed" {
		t.Errorf("sent %v", nu)
	}
}

func TestCommand_Automation_RunRunbook(t *testing.T) {
	f := automationFake(t)
	e := f.env(t)
	var inv Invocation
	e.ok(t, "invoke_automation_action", map[string]any{"action": "Restart postgres", "incident": "#1234"}, &inv)
	post := f.last(t, "POST /automation_actions/actions/PACT001/invocations")
	if dig(post.Body, "invocation", "metadata", "incident_id") != "PINC123" || inv.ID != "PINV001" {
		t.Errorf("sent %v, answer %+v", post.Body, inv)
	}
	// Or a workflow with a remediation step, on the same incident.
	var started WorkflowStarted
	e.ok(t, "start_incident_workflow", map[string]any{"workflow": "slack and jira", "incident": "INC-1234"}, &started)
	if dig(f.last(t, "POST /incident_workflows/PWF0001/instances").Body, "incident_workflow_instance", "incident", "id") != "PINC123" {
		t.Error("the workflow was not started on the incident")
	}
}

func TestCommand_Automation_EscalateOnResponseTime(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	var before []int
	for _, p := range d.EscalationPolicies {
		if p.Name == "Web Escalation" {
			for _, r := range p.Rules {
				before = append(before, r.EscalationDelayInMinutes)
			}
		}
	}
	var got RuleDelayChanged
	e.ok(t, "update_escalation_rule_delay", map[string]any{"escalation_policy": "web escalation", "level": 1, "delay_minutes": 10}, &got)
	for _, p := range e.pd.Data().EscalationPolicies {
		if p.Name != "Web Escalation" {
			continue
		}
		if len(p.Rules) != len(before) || p.Rules[0].EscalationDelayInMinutes != 10 {
			t.Fatalf("rules %+v", p.Rules)
		}
		for i := 1; i < len(before); i++ {
			if p.Rules[i].EscalationDelayInMinutes != before[i] {
				t.Errorf("level %d: %d min, want %d kept", i+1, p.Rules[i].EscalationDelayInMinutes, before[i])
			}
		}
	}
}

func TestCommand_Automation_AutoAcknowledgeLowPriority(t *testing.T) {
	// PagerDuty has no rule that acknowledges: the tool lowers severity
	// (and so urgency), or suppresses.
	f := orchestrationFake(t)
	e := f.env(t)
	var got OrchestrationRules
	e.ok(t, "add_orchestration_rule", map[string]any{"service": "DBA", "severity": "info", "label": "Low priority alerts",
		"conditions": []string{"event.custom_details.priority matches 'low'"}}, &got)
	rules := sentRules(t, f.last(t, "PUT /event_orchestrations/services/PDBA001"))
	if dig(rules[0], "actions", "severity") != "info" || dig(rules[0], "conditions", 0, "expression") != "event.custom_details.priority matches 'low'" {
		t.Errorf("sent %v", rules[0])
	}
	tools, err := e.session.ListTools(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range tools.Tools {
		if tl.Name == "add_orchestration_rule" && !strings.Contains(tl.Description, "no rule that acknowledges") {
			t.Errorf("add_orchestration_rule does not say PagerDuty cannot acknowledge by rule: %s", tl.Description)
		}
	}
}

func TestCommand_Automation_MonitoringIntegration(t *testing.T) {
	f := integrationFake(t)
	e := f.env(t)
	var got IntegrationCreated
	e.ok(t, "create_service_integration", map[string]any{"service": "Checkout", "vendor": "Datadog"}, &got)
	sent := dig(f.last(t, "POST /services/PSVC001/integrations").Body, "integration")
	if dig(sent, "vendor", "id") != "PV00120" || dig(sent, "service", "id") != "PSVC001" || got.ID != "PINT001" {
		t.Errorf("sent %v, answer %+v", sent, got)
	}
}

func TestCommand_Automation_WebhookEndpoint(t *testing.T) {
	f := webhookFake(t)
	e := f.env(t)
	var w Webhook
	e.ok(t, "create_webhook_subscription", map[string]any{"url": "https://hooks.example.com/pd", "service": "checkout",
		"events": []string{"incident.triggered", "incident.resolved"}}, &w)
	sent := dig(f.last(t, "POST /webhook_subscriptions").Body, "webhook_subscription")
	if dig(sent, "filter", "id") != "PSVC001" || fmt.Sprint(dig(sent, "events")) != "[incident.triggered incident.resolved]" {
		t.Errorf("sent %v", sent)
	}
	var test WebhookTest
	e.ok(t, "test_webhook_subscription", map[string]any{"webhook": "https://hooks.example.com/pd"}, &test)
	if !test.PingSent {
		t.Errorf("ping %+v", test)
	}
	f.last(t, "POST /webhook_subscriptions/"+w.ID+"/ping")
}

func TestCommand_Automation_FollowUpTasks(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	inc := d.Incidents[len(d.Incidents)-10]
	var got FollowUps
	txt := e.ok(t, "add_follow_up_tasks", map[string]any{"incident": fmt.Sprintf("#%d", inc.Number),
		"tasks": []string{"Add a disk alert on db-01", "Review the backup policy"}, "owner": "grace hopper", "due": "2026-12-01"}, &got)
	after := incidentIn(e.pd.Data(), inc.ID)
	if len(after.Notes) != len(inc.Notes)+1 {
		t.Fatalf("%d notes, want one more than %d", len(after.Notes), len(inc.Notes))
	}
	note := after.Notes[len(after.Notes)-1].Content
	for _, want := range []string{"Add a disk alert on db-01", "Review the backup policy", "Grace Hopper", "2026-12-01"} {
		if !strings.Contains(note, want) {
			t.Errorf("the note lacks %q: %s", want, note)
		}
	}
	if got.Tasks != 2 || !strings.Contains(txt, "tracker") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
}
