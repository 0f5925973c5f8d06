package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"
)

// Helpers for JSON values as encoding/json decodes them into any: nil,
// bool, float64, string, []any and map[string]any.

func hasType(sch map[string]any) bool {
	_, ok := sch["type"].(string)
	return ok
}

func typeName(sch map[string]any) string {
	if t, ok := sch["type"].(string); ok {
		return t
	}
	return "a value"
}

func typeMatches(t string, v any) bool {
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == math.Trunc(f) && !math.IsInf(f, 0)
	case "array":
		_, ok := v.([]any)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	default:
		return true // unknown types are not ours to judge
	}
}

func jsonKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64:
		if x == math.Trunc(x) {
			return "an integer"
		}
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", v)
	}
}

func enumHas(sch map[string]any, v any) bool {
	for _, e := range asSlice(sch["enum"]) {
		if reflect.DeepEqual(e, v) {
			return true
		}
	}
	return false
}

func num(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}

// dateTimeLayouts are accepted for format date-time: RFC 3339 and the
// variants PagerDuty itself accepts (no seconds, no zone, a bare date).
var dateTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

func looksLikeDateTime(s string) bool {
	for _, l := range dateTimeLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

// join locates a property under where: "body" + "note" gives "body note",
// then "body note.content".
func join(where, name string) string {
	if strings.Contains(where, " ") {
		return where + "." + name
	}
	return where + " " + name
}

func short(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 80 {
		return string(b[:80]) + "..."
	}
	return string(b)
}

func list(enum []any) string {
	parts := make([]string, 0, len(enum))
	for _, e := range enum {
		parts = append(parts, short(e))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func sortedUnique(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
