package mcptools

import (
	"encoding/json"
	"reflect"
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

// TestInputSchemasResolve checks that every tool's schema resolves, as the
// validator does at the tool's first call.
func TestInputSchemasResolve(t *testing.T) {
	r := newTestRegistry(t)
	for _, e := range r.tools {
		if _, err := e.validator(); err != nil {
			t.Errorf("%s: %v", e.def.Name, err)
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
	type mapField struct {
		M map[string]string `json:"m" jsonschema_description:"x"`
	}
	for name, typ := range map[string]any{"unknown keyword": unknownKeyword{}, "bad number": badNumber{}, "map": mapField{}} {
		if _, err := inputSchema(reflect.TypeOf(typ)); err == nil {
			t.Errorf("%s: the schema was accepted", name)
		}
	}
}
