package transport_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/pdkit/pdkit/transport"
)

type greetIn struct {
	Name string `json:"name"`
}

// newGreeter returns a server with one tool, "greet".
func newGreeter() *mcp.Server {
	s := mcp.NewServer(&mcp.Implementation{Name: "greeter", Version: "v1"}, nil)
	mcp.AddTool(s, &mcp.Tool{
		Name:        "greet",
		Description: "Say hello.",
		InputSchema: map[string]any{
			"type":       "object",
			"properties": map[string]any{"name": map[string]any{"type": "string"}},
			"required":   []any{"name"},
		},
	}, func(_ context.Context, _ *mcp.CallToolRequest, in greetIn) (*mcp.CallToolResult, any, error) {
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "Hello, " + in.Name + "!"}}}, nil, nil
	})
	return s
}

func text(res *mcp.CallToolResult) string {
	return res.Content[0].(*mcp.TextContent).Text
}

// An agent embeds the server and calls its tools through MCP, in process.
func ExampleConnect() {
	ctx := context.Background()
	cs, err := transport.Connect(ctx, newGreeter(), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer cs.Close() // also ends the server session

	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "greet", Arguments: map[string]any{"name": "on-call"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(text(res))
	// Output: Hello, on-call!
}

// A host program's main is usually just:
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
//	defer stop()
//	if err := transport.ServeStdio(ctx, server); err != nil {
//		log.Fatal(err)
//	}
//
// Here the client talks to it over pipes instead of a subprocess's stdin and
// stdout.
func ExampleServeStdio() {
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- transport.ServeStdio(context.Background(), newGreeter(),
			transport.WithIO(serverIn, serverOut),
			transport.WithStatus(nil)) // status goes to stderr only on a terminal anyway
	}()

	client := mcp.NewClient(&mcp.Implementation{Name: "example-client", Version: "v1"}, nil)
	cs, err := client.Connect(context.Background(), &mcp.IOTransport{Reader: clientIn, Writer: clientOut}, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "greet", Arguments: map[string]any{"name": "stdio"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(text(res))
	cs.Close()
	fmt.Println("server returned:", <-done)
	// Output:
	// Hello, stdio!
	// server returned: <nil>
}

// bearer adds an Authorization header to each request, as an MCP client
// configured with a header does.
type bearer struct{ header string }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", b.header)
	return http.DefaultTransport.RoundTrip(r)
}

// In pass-through mode (the default) each caller sends their own PagerDuty
// credential, and tool handlers read it from their context with
// CredentialFromContext (or from the request with CredentialFromRequest),
// then call PagerDuty on that caller's behalf.
func ExampleNewHTTPHandler() {
	s := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v1"}, nil)
	s.AddTool(&mcp.Tool{Name: "whoami", InputSchema: map[string]any{"type": "object"}},
		func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			cred, ok := transport.CredentialFromContext(ctx)
			if !ok {
				return nil, fmt.Errorf("no PagerDuty credential")
			}
			_, sameAsRequest := transport.CredentialFromRequest(req)
			// cred.AuthorizationHeader() is what to send to api.pagerduty.com.
			msg := fmt.Sprintf("kind=%s printed=%v from-request=%v", cred.Kind(), cred, sameAsRequest)
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: msg}}}, nil
		})

	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return s }, &transport.HTTPOptions{
		Stateless: true, // any replica can answer any request
	})
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h) // in production: transport.ListenAndServe
	defer srv.Close()

	client := mcp.NewClient(&mcp.Implementation{Name: "example-client", Version: "v1"}, nil)
	cs, err := client.Connect(context.Background(), &mcp.StreamableClientTransport{
		Endpoint:   srv.URL + "/mcp",
		HTTPClient: &http.Client{Transport: bearer{"Token token=example0api0key000000"}},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer cs.Close()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "whoami"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(text(res))
	// Output: kind=api-token printed=api-token(REDACTED) from-request=true
}

// With a static secret, callers present the operator's secret and tools use
// the server's own PagerDuty credential. Requests without it get 401.
func ExampleNewHTTPHandler_staticSecret() {
	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return newGreeter() }, &transport.HTTPOptions{
		Auth:      transport.StaticSecret("correct-horse-battery-staple"),
		Stateless: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, err := http.Post(srv.URL+"/mcp", "application/json", nil)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println("without the secret:", resp.Status, resp.Header.Get("WWW-Authenticate"))

	client := mcp.NewClient(&mcp.Implementation{Name: "example-client", Version: "v1"}, nil)
	cs, err := client.Connect(context.Background(), &mcp.StreamableClientTransport{
		Endpoint:   srv.URL + "/mcp",
		HTTPClient: &http.Client{Transport: bearer{"Bearer correct-horse-battery-staple"}},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer cs.Close()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "greet", Arguments: map[string]any{"name": "operator"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("with the secret:", text(res))
	// Output:
	// without the secret: 401 Unauthorized Bearer realm="mcp"
	// with the secret: Hello, operator!
}

// Serve runs until its context ends, then shuts down gracefully.
// ListenAndServe does the same on an address such as "127.0.0.1:8080".
func ExampleServe() {
	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return newGreeter() }, nil)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- transport.Serve(ctx, ln, h, nil) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		log.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println("health:", string(body))

	cancel() // e.g. on SIGTERM
	fmt.Println("Serve returned:", <-done)
	// Output:
	// health: ok
	// Serve returned: <nil>
}

// Tests of tool handlers can give them a credential without any HTTP.
func ExampleContextWithCredential() {
	cred, err := transport.NewCredential(transport.OAuthBearer, "test-access-token")
	if err != nil {
		log.Fatal(err)
	}
	ctx := transport.ContextWithCredential(context.Background(), cred)

	got, ok := transport.CredentialFromContext(ctx)
	fmt.Println(ok, got, got.Kind())
	// Output: true oauth-bearer(REDACTED) oauth-bearer
}
