package mcptools

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
)

// texter is what every tool output is: a value for structured content that
// also renders itself as short text for the model.
type texter interface {
	text() string
}

// spec is what describes a tool, whatever its input and output types.
type spec struct {
	name        string
	title       string
	description string
	toolset     Toolset
	// write marks a tool that changes PagerDuty; it is mounted only when
	// writes are enabled.
	write bool
	// destructive and idempotent qualify a write tool (ignored for reads).
	destructive bool
	idempotent  bool
	// notFound names the tool that finds what a 404 says is missing, for
	// the hint of the error.
	notFound string
}

// annotations returns the MCP hints of a tool, each set deliberately. Every
// tool talks to PagerDuty, an open world that others change too.
func (s *spec) annotations() *mcp.ToolAnnotations {
	open := true
	a := &mcp.ToolAnnotations{Title: s.title, OpenWorldHint: &open}
	if !s.write {
		a.ReadOnlyHint = true
		a.IdempotentHint = true
		f := false
		a.DestructiveHint = &f
		return a
	}
	d := s.destructive
	a.DestructiveHint = &d
	a.IdempotentHint = s.idempotent
	return a
}

// tool is one MCP tool: an input struct whose tags define the input schema,
// an output that renders itself, and a handler.
type tool[In any, Out texter] struct {
	spec
	handler func(ctx context.Context, c *call, in In) (Out, error)
	// confirmIf says whether a call of a destructive tool asks the user to
	// confirm (see Confirmation). Nil means every call does.
	confirmIf func(in In) bool
}

// serverTool is a tool whose types are erased, as the registry keeps them.
type serverTool interface {
	info() *spec
	inputType() reflect.Type
	mount(s *mcp.Server, e *entry, r *Registry)
}

func (t *tool[In, Out]) info() *spec { return &t.spec }

func (t *tool[In, Out]) inputType() reflect.Type { return reflect.TypeFor[In]() }

// mount adds the tool to s with its precomputed definition. Arguments are
// checked against the tool's schema before the handler runs;
// a bad argument is a tool error, never a protocol error.
func (t *tool[In, Out]) mount(s *mcp.Server, e *entry, r *Registry) {
	s.AddTool(e.def, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		start := time.Now()
		var raw json.RawMessage
		if req != nil && req.Params != nil {
			raw = req.Params.Arguments
		}
		var in In
		var res *mcp.CallToolResult
		if err := decodeArgs(raw, e, &in); err != nil {
			res = errorResult(err.Error())
		} else {
			ask := t.destructive && (t.confirmIf == nil || t.confirmIf(in))
			res = r.run(ctx, t, req, ask, raw, func(c *call) (out texter, err error) {
				// A handler's bug must not take the server down: it becomes
				// a tool error.
				defer func() {
					if p := recover(); p != nil {
						out, err = nil, fmt.Errorf("internal error in %s: %v", t.name, p)
					}
				}()
				o, err := t.handler(ctx, c, in)
				if err != nil {
					return nil, err
				}
				if v := reflect.ValueOf(o); !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil()) {
					return nil, fmt.Errorf("internal error in %s: no answer", t.name)
				}
				return o, nil
			})
		}
		r.logCall(ctx, t.name, start, res)
		return res, nil
	})
}

// call is what a handler gets besides its input: the PagerDuty client for
// this request, and the request itself (for progress notifications).
type call struct {
	client *pagerduty.Client
	events *eventClients
	req    *mcp.CallToolRequest
	now    time.Time
}

// progress tells the client how far a long call has come, when it asked
// for progress (sent a progress token). Failures to notify are ignored: the
// call goes on.
func (c *call) progress(ctx context.Context, done, total float64, msg string) {
	if c.req == nil || c.req.Session == nil || c.req.Params == nil {
		return
	}
	tok := c.req.Params.GetProgressToken()
	if tok == nil {
		return
	}
	_ = c.req.Session.NotifyProgress(ctx, &mcp.ProgressNotificationParams{
		ProgressToken: tok, Progress: done, Total: total, Message: msg,
	})
}
