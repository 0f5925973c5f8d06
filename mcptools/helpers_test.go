package mcptools

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// testNow is the clock of the fake PagerDuty and of the registry.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// env is a registry mounted on a server, reached through an in-process
// client, in front of an in-memory PagerDuty.
type env struct {
	pd      *pdtest.Server
	reg     *Registry
	session *mcp.ClientSession
}

type envConfig struct {
	filter  Filter
	opts    Options
	pdOpts  []pdtest.Option
	client  []pagerduty.Option
	clients ClientFunc
	copts   *mcp.ClientOptions
	// sopts chooses, among others, the protocol version the client asks for.
	sopts *mcp.ClientSessionOptions
}

// findIn returns the first of items that match accepts, and fails the test
// (saying what was looked for) when none does.
func findIn[T any](t testing.TB, items []T, what string, match func(*T) bool) T {
	t.Helper()
	for i := range items {
		if match(&items[i]) {
			return items[i]
		}
	}
	t.Fatalf("the account has no %s", what)
	var zero T
	return zero
}

func newTestClient(t testing.TB, pd *pdtest.Server, extra ...pagerduty.Option) *pagerduty.Client {
	t.Helper()
	opts := append([]pagerduty.Option{
		pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL),
		pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}),
	}, extra...)
	c, err := pagerduty.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newEnv(t testing.TB, cfg envConfig) *env {
	t.Helper()
	pd := pdtest.NewServer(append([]pdtest.Option{pdtest.WithNow(func() time.Time { return testNow })}, cfg.pdOpts...)...)
	t.Cleanup(pd.Close)
	if cfg.opts.Now == nil {
		cfg.opts.Now = func() time.Time { return testNow }
	}
	if cfg.opts.Events == nil {
		ec, err := events.NewClient(events.WithBaseURL(pd.URL), events.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}))
		if err != nil {
			t.Fatal(err)
		}
		cfg.opts.Events = ec
	}
	var reg *Registry
	var err error
	if cfg.clients != nil {
		reg, err = NewPerRequest(cfg.clients, &cfg.opts)
	} else {
		reg, err = New(newTestClient(t, pd, cfg.client...), &cfg.opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	server := mcp.NewServer(&mcp.Implementation{Name: "pdkit-test", Version: "v0"}, nil)
	if _, err := reg.Register(server, cfg.filter); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := server.Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := mcp.NewClient(&mcp.Implementation{Name: "test-client", Version: "v0"}, cfg.copts)
	cs, err := client.Connect(ctx, ct, cfg.sopts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cs.Close()
		_ = ss.Wait()
	})
	return &env{pd: pd, reg: reg, session: cs}
}

// call calls a tool and fails the test on a protocol error.
func (e *env) call(t testing.TB, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	called.Store(name, true)
	res, err := e.session.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: protocol error: %v", name, err)
	}
	return res
}

// ok calls a tool that must succeed and decodes its structured content
// into out.
func (e *env) ok(t testing.TB, name string, args map[string]any, out any) string {
	t.Helper()
	res := e.call(t, name, args)
	txt := text(res)
	if res.IsError {
		t.Fatalf("%s(%v): tool error: %s", name, args, txt)
	}
	b, err := json.Marshal(res.StructuredContent)
	if err != nil {
		t.Fatal(err)
	}
	// Start from the zero value: a variable reused across calls must not
	// keep fields of an earlier answer.
	reflect.ValueOf(out).Elem().SetZero()
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("%s: structured content %s: %v", name, b, err)
	}
	return txt
}

// fails calls a tool that must answer with a tool error and returns its
// text.
func (e *env) fails(t testing.TB, name string, args map[string]any) string {
	t.Helper()
	res := e.call(t, name, args)
	if !res.IsError {
		t.Fatalf("%s(%v): want a tool error, got %s", name, args, text(res))
	}
	return text(res)
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func reflectType(v any) reflect.Type { return reflect.TypeOf(v) }

func mcpParams(name string, args map[string]any) *mcp.CallToolParams {
	return &mcp.CallToolParams{Name: name, Arguments: args}
}
