package mcptools

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	gschema "github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// ClientFunc returns the PagerDuty client that serves one tool call. An HTTP
// host builds it from the caller's own credential, found in ctx or in the
// MCP request (see CallRequest), and should keep one client per credential
// so that each keeps its rate limiter; a host with one account returns the
// same client every time (see New).
type ClientFunc func(ctx context.Context) (*pagerduty.Client, error)

type requestKey struct{}

// CallRequest returns the MCP request of the tool call a ClientFunc serves,
// whose Extra carries the HTTP headers and token information of calls that
// came over HTTP.
func CallRequest(ctx context.Context) (*mcp.CallToolRequest, bool) {
	req, ok := ctx.Value(requestKey{}).(*mcp.CallToolRequest)
	return req, ok && req != nil
}

// Options tunes a Registry. The zero value (or nil) is ready to use.
type Options struct {
	// MaxWritesPerSession caps how many write tool calls one MCP session may
	// make; the calls past it are refused with a tool error. Zero means no
	// cap.
	MaxWritesPerSession int
	// Logger receives one line per tool call: its name, duration and
	// whether it failed. Arguments and answers are never logged. Nil logs
	// nothing.
	Logger *slog.Logger
	// Now is the clock for relative times such as "2h" (ago). Nil means
	// time.Now.
	Now func() time.Time
	// Events sends the events of the events toolset. Nil means a client
	// for the PagerDuty client's region, made at the first event.
	Events *events.Client
	// Confirmation says when destructive tools ask the user to confirm
	// through MCP elicitation. The zero value asks when the client
	// supports it.
	Confirmation Confirmation
}

// Registry holds every tool with its definition computed once, and mounts
// the chosen ones on any *mcp.Server. It is safe for concurrent use, and one
// Registry may mount its tools on many servers.
type Registry struct {
	clients ClientFunc
	opts    Options
	tools   []*entry
	writes  *writeCounter
	events  *eventClients
	// signKey signs the confirmation requests of destructive calls, so
	// that only an answer to a request this registry made confirms one.
	signKey [32]byte
}

type entry struct {
	tool   serverTool
	def    *mcp.Tool
	schema *gschema.Schema
}

// New returns a registry whose tools call PagerDuty through client.
func New(client *pagerduty.Client, opts *Options) (*Registry, error) {
	if client == nil {
		return nil, errors.New("mcptools: New: the PagerDuty client is nil")
	}
	return NewPerRequest(func(context.Context) (*pagerduty.Client, error) { return client, nil }, opts)
}

// NewPerRequest returns a registry that asks clients for the PagerDuty
// client of each tool call, so that each caller of a shared server acts
// with their own credential. An error from clients becomes a tool error
// that says the credential is missing or unusable; its text is not shown,
// since it may quote what the caller sent.
func NewPerRequest(clients ClientFunc, opts *Options) (*Registry, error) {
	if clients == nil {
		return nil, errors.New("mcptools: NewPerRequest: the ClientFunc is nil")
	}
	r := &Registry{clients: clients}
	if opts != nil {
		r.opts = *opts
	}
	if r.opts.MaxWritesPerSession < 0 {
		return nil, fmt.Errorf("mcptools: MaxWritesPerSession is %d: use 0 for no cap or a positive number", r.opts.MaxWritesPerSession)
	}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	if r.opts.Confirmation < ConfirmWhenSupported || r.opts.Confirmation > ConfirmNever {
		return nil, fmt.Errorf("mcptools: Confirmation is %d: use ConfirmWhenSupported, ConfirmAlways or ConfirmNever", r.opts.Confirmation)
	}
	if _, err := rand.Read(r.signKey[:]); err != nil {
		return nil, fmt.Errorf("mcptools: making the key that signs confirmations: %w", err)
	}
	r.writes = newWriteCounter(r.opts.MaxWritesPerSession)
	r.events = &eventClients{fixed: r.opts.Events}
	seen := map[string]bool{}
	for _, t := range allTools() {
		s := t.info()
		if seen[s.name] {
			return nil, fmt.Errorf("mcptools: two tools are named %q", s.name)
		}
		seen[s.name] = true
		schema, err := inputSchema(t.inputType())
		if err != nil {
			return nil, fmt.Errorf("mcptools: tool %s: %w", s.name, err)
		}
		def := &mcp.Tool{
			Name:        s.name,
			Title:       s.title,
			Description: s.description,
			InputSchema: schemaJSON(schema),
			Annotations: s.annotations(),
		}
		r.tools = append(r.tools, &entry{tool: t, def: def, schema: schema})
	}
	slices.SortFunc(r.tools, func(a, b *entry) int {
		if a.def.Name < b.def.Name {
			return -1
		}
		if a.def.Name > b.def.Name {
			return 1
		}
		return 0
	})
	return r, nil
}

// ToolInfo describes one tool of the registry.
type ToolInfo struct {
	// Name is the tool's MCP name, such as "list_incidents".
	Name string
	// Title is its human-readable name.
	Title string
	// Toolset is the area it belongs to.
	Toolset Toolset
	// ReadOnly reports a tool that never changes PagerDuty.
	ReadOnly bool
}

// Tools returns the tools that Register would mount with f, sorted by name,
// or the error Register would report.
func (r *Registry) Tools(f Filter) ([]ToolInfo, error) {
	chosen, err := r.choose(f)
	if err != nil {
		return nil, err
	}
	out := make([]ToolInfo, len(chosen))
	for i, e := range chosen {
		s := e.tool.info()
		out[i] = ToolInfo{Name: s.name, Title: s.title, Toolset: s.toolset, ReadOnly: !s.write}
	}
	return out, nil
}

// Definitions returns the MCP definitions of the tools f chooses, as
// tools/list shows them. Each is a copy of the registry's, sharing its
// input schema (a json.RawMessage, encoded once) and annotations: read
// them, do not change them.
func (r *Registry) Definitions(f Filter) ([]*mcp.Tool, error) {
	chosen, err := r.choose(f)
	if err != nil {
		return nil, err
	}
	out := make([]*mcp.Tool, len(chosen))
	for i, e := range chosen {
		d := *e.def
		out[i] = &d
	}
	return out, nil
}

// Register mounts on server the tools that f chooses and returns their
// names. Nothing is mounted when f is invalid (an unknown toolset or tool
// name, or a write tool asked for while writes are off): the error lists
// the names accepted.
//
// Mounting is cheap: the schemas were computed once, by New.
func (r *Registry) Register(server *mcp.Server, f Filter) ([]string, error) {
	if server == nil {
		return nil, errors.New("mcptools: Register: the server is nil")
	}
	chosen, err := r.choose(f)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(chosen))
	for i, e := range chosen {
		e.tool.mount(server, e, r)
		names[i] = e.def.Name
	}
	return names, nil
}

// run performs one tool call: the write cap, the user's confirmation when
// ask is set (a destructive call), the client, the handler, and the
// translation of its answer or error into a tool result.
func (r *Registry) run(ctx context.Context, t serverTool, req *mcp.CallToolRequest, ask bool, args json.RawMessage, h func(*call) (texter, error)) *mcp.CallToolResult {
	s := t.info()
	if s.write {
		var sess *mcp.ServerSession
		if req != nil {
			sess = req.Session
		}
		// A call the cap refuses is refused before the user is asked.
		if err := r.writes.check(sess); err != nil {
			return errorResult(err.Error())
		}
		if ask {
			if res := r.confirm(req, s, args); res != nil {
				return res
			}
		}
		if err := r.writes.take(sess); err != nil {
			return errorResult(err.Error())
		}
	}
	client, err := r.clients(context.WithValue(ctx, requestKey{}, req))
	if err != nil || client == nil {
		return errorResult("No usable PagerDuty credential for this call: configure an API token (or sign in with OAuth) for this server, then try again.")
	}
	out, err := h(&call{client: client, events: r.events, req: req, now: r.opts.Now()})
	if err != nil {
		return errorResult(describeError(s, err))
	}
	return &mcp.CallToolResult{
		Content:           []mcp.Content{&mcp.TextContent{Text: out.text()}},
		StructuredContent: out,
	}
}

func errorResult(msg string) *mcp.CallToolResult {
	return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: msg}}}
}

func (r *Registry) logCall(ctx context.Context, name string, start time.Time, res *mcp.CallToolResult) {
	if r.opts.Logger == nil {
		return
	}
	r.opts.Logger.LogAttrs(ctx, slog.LevelInfo, "mcptools: tool call",
		slog.String("tool", name),
		slog.Duration("duration", time.Since(start)),
		slog.Bool("error", res.IsError))
}
