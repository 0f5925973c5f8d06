package pagerduty_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Re-record with
//
//	PRISM_PORT=4033 scripts/record.sh ./pagerduty -run '^TestAutomationActionsCassette'

func aaCheckRecordedAction(t *testing.T, what string, a *pagerduty.AutomationAction) {
	t.Helper()
	if a == nil || a.ID == "" || a.Name == "" || a.CreatedAt.IsZero() {
		t.Fatalf("%s: action %+v lacks an ID, a name or a creation time", what, a)
	}
	switch a.ActionType {
	case pagerduty.ActionTypeScript:
		if a.DataReference.Script == "" {
			t.Errorf("%s: script action %s has no script", what, a.ID)
		}
	case pagerduty.ActionTypeProcessAutomation:
		if a.DataReference.ProcessAutomationJobID == "" {
			t.Errorf("%s: process automation action %s has no job", what, a.ID)
		}
	default:
		t.Errorf("%s: action type %q", what, a.ActionType)
	}
}

func aaCheckRecordedRunner(t *testing.T, what string, r *pagerduty.AutomationRunner) {
	t.Helper()
	if r == nil || r.ID == "" || r.Name == "" || r.CreatedAt.IsZero() || r.Status == "" {
		t.Fatalf("%s: runner %+v lacks an ID, a name, a creation time or a status", what, r)
	}
	if r.RunnerType != pagerduty.RunnerSidecar && r.RunnerType != pagerduty.RunnerRunbook {
		t.Errorf("%s: runner type %q", what, r.RunnerType)
	}
}

func aaCheckRecordedInvocation(t *testing.T, what string, inv *pagerduty.AutomationInvocation) {
	t.Helper()
	if inv == nil || inv.ID == "" || inv.ActionID == "" || inv.RunnerID == "" || inv.State == "" || inv.ActionSnapshot.Name == "" {
		t.Fatalf("%s: invocation %+v lacks an ID, an action, a runner, a state or a snapshot", what, inv)
	}
	if len(inv.Timing) == 0 || inv.Timing[0].Timestamp.IsZero() || inv.Timing[0].State == "" {
		t.Errorf("%s: invocation %s timing %+v", what, inv.ID, inv.Timing)
	}
	if inv.Metadata.Agent == nil || inv.Metadata.Agent.ID == "" || inv.Metadata.Incident == nil || inv.Metadata.Incident.ID == "" {
		t.Errorf("%s: invocation %s metadata %+v", what, inv.ID, inv.Metadata)
	}
}

func aaCheckRecordedRef(t *testing.T, what string, r *pagerduty.Reference, typ string) {
	t.Helper()
	if r == nil || r.ID == "" || r.Type != typ {
		t.Errorf("%s: reference %+v, want an ID and type %s", what, r, typ)
	}
}

func TestAutomationActionsCassetteActions(t *testing.T) {
	c := replayClient(t, "pagerduty/automation_actions/actions")
	ctx := context.Background()

	for _, a := range readUpTo(t, "List", c.AutomationActions.List(ctx, &pagerduty.ListAutomationActionsOptions{
		CursorOptions: pagerduty.CursorOptions{Limit: 2}, ActionType: pagerduty.ActionTypeScript,
		Classification: pagerduty.ActionDiagnostic, TeamID: "PQ9K7I8",
	}), 3) {
		aaCheckRecordedAction(t, "List", &a)
	}
	page := must(c.AutomationActions.ListPage(ctx, &pagerduty.ListAutomationActionsOptions{Name: "Restart apache", ServiceID: "PRDRWUJ", RunnerID: "01DACKMP6Q3Y5YG51ENA26CX2I"})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Fatalf("ListPage = %+v", page)
	}
	aaCheckRecordedAction(t, "ListPage", &page.Items[0])

	a := must(c.AutomationActions.Create(ctx, &pagerduty.AutomationActionParams{
		Name: "Restart apache", Description: "Restarts apache on the web hosts",
		ActionType:    pagerduty.ActionTypeScript,
		DataReference: pagerduty.ActionDataReference{Script: "systemctl restart apache2", InvocationCommand: "/bin/sh"},
		TeamIDs:       []string{"PQ9K7I8"}, ServiceIDs: []string{"PRDRWUJ"},
		AllowInvocationFromEventOrchestration: pointerTo(false),
	})).ok(t, "Create")
	aaCheckRecordedAction(t, "Create", a)
	aaCheckRecordedAction(t, "Get", must(c.AutomationActions.Get(ctx, a.ID)).ok(t, "Get"))
	aaCheckRecordedAction(t, "Update", must(c.AutomationActions.Update(ctx, a.ID, &pagerduty.AutomationActionUpdate{
		ActionType: pagerduty.ActionTypeScript, Description: pointerTo("Restarts apache everywhere"),
		Classification: pagerduty.ActionRemediation,
		DataReference:  &pagerduty.ActionDataReference{Script: "systemctl restart apache2"},
	})).ok(t, "Update"))
	mustDo(t, "Delete", c.AutomationActions.Delete(ctx, a.ID))
}

func TestAutomationActionsCassetteAssociations(t *testing.T) {
	c := replayClient(t, "pagerduty/automation_actions/associations")
	ctx := context.Background()
	const action, service, team = "01DA2MLYN0J5EFC1LKWXUKDDKT", "PRDRWUJ", "PQ9K7I8"

	aaCheckRecordedRef(t, "AddService", must(c.AutomationActions.AddService(ctx, action, service)).ok(t, "AddService"), "service_reference")
	services := must(c.AutomationActions.ListServices(ctx, action)).ok(t, "ListServices")
	if len(services) == 0 {
		t.Fatal("ListServices: none")
	}
	aaCheckRecordedRef(t, "ListServices", &services[0], "service_reference")
	aaCheckRecordedRef(t, "GetService", must(c.AutomationActions.GetService(ctx, action, service)).ok(t, "GetService"), "service_reference")
	mustDo(t, "RemoveService", c.AutomationActions.RemoveService(ctx, action, service))

	aaCheckRecordedRef(t, "AddTeam", must(c.AutomationActions.AddTeam(ctx, action, team)).ok(t, "AddTeam"), "team_reference")
	teams := must(c.AutomationActions.ListTeams(ctx, action)).ok(t, "ListTeams")
	if len(teams) == 0 {
		t.Fatal("ListTeams: none")
	}
	aaCheckRecordedRef(t, "ListTeams", &teams[0], "team_reference")
	aaCheckRecordedRef(t, "GetTeam", must(c.AutomationActions.GetTeam(ctx, action, team)).ok(t, "GetTeam"), "team_reference")
	mustDo(t, "RemoveTeam", c.AutomationActions.RemoveTeam(ctx, action, team))
}

func TestAutomationActionsCassetteRunners(t *testing.T) {
	c := replayClient(t, "pagerduty/automation_actions/runners")
	ctx := context.Background()
	const team = "PQ9K7I8"

	for _, r := range readUpTo(t, "ListRunners", c.AutomationActions.ListRunners(ctx, &pagerduty.ListAutomationRunnersOptions{
		CursorOptions: pagerduty.CursorOptions{Limit: 2}, Includes: []pagerduty.RunnerInclude{pagerduty.IncludeRunnerAssociatedActions},
	}), 3) {
		aaCheckRecordedRunner(t, "ListRunners", &r)
	}
	page := must(c.AutomationActions.ListRunnersPage(ctx, &pagerduty.ListAutomationRunnersOptions{Name: "prod"})).ok(t, "ListRunnersPage")
	if len(page.Items) == 0 || page.NextCursor == "" {
		t.Fatalf("ListRunnersPage = %+v, want runners and a next cursor", page)
	}

	r := must(c.AutomationActions.CreateRunner(ctx, &pagerduty.AutomationRunnerParams{
		RunnerType: pagerduty.RunnerSidecar, Name: "us-west-2 prod sidecar runner",
		Description: "Provisioned by SRE", TeamIDs: []string{team},
	})).ok(t, "CreateRunner")
	aaCheckRecordedRunner(t, "CreateRunner", r)
	aaCheckRecordedRunner(t, "GetRunner", must(c.AutomationActions.GetRunner(ctx, r.ID)).ok(t, "GetRunner"))

	aaCheckRecordedRef(t, "AddRunnerTeam", must(c.AutomationActions.AddRunnerTeam(ctx, r.ID, team)).ok(t, "AddRunnerTeam"), "team_reference")
	teams := must(c.AutomationActions.ListRunnerTeams(ctx, r.ID)).ok(t, "ListRunnerTeams")
	if len(teams) == 0 {
		t.Fatal("ListRunnerTeams: none")
	}
	aaCheckRecordedRef(t, "ListRunnerTeams", &teams[0], "team_reference")
	aaCheckRecordedRef(t, "GetRunnerTeam", must(c.AutomationActions.GetRunnerTeam(ctx, r.ID, team)).ok(t, "GetRunnerTeam"), "team_reference")
	mustDo(t, "RemoveRunnerTeam", c.AutomationActions.RemoveRunnerTeam(ctx, r.ID, team))
	mustDo(t, "DeleteRunner", c.AutomationActions.DeleteRunner(ctx, r.ID))
}

func TestAutomationActionsCassetteInvocations(t *testing.T) {
	c := replayClient(t, "pagerduty/automation_actions/invocations")
	ctx := context.Background()

	inv := must(c.AutomationActions.Invoke(ctx, "01DA2MLYN0J5EFC1LKWXUKDDKT", &pagerduty.InvokeParams{IncidentID: "Q2LAR4ADCXC8IB"})).ok(t, "Invoke")
	aaCheckRecordedInvocation(t, "Invoke", inv)
	aaCheckRecordedInvocation(t, "GetInvocation", must(c.AutomationActions.GetInvocation(ctx, inv.ID)).ok(t, "GetInvocation"))
	list := must(c.AutomationActions.ListInvocations(ctx, &pagerduty.ListInvocationsOptions{
		NotState: pagerduty.InvocationCompleted, IncidentID: "Q2LAR4ADCXC8IB", ActionID: "01DA2MLYN0J5EFC1LKWXUKDDKT",
	})).ok(t, "ListInvocations")
	if len(list) == 0 {
		t.Fatal("ListInvocations: none")
	}
	aaCheckRecordedInvocation(t, "ListInvocations", &list[0])
}

// The API description gives runner updates two shapes (sidecar, runbook)
// that any object matches, so its mock refuses every update, its own example
// included. The recording keeps that refusal: it proves the request reaches
// the right operation, and the answer comes back as an *APIError.
func TestAutomationActionsCassetteRunnerUpdate(t *testing.T) {
	c := replayClient(t, "pagerduty/automation_actions/runner_update")
	_, err := c.AutomationActions.UpdateRunner(context.Background(), "01DA2MLYN0J5EFC1LKWXUKDDKT", &pagerduty.AutomationRunnerUpdate{
		Name: "us-west-2 prod runner", Description: pointerTo("Provisioned by the SRE team"),
	})
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("UpdateRunner: %v, want the mock's 400 refusal as an *APIError", err)
	}
}
