package transport

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// startHTTP serves newTestServer through NewHTTPHandler on 127.0.0.1 and
// returns the base URL. The server stops when the test ends.
func startHTTP(t *testing.T, opts *HTTPOptions, getServer func(*http.Request) *mcp.Server) string {
	t.Helper()
	if getServer == nil {
		s := newTestServer(nil, nil)
		getServer = func(*http.Request) *mcp.Server { return s }
	}
	h, err := NewHTTPHandler(getServer, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

const initializeBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}`

// post sends one JSON-RPC body to url with the headers given as
// name, value pairs, and returns the response with its body read.
func post(t *testing.T, url, body string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// endSession deletes a stateful session opened by a raw request.
func endSession(t *testing.T, url, sid string, headers ...string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodDelete, url, nil)
	req.Header.Set("Mcp-Session-Id", sid)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if resp, body := do(t, req); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE session: %d %q", resp.StatusCode, body)
	}
}

func TestHTTPModes(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts HTTPOptions
	}{
		{"stateful", HTTPOptions{Auth: NoAuth()}},
		{"stateless", HTTPOptions{Auth: NoAuth(), Stateless: true}},
		{"stateful json", HTTPOptions{Auth: NoAuth(), JSONResponse: true}},
		{"stateless json", HTTPOptions{Auth: NoAuth(), Stateless: true, JSONResponse: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGoroutines(t)
			url := startHTTP(t, &tt.opts, nil)
			cs := connectHTTP(t, url+"/mcp", "")
			for i := range 3 {
				text := fmt.Sprintf("call %d", i)
				if got := callTool(t, cs, "echo", map[string]any{"text": text}); got != text {
					t.Errorf("echo = %q, want %q", got, text)
				}
			}
			if got, want := callTool(t, cs, "whoami", nil), "anonymous anonymous"; got != want {
				t.Errorf("whoami without auth = %q, want %q", got, want)
			}
			if !tt.opts.Stateless && cs.ID() == "" {
				t.Error("stateful mode gave no session ID")
			}
			if tt.opts.Stateless && cs.ID() != "" {
				t.Errorf("stateless mode gave session ID %q", cs.ID())
			}
		})
	}
}

func TestHTTPHealth(t *testing.T) {
	checkGoroutines(t)
	url := startHTTP(t, &HTTPOptions{Auth: StaticSecret("a-secret-of-sixteen-or-more")}, nil)

	req, _ := http.NewRequest(http.MethodGet, url+"/healthz", nil)
	resp, body := do(t, req)
	if resp.StatusCode != http.StatusOK || body != "ok" {
		t.Errorf("GET /healthz without credentials = %d %q, want 200 \"ok\"", resp.StatusCode, body)
	}
	req, _ = http.NewRequest(http.MethodPost, url+"/healthz", nil)
	if resp, _ := do(t, req); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz = %d, want 405", resp.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodGet, url+"/elsewhere", nil)
	if resp, _ := do(t, req); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /elsewhere = %d, want 404", resp.StatusCode)
	}

	custom := startHTTP(t, &HTTPOptions{Auth: NoAuth(), Path: "/v1/mcp", HealthPath: "/live"}, nil)
	req, _ = http.NewRequest(http.MethodGet, custom+"/live", nil)
	if resp, body := do(t, req); resp.StatusCode != http.StatusOK || body != "ok" {
		t.Errorf("GET custom health path = %d %q", resp.StatusCode, body)
	}
	cs := connectHTTP(t, custom+"/v1/mcp", "")
	if got := callTool(t, cs, "echo", map[string]any{"text": "custom path"}); got != "custom path" {
		t.Errorf("echo on custom path = %q", got)
	}
}

func TestHTTPHostAndOrigin(t *testing.T) {
	checkGoroutines(t)
	// Stateless, so that the accepted initialize requests leave no session.
	url := startHTTP(t, &HTTPOptions{Auth: NoAuth(), Stateless: true, AllowedOrigins: []string{"https://app.example.com"}}, nil)
	tests := []struct {
		name    string
		headers []string
		want    int
	}{
		{"loopback name", []string{"Host", "localhost:1234"}, http.StatusOK},
		{"loopback IPv6", []string{"Host", "[::1]:80"}, http.StatusOK},
		{"rebinding host", []string{"Host", "attacker.example:8080"}, http.StatusForbidden},
		{"foreign origin", []string{"Origin", "https://attacker.example"}, http.StatusForbidden},
		{"null origin", []string{"Origin", "null"}, http.StatusForbidden},
		{"allowed origin", []string{"Origin", "https://app.example.com"}, http.StatusOK},
	}
	for _, tt := range tests {
		resp, body := post(t, url+"/mcp", initializeBody, tt.headers...)
		if resp.StatusCode != tt.want {
			t.Errorf("%s: status %d (%s), want %d", tt.name, resp.StatusCode, strings.TrimSpace(body), tt.want)
		}
	}

	explicit := startHTTP(t, &HTTPOptions{Auth: NoAuth(), Stateless: true, AllowedHosts: []string{"mcp.example.com", "localhost:9999"}}, nil)
	for host, want := range map[string]int{
		"mcp.example.com":      http.StatusOK,
		"MCP.example.com:8443": http.StatusOK,
		"localhost:9999":       http.StatusOK,
		"localhost:1234":       http.StatusForbidden,
		"127.0.0.1":            http.StatusForbidden,
		"other.example.com":    http.StatusForbidden,
	} {
		if resp, body := post(t, explicit+"/mcp", initializeBody, "Host", host); resp.StatusCode != want {
			t.Errorf("explicit hosts, Host %q: status %d (%s), want %d", host, resp.StatusCode, strings.TrimSpace(body), want)
		}
	}

	anyHost := startHTTP(t, &HTTPOptions{Auth: NoAuth(), Stateless: true, AllowedHosts: []string{"*"}}, nil)
	if resp, _ := post(t, anyHost+"/mcp", initializeBody, "Host", "anything.example"); resp.StatusCode != http.StatusOK {
		t.Errorf("AllowedHosts * refused a host: %d", resp.StatusCode)
	}
}

func TestHTTPBodyTooLarge(t *testing.T) {
	checkGoroutines(t)
	for _, stateless := range []bool{false, true} {
		url := startHTTP(t, &HTTPOptions{Auth: NoAuth(), MaxBodyBytes: 1024, Stateless: stateless}, nil)
		big := `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"` + strings.Repeat("x", 2048) + `"}}`
		if resp, body := post(t, url+"/mcp", big); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "1024") {
			t.Errorf("stateless=%v: 2 KiB body = %d %q, want 413 naming the limit", stateless, resp.StatusCode, body)
		}
		// Without Content-Length (chunked), the limit holds while reading.
		req, _ := http.NewRequest(http.MethodPost, url+"/mcp", io.MultiReader(strings.NewReader(big)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if resp, _ := do(t, req); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("stateless=%v: chunked 2 KiB body = %d, want 413", stateless, resp.StatusCode)
		}
		resp, body := post(t, url+"/mcp", initializeBody)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("stateless=%v: small body = %d %q, want 200", stateless, resp.StatusCode, body)
		}
		if sid := resp.Header.Get("Mcp-Session-Id"); sid != "" {
			endSession(t, url+"/mcp", sid)
		}
	}
}

func TestHTTPStaticSecret(t *testing.T) {
	checkGoroutines(t)
	const secret = "operator-chosen-secret-0123456789"
	var logs syncBuffer
	url := startHTTP(t, &HTTPOptions{Auth: StaticSecret(secret), Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}, nil)

	for name, header := range map[string]string{
		"missing":      "",
		"wrong":        "Bearer not-the-secret-at-all-0000",
		"wrong scheme": "Token token=" + secret,
		"prefix":       "Bearer " + secret[:len(secret)-1],
	} {
		var h []string
		if header != "" {
			h = []string{"Authorization", header}
		}
		resp, body := post(t, url+"/mcp", initializeBody, h...)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, resp.StatusCode)
		}
		if ch := resp.Header.Get("WWW-Authenticate"); !strings.HasPrefix(ch, "Bearer ") {
			t.Errorf("%s: WWW-Authenticate = %q, want a Bearer challenge", name, ch)
		}
		assertNoSecret(t, name+" response", body, secret)
	}

	cs := connectHTTP(t, url+"/mcp", "Bearer "+secret)
	if got := callTool(t, cs, "echo", map[string]any{"text": "authorized"}); got != "authorized" {
		t.Errorf("echo = %q", got)
	}
	if got, want := callTool(t, cs, "whoami", nil), "anonymous anonymous"; got != want {
		t.Errorf("whoami with a static secret = %q, want %q (the secret is not a PagerDuty credential)", got, want)
	}
	if !strings.Contains(logs.String(), "status=401") {
		t.Errorf("refusals were not logged:\n%s", logs.String())
	}
	assertNoSecret(t, "logs", logs.String(), secret)
}

func TestHTTPPassThroughRefusesMissingCredential(t *testing.T) {
	checkGoroutines(t)
	url := startHTTP(t, nil, nil) // the zero options mean pass-through
	for name, header := range map[string]string{
		"missing": "",
		"basic":   "Basic dXNlcjpwYXNz",
		"empty":   "Token token=",
	} {
		var h []string
		if header != "" {
			h = []string{"Authorization", header}
		}
		resp, body := post(t, url+"/mcp", initializeBody, h...)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, resp.StatusCode)
		}
		challenges := strings.Join(resp.Header.Values("WWW-Authenticate"), ", ")
		if !strings.Contains(challenges, "Token ") || !strings.Contains(challenges, "Bearer ") {
			t.Errorf("%s: WWW-Authenticate = %q, want Token and Bearer challenges", name, challenges)
		}
		if !strings.Contains(body, "Token token=<api key>") {
			t.Errorf("%s: body %q does not say what is accepted", name, body)
		}
	}
}

func TestHTTPPassThroughCredentialReachesTools(t *testing.T) {
	for _, stateless := range []bool{false, true} {
		t.Run(fmt.Sprintf("stateless=%v", stateless), func(t *testing.T) {
			checkGoroutines(t)
			var logs syncBuffer
			s := newTestServer(nil, nil)
			var mu sync.Mutex
			seen := map[string]bool{} // digests seen by getServer
			getServer := func(r *http.Request) *mcp.Server {
				if c, ok := CredentialFromContext(r.Context()); ok {
					mu.Lock()
					seen[c.Kind().String()+":"+digest(c.Token())] = true
					mu.Unlock()
				}
				return s
			}
			// No concurrency limit here: this test is about isolation.
			url := startHTTP(t, &HTTPOptions{Stateless: stateless, MaxInFlightPerCaller: -1, Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}, getServer)

			apiUser := "api-token:" + digest(testAPIKey)
			oauthUser := "oauth-bearer:" + digest(testOAuth)
			a := connectHTTP(t, url+"/mcp", "Token token="+testAPIKey)
			b := connectHTTP(t, url+"/mcp", "Bearer "+testOAuth)

			// Both callers at once, many times: each sees only their own.
			var wg sync.WaitGroup
			errs := make(chan string, 40)
			for i := range 20 {
				cs, want := a, apiUser
				if i%2 == 1 {
					cs, want = b, oauthUser
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "whoami"})
					if err != nil {
						errs <- err.Error()
						return
					}
					got := res.Content[0].(*mcp.TextContent).Text
					if got != want+" "+want {
						errs <- fmt.Sprintf("caller %s saw %q", want, got)
					}
				}()
			}
			wg.Wait()
			close(errs)
			for e := range errs {
				t.Error(e)
			}
			mu.Lock()
			if !seen[apiUser] || !seen[oauthUser] {
				t.Errorf("getServer saw credentials %v, want both callers'", seen)
			}
			mu.Unlock()

			// A refused request is logged, without the token.
			post(t, url+"/mcp", initializeBody, "Authorization", "Token "+testAPIKey)
			if !strings.Contains(logs.String(), `"status":401`) {
				t.Errorf("the refusal was not logged:\n%s", logs.String())
			}
			assertNoSecret(t, "logs", logs.String(), testAPIKey, testOAuth)
		})
	}
}

func TestHTTPSessionBoundToCredential(t *testing.T) {
	checkGoroutines(t)
	url := startHTTP(t, nil, nil)
	resp, body := post(t, url+"/mcp", initializeBody, "Authorization", "Token token="+testAPIKey)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("initialize = %d %q", resp.StatusCode, body)
	}
	sid := resp.Header.Get("Mcp-Session-Id")
	if sid == "" {
		t.Fatal("no session ID")
	}
	initialized := `{"jsonrpc":"2.0","method":"notifications/initialized"}`
	list := `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`

	resp, body = post(t, url+"/mcp", initialized, "Authorization", "Bearer "+testOAuth, "Mcp-Session-Id", sid, "Mcp-Protocol-Version", "2025-06-18")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("session used with another caller's credential: %d %q, want 403", resp.StatusCode, body)
	}
	resp, _ = post(t, url+"/mcp", list, "Authorization", "Token token=another0key0000000000", "Mcp-Session-Id", sid, "Mcp-Protocol-Version", "2025-06-18")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("session used with another API key: %d, want 403", resp.StatusCode)
	}
	resp, body = post(t, url+"/mcp", initialized, "Authorization", "Token token="+testAPIKey, "Mcp-Session-Id", sid, "Mcp-Protocol-Version", "2025-06-18")
	if resp.StatusCode != http.StatusAccepted {
		t.Errorf("session used by its owner: %d %q, want 202", resp.StatusCode, body)
	}
	resp, body = post(t, url+"/mcp", list, "Authorization", "Token token="+testAPIKey, "Mcp-Session-Id", sid, "Mcp-Protocol-Version", "2025-06-18")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "whoami") {
		t.Errorf("tools/list by the owner: %d %q", resp.StatusCode, body)
	}
	req, _ := http.NewRequest(http.MethodDelete, url+"/mcp", nil)
	req.Header.Set("Authorization", "Bearer "+testOAuth)
	req.Header.Set("Mcp-Session-Id", sid)
	if resp, _ := do(t, req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("DELETE by another caller: %d, want 403", resp.StatusCode)
	}
	req.Header.Set("Authorization", "Token token="+testAPIKey)
	if resp, _ := do(t, req); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE by the owner: %d, want 204", resp.StatusCode)
	}
}

func TestHTTPConcurrencyLimit(t *testing.T) {
	checkGoroutines(t)
	started := make(chan struct{})
	release := make(chan struct{})
	s := newTestServer(started, release)
	url := startHTTP(t, &HTTPOptions{Stateless: true, MaxInFlightPerCaller: 2}, func(*http.Request) *mcp.Server { return s })

	const version = "2025-06-18"
	block := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"block","arguments":{}}}`
	echo := `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`
	apiKey := []string{"Authorization", "Token token=" + testAPIKey, "Mcp-Protocol-Version", version}

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, body := post(t, url+"/mcp", block, apiKey...); resp.StatusCode != http.StatusOK || !strings.Contains(body, "released") {
				t.Errorf("blocked call: %d %q", resp.StatusCode, body)
			}
		}()
	}
	<-started
	<-started // two calls in flight for this caller

	resp, body := post(t, url+"/mcp", echo, apiKey...)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("third request of the same caller: %d %q (Retry-After %q), want 429 with Retry-After", resp.StatusCode, body, resp.Header.Get("Retry-After"))
	}
	resp, body = post(t, url+"/mcp", echo, "Authorization", "Bearer "+testOAuth, "Mcp-Protocol-Version", version)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("another caller meanwhile: %d %q, want 200", resp.StatusCode, body)
	}
	close(release)
	wg.Wait()
	// A handler gives its slot back just after its response is written, so
	// the caller may need a moment before the next request is accepted.
	deadline := time.Now().Add(2 * time.Second)
	for {
		resp, _ = post(t, url+"/mcp", echo, apiKey...)
		if resp.StatusCode != http.StatusTooManyRequests || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("same caller after the calls ended: %d, want 200", resp.StatusCode)
	}
}

func TestNewHTTPHandlerRefusesBadOptions(t *testing.T) {
	get := func(*http.Request) *mcp.Server { return nil }
	tests := []struct {
		name    string
		get     func(*http.Request) *mcp.Server
		opts    HTTPOptions
		mention string
	}{
		{"nil getServer", nil, HTTPOptions{}, "getServer"},
		{"short secret", get, HTTPOptions{Auth: StaticSecret("short")}, "16 characters"},
		{"relative path", get, HTTPOptions{Path: "mcp"}, `must start with "/"`},
		{"same paths", get, HTTPOptions{Path: "/x", HealthPath: "/x"}, "must differ"},
		{"host with scheme", get, HTTPOptions{AllowedHosts: []string{"https://example.com"}}, "AllowedHosts"},
		{"origin without scheme", get, HTTPOptions{AllowedOrigins: []string{"example.com"}}, "scheme://host"},
		{"origin with path", get, HTTPOptions{AllowedOrigins: []string{"https://example.com/app"}}, "AllowedOrigins"},
	}
	for _, tt := range tests {
		h, err := NewHTTPHandler(tt.get, &tt.opts)
		if err == nil || h != nil {
			t.Errorf("%s: NewHTTPHandler succeeded", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
	}
	if _, err := NewHTTPHandler(get, nil); err != nil {
		t.Errorf("nil options: %v", err)
	}
}

func TestAuthString(t *testing.T) {
	for a, want := range map[string]Auth{"pass-through": {}, "static-secret": StaticSecret("0123456789abcdef-secret"), "none": NoAuth()} {
		if got := want.String(); got != a {
			t.Errorf("String() = %q, want %q", got, a)
		}
		printed := fmt.Sprintf("%v %+v %#v %+v", want, want, want, &HTTPOptions{Auth: want})
		assertNoSecret(t, "printed Auth", printed, "0123456789abcdef-secret")
	}
}
