package transport_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/internal/reliability"
	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
	"github.com/pdkit/pdkit/transport"
)

const (
	relMaxInFlight = 4
	relTokenA      = "u+CallerAlphaSecret01"
	relTokenB      = "u+CallerBravoSecret02"
)

// relStack is the example server's HTTP mode, assembled the way
// examples/pagerduty-mcp does in pass-through mode: each caller's own
// credential builds the PagerDuty client of its tool calls. PagerDuty is
// the in-memory one, behind a recorder of the tokens that reach it.
type relStack struct {
	mcpURL string
	logs   *reliability.LogBuffer
	pd     *pdtest.Handler

	mu   sync.Mutex
	seen map[string]map[string]bool // token -> "METHOD /path" it reached PagerDuty with
}

func newRelStack(t *testing.T) *relStack {
	t.Helper()
	s := &relStack{logs: reliability.NewLogBuffer(), seen: map[string]map[string]bool{}}
	pd := pdtest.NewHandler(pdtest.WithToken(relTokenA), pdtest.WithReadOnlyToken(relTokenB))
	s.pd = pd
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Token token=")
		s.mu.Lock()
		if s.seen[tok] == nil {
			s.seen[tok] = map[string]bool{}
		}
		s.seen[tok][r.Method+" "+r.URL.Path] = true
		s.mu.Unlock()
		pd.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	clients := func(ctx context.Context) (*pagerduty.Client, error) {
		cred, ok := transport.CredentialFromContext(ctx)
		if !ok {
			return nil, errors.New("no credential")
		}
		return pagerduty.NewClient(pagerduty.WithToken(cred.Token()), pagerduty.WithBaseURL(front.URL),
			pagerduty.WithLogger(s.logs.Logger()), pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: -1}))
	}
	reg, err := mcptools.NewPerRequest(clients, &mcptools.Options{Logger: s.logs.Logger()})
	if err != nil {
		t.Fatal(err)
	}
	server := mcp.NewServer(&mcp.Implementation{Name: "pagerduty-mcp", Version: "test"}, nil)
	if _, err := reg.Register(server, mcptools.Filter{Toolsets: []string{"all"}, EnableWrites: true}); err != nil {
		t.Fatal(err)
	}
	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return server },
		&transport.HTTPOptions{Logger: s.logs.Logger(), MaxBodyBytes: 64 << 10, MaxInFlightPerCaller: relMaxInFlight})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	s.mcpURL = hs.URL + "/mcp"
	return s
}

type relAuthTransport struct {
	auth string
	base http.RoundTripper
}

func (a *relAuthTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", a.auth)
	return a.base.RoundTrip(r)
}

func (s *relStack) connect(t *testing.T, token string) *mcp.ClientSession {
	t.Helper()
	base := &http.Transport{}
	t.Cleanup(base.CloseIdleConnections)
	c := mcp.NewClient(&mcp.Implementation{Name: "caller", Version: "v1"}, nil)
	cs, err := c.Connect(context.Background(), &mcp.StreamableClientTransport{
		Endpoint:   s.mcpURL,
		HTTPClient: &http.Client{Transport: &relAuthTransport{auth: "Token token=" + token, base: base}},
		MaxRetries: -1,
	}, nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

// post sends a raw JSON-RPC POST and returns the status.
func (s *relStack) post(t *testing.T, body string, header map[string]string) int {
	t.Helper()
	req, err := http.NewRequest("POST", s.mcpURL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	if strings.Contains(b.String(), relTokenA) || strings.Contains(b.String(), relTokenB) {
		t.Errorf("an answer holds a token: %s", b.String())
	}
	return resp.StatusCode
}

// TestReliabilityHTTPServerEndToEnd proves, through the whole stack (HTTP
// transport, per-caller registry, PagerDuty client, in-memory PagerDuty),
// that the server refuses calls without valid authentication, checks Host
// and Origin, limits body size, never lets one caller's token serve
// another's calls while both work at once, and never shows a token in a
// log, an answer or an error.
func TestReliabilityHTTPServerEndToEnd(t *testing.T) {
	s := newRelStack(t)
	const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}`
	auth := map[string]string{"Authorization": "Token token=" + relTokenA}
	refusals := []struct {
		name   string
		header map[string]string
		body   string
		want   int
	}{
		{"no credential", nil, initialize, http.StatusUnauthorized},
		{"unknown scheme", map[string]string{"Authorization": "Basic " + relTokenA}, initialize, http.StatusUnauthorized},
		{"empty token", map[string]string{"Authorization": "Token token="}, initialize, http.StatusUnauthorized},
		{"foreign Host (DNS rebinding)", map[string]string{"Authorization": auth["Authorization"], "Host": "evil.example"}, initialize, http.StatusForbidden},
		{"foreign Origin (web page)", map[string]string{"Authorization": auth["Authorization"], "Origin": "https://evil.example"}, initialize, http.StatusForbidden},
		{"body over the limit", auth, `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"x":"` + strings.Repeat("A", 70<<10) + `"}}`, http.StatusRequestEntityTooLarge},
	}
	for _, tc := range refusals {
		if got := s.post(t, tc.body, tc.header); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	if got := s.post(t, initialize, auth); got != http.StatusOK {
		t.Fatalf("a valid initialize got %d", got)
	}

	// Two callers at once, each with their own token, on different tools,
	// each within its limit of calls in flight.
	a, b := s.connect(t, relTokenA), s.connect(t, relTokenB)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range relMaxInFlight - 1 {
		wg.Go(func() {
			res, err := a.CallTool(context.Background(), &mcp.CallToolParams{Name: "list_incidents", Arguments: map[string]any{}})
			if err == nil && res.IsError {
				err = fmt.Errorf("caller A, call %d: %s", i, relText(res))
			}
			errs <- err
		})
		wg.Go(func() {
			res, err := b.CallTool(context.Background(), &mcp.CallToolParams{Name: "list_services", Arguments: map[string]any{}})
			if err == nil && res.IsError {
				err = fmt.Errorf("caller B, call %d: %s", i, relText(res))
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	// The limit is per caller: A sends three times its limit at once to a
	// slow PagerDuty and gets some refused, while B's call goes through.
	s.pd.SetFaults(pdtest.Faults{Latency: 300 * time.Millisecond})
	var refused, bErr atomic.Int32
	for range 3 * relMaxInFlight {
		wg.Go(func() {
			_, err := a.CallTool(context.Background(), &mcp.CallToolParams{Name: "list_incidents", Arguments: map[string]any{}})
			if err != nil && strings.Contains(err.Error(), "Too Many Requests") {
				refused.Add(1)
			}
		})
	}
	wg.Go(func() {
		time.Sleep(50 * time.Millisecond) // while A's calls are in flight
		res, err := b.CallTool(context.Background(), &mcp.CallToolParams{Name: "list_services", Arguments: map[string]any{}})
		if err != nil || res.IsError {
			bErr.Add(1)
		}
	})
	wg.Wait()
	s.pd.SetFaults(pdtest.Faults{})
	if refused.Load() == 0 {
		t.Errorf("%d calls at once by one caller: none refused, limit %d", 3*relMaxInFlight, relMaxInFlight)
	}
	if bErr.Load() != 0 {
		t.Error("the other caller's call failed while the first was over its limit")
	}

	// B's session ID with A's credential: a session belongs to its caller.
	if got := s.post(t, `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`, map[string]string{
		"Authorization": "Token token=" + relTokenA, "Mcp-Session-Id": b.ID(), "Mcp-Protocol-Version": "2025-06-18"}); got < 400 {
		t.Errorf("caller A used caller B's session: status %d", got)
	}
	// B's token is read-only: a write in B's session must be refused by
	// PagerDuty, which proves it went out with B's token.
	res, err := b.CallTool(context.Background(), &mcp.CallToolParams{Name: "create_incident", Arguments: map[string]any{
		"title": "Disk full", "service": s.pd.Data().Services[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.IsError {
		t.Errorf("a write with the read-only caller's session succeeded: %s", relText(res))
	}
	if msg := relText(res); strings.Contains(msg, relTokenB) || strings.Contains(msg, relTokenA) {
		t.Errorf("a tool error holds a token: %s", msg)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.seen[relTokenA]["GET /incidents"] || !s.seen[relTokenB]["GET /services"] || !s.seen[relTokenB]["POST /incidents"] {
		t.Fatalf("the callers' calls did not reach PagerDuty with their tokens: %v", s.seen)
	}
	if s.seen[relTokenA]["GET /services"] || s.seen[relTokenB]["GET /incidents"] || s.seen[relTokenA]["POST /incidents"] {
		t.Errorf("a caller's tool call went out with the other caller's token: %v", s.seen)
	}
	for tok := range s.seen {
		if tok != relTokenA && tok != relTokenB {
			t.Errorf("PagerDuty saw a credential no caller sent: %q", tok)
		}
	}
	if s.logs.Contains(relTokenA) || s.logs.Contains(relTokenB) {
		t.Errorf("the logs hold a token:\n%s", s.logs)
	}
	if s.logs.String() == "" {
		t.Error("nothing was logged: the refusals and tool calls should be")
	}
}

func relText(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}
