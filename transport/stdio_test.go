package transport

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// recordingWriter keeps a copy of everything written to w.
type recordingWriter struct {
	w   io.WriteCloser
	mu  sync.Mutex
	got strings.Builder
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	r.mu.Lock()
	r.got.Write(p)
	r.mu.Unlock()
	return r.w.Write(p)
}

func (r *recordingWriter) Close() error { return r.w.Close() }

func (r *recordingWriter) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.got.String()
}

// stdioPair starts ServeStdio on pipes and returns a connected client
// session, the protocol bytes the server wrote, and the result channel.
func stdioPair(t *testing.T, ctx context.Context, opts ...StdioOption) (*mcp.ClientSession, *recordingWriter, <-chan error) {
	t.Helper()
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	rec := &recordingWriter{w: serverOut}
	done := make(chan error, 1)
	go func() {
		done <- ServeStdio(ctx, newTestServer(nil, nil), append([]StdioOption{WithIO(serverIn, rec)}, opts...)...)
	}()
	client := mcp.NewClient(&mcp.Implementation{Name: "test-client", Version: "v1"}, nil)
	cs, err := client.Connect(context.Background(), &mcp.IOTransport{Reader: clientIn, Writer: clientOut}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cs, rec, done
}

func waitDone(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("ServeStdio did not return")
		return nil
	}
}

func TestServeStdioEndToEnd(t *testing.T) {
	checkGoroutines(t)
	var status syncBuffer
	cs, rec, done := stdioPair(t, context.Background(), WithStatus(&status))

	if got := callTool(t, cs, "echo", map[string]any{"text": "over stdio"}); got != "over stdio" {
		t.Errorf("echo = %q", got)
	}
	if err := cs.Close(); err != nil {
		t.Fatalf("client Close: %v", err)
	}
	if err := waitDone(t, done); err != nil {
		t.Fatalf("ServeStdio after the client left = %v, want nil", err)
	}

	// Standard output carries the protocol and nothing else.
	sc := bufio.NewScanner(strings.NewReader(rec.String()))
	lines := 0
	for sc.Scan() {
		lines++
		var msg struct {
			JSONRPC string `json:"jsonrpc"`
		}
		if err := json.Unmarshal(sc.Bytes(), &msg); err != nil || msg.JSONRPC != "2.0" {
			t.Errorf("stdout line %d is not a JSON-RPC message: %q", lines, sc.Text())
		}
	}
	if lines < 2 {
		t.Errorf("stdout had %d lines, want the initialize and tools/call answers", lines)
	}

	out := status.String()
	for _, want := range []string{"serving MCP", "Claude Desktop", "VS Code", `MCP client connected: "test-client" "v1"`, "disconnected"} {
		if !strings.Contains(out, want) {
			t.Errorf("status does not mention %q:\n%s", want, out)
		}
	}
}

func TestServeStdioStopsWhenContextEnds(t *testing.T) {
	checkGoroutines(t)
	ctx, cancel := context.WithCancel(context.Background())
	var status syncBuffer
	cs, _, done := stdioPair(t, ctx, WithStatus(&status), WithBanner(""))
	defer cs.Close()
	if got := callTool(t, cs, "echo", map[string]any{"text": "x"}); got != "x" {
		t.Errorf("echo = %q", got)
	}
	cancel()
	if err := waitDone(t, done); err != nil {
		t.Fatalf("ServeStdio after cancel = %v, want nil", err)
	}
	// The server closed its output: the client's session ends by itself.
	_ = cs.Wait()
	out := status.String()
	if strings.Contains(out, "serving MCP") {
		t.Errorf("WithBanner(\"\") still printed the default banner:\n%s", out)
	}
	if !strings.Contains(out, "Stopping") {
		t.Errorf("status does not say it stops:\n%s", out)
	}
}

func TestServeStdioCustomBannerAndSilence(t *testing.T) {
	checkGoroutines(t)
	var status syncBuffer
	cs, _, done := stdioPair(t, context.Background(), WithStatus(&status), WithBanner("custom banner"))
	cs.Close()
	waitDone(t, done)
	if got := status.String(); !strings.HasPrefix(got, "custom banner\n") {
		t.Errorf("status = %q, want it to start with the custom banner", got)
	}

	cs, _, done = stdioPair(t, context.Background(), WithStatus(nil), nil)
	cs.Close()
	if err := waitDone(t, done); err != nil {
		t.Fatalf("ServeStdio with WithStatus(nil) = %v", err)
	}
}

func TestServeStdioRefusesNilServer(t *testing.T) {
	if err := ServeStdio(context.Background(), nil); err == nil {
		t.Fatal("ServeStdio(nil server) succeeded")
	}
}

func TestDefaultBanner(t *testing.T) {
	b := defaultBanner("pagerduty-mcp", "/usr/local/bin/pagerduty-mcp")
	for _, want := range []string{
		"pagerduty-mcp: serving MCP",
		"Waiting for an MCP client",
		`{"mcpServers":{"pagerduty-mcp":{"command":"/usr/local/bin/pagerduty-mcp"}}}`,
		`{"servers":{"pagerduty-mcp":{"command":"/usr/local/bin/pagerduty-mcp","type":"stdio"}}}`,
		"Ctrl+C",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("banner does not contain %q:\n%s", want, b)
		}
	}
	if b := defaultBanner("", "/opt/tools/my-server.exe"); !strings.HasPrefix(b, "my-server: ") {
		t.Errorf("banner without a name does not use the program's: %q", b)
	}
}

func TestIsTerminalFalseForPipes(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("a pipe was taken for a terminal")
	}
	if isTerminal(nil) {
		t.Error("nil was taken for a terminal")
	}
}

func TestDescribeClient(t *testing.T) {
	line := []byte(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","clientInfo":{"name":"evil\u001b[31m","version":"1"}}}`)
	got := describeClient(line)
	if strings.ContainsRune(got, 0x1b) {
		t.Errorf("describeClient let a control character through: %q", got)
	}
	if !strings.Contains(got, "2025-06-18") {
		t.Errorf("describeClient = %q, want the protocol version", got)
	}
	meta := []byte(`{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/clientInfo":{"name":"c","version":"2"},"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}`)
	if got, want := describeClient(meta), `"c" "2" (protocol "2026-07-28")`; got != want {
		t.Errorf("describeClient(metadata) = %q, want %q", got, want)
	}
	if describeClient([]byte(`{"jsonrpc":"2.0","method":"ping","id":1}`)) != "" {
		t.Error("describeClient described a message that is not initialize")
	}
	if describeClient([]byte(`not json`)) != "" {
		t.Error("describeClient described garbage")
	}
}

func TestLineSniffer(t *testing.T) {
	var lines []string
	f := &lineSniffer{r: iotestOneByte("abc\ndef\nghi\n"), onLine: func(b []byte) bool {
		lines = append(lines, string(b))
		return string(b) == "def"
	}}
	all, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if string(all) != "abc\ndef\nghi\n" {
		t.Errorf("passed through %q", all)
	}
	if strings.Join(lines, ",") != "abc,def" {
		t.Errorf("lines seen = %q, want abc and def, then nothing once onLine stopped it", lines)
	}

	lines = nil
	many := strings.Repeat("x\n", maxSniffLines+3)
	f = &lineSniffer{r: strings.NewReader(many), onLine: func(b []byte) bool { lines = append(lines, string(b)); return false }}
	if all, _ := io.ReadAll(f); string(all) != many {
		t.Errorf("passed through %d bytes, want %d", len(all), len(many))
	}
	if len(lines) != maxSniffLines {
		t.Errorf("looked at %d lines, want at most %d", len(lines), maxSniffLines)
	}
}

// iotestOneByte returns a reader that yields one byte per Read.
func iotestOneByte(s string) io.Reader {
	return &oneByte{s: s}
}

type oneByte struct{ s string }

func (o *oneByte) Read(p []byte) (int, error) {
	if o.s == "" {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.s[0]
	o.s = o.s[1:]
	return 1, nil
}
