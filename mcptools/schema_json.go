package mcptools

import (
	"encoding/json"
	"slices"
	"strconv"

	gschema "github.com/google/jsonschema-go/jsonschema"
)

// schemaJSON encodes s, a schema built by inputSchema, to the bytes
// json.Marshal gives for it (a test holds the two equal for every tool).
// The registry encodes each schema once and hands the bytes to the MCP
// server, which then answers tools/list without encoding a schema again:
// the generic encoder of *jsonschema.Schema takes about 85 µs a tool, and
// tools/list with every tool took 7 ms of it.
//
// Only the keywords inputSchema sets are written: type, properties, items,
// description, enum, minimum, maximum, minLength, maxLength, minItems,
// maxItems, uniqueItems, required and additionalProperties (as false), in
// the order json.Marshal writes them, properties sorted by name.
func schemaJSON(s *gschema.Schema) json.RawMessage {
	return appendSchema(make([]byte, 0, 1024), s)
}

func appendSchema(b []byte, s *gschema.Schema) []byte {
	b = append(b, '{')
	first := true
	key := func(k string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
	}
	if s.Type != "" {
		key("type")
		b = appendJSONValue(b, s.Type)
	}
	if s.Properties != nil {
		key("properties")
		b = append(b, '{')
		names := make([]string, 0, len(s.Properties))
		for n := range s.Properties {
			names = append(names, n)
		}
		slices.Sort(names)
		for i, n := range names {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONValue(b, n)
			b = append(b, ':')
			b = appendSchema(b, s.Properties[n])
		}
		b = append(b, '}')
	}
	if s.Items != nil {
		key("items")
		b = appendSchema(b, s.Items)
	}
	if s.Description != "" {
		key("description")
		b = appendJSONValue(b, s.Description)
	}
	if len(s.Enum) > 0 {
		key("enum")
		b = appendJSONArray(b, s.Enum)
	}
	for _, f := range []struct {
		name string
		v    *float64
	}{{"minimum", s.Minimum}, {"maximum", s.Maximum}} {
		if f.v != nil {
			key(f.name)
			b = appendJSONValue(b, *f.v)
		}
	}
	for _, f := range []struct {
		name string
		v    *int
	}{{"minLength", s.MinLength}, {"maxLength", s.MaxLength}, {"minItems", s.MinItems}, {"maxItems", s.MaxItems}} {
		if f.v != nil {
			key(f.name)
			b = strconv.AppendInt(b, int64(*f.v), 10)
		}
	}
	if s.UniqueItems {
		key("uniqueItems")
		b = append(b, "true"...)
	}
	if len(s.Required) > 0 {
		key("required")
		b = appendJSONArray(b, s.Required)
	}
	if s.AdditionalProperties != nil {
		// inputSchema sets only {"not": {}}, which JSON Schema writes false.
		key("additionalProperties")
		b = append(b, "false"...)
	}
	return append(b, '}')
}

// appendJSONArray appends vs as a JSON array of values written by
// appendJSONValue.
func appendJSONArray[T any](b []byte, vs []T) []byte {
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONValue(b, v)
	}
	return append(b, ']')
}

// appendJSONValue appends v as encoding/json writes it (strings with HTML
// characters escaped); v is a string or a finite number, which cannot fail
// to encode.
func appendJSONValue(b []byte, v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, raw...)
}
