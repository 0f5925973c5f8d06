package transport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// isTerminal reports whether f is a character device, which is how a
// terminal looks from the standard library. (/dev/null is one too; writing
// the status there is harmless.)
func isTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// defaultBanner explains, to a person who started the server by hand, what
// it is doing and how to let an MCP client start it instead. It shows the
// program's path but never its arguments, which may hold secrets.
func defaultBanner(name, command string) string {
	if command == "" {
		command, _ = os.Executable()
		if command == "" && len(os.Args) > 0 {
			command = os.Args[0]
		}
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(command), filepath.Ext(command))
	}
	if name == "" || name == "." {
		name = "mcp-server"
	}
	claude, _ := json.Marshal(map[string]any{"mcpServers": map[string]any{name: map[string]any{"command": command}}})
	vscode, _ := json.Marshal(map[string]any{"servers": map[string]any{name: map[string]any{"type": "stdio", "command": command}}})
	var b strings.Builder
	fmt.Fprintf(&b, "%s: serving MCP (Model Context Protocol) on stdin/stdout.\n", name)
	b.WriteString("Waiting for an MCP client. Standard input expects JSON-RPC messages, not typing;\n")
	b.WriteString("let an MCP client start this program instead, for example:\n")
	fmt.Fprintf(&b, "  Claude Desktop (claude_desktop_config.json): %s\n", claude)
	fmt.Fprintf(&b, "  VS Code (.vscode/mcp.json):                  %s\n", vscode)
	b.WriteString("Add \"args\" and \"env\" to pass flags and credentials. Press Ctrl+C to stop.")
	return b.String()
}

// describeClient returns who the client is, from an initialize request
// (params.clientInfo) or from a request carrying the client's identity in
// its metadata (newer protocol versions), or "" if line has neither.
func describeClient(line []byte) string {
	type info struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	var msg struct {
		Method string `json:"method"`
		Params struct {
			ClientInfo      *info  `json:"clientInfo"`
			ProtocolVersion string `json:"protocolVersion"`
			Meta            struct {
				ClientInfo      *info  `json:"io.modelcontextprotocol/clientInfo"`
				ProtocolVersion string `json:"io.modelcontextprotocol/protocolVersion"`
			} `json:"_meta"`
		} `json:"params"`
	}
	if json.Unmarshal(line, &msg) != nil {
		return ""
	}
	ci, version := msg.Params.ClientInfo, msg.Params.ProtocolVersion
	if msg.Method != "initialize" || ci == nil {
		ci, version = msg.Params.Meta.ClientInfo, msg.Params.Meta.ProtocolVersion
	}
	if ci == nil {
		return ""
	}
	// %q keeps control characters a client might send off the terminal.
	return fmt.Sprintf("%q %q (protocol %q)", ci.Name, ci.Version, version)
}

// Bounds on how much of the input lineSniffer looks at.
const (
	maxSniffBytes = 64 << 10
	maxSniffLines = 8
)

// lineSniffer passes reads through and hands each complete line to onLine
// until onLine reports true, or until it has seen maxSniffLines lines or
// maxSniffBytes bytes of one line; then it only passes reads through.
type lineSniffer struct {
	r      io.Reader
	onLine func([]byte) (stop bool)
	buf    []byte
	lines  int
	done   bool
}

func (f *lineSniffer) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if f.done || f.onLine == nil || n <= 0 {
		return n, err
	}
	chunk := p[:n]
	for len(chunk) > 0 && !f.done {
		i := bytes.IndexByte(chunk, '\n')
		if i < 0 {
			if len(f.buf)+len(chunk) > maxSniffBytes {
				f.done, f.buf = true, nil
			} else {
				f.buf = append(f.buf, chunk...)
			}
			break
		}
		f.buf = append(f.buf, chunk[:i]...)
		chunk = chunk[i+1:]
		f.lines++
		if f.onLine(f.buf) || f.lines >= maxSniffLines {
			f.done = true
		}
		f.buf = f.buf[:0]
	}
	if f.done {
		f.buf = nil
	}
	return n, err
}
