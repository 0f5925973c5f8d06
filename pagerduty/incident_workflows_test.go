package pagerduty_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const workflowJSON = `{"id":"PWF0001","type":"incident_workflow","name":"War room","description":"Opens a war room",
 "created_at":"2022-12-13T19:55:01.171Z","team":{"id":"PTEAM01","type":"team_reference"},"is_enabled":true,
 "steps":[{"id":"PSTEP01","type":"step","name":"Status update","action_configuration":{"action_id":"pagerduty.com:incident-workflows:send-status-update:1",
  "inputs":[{"name":"Message","value":"Investigating","parameter_type":"text"}],
  "inline_steps_inputs":[{"name":"Branch","value":{"steps":[{"name":"Inner","action_configuration":{"action_id":"x:y:z:1","inputs":[]}}]}}],
  "outputs":[{"name":"Result","reference_name":"result","parameter_type":"text"}]}}]}`

func checkWorkflowJSON(t *testing.T, got any) {
	t.Helper()
	var w *pagerduty.IncidentWorkflow
	switch v := got.(type) {
	case *pagerduty.IncidentWorkflow:
		w = v
	case pagerduty.IncidentWorkflow:
		w = &v
	}
	if w.ID != "PWF0001" || w.Name != "War room" || w.CreatedAt.Year() != 2022 || w.Team == nil || w.Team.ID != "PTEAM01" ||
		w.IsEnabled == nil || !*w.IsEnabled || len(w.Steps) != 1 {
		t.Fatalf("workflow %+v", w)
	}
	a := w.Steps[0].Action
	if a.ActionID != "pagerduty.com:incident-workflows:send-status-update:1" || len(a.Inputs) != 1 || a.Inputs[0].Value != "Investigating" ||
		len(a.InlineStepsInputs) != 1 || a.InlineStepsInputs[0].Value.Steps[0].Name != "Inner" || len(a.Outputs) != 1 || a.Outputs[0].ReferenceName != "result" {
		t.Errorf("step %+v", w.Steps[0])
	}
}

const triggerJSON = `{"id":"4ad696eb-bb48-422a-8bd0-6efad6befa29","type":"workflow_trigger","trigger_type_name":"Conditional Trigger",
 "trigger_type":"conditional","condition":"incident.priority matches 'P1'","trigger_url":"https://api.pagerduty.com/incident_workflows/triggers/4ad696eb/start",
 "workflow":{"id":"PWF0001","name":"War room","type":"incident_workflow","created_at":"2022-12-13T19:55:01.171Z"},
 "services":[{"id":"PSVC001","type":"service_reference"}],"is_subscribed_to_all_services":false,
 "permissions":{"restricted":true,"team_id":"PTEAM01"},"is_disabled":false}`

func checkTriggerJSON(t *testing.T, got any) {
	t.Helper()
	var tr *pagerduty.IncidentWorkflowTrigger
	switch v := got.(type) {
	case *pagerduty.IncidentWorkflowTrigger:
		tr = v
	case pagerduty.IncidentWorkflowTrigger:
		tr = &v
	}
	if tr.ID != "4ad696eb-bb48-422a-8bd0-6efad6befa29" || tr.TriggerType != pagerduty.ConditionalTrigger || tr.Condition == "" ||
		tr.Workflow == nil || tr.Workflow.Name != "War room" || len(tr.Services) != 1 || tr.Services[0].ID != "PSVC001" ||
		tr.Permissions == nil || !tr.Permissions.Restricted || tr.Permissions.TeamID != "PTEAM01" {
		t.Errorf("trigger %+v", tr)
	}
}

const actionJSON = `{"id":"pagerduty.com:test:sample-action:1","type":"action","domain_name":"pagerduty.com","package_name":"test",
 "function_name":"sample-action","version":1,"name":"Sample","action_type":"action","action_tier":"premium-action","tags":["status"],
 "metadata":"{}","created_at":"2022-12-08T22:14:16.965Z","created_by_user_id":"PUSER01",
 "inputs":[{"name":"Text","type":"text","default_value":"x","is_required":true,"connection_type_id":""}],
 "outputs":[{"name":"Out","type":"text"}]}`

func checkActionJSON(t *testing.T, got any) {
	t.Helper()
	var a *pagerduty.IncidentWorkflowAction
	switch v := got.(type) {
	case *pagerduty.IncidentWorkflowAction:
		a = v
	case pagerduty.IncidentWorkflowAction:
		a = &v
	}
	if a.ID != "pagerduty.com:test:sample-action:1" || a.Version != 1 || a.ActionTier != "premium-action" || a.CreatedAt.IsZero() ||
		len(a.Inputs) != 1 || !a.Inputs[0].IsRequired || a.Inputs[0].Type != "text" || len(a.Outputs) != 1 || len(a.Tags) != 1 {
		t.Errorf("action %+v", a)
	}
}

func TestIncidentWorkflowsRequests(t *testing.T) {
	desc := "Opens a war room"
	off := false
	cond := "incident.urgency matches 'high'"
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentWorkflows.List(ctx, &pagerduty.ListIncidentWorkflowsOptions{Query: "war",
					Includes: []pagerduty.IncidentWorkflowInclude{pagerduty.IncludeWorkflowSteps, pagerduty.IncludeWorkflowTeam}}))
			},
			answer: `{"incident_workflows":[` + workflowJSON + `],"limit":100,"offset":0,"more":false}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows", query: pageQuery("query", "war", "include[]", "steps", "include[]", "team")},
			check:  checkWorkflowJSON,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.IncidentWorkflows.ListPage(ctx, &pagerduty.ListIncidentWorkflowsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Offset: 10, Total: true}})
				if err != nil {
					return nil, err
				}
				if !p.More || p.Total == nil || *p.Total != 11 {
					t.Errorf("page %+v", p)
				}
				return p.Items[0], nil
			},
			answer: `{"incident_workflows":[` + workflowJSON + `],"limit":5,"offset":10,"more":true,"total":11}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows", query: vals("limit", "5", "offset", "10", "total", "true")},
			check:  checkWorkflowJSON,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.Get(ctx, "PWF0001")
			},
			answer: `{"incident_workflow":` + workflowJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/PWF0001"},
			check:  checkWorkflowJSON,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.Create(ctx, &pagerduty.IncidentWorkflowParams{
					Name: "War room", Description: &desc, TeamID: "PTEAM01",
					Steps: []pagerduty.WorkflowStepParams{
						{Name: "Status update", ActionID: "pagerduty.com:incident-workflows:send-status-update:1",
							Inputs: []pagerduty.WorkflowInputValue{{Name: "Message", Value: "Investigating"}}},
						{Name: "Loop", ActionID: "pagerduty.com:incident-workflows:loop:1",
							InlineSteps: []pagerduty.WorkflowInlineSteps{{Name: "Steps", Steps: []pagerduty.WorkflowStepParams{{Name: "Inner", ActionID: "x:y:z:1"}}}}},
					},
				})
			},
			status: 201,
			answer: `{"incident_workflow":` + workflowJSON + `}`,
			want: wantRequest{method: "POST", path: "/incident_workflows", body: `{"incident_workflow":{"type":"incident_workflow","name":"War room",
				"description":"Opens a war room","team":{"id":"PTEAM01","type":"team_reference"},"steps":[
				{"type":"step","name":"Status update","action_configuration":{"action_id":"pagerduty.com:incident-workflows:send-status-update:1","inputs":[{"name":"Message","value":"Investigating"}]}},
				{"type":"step","name":"Loop","action_configuration":{"action_id":"pagerduty.com:incident-workflows:loop:1","inputs":[],
				 "inline_steps_inputs":[{"name":"Steps","value":{"steps":[{"type":"step","name":"Inner","action_configuration":{"action_id":"x:y:z:1","inputs":[]}}]}}]}}]}}`},
			check: checkWorkflowJSON,
		},
		{
			name: "UpdateSendsOnlyWhatIsSet",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.Update(ctx, "PWF0001", &pagerduty.IncidentWorkflowParams{IsEnabled: &off})
			},
			answer: `{"incident_workflow":` + workflowJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/incident_workflows/PWF0001", body: `{"incident_workflow":{"type":"incident_workflow","is_enabled":false}}`},
			check:  checkWorkflowJSON,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentWorkflows.Delete(ctx, "PWF0001")
			},
			want: wantRequest{method: "DELETE", path: "/incident_workflows/PWF0001"},
		},
		{
			name: "Start",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.Start(ctx, "PWF0001", &pagerduty.StartIncidentWorkflowParams{IncidentID: "PINC001", InstanceID: "P3SNKQS"})
			},
			status: 201,
			answer: `{"incident_workflow_instance":{"id":"P3SNKQS","type":"incident_workflow_instance","incident":{"id":"PINC001","type":"incident_reference"}}}`,
			want: wantRequest{method: "POST", path: "/incident_workflows/PWF0001/instances",
				body: `{"incident_workflow_instance":{"id":"P3SNKQS","incident":{"id":"PINC001","type":"incident_reference"}}}`},
			check: func(t *testing.T, got any) {
				if i := got.(*pagerduty.IncidentWorkflowInstance); i.ID != "P3SNKQS" || i.Incident == nil || i.Incident.ID != "PINC001" {
					t.Errorf("instance %+v", i)
				}
			},
		},
		{
			name: "ListActions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentWorkflows.ListActions(ctx, &pagerduty.ListWorkflowActionsOptions{Keyword: "status", CursorOptions: pagerduty.CursorOptions{Limit: 10}}))
			},
			answer: `{"actions":[` + actionJSON + `],"limit":10,"next_cursor":null}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/actions", query: vals("keyword", "status", "limit", "10")},
			check:  checkActionJSON,
		},
		{
			name: "ListActionsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.IncidentWorkflows.ListActionsPage(ctx, &pagerduty.ListWorkflowActionsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "abc"}})
				if err != nil {
					return nil, err
				}
				if p.NextCursor != "def" {
					t.Errorf("next cursor %q", p.NextCursor)
				}
				return p.Items[0], nil
			},
			answer: `{"actions":[` + actionJSON + `],"limit":1,"next_cursor":"def","more":true}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/actions", query: vals("cursor", "abc")},
			check:  checkActionJSON,
		},
		{
			name: "GetActionKeepsColons",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.GetAction(ctx, "pagerduty.com:test:sample-action:1")
			},
			answer: `{"action":` + actionJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/actions/pagerduty.com:test:sample-action:1"},
			check:  checkActionJSON,
		},
		{
			name: "ListTriggers",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentWorkflows.ListTriggers(ctx, &pagerduty.ListWorkflowTriggersOptions{
					WorkflowID: "PWF0001", IncidentID: "PINC001", ServiceID: "PSVC001", TriggerType: pagerduty.ManualTrigger,
					WorkflowNameContains: "war", IsDisabled: &off, SortBy: pagerduty.SortTriggersByWorkflowNameDesc,
					CursorOptions: pagerduty.CursorOptions{Limit: 20}}))
			},
			answer: `{"triggers":[` + triggerJSON + `],"limit":20,"next_cursor":null}`,
			want: wantRequest{method: "GET", path: "/incident_workflows/triggers", query: vals("workflow_id", "PWF0001", "incident_id", "PINC001",
				"service_id", "PSVC001", "trigger_type", "manual", "workflow_name_contains", "war", "is_disabled", "false",
				"sort_by", "workflow_name desc", "limit", "20")},
			check: checkTriggerJSON,
		},
		{
			name: "ListTriggersPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.IncidentWorkflows.ListTriggersPage(ctx, nil)
				if err != nil {
					return nil, err
				}
				return p.Items[0], nil
			},
			answer: `{"triggers":[` + triggerJSON + `],"limit":20,"next_cursor":null}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/triggers"},
			check:  checkTriggerJSON,
		},
		{
			name: "GetTrigger",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.GetTrigger(ctx, "4ad696eb-bb48-422a-8bd0-6efad6befa29")
			},
			answer: `{"trigger":` + triggerJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incident_workflows/triggers/4ad696eb-bb48-422a-8bd0-6efad6befa29"},
			check:  checkTriggerJSON,
		},
		{
			name: "CreateTrigger",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{
					WorkflowID: "PWF0001", TriggerType: pagerduty.ManualTrigger, ServiceIDs: []string{"PSVC001"},
					Permissions: &pagerduty.WorkflowTriggerPermissions{Restricted: true, TeamID: "PTEAM01"}})
			},
			status: 201,
			answer: `{"trigger":` + triggerJSON + `}`,
			want: wantRequest{method: "POST", path: "/incident_workflows/triggers", body: `{"trigger":{"trigger_type":"manual","workflow":{"id":"PWF0001"},
				"services":[{"id":"PSVC001"}],"permissions":{"restricted":true,"team_id":"PTEAM01"},"is_disabled":false}}`},
			check: checkTriggerJSON,
		},
		{
			name: "CreateTriggerForAllServices",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{
					WorkflowID: "PWF0001", TriggerType: pagerduty.IncidentTypeTrigger, IncidentTypes: []string{"security"},
					SubscribeToAllServices: true, Disabled: true})
			},
			status: 201,
			answer: `{"trigger":` + triggerJSON + `}`,
			want: wantRequest{method: "POST", path: "/incident_workflows/triggers", body: `{"trigger":{"trigger_type":"incident_type","workflow":{"id":"PWF0001"},
				"incident_types":["security"],"is_subscribed_to_all_services":true,"is_disabled":true}}`},
			check: checkTriggerJSON,
		},
		{
			name: "UpdateTrigger",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.UpdateTrigger(ctx, "4ad696eb-bb48-422a-8bd0-6efad6befa29", &pagerduty.UpdateWorkflowTriggerParams{
					Condition: &cond, IncidentTypes: []string{}, Disabled: &off})
			},
			answer: `{"trigger":` + triggerJSON + `}`,
			want: wantRequest{method: "PUT", path: "/incident_workflows/triggers/4ad696eb-bb48-422a-8bd0-6efad6befa29",
				body: `{"trigger":{"condition":"incident.urgency matches 'high'","incident_types":[],"is_disabled":false}}`},
			check: checkTriggerJSON,
		},
		{
			name: "DeleteTrigger",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentWorkflows.DeleteTrigger(ctx, "4ad696eb-bb48-422a-8bd0-6efad6befa29")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/incident_workflows/triggers/4ad696eb-bb48-422a-8bd0-6efad6befa29"},
		},
		{
			name: "AddTriggerService",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.AddTriggerService(ctx, "4ad696eb-bb48-422a-8bd0-6efad6befa29", "PSVC001")
			},
			status: 201,
			answer: `{"trigger":` + triggerJSON + `}`,
			want: wantRequest{method: "POST", path: "/incident_workflows/triggers/4ad696eb-bb48-422a-8bd0-6efad6befa29/services",
				body: `{"service":{"id":"PSVC001"}}`},
			check: checkTriggerJSON,
		},
		{
			name: "RemoveTriggerService",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentWorkflows.RemoveTriggerService(ctx, "4ad696eb-bb48-422a-8bd0-6efad6befa29", "PSVC001")
			},
			status: 201,
			answer: `{"trigger":` + triggerJSON + `}`,
			want:   wantRequest{method: "DELETE", path: "/incident_workflows/triggers/4ad696eb-bb48-422a-8bd0-6efad6befa29/services/PSVC001"},
			check:  checkTriggerJSON,
		},
	})
}

func TestIncidentWorkflowsRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"ListBadInclude", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentWorkflows.List(ctx, &pagerduty.ListIncidentWorkflowsOptions{Includes: []pagerduty.IncidentWorkflowInclude{"services"}}))
		}, `"services" is not accepted; use one of steps, team`},
		{"ListPageBadLimit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.ListPage(ctx, &pagerduty.ListIncidentWorkflowsOptions{ListOptions: pagerduty.ListOptions{Limit: 101}})
			return err
		}, "Limit 101 is out of range"},
		{"CreateNoName", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Create(ctx, &pagerduty.IncidentWorkflowParams{})
			return err
		}, "Name is required"},
		{"CreateStepWithoutAction", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Create(ctx, &pagerduty.IncidentWorkflowParams{Name: "W", Steps: []pagerduty.WorkflowStepParams{{Name: "S"}}})
			return err
		}, "Steps[0].ActionID is required"},
		{"CreateInnerStepWithoutName", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Create(ctx, &pagerduty.IncidentWorkflowParams{Name: "W", Steps: []pagerduty.WorkflowStepParams{{Name: "S", ActionID: "a:b:c:1",
				InlineSteps: []pagerduty.WorkflowInlineSteps{{Name: "Steps", Steps: []pagerduty.WorkflowStepParams{{ActionID: "a:b:c:1"}}}}}}})
			return err
		}, "Steps[0].InlineSteps[0].Steps[0].Name is required"},
		{"CreateBadTeam", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Create(ctx, &pagerduty.IncidentWorkflowParams{Name: "W", TeamID: "a b"})
			return err
		}, "TeamID: pagerduty: invalid ID"},
		{"UpdateNothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Update(ctx, "PWF0001", nil)
			return err
		}, "changes nothing"},
		{"StartNoIncident", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.Start(ctx, "PWF0001", &pagerduty.StartIncidentWorkflowParams{})
			return err
		}, "IncidentID is required"},
		{"GetActionWithSlash", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.GetAction(ctx, "pagerduty.com:../../users")
			return err
		}, "character '/' at position 16 is not allowed"},
		{"GetActionEmpty", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.GetAction(ctx, "")
			return err
		}, "the action ID is empty"},
		{"ListActionsBadLimit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentWorkflows.ListActions(ctx, &pagerduty.ListWorkflowActionsOptions{CursorOptions: pagerduty.CursorOptions{Limit: -1}}))
		}, "Limit -1 is out of range"},
		{"ListTriggersBadType", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentWorkflows.ListTriggers(ctx, &pagerduty.ListWorkflowTriggersOptions{TriggerType: "automatic"}))
		}, `TriggerType: "automatic" is not accepted`},
		{"ListTriggersBadSort", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.ListTriggersPage(ctx, &pagerduty.ListWorkflowTriggersOptions{SortBy: "name"})
			return err
		}, `SortBy: "name" is not accepted`},
		{"ListTriggersBadService", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentWorkflows.ListTriggers(ctx, &pagerduty.ListWorkflowTriggersOptions{ServiceID: "x/y"}))
		}, "ServiceID: pagerduty: invalid ID"},
		{"CreateTriggerNoWorkflow", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{TriggerType: pagerduty.ManualTrigger})
			return err
		}, "WorkflowID is required"},
		{"CreateTriggerNoType", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{WorkflowID: "PWF0001"})
			return err
		}, "TriggerType is required"},
		{"CreateConditionalWithoutCondition", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{WorkflowID: "PWF0001", TriggerType: pagerduty.ConditionalTrigger})
			return err
		}, "Condition is required"},
		{"CreateIncidentTypeWithoutTypes", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{WorkflowID: "PWF0001", TriggerType: pagerduty.IncidentTypeTrigger})
			return err
		}, "IncidentTypes is required"},
		{"CreateTriggerBadService", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{WorkflowID: "PWF0001", TriggerType: pagerduty.ManualTrigger, ServiceIDs: []string{""}})
			return err
		}, "ServiceIDs: pagerduty: the ID is empty"},
		{"CreateTriggerBadTeam", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.CreateTrigger(ctx, &pagerduty.CreateWorkflowTriggerParams{WorkflowID: "PWF0001", TriggerType: pagerduty.ManualTrigger,
				Permissions: &pagerduty.WorkflowTriggerPermissions{Restricted: true, TeamID: "?"}})
			return err
		}, "Permissions.TeamID"},
		{"UpdateTriggerWithoutTypes", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.UpdateTrigger(ctx, "T1", &pagerduty.UpdateWorkflowTriggerParams{})
			return err
		}, "IncidentTypes is required"},
		{"AddServiceBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.AddTriggerService(ctx, "T1", "a/b")
			return err
		}, "serviceID: pagerduty: invalid ID"},
		{"RemoveServiceBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentWorkflows.RemoveTriggerService(ctx, "T1", "")
			return err
		}, "{service_id}"},
		{"DeleteTriggerBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.IncidentWorkflows.DeleteTrigger(ctx, "..")
		}, "is not an ID"},
	})
}

// A listing of workflow actions or triggers that starts from a cursor and
// fails says, in its ListError, the cursor it failed at.
func TestWorkflowListingsSayWhereTheyFailed(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query().Get("cursor"); got != "CUR1" {
			t.Errorf("cursor sent = %q, want CUR1", got)
		}
		w.WriteHeader(http.StatusBadRequest)
	})
	ctx := context.Background()
	check := func(name string, err error) {
		t.Helper()
		var le *pagerduty.ListError
		if !errors.As(err, &le) || le.Cursor != "CUR1" {
			t.Errorf("%s: error %v, want a *ListError at cursor CUR1", name, err)
		}
	}
	for _, err := range c.IncidentWorkflows.ListActions(ctx, &pagerduty.ListWorkflowActionsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "CUR1"}}) {
		check("ListActions", err)
		break
	}
	for _, err := range c.IncidentWorkflows.ListTriggers(ctx, &pagerduty.ListWorkflowTriggersOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "CUR1"}}) {
		check("ListTriggers", err)
		break
	}
}
