package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
)

// Op summarises one operation of a description.
type Op struct {
	Method      string   // upper case: GET, POST, ...
	Path        string   // path template as written in the description, e.g. /incidents/{id}/notes
	OperationID string   // e.g. createIncidentNote
	Tags        []string // the groups the operation is listed under
}

// Operation is an operation of a description, ready to check requests.
type Operation struct {
	Op
	params []param
	body   *requestBody
	// documented holds the body locations ("body alerts[].id") that the
	// operation's own request examples use.
	documented map[string]bool
	// examples holds the values of the operation's own request examples.
	examples []any
	// exception, when set, is how the body is checked instead of by the
	// description alone (see Exceptions).
	exception *Exception
	security  bool // whether a credential is required
	segments  []string
	literals  int // number of literal (non-parameter) segments
}

type param struct {
	Name     string
	In       string // path, query, header
	Required bool
	Style    string
	Explode  *bool
	Schema   any
}

type requestBody struct {
	Required bool
	Schema   any // schema of application/json content; nil when none
	Types    []string
}

// Spec is a loaded OpenAPI 3 description, indexed for matching requests.
type Spec struct {
	doc      map[string]any
	basePath string // path of the first server URL, e.g. /v2 for the Events API
	ops      []*Operation
	byMethod map[string][]*Operation
}

var methods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// Load reads and indexes the description at path.
func Load(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("openapi: %w", err)
	}
	s, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("openapi: %s: %w", path, err)
	}
	return s, nil
}

// ErrNotOpenAPI reports a document that is not an OpenAPI 3 description.
var ErrNotOpenAPI = errors.New("not an OpenAPI 3 description")

// Parse indexes an OpenAPI 3 description given as JSON.
func Parse(data []byte) (*Spec, error) {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("decoding JSON: %w", err)
	}
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.") {
		return nil, fmt.Errorf("%w: the \"openapi\" field is %q, want 3.x", ErrNotOpenAPI, v)
	}
	paths, ok := doc["paths"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: no \"paths\" object", ErrNotOpenAPI)
	}
	s := &Spec{doc: doc, byMethod: make(map[string][]*Operation)}
	if servers, _ := doc["servers"].([]any); len(servers) > 0 {
		if srv, _ := servers[0].(map[string]any); srv != nil {
			if raw, _ := srv["url"].(string); raw != "" {
				if u, err := url.Parse(raw); err == nil {
					s.basePath = strings.TrimSuffix(u.Path, "/")
				}
			}
		}
	}
	globalSecurity := hasSecurity(doc["security"])

	for _, tmpl := range sortedKeys(paths) {
		item, _ := s.resolve(paths[tmpl]).(map[string]any)
		if item == nil {
			continue
		}
		shared, err := s.params(item["parameters"])
		if err != nil {
			return nil, fmt.Errorf("path %s: %w", tmpl, err)
		}
		for _, m := range methods {
			raw, ok := item[m].(map[string]any)
			if !ok {
				continue
			}
			op, err := s.operation(strings.ToUpper(m), tmpl, raw, shared, globalSecurity)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", strings.ToUpper(m), tmpl, err)
			}
			s.ops = append(s.ops, op)
			s.byMethod[op.Method] = append(s.byMethod[op.Method], op)
		}
	}
	return s, nil
}

func (s *Spec) operation(method, tmpl string, raw map[string]any, shared []param, globalSecurity bool) (*Operation, error) {
	own, err := s.params(raw["parameters"])
	if err != nil {
		return nil, err
	}
	// Operation parameters override path-level ones with the same name and
	// location.
	params := append([]param(nil), own...)
	for _, p := range shared {
		if !slices.ContainsFunc(own, func(o param) bool { return o.Name == p.Name && o.In == p.In }) {
			params = append(params, p)
		}
	}
	op := &Operation{
		Op: Op{
			Method:      method,
			Path:        tmpl,
			OperationID: str(raw["operationId"]),
		},
		params:   params,
		security: globalSecurity,
	}
	if sec, ok := raw["security"]; ok {
		op.security = hasSecurity(sec)
	}
	for _, t := range asSlice(raw["tags"]) {
		if ts, ok := t.(string); ok {
			op.Tags = append(op.Tags, ts)
		}
	}
	if rb, ok := s.resolve(raw["requestBody"]).(map[string]any); ok {
		body := &requestBody{Required: rb["required"] == true}
		content, _ := rb["content"].(map[string]any)
		body.Types = sortedKeys(content)
		for _, ct := range body.Types {
			if isJSONType(ct) {
				if media, ok := content[ct].(map[string]any); ok {
					body.Schema = media["schema"]
					op.documented = s.exampleLocations(media)
					op.examples = s.exampleValues(media)
				}
				break
			}
		}
		op.body = body
	}
	if e, ok := exceptionFor(op); ok {
		op.exception = &e
	}
	op.segments = splitPath(tmpl)
	for _, seg := range op.segments {
		if !isParamSegment(seg) {
			op.literals++
		}
	}
	return op, nil
}

func (s *Spec) params(v any) ([]param, error) {
	var out []param
	for _, raw := range asSlice(v) {
		m, ok := s.resolve(raw).(map[string]any)
		if !ok {
			return nil, fmt.Errorf("a parameter is not an object")
		}
		p := param{
			Name:     str(m["name"]),
			In:       str(m["in"]),
			Required: m["required"] == true,
			Style:    str(m["style"]),
			Schema:   m["schema"],
		}
		if e, ok := m["explode"].(bool); ok {
			p.Explode = &e
		}
		if p.Name == "" || p.In == "" {
			return nil, fmt.Errorf("a parameter has no name or location")
		}
		out = append(out, p)
	}
	return out, nil
}

// Operations lists every operation, ordered by path then method.
func (s *Spec) Operations() []Op {
	out := make([]Op, 0, len(s.ops))
	for _, op := range s.ops {
		out = append(out, op.summary())
	}
	slices.SortFunc(out, func(a, b Op) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Method, b.Method)
	})
	return out
}

// OperationsByTag groups the operations by tag. An operation listed under
// several tags appears in each group; one without tags is grouped under "".
func (s *Spec) OperationsByTag() map[string][]Op {
	out := make(map[string][]Op)
	for _, op := range s.Operations() {
		if len(op.Tags) == 0 {
			out[""] = append(out[""], op)
		}
		for _, t := range op.Tags {
			out[t] = append(out[t], op)
		}
	}
	return out
}

// BasePath is the path of the description's first server URL ("" for the
// REST API, "/v2" for the Events API); request paths start with it.
func (s *Spec) BasePath() string { return s.basePath }

func (op *Operation) summary() Op {
	o := op.Op
	o.Tags = slices.Clone(op.Tags)
	return o
}

// Summary returns the operation's method, path template, ID and tags.
func (op *Operation) Summary() Op { return op.summary() }

func hasSecurity(v any) bool {
	for _, req := range asSlice(v) {
		// An empty requirement object means "no credential needed".
		if m, ok := req.(map[string]any); ok && len(m) == 0 {
			return false
		}
	}
	return len(asSlice(v)) > 0
}

func isJSONType(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "application/json" || strings.HasSuffix(ct, "+json")
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// exampleLocations lists every object property location used by the request
// examples of a media type, with array indexes written as [].
func (s *Spec) exampleLocations(media map[string]any) map[string]bool {
	out := make(map[string]bool)
	var walk func(v any, where string)
	walk = func(v any, where string) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				loc := join(where, k)
				out[loc] = true
				walk(val, loc)
			}
		case []any:
			for _, val := range x {
				walk(val, where+"[]")
			}
		}
	}
	if ex, ok := media["example"]; ok {
		walk(ex, "body")
	}
	exs, _ := media["examples"].(map[string]any)
	for _, ex := range exs {
		if m, ok := s.resolve(ex).(map[string]any); ok {
			walk(m["value"], "body")
		}
	}
	return out
}

// exampleValues returns the request examples of a media type, as decoded
// JSON values.
func (s *Spec) exampleValues(media map[string]any) []any {
	var out []any
	if ex, ok := media["example"]; ok {
		out = append(out, ex)
	}
	exs, _ := media["examples"].(map[string]any)
	for _, name := range sortedKeys(exs) {
		if m, ok := s.resolve(exs[name]).(map[string]any); ok {
			if v, ok := m["value"]; ok {
				out = append(out, v)
			}
		}
	}
	return out
}
