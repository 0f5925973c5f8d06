package mcptools

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty"
)

// allFilter mounts every tool.
var allFilter = Filter{Toolsets: []string{AllToolsets}, EnableWrites: true}

func newTestRegistry(t testing.TB) *Registry {
	t.Helper()
	c, err := pagerduty.NewClient(pagerduty.WithToken("unused"), pagerduty.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestToolSnapshots compares every tool's definition (name, title,
// description, schemas, annotations) with its snapshot in __toolsnaps__, so
// that a change of what models see is a reviewed change. Run
// UPDATE_TOOLSNAPS=1 go test ./mcptools/... to accept changes.
func TestToolSnapshots(t *testing.T) {
	defs, err := newTestRegistry(t).Definitions(allFilter)
	if err != nil {
		t.Fatal(err)
	}
	update := os.Getenv("UPDATE_TOOLSNAPS") != ""
	dir := "__toolsnaps__"
	names := map[string]bool{}
	for _, d := range defs {
		names[d.Name+".snap"] = true
		got, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		path := filepath.Join(dir, d.Name+".snap")
		if update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no snapshot (%v): run UPDATE_TOOLSNAPS=1 go test ./mcptools/... and review it", d.Name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the definition differs from its snapshot (-snapshot +now):\n%s\nIf the change is intended, run UPDATE_TOOLSNAPS=1 go test ./mcptools/...",
				d.Name, cmp.Diff(string(want), string(got)))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !names[e.Name()] {
			if update {
				_ = os.Remove(filepath.Join(dir, e.Name()))
				continue
			}
			t.Errorf("%s: snapshot of a tool that no longer exists: remove it", e.Name())
		}
	}
}

// TestToolDefinitions checks what every MCP client relies on: a title, a
// description, deliberate annotations, and a flat input schema that refuses
// unknown arguments.
func TestToolDefinitions(t *testing.T) {
	r := newTestRegistry(t)
	defs, err := r.Definitions(allFilter)
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) == 0 {
		t.Fatal("no tools")
	}
	for _, d := range defs {
		if d.Title == "" || len(d.Description) < 80 {
			t.Errorf("%s: title %q, description of %d characters: want a title and a description written for a model", d.Name, d.Title, len(d.Description))
		}
		a := d.Annotations
		if a == nil || a.DestructiveHint == nil || a.OpenWorldHint == nil || a.Title == "" {
			t.Errorf("%s: annotations %+v: want readOnly, destructive, idempotent and openWorld set", d.Name, a)
			continue
		}
		if a.ReadOnlyHint && *a.DestructiveHint {
			t.Errorf("%s: read-only and destructive", d.Name)
		}
		b, err := json.Marshal(d.InputSchema)
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		if s["type"] != "object" || s["additionalProperties"] != false {
			t.Errorf("%s: schema type %v, additionalProperties %v: want object and false", d.Name, s["type"], s["additionalProperties"])
		}
		for _, k := range []string{"anyOf", "oneOf", "allOf", "not", "$ref", "$defs"} {
			if _, ok := s[k]; ok {
				t.Errorf("%s: the schema has a top-level %s", d.Name, k)
			}
		}
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			pm := p.(map[string]any)
			switch pm["type"] {
			case "string", "integer", "number", "boolean":
			case "array":
				items, _ := pm["items"].(map[string]any)
				if items == nil || items["type"] == "object" || items["type"] == "array" {
					t.Errorf("%s.%s: an array of %v", d.Name, name, items)
				}
			default:
				t.Errorf("%s.%s: type %v is not flat", d.Name, name, pm["type"])
			}
			if desc, _ := pm["description"].(string); strings.TrimSpace(desc) == "" {
				t.Errorf("%s.%s: no description", d.Name, name)
			}
		}
	}
}

// TestInputSchemaRefusesNested checks that inputSchema, which New runs on
// every tool, refuses what some clients cannot render.
func TestInputSchemaRefusesNested(t *testing.T) {
	type nested struct {
		Inner struct {
			A string `json:"a"`
		} `json:"inner" jsonschema_description:"x"`
	}
	type withDefault struct {
		N int `json:"n" jsonschema:"default=3" jsonschema_description:"x"`
	}
	type noDesc struct {
		N int `json:"n"`
	}
	for name, typ := range map[string]any{"nested": nested{}, "default": withDefault{}, "no description": noDesc{}} {
		if _, err := inputSchema(reflectType(typ)); err == nil {
			t.Errorf("%s: the schema was accepted", name)
		}
	}
}

// TestDefinitionsAreCopies checks that a caller cannot change the
// registry's definitions through what Definitions returns.
func TestDefinitionsAreCopies(t *testing.T) {
	r := newTestRegistry(t)
	defs, _ := r.Definitions(allFilter)
	defs[0].Description = "changed"
	again, _ := r.Definitions(allFilter)
	if again[0].Description == "changed" {
		t.Error("Definitions returned the registry's own definition")
	}
	var _ *mcp.Tool = again[0]
}

// TestDocListsEveryTool keeps the package overview's list of tools whole.
func TestDocListsEveryTool(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range allTools() {
		name := tl.info().name
		if !strings.Contains(string(b), " "+name) {
			t.Errorf("doc.go does not list %s", name)
		}
	}
}
