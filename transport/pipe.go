package transport

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/jsonrpc"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// pipe joins a client and a server in one process. Where the SDK's
// in-memory transport writes each JSON-RPC message as a line of JSON and
// parses it again on the other end, a pipe hands the message over as a
// value: the parameters and results inside it are JSON already, and stay
// so, but the envelope is neither encoded nor decoded. That halves the cost
// of a round trip (see BenchmarkConnectCallTool).
//
// What crosses is a copy that keeps nothing the wire would drop: the
// transport-only Extra field is cleared, and a response carrying an error
// goes through the wire encoding, so each side sees what it would see over
// stdio.
type pipe struct {
	toServer chan jsonrpc.Message
	toClient chan jsonrpc.Message
	closed   chan struct{}
	once     sync.Once
}

// pipeDepth lets a writer go on while the reader is busy with one or two
// messages, as a socket buffer would; the readers of both ends never stop
// reading while connected.
const pipeDepth = 4

func newPipe() *pipe {
	return &pipe{
		toServer: make(chan jsonrpc.Message, pipeDepth),
		toClient: make(chan jsonrpc.Message, pipeDepth),
		closed:   make(chan struct{}),
	}
}

// end returns one side's transport: the server's reads what the client
// writes, and the other way round.
func (p *pipe) end(server bool) *pipeTransport {
	if server {
		return &pipeTransport{conn: &pipeConn{p: p, in: p.toServer, out: p.toClient}}
	}
	return &pipeTransport{conn: &pipeConn{p: p, in: p.toClient, out: p.toServer}}
}

func (p *pipe) close() {
	p.once.Do(func() { close(p.closed) })
}

// pipeTransport is an [mcp.Transport] over one end of a pipe. It connects
// once: a pipe joins exactly two sessions.
type pipeTransport struct {
	mu   sync.Mutex
	conn *pipeConn
}

// Connect implements [mcp.Transport].
func (t *pipeTransport) Connect(ctx context.Context) (mcp.Connection, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.conn == nil {
		return nil, fmt.Errorf("transport: this end of the in-process pipe is already connected")
	}
	c := t.conn
	t.conn = nil
	return c, nil
}

// pipeConn is an [mcp.Connection] over one end of a pipe. Closing either
// end closes both, as with a socket: the other side's Read reports io.EOF.
type pipeConn struct {
	p   *pipe
	in  <-chan jsonrpc.Message
	out chan<- jsonrpc.Message
}

// Read implements [mcp.Connection].
func (c *pipeConn) Read(ctx context.Context) (jsonrpc.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	select {
	case m := <-c.in:
		return m, nil
	case <-c.p.closed:
		return nil, io.EOF
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Write implements [mcp.Connection].
func (c *pipeConn) Write(ctx context.Context, m jsonrpc.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := handOver(m)
	if err != nil {
		return err
	}
	select {
	case <-c.p.closed:
		return io.ErrClosedPipe
	default:
	}
	select {
	case c.out <- m:
		return nil
	case <-c.p.closed:
		return io.ErrClosedPipe
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close implements [mcp.Connection].
func (c *pipeConn) Close() error {
	c.p.close()
	return nil
}

// SessionID implements [mcp.Connection]: a pipe has no session ID, as
// stdio has none.
func (c *pipeConn) SessionID() string { return "" }

// handOver returns the message as the other end receives it: a copy of the
// envelope without the transport-only Extra field. A response with an error,
// and any message of another kind, crosses through the wire encoding, so
// that an error arrives as the *jsonrpc.Error a remote peer would get and no
// Go error value is shared between the sides.
func handOver(m jsonrpc.Message) (jsonrpc.Message, error) {
	switch v := m.(type) {
	case *jsonrpc.Request:
		c := *v
		c.Extra = nil
		return &c, nil
	case *jsonrpc.Response:
		if v.Error == nil {
			c := *v
			c.Extra = nil
			return &c, nil
		}
	}
	data, err := jsonrpc.EncodeMessage(m)
	if err != nil {
		return nil, fmt.Errorf("transport: encoding a message for the in-process pipe: %w", err)
	}
	out, err := jsonrpc.DecodeMessage(data)
	if err != nil {
		return nil, fmt.Errorf("transport: decoding a message of the in-process pipe: %w", err)
	}
	return out, nil
}
