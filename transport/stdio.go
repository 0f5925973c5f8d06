package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// StdioOption configures [ServeStdio]. A nil StdioOption is ignored.
type StdioOption func(*stdioConfig)

type stdioConfig struct {
	in        io.Reader
	out       io.Writer
	status    io.Writer
	statusSet bool
	banner    string
	bannerSet bool
}

// WithIO serves on r and w instead of the process's standard input and
// output, e.g. on io.Pipe ends in tests. If r or w is also an [io.Closer], it
// is closed when the session ends (closing r is what stops a blocked read).
func WithIO(r io.Reader, w io.Writer) StdioOption {
	return func(c *stdioConfig) {
		if r != nil {
			c.in = r
		}
		if w != nil {
			c.out = w
		}
	}
}

// WithStatus sends the human-readable status (the banner, then a line when
// a client connects and when the session ends) to w, whether or not it is a
// terminal. WithStatus(nil) silences it. Without this option the status
// goes to standard error only when standard error is a terminal, that is
// when a person started the program by hand; an MCP client that starts the
// program gets a silent standard error.
func WithStatus(w io.Writer) StdioOption {
	return func(c *stdioConfig) {
		c.status = w
		c.statusSet = true
	}
}

// WithBanner replaces the text printed first on the status writer, which by
// default says that the program serves MCP on stdio, waits for a client and
// how to configure Claude Desktop or VS Code to start it. An empty text
// prints no banner but keeps the connection status lines.
func WithBanner(text string) StdioOption {
	return func(c *stdioConfig) {
		c.banner = text
		c.bannerSet = true
	}
}

// ServeStdio serves s on standard input and output (newline-delimited
// JSON-RPC) until the client closes its end or ctx ends, whichever comes
// first. Standard output carries the protocol only; the status for people
// goes to standard error (see [WithStatus]).
//
// It returns nil when the client disconnected or ctx ended, and an error if
// the session could not start or broke off.
func ServeStdio(ctx context.Context, s *mcp.Server, opts ...StdioOption) error {
	if s == nil {
		return errors.New("transport: ServeStdio needs a server")
	}
	var c stdioConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	status := c.statusWriter()
	if status != nil {
		banner := c.banner
		if !c.bannerSet {
			banner = defaultBanner("", "")
		}
		if banner != "" {
			fmt.Fprintln(status, banner)
		}
	}

	in := c.in
	if in == nil {
		in = os.Stdin
	}
	out := c.out
	if out == nil {
		out = os.Stdout
	}
	var onLine func([]byte) bool
	if status != nil {
		onLine = func(line []byte) bool {
			who := describeClient(line)
			if who != "" {
				fmt.Fprintf(status, "MCP client connected: %s\n", who)
			}
			return who != ""
		}
	}
	t := &mcp.IOTransport{
		Reader: readCloser(&lineSniffer{r: in, onLine: onLine}, in),
		Writer: writeCloser(out, c.out != nil),
	}
	ss, err := s.Connect(ctx, t, nil)
	if err != nil {
		return fmt.Errorf("transport: serve on stdio: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- ss.Wait() }()

	select {
	case err = <-done:
		if status != nil {
			fmt.Fprintln(status, "MCP client disconnected.")
		}
		if err != nil && !isEndOfInput(err) {
			return fmt.Errorf("transport: stdio session: %w", err)
		}
		return nil
	case <-ctx.Done():
		if status != nil {
			fmt.Fprintln(status, "Stopping.")
		}
		_ = ss.Close()
		<-done
		return nil
	}
}

func (c *stdioConfig) statusWriter() io.Writer {
	if c.statusSet {
		return c.status
	}
	if isTerminal(os.Stderr) {
		return os.Stderr
	}
	return nil
}

// isEndOfInput reports whether err only says that the client went away.
func isEndOfInput(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) ||
		errors.Is(err, os.ErrClosed) || errors.Is(err, mcp.ErrConnectionClosed)
}

// readCloser returns r with the Close method of orig, if it has one.
func readCloser(r io.Reader, orig io.Reader) io.ReadCloser {
	if c, ok := orig.(io.Closer); ok {
		return struct {
			io.Reader
			io.Closer
		}{r, c}
	}
	return io.NopCloser(r)
}

// nopWriteCloser is an io.WriteCloser whose Close does nothing.
type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// writeCloser closes w at the end of the session only if the caller gave it
// and it can be closed; the process's own standard output is left open.
func writeCloser(w io.Writer, callerGiven bool) io.WriteCloser {
	if wc, ok := w.(io.WriteCloser); ok && callerGiven {
		return wc
	}
	return nopWriteCloser{w}
}
