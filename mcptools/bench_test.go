package mcptools

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// benchmarkCall measures one tool call, made again and again through e's
// in-process MCP client.
func benchmarkCall(b *testing.B, e *env, params *mcp.CallToolParams) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := e.session.CallTool(ctx, params)
		if err != nil || res.IsError {
			b.Fatal(err, text(res))
		}
	}
}

// BenchmarkCallListIncidents measures one list_incidents call through an
// in-process MCP client, against the in-memory PagerDuty over loopback
// HTTP: argument checks, the API request, trimming and rendering.
func BenchmarkCallListIncidents(b *testing.B) {
	e := newEnv(b, envConfig{})
	benchmarkCall(b, e, &mcp.CallToolParams{Name: "list_incidents", Arguments: map[string]any{"statuses": []string{"resolved"}, "limit": 25}})
}

// BenchmarkCallGetCurrentUser measures the smallest round trip: one tool
// call with no arguments and one small API answer, mostly the cost of MCP
// and of the HTTP request.
func BenchmarkCallGetCurrentUser(b *testing.B) {
	e := newEnv(b, envConfig{})
	benchmarkCall(b, e, &mcp.CallToolParams{Name: "get_current_user"})
}

// BenchmarkNew measures building a registry: every tool's schema derived
// from its input struct (resolving waits for each tool's first call).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		newTestRegistry(b)
	}
}

// TestToolsListSize reports the size of the tools/list answer for the
// default filter (read-only, default toolsets) and for every tool, the
// bytes a client puts into a model's context before any call. It fails if
// a tool costs more than a budget on average, so that growth is a decision.
func TestToolsListSize(t *testing.T) {
	budget := map[string]int{"default": 1100, "all with writes": 1300} // bytes per tool
	r := newTestRegistry(t)
	for _, tc := range []struct {
		name string
		f    Filter
	}{{"default", Filter{}}, {"all with writes", allFilter}} {
		defs, err := r.Definitions(tc.f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(&mcp.ListToolsResult{Tools: defs})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("tools/list, %s: %d tools, %d bytes (%d per tool)", tc.name, len(defs), len(b), len(b)/max(len(defs), 1))
		if per := budget[tc.name]; len(b) > per*len(defs) {
			t.Errorf("tools/list (%s) is %d bytes, over the budget of %d bytes per tool", tc.name, len(b), per)
		}
	}
}

// BenchmarkDecodeArgs measures checking and decoding the arguments of a
// list_incidents call, the work done before any request.
func BenchmarkDecodeArgs(b *testing.B) {
	r := newTestRegistry(b)
	var e *entry
	for _, x := range r.tools {
		if x.def.Name == "list_incidents" {
			e = x
		}
	}
	raw := json.RawMessage(`{"statuses":["triggered","acknowledged"],"service":"web","since":"2026-01-01T00:00:00Z","limit":25}`)
	b.ReportAllocs()
	for b.Loop() {
		var in listIncidentsIn
		if err := decodeArgs(raw, e, &in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToolsList measures a tools/list round trip through an
// in-process MCP client, for the default tools and for every tool: what
// each session pays before its first call.
func BenchmarkToolsList(b *testing.B) {
	for _, tc := range []struct {
		name string
		f    Filter
	}{{"default", Filter{}}, {"all", allFilter}} {
		b.Run(tc.name, func(b *testing.B) {
			e := newEnv(b, envConfig{filter: tc.f})
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.session.ListTools(ctx, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
