package mcptools

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func toolNames(t *testing.T, r *Registry, f Filter) []string {
	t.Helper()
	infos, err := r.Tools(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, i := range infos {
		out = append(out, i.Name)
	}
	return out
}

func TestFilterDefaultsToReadOnly(t *testing.T) {
	r := newTestRegistry(t)
	infos, err := r.Tools(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	defaults := DefaultToolsets()
	for _, i := range infos {
		if !i.ReadOnly {
			t.Errorf("%s: a write tool is mounted by default", i.Name)
		}
		if !slices.Contains(defaults, string(i.Toolset)) {
			t.Errorf("%s: toolset %s is not a default one", i.Name, i.Toolset)
		}
	}
	if !slices.Contains(toolNames(t, r, Filter{}), "list_incidents") {
		t.Error("list_incidents is not mounted by default")
	}
	// ReadOnly wins over EnableWrites.
	for _, i := range must(r.Tools(Filter{Toolsets: []string{AllToolsets}, EnableWrites: true, ReadOnly: true})) {
		if !i.ReadOnly {
			t.Errorf("%s: mounted with ReadOnly", i.Name)
		}
	}
	writes := 0
	for _, i := range must(r.Tools(Filter{Toolsets: []string{AllToolsets}, EnableWrites: true})) {
		if !i.ReadOnly {
			writes++
		}
	}
	if writes == 0 {
		t.Error("EnableWrites mounts no write tool")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestFilterSelects(t *testing.T) {
	r := newTestRegistry(t)
	got := toolNames(t, r, Filter{Toolsets: []string{"teams"}, Tools: []string{"get_incident"}, ExcludeTools: []string{"get_team"}})
	if !slices.Equal(got, []string{"get_incident", "list_teams"}) {
		t.Errorf("got %v", got)
	}
	// A toolset mounts only its read tools unless writes are enabled.
	if got := toolNames(t, r, Filter{Toolsets: []string{"webhooks"}}); !slices.Equal(got, []string{"list_webhook_subscriptions"}) {
		t.Errorf("webhooks: %v", got)
	}
	if got := toolNames(t, r, Filter{Toolsets: []string{"webhooks"}, EnableWrites: true}); !slices.Equal(got, []string{"create_webhook_subscription", "list_webhook_subscriptions", "test_webhook_subscription"}) {
		t.Errorf("webhooks with writes: %v", got)
	}
}

func TestFilterRefusesUnknownNames(t *testing.T) {
	r := newTestRegistry(t)
	for _, tc := range []struct {
		f    Filter
		want []string
	}{
		{Filter{Toolsets: []string{"incident"}}, []string{`"incident"`, "incidents", "oncall", "all"}},
		{Filter{Tools: []string{"list_incident"}}, []string{`"list_incident"`, "list_incidents", "get_incident"}},
		{Filter{ExcludeTools: []string{"nope"}}, []string{`"nope"`, "list_teams"}},
		{Filter{Tools: []string{"create_maintenance_window"}}, []string{"EnableWrites"}},
		{Filter{Tools: []string{"create_maintenance_window"}, EnableWrites: true, ReadOnly: true}, []string{"ReadOnly"}},
	} {
		_, err := r.Tools(tc.f)
		if err == nil {
			t.Errorf("%+v: accepted", tc.f)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%+v: error %q lacks %q", tc.f, err, w)
			}
		}
		server := mcp.NewServer(&mcp.Implementation{Name: "x", Version: "v0"}, nil)
		if names, err := r.Register(server, tc.f); err == nil || len(names) != 0 {
			t.Errorf("%+v: Register mounted %v", tc.f, names)
		}
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	if _, err := New(nil, nil); err == nil {
		t.Error("New(nil) accepted")
	}
	if _, err := NewPerRequest(nil, nil); err == nil {
		t.Error("NewPerRequest(nil) accepted")
	}
	c, _ := pagerduty.NewClient(pagerduty.WithToken("x"))
	if _, err := New(c, &Options{MaxWritesPerSession: -1}); err == nil {
		t.Error("a negative write cap was accepted")
	}
	r, err := New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Register(nil, Filter{}); err == nil {
		t.Error("Register(nil) accepted")
	}
}

func TestWriteCapPerSession(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{EnableWrites: true}, opts: Options{MaxWritesPerSession: 2}})
	svc := e.pd.Data().Services[1].ID
	args := map[string]any{"services": []string{svc}, "duration": "1h"}
	var w MaintenanceWindow
	e.ok(t, "create_maintenance_window", args, &w)
	e.ok(t, "create_maintenance_window", args, &w)
	e.pd.ResetRequests()
	msg := e.fails(t, "create_maintenance_window", args)
	if !strings.Contains(msg, "2 write calls") {
		t.Errorf("error %q does not state the cap", msg)
	}
	if n := len(e.pd.Requests()); n != 0 {
		t.Errorf("the refused write sent %d requests", n)
	}
	// Reads are not counted.
	var l MaintenanceWindowList
	e.ok(t, "list_maintenance_windows", nil, &l)
}

func TestPerRequestClient(t *testing.T) {
	pd := pdtest.NewServer(pdtest.WithNow(func() time.Time { return testNow }))
	defer pd.Close()
	client := newTestClient(t, pd)
	var mu sync.Mutex
	var seen []string
	e := newEnv(t, envConfig{clients: func(ctx context.Context) (*pagerduty.Client, error) {
		mu.Lock()
		defer mu.Unlock()
		req, ok := CallRequest(ctx)
		if !ok || req.Params.Name != "get_current_user" {
			return nil, errors.New("no request in the context")
		}
		seen = append(seen, req.Params.Name)
		return client, nil
	}})
	var me CurrentUser
	e.ok(t, "get_current_user", nil, &me)
	e.ok(t, "get_current_user", nil, &me)
	if len(seen) != 2 {
		t.Errorf("the ClientFunc was asked %d times for 2 calls", len(seen))
	}
}

func TestProgressAndCancellation(t *testing.T) {
	var mu sync.Mutex
	var notes []string
	e := newEnv(t, envConfig{
		pdOpts: []pdtest.Option{pdtest.WithDemoIncidents(600)},
		copts: &mcp.ClientOptions{ProgressNotificationHandler: func(_ context.Context, req *mcp.ProgressNotificationClientRequest) {
			mu.Lock()
			notes = append(notes, req.Params.Message)
			mu.Unlock()
		}},
	})
	// A rare priority and a large limit: the tool reads every page,
	// reporting progress.
	params := &mcp.CallToolParams{Name: "list_incidents", Arguments: map[string]any{
		"statuses": []string{"resolved"}, "since": "28d", "priorities": []string{"P5"}, "limit": 100}}
	params.SetProgressToken("scan-1")
	res, err := e.session.CallTool(context.Background(), params)
	if err != nil || res.IsError {
		t.Fatalf("%v %s", err, text(res))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(notes)
		mu.Unlock()
		if n >= 5 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	if len(notes) < 5 || !strings.Contains(notes[0], "read 100 incidents") {
		t.Errorf("progress notifications: %q", notes)
	}
	mu.Unlock()

	// Cancellation ends the call, on the server too: the handler returns
	// (and logs) long before the minute the fake PagerDuty would take.
	logs := &syncBuffer{}
	slow := newEnv(t, envConfig{
		pdOpts: []pdtest.Option{pdtest.WithFaults(pdtest.Faults{Latency: time.Minute})},
		opts:   Options{Logger: slog.New(slog.NewTextHandler(logs, nil))},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = slow.session.CallTool(ctx, &mcp.CallToolParams{Name: "list_incidents"})
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled call: err = %v", err)
	}
	for !strings.Contains(logs.String(), "tool=list_incidents") {
		if time.Since(start) > 20*time.Second {
			t.Fatal("the handler did not end after the cancellation")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(logs.String(), "error=true") {
		t.Errorf("log: %s", logs.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestHandlerBugsAreToolErrors checks that a panicking handler, or one that
// returns no answer, gives a tool error and leaves the server serving.
func TestHandlerBugsAreToolErrors(t *testing.T) {
	type in struct{}
	panics := &tool[in, *Deleted]{spec: spec{name: "panics", title: "x", description: "x", toolset: ToolsetUsers},
		handler: func(context.Context, *call, in) (*Deleted, error) { panic("boom") }}
	empty := &tool[in, *Deleted]{spec: spec{name: "empty", title: "x", description: "x", toolset: ToolsetUsers},
		handler: func(context.Context, *call, in) (*Deleted, error) { return nil, nil }}
	r := newTestRegistry(t)
	server := mcp.NewServer(&mcp.Implementation{Name: "x", Version: "v0"}, nil)
	for _, tl := range []serverTool{panics, empty} {
		schema, err := inputSchema(tl.inputType())
		if err != nil {
			t.Fatal(err)
		}
		tl.mount(server, &entry{tool: tl, def: &mcp.Tool{Name: tl.info().name, InputSchema: schema}, schema: schema}, r)
	}
	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := server.Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "c", Version: "v0"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cs.Close(); _ = ss.Wait() }()
	for _, name := range []string{"panics", "empty", "panics"} {
		res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: name})
		if err != nil || !res.IsError || !strings.Contains(text(res), "internal error in "+name) {
			t.Errorf("%s: err %v, result %+v", name, err, res)
		}
	}
}
