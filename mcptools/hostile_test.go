package mcptools

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// TestHostileArguments checks that arguments a model (or an attacker) may
// send are tool errors that say what is wrong, and that none of them
// reaches PagerDuty (but as the text of a name lookup).
func TestHostileArguments(t *testing.T) {
	e := newEnv(t, envConfig{})
	cases := []struct {
		name string
		tool string
		args map[string]any
		want string // in the message
	}{
		{"path traversal ID", "get_incident", map[string]any{"incident": "../users"}, "PABC123"},
		{"slash in ID", "get_incident", map[string]any{"incident": "PABC/../../users"}, "not an incident"},
		{"query in ID", "get_incident", map[string]any{"incident": "P1?x=y"}, "not an incident"},
		{"zero number", "get_incident", map[string]any{"incident": "#0"}, "start at 1"},
		{"negative number", "get_incident", map[string]any{"incident": "INC--5"}, "not an incident"},
		{"missing required", "get_incident", map[string]any{}, "incident"},
		{"unknown field", "list_incidents", map[string]any{"status": "triggered"}, "status"},
		{"unknown field on empty input", "get_current_user", map[string]any{"x": 1}, "x"},
		{"wrong type", "list_incidents", map[string]any{"limit": "ten"}, "limit"},
		{"wrong item type", "list_incidents", map[string]any{"statuses": []any{1}}, "statuses"},
		{"negative limit", "list_incidents", map[string]any{"limit": -1}, "limit"},
		{"limit too big", "list_incidents", map[string]any{"limit": 1000}, "limit"},
		{"unknown status", "list_incidents", map[string]any{"statuses": []string{"open"}}, "statuses"},
		{"bad date", "list_incidents", map[string]any{"since": "yesterday"}, "RFC 3339"},
		{"bad until", "list_incidents", map[string]any{"until": "2026-13-45"}, "until"},
		{"until before since", "list_incidents", map[string]any{"since": "2026-11-20", "until": "2026-11-10"}, "after since"},
		{"window too wide", "list_incidents", map[string]any{"since": "2025-01-01", "until": "2026-01-01"}, "6 months"},
		{"traversal as a name", "get_service", map[string]any{"service": "../../x"}, "no service is named"},
		{"traversal as a user", "get_user", map[string]any{"user": "../users/PABC123"}, "no user is named"},
		{"bad cursor", "list_incidents", map[string]any{"cursor": "%%%"}, "cursor"},
		{"huge string", "list_incidents", map[string]any{"service": strings.Repeat("A", 5000)}, "service"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e.pd.ResetRequests()
			msg := e.fails(t, tc.tool, tc.args)
			t.Log(msg)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not mention %q", msg, tc.want)
			}
			// A name is looked up with the API's query parameter, where it
			// is only text; nothing else may be sent.
			for _, r := range e.pd.Requests() {
				if r.Method != "GET" || (r.Path != "/services" && r.Path != "/users") {
					t.Errorf("the bad argument sent %s %s?%s", r.Method, r.Path, r.Query)
				}
			}
		})
	}
}

// TestNullArguments checks that "arguments": null is taken as no arguments.
func TestNullArguments(t *testing.T) {
	e := newEnv(t, envConfig{})
	var got IncidentList
	e.ok(t, "list_incidents", nil, &got)
	e.fails(t, "get_incident", nil)
}

// TestWholeNumberAsFloat checks that 2.0 is accepted where an integer is
// expected, as JSON does not tell them apart, and 2.5 is not.
func TestWholeNumberAsFloat(t *testing.T) {
	e := newEnv(t, envConfig{})
	res, err := e.session.CallTool(t.Context(), &mcp.CallToolParams{Name: "list_incidents",
		Arguments: json.RawMessage(`{"limit": 2.0, "statuses": ["resolved"]}`)})
	if err != nil || res.IsError {
		t.Fatalf("limit 2.0: %v %s", err, text(res))
	}
	if n := strings.Count(text(res), "\n#"); n != 2 {
		t.Errorf("limit 2.0 gave %d incidents:\n%s", n, text(res))
	}
	if msg := e.fails(t, "list_incidents", map[string]any{"limit": 2.5}); !strings.Contains(msg, "whole number") {
		t.Errorf("limit 2.5: %s", msg)
	}
}

// TestAPIErrorsGiveNextStep checks that PagerDuty's refusals become tool
// errors with the API's status and a hint of what to do.
func TestAPIErrorsGiveNextStep(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		want   []string
	}{
		{"unauthorized", 401, []string{"401", "token"}},
		{"forbidden", 403, []string{"403", "scope"}},
		{"rate limited", 429, []string{"429", "wait 7s"}},
		{"server error", 500, []string{"500", "try again"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, envConfig{pdOpts: []pdtest.Option{pdtest.WithFaults(pdtest.Faults{
				Errors: []pdtest.ErrorFault{{Status: tc.status, Every: 1, RetryAfter: 7}}})}})
			msg := e.fails(t, "list_incidents", nil)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, pdtest.DefaultToken) {
				t.Errorf("error %q shows the token", msg)
			}
		})
	}
}

func TestWrongTokenIsNeverShown(t *testing.T) {
	const secret = "s3cr3t-wrong-token-value"
	e := newEnv(t, envConfig{client: []pagerduty.Option{pagerduty.WithToken(secret)}})
	msg := e.fails(t, "get_current_user", nil)
	if !strings.Contains(msg, "401") || strings.Contains(msg, secret) {
		t.Errorf("error %q: want a 401 without the token", msg)
	}
}

func TestClientFuncError(t *testing.T) {
	var calls atomic.Int32
	e := newEnv(t, envConfig{clients: func(ctx context.Context) (*pagerduty.Client, error) {
		calls.Add(1)
		return nil, errors.New("bad header: Token token=leaked")
	}})
	msg := e.fails(t, "get_current_user", nil)
	if strings.Contains(msg, "leaked") || !strings.Contains(msg, "credential") {
		t.Errorf("error %q: want a message about the credential that does not quote it", msg)
	}
	if calls.Load() != 1 {
		t.Errorf("the ClientFunc was called %d times", calls.Load())
	}
}
