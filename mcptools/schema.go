package mcptools

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	gschema "github.com/google/jsonschema-go/jsonschema"
	"github.com/invopop/jsonschema"
)

// inputSchema derives the JSON Schema of a tool's input struct from its
// tags (invopop/jsonschema), converts it to the schema type of
// google/jsonschema-go that the MCP SDK speaks, checks that it is flat, and
// resolves it for validation. It runs once per tool, when the registry is
// built.
func inputSchema(t reflect.Type) (*gschema.Schema, *gschema.Resolved, error) {
	r := &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
	}
	s := r.ReflectFromType(t)
	s.Version = "" // the SDK speaks draft 2020-12; the keyword only adds bytes
	b, err := json.Marshal(s)
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the schema of %s: %w", t, err)
	}
	var out gschema.Schema
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, nil, fmt.Errorf("converting the schema of %s: %w", t, err)
	}
	if err := checkFlat(&out); err != nil {
		return nil, nil, fmt.Errorf("the schema of %s: %w", t, err)
	}
	if out.Properties == nil {
		// Some clients want "properties" even when there are none.
		out.Properties = map[string]*gschema.Schema{}
	}
	resolved, err := out.Resolve(&gschema.ResolveOptions{ValidateDefaults: true})
	if err != nil {
		return nil, nil, fmt.Errorf("the schema of %s does not resolve: %w", t, err)
	}
	return &out, resolved, nil
}

// checkFlat reports why s is not a flat tool input: an object whose
// properties are scalars or arrays of scalars, with no combinators, and that
// refuses unknown properties. Some MCP clients cannot render anything else.
func checkFlat(s *gschema.Schema) error {
	if s.Type != "object" {
		return fmt.Errorf("type is %q, want object", s.Type)
	}
	if len(s.AnyOf)+len(s.OneOf)+len(s.AllOf) > 0 || s.Not != nil {
		return fmt.Errorf("has a top-level anyOf, oneOf, allOf or not")
	}
	if s.AdditionalProperties == nil || s.AdditionalProperties.Not == nil {
		return fmt.Errorf("accepts unknown properties: want additionalProperties false")
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := s.Properties[name]
		switch p.Type {
		case "string", "integer", "number", "boolean":
		case "array":
			if p.Items == nil || !isScalar(p.Items.Type) {
				return fmt.Errorf("property %q is an array of non-scalars", name)
			}
		default:
			return fmt.Errorf("property %q has type %q: inputs hold only scalars and arrays of scalars", name, p.Type)
		}
		if len(p.AnyOf)+len(p.OneOf)+len(p.AllOf) > 0 {
			return fmt.Errorf("property %q uses anyOf, oneOf or allOf", name)
		}
		if p.Default != nil {
			// Handlers apply defaults and descriptions state them: a schema
			// default would not be applied (and go-sdk v1.8.0's own
			// validation panics applying one to "arguments": null).
			return fmt.Errorf("property %q has a default: state it in the description and apply it in the handler", name)
		}
		if strings.TrimSpace(p.Description) == "" {
			return fmt.Errorf("property %q has no description", name)
		}
	}
	return nil
}

func isScalar(t string) bool {
	return t == "string" || t == "integer" || t == "number" || t == "boolean"
}
