package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkWorkflow(t *testing.T, what string, w *pagerduty.IncidentWorkflow) {
	t.Helper()
	if w == nil || w.ID == "" || w.Name == "" || w.CreatedAt.IsZero() {
		t.Fatalf("%s: workflow %+v lacks an ID, a name or a creation time", what, w)
	}
}

func checkWorkflowSteps(t *testing.T, what string, w *pagerduty.IncidentWorkflow) {
	t.Helper()
	if len(w.Steps) == 0 {
		t.Fatalf("%s: workflow %s has no steps", what, w.ID)
	}
	for _, st := range w.Steps {
		if st.Name == "" || st.Action.ActionID == "" {
			t.Errorf("%s: step %+v lacks a name or an action", what, st)
		}
	}
}

func checkTrigger(t *testing.T, what string, tr *pagerduty.IncidentWorkflowTrigger) {
	t.Helper()
	if tr == nil || tr.ID == "" || tr.Workflow == nil || tr.Workflow.ID == "" {
		t.Fatalf("%s: trigger %+v lacks an ID or a workflow", what, tr)
	}
	switch tr.TriggerType {
	case pagerduty.ManualTrigger, pagerduty.ConditionalTrigger, pagerduty.IncidentTypeTrigger:
	default:
		t.Errorf("%s: trigger type %q is not a trigger type", what, tr.TriggerType)
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentWorkflowsCassette'.
func TestIncidentWorkflowsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_workflows/workflows")
	ctx := context.Background()

	got := takeFromSeq(t, c.IncidentWorkflows.List(ctx, &pagerduty.ListIncidentWorkflowsOptions{
		Query: "Example", Includes: []pagerduty.IncidentWorkflowInclude{pagerduty.IncludeWorkflowSteps},
		ListOptions: pagerduty.ListOptions{Limit: 1}}), 2)
	if len(got) != 2 {
		t.Fatalf("List read %d workflows over two pages, want 2", len(got))
	}
	checkWorkflow(t, "List", &got[0])

	page, err := c.IncidentWorkflows.ListPage(ctx, &pagerduty.ListIncidentWorkflowsOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) != 1 || !page.More {
		t.Fatalf("ListPage = %d items, more %v; want 1 and more", len(page.Items), page.More)
	}

	w, err := c.IncidentWorkflows.Get(ctx, "PSFEVL7")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkWorkflow(t, "Get", w)
	checkWorkflowSteps(t, "Get", w)

	desc := "Opens a war room"
	enabled := true
	params := &pagerduty.IncidentWorkflowParams{
		Name: "War room", Description: &desc, TeamID: "PQYP5MN", IsEnabled: &enabled,
		Steps: []pagerduty.WorkflowStepParams{{
			Name:     "Send status update",
			ActionID: "pagerduty.com:incident-workflows:send-status-update:1",
			Inputs:   []pagerduty.WorkflowInputValue{{Name: "Message", Value: "Investigating"}},
		}},
	}
	w, err = c.IncidentWorkflows.Create(ctx, params)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkWorkflow(t, "Create", w)

	w, err = c.IncidentWorkflows.Update(ctx, "PSFEVL7", params)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkWorkflow(t, "Update", w)

	if err := c.IncidentWorkflows.Delete(ctx, "PSFEVL7"); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	inst, err := c.IncidentWorkflows.Start(ctx, "PSFEVL7", &pagerduty.StartIncidentWorkflowParams{IncidentID: "Q1R2DLCB21K7NP"})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	if inst.ID == "" || inst.Incident == nil || inst.Incident.ID == "" {
		t.Errorf("Start = %+v, want an instance on an incident", inst)
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentWorkflowsCassette'.
func TestIncidentWorkflowsCassetteActions(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_workflows/actions")
	ctx := context.Background()

	got := takeFromSeq(t, c.IncidentWorkflows.ListActions(ctx, &pagerduty.ListWorkflowActionsOptions{
		Keyword: "status", CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2)
	if len(got) != 2 {
		t.Fatalf("ListActions read %d actions over two pages, want 2", len(got))
	}
	page, err := c.IncidentWorkflows.ListActionsPage(ctx, &pagerduty.ListWorkflowActionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 1}})
	if err != nil {
		t.Fatalf("ListActionsPage: %v", err)
	}
	if len(page.Items) != 1 || page.NextCursor == "" {
		t.Fatalf("ListActionsPage = %d items, cursor %q; want 1 and a cursor", len(page.Items), page.NextCursor)
	}
	a, err := c.IncidentWorkflows.GetAction(ctx, got[0].ID)
	if err != nil {
		t.Fatalf("GetAction: %v", err)
	}
	for _, x := range []*pagerduty.IncidentWorkflowAction{&got[0], &page.Items[0], a} {
		if x.ID == "" || x.Name == "" || x.Version == 0 || x.CreatedAt.IsZero() || len(x.Inputs) == 0 || x.Inputs[0].Type == "" {
			t.Errorf("action %+v lacks an ID, a name, a version, a creation time or typed inputs", x)
		}
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentWorkflowsCassette'.
func TestIncidentWorkflowsCassetteTriggers(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_workflows/triggers")
	ctx := context.Background()

	disabled := false
	got := takeFromSeq(t, c.IncidentWorkflows.ListTriggers(ctx, &pagerduty.ListWorkflowTriggersOptions{
		WorkflowID: "PSFEVL7", ServiceID: "PIJ90N7", TriggerType: pagerduty.ConditionalTrigger,
		WorkflowNameContains: "Example", IsDisabled: &disabled, SortBy: pagerduty.SortTriggersByWorkflowNameAsc,
		CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2)
	if len(got) != 2 {
		t.Fatalf("ListTriggers read %d triggers over two pages, want 2", len(got))
	}
	checkTrigger(t, "ListTriggers", &got[0])

	page, err := c.IncidentWorkflows.ListTriggersPage(ctx, &pagerduty.ListWorkflowTriggersOptions{IncidentID: "Q1R2DLCB21K7NP"})
	if err != nil {
		t.Fatalf("ListTriggersPage: %v", err)
	}
	if len(page.Items) == 0 {
		t.Fatal("ListTriggersPage read no trigger")
	}
	checkTrigger(t, "ListTriggersPage", &page.Items[0])

	id := got[0].ID
	tr, err := c.IncidentWorkflows.GetTrigger(ctx, id)
	if err != nil {
		t.Fatalf("GetTrigger: %v", err)
	}
	checkTrigger(t, "GetTrigger", tr)

	tr, err = c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{
		WorkflowID: "PSFEVL7", TriggerType: pagerduty.ConditionalTrigger,
		Condition: "incident.priority matches 'P1'", ServiceIDs: []string{"PIJ90N7"}})
	if err != nil {
		t.Fatalf("CreateTrigger: %v", err)
	}
	checkTrigger(t, "CreateTrigger", tr)

	cond := "incident.priority matches 'P2'"
	tr, err = c.IncidentWorkflows.UpdateTrigger(ctx, id, &pagerduty.UpdateWorkflowTriggerParams{Condition: &cond, IncidentTypes: []string{}})
	if err != nil {
		t.Fatalf("UpdateTrigger: %v", err)
	}
	checkTrigger(t, "UpdateTrigger", tr)

	tr, err = c.IncidentWorkflows.AddTriggerService(ctx, id, "PIJ90N7")
	if err != nil {
		t.Fatalf("AddTriggerService: %v", err)
	}
	checkTrigger(t, "AddTriggerService", tr)

	tr, err = c.IncidentWorkflows.RemoveTriggerService(ctx, id, "PIJ90N7")
	if err != nil {
		t.Fatalf("RemoveTriggerService: %v", err)
	}
	checkTrigger(t, "RemoveTriggerService", tr)

	if err := c.IncidentWorkflows.DeleteTrigger(ctx, id); err != nil {
		t.Fatalf("DeleteTrigger: %v", err)
	}
}
