package mcptools

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	gschema "github.com/google/jsonschema-go/jsonschema"
)

// inputSchema derives the JSON Schema of a tool's input struct from its
// tags, in the schema type of google/jsonschema-go that the MCP SDK speaks.
// The schema is flat by construction: an object of scalars and arrays of
// scalars, each described, refusing unknown properties, with no defaults;
// some MCP clients cannot render anything else, and a field that breaks
// this is an error. It runs once per tool, when the registry is
// built, and costs microseconds: tool inputs are flat structs, so the
// schema is read off the fields directly.
//
// The tags are those of invopop/jsonschema, and the result is the schema
// that package would derive (a test holds the two together):
//
//	json:"name,omitempty"                  the property name (omitted: its field name)
//	jsonschema:"required,minLength=1,..."  keywords: required, enum (repeated),
//	                                       minLength, maxLength, minimum, maximum,
//	                                       minItems, maxItems, uniqueItems, default
//	jsonschema_description:"..."           the description
//
// On a slice, enum, minLength, maxLength, minimum and maximum constrain its
// items; minItems, maxItems and uniqueItems the slice.
func inputSchema(t reflect.Type) (*gschema.Schema, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("the input %s is not a struct", t)
	}
	out := &gschema.Schema{
		Type:                 "object",
		Properties:           map[string]*gschema.Schema{},
		AdditionalProperties: &gschema.Schema{Not: &gschema.Schema{}},
	}
	if err := addProperties(out, t); err != nil {
		return nil, fmt.Errorf("the schema of %s: %w", t, err)
	}
	return out, nil
}

// addProperties adds the fields of struct t to out, those of an embedded
// struct in its place, as encoding/json decodes them.
func addProperties(out *gschema.Schema, t reflect.Type) error {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				if err := addProperties(out, et); err != nil {
					return err
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p, required, err := propertySchema(f)
		if err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
		out.Properties[name] = p
		if required {
			out.Required = append(out.Required, name)
		}
	}
	return nil
}

// propertySchema is the schema of one field, and whether it is required.
func propertySchema(f reflect.StructField) (*gschema.Schema, bool, error) {
	ft := f.Type
	for ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	p := &gschema.Schema{Description: f.Tag.Get("jsonschema_description")}
	if strings.TrimSpace(p.Description) == "" {
		return nil, false, errors.New("it has no description (jsonschema_description): a model reads it to fill the argument in")
	}
	value := p // where value keywords go: the property, or its items
	if ft.Kind() == reflect.Slice {
		p.Type = "array"
		et := ft.Elem()
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		it, ok := scalarType(et)
		if !ok {
			return nil, false, fmt.Errorf("a slice of %s: inputs hold only scalars and slices of scalars", et)
		}
		p.Items = &gschema.Schema{Type: it}
		value = p.Items
	} else {
		st, ok := scalarType(ft)
		if !ok {
			return nil, false, fmt.Errorf("type %s: inputs hold only scalars and slices of scalars", ft)
		}
		p.Type = st
	}
	required := false
	tag := f.Tag.Get("jsonschema")
	if tag == "" {
		return p, false, nil
	}
	for _, kw := range strings.Split(tag, ",") {
		key, val, _ := strings.Cut(kw, "=")
		var err error
		switch key {
		case "required":
			required = true
		case "enum":
			if value.Type == "boolean" {
				return nil, false, errors.New("an enum on a boolean: a boolean is already true or false")
			}
			var v any = val
			if value.Type == "integer" || value.Type == "number" {
				var f *float64
				if f, err = floatKeyword(val); err == nil {
					v = *f
				}
			}
			value.Enum = append(value.Enum, v)
		case "minLength":
			value.MinLength, err = intKeyword(val)
		case "maxLength":
			value.MaxLength, err = intKeyword(val)
		case "minimum":
			value.Minimum, err = floatKeyword(val)
		case "maximum":
			value.Maximum, err = floatKeyword(val)
		case "minItems":
			p.MinItems, err = intKeyword(val)
		case "maxItems":
			p.MaxItems, err = intKeyword(val)
		case "uniqueItems":
			p.UniqueItems = val == "true"
		case "default":
			// Handlers apply defaults and descriptions state them: a schema
			// default would not be applied (and go-sdk v1.8.0's own
			// validation panics applying one to "arguments": null).
			return nil, false, errors.New("it has a default: state it in the description and apply it in the handler")
		default:
			return nil, false, fmt.Errorf("unknown keyword %q in its jsonschema tag", key)
		}
		if err != nil {
			return nil, false, fmt.Errorf("keyword %s: %w", key, err)
		}
	}
	return p, required, nil
}

func scalarType(t reflect.Type) (string, bool) {
	switch t.Kind() {
	case reflect.String:
		return "string", true
	case reflect.Bool:
		return "boolean", true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer", true
	case reflect.Float32, reflect.Float64:
		return "number", true
	}
	return "", false
}

func intKeyword(s string) (*int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a whole number", s)
	}
	return &n, nil
}

func floatKeyword(s string) (*float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("%q is not a finite number", s)
	}
	return &f, nil
}
