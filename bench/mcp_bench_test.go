package bench

import (
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
	"github.com/pdkit/pdkit/transport"
)

type echoIn struct {
	Text string `json:"text"`
}

type echoOut struct {
	Text string `json:"text"`
}

// bareServer is the smallest useful go-sdk server: one tool.
func bareServer(tb testing.TB) *mcp.Server {
	s := mcp.NewServer(&mcp.Implementation{Name: "bare", Version: "v0"}, nil)
	mcp.AddTool(s, &mcp.Tool{Name: "echo", Description: "Returns its text."},
		func(_ context.Context, _ *mcp.CallToolRequest, in echoIn) (*mcp.CallToolResult, echoOut, error) {
			return nil, echoOut(in), nil
		})
	return s
}

// allFilter mounts every tool of every toolset, writes included.
var allFilter = mcptools.Filter{Toolsets: []string{"all"}, EnableWrites: true}

// pdkitServer builds what the stdio server builds at start: a PagerDuty
// client, the registry of tools and a server with the chosen tools.
func pdkitServer(tb testing.TB, f mcptools.Filter) *mcp.Server {
	reg := pdkitRegistry(tb)
	s := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v0"}, nil)
	if _, err := reg.Register(s, f); err != nil {
		tb.Fatal(err)
	}
	return s
}

// pdkitRegistry builds a PagerDuty client and the registry of every tool.
func pdkitRegistry(tb testing.TB) *mcptools.Registry {
	c, err := pagerduty.NewClient(pagerduty.WithToken(fakeToken), pagerduty.WithBaseURL("http://127.0.0.1:9"))
	if err != nil {
		tb.Fatal(err)
	}
	reg, err := mcptools.New(c, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return reg
}

// initializeOverStdio builds a server, serves it with transport.ServeStdio
// over pipes, and has a client connect (initialize, then initialized).
func initializeOverStdio(tb testing.TB, build func(testing.TB) *mcp.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	served := make(chan error, 1)
	s := build(tb)
	go func() { served <- transport.ServeStdio(ctx, s, transport.WithIO(sr, sw)) }()
	client := mcp.NewClient(&mcp.Implementation{Name: "bench", Version: "v0"}, nil)
	session, err := client.Connect(ctx, &mcp.IOTransport{Reader: cr, Writer: cw}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if session.InitializeResult() == nil {
		tb.Fatal("no initialize result")
	}
	session.Close()
	cw.Close()
	sw.Close()
	cancel()
	<-served
}

// BenchmarkMCPInitialize measures how long a stdio MCP server takes to
// answer initialize from a standing start: building the server (for pdkit:
// the client, the registry and every tool of every toolset, writes
// included), serving it over pipes and completing the handshake. The bare
// go-sdk server with one tool is the yardstick.
func BenchmarkMCPInitialize(b *testing.B) {
	b.Run("bare-go-sdk-1-tool", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			initializeOverStdio(b, bareServer)
		}
	})
	// The part of it spent building the registry and mounting the tools.
	b.Run("pdkit-all-toolsets-build-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pdkitServer(b, allFilter)
		}
	})
	b.Run("pdkit-all-toolsets", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			initializeOverStdio(b, func(tb testing.TB) *mcp.Server { return pdkitServer(tb, allFilter) })
		}
	})
	// What the SDK alone spends mounting the same tools: a server given the
	// registry's definitions, already built, with handlers that do nothing.
	// Server.AddTool re-encodes and parses every input schema.
	defs, err := pdkitRegistry(b).Definitions(allFilter)
	if err != nil {
		b.Fatal(err)
	}
	nop := func(context.Context, *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return &mcp.CallToolResult{}, nil
	}
	b.Run("sdk-AddTool-same-definitions", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v0"}, nil)
			for _, d := range defs {
				s.AddTool(d, nop)
			}
		}
		b.ReportMetric(float64(len(defs)), "tools")
	})
}

// BenchmarkToolsListSize reports the size of the tools/list answer (the
// bytes a host puts into a model's context before any call) for the
// default filter, for each toolset alone (read tools, and with writes),
// and for everything.
func BenchmarkToolsListSize(b *testing.B) {
	c, err := pagerduty.NewClient(pagerduty.WithToken(fakeToken), pagerduty.WithBaseURL("http://127.0.0.1:9"))
	if err != nil {
		b.Fatal(err)
	}
	reg, err := mcptools.New(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		f    mcptools.Filter
	}{{"default", mcptools.Filter{}}, {"all-with-writes", allFilter}}
	for _, ts := range mcptools.ToolsetNames() {
		cases = append(cases,
			struct {
				name string
				f    mcptools.Filter
			}{"toolset=" + ts, mcptools.Filter{Toolsets: []string{ts}}},
			struct {
				name string
				f    mcptools.Filter
			}{"toolset=" + ts + "+writes", mcptools.Filter{Toolsets: []string{ts}, EnableWrites: true}})
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var size, tools int
			for b.Loop() {
				defs, err := reg.Definitions(tc.f)
				if err != nil {
					b.Fatal(err)
				}
				raw, err := json.Marshal(&mcp.ListToolsResult{Tools: defs})
				if err != nil {
					b.Fatal(err)
				}
				size, tools = len(raw), len(defs)
			}
			b.ReportMetric(float64(size), "bytes")
			b.ReportMetric(float64(tools), "tools")
		})
	}
}

// BenchmarkToolCall measures what a tool adds to the API call it makes:
// get_service through an in-process MCP session (argument checks against
// the schema, the handler, trimming, rendering, and the JSON-RPC round trip
// over an in-memory transport), against the same Services.Get made
// directly, both served by the in-memory PagerDuty of package pdtest.
func BenchmarkToolCall(b *testing.B) {
	pd := pdtest.NewServer()
	defer pd.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	id := pd.Data().Services[0].ID
	opts := &pagerduty.GetServiceOptions{Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeIntegrations}}

	reg, err := mcptools.New(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	s := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v0"}, nil)
	if _, err := reg.Register(s, mcptools.Filter{}); err != nil {
		b.Fatal(err)
	}
	session, err := transport.Connect(ctx, s, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer session.Close()
	params := &mcp.CallToolParams{Name: "get_service", Arguments: map[string]any{"service": id}}

	// Each way must make the same requests, or the difference is not the
	// tool's overhead.
	before := pd.Stats().Requests
	if _, err := c.Services.Get(ctx, id, opts); err != nil {
		b.Fatal(err)
	}
	direct := pd.Stats().Requests - before
	before = pd.Stats().Requests
	if res, err := session.CallTool(ctx, params); err != nil || res.IsError {
		b.Fatalf("get_service: %v %+v", err, res)
	}
	if viaTool := pd.Stats().Requests - before; viaTool != direct {
		b.Fatalf("the tool made %d requests, the direct call %d", viaTool, direct)
	}

	b.Run("direct-Services.Get", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Services.Get(ctx, id, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same round trip with a tool that does nothing: what the SDK and
	// the in-process transport (transport.Connect) cost on their own.
	bare, err := transport.Connect(ctx, bareServer(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	echo := &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": id}}
	b.Run("bare-go-sdk-echo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := bare.CallTool(ctx, echo)
			if err != nil || res.IsError {
				b.Fatal(err)
			}
		}
	})
	// The same do-nothing tool over the SDK's own in-memory transport, which
	// encodes and parses every message, for comparison with Connect's.
	st, ct := mcp.NewInMemoryTransports()
	ss, err := bareServer(b).Connect(ctx, st, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ss.Wait()
	sdkBare, err := mcp.NewClient(&mcp.Implementation{Name: "bench", Version: "v0"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer sdkBare.Close()
	b.Run("bare-go-sdk-echo-sdk-in-memory-transport", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := sdkBare.CallTool(ctx, echo)
			if err != nil || res.IsError {
				b.Fatal(err)
			}
		}
	})
	b.Run("tool-get_service", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := session.CallTool(ctx, params)
			if err != nil || res.IsError {
				b.Fatal(err)
			}
		}
	})
}
