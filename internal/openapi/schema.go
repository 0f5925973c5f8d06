package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// The validator covers the part of JSON Schema (as OpenAPI 3.0 uses it) that
// PagerDuty's descriptions rely on: type, nullable, enum, properties,
// required, additionalProperties, items, allOf, oneOf, anyOf, $ref, lengths,
// item counts, bounds, uniqueItems and a loose date-time format.
//
// Objects are checked strictly: a property that no schema of the object
// declares is reported unless additionalProperties allows it, because a
// misspelt field is silently ignored by the API and prism does not catch it.
// Read-only properties are never required of a request.

// maxDepth bounds recursion, so a cyclic description cannot loop.
const maxDepth = 200

type validator struct {
	s   *Spec
	out []Violation
}

// validateValue checks v against schema and returns the problems found, each
// located under where (e.g. "body", "query limit").
func (s *Spec) validateValue(schema, v any, where string) []Violation {
	vd := &validator{s: s}
	vd.check(schema, v, where, true, nil, 0)
	return vd.out
}

func (vd *validator) add(where, format string, args ...any) {
	vd.out = append(vd.out, Violation{Where: where, Message: fmt.Sprintf(format, args...)})
}

// check validates v. strict enables the unknown-property check for objects;
// outer lists property names that an enclosing schema (the one whose oneOf
// branch this is) already declares.
func (vd *validator) check(schema, v any, where string, strict bool, outer []string, depth int) {
	if depth > maxDepth {
		vd.add(where, "the description nests deeper than %d levels here; not checked", maxDepth)
		return
	}
	resolved, err := vd.s.resolveRef(schema)
	if err != nil {
		vd.add(where, "the description is broken here: %v", err)
		return
	}
	sch, ok := resolved.(map[string]any)
	if !ok || len(sch) == 0 {
		return // {} or a boolean schema: anything goes
	}

	if v == nil {
		if sch["nullable"] == true || enumHas(sch, nil) || !hasType(sch) {
			return
		}
		vd.add(where, "is null; want %s (the field is not nullable)", typeName(sch))
		return
	}

	if t, ok := sch["type"].(string); ok && !typeMatches(t, v) {
		vd.add(where, "is %s; want %s", jsonKind(v), t)
		return
	}
	if enum, ok := sch["enum"].([]any); ok && !enumHas(sch, v) {
		vd.add(where, "%s is not one of %s", short(v), list(enum))
	}

	switch x := v.(type) {
	case string:
		vd.checkString(sch, x, where)
	case float64:
		vd.checkNumber(sch, x, where)
	case []any:
		vd.checkArray(sch, x, where, depth)
	case map[string]any:
		vd.checkObject(sch, x, where, strict, outer, depth)
	}

	for _, sub := range asSlice(sch["allOf"]) {
		// Properties of all branches were gathered by checkObject, which
		// also did the unknown-property check for the whole.
		vd.check(sub, v, where, false, nil, depth+1)
	}
	if alts := asSlice(sch["oneOf"]); len(alts) > 0 {
		vd.checkAlternatives("oneOf", alts, sch, v, where, strict, outer, depth)
	}
	if alts := asSlice(sch["anyOf"]); len(alts) > 0 {
		vd.checkAlternatives("anyOf", alts, sch, v, where, strict, outer, depth)
	}
}

// checkAlternatives accepts v when at least one alternative accepts it. oneOf
// is checked like anyOf: PagerDuty's alternatives overlap, and requiring
// exactly one would reject valid requests.
func (vd *validator) checkAlternatives(kw string, alts []any, parent map[string]any, v any, where string, strict bool, outer []string, depth int) {
	known := append(slices.Clone(outer), vd.s.propertyNames(parent, 0)...)
	var best []Violation
	for _, alt := range alts {
		sub := &validator{s: vd.s}
		sub.check(alt, v, where, strict, known, depth+1)
		if len(sub.out) == 0 {
			return
		}
		if best == nil || len(sub.out) < len(best) {
			best = sub.out
		}
	}
	msgs := make([]string, 0, len(best))
	for _, b := range best {
		msgs = append(msgs, b.String())
	}
	vd.add(where, "matches none of the %d schemas of %s; the closest fails with: %s", len(alts), kw, strings.Join(msgs, "; "))
}

func (vd *validator) checkString(sch map[string]any, s, where string) {
	n := utf8.RuneCountInString(s)
	if max, ok := num(sch["maxLength"]); ok && float64(n) > max {
		vd.add(where, "is %d characters long; at most %v are accepted", n, max)
	}
	if min, ok := num(sch["minLength"]); ok && float64(n) < min {
		vd.add(where, "is %d characters long; at least %v are needed", n, min)
	}
	if sch["format"] == "date-time" && !looksLikeDateTime(s) {
		vd.add(where, "%q is not a date-time; want RFC 3339, such as 2024-05-01T12:00:00Z", s)
	}
}

func (vd *validator) checkNumber(sch map[string]any, f float64, where string) {
	if min, ok := num(sch["minimum"]); ok && f < min {
		vd.add(where, "%v is below the minimum %v", f, min)
	}
	if max, ok := num(sch["maximum"]); ok && f > max {
		vd.add(where, "%v is above the maximum %v", f, max)
	}
}

func (vd *validator) checkArray(sch map[string]any, a []any, where string, depth int) {
	if min, ok := num(sch["minItems"]); ok && float64(len(a)) < min {
		vd.add(where, "has %d items; at least %v are needed", len(a), min)
	}
	if max, ok := num(sch["maxItems"]); ok && float64(len(a)) > max {
		vd.add(where, "has %d items; at most %v are accepted", len(a), max)
	}
	if sch["uniqueItems"] == true {
		for i := range a {
			for j := range i {
				if reflect.DeepEqual(a[i], a[j]) {
					vd.add(where, "items %d and %d are equal; items must be unique", j, i)
				}
			}
		}
	}
	if items, ok := sch["items"]; ok {
		for i, item := range a {
			vd.check(items, item, fmt.Sprintf("%s[%d]", where, i), true, nil, depth+1)
		}
	}
}

func (vd *validator) checkObject(sch map[string]any, obj map[string]any, where string, strict bool, outer []string, depth int) {
	props, _ := sch["properties"].(map[string]any)
	for _, name := range sortedKeys(props) {
		val, present := obj[name]
		if present {
			vd.check(props[name], val, join(where, name), true, nil, depth+1)
		}
	}
	for _, r := range asSlice(sch["required"]) {
		name, _ := r.(string)
		if _, present := obj[name]; present || name == "" {
			continue
		}
		if vd.s.isReadOnly(props[name]) {
			continue
		}
		vd.add(join(where, name), "is required")
	}

	if !strict {
		return
	}
	// With oneOf/anyOf the alternatives do the unknown-property check,
	// knowing what this level declares.
	if len(asSlice(sch["oneOf"])) > 0 || len(asSlice(sch["anyOf"])) > 0 {
		return
	}
	known := append(vd.s.propertyNames(sch, 0), outer...)
	extra, hasExtra := sch["additionalProperties"]
	extraSchema, _ := vd.s.resolve(extra).(map[string]any)
	switch {
	case extraSchema != nil:
		// A map: undeclared keys are fine if their values fit.
		for _, name := range sortedKeys(obj) {
			if !slices.Contains(known, name) {
				vd.check(extraSchema, obj[name], join(where, name), true, nil, depth+1)
			}
		}
		return
	case hasExtra && extra != false:
		return // additionalProperties: true
	case !hasExtra && len(known) == len(outer):
		return // declares nothing itself: a free-form object
	}
	for _, name := range sortedKeys(obj) {
		if !slices.Contains(known, name) {
			vd.add(join(where, name), "is not a property the description declares here; known: %s", strings.Join(sortedUnique(known), ", "))
		}
	}
}

// propertyNames gathers the properties declared (or required) by a schema
// and, through allOf, by the schemas it is composed of.
func (s *Spec) propertyNames(schema any, depth int) []string {
	if depth > maxDepth {
		return nil
	}
	sch, ok := s.resolve(schema).(map[string]any)
	if !ok {
		return nil
	}
	var names []string
	if props, ok := sch["properties"].(map[string]any); ok {
		names = append(names, sortedKeys(props)...)
	}
	// A required name is declared too, even without a property schema.
	for _, r := range asSlice(sch["required"]) {
		if name, ok := r.(string); ok {
			names = append(names, name)
		}
	}
	for _, sub := range asSlice(sch["allOf"]) {
		names = append(names, s.propertyNames(sub, depth+1)...)
	}
	return names
}

func (s *Spec) isReadOnly(schema any) bool {
	sch, ok := s.resolve(schema).(map[string]any)
	return ok && sch["readOnly"] == true
}

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
