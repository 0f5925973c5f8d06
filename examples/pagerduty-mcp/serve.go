package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/transport"
)

// serveStdio serves the tools to the client that started the program. A
// person who starts it in a terminal is told what it does and how to connect
// a client; a client that starts it gets a quiet standard error.
func (a *app) serveStdio(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	opts := []transport.StdioOption{transport.WithBanner(a.banner())}
	if stdin != os.Stdin || stdout != os.Stdout {
		opts = append(opts, transport.WithIO(stdin, stdout))
	}
	if stderr != os.Stderr {
		opts = append(opts, transport.WithStatus(stderr))
	}
	return transport.ServeStdio(ctx, a.server, opts...)
}

func (a *app) banner() string {
	account := "your PagerDuty account"
	entry := map[string]any{"command": "pagerduty-mcp", "env": map[string]string{"PAGERDUTY_USER_API_KEY": "<your token>"}}
	if a.cfg.demo {
		account = "the built-in DEMO account (made-up data; nothing leaves this machine)"
		entry = map[string]any{"command": "pagerduty-mcp", "args": []string{"--demo"}}
	}
	mode := "read-only"
	if a.filter.EnableWrites && !a.filter.ReadOnly {
		mode = "write tools enabled"
	}
	cfg, _ := json.Marshal(map[string]any{"mcpServers": map[string]any{"pagerduty": entry}})
	return fmt.Sprintf(`pagerduty-mcp: serving %d PagerDuty tools (%s) on %s over stdio.
It speaks MCP on standard input and output and waits for a client; this
terminal is not one. Let your MCP client start it instead, e.g. in Claude
Desktop's claude_desktop_config.json:
  %s
See the tools with: pagerduty-mcp --list-tools. Stop with Ctrl-C.
`, len(a.tools), mode, account, cfg)
}

// serveHTTP serves streamable HTTP until ctx ends.
func (a *app) serveHTTP(ctx context.Context) error {
	var auth transport.Auth
	switch a.cfg.auth {
	case "secret":
		auth = transport.StaticSecret(a.cfg.authSecret)
	case "none":
		auth = transport.NoAuth()
	default:
		auth = transport.PassThrough()
	}
	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return a.server }, &transport.HTTPOptions{
		Auth:      auth,
		Stateless: a.cfg.stateless,
		Logger:    a.logger,
	})
	if err != nil {
		return err
	}
	a.logger.Info("serving PagerDuty tools over streamable HTTP",
		"tools", len(a.tools), "auth", a.cfg.auth, "demo", a.cfg.demo, "stateless", a.cfg.stateless,
		"mcp", "http://"+a.cfg.addr()+"/mcp", "health", "http://"+a.cfg.addr()+"/healthz")
	return transport.ListenAndServe(ctx, a.cfg.addr(), h, &transport.ServeOptions{Logger: a.logger})
}
