package mcptools

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// relAllTools is every tool of the registry, writes included, with its
// input schema.
func relAllTools(t testing.TB, e *env) []*mcp.Tool {
	t.Helper()
	defs, err := e.reg.Definitions(Filter{Toolsets: []string{"all"}, EnableWrites: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) == 0 {
		t.Fatal("the registry has no tools")
	}
	return defs
}

func relSchema(t testing.TB, tool *mcp.Tool) *jsonschema.Schema {
	t.Helper()
	raw, ok := tool.InputSchema.(json.RawMessage)
	if !ok {
		t.Fatalf("%s: input schema is a %T, not a json.RawMessage", tool.Name, tool.InputSchema)
	}
	var s jsonschema.Schema
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("%s: input schema: %v", tool.Name, err)
	}
	return &s
}

// relIsID reports whether a property names a PagerDuty object by ID (or
// by a name the tool looks up).
func relIsID(name string, p *jsonschema.Schema) bool {
	return p.Type == "string" && len(p.Enum) == 0 &&
		(strings.Contains(p.Description, " ID") || strings.Contains(p.Description, "(P") || strings.HasSuffix(name, "_id"))
}

// relIsDate reports whether a property is a time the tool parses.
func relIsDate(name string, p *jsonschema.Schema) bool {
	return p.Type == "string" && (strings.Contains(p.Description, "RFC 3339") ||
		slices.Contains([]string{"since", "until", "start", "end", "at"}, name))
}

// relValid returns a value that passes the schema of p, for the required
// arguments around the one under test.
func relValid(name string, p *jsonschema.Schema) any {
	switch {
	case len(p.Enum) > 0:
		return p.Enum[0]
	case p.Type == "integer" || p.Type == "number":
		if p.Minimum != nil {
			return *p.Minimum
		}
		return 1
	case p.Type == "boolean":
		return false
	case p.Type == "array":
		if p.Items != nil && len(p.Items.Enum) > 0 {
			return []any{p.Items.Enum[0]}
		}
		return []any{"PABC123"}
	case relIsDate(name, p):
		return testNow.Format("2006-01-02T15:04:05Z07:00")
	}
	return "PABC123"
}

// relHostile is one class of bad argument.
type relHostile struct {
	class string
	value any
	// lookups allows GET requests whose path the value did not shape (a
	// name looked up as text in a query parameter); otherwise no request
	// may be sent.
	lookups bool
}

// relHostileFor returns the bad values worth trying on property p.
func relHostileFor(name string, p *jsonschema.Schema) []relHostile {
	var hs []relHostile
	switch p.Type {
	case "string":
		hs = append(hs, relHostile{"wrong type (number)", 42, false})
		if p.MaxLength != nil {
			hs = append(hs, relHostile{"huge string", strings.Repeat("A", *p.MaxLength+1), false})
		}
		if relIsID(name, p) {
			hs = append(hs,
				relHostile{"path traversal", "../../users/PABC123", true},
				relHostile{"slash in ID", "PABC123/../../users", true},
				relHostile{"injected query", "PABC123?include[]=x&limit=1", true},
				relHostile{"injected fragment", "PABC123#x", true},
				relHostile{"control characters", "PABC\r\n123", true},
			)
		}
		if relIsDate(name, p) {
			hs = append(hs,
				relHostile{"date in words", "next tuesday-ish", false},
				relHostile{"impossible date", "2026-13-45T99:00:00Z", false},
				relHostile{"date with query", "2026-01-01T00:00:00Z&x=y", false},
			)
		}
	case "integer", "number":
		hs = append(hs, relHostile{"wrong type (string)", "ten", false})
		if p.Minimum != nil {
			hs = append(hs, relHostile{"below minimum", *p.Minimum - 1, false})
		}
		if p.Maximum != nil {
			hs = append(hs, relHostile{"above maximum", *p.Maximum + 1, false})
		}
	case "array":
		hs = append(hs, relHostile{"wrong type (string for array)", "notalist", false})
	case "boolean":
		hs = append(hs, relHostile{"wrong type (string for boolean)", "yes", false})
	}
	return hs
}

// TestReliabilityHostileArgumentsEveryTool enumerates every tool of the
// registry (writes included) and every property of its schema, and sends
// each property the hostile values of its kind (path traversal and
// injected query strings in IDs, huge strings, wrong types, unknown
// fields, dates in bad formats, numbers out of range) with the other
// required arguments valid. Each call must be a tool error, not a protocol
// error or a success, and must send PagerDuty nothing but a name lookup.
// New tools are covered as they are added.
func TestReliabilityHostileArgumentsEveryTool(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{"all"}, EnableWrites: true}})
	tried := 0
	for _, tool := range relAllTools(t, e) {
		s := relSchema(t, tool)
		base := map[string]any{}
		for _, r := range s.Required {
			if p := s.Properties[r]; p != nil {
				base[r] = relValid(r, p)
			}
		}
		names := make([]string, 0, len(s.Properties)+1)
		for name := range s.Properties {
			names = append(names, name)
		}
		slices.Sort(names)
		type attempt struct {
			prop string
			h    relHostile
		}
		attempts := []attempt{{"zz_unknown_field", relHostile{"unknown field", 1, false}}}
		for _, name := range names {
			for _, h := range relHostileFor(name, s.Properties[name]) {
				attempts = append(attempts, attempt{name, h})
			}
		}
		for _, a := range attempts {
			tried++
			args := map[string]any{}
			for k, v := range base {
				args[k] = v
			}
			args[a.prop] = a.h.value
			e.pd.ResetRequests()
			res, err := e.session.CallTool(context.Background(), &mcp.CallToolParams{Name: tool.Name, Arguments: args})
			label := fmt.Sprintf("%s.%s (%s)", tool.Name, a.prop, a.h.class)
			if err != nil {
				t.Errorf("%s: protocol error instead of a tool error: %v", label, err)
				continue
			}
			if !res.IsError {
				t.Errorf("%s: accepted: %.200s", label, text(res))
			} else if msg := text(res); strings.TrimSpace(msg) == "" {
				t.Errorf("%s: a tool error with no message", label)
			}
			for _, r := range e.pd.Requests() {
				// A lookup reads a collection with the value as text in the
				// query string; the value never shapes the path.
				lookup := r.Method == "GET" && !strings.Contains(r.Path, "..") && !strings.ContainsAny(r.Path, "?#\r\n") &&
					!strings.HasPrefix(r.Path, "/users/PABC123")
				if !a.h.lookups || !lookup {
					t.Errorf("%s: sent %s %s?%s", label, r.Method, r.Path, r.Query)
				}
			}
		}
	}
	t.Logf("%d hostile calls", tried)
}

// FuzzToolArguments calls every tool with fuzzed JSON arguments through an
// in-process MCP client in front of the in-memory PagerDuty: no call may
// panic or break the session, and each answers a result (a success or a
// tool error); only arguments that are not a JSON object may be refused
// as a protocol error.
func FuzzToolArguments(f *testing.F) {
	e := newEnv(f, envConfig{filter: Filter{Toolsets: []string{"all"}, EnableWrites: true},
		pdOpts: []pdtest.Option{pdtest.WithRequestLogLimit(16)}})
	tools := relAllTools(f, e)
	for i := range tools {
		f.Add(uint16(i), []byte(`{}`))
	}
	for _, seed := range []string{
		`{"incident":"../users"}`, `{"incident":"#0"}`, `{"limit":-1}`, `{"limit":1e400}`, `{"since":"2026-02-30"}`,
		`{"statuses":[null]}`, `{"user":{"$ref":"#"}}`, `null`, `[]`, `"x"`, `{"a":` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
		`{"incident":"PABC123","include":["notes","notes"]}`, `{"service":"\u0000"}`, `{"title":"` + strings.Repeat("é", 3000) + `"}`,
	} {
		f.Add(uint16(0), []byte(seed))
		f.Add(uint16(len(tools)/2), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, which uint16, args []byte) {
		if !json.Valid(args) {
			return
		}
		tool := tools[int(which)%len(tools)]
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		res, err := e.session.CallTool(ctx, &mcp.CallToolParams{Name: tool.Name, Arguments: json.RawMessage(args)})
		var obj map[string]any
		isObject := json.Unmarshal(args, &obj) == nil
		if err != nil {
			if isObject && obj != nil {
				t.Fatalf("%s(%s): protocol error for a JSON object: %v", tool.Name, args, err)
			}
			return
		}
		if res == nil {
			t.Fatalf("%s(%s): no result and no error", tool.Name, args)
		}
		if res.IsError && strings.TrimSpace(text(res)) == "" {
			t.Errorf("%s(%s): a tool error with no message", tool.Name, args)
		}
		// The session still answers.
		if _, err := e.session.ListTools(ctx, nil); err != nil {
			t.Fatalf("after %s(%s) the session is broken: %v", tool.Name, args, err)
		}
	})
}
