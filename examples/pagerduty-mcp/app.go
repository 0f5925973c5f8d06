package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"golang.org/x/oauth2"

	"github.com/pdkit/pdkit/internal/httpcore"
	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
	"github.com/pdkit/pdkit/transport"
)

// app is the configured server: the tool registry, the filter choosing the
// tools, and the one MCP server every session shares.
type app struct {
	cfg    *config
	logger *slog.Logger
	reg    *mcptools.Registry
	filter mcptools.Filter
	server *mcp.Server
	tools  []string
	close  func()
}

func newApp(cfg *config, logger *slog.Logger) (*app, error) {
	a := &app{cfg: cfg, logger: logger, close: func() {}}
	a.filter = mcptools.Filter{
		Toolsets:     cfg.toolsets,
		Tools:        cfg.tools,
		ExcludeTools: cfg.excludeTools,
		EnableWrites: cfg.enableWrites,
		ReadOnly:     cfg.readOnly,
	}
	opts := &mcptools.Options{MaxWritesPerSession: cfg.maxWrites, Confirmation: cfg.confirm, Logger: logger}
	var err error
	switch {
	case cfg.demo:
		var c *pagerduty.Client
		if c, err = demoClient(); err == nil {
			a.reg, err = mcptools.New(c, opts)
		}
	case cfg.token != "":
		var c *pagerduty.Client
		c, err = pagerduty.NewClient(append(cfg.clientOptions(), pagerduty.WithToken(cfg.token), pagerduty.WithLogger(logger))...)
		if err == nil {
			a.reg, err = mcptools.New(c, opts)
		}
	default:
		cache := newClientCache(cfg.clientOptions(), logger)
		a.reg, err = mcptools.NewPerRequest(cache.client, opts)
	}
	if err != nil {
		return nil, err
	}
	infos, err := a.reg.Tools(a.filter)
	if err != nil {
		return nil, err
	}
	for _, t := range infos {
		a.tools = append(a.tools, t.Name)
	}
	a.server = mcp.NewServer(&mcp.Implementation{
		Name:    "pagerduty-mcp",
		Title:   a.title(),
		Version: httpcore.Version,
	}, &mcp.ServerOptions{Instructions: a.instructions(), Logger: sdkLogger(cfg, logger)})
	if _, err := a.reg.Register(a.server, a.filter); err != nil {
		return nil, err
	}
	return a, nil
}

// sdkLogger passes the MCP library's own messages (sessions connecting and
// disconnecting) through only at debug level.
func sdkLogger(cfg *config, logger *slog.Logger) *slog.Logger {
	if strings.EqualFold(cfg.logLevel, "debug") {
		return logger
	}
	return nil
}

func (a *app) title() string {
	if a.cfg.demo {
		return "PagerDuty (demo account)"
	}
	return "PagerDuty"
}

func (a *app) instructions() string {
	var b strings.Builder
	b.WriteString("Tools for PagerDuty: incidents, on-call, schedules, services, teams, users and more. ")
	b.WriteString("List tools return a page and a cursor: pass the cursor back to read on. ")
	b.WriteString("Names work where IDs are asked for (a team, a service, a priority such as P1, \"me\"). ")
	if a.cfg.demo {
		b.WriteString("This server serves a DEMO account with made-up data, not a real PagerDuty account: say so when you report what you find. ")
	}
	if !a.filter.EnableWrites || a.filter.ReadOnly {
		b.WriteString("It is read-only: it cannot change PagerDuty.")
	}
	return b.String()
}

// printTools writes the selected tools as a table.
func (a *app) printTools(w io.Writer) error {
	infos, err := a.reg.Tools(a.filter)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TOOL\tTOOLSET\tWRITES\tTITLE")
	for _, t := range infos {
		writes := "no"
		if !t.ReadOnly {
			writes = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.Toolset, writes, t.Title)
	}
	return tw.Flush()
}

// demoClient returns a client of the in-memory demo account, served in
// process: no port is opened and nothing leaves the machine.
func demoClient() (*pagerduty.Client, error) {
	h := pdtest.NewHandler()
	return pagerduty.NewClient(
		pagerduty.WithToken(h.Token()),
		pagerduty.WithBaseURL("https://demo.pagerduty.invalid"),
		pagerduty.WithHTTPClient(&http.Client{Transport: handlerTransport{h}}),
		pagerduty.WithRateLimit(pagerduty.RateLimit{Disabled: true}),
		pagerduty.WithFrom("demo@example.com"),
	)
}

// handlerTransport answers requests by calling an http.Handler directly.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	resp := rec.Result()
	resp.Request = r
	return resp, nil
}

// clientCache keeps one PagerDuty client per caller credential (pass-through
// mode), so each caller has their own rate limiter while all share one
// connection pool. It holds at most maxCachedClients clients.
type clientCache struct {
	opts   []pagerduty.Option
	shared *http.Client
	logger *slog.Logger

	mu      sync.Mutex
	clients map[[32]byte]*pagerduty.Client
}

const maxCachedClients = 1024

func newClientCache(opts []pagerduty.Option, logger *slog.Logger) *clientCache {
	return &clientCache{
		opts:    opts,
		shared:  &http.Client{Transport: httpcore.NewTransport(httpcore.DefaultMaxIdleConnsPerHost)},
		logger:  logger,
		clients: map[[32]byte]*pagerduty.Client{},
	}
}

var errNoCallerCredential = errors.New("no PagerDuty credential came with this request: send Authorization: Token token=<api key> or Bearer <oauth token>")

func (cc *clientCache) client(ctx context.Context) (*pagerduty.Client, error) {
	cred, ok := transport.CredentialFromContext(ctx)
	if !ok {
		return nil, errNoCallerCredential
	}
	key := sha256.Sum256([]byte(cred.Kind().String() + "\x00" + cred.Token()))
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if c := cc.clients[key]; c != nil {
		return c, nil
	}
	auth := pagerduty.WithToken(cred.Token())
	if cred.Kind() == transport.OAuthBearer {
		auth = pagerduty.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: cred.Token()}))
	}
	c, err := pagerduty.NewClient(append(cc.opts, auth, pagerduty.WithHTTPClient(cc.shared), pagerduty.WithLogger(cc.logger))...)
	if err != nil {
		return nil, err
	}
	if len(cc.clients) >= maxCachedClients {
		clear(cc.clients) // callers come back; their clients are rebuilt on demand
	}
	cc.clients[key] = c
	return c, nil
}
