package transport

import (
	"context"
	"errors"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/jsonrpc"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestConnectCallsTool(t *testing.T) {
	checkGoroutines(t)
	s := newTestServer(nil, nil)
	cs, err := Connect(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	if got := callTool(t, cs, "echo", map[string]any{"text": "hello"}); got != "hello" {
		t.Errorf("echo = %q, want %q", got, "hello")
	}
	if got, want := callTool(t, cs, "whoami", nil), "anonymous anonymous"; got != want {
		t.Errorf("whoami in-process = %q, want %q", got, want)
	}
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": 3}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.IsError {
		t.Error("echo with a number instead of text did not report a tool error")
	}
}

func TestConnectCloseEndsServerSession(t *testing.T) {
	checkGoroutines(t)
	s := newTestServer(nil, nil)
	client := mcp.NewClient(&mcp.Implementation{Name: "custom-client", Version: "v2"}, nil)
	cs, err := Connect(context.Background(), s, &ConnectOptions{Client: client})
	if err != nil {
		t.Fatal(err)
	}
	var sessions []*mcp.ServerSession
	for ss := range s.Sessions() {
		sessions = append(sessions, ss)
	}
	if len(sessions) != 1 {
		t.Fatalf("server has %d sessions while connected, want 1", len(sessions))
	}
	if got := sessions[0].InitializeParams().ClientInfo.Name; got != "custom-client" {
		t.Errorf("server sees client %q, want the one from ConnectOptions", got)
	}
	if err := cs.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// Close waits for the server session: nothing is left right away.
	for range s.Sessions() {
		t.Fatal("server session still registered after Close returned")
	}
}

func TestConnectRefusesNilServer(t *testing.T) {
	if _, err := Connect(context.Background(), nil, nil); err == nil {
		t.Fatal("Connect(nil server) succeeded")
	}
}

func TestConnectCancelledContext(t *testing.T) {
	checkGoroutines(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cs, err := Connect(ctx, newTestServer(nil, nil), nil)
	if err == nil {
		cs.Close()
		t.Fatal("Connect with a cancelled context succeeded")
	}
}

// TestConnectErrorsCrossAsOnTheWire checks that a protocol error reaches the
// client as the JSON-RPC error a remote server would send, and that the
// session goes on working after it.
func TestConnectErrorsCrossAsOnTheWire(t *testing.T) {
	checkGoroutines(t)
	cs, err := Connect(context.Background(), newTestServer(nil, nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	_, err = cs.CallTool(context.Background(), &mcp.CallToolParams{Name: "no_such_tool"})
	var wire *jsonrpc.Error
	if !errors.As(err, &wire) || wire.Code != jsonrpc.CodeInvalidParams {
		t.Fatalf("unknown tool: error %v (%T), want a *jsonrpc.Error with code %d", err, err, jsonrpc.CodeInvalidParams)
	}
	if got := callTool(t, cs, "echo", map[string]any{"text": "still here"}); got != "still here" {
		t.Errorf("echo after an error = %q", got)
	}
}

// TestHandOverDropsTransportFields checks that what one side attaches for
// its own transport (Extra) never reaches the other side, and that the
// other side gets a copy, not the sender's message.
func TestHandOverDropsTransportFields(t *testing.T) {
	req := &jsonrpc.Request{Method: "tools/call", Params: []byte(`{"name":"x"}`), Extra: "secret"}
	got, err := handOver(req)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := got.(*jsonrpc.Request)
	if !ok || r == req || r.Extra != nil || r.Method != req.Method || string(r.Params) != string(req.Params) {
		t.Errorf("handOver(request) = %#v", got)
	}
	id, err := jsonrpc.MakeID("7")
	if err != nil {
		t.Fatal(err)
	}
	resp := &jsonrpc.Response{ID: id, Error: errors.New("boom"), Extra: "secret"}
	got, err = handOver(resp)
	if err != nil {
		t.Fatal(err)
	}
	var wire *jsonrpc.Error
	if rr, ok := got.(*jsonrpc.Response); !ok || rr.Extra != nil || !errors.As(rr.Error, &wire) || wire.Message != "boom" {
		t.Errorf("handOver(error response) = %#v", got)
	}
}
