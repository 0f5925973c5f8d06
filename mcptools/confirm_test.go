package mcptools

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// asker is a client's elicitation handler that answers with action (and,
// on accept, confirm) and counts and keeps the questions it was asked.
type asker struct {
	action  string
	confirm bool
	asked   atomic.Int32
	message atomic.Value
}

func (a *asker) handle(_ context.Context, req *mcp.ElicitRequest) (*mcp.ElicitResult, error) {
	a.asked.Add(1)
	a.message.Store(req.Params.Message)
	res := &mcp.ElicitResult{Action: a.action}
	if a.action == "accept" {
		res.Content = map[string]any{"confirm": a.confirm}
	}
	return res, nil
}

func (a *asker) lastMessage() string {
	s, _ := a.message.Load().(string)
	return s
}

// windowEnv is a registry with writes on, in front of an in-memory
// PagerDuty holding one open maintenance window, reached by a client that
// answers confirmations with a (nil: a client that cannot be asked).
func windowEnv(t *testing.T, a *asker, confirmation Confirmation, protocol string) (*env, string) {
	t.Helper()
	cfg := envConfig{filter: Filter{EnableWrites: true}, opts: Options{Confirmation: confirmation}}
	if a != nil {
		cfg.copts = &mcp.ClientOptions{ElicitationHandler: a.handle}
	}
	if protocol != "" {
		cfg.sopts = &mcp.ClientSessionOptions{ProtocolVersion: protocol}
	}
	e := newEnv(t, cfg)
	var created MaintenanceWindow
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{e.pd.Data().Services[0].ID}, "duration": "2h", "description": "db upgrade"}, &created)
	return e, created.ID
}

// windowOpen reports whether the maintenance window id is still open in
// the in-memory PagerDuty.
func windowOpen(e *env, id string) bool {
	for _, w := range e.pd.Data().MaintenanceWindows {
		if w.ID == id {
			return w.EndTime.After(testNow)
		}
	}
	return false
}

// TestReliabilityConfirmBeforeDestroying checks, on the current protocol (the
// answer comes back with the retried call) and on an older one (the server
// asks the client directly), that a destructive tool asks the user, goes
// ahead on yes, and sends nothing to PagerDuty on no or on dismissal.
func TestReliabilityConfirmBeforeDestroying(t *testing.T) {
	for _, protocol := range []string{"", "2025-06-18"} {
		for _, tc := range []struct {
			action  string
			confirm bool
			deleted bool
		}{
			{"accept", true, true},
			{"accept", false, false},
			{"decline", false, false},
			{"cancel", false, false},
		} {
			name := tc.action
			if tc.action == "accept" && !tc.confirm {
				name = "accept-no"
			}
			if protocol != "" {
				name += "/" + protocol
			}
			t.Run(name, func(t *testing.T) {
				a := &asker{action: tc.action, confirm: tc.confirm}
				e, id := windowEnv(t, a, ConfirmWhenSupported, protocol)
				before := e.pd.Stats().Requests
				res := e.call(t, "delete_maintenance_window", map[string]any{"id": id})
				if got := a.asked.Load(); got != 1 {
					t.Fatalf("the user was asked %d times, want once", got)
				}
				if msg := a.lastMessage(); !strings.Contains(msg, "Delete a maintenance window") || !strings.Contains(msg, "id: "+id) {
					t.Errorf("the question does not say what will be deleted: %q", msg)
				}
				if tc.deleted {
					if res.IsError || windowOpen(e, id) {
						t.Fatalf("confirmed, but the window is still open (tool error %v: %s)", res.IsError, text(res))
					}
					return
				}
				if !res.IsError || !strings.Contains(text(res), "did not confirm") || !strings.Contains(text(res), "nothing was changed") {
					t.Errorf("not confirmed: want a tool error saying nothing changed, got %v %q", res.IsError, text(res))
				}
				if sent := e.pd.Stats().Requests - before; sent != 0 || !windowOpen(e, id) {
					t.Errorf("not confirmed, yet %d requests reached PagerDuty (window open: %v)", sent, windowOpen(e, id))
				}
			})
		}
	}
}

// TestConfirmationWithoutElicitation checks what happens when the client
// cannot ask its user: by default the call goes ahead (the destructive
// annotation is the host's cue); with ConfirmAlways it is refused, and
// nothing is sent.
func TestConfirmationWithoutElicitation(t *testing.T) {
	e, id := windowEnv(t, nil, ConfirmWhenSupported, "")
	if res := e.call(t, "delete_maintenance_window", map[string]any{"id": id}); res.IsError || windowOpen(e, id) {
		t.Errorf("default, client that cannot ask: want the window deleted, got %v %q", res.IsError, text(res))
	}

	e, id = windowEnv(t, nil, ConfirmAlways, "")
	before := e.pd.Stats().Requests
	msg := e.fails(t, "delete_maintenance_window", map[string]any{"id": id})
	if !strings.Contains(msg, "does not support MCP elicitation") || !strings.Contains(msg, "nothing was changed") {
		t.Errorf("ConfirmAlways refusal = %q", msg)
	}
	if sent := e.pd.Stats().Requests - before; sent != 0 || !windowOpen(e, id) {
		t.Errorf("refused, yet %d requests reached PagerDuty", sent)
	}
}

// TestConfirmationNever checks that ConfirmNever never asks, even a client
// that could.
func TestConfirmationNever(t *testing.T) {
	a := &asker{action: "decline"}
	e, id := windowEnv(t, a, ConfirmNever, "")
	if res := e.call(t, "delete_maintenance_window", map[string]any{"id": id}); res.IsError || windowOpen(e, id) {
		t.Errorf("ConfirmNever: want the window deleted, got %v %q", res.IsError, text(res))
	}
	if a.asked.Load() != 0 {
		t.Errorf("ConfirmNever asked the user %d times", a.asked.Load())
	}
}

// TestConfirmationOnlyForResolvingMany checks that everyday incident work
// (acknowledging, resolving one) is not interrupted, while resolving many
// incidents at once is asked.
func TestConfirmationOnlyForResolvingMany(t *testing.T) {
	a := &asker{action: "decline"}
	e := newEnv(t, envConfig{filter: Filter{EnableWrites: true}, copts: &mcp.ClientOptions{ElicitationHandler: a.handle}})
	var open []string
	for _, inc := range e.pd.Data().Incidents {
		if inc.Status != "resolved" {
			open = append(open, inc.ID)
		}
	}
	if len(open) < 3 {
		t.Fatalf("the demo account has %d open incidents, want 3 or more", len(open))
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": open[:2], "status": "acknowledged"}, &res)
	e.ok(t, "manage_incidents", map[string]any{"incidents": open[:1], "status": "resolved"}, &res)
	if a.asked.Load() != 0 {
		t.Fatalf("acknowledging or resolving one incident asked the user %d times", a.asked.Load())
	}
	msg := e.fails(t, "manage_incidents", map[string]any{"incidents": open[1:3], "status": "resolved"})
	if a.asked.Load() != 1 || !strings.Contains(msg, "did not confirm") {
		t.Fatalf("resolving two incidents: asked %d times, answer %q", a.asked.Load(), msg)
	}
	if !strings.Contains(a.lastMessage(), open[1]+", "+open[2]) {
		t.Errorf("the question does not list the incidents: %q", a.lastMessage())
	}
	for _, inc := range e.pd.Data().Incidents {
		if (inc.ID == open[1] || inc.ID == open[2]) && inc.Status == "resolved" {
			t.Errorf("incident %s was resolved although the user declined", inc.ID)
		}
	}
}

// TestReliabilityConfirmationCannotBeForged checks that a client cannot confirm a call
// by sending an answer it was never asked for, nor reuse an answer for
// other arguments, nor use one that has expired.
func TestReliabilityConfirmationCannotBeForged(t *testing.T) {
	now := testNow
	cfg := envConfig{
		filter: Filter{EnableWrites: true},
		opts:   Options{Now: func() time.Time { return now }},
		copts:  &mcp.ClientOptions{ElicitationHandler: (&asker{action: "accept", confirm: true}).handle, MultiRoundTrip: &mcp.MultiRoundTripOptions{Disabled: true}},
	}
	e := newEnv(t, cfg)
	var w1, w2 MaintenanceWindow
	svc := e.pd.Data().Services[0].ID
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{svc}, "duration": "2h", "description": "one"}, &w1)
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{svc}, "duration": "2h", "description": "two"}, &w2)
	yes := mcp.InputResponseMap{"confirm": &mcp.ElicitResult{Action: "accept", Content: map[string]any{"confirm": true}}}
	ctx := context.Background()
	callWith := func(id, state string) *mcp.CallToolResult {
		t.Helper()
		res, err := e.session.CallTool(ctx, &mcp.CallToolParams{Name: "delete_maintenance_window",
			Arguments: map[string]any{"id": id}, InputResponses: yes, RequestState: state})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	// An answer nobody asked for.
	for _, state := range []string{"", "1790000000.forged", "garbage"} {
		if res := callWith(w1.ID, state); !res.IsError || !windowOpen(e, w1.ID) {
			t.Errorf("unasked answer with state %q: want a refusal, got %v %q", state, res.IsError, text(res))
		}
	}

	// A real request, for the first window.
	first, err := e.session.CallTool(ctx, &mcp.CallToolParams{Name: "delete_maintenance_window", Arguments: map[string]any{"id": w1.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if !first.NeedsInput() || first.RequestState == "" || first.InputRequests["confirm"] == nil {
		t.Fatalf("a destructive call did not ask for confirmation: %+v", first)
	}
	// Its answer does not delete the second window.
	if res := callWith(w2.ID, first.RequestState); !res.IsError || !strings.Contains(text(res), "does not belong to this call") || !windowOpen(e, w2.ID) {
		t.Errorf("answer reused for other arguments: got %v %q", res.IsError, text(res))
	}
	// Nor does it once expired.
	now = testNow.Add(11 * time.Minute)
	if res := callWith(w1.ID, first.RequestState); !res.IsError || !windowOpen(e, w1.ID) {
		t.Errorf("expired answer: got %v %q", res.IsError, text(res))
	}
	// In time, it deletes the window it was asked for.
	now = testNow.Add(time.Minute)
	if res := callWith(w1.ID, first.RequestState); res.IsError || windowOpen(e, w1.ID) {
		t.Errorf("answer in time: got %v %q", res.IsError, text(res))
	}
}

// TestConfirmationRespectsWriteCap checks that a call the write cap refuses
// is refused before the user is asked.
func TestConfirmationRespectsWriteCap(t *testing.T) {
	a := &asker{action: "accept", confirm: true}
	e := newEnv(t, envConfig{filter: Filter{EnableWrites: true}, opts: Options{MaxWritesPerSession: 1},
		copts: &mcp.ClientOptions{ElicitationHandler: a.handle}})
	var w MaintenanceWindow
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{e.pd.Data().Services[0].ID}, "duration": "2h", "description": "x"}, &w)
	if msg := e.fails(t, "delete_maintenance_window", map[string]any{"id": w.ID}); !strings.Contains(msg, "write calls") {
		t.Errorf("past the cap: %q", msg)
	}
	if a.asked.Load() != 0 {
		t.Errorf("the user was asked %d times for a call the cap refuses", a.asked.Load())
	}
}

func TestParseConfirmation(t *testing.T) {
	for _, c := range []Confirmation{ConfirmWhenSupported, ConfirmAlways, ConfirmNever} {
		got, err := ParseConfirmation(" " + strings.ToUpper(c.String()) + " ")
		if err != nil || got != c {
			t.Errorf("ParseConfirmation(%q) = %v, %v", c.String(), got, err)
		}
	}
	if _, err := ParseConfirmation("sometimes"); err == nil || !strings.Contains(err.Error(), "auto, always or never") {
		t.Errorf("ParseConfirmation(sometimes) error = %v", err)
	}
	if _, err := New(nil, nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	e := newEnv(t, envConfig{})
	if _, err := New(newTestClient(t, e.pd), &Options{Confirmation: Confirmation(7)}); err == nil {
		t.Error("New accepted an unknown Confirmation")
	}
}
