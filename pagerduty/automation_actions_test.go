package pagerduty_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

// aaCall is one request a method must send, and the answer it gets.
type aaCall struct {
	method, path string
	query        url.Values // nil: no query
	body         string     // the JSON body, compared as a value; "" for none
	from         string     // the From header; "" for none
	status       int        // 0 means 200
	answer       string     // JSON answer; "" for no body
}

// aaServe returns a client whose server checks that the one request it
// receives is want, and answers as want says.
func aaServe(t *testing.T, want aaCall) (*pagerduty.Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		got := rec.record(r)
		if got.Method != want.method || got.Path != want.path {
			t.Errorf("request %s %s, want %s %s", got.Method, got.Path, want.method, want.path)
		}
		wantQ := want.query
		if wantQ == nil {
			wantQ = url.Values{}
		}
		if diff := cmp.Diff(wantQ, got.Query); diff != "" {
			t.Errorf("%s %s query (-want +got):\n%s", got.Method, got.Path, diff)
		}
		aaCheckBody(t, got, want.body)
		if f := got.Header.Get("From"); f != want.from {
			t.Errorf("From header %q, want %q", f, want.from)
		}
		status := want.status
		if status == 0 {
			status = http.StatusOK
		}
		if want.answer == "" {
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(want.answer))
	})
	return c, rec
}

// aaDo serves want, runs call against that server and returns what call
// returned. It fails the test unless call succeeded and sent exactly the
// one request of want.
func aaDo[T any](t *testing.T, want aaCall, call func(c *pagerduty.Client) (T, error)) T {
	t.Helper()
	c, rec := aaServe(t, want)
	got, err := call(c)
	if err != nil {
		t.Fatal(err)
	}
	aaOneRequest(t, rec)
	return got
}

// aaCase is a call of one method: the request it must send, the answer it
// gets, and what it must return (nil: not compared).
type aaCase struct {
	name string
	call aaCall
	run  func(c *pagerduty.Client) (any, error)
	want any
}

// runAACases runs every case against a server of its own (see aaDo).
func runAACases(t *testing.T, cases []aaCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := aaDo(t, tc.call, tc.run)
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("answer (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func aaCheckBody(t *testing.T, got seenRequest, want string) {
	t.Helper()
	if want == "" {
		if len(got.Body) != 0 {
			t.Errorf("%s %s sent a body %s, want none", got.Method, got.Path, got.Body)
		}
		return
	}
	var g, w any
	if err := json.Unmarshal(got.Body, &g); err != nil {
		t.Fatalf("%s %s body %q is not JSON: %v", got.Method, got.Path, got.Body, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("the test's body is not JSON: %v", err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("%s %s body (-want +got):\n%s", got.Method, got.Path, diff)
	}
}

// aaOneRequest fails unless exactly one request reached the server.
func aaOneRequest(t *testing.T, rec *recorder) {
	t.Helper()
	if n := len(rec.all()); n != 1 {
		t.Errorf("the server received %d requests, want 1", n)
	}
}

// aaNoRequest returns a client whose server fails the test on any request.
func aaNoRequest(t *testing.T) *pagerduty.Client {
	t.Helper()
	return newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a request was sent: %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusTeapot)
	})
}

// aaWantErr fails unless err is set and mentions every one of words.
func aaWantErr(t *testing.T, what string, err error, words ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: error %q does not mention %q", what, err, w)
		}
	}
}

const aaActionJSON = `{"id":"01DA2MLYN0J5EFC1LKWXUKDDKT","type":"action","name":"Restart apache",
	"description":"Restarts apache","action_type":"script","action_classification":"remediation",
	"runner":"01DACKMP6Q3Y5YG51ENA26CX2I","runner_type":"sidecar",
	"action_data_reference":{"script":"systemctl restart apache2","invocation_command":"/bin/sh"},
	"services":[{"id":"PRDRWUJ","type":"service_reference"}],"teams":[{"id":"PQ9K7I8","type":"team_reference"}],
	"privileges":{"permissions":["read","invoke"]},"metadata":{"k":"v"},
	"creation_time":"2022-11-08T14:54:02.267989Z","modify_time":"2022-11-09T10:00:00Z",
	"last_run":"2022-11-10T08:00:00Z","last_run_by":{"id":"PUSER01","type":"user_reference"},
	"only_invocable_on_unresolved_incidents":true,"allow_invocation_manually":true,
	"allow_invocation_from_event_orchestration":false,"map_to_all_services":false}`

func aaCheckDecodedAction(t *testing.T, a *pagerduty.AutomationAction) {
	t.Helper()
	want := &pagerduty.AutomationAction{
		ID: "01DA2MLYN0J5EFC1LKWXUKDDKT", Type: "action", Name: "Restart apache", Description: "Restarts apache",
		ActionType: pagerduty.ActionTypeScript, Classification: pagerduty.ActionRemediation,
		Runner: "01DACKMP6Q3Y5YG51ENA26CX2I", RunnerType: pagerduty.RunnerSidecar,
		DataReference:                      pagerduty.ActionDataReference{Script: "systemctl restart apache2", InvocationCommand: "/bin/sh"},
		Services:                           []pagerduty.Reference{{ID: "PRDRWUJ", Type: "service_reference"}},
		Teams:                              []pagerduty.Reference{{ID: "PQ9K7I8", Type: "team_reference"}},
		Privileges:                         &pagerduty.AutomationPrivileges{Permissions: []pagerduty.AutomationPermission{pagerduty.AutomationRead, pagerduty.AutomationInvoke}},
		Metadata:                           json.RawMessage(`{"k":"v"}`),
		CreatedAt:                          time.Date(2022, 11, 8, 14, 54, 2, 267989000, time.UTC),
		UpdatedAt:                          time.Date(2022, 11, 9, 10, 0, 0, 0, time.UTC),
		LastRun:                            time.Date(2022, 11, 10, 8, 0, 0, 0, time.UTC),
		LastRunBy:                          &pagerduty.Reference{ID: "PUSER01", Type: "user_reference"},
		OnlyInvocableOnUnresolvedIncidents: true, AllowInvocationManually: true,
	}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("decoded action (-want +got):\n%s", diff)
	}
}

func TestAutomationActionsRequests(t *testing.T) {
	ctx := context.Background()
	const id = "01DA2MLYN0J5EFC1LKWXUKDDKT"
	t.Run("Create", func(t *testing.T) {
		a := aaDo(t, aaCall{method: "POST", path: "/automation_actions/actions", status: 201,
			body: `{"action":{"name":"Restart apache","description":"Restarts apache","action_type":"script",
				"action_classification":"remediation","runner":"01DACKMP6Q3Y5YG51ENA26CX2I",
				"action_data_reference":{"script":"systemctl restart apache2","invocation_command":"/bin/sh"},
				"services":[{"id":"PRDRWUJ","type":"service_reference"}],"teams":[{"id":"PQ9K7I8","type":"team_reference"}],
				"only_invocable_on_unresolved_incidents":true,"allow_invocation_from_event_orchestration":false}}`,
			answer: `{"action":` + aaActionJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationAction, error) {
			return c.AutomationActions.Create(ctx, &pagerduty.AutomationActionParams{
				Name: "Restart apache", Description: "Restarts apache", ActionType: pagerduty.ActionTypeScript,
				Classification: pagerduty.ActionRemediation, RunnerID: "01DACKMP6Q3Y5YG51ENA26CX2I",
				DataReference: pagerduty.ActionDataReference{Script: "systemctl restart apache2", InvocationCommand: "/bin/sh"},
				ServiceIDs:    []string{"PRDRWUJ"}, TeamIDs: []string{"PQ9K7I8"},
				OnlyInvocableOnUnresolvedIncidents:    pointerTo(true),
				AllowInvocationFromEventOrchestration: pointerTo(false),
			})
		})
		aaCheckDecodedAction(t, a)
	})
	t.Run("CreateProcessAutomation", func(t *testing.T) {
		aaDo(t, aaCall{method: "POST", path: "/automation_actions/actions", status: 201,
			body: `{"action":{"name":"Rotate logs","description":"Rotates logs","action_type":"process_automation",
				"action_data_reference":{"process_automation_job_id":"79c199bb","process_automation_node_filter":"web*"}}}`,
			answer: `{"action":` + aaActionJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationAction, error) {
			return c.AutomationActions.Create(ctx, &pagerduty.AutomationActionParams{
				Name: "Rotate logs", Description: "Rotates logs", ActionType: pagerduty.ActionTypeProcessAutomation,
				DataReference: pagerduty.ActionDataReference{ProcessAutomationJobID: "79c199bb", ProcessAutomationNodeFilter: "web*"},
			})
		})
	})
	t.Run("Get", func(t *testing.T) {
		a := aaDo(t, aaCall{method: "GET", path: "/automation_actions/actions/" + id, answer: `{"action":` + aaActionJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationAction, error) {
			return c.AutomationActions.Get(ctx, id)
		})
		aaCheckDecodedAction(t, a)
	})
	t.Run("Update", func(t *testing.T) {
		a := aaDo(t, aaCall{method: "PUT", path: "/automation_actions/actions/" + id,
			body:   `{"action":{"action_type":"script","description":"","map_to_all_services":false}}`,
			answer: `{"action":` + aaActionJSON + `}`}, func(c *pagerduty.Client) (*pagerduty.AutomationAction, error) {
			return c.AutomationActions.Update(ctx, id, &pagerduty.AutomationActionUpdate{
				ActionType: pagerduty.ActionTypeScript, Description: pointerTo(""), MapToAllServices: pointerTo(false)})
		})
		aaCheckDecodedAction(t, a)
	})
	t.Run("Delete", func(t *testing.T) {
		aaDo(t, aaCall{method: "DELETE", path: "/automation_actions/actions/" + id, status: 204}, func(c *pagerduty.Client) (any, error) {
			return nil, c.AutomationActions.Delete(ctx, id)
		})
	})
	t.Run("ListPage", func(t *testing.T) {
		p := aaDo(t, aaCall{method: "GET", path: "/automation_actions/actions",
			query: url.Values{"limit": {"10"}, "cursor": {"abc"}, "name": {"Restart apache"}, "runner_id": {"R1"},
				"team_id": {"PQ9K7I8"}, "service_id": {"PRDRWUJ"}, "classification": {"diagnostic"}, "action_type": {"script"}},
			answer: `{"actions":[` + aaActionJSON + `],"limit":10,"next_cursor":"def","privileges":{"permissions":["create"]}}`}, func(c *pagerduty.Client) (*pagerduty.Page[pagerduty.AutomationAction], error) {
			return c.AutomationActions.ListPage(ctx, &pagerduty.ListAutomationActionsOptions{
				CursorOptions: pagerduty.CursorOptions{Limit: 10, Cursor: "abc"}, Name: "Restart apache", RunnerID: "R1",
				TeamID: "PQ9K7I8", ServiceID: "PRDRWUJ", Classification: pagerduty.ActionDiagnostic, ActionType: pagerduty.ActionTypeScript})
		})
		if len(p.Items) != 1 || p.Limit != 10 || p.NextCursor != "def" {
			t.Fatalf("page = %+v", p)
		}
		aaCheckDecodedAction(t, &p.Items[0])
	})
}

// The action listing follows next_cursor until it is null, with the filters
// on every page.
func TestAutomationActionsListFollowsTheCursor(t *testing.T) {
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		got := rec.record(r)
		if got.Query.Get("team_id") != "PQ9K7I8" || got.Query.Get("limit") != "1" {
			t.Errorf("query %v lost its filters", got.Query)
		}
		switch got.Query.Get("cursor") {
		case "":
			writeJSON(w, 200, map[string]any{"actions": []map[string]any{{"id": "A1", "name": "one"}}, "limit": 1, "next_cursor": "c2"})
		case "c2":
			writeJSON(w, 200, map[string]any{"actions": []map[string]any{{"id": "A2", "name": "two"}}, "limit": 1, "next_cursor": nil})
		default:
			t.Errorf("unexpected cursor %q", got.Query.Get("cursor"))
		}
	})
	var ids []string
	for a, err := range c.AutomationActions.List(context.Background(), &pagerduty.ListAutomationActionsOptions{
		CursorOptions: pagerduty.CursorOptions{Limit: 1}, TeamID: "PQ9K7I8"}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{"A1", "A2"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if n := len(rec.all()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestAutomationActionsValidation(t *testing.T) {
	ctx := context.Background()
	c := aaNoRequest(t)
	script := pagerduty.ActionDataReference{Script: "echo hi"}
	valid := func() *pagerduty.AutomationActionParams {
		return &pagerduty.AutomationActionParams{Name: "n", Description: "d", ActionType: pagerduty.ActionTypeScript, DataReference: script}
	}
	for _, tc := range []struct {
		name  string
		edit  func(p *pagerduty.AutomationActionParams)
		words []string
	}{
		{"no name", func(p *pagerduty.AutomationActionParams) { p.Name = "" }, []string{"Name is required"}},
		{"no description", func(p *pagerduty.AutomationActionParams) { p.Description = "" }, []string{"Description is required"}},
		{"no type", func(p *pagerduty.AutomationActionParams) { p.ActionType = "" }, []string{"ActionType is required", "script", "process_automation"}},
		{"bad type", func(p *pagerduty.AutomationActionParams) { p.ActionType = "shell" }, []string{`"shell"`, "script, process_automation"}},
		{"bad classification", func(p *pagerduty.AutomationActionParams) { p.Classification = "fix" }, []string{"Classification", "diagnostic, remediation"}},
		{"no script", func(p *pagerduty.AutomationActionParams) { p.DataReference = pagerduty.ActionDataReference{} }, []string{"DataReference.Script"}},
		{"job on a script", func(p *pagerduty.AutomationActionParams) { p.DataReference.ProcessAutomationJobID = "J" }, []string{"script action"}},
		{"no job", func(p *pagerduty.AutomationActionParams) { p.ActionType = pagerduty.ActionTypeProcessAutomation }, []string{"process_automation action takes"}},
		{"bad team", func(p *pagerduty.AutomationActionParams) { p.TeamIDs = []string{"a/b"} }, []string{"TeamIDs"}},
		{"bad runner", func(p *pagerduty.AutomationActionParams) { p.RunnerID = "../x" }, []string{"RunnerID"}},
	} {
		p := valid()
		tc.edit(p)
		_, err := c.AutomationActions.Create(ctx, p)
		aaWantErr(t, "Create, "+tc.name, err, tc.words...)
	}
	_, err := c.AutomationActions.Create(ctx, nil)
	aaWantErr(t, "Create(nil)", err, "required")

	_, err = c.AutomationActions.Update(ctx, "A1", &pagerduty.AutomationActionUpdate{Name: "x"})
	aaWantErr(t, "Update without ActionType", err, "ActionType is required")
	_, err = c.AutomationActions.Update(ctx, "A1", &pagerduty.AutomationActionUpdate{ActionType: pagerduty.ActionTypeScript})
	aaWantErr(t, "empty Update", err, "at least one field")
	_, err = c.AutomationActions.Update(ctx, "A1", &pagerduty.AutomationActionUpdate{ActionType: pagerduty.ActionTypeProcessAutomation, DataReference: &script})
	aaWantErr(t, "Update with the wrong data", err, "process_automation")
	_, err = c.AutomationActions.Update(ctx, "a/b", &pagerduty.AutomationActionUpdate{ActionType: pagerduty.ActionTypeScript, Name: "x"})
	aaWantErr(t, "Update of a bad ID", err, "invalid ID")
	_, err = c.AutomationActions.Get(ctx, "")
	aaWantErr(t, "Get('')", err, "empty")
	aaWantErr(t, "Delete('..')", c.AutomationActions.Delete(ctx, ".."), "not an ID")

	for name, o := range map[string]*pagerduty.ListAutomationActionsOptions{
		"Limit":          {CursorOptions: pagerduty.CursorOptions{Limit: 101}},
		"ServiceID":      {ServiceID: "a b"},
		"Classification": {Classification: "other"},
		"ActionType":     {ActionType: "other"},
	} {
		_, err := c.AutomationActions.ListPage(ctx, o)
		aaWantErr(t, "ListPage with a bad "+name, err, name)
		for _, err := range c.AutomationActions.List(ctx, o) {
			aaWantErr(t, "List with a bad "+name, err, name)
		}
	}
}

func TestAutomationActionsAPIErrors(t *testing.T) {
	c, _ := aaServe(t, aaCall{method: "GET", path: "/automation_actions/actions/A404", status: 404,
		answer: `{"error":{"message":"Not Found","code":2100}}`})
	_, err := c.AutomationActions.Get(context.Background(), "A404")
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Fatalf("Get = %v, want an *APIError with status 404", err)
	}
}
