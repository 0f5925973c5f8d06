package openapi

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small description exercising every keyword the validator supports, so
// these tests run even where PagerDuty's files are absent.
const miniSpec = `{
  "openapi": "3.0.2",
  "servers": [{"url": "https://example.com/api/"}],
  "security": [{"key": []}],
  "components": {
    "schemas": {
      "Ref": {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string", "enum": ["thing_reference"]}}, "required": ["id", "type"]},
      "Base": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 5}, "created_at": {"type": "string", "format": "date-time", "readOnly": true}}, "required": ["created_at"]},
      "Loop": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Loop"}}},
      "Self": {"$ref": "#/components/schemas/Self"}
    },
    "parameters": {
      "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
      "sort": {"name": "sort_by", "in": "query", "style": "form", "explode": false, "schema": {"type": "array", "maxItems": 2, "items": {"type": "string", "enum": ["name", "id"]}}},
      "tags": {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
      "mode": {"name": "mode", "in": "query", "required": true, "schema": {"type": "string", "enum": ["a", "b"]}}
    }
  },
  "paths": {
    "/things/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "put": {
        "operationId": "putThing", "tags": ["Things", "Stuff"],
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/sort"}, {"$ref": "#/components/parameters/tags"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object",
          "properties": {
            "thing": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Ref"}, "size": {"type": "integer", "nullable": true}}}]},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "free": {"type": "object", "additionalProperties": true, "properties": {"a": {"type": "string"}}},
            "shape": {"type": "object", "properties": {"kind": {"type": "string"}}, "oneOf": [
              {"properties": {"kind": {"enum": ["circle"]}, "radius": {"type": "number", "minimum": 0}}, "required": ["radius"]},
              {"properties": {"kind": {"enum": ["square"]}, "side": {"type": "number"}}, "required": ["side"]}
            ]},
            "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "list": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string"}},
            "when": {"type": "string", "format": "date-time"},
            "maybe": {"type": "string", "enum": ["x", null], "nullable": true},
            "loop": {"$ref": "#/components/schemas/Loop"},
            "self": {"$ref": "#/components/schemas/Self"},
            "broken": {"$ref": "#/components/schemas/Missing"},
            "rows": {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}}
          }
        },
        "examples": {"documented": {"value": {"thing": {"legacy": 1}, "rows": [{"a": "x"}, {"b": "y"}]}}}
        }}}
      }
    },
    "/things": {
      "get": {"operationId": "listThings", "security": [{}], "parameters": [{"$ref": "#/components/parameters/mode"}]}
    }
  }
}`

func mini(t *testing.T) *Spec {
	t.Helper()
	s, err := Parse([]byte(miniSpec))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestValidateBody(t *testing.T) {
	s := mini(t)
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{name: "minimal", body: `{}`},
		{name: "all good", body: `{"thing":{"name":"abc","owner":{"id":"P1","type":"thing_reference"},"size":null},
			"labels":{"a":"b"},"free":{"a":"x","anything":[1]},"shape":{"kind":"circle","radius":2},"either":3,
			"list":["a","b"],"when":"2024-05-01T12:00:00Z","maybe":null,"loop":{"next":{"next":{}}}}`},
		{name: "allOf both branches", body: `{"thing":{"name":"toolong","owner":{"id":"P1"}}}`, want: []string{
			"body thing.name: is 7 characters long; at most 5 are accepted",
			"body thing.owner.type: is required",
		}},
		{name: "allOf unknown property", body: `{"thing":{"nam":"x"}}`, want: []string{"body thing.nam: is not a property the description declares here; known: created_at, name, owner, size"}},
		{name: "read-only may be sent", body: `{"thing":{"created_at":"2024-01-01T00:00:00Z"}}`},
		{name: "not nullable", body: `{"thing":{"name":null}}`, want: []string{"body thing.name: is null; want string"}},
		{name: "additionalProperties schema", body: `{"labels":{"a":1}}`, want: []string{"body labels.a: is an integer; want string"}},
		{name: "oneOf second branch", body: `{"shape":{"kind":"square","side":1}}`},
		{name: "oneOf none", body: `{"shape":{"kind":"triangle"}}`, want: []string{"body shape: matches none of the 2 schemas of oneOf"}},
		{name: "oneOf unknown field", body: `{"shape":{"kind":"circle","radius":1,"colour":"red"}}`, want: []string{"matches none of the 2 schemas of oneOf; the closest fails with: body shape.colour: is not a property"}},
		{name: "oneOf minimum", body: `{"shape":{"kind":"circle","radius":-1}}`, want: []string{"-1 is below the minimum 0"}},
		{name: "anyOf", body: `{"either":"x"}`},
		{name: "anyOf none", body: `{"either":true}`, want: []string{"body either: matches none of the 2 schemas of anyOf"}},
		{name: "array rules", body: `{"list":[]}`, want: []string{"body list: has 0 items; at least 1 are needed"}},
		{name: "unique", body: `{"list":["a","a"]}`, want: []string{"body list: items 0 and 1 are equal"}},
		{name: "item type", body: `{"list":["a",2]}`, want: []string{"body list[1]: is an integer; want string"}},
		{name: "date-time", body: `{"when":"tomorrow"}`, want: []string{`body when: "tomorrow" is not a date-time`}},
		{name: "loose date-time", body: `{"when":"2024-05-01T12:00"}`},
		{name: "enum null", body: `{"maybe":"y"}`, want: []string{`body maybe: "y" is not one of ["x", null]`}},
		{name: "integer", body: `{"thing":{"size":1.5}}`, want: []string{"body thing.size: is a number; want integer"}},
		{name: "top-level unknown", body: `{"extra":1}`, want: []string{"body extra: is not a property"}},
		{name: "used by the example", body: `{"thing":{"legacy":2},"rows":[{"a":"1"},{"b":"2"},{"b":"3"}]}`},
		{name: "not in the example", body: `{"thing":{"legacy2":2},"rows":[{"c":"1"}]}`, want: []string{
			"body rows[0].c: is not a property",
			"body thing.legacy2: is not a property",
		}},
		{name: "wrong top type", body: `[]`, want: []string{"body: is an array; want object"}},
		{name: "cyclic ref", body: `{"self":{}}`, want: []string{"body self: the description is broken here: more than 32 chained $ref"}},
		{name: "broken ref", body: `{"broken":{}}`, want: []string{`body broken: the description is broken here: $ref "#/components/schemas/Missing": "Missing" not found`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRequest("PUT", "/api/things/P1", pdHeaders(), []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			assertViolations(t, s.Check(r), tc.want)
		})
	}
}

func assertViolations(t *testing.T, got []Violation, want []string) {
	t.Helper()
	var msgs []string
	for _, v := range got {
		msgs = append(msgs, v.String())
	}
	if len(got) != len(want) {
		t.Fatalf("got %d violations, want %d:\n%s", len(got), len(want), strings.Join(msgs, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(msgs[i], w) {
			t.Errorf("violation %d = %q\nwant it to contain %q", i, msgs[i], w)
		}
	}
}

func TestCheckParameters(t *testing.T) {
	s := mini(t)
	for _, tc := range []struct {
		name, method, url string
		want              []string
	}{
		{name: "form array", method: "PUT", url: "/api/things/P1?sort_by=name,id&limit=100&tags=a&tags=b"},
		{name: "form array enum", method: "PUT", url: "/api/things/P1?sort_by=name,size", want: []string{`query sort_by[1]: "size" is not one of ["name", "id"]`}},
		{name: "form array max", method: "PUT", url: "/api/things/P1?sort_by=name,id,name", want: []string{"query sort_by: has 3 items; at most 2 are accepted"}},
		{name: "bounds", method: "PUT", url: "/api/things/P1?limit=0", want: []string{"query limit: 0 is below the minimum 1"}},
		{name: "required query", method: "GET", url: "/api/things", want: []string{"query mode: is required by listThings"}},
		{name: "query enum", method: "GET", url: "/api/things?mode=c", want: []string{`query mode: "c" is not one of ["a", "b"]`}},
		{name: "no declared query", method: "GET", url: "/api/things?mode=a&x=1", want: []string{"query x: is not a query parameter of listThings; declared: mode"}},
		{name: "outside base path", method: "GET", url: "/things?mode=a", want: []string{"operation: no operation"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := ""
			if tc.method == "PUT" {
				body = "{}"
			}
			r, err := NewRequest(tc.method, tc.url, pdHeaders(), []byte(body))
			if err != nil {
				t.Fatal(err)
			}
			assertViolations(t, s.Check(r), tc.want)
		})
	}

	// Security: putThing inherits the document's requirement; listThings
	// opts out with an empty requirement.
	r, _ := NewRequest("PUT", "/api/things/P1", nil, []byte("{}"))
	assertViolations(t, s.Check(r), []string{"header Authorization: is required: putThing needs a credential"})
	r, _ = NewRequest("GET", "/api/things?mode=a", nil, nil)
	assertViolations(t, s.Check(r), nil)
}

func TestOperationsByTag(t *testing.T) {
	s := mini(t)
	ops := s.Operations()
	if len(ops) != 2 || ops[0].OperationID != "listThings" || ops[1].OperationID != "putThing" {
		t.Fatalf("Operations() = %+v, want listThings then putThing (by path)", ops)
	}
	byTag := s.OperationsByTag()
	for _, tag := range []string{"Things", "Stuff"} {
		if len(byTag[tag]) != 1 || byTag[tag][0].OperationID != "putThing" {
			t.Errorf("tag %s = %+v, want putThing, which is listed under two tags", tag, byTag[tag])
		}
	}
	if len(byTag[""]) != 1 || byTag[""][0].OperationID != "listThings" {
		t.Errorf(`untagged operations = %+v, want listThings under ""`, byTag[""])
	}
	ops[1].Tags[0] = "changed"
	if s.Operations()[1].Tags[0] != "Things" {
		t.Errorf("changing a returned Op changed the Spec")
	}
}

func TestParseRejectsOtherDocuments(t *testing.T) {
	for _, doc := range []string{`{"swagger":"2.0","paths":{}}`, `{"openapi":"3.0.0"}`} {
		if _, err := Parse([]byte(doc)); !errors.Is(err, ErrNotOpenAPI) {
			t.Errorf("Parse(%s) error = %v, want ErrNotOpenAPI", doc, err)
		}
	}
	if _, err := Parse([]byte(`{`)); err == nil {
		t.Errorf("Parse of broken JSON: want an error")
	}
	if _, err := Load("does-not-exist.json"); err == nil {
		t.Errorf("Load of a missing file: want an error")
	}
}

func TestFind(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "module")
	shared := filepath.Join(base, "shared", "pagerduty-api")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := find("", root); got != "" {
		t.Errorf("find with no description anywhere = %q, want \"\"", got)
	}
	if got := find(filepath.Join(base, "missing.json"), root); got != "" {
		t.Errorf("find with a missing %s and no default = %q, want \"\"", EnvSpec, got)
	}
	if err := os.MkdirAll(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	def := filepath.Join(shared, RESTFile)
	if err := writeFile(def, miniSpec); err != nil {
		t.Fatal(err)
	}
	if got := find("", root); got != def {
		t.Errorf("find = %q, want the default %s", got, def)
	}
	if got := find(filepath.Join(base, "missing.json"), root); got != def {
		t.Errorf("find with a missing %s = %q, want the default %s", EnvSpec, got, def)
	}
	own := filepath.Join(base, "mine.json")
	if err := writeFile(own, miniSpec); err != nil {
		t.Fatal(err)
	}
	if got := find(own, root); got != own {
		t.Errorf("find = %q, want %s from %s", got, own, EnvSpec)
	}

	t.Setenv(EnvSpec, own)
	if got := Find(); got != own {
		t.Errorf("Find() = %q, want %s from %s", got, own, EnvSpec)
	}
	if got := FindEvents(); got != "" {
		t.Errorf("FindEvents() = %q, want \"\" with no events file beside %s", got, own)
	}
	if err := writeFile(filepath.Join(base, EventsFile), "{}"); err != nil {
		t.Fatal(err)
	}
	if got := FindEvents(); got != filepath.Join(base, EventsFile) {
		t.Errorf("FindEvents() = %q, want the events file beside %s", got, own)
	}
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

// A name a schema requires but never declares is a defect of the
// description, not of the request; a declared one is still enforced.
func TestRequiredButUndeclaredIsNotEnforced(t *testing.T) {
	s, err := Parse([]byte(`{"openapi": "3.0.2", "paths": {"/fields": {"post": {"operationId": "createField",
	  "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
	    "field": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name", "namespace"]}}}}}}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	check := func(body string) []Violation {
		r, err := NewRequest("POST", "/fields", nil, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return s.Check(r)
	}
	assertViolations(t, check(`{"field":{"name":"env"}}`), nil)
	assertViolations(t, check(`{"field":{}}`), []string{"body field.name: is required"})
}
