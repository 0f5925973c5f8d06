package mcptools

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gschema "github.com/google/jsonschema-go/jsonschema"
	"github.com/invopop/jsonschema"
)

// invopopSchema is the schema invopop/jsonschema derives from t's tags,
// converted to the SDK's schema type: the reference inputSchema follows.
func invopopSchema(t *testing.T, typ reflect.Type) *gschema.Schema {
	t.Helper()
	r := &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
	}
	s := r.ReflectFromType(typ)
	s.Version = ""
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out gschema.Schema
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Properties == nil {
		out.Properties = map[string]*gschema.Schema{}
	}
	return &out
}

// TestInputSchemaMatchesInvopop checks, for every tool, that the schema read
// off the input struct is the one invopop/jsonschema derives from the same
// tags, as JSON, so the tags mean what that package documents.
func TestInputSchemaMatchesInvopop(t *testing.T) {
	for _, tl := range allTools() {
		got, err := inputSchema(tl.inputType())
		if err != nil {
			t.Errorf("%s: %v", tl.info().name, err)
			continue
		}
		want := invopopSchema(t, tl.inputType())
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		var gm, wm any
		_ = json.Unmarshal(g, &gm)
		_ = json.Unmarshal(w, &wm)
		if diff := cmp.Diff(wm, gm); diff != "" {
			t.Errorf("%s: schema differs from invopop's (-invopop +ours):\n%s", tl.info().name, diff)
		}
	}
}

// resolvedSchemas resolves every tool's input schema with the JSON Schema
// validator, by tool name, failing the test if one does not resolve.
func resolvedSchemas(t testing.TB, r *Registry) map[string]*gschema.Resolved {
	t.Helper()
	out := map[string]*gschema.Resolved{}
	for _, e := range r.tools {
		res, err := e.schema.Resolve(&gschema.ResolveOptions{ValidateDefaults: true})
		if err != nil {
			t.Fatalf("%s: the input schema does not resolve: %v", e.def.Name, err)
		}
		out[e.def.Name] = res
	}
	return out
}

// checkAgrees reports how checkArgs and the JSON Schema validator disagree
// on the arguments raw (a JSON object) of the tool named name, or "".
func checkAgrees(name string, s *gschema.Schema, res *gschema.Resolved, raw []byte) string {
	var args map[string]any
	if json.Unmarshal(raw, &args) != nil || args == nil {
		return ""
	}
	ours := checkArgs(s, args)
	theirs := res.Validate(args)
	if (ours == nil) != (theirs == nil) {
		return fmt.Sprintf("%s(%s): checkArgs says %v, the JSON Schema validator says %v", name, raw, ours, theirs)
	}
	return ""
}

// agreeOnCandidates tries arguments built from candidateValues on the
// schema s of the tool named name, reports each disagreement, and returns
// how many were tried: every property is given values at and past each of
// its bounds, of the wrong type, null, with characters of several byte
// lengths, repeated items, enum members and strangers; required properties
// are left out and unknown ones added.
func agreeOnCandidates(t *testing.T, name string, s *gschema.Schema, res *gschema.Resolved) int {
	t.Helper()
	base := map[string]any{}
	for _, p := range s.Required {
		base[p] = validValue(s.Properties[p])
	}
	tried := 0
	try := func(args map[string]any) {
		t.Helper()
		raw, err := json.Marshal(args)
		if err != nil {
			t.Fatal(err)
		}
		tried++
		if msg := checkAgrees(name, s, res, raw); msg != "" {
			t.Error(msg)
		}
	}
	try(base)
	// The base must be accepted, or every case below would be refused for
	// its sake and agree without testing anything.
	var canon map[string]any
	if raw, err := json.Marshal(base); err != nil || json.Unmarshal(raw, &canon) != nil {
		t.Fatalf("%s: the base arguments do not encode: %v", name, err)
	}
	if err := checkArgs(s, canon); err != nil {
		t.Errorf("%s: the base arguments %v are refused: %v", name, base, err)
	}
	try(with(base, "no_such_argument", "x"))
	for _, p := range s.Required {
		without := maps.Clone(base)
		delete(without, p)
		try(without)
	}
	for p, ps := range s.Properties {
		for _, v := range candidateValues(ps) {
			try(with(base, p, v))
		}
	}
	return tried
}

// TestCheckArgsAgreesWithSchema holds checkArgs, the only check of tool
// arguments at call time, to the JSON Schema validator's verdict on every
// tool's arguments: each must be accepted or refused by both.
func TestCheckArgsAgreesWithSchema(t *testing.T) {
	r := newTestRegistry(t)
	resolved := resolvedSchemas(t, r)
	tried := 0
	for _, e := range r.tools {
		tried += agreeOnCandidates(t, e.def.Name, e.schema, resolved[e.def.Name])
	}
	if tried < 2000 {
		t.Errorf("only %d cases were tried", tried)
	}
}

// everyKeyword is an input that uses every keyword inputSchema accepts,
// including those no tool uses yet.
type everyKeyword struct {
	Name   string    `json:"name" jsonschema:"required,minLength=2,maxLength=5" jsonschema_description:"a name"`
	Kind   string    `json:"kind,omitempty" jsonschema:"enum=a,enum=b" jsonschema_description:"a kind"`
	Level  int       `json:"level,omitempty" jsonschema:"enum=1,enum=3,enum=5" jsonschema_description:"a level"`
	Count  int       `json:"count,omitempty" jsonschema:"minimum=1,maximum=10" jsonschema_description:"a count"`
	Ratio  float64   `json:"ratio,omitempty" jsonschema:"minimum=0.5,maximum=2.5" jsonschema_description:"a ratio"`
	On     bool      `json:"on,omitempty" jsonschema_description:"a switch"`
	Tags   []string  `json:"tags,omitempty" jsonschema:"minItems=2,maxItems=3,uniqueItems=true,maxLength=4" jsonschema_description:"tags"`
	Sizes  []int     `json:"sizes,omitempty" jsonschema:"minItems=1,enum=2,enum=4" jsonschema_description:"sizes"`
	Scores []float64 `json:"scores,omitempty" jsonschema:"maximum=1" jsonschema_description:"scores"`
}

// TestCheckArgsAgreesOnEveryKeyword does the same for an input that uses
// every keyword inputSchema accepts, including those no tool uses yet.
func TestCheckArgsAgreesOnEveryKeyword(t *testing.T) {
	s, err := inputSchema(reflect.TypeFor[everyKeyword]())
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Resolve(nil)
	if err != nil {
		t.Fatal(err)
	}
	if tried := agreeOnCandidates(t, "every", s, res); tried < 200 {
		t.Errorf("only %d cases were tried", tried)
	}
}

// FuzzCheckArgsAgreesWithSchema looks for arguments on which checkArgs and
// the JSON Schema validator disagree.
func FuzzCheckArgsAgreesWithSchema(f *testing.F) {
	r := newTestRegistry(f)
	resolved := resolvedSchemas(f, r)
	for i, e := range r.tools {
		f.Add(uint16(i), []byte(`{}`))
		for name, p := range e.schema.Properties {
			raw, _ := json.Marshal(map[string]any{name: validValue(p)})
			f.Add(uint16(i), raw)
		}
	}
	f.Fuzz(func(t *testing.T, which uint16, raw []byte) {
		e := r.tools[int(which)%len(r.tools)]
		if msg := checkAgrees(e.def.Name, e.schema, resolved[e.def.Name], raw); msg != "" {
			t.Error(msg)
		}
	})
}

// with returns a copy of m with name set to v.
func with(m map[string]any, name string, v any) map[string]any {
	out := maps.Clone(m)
	out[name] = v
	return out
}

// validValue returns a value the property p accepts.
func validValue(p *gschema.Schema) any {
	switch p.Type {
	case "array":
		items := make([]any, 0)
		n := 1
		if p.MinItems != nil {
			n = max(n, *p.MinItems)
		}
		for i := range n {
			items = append(items, distinctValue(p.Items, i))
		}
		return items
	default:
		return distinctValue(p, 0)
	}
}

// distinctValue returns the i-th of several values p accepts, different
// from one another as far as p allows.
func distinctValue(p *gschema.Schema, i int) any {
	if len(p.Enum) > 0 {
		return p.Enum[i%len(p.Enum)]
	}
	switch p.Type {
	case "string":
		n := 1
		if p.MinLength != nil {
			n = max(n, *p.MinLength)
		}
		return strings.Repeat(string(rune('a'+i%26)), n)
	case "integer", "number":
		v := float64(1 + i)
		if p.Minimum != nil {
			v = *p.Minimum + float64(i)
		}
		if p.Maximum != nil && v > *p.Maximum {
			v = *p.Maximum
		}
		return v
	case "boolean":
		return i%2 == 0
	}
	return nil
}

// candidateValues returns values to try for the property p: inside, at and
// past each bound, and of every wrong type.
func candidateValues(p *gschema.Schema) []any {
	wrong := []any{nil, true, 1.0, 2.5, "x", []any{}, map[string]any{}}
	if p.Type == "array" {
		v := distinctValue(p.Items, 0)
		out := append(wrong, []any{v}, []any{v, v}, []any{nil}, []any{[]any{v}})
		for _, n := range boundsAround(p.MinItems, p.MaxItems) {
			items := make([]any, 0, max(n, 0))
			for i := range max(n, 0) {
				items = append(items, distinctValue(p.Items, i))
			}
			out = append(out, items)
		}
		for _, s := range candidateValues(p.Items) {
			out = append(out, []any{s})
		}
		return out
	}
	out := append(wrong, p.Enum...)
	switch p.Type {
	case "string":
		out = append(out, "", "nope", "PABC123", "../users", "a\x00b")
		for _, n := range boundsAround(p.MinLength, p.MaxLength) {
			// One, two and four bytes a character.
			for _, c := range []string{"a", "é", "😀"} {
				out = append(out, strings.Repeat(c, max(n, 0)))
			}
		}
	case "integer", "number":
		out = append(out, 0.0, -1.0, 10.0, 1e300, -1e300, 0.5)
		for _, b := range []*float64{p.Minimum, p.Maximum} {
			if b != nil {
				out = append(out, *b-1, *b-0.5, *b, *b+0.5, *b+1)
			}
		}
	case "boolean":
		out = append(out, false, "true", 0.0)
	}
	return out
}

// boundsAround returns counts around the bounds lo and hi: each bound, one
// less and one more, and 0 and 1.
func boundsAround(lo, hi *int) []int {
	out := []int{0, 1}
	for _, b := range []*int{lo, hi} {
		if b != nil {
			out = append(out, *b-1, *b, *b+1)
		}
	}
	return out
}

// TestSchemaJSONIsMarshal checks that the bytes the registry hands to the
// MCP server for each tool are those json.Marshal gives for its schema.
func TestSchemaJSONIsMarshal(t *testing.T) {
	r := newTestRegistry(t)
	every, err := inputSchema(reflect.TypeFor[everyKeyword]())
	if err != nil {
		t.Fatal(err)
	}
	schemas := map[string]*gschema.Schema{"everyKeyword": every}
	for _, e := range r.tools {
		schemas[e.def.Name] = e.schema
		if got, ok := e.def.InputSchema.(json.RawMessage); !ok || string(got) != string(schemaJSON(e.schema)) {
			t.Errorf("%s: the definition holds %T, not the schema's encoding", e.def.Name, e.def.InputSchema)
		}
	}
	for name, s := range schemas {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := schemaJSON(s); string(got) != string(want) {
			t.Errorf("%s: schemaJSON differs from json.Marshal:\n got %s\nwant %s", name, got, want)
		}
	}
}

// TestInputSchemaRefusesBadTags checks that a tag inputSchema cannot honour
// is an error naming the field, not a schema that says something else.
func TestInputSchemaRefusesBadTags(t *testing.T) {
	type unknownKeyword struct {
		N string `json:"n" jsonschema:"pattern=^a" jsonschema_description:"x"`
	}
	type badNumber struct {
		N int `json:"n" jsonschema:"maximum=ten" jsonschema_description:"x"`
	}
	type infinite struct {
		N float64 `json:"n" jsonschema:"maximum=Inf" jsonschema_description:"x"`
	}
	type notANumberEnum struct {
		N int `json:"n" jsonschema:"enum=NaN" jsonschema_description:"x"`
	}
	type boolEnum struct {
		B bool `json:"b" jsonschema:"enum=true" jsonschema_description:"x"`
	}
	type mapField struct {
		M map[string]string `json:"m" jsonschema_description:"x"`
	}
	for name, typ := range map[string]any{"unknown keyword": unknownKeyword{}, "bad number": badNumber{}, "infinite": infinite{}, "NaN enum": notANumberEnum{}, "boolean enum": boolEnum{}, "map": mapField{}} {
		if _, err := inputSchema(reflect.TypeOf(typ)); err == nil {
			t.Errorf("%s: the schema was accepted", name)
		}
	}
}
