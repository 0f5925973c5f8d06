package mcptools

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	gschema "github.com/google/jsonschema-go/jsonschema"
)

// decodeArgs validates raw tool arguments against a tool's flat input
// schema and decodes them into in. Its errors are tool errors that say
// which argument is wrong and what it accepts. Absent or null arguments are
// an empty object.
//
// checkArgs implements every keyword an input schema may hold (inputSchema
// refuses any other), and tests hold it to the JSON Schema validator's
// verdict for every tool, so the schema is not validated a second time.
func decodeArgs(raw json.RawMessage, e *entry, in any) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		raw = []byte("{}")
	}
	var args map[string]any
	if err := json.Unmarshal(raw, &args); err != nil {
		return userError("The arguments are not a JSON object: pass an object such as {\"limit\": 10}.")
	}
	if args == nil {
		args = map[string]any{}
	}
	if err := checkArgs(e.schema, args); err != nil {
		return err
	}
	// Decode the checked arguments as sent; when that fails (a whole number
	// sent as 10.0 does not fit an int field), decode them re-encoded.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(in) == nil {
		return nil
	}
	reflect.ValueOf(in).Elem().SetZero()
	clean, err := json.Marshal(args)
	if err != nil {
		return userError("Invalid arguments: %s", truncate(err.Error(), 300))
	}
	dec = json.NewDecoder(bytes.NewReader(clean))
	dec.DisallowUnknownFields()
	if err := dec.Decode(in); err != nil {
		return userError("Invalid arguments: %s", truncate(err.Error(), 300))
	}
	return nil
}

// checkArgs checks args against a flat schema and explains the first
// problem in words a model can act on.
func checkArgs(s *gschema.Schema, args map[string]any) error {
	names := make([]string, 0, len(args))
	for k := range args {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if _, ok := s.Properties[k]; !ok {
			return userError("Unknown argument %q: %s", truncate(k, 40), accepted(s))
		}
	}
	for _, k := range s.Required {
		if _, ok := args[k]; !ok {
			return userError("Missing argument %q: %s", k, s.Properties[k].Description)
		}
	}
	for _, k := range names {
		if err := checkValue(k, s.Properties[k], args[k]); err != nil {
			return err
		}
	}
	return nil
}

func accepted(s *gschema.Schema) string {
	if len(s.Properties) == 0 {
		return "this tool takes no arguments."
	}
	keys := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return "the arguments are " + strings.Join(keys, ", ") + "."
}

func checkValue(name string, p *gschema.Schema, v any) error {
	if p.Type == "array" {
		items, ok := v.([]any)
		if !ok {
			return argError(name, "want an array of %ss, got %s", p.Items.Type, describe(v))
		}
		if p.MinItems != nil && len(items) < *p.MinItems {
			return argError(name, "%d items, the least is %d: %s", len(items), *p.MinItems, p.Description)
		}
		if p.MaxItems != nil && len(items) > *p.MaxItems {
			return argError(name, "%d items, the most is %d", len(items), *p.MaxItems)
		}
		for i, it := range items {
			if err := checkScalar(fmt.Sprintf("%s[%d]", name, i), p.Items, it); err != nil {
				return err
			}
			if p.UniqueItems && slices.Index(items, it) < i {
				return argError(name, "%s is given twice: list each value once", describe(it))
			}
		}
		return nil
	}
	return checkScalar(name, p, v)
}

func checkScalar(name string, p *gschema.Schema, v any) error {
	switch p.Type {
	case "string":
		s, ok := v.(string)
		if !ok {
			return argError(name, "want a string, got %s", describe(v))
		}
		if len(p.Enum) > 0 && !slices.Contains(p.Enum, any(s)) {
			return argError(name, "%q is not accepted: use one of %s", truncate(s, 40), enumList(p.Enum))
		}
		// JSON Schema counts characters (code points), not bytes.
		n := utf8.RuneCountInString(s)
		if p.MinLength != nil && n < *p.MinLength {
			if n == 0 {
				return argError(name, "it is empty: %s", p.Description)
			}
			return argError(name, "it is %d characters long, the least is %d", n, *p.MinLength)
		}
		if p.MaxLength != nil && n > *p.MaxLength {
			return argError(name, "it is %d characters long, the most is %d", n, *p.MaxLength)
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok {
			return argError(name, "want a number, got %s", describe(v))
		}
		if p.Type == "integer" && f != math.Trunc(f) {
			return argError(name, "want a whole number, got %v", f)
		}
		if len(p.Enum) > 0 && !slices.Contains(p.Enum, any(f)) {
			return argError(name, "%v is not accepted: use one of %s", f, enumList(p.Enum))
		}
		lo, hi := p.Minimum, p.Maximum
		if (lo != nil && f < *lo) || (hi != nil && f > *hi) {
			switch {
			case lo != nil && hi != nil:
				return argError(name, "%v is out of range: use %v to %v", f, *lo, *hi)
			case lo != nil:
				return argError(name, "%v is too small: the least is %v", f, *lo)
			default:
				return argError(name, "%v is too large: the most is %v", f, *hi)
			}
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return argError(name, "want true or false, got %s", describe(v))
		}
	}
	return nil
}

func enumList(e []any) string {
	s := make([]string, len(e))
	for i, v := range e {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}

// describe names the JSON type of v, with a short excerpt.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", truncate(x, 40))
	case float64:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case []any:
		return "an array"
	default:
		return "an object"
	}
}
