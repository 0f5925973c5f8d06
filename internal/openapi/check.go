package openapi

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Request is what is checked of an HTTP request.
type Request struct {
	Method string
	Path   string // escaped path, including the description's base path
	Query  url.Values
	Header http.Header
	Body   []byte
}

// NewRequest builds a Request from a method, an absolute or relative URL,
// headers and a body; scheme and host are ignored.
func NewRequest(method, rawURL string, header http.Header, body []byte) (Request, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Request{}, fmt.Errorf("openapi: request URL: %w", err)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return Request{}, fmt.Errorf("openapi: query of %s: %w", u.Path, err)
	}
	if header == nil {
		header = http.Header{}
	}
	return Request{Method: strings.ToUpper(method), Path: u.EscapedPath(), Query: q, Header: header, Body: body}, nil
}

// Check reports every way r departs from the operation it is addressed to:
// an unknown operation; path parameters; query parameters that are not
// declared (including []-names such as statuses[] and include[]), missing,
// repeated or outside their type or enum; required headers (From, Accept,
// Content-Type, the credential) that are missing or wrong; and the JSON body
// against the operation's schema. It returns nil when r conforms.
func (s *Spec) Check(r Request) []Violation {
	op, pathVals, ok := s.Match(r.Method, r.Path)
	if !ok {
		msg := fmt.Sprintf("no operation of the description answers %s %s", r.Method, r.Path)
		if ms := s.methodsFor(r.Path); len(ms) > 0 {
			msg += fmt.Sprintf("; the path accepts %s", strings.Join(ms, ", "))
		}
		return []Violation{{Where: "operation", Message: msg}}
	}
	return op.check(s, r, pathVals)
}

// CheckBody checks body, sent with header, against the request body of the
// operation operationID, as [Spec.Check] does for a request to it. The
// conformance test uses it to check the bodies of [UndeclaredBody]
// exceptions against the Events API operation they follow.
func (s *Spec) CheckBody(operationID string, header http.Header, body []byte) []Violation {
	for _, op := range s.ops {
		if op.OperationID == operationID {
			if header == nil {
				header = http.Header{}
			}
			return op.checkBody(s, Request{Header: header, Body: body})
		}
	}
	return []Violation{{Where: "operation", Message: fmt.Sprintf("the description has no operation %s", operationID)}}
}

func (op *Operation) check(s *Spec, r Request, pathVals map[string]string) []Violation {
	var out []Violation
	add := func(where, format string, args ...any) {
		out = append(out, Violation{Where: where, Message: fmt.Sprintf(format, args...)})
	}

	var queryNames []string
	for _, p := range op.params {
		switch p.In {
		case "path":
			v, ok := pathVals[p.Name]
			if !ok {
				continue // declared but not in this template: the description's problem
			}
			out = append(out, s.checkScalar(p.Schema, v, "path "+p.Name)...)
		case "query":
			queryNames = append(queryNames, p.Name)
			vals, present := r.Query[p.Name]
			if !present {
				if p.Required {
					add("query "+p.Name, "is required by %s", op.OperationID)
				}
				continue
			}
			out = append(out, s.checkQuery(p, vals)...)
		case "header":
			v := r.Header.Get(p.Name)
			if v == "" {
				if p.Required {
					add("header "+p.Name, "is required by %s", op.OperationID)
				}
				continue
			}
			out = append(out, s.checkHeader(p, v)...)
		}
	}

	for _, name := range sortedKeys(r.Query) {
		if slices.Contains(queryNames, name) {
			continue
		}
		msg := fmt.Sprintf("is not a query parameter of %s", op.OperationID)
		if alt := bracketTwin(name, queryNames); alt != "" {
			msg += fmt.Sprintf("; did you mean %s?", alt)
		} else if len(queryNames) > 0 {
			msg += "; declared: " + strings.Join(sortedUnique(queryNames), ", ")
		} else {
			msg += ", which declares none"
		}
		add("query "+name, "%s", msg)
	}

	if op.security && r.Header.Get("Authorization") == "" && !slices.ContainsFunc(op.params, func(p param) bool {
		return p.In == "header" && strings.EqualFold(p.Name, "Authorization")
	}) {
		add("header Authorization", "is required: %s needs a credential (Token token=... or Bearer ...)", op.OperationID)
	}

	out = append(out, op.checkBody(s, r)...)
	return out
}

// bracketTwin finds "statuses[]" for "statuses" and the reverse.
func bracketTwin(name string, declared []string) string {
	twin := name + "[]"
	if base, ok := strings.CutSuffix(name, "[]"); ok {
		twin = base
	}
	if slices.Contains(declared, twin) {
		return twin
	}
	return ""
}

func (op *Operation) checkBody(s *Spec, r Request) []Violation {
	body := strings.TrimSpace(string(r.Body))
	if op.body == nil {
		if body != "" && op.exception != nil && op.exception.Rule == UndeclaredBody {
			return checkUndeclaredBody(op, r.Header, body)
		}
		if body != "" {
			return []Violation{{Where: "body", Message: fmt.Sprintf("%s takes no request body, yet one was sent", op.OperationID)}}
		}
		return nil
	}
	if body == "" {
		// Most operations of PagerDuty's description leave requestBody
		// optional even when its schema requires fields; a missing body
		// cannot satisfy those either.
		if req := s.requiredNames(op.body.Schema); op.body.Required || len(req) > 0 {
			msg := fmt.Sprintf("is required by %s (%s)", op.OperationID, strings.Join(op.body.Types, " or "))
			if len(req) > 0 {
				msg += "; its schema requires " + strings.Join(req, ", ")
			}
			return []Violation{{Where: "body", Message: msg}}
		}
		return nil
	}
	if op.body.Schema == nil {
		return nil // not a JSON body; nothing more to check
	}
	var out []Violation
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || !isJSONType(mt) {
			out = append(out, Violation{Where: "header Content-Type", Message: fmt.Sprintf("%q does not announce the JSON body; want application/json", ct)})
		}
	}
	doc, err := decodeBody(body)
	if err != nil {
		return append(out, Violation{Where: "body", Message: err.Error()})
	}
	vs := s.validateDocumented(op.body.Schema, doc, "body", op.documented)
	if len(vs) > 0 && op.exception != nil && op.exception.Rule == ExampleShaped {
		if hasExampleShape(doc, op.examples, 0) {
			return out
		}
		vs = append(vs, Violation{Where: "body", Message: fmt.Sprintf(
			"does not have the shape of any request example of %s either (those are accepted because %s)",
			op.OperationID, op.exception.Reason)})
	}
	return append(out, vs...)
}

// checkUndeclaredBody checks a body sent to an operation that declares none
// but takes one (an UndeclaredBody exception): it must be a JSON object,
// announced as JSON.
func checkUndeclaredBody(op *Operation, h http.Header, body string) []Violation {
	var out []Violation
	if mt, _, err := mime.ParseMediaType(h.Get("Content-Type")); err != nil || !isJSONType(mt) {
		out = append(out, Violation{Where: "header Content-Type", Message: fmt.Sprintf("%q does not announce the JSON body; want application/json", h.Get("Content-Type"))})
	}
	doc, err := decodeBody(body)
	if err != nil {
		return append(out, Violation{Where: "body", Message: err.Error()})
	}
	if _, ok := doc.(map[string]any); !ok {
		out = append(out, Violation{Where: "body", Message: fmt.Sprintf("is %s; %s takes a JSON object (%s)", jsonKind(doc), op.OperationID, op.exception.Reason)})
	}
	return out
}

// decodeBody decodes a body that must hold exactly one JSON value.
func decodeBody(body string) (any, error) {
	var doc any
	dec := json.NewDecoder(strings.NewReader(body))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("is not valid JSON: %v", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("is not valid JSON: trailing data after the JSON value")
	}
	return doc, nil
}

func (s *Spec) checkQuery(p param, vals []string) []Violation {
	where := "query " + p.Name
	sch, _ := s.resolve(p.Schema).(map[string]any)
	if sch != nil && sch["type"] == "array" {
		// form style without explode packs the items in one value, comma
		// separated; otherwise each item is its own name=value pair.
		if p.Explode != nil && !*p.Explode && len(vals) == 1 {
			vals = strings.Split(vals[0], ",")
		}
		items := make([]any, 0, len(vals))
		var out []Violation
		for i, v := range vals {
			x, vs := s.coerce(sch["items"], v, fmt.Sprintf("%s[%d]", where, i))
			out = append(out, vs...)
			items = append(items, x)
		}
		if len(out) > 0 {
			return out
		}
		return s.validateValue(sch, items, where)
	}
	if strings.HasSuffix(p.Name, "[]") {
		// PagerDuty's []-named parameters repeat, each value checked
		// against the (scalar) schema.
		var out []Violation
		for _, v := range vals {
			out = append(out, s.checkScalar(p.Schema, v, where)...)
		}
		return out
	}
	if len(vals) > 1 {
		return []Violation{{Where: where, Message: fmt.Sprintf("is given %d times; it takes one value (only []-named or array parameters repeat)", len(vals))}}
	}
	return s.checkScalar(p.Schema, vals[0], where)
}

func (s *Spec) checkHeader(p param, v string) []Violation {
	where := "header " + p.Name
	if strings.EqualFold(p.Name, "Authorization") {
		return nil // recordings hold a redacted value: presence is what counts
	}
	sch, _ := s.resolve(p.Schema).(map[string]any)
	if strings.EqualFold(p.Name, "Content-Type") && sch != nil {
		// Compare media types: parameters such as charset are fine.
		if mt, _, err := mime.ParseMediaType(v); err == nil {
			v = mt
		}
	}
	return s.checkScalar(p.Schema, v, where)
}

// checkScalar validates a textual value (from a path, query or header)
// against a schema, converting it to the schema's type first.
func (s *Spec) checkScalar(schema any, v, where string) []Violation {
	if v == "" {
		return []Violation{{Where: where, Message: "is empty"}}
	}
	x, out := s.coerce(schema, v, where)
	if len(out) > 0 {
		return out
	}
	return s.validateValue(schema, x, where)
}

// coerce converts text to the JSON type the schema wants.
func (s *Spec) coerce(schema any, v, where string) (any, []Violation) {
	sch, _ := s.resolve(schema).(map[string]any)
	t, _ := sch["type"].(string)
	bad := func(want string) (any, []Violation) {
		return nil, []Violation{{Where: where, Message: fmt.Sprintf("%q is not %s", v, want)}}
	}
	switch t {
	case "integer":
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return bad("an integer")
		}
		return float64(n), nil
	case "number":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return bad("a number")
		}
		return f, nil
	case "boolean":
		b, err := strconv.ParseBool(v)
		if err != nil || (v != "true" && v != "false") {
			return bad("true or false")
		}
		return b, nil
	default:
		return v, nil
	}
}

// requiredNames lists the top-level properties a body schema requires,
// leaving out read-only ones.
func (s *Spec) requiredNames(schema any) []string {
	sch, _ := s.resolve(schema).(map[string]any)
	props, _ := sch["properties"].(map[string]any)
	var out []string
	for _, r := range asSlice(sch["required"]) {
		if name, ok := r.(string); ok && !s.isReadOnly(props[name]) {
			out = append(out, name)
		}
	}
	return out
}
