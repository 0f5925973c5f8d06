package transport

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// BenchmarkConnectCallTool measures one tools/call round trip through the
// in-process transport, with a trivial tool, next to the same call over the
// SDK's in-memory transport, which encodes and parses every message.
func BenchmarkConnectCallTool(b *testing.B) {
	params := &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "ping"}}
	ctx := context.Background()
	run := func(b *testing.B, cs *mcp.ClientSession) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := cs.CallTool(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("Connect", func(b *testing.B) {
		cs, err := Connect(ctx, newTestServer(nil, nil), nil)
		if err != nil {
			b.Fatal(err)
		}
		defer cs.Close()
		run(b, cs)
	})
	b.Run("sdk-InMemoryTransports", func(b *testing.B) {
		st, ct := mcp.NewInMemoryTransports()
		ss, err := newTestServer(nil, nil).Connect(ctx, st, nil)
		if err != nil {
			b.Fatal(err)
		}
		defer ss.Wait()
		cs, err := mcp.NewClient(&mcp.Implementation{Name: "bench", Version: "v1"}, nil).Connect(ctx, ct, nil)
		if err != nil {
			b.Fatal(err)
		}
		defer cs.Close()
		run(b, cs)
	})
}

// BenchmarkHTTPCallTool measures the same round trip over streamable HTTP on
// loopback, through every check of the handler (Host, Origin, pass-through
// credential, limits), stateless and stateful.
func BenchmarkHTTPCallTool(b *testing.B) {
	for _, stateless := range []bool{true, false} {
		name := "stateful"
		if stateless {
			name = "stateless"
		}
		b.Run(name, func(b *testing.B) {
			s := newTestServer(nil, nil)
			h, err := NewHTTPHandler(func(*http.Request) *mcp.Server { return s }, &HTTPOptions{Stateless: stateless, JSONResponse: true})
			if err != nil {
				b.Fatal(err)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			base := &http.Transport{}
			defer base.CloseIdleConnections()
			client := mcp.NewClient(&mcp.Implementation{Name: "bench", Version: "v1"}, nil)
			cs, err := client.Connect(context.Background(), &mcp.StreamableClientTransport{
				Endpoint:             srv.URL + "/mcp",
				HTTPClient:           &http.Client{Transport: &headerTransport{auth: "Token token=" + testAPIKey, base: base}},
				DisableStandaloneSSE: true,
			}, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer cs.Close()
			params := &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "ping"}}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cs.CallTool(ctx, params); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
