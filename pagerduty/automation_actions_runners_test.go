package pagerduty_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const aaRunnerJSON = `{"id":"01DACKMP6Q3Y5YG51ENA26CX2I","type":"runner","name":"prod runner","description":"SRE runner",
	"runner_type":"runbook","status":"Configured","creation_time":"2022-10-21T19:42:52.127369Z",
	"last_seen":"2022-10-22T08:00:00Z","runbook_base_uri":"acme.prod",
	"teams":[{"id":"PQ9K7I8","type":"team_reference"}],"privileges":{"permissions":["read","update"]},
	"associated_actions":{"actions":[{"id":"A1","type":"action_reference"}],"more":true},"metadata":{}}`

func aaCheckDecodedRunner(t *testing.T, r *pagerduty.AutomationRunner) {
	t.Helper()
	want := &pagerduty.AutomationRunner{
		ID: "01DACKMP6Q3Y5YG51ENA26CX2I", Type: "runner", Name: "prod runner", Description: "SRE runner",
		RunnerType: pagerduty.RunnerRunbook, Status: pagerduty.RunnerConfigured,
		CreatedAt:         time.Date(2022, 10, 21, 19, 42, 52, 127369000, time.UTC),
		LastSeen:          time.Date(2022, 10, 22, 8, 0, 0, 0, time.UTC),
		RunbookBaseURI:    "acme.prod",
		Teams:             []pagerduty.Reference{{ID: "PQ9K7I8", Type: "team_reference"}},
		Privileges:        &pagerduty.AutomationPrivileges{Permissions: []pagerduty.AutomationPermission{pagerduty.AutomationRead, pagerduty.AutomationUpdate}},
		AssociatedActions: &pagerduty.RunnerActions{Actions: []pagerduty.Reference{{ID: "A1", Type: "action_reference"}}, More: true},
		Metadata:          []byte(`{}`),
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("decoded runner (-want +got):\n%s", diff)
	}
}

func TestAutomationRunnersRequests(t *testing.T) {
	ctx := context.Background()
	const id = "01DACKMP6Q3Y5YG51ENA26CX2I"
	t.Run("CreateRunbook", func(t *testing.T) {
		r := aaDo(t, aaCall{method: "POST", path: "/automation_actions/runners", status: 201,
			body: `{"runner":{"runner_type":"runbook","name":"prod runner","description":"SRE runner",
				"runbook_base_uri":"acme.prod","runbook_api_key":"rb-key","teams":[{"id":"PQ9K7I8","type":"team_reference"}]}}`,
			answer: `{"runner":` + aaRunnerJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationRunner, error) {
			return c.AutomationActions.CreateRunner(ctx, &pagerduty.AutomationRunnerParams{
				RunnerType: pagerduty.RunnerRunbook, Name: "prod runner", Description: "SRE runner",
				RunbookBaseURI: "acme.prod", RunbookAPIKey: "rb-key", TeamIDs: []string{"PQ9K7I8"}})
		})
		aaCheckDecodedRunner(t, r)
	})
	t.Run("CreateSidecar", func(t *testing.T) {
		r := aaDo(t, aaCall{method: "POST", path: "/automation_actions/runners", status: 201,
			body:   `{"runner":{"runner_type":"sidecar","name":"edge","description":"edge runner"}}`,
			answer: `{"runner":{"id":"R2","type":"runner","name":"edge","runner_type":"sidecar","status":"NotConfigured","creation_time":"2022-10-21T19:42:52Z","secret":"s3cr3t"}}`}, func(c *pagerduty.Client) (*pagerduty.AutomationRunner, error) {
			return c.AutomationActions.CreateRunner(ctx, &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerSidecar, Name: "edge", Description: "edge runner"})
		})
		if r.Secret != "s3cr3t" || r.Status != pagerduty.RunnerNotConfigured {
			t.Errorf("runner = %+v, want its registration secret and status", r)
		}
	})
	t.Run("Get", func(t *testing.T) {
		r := aaDo(t, aaCall{method: "GET", path: "/automation_actions/runners/" + id, answer: `{"runner":` + aaRunnerJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationRunner, error) {
			return c.AutomationActions.GetRunner(ctx, id)
		})
		aaCheckDecodedRunner(t, r)
	})
	t.Run("Update", func(t *testing.T) {
		r := aaDo(t, aaCall{method: "PUT", path: "/automation_actions/runners/" + id,
			body: `{"runner":{"description":"new","runbook_api_key":"k2"}}`, answer: `{"runner":` + aaRunnerJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationRunner, error) {
			return c.AutomationActions.UpdateRunner(ctx, id, &pagerduty.AutomationRunnerUpdate{Description: pointerTo("new"), RunbookAPIKey: "k2"})
		})
		aaCheckDecodedRunner(t, r)
	})
	t.Run("Delete", func(t *testing.T) {
		aaDo(t, aaCall{method: "DELETE", path: "/automation_actions/runners/" + id, status: 204}, func(c *pagerduty.Client) (any, error) {
			return nil, c.AutomationActions.DeleteRunner(ctx, id)
		})
	})
	t.Run("ListPage", func(t *testing.T) {
		p := aaDo(t, aaCall{method: "GET", path: "/automation_actions/runners",
			query:  url.Values{"limit": {"5"}, "name": {"prod"}, "include[]": {"associated_actions"}},
			answer: `{"runners":[` + aaRunnerJSON + `],"limit":5,"next_cursor":null}`}, func(c *pagerduty.Client) (*pagerduty.Page[pagerduty.AutomationRunner], error) {
			return c.AutomationActions.ListRunnersPage(ctx, &pagerduty.ListAutomationRunnersOptions{
				CursorOptions: pagerduty.CursorOptions{Limit: 5}, Name: "prod", Includes: []pagerduty.RunnerInclude{pagerduty.IncludeRunnerAssociatedActions}})
		})
		if len(p.Items) != 1 || p.NextCursor != "" || p.Limit != 5 {
			t.Fatalf("page = %+v", p)
		}
		aaCheckDecodedRunner(t, &p.Items[0])
	})
	t.Run("List", func(t *testing.T) {
		c, rec := aaServe(t, aaCall{method: "GET", path: "/automation_actions/runners",
			query: url.Values{"cursor": {"start"}, "name": {"prod"}}, answer: `{"runners":[` + aaRunnerJSON + `],"limit":25,"next_cursor":null}`})
		n := 0
		for r, err := range c.AutomationActions.ListRunners(ctx, &pagerduty.ListAutomationRunnersOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "start"}, Name: "prod"}) {
			if err != nil {
				t.Fatal(err)
			}
			aaCheckDecodedRunner(t, &r)
			n++
		}
		if n != 1 {
			t.Errorf("%d runners, want 1", n)
		}
		aaOneRequest(t, rec)
	})
}

func TestAutomationRunnersValidation(t *testing.T) {
	ctx := context.Background()
	c := aaNoRequest(t)
	for _, tc := range []struct {
		name  string
		p     *pagerduty.AutomationRunnerParams
		words []string
	}{
		{"nil", nil, []string{"required"}},
		{"no type", &pagerduty.AutomationRunnerParams{Name: "n", Description: "d"}, []string{"RunnerType is required", "sidecar", "runbook"}},
		{"bad type", &pagerduty.AutomationRunnerParams{RunnerType: "lambda", Name: "n", Description: "d"}, []string{`"lambda"`}},
		{"no name", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerSidecar, Description: "d"}, []string{"Name is required"}},
		{"no description", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerSidecar, Name: "n"}, []string{"Description is required"}},
		{"runbook without URI", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerRunbook, Name: "n", Description: "d", RunbookAPIKey: "k"}, []string{"RunbookBaseURI"}},
		{"runbook without key", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerRunbook, Name: "n", Description: "d", RunbookBaseURI: "u"}, []string{"RunbookAPIKey"}},
		{"sidecar with a key", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerSidecar, Name: "n", Description: "d", RunbookAPIKey: "hunter2"}, []string{"runbook runners"}},
		{"bad team", &pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerSidecar, Name: "n", Description: "d", TeamIDs: []string{""}}, []string{"TeamIDs"}},
	} {
		_, err := c.AutomationActions.CreateRunner(ctx, tc.p)
		aaWantErr(t, "CreateRunner, "+tc.name, err, tc.words...)
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("CreateRunner, %s: the error %q shows the API key", tc.name, err)
		}
	}
	_, err := c.AutomationActions.UpdateRunner(ctx, "R1", &pagerduty.AutomationRunnerUpdate{})
	aaWantErr(t, "empty UpdateRunner", err, "at least one field")
	_, err = c.AutomationActions.ListRunnersPage(ctx, &pagerduty.ListAutomationRunnersOptions{Includes: []pagerduty.RunnerInclude{"teams"}})
	aaWantErr(t, "ListRunnersPage with a bad include", err, "Includes", "associated_actions")

	p := pagerduty.AutomationRunnerParams{RunnerType: pagerduty.RunnerRunbook, Name: "n", RunbookAPIKey: "hunter2"}
	u := pagerduty.AutomationRunnerUpdate{RunbookAPIKey: "hunter2"}
	for _, s := range []string{fmt.Sprint(p), fmt.Sprintf("%v", &p), fmt.Sprint(u)} {
		if strings.Contains(s, "hunter2") {
			t.Errorf("printing params shows the API key: %s", s)
		}
	}
}

func TestAutomationAssociationsRequests(t *testing.T) {
	ctx := context.Background()
	const action, runner = "A1", "R1"
	svc := `{"id":"PRDRWUJ","type":"service_reference","summary":"Web"}`
	team := `{"id":"PQ9K7I8","type":"team_reference"}`
	runAACases(t, []aaCase{
		{"ListServices", aaCall{method: "GET", path: "/automation_actions/actions/A1/services", answer: `{"services":[` + svc + `]}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.ListServices(ctx, action) },
			[]pagerduty.Reference{{ID: "PRDRWUJ", Type: "service_reference", Summary: "Web"}}},
		{"AddService", aaCall{method: "POST", path: "/automation_actions/actions/A1/services", status: 201,
			body: `{"service":{"id":"PRDRWUJ","type":"service_reference"}}`, answer: `{"service":` + svc + `}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.AddService(ctx, action, "PRDRWUJ") },
			&pagerduty.Reference{ID: "PRDRWUJ", Type: "service_reference", Summary: "Web"}},
		{"GetService", aaCall{method: "GET", path: "/automation_actions/actions/A1/services/PRDRWUJ", answer: `{"service":` + svc + `}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.GetService(ctx, action, "PRDRWUJ") },
			&pagerduty.Reference{ID: "PRDRWUJ", Type: "service_reference", Summary: "Web"}},
		{"RemoveService", aaCall{method: "DELETE", path: "/automation_actions/actions/A1/services/PRDRWUJ", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.AutomationActions.RemoveService(ctx, action, "PRDRWUJ")
			}, nil},
		{"ListTeams", aaCall{method: "GET", path: "/automation_actions/actions/A1/teams", answer: `{"teams":[` + team + `]}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.ListTeams(ctx, action) },
			[]pagerduty.Reference{{ID: "PQ9K7I8", Type: "team_reference"}}},
		{"AddTeam", aaCall{method: "POST", path: "/automation_actions/actions/A1/teams", status: 201,
			body: `{"team":{"id":"PQ9K7I8","type":"team_reference"}}`, answer: `{"team":` + team + `}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.AddTeam(ctx, action, "PQ9K7I8") },
			&pagerduty.Reference{ID: "PQ9K7I8", Type: "team_reference"}},
		{"GetTeam", aaCall{method: "GET", path: "/automation_actions/actions/A1/teams/PQ9K7I8", answer: `{"team":` + team + `}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.GetTeam(ctx, action, "PQ9K7I8") },
			&pagerduty.Reference{ID: "PQ9K7I8", Type: "team_reference"}},
		{"RemoveTeam", aaCall{method: "DELETE", path: "/automation_actions/actions/A1/teams/PQ9K7I8", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.AutomationActions.RemoveTeam(ctx, action, "PQ9K7I8")
			}, nil},
		{"ListRunnerTeams", aaCall{method: "GET", path: "/automation_actions/runners/R1/teams", answer: `{"teams":[` + team + `]}`},
			func(c *pagerduty.Client) (any, error) { return c.AutomationActions.ListRunnerTeams(ctx, runner) },
			[]pagerduty.Reference{{ID: "PQ9K7I8", Type: "team_reference"}}},
		{"AddRunnerTeam", aaCall{method: "POST", path: "/automation_actions/runners/R1/teams", status: 201,
			body: `{"team":{"id":"PQ9K7I8","type":"team_reference"}}`, answer: `{"team":` + team + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.AutomationActions.AddRunnerTeam(ctx, runner, "PQ9K7I8")
			},
			&pagerduty.Reference{ID: "PQ9K7I8", Type: "team_reference"}},
		{"GetRunnerTeam", aaCall{method: "GET", path: "/automation_actions/runners/R1/teams/PQ9K7I8", answer: `{"team":` + team + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.AutomationActions.GetRunnerTeam(ctx, runner, "PQ9K7I8")
			},
			&pagerduty.Reference{ID: "PQ9K7I8", Type: "team_reference"}},
		{"RemoveRunnerTeam", aaCall{method: "DELETE", path: "/automation_actions/runners/R1/teams/PQ9K7I8", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.AutomationActions.RemoveRunnerTeam(ctx, runner, "PQ9K7I8")
			}, nil},
	})

	c := aaNoRequest(t)
	_, err := c.AutomationActions.AddService(ctx, action, "a/b")
	aaWantErr(t, "AddService with a bad ID", err, "service ID", "invalid ID")
	_, err = c.AutomationActions.AddRunnerTeam(ctx, "../r", "PQ9K7I8")
	aaWantErr(t, "AddRunnerTeam on a bad runner", err, "{id}")
	aaWantErr(t, "RemoveTeam", c.AutomationActions.RemoveTeam(ctx, action, ""), "empty")

	// An answer without the object is an error, not a nil reference.
	c2, _ := aaServe(t, aaCall{method: "GET", path: "/automation_actions/actions/A1/teams/PQ9K7I8", answer: `{}`})
	_, err = c2.AutomationActions.GetTeam(ctx, action, "PQ9K7I8")
	aaWantErr(t, "GetTeam of an empty answer", err, "no team")
}

const aaInvocationJSON = `{"id":"01DBYD4A25RCXAXQDC9ZX0678V","type":"invocation","action_id":"A1",
	"action_snapshot":{"name":"Restart","action_type":"process_automation",
		"action_data_reference":{"process_automation_job_id":"79c1","process_automation_job_arguments":"-x","process_automation_node_filter":"web*"}},
	"duration":5,"metadata":{"agent":{"id":"PUSER01","type":"user_reference"},"incident":{"id":"Q2LAR4ADCXC8IB","type":"incident_reference"}},
	"runner_id":"R1","state":"completed",
	"timing":[{"timestamp":"2022-11-08T06:30:05Z","state":"created"},{"creation_timestamp":"2022-11-08T06:30:10Z","state":"completed"}]}`

func aaCheckDecodedInvocation(t *testing.T, inv *pagerduty.AutomationInvocation) {
	t.Helper()
	want := &pagerduty.AutomationInvocation{
		ID: "01DBYD4A25RCXAXQDC9ZX0678V", Type: "invocation", ActionID: "A1", RunnerID: "R1",
		ActionSnapshot: pagerduty.ActionSnapshot{Name: "Restart", ActionType: pagerduty.ActionTypeProcessAutomation,
			DataReference: pagerduty.ActionDataReference{ProcessAutomationJobID: "79c1", ProcessAutomationJobArguments: "-x", ProcessAutomationNodeFilter: "web*"}},
		State: pagerduty.InvocationCompleted, Duration: 5,
		Timing: []pagerduty.InvocationTiming{
			{Timestamp: time.Date(2022, 11, 8, 6, 30, 5, 0, time.UTC), State: pagerduty.InvocationCreated},
			{Timestamp: time.Date(2022, 11, 8, 6, 30, 10, 0, time.UTC), State: pagerduty.InvocationCompleted},
		},
		Metadata: pagerduty.InvocationMetadata{
			Agent:    &pagerduty.Reference{ID: "PUSER01", Type: "user_reference"},
			Incident: &pagerduty.Reference{ID: "Q2LAR4ADCXC8IB", Type: "incident_reference"},
		},
	}
	if diff := cmp.Diff(want, inv); diff != "" {
		t.Errorf("decoded invocation (-want +got):\n%s", diff)
	}
}

func TestAutomationInvocationsRequests(t *testing.T) {
	ctx := context.Background()
	t.Run("Invoke", func(t *testing.T) {
		inv := aaDo(t, aaCall{method: "POST", path: "/automation_actions/actions/A1/invocations", status: 201,
			body:   `{"invocation":{"metadata":{"incident_id":"Q2LAR4ADCXC8IB","alert_id":"ALERT1"}}}`,
			answer: `{"invocation":` + aaInvocationJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationInvocation, error) {
			return c.AutomationActions.Invoke(ctx, "A1", &pagerduty.InvokeParams{IncidentID: "Q2LAR4ADCXC8IB", AlertID: "ALERT1"})
		})
		aaCheckDecodedInvocation(t, inv)
	})
	t.Run("GetInvocation", func(t *testing.T) {
		inv := aaDo(t, aaCall{method: "GET", path: "/automation_actions/invocations/01DBYD4A25RCXAXQDC9ZX0678V", answer: `{"invocation":` + aaInvocationJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationInvocation, error) {
			return c.AutomationActions.GetInvocation(ctx, "01DBYD4A25RCXAXQDC9ZX0678V")
		})
		aaCheckDecodedInvocation(t, inv)
	})
	t.Run("ListInvocations", func(t *testing.T) {
		list := aaDo(t, aaCall{method: "GET", path: "/automation_actions/invocations",
			query:  url.Values{"invocation_state": {"running"}, "not_invocation_state": {"error"}, "incident_id": {"Q2LAR4ADCXC8IB"}, "action_id": {"A1"}},
			answer: `{"invocations":[` + aaInvocationJSON + `]}`}, func(c *pagerduty.Client) ([]pagerduty.AutomationInvocation, error) {
			return c.AutomationActions.ListInvocations(ctx, &pagerduty.ListInvocationsOptions{
				State: pagerduty.InvocationRunning, NotState: pagerduty.InvocationError, IncidentID: "Q2LAR4ADCXC8IB", ActionID: "A1"})
		})
		if len(list) != 1 {
			t.Fatalf("%d invocations, want 1", len(list))
		}
		aaCheckDecodedInvocation(t, &list[0])
	})

	c := aaNoRequest(t)
	_, err := c.AutomationActions.Invoke(ctx, "A1", nil)
	aaWantErr(t, "Invoke(nil)", err, "IncidentID is required")
	_, err = c.AutomationActions.Invoke(ctx, "A1", &pagerduty.InvokeParams{IncidentID: "Q1", AlertID: "a b"})
	aaWantErr(t, "Invoke with a bad alert", err, "AlertID")
	_, err = c.AutomationActions.ListInvocations(ctx, &pagerduty.ListInvocationsOptions{State: "done"})
	aaWantErr(t, "ListInvocations with a bad state", err, "State", `"done"`, "completed")
	_, err = c.AutomationActions.ListInvocations(ctx, &pagerduty.ListInvocationsOptions{ActionID: "a/b"})
	aaWantErr(t, "ListInvocations with a bad action", err, "ActionID")
}
