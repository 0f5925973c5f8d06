package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// checkGoroutines fails the test if, once it and its cleanups are done, more
// goroutines run than before it started. Register it first so that its
// cleanup runs last.
func checkGoroutines(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(3 * time.Second)
		for {
			now := runtime.NumGoroutine()
			if now <= before {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				t.Errorf("goroutines: %d before the test, %d after it\n%s", before, now, buf[:n])
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

type echoIn struct {
	Text string `json:"text"`
}

// Schemas are *jsonschema.Schema values, which the go-sdk resolves once and
// caches (a map would be resolved again on every call).
var echoSchema = &jsonschema.Schema{
	Type:                 "object",
	Properties:           map[string]*jsonschema.Schema{"text": {Type: "string"}},
	Required:             []string{"text"},
	AdditionalProperties: &jsonschema.Schema{Not: &jsonschema.Schema{}},
}

var emptySchema = &jsonschema.Schema{Type: "object"}

// digest names a token in test output without revealing it.
func digest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:8])
}

// newTestServer returns a server with three tools:
//   - echo: returns its text argument;
//   - whoami: returns "<kind>:<digest of token>" of the caller's credential,
//     as seen through the context, then through the request, or "anonymous";
//   - block: signals started, then waits for release (or its context).
func newTestServer(started chan<- struct{}, release <-chan struct{}) *mcp.Server {
	s := mcp.NewServer(&mcp.Implementation{Name: "test-server", Version: "v0.0.1"}, nil)
	mcp.AddTool(s, &mcp.Tool{Name: "echo", InputSchema: echoSchema},
		func(_ context.Context, _ *mcp.CallToolRequest, in echoIn) (*mcp.CallToolResult, any, error) {
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: in.Text}}}, nil, nil
		})
	s.AddTool(&mcp.Tool{Name: "whoami", InputSchema: emptySchema},
		func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return textResult(whoami(ctx, req)), nil
		})
	s.AddTool(&mcp.Tool{Name: "block", InputSchema: emptySchema},
		func(ctx context.Context, _ *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			if started != nil {
				started <- struct{}{}
			}
			select {
			case <-release:
			case <-ctx.Done():
			}
			return textResult("released"), nil
		})
	return s
}

func whoami(ctx context.Context, req *mcp.CallToolRequest) string {
	fromCtx, okCtx := CredentialFromContext(ctx)
	fromReq, okReq := CredentialFromRequest(req)
	describe := func(c Credential, ok bool) string {
		if !ok {
			return "anonymous"
		}
		return c.Kind().String() + ":" + digest(c.Token())
	}
	return describe(fromCtx, okCtx) + " " + describe(fromReq, okReq)
}

func textResult(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}
}

// resultText returns the text of a single-text tool result.
func resultText(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	if res.IsError {
		t.Fatalf("tool returned an error result: %+v", res.Content)
	}
	if len(res.Content) != 1 {
		t.Fatalf("tool returned %d content items, want 1", len(res.Content))
	}
	tc, ok := res.Content[0].(*mcp.TextContent)
	if !ok {
		t.Fatalf("tool returned %T, want *mcp.TextContent", res.Content[0])
	}
	return tc.Text
}

// headerTransport adds an Authorization header to every request.
type headerTransport struct {
	auth string
	base http.RoundTripper
}

func (h *headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	if h.auth != "" {
		r.Header.Set("Authorization", h.auth)
	}
	return h.base.RoundTrip(r)
}

// connectHTTP connects an MCP client to endpoint, sending authorization with
// every request. The session and the client's connections are closed when
// the test ends.
func connectHTTP(t *testing.T, endpoint, authorization string) *mcp.ClientSession {
	t.Helper()
	base := &http.Transport{}
	t.Cleanup(base.CloseIdleConnections)
	client := mcp.NewClient(&mcp.Implementation{Name: "test-client", Version: "v1"}, nil)
	cs, err := client.Connect(context.Background(), &mcp.StreamableClientTransport{
		Endpoint:   endpoint,
		HTTPClient: &http.Client{Transport: &headerTransport{auth: authorization, base: base}},
		MaxRetries: -1,
	}, nil)
	if err != nil {
		t.Fatalf("connect to %s: %v", endpoint, err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

func callTool(t *testing.T, cs *mcp.ClientSession, name string, args any) string {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("call %s: %v", name, err)
	}
	return resultText(t, res)
}

// syncBuffer is a bytes.Buffer safe for concurrent writers (slog handlers,
// status writers).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// assertNoSecret fails if text contains any of the secrets, without printing
// them.
func assertNoSecret(t *testing.T, what, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("%s contains the secret with digest %s", what, digest(s))
		}
	}
}
