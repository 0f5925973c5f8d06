package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/mcptools"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfigRefusesWhatCannotWork(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"stdio without token", nil, nil, "no PagerDuty token"},
		{"unknown transport", []string{"--demo", "--transport", "carrier-pigeon"}, nil, "use stdio or streamable-http"},
		{"sse", []string{"--demo", "--transport", "sse"}, nil, "deprecated"},
		{"demo with token", []string{"--demo"}, map[string]string{"PAGERDUTY_USER_API_KEY": "x"}, "unset PAGERDUTY_USER_API_KEY"},
		{"passthrough with token", []string{"--transport", "streamable-http", "--auth", "passthrough"}, map[string]string{"PAGERDUTY_USER_API_KEY": "x"}, "must hold none"},
		{"short secret", []string{"--demo", "--transport", "streamable-http", "--auth", "secret"}, map[string]string{"MCP_AUTH_SECRET": "short"}, "at least 16"},
		{"no auth on all interfaces", []string{"--demo", "--transport", "streamable-http", "--auth", "none", "--host", "0.0.0.0"}, nil, "refused on 0.0.0.0"},
		{"bad api host", nil, map[string]string{"PAGERDUTY_USER_API_KEY": "x", "PAGERDUTY_API_HOST": "api.eu.pagerduty.com"}, "use a URL"},
		{"bad port", []string{"--demo", "--port", "70000"}, nil, "0 to 65535"},
		{"bad MCP_PORT", []string{"--demo"}, map[string]string{"MCP_PORT": "eighty"}, "not a port"},
		{"stray argument", []string{"--demo", "serve"}, nil, "unexpected argument"},
		{"unknown confirmation", []string{"--demo", "--confirm", "sometimes"}, nil, "use auto, always or never"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			_, err := parseConfig(tc.args, env(tc.env), &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	c, err := parseConfig([]string{"--transport", "streamable-http"}, env(nil), new(bytes.Buffer))
	if err != nil || c.auth != "passthrough" || c.addr() != "127.0.0.1:8000" {
		t.Fatalf("no token over HTTP: %+v, %v; want pass-through on 127.0.0.1:8000", c, err)
	}
	c, err = parseConfig(nil, env(map[string]string{"PAGERDUTY_USER_API_KEY": "k", "MCP_HOST": "0.0.0.0", "MCP_PORT": "9000", "MCP_TRANSPORT": "streamable-http", "MCP_AUTH_SECRET": "0123456789abcdef"}), new(bytes.Buffer))
	if err != nil || c.auth != "secret" || c.addr() != "0.0.0.0:9000" {
		t.Fatalf("token and secret: %+v, %v", c, err)
	}
	c, _ = parseConfig([]string{"--demo", "--toolsets", "incidents, oncall", "--exclude-tools", "get_incident"}, env(nil), new(bytes.Buffer))
	if strings.Join(c.toolsets, "|") != "incidents|oncall" || strings.Join(c.excludeTools, "|") != "get_incident" {
		t.Errorf("lists = %q, %q", c.toolsets, c.excludeTools)
	}
	if c.confirm != mcptools.ConfirmWhenSupported {
		t.Errorf("confirmation by default = %v, want auto", c.confirm)
	}
	c, err = parseConfig([]string{"--demo", "--confirm", "always"}, env(nil), new(bytes.Buffer))
	if err != nil || c.confirm != mcptools.ConfirmAlways {
		t.Errorf("--confirm always: %v, %v", c.confirm, err)
	}
}

func TestNoTokenSaysHowToGetOne(t *testing.T) {
	var stderr bytes.Buffer
	code := run(context.Background(), nil, env(nil), strings.NewReader(""), new(bytes.Buffer), &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "Create API User Token") || !strings.Contains(stderr.String(), "--demo") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
}

// buildBinary compiles the server once per test binary run.
func buildBinary(t *testing.T) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "pagerduty-mcp")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func callListIncidents(t *testing.T, ctx context.Context, s *mcp.ClientSession) {
	t.Helper()
	tools, err := s.ListTools(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, tool := range tools.Tools {
		names[tool.Name] = true
	}
	if !names["list_incidents"] || !names["get_incident"] {
		t.Fatalf("tools = %v, want list_incidents and get_incident", names)
	}
	res, err := s.CallTool(ctx, &mcp.CallToolParams{Name: "list_incidents", Arguments: map[string]any{"limit": 3}})
	if err != nil {
		t.Fatal(err)
	}
	if res.IsError {
		t.Fatalf("list_incidents failed: %+v", res.Content)
	}
	b, _ := json.Marshal(res.StructuredContent)
	var out struct {
		Incidents []struct {
			ID     string `json:"id"`
			Number int    `json:"number"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal(b, &out); err != nil || len(out.Incidents) == 0 || len(out.Incidents) > 3 {
		t.Fatalf("structured answer %s: want 1 to 3 incidents (limit 3)", b)
	}
}

// The built binary serves the demo account over stdio to a client that
// starts it.
func TestBinaryOverStdio(t *testing.T) {
	exe := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.Command(exe, "--demo")
	client := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil)
	s, err := client.Connect(ctx, &mcp.CommandTransport{Command: cmd}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.InitializeResult().ServerInfo.Title; !strings.Contains(got, "demo") {
		t.Errorf("server title %q should say it is the demo account", got)
	}
	callListIncidents(t, ctx, s)
}

type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(r)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// The built binary serves streamable HTTP behind a static secret, answers its
// health endpoint, and stops cleanly on SIGINT.
func TestBinaryOverHTTP(t *testing.T) {
	exe := buildBinary(t)
	port := freePort(t)
	const secret = "test-secret-0123456789"
	cmd := exec.Command(exe, "--demo", "--transport", "streamable-http", "--port", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "MCP_AUTH_SECRET="+secret)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() {
		waitErr = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil && resp.StatusCode == 200 {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not become healthy: %v\n%s", err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	resp, err := http.Post(base+"/mcp", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a request without the secret got %d, want 401", resp.StatusCode)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil)
	s, err := client.Connect(ctx, &mcp.StreamableClientTransport{
		Endpoint:   base + "/mcp",
		HTTPClient: &http.Client{Transport: bearer{secret, http.DefaultTransport}},
	}, nil)
	if err != nil {
		t.Fatalf("connect: %v\n%s", err, stderr.String())
	}
	callListIncidents(t, ctx, s)
	s.Close()

	cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
		var exitErr *exec.ExitError
		if errors.As(waitErr, &exitErr) {
			t.Errorf("exit after SIGINT: %v\n%s", waitErr, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop within 15s of SIGINT")
	}
	if strings.Contains(stderr.String(), secret) {
		t.Error("the secret appears in the server's log")
	}
}
