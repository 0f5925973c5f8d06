package transport

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// closeSessions ends the stateful sessions a test left on s.
func closeSessions(s *mcp.Server) {
	for ss := range s.Sessions() {
		_ = ss.Close()
	}
}

func TestServeShutsDownWhenContextEnds(t *testing.T) {
	checkGoroutines(t)
	s := newTestServer(nil, nil)
	t.Cleanup(func() { closeSessions(s) })
	h, err := NewHTTPHandler(func(*http.Request) *mcp.Server { return s }, &HTTPOptions{Auth: NoAuth()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, ln, h, &ServeOptions{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	}()
	addr := ln.Addr().String()
	base := "http://" + addr

	req, _ := http.NewRequest(http.MethodGet, base+"/healthz", nil)
	if resp, body := do(t, req); resp.StatusCode != http.StatusOK || body != "ok" {
		t.Fatalf("health = %d %q", resp.StatusCode, body)
	}
	// A stateful client keeps an event stream (a GET) open: shutdown must
	// end it rather than wait for it.
	cs := connectHTTP(t, base+"/mcp", "")
	if got := callTool(t, cs, "echo", map[string]any{"text": "before shutdown"}); got != "before shutdown" {
		t.Errorf("echo = %q", got)
	}

	start := time.Now()
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve after cancel = %v, want nil", err)
		}
	case <-time.After(DefaultShutdownTimeout / 2):
		t.Fatal("Serve did not return after its context ended")
	}
	t.Logf("shutdown took %v", time.Since(start))
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("the listener still accepts connections after Serve returned")
	}
	out := logs.String()
	if !strings.Contains(out, addr) || !strings.Contains(out, "serving MCP over HTTP") || !strings.Contains(out, "stopped") {
		t.Errorf("logs do not show the address and the stop:\n%s", out)
	}
}

func TestServeCutsRequestsAfterTimeout(t *testing.T) {
	checkGoroutines(t)
	started := make(chan struct{})
	release := make(chan struct{})
	s := newTestServer(started, release)
	h, err := NewHTTPHandler(func(*http.Request) *mcp.Server { return s }, &HTTPOptions{Auth: NoAuth(), Stateless: true})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, &ServeOptions{ShutdownTimeout: 50 * time.Millisecond}) }()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/mcp",
			strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"block","arguments":{}}}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		tr := &http.Transport{}
		defer tr.CloseIdleConnections()
		if resp, err := (&http.Client{Transport: tr}).Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	cancel()
	err = <-served
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Serve with a request still running = %v, want an error wrapping context.DeadlineExceeded", err)
	}
	close(release)
	wg.Wait()
}

func TestListenAndServe(t *testing.T) {
	checkGoroutines(t)
	if err := ListenAndServe(context.Background(), "127.0.0.1:not-a-port", http.NotFoundHandler(), nil); err == nil || !strings.Contains(err.Error(), "not-a-port") {
		t.Errorf("bad address: error = %v, want one naming the address", err)
	}

	addrs := make(chan string, 1)
	logger := slog.New(&addrCatcher{addrs: addrs})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- ListenAndServe(ctx, "127.0.0.1:0", http.NotFoundHandler(), &ServeOptions{Logger: logger})
	}()
	var addr string
	select {
	case addr = <-addrs:
	case err := <-served:
		t.Fatalf("ListenAndServe returned early: %v", err)
	}
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/", nil)
	if resp, _ := do(t, req); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET / = %d, want the handler's 404", resp.StatusCode)
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("ListenAndServe after cancel = %v", err)
	}
}

// addrCatcher is a slog.Handler that sends the "addr" of the first record
// that has one.
type addrCatcher struct {
	addrs chan string
	once  sync.Once
}

func (a *addrCatcher) Enabled(context.Context, slog.Level) bool { return true }
func (a *addrCatcher) WithAttrs([]slog.Attr) slog.Handler       { return a }
func (a *addrCatcher) WithGroup(string) slog.Handler            { return a }
func (a *addrCatcher) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(at slog.Attr) bool {
		if at.Key == "addr" {
			a.once.Do(func() { a.addrs <- at.Value.String() })
			return false
		}
		return true
	})
	return nil
}
