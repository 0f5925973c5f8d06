package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
)

// config is what the command line and the environment asked for.
type config struct {
	demo         bool
	token        string
	apiHost      string // PAGERDUTY_API_HOST: the REST base URL (EU or a proxy)
	transport    string // stdio or streamable-http
	host         string
	port         int
	enableWrites bool
	readOnly     bool
	toolsets     []string
	tools        []string
	excludeTools []string
	auth         string // HTTP: passthrough, secret or none
	authSecret   string
	stateless    bool
	maxWrites    int
	confirm      mcptools.Confirmation
	logLevel     string
	listTools    bool
}

const usageText = `pagerduty-mcp serves PagerDuty to MCP clients (Claude, VS Code, Cursor, ...).

Usage:
  pagerduty-mcp [flags]

Try it without an account:
  pagerduty-mcp --demo

Serve your account to a client that starts this program (stdio):
  PAGERDUTY_USER_API_KEY=<your user API token> pagerduty-mcp

Serve many users over HTTP, each with their own PagerDuty token:
  pagerduty-mcp --transport streamable-http --host 0.0.0.0 --port 8000

Environment (the names of PagerDuty's own MCP server):
  PAGERDUTY_USER_API_KEY   the API token tools act with (stdio, or HTTP with --auth secret|none)
  PAGERDUTY_API_HOST       REST API base URL; https://api.eu.pagerduty.com for EU accounts
  MCP_HOST, MCP_PORT       where streamable HTTP listens (default 127.0.0.1:8000)
  MCP_AUTH_SECRET          the secret HTTP callers send as "Authorization: Bearer <secret>" (--auth secret)

Flags:
`

// parseConfig reads flags from args and the environment from getenv.
func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("pagerduty-mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	var toolsets, tools, exclude string
	fs.BoolVar(&c.demo, "demo", false, "serve the built-in demo account (an in-memory PagerDuty); no token needed")
	fs.StringVar(&c.transport, "transport", envOr(getenv, "MCP_TRANSPORT", "stdio"), "stdio or streamable-http")
	fs.StringVar(&c.host, "host", envOr(getenv, "MCP_HOST", "127.0.0.1"), "streamable-http: address to listen on")
	portDefault, err := strconv.Atoi(envOr(getenv, "MCP_PORT", "8000"))
	if err != nil {
		return nil, fmt.Errorf("MCP_PORT %q is not a port number", getenv("MCP_PORT"))
	}
	fs.IntVar(&c.port, "port", portDefault, "streamable-http: port to listen on (0 picks a free one)")
	fs.BoolVar(&c.enableWrites, "enable-write-tools", false, "mount the tools that change PagerDuty (create, acknowledge, resolve, ...)")
	fs.BoolVar(&c.readOnly, "read-only", false, "never mount write tools, whatever else is set")
	fs.StringVar(&toolsets, "toolsets", getenv("PAGERDUTY_TOOLSETS"), `comma-separated toolsets to mount, or "all" (default: the default toolsets)`)
	fs.StringVar(&tools, "tools", getenv("PAGERDUTY_TOOLS"), "comma-separated tools to mount in addition to the toolsets")
	fs.StringVar(&exclude, "exclude-tools", getenv("PAGERDUTY_EXCLUDE_TOOLS"), "comma-separated tools never to mount")
	fs.StringVar(&c.auth, "auth", getenv("MCP_AUTH"), "streamable-http: passthrough (each caller sends their own PagerDuty token), secret (MCP_AUTH_SECRET) or none (loopback only); default passthrough without a server token, secret with one")
	fs.BoolVar(&c.stateless, "stateless", false, "streamable-http: keep no sessions, so any replica can answer any request")
	fs.IntVar(&c.maxWrites, "max-writes-per-session", 0, "refuse write tool calls past this many in one session (0: no cap)")
	fs.Func("confirm", "when destructive tools (deletes, removing a user, resolving many incidents) ask the user first, through MCP elicitation: auto (when the client can ask), always (refuse when it cannot) or never (default auto)", func(v string) error {
		cf, err := mcptools.ParseConfirmation(v)
		if err != nil {
			return errors.New("use auto, always or never")
		}
		c.confirm = cf
		return nil
	})
	fs.StringVar(&c.logLevel, "log-level", envOr(getenv, "LOG_LEVEL", "info"), "debug, info, warn or error (logs go to stderr)")
	fs.BoolVar(&c.listTools, "list-tools", false, "print the tools the flags select, with their toolset and whether they write, and exit")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags start with --)", fs.Arg(0))
	}
	c.token = strings.TrimSpace(getenv("PAGERDUTY_USER_API_KEY"))
	c.apiHost = strings.TrimSpace(getenv("PAGERDUTY_API_HOST"))
	c.authSecret = getenv("MCP_AUTH_SECRET")
	c.toolsets, c.tools, c.excludeTools = splitList(toolsets), splitList(tools), splitList(exclude)
	return c, c.validate()
}

func (c *config) validate() error {
	switch c.transport {
	case "stdio", "streamable-http":
	case "http", "sse":
		return fmt.Errorf("--transport %q: use streamable-http (the SSE transport is deprecated in MCP)", c.transport)
	default:
		return fmt.Errorf("--transport %q: use stdio or streamable-http", c.transport)
	}
	if c.port < 0 || c.port > 65535 {
		return fmt.Errorf("--port %d: use 0 to 65535", c.port)
	}
	if c.apiHost != "" {
		u, err := url.Parse(c.apiHost)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("PAGERDUTY_API_HOST %q: use a URL such as https://api.eu.pagerduty.com", c.apiHost)
		}
	}
	if c.demo && c.token != "" {
		return errors.New("--demo serves the built-in demo account: unset PAGERDUTY_USER_API_KEY, or drop --demo to serve your account")
	}
	switch c.auth {
	case "":
		c.auth = c.defaultAuth()
	case "passthrough", "secret", "none":
	default:
		return fmt.Errorf("--auth %q: use passthrough, secret or none", c.auth)
	}
	if c.transport == "stdio" {
		if c.token == "" && !c.demo {
			return errNoToken
		}
		return nil
	}
	switch c.auth {
	case "passthrough":
		if c.token != "" || c.demo {
			return errors.New("--auth passthrough: each caller brings their own PagerDuty token, so the server must hold none; unset PAGERDUTY_USER_API_KEY and --demo, or use --auth secret")
		}
	case "secret":
		if len(c.authSecret) < 16 {
			return errors.New("--auth secret: set MCP_AUTH_SECRET to a random secret of at least 16 characters (for example: openssl rand -hex 32)")
		}
		if c.token == "" && !c.demo {
			return errNoToken
		}
	case "none":
		if !isLoopback(c.host) {
			return fmt.Errorf("--auth none is for local development: it is refused on %s, which other machines can reach; use --auth secret or passthrough", c.host)
		}
		if c.token == "" && !c.demo {
			return errNoToken
		}
	}
	return nil
}

// defaultAuth: pass-through when the server holds no credential; otherwise a
// static secret, or none on a loopback address when no secret is set.
func (c *config) defaultAuth() string {
	switch {
	case c.token == "" && !c.demo:
		return "passthrough"
	case c.authSecret != "":
		return "secret"
	case isLoopback(c.host):
		return "none"
	}
	return "secret"
}

var errNoToken = errors.New(`no PagerDuty token: set PAGERDUTY_USER_API_KEY, or run with --demo to try the built-in demo account.

To get a token: in PagerDuty, open your profile (My Profile), then User Settings,
and choose "Create API User Token". Account-wide keys are under
Integrations > API Access Keys. EU accounts also set
PAGERDUTY_API_HOST=https://api.eu.pagerduty.com`)

// clientOptions returns the options of the PagerDuty client the server acts
// with, from PAGERDUTY_API_HOST.
func (c *config) clientOptions() []pagerduty.Option {
	if c.apiHost == "" {
		return nil
	}
	if strings.Contains(c.apiHost, "api.eu.pagerduty.com") {
		return []pagerduty.Option{pagerduty.WithRegion(pagerduty.EU)}
	}
	return []pagerduty.Option{pagerduty.WithBaseURL(c.apiHost)}
}

func (c *config) addr() string { return net.JoinHostPort(c.host, strconv.Itoa(c.port)) }

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func envOr(getenv func(string) string, key, def string) string {
	if v := strings.TrimSpace(getenv(key)); v != "" {
		return v
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// exitCode is 2 for usage errors, as flag does.
func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
