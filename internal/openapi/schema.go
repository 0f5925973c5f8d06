package openapi

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
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
// The one exception is a property the operation's own request examples use:
// some of PagerDuty's examples document fields their schemas omit.
// Read-only properties are never required of a request.

// maxDepth bounds recursion, so a cyclic description cannot loop.
const maxDepth = 200

type validator struct {
	s   *Spec
	out []Violation
	// documented locations ("body alerts[].id") are accepted even when no
	// schema declares them: the operation's own examples use them.
	documented map[string]bool
}

// validateValue checks v against schema and returns the problems found, each
// located under where (e.g. "body", "query limit").
func (s *Spec) validateValue(schema, v any, where string) []Violation {
	return s.validateDocumented(schema, v, where, nil)
}

// validateDocumented is validateValue accepting the undeclared properties at
// the documented locations.
func (s *Spec) validateDocumented(schema, v any, where string, documented map[string]bool) []Violation {
	vd := &validator{s: s, documented: documented}
	vd.check([]any{schema}, v, where, true, nil, 0)
	return vd.out
}

// arrayIndex matches the item indexes of a location.
var arrayIndex = regexp.MustCompile(`\[\d+\]`)

func (vd *validator) isDocumented(where string) bool {
	return vd.documented[arrayIndex.ReplaceAllString(where, "[]")]
}

func (vd *validator) add(where, format string, args ...any) {
	vd.out = append(vd.out, Violation{Where: where, Message: fmt.Sprintf(format, args...)})
}

// flatten resolves references and expands allOf, returning every schema that
// applies to one value. PagerDuty composes schemas with allOf that refine
// nested properties of one another, so properties and items must be merged
// across the branches before they are checked.
func (vd *validator) flatten(schemas []any, where string, depth int) []map[string]any {
	var out []map[string]any
	var walk func(v any, d int)
	walk = func(v any, d int) {
		if d > maxDepth {
			vd.add(where, "the description nests deeper than %d levels here; not checked", maxDepth)
			return
		}
		r, err := vd.s.resolveRef(v)
		if err != nil {
			vd.add(where, "the description is broken here: %v", err)
			return
		}
		m, ok := r.(map[string]any)
		if !ok || len(m) == 0 {
			return // {} or a boolean schema: anything goes
		}
		out = append(out, m)
		for _, sub := range asSlice(m["allOf"]) {
			walk(sub, d+1)
		}
	}
	for _, sch := range schemas {
		walk(sch, depth)
	}
	return out
}

// check validates v against all of schemas. strict enables the
// unknown-property check for objects; outer lists property names that an
// enclosing schema (the one whose oneOf branch this is) already declares.
func (vd *validator) check(schemas []any, v any, where string, strict bool, outer []string, depth int) {
	if depth > maxDepth {
		vd.add(where, "the description nests deeper than %d levels here; not checked", maxDepth)
		return
	}
	all := vd.flatten(schemas, where, depth)
	if len(all) == 0 {
		return
	}

	if v == nil {
		for _, sch := range all {
			if sch["nullable"] == true || enumHas(sch, nil) {
				return
			}
		}
		for _, sch := range all {
			if hasType(sch) {
				vd.add(where, "is null; want %s (the field is not nullable)", typeName(sch))
				return
			}
		}
		return
	}

	for _, sch := range all {
		if t, ok := sch["type"].(string); ok && !typeMatches(t, v) {
			vd.add(where, "is %s; want %s", jsonKind(v), t)
			return
		}
	}
	for _, sch := range all {
		if enum, ok := sch["enum"].([]any); ok && !enumHas(sch, v) {
			vd.add(where, "%s is not one of %s", short(v), list(enum))
		}
		switch x := v.(type) {
		case string:
			vd.checkString(sch, x, where)
		case float64:
			vd.checkNumber(sch, x, where)
		case []any:
			vd.checkArrayCounts(sch, x, where)
		}
	}

	hasAlternatives := false
	for _, sch := range all {
		if len(asSlice(sch["oneOf"])) > 0 || len(asSlice(sch["anyOf"])) > 0 {
			hasAlternatives = true
		}
	}
	switch x := v.(type) {
	case []any:
		var items []any
		for _, sch := range all {
			if it, ok := sch["items"]; ok {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			for i, item := range x {
				vd.check(items, item, fmt.Sprintf("%s[%d]", where, i), true, nil, depth+1)
			}
		}
	case map[string]any:
		// With oneOf/anyOf the alternatives do the unknown-property
		// check, knowing what this level declares.
		vd.checkObject(all, x, where, strict && !hasAlternatives, outer, depth)
	}

	if hasAlternatives {
		known := append(slices.Clone(outer), vd.s.names(all)...)
		for _, sch := range all {
			if alts := asSlice(sch["oneOf"]); len(alts) > 0 {
				vd.checkAlternatives("oneOf", alts, v, where, strict, known, depth)
			}
			if alts := asSlice(sch["anyOf"]); len(alts) > 0 {
				vd.checkAlternatives("anyOf", alts, v, where, strict, known, depth)
			}
		}
	}
}

// checkAlternatives accepts v when at least one alternative accepts it. oneOf
// is checked like anyOf: PagerDuty's alternatives overlap, and requiring
// exactly one would reject valid requests.
func (vd *validator) checkAlternatives(kw string, alts []any, v any, where string, strict bool, known []string, depth int) {
	var best []Violation
	for _, alt := range alts {
		sub := &validator{s: vd.s, documented: vd.documented}
		sub.check([]any{alt}, v, where, strict, known, depth+1)
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

func (vd *validator) checkArrayCounts(sch map[string]any, a []any, where string) {
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
}

func (vd *validator) checkObject(all []map[string]any, obj map[string]any, where string, strict bool, outer []string, depth int) {
	// Every schema that declares a property contributes to its check.
	props := make(map[string][]any)
	for _, sch := range all {
		ps, _ := sch["properties"].(map[string]any)
		for name, p := range ps {
			props[name] = append(props[name], p)
		}
	}
	for _, name := range sortedKeys(obj) {
		if ps, ok := props[name]; ok {
			vd.check(ps, obj[name], join(where, name), true, nil, depth+1)
		}
	}
	var missing []string
	for _, sch := range all {
		for _, r := range asSlice(sch["required"]) {
			name, _ := r.(string)
			if _, present := obj[name]; present || name == "" || slices.Contains(missing, name) {
				continue
			}
			if vd.s.anyReadOnly(props[name]) {
				continue // read-only properties are never required of a request
			}
			if len(props) > 0 && props[name] == nil {
				// Required but declared nowhere: a defect of the description
				// (CustomFieldsField requires a "namespace" it never
				// declares, and its own examples omit it), not of the request.
				continue
			}
			missing = append(missing, name)
			vd.add(join(where, name), "is required")
		}
	}

	if !strict {
		return
	}
	known := append(vd.s.names(all), outer...)
	var extras []any
	open, declares := false, false
	for _, sch := range all {
		if _, ok := sch["properties"]; ok || len(asSlice(sch["required"])) > 0 {
			declares = true
		}
		extra, ok := sch["additionalProperties"]
		if !ok || extra == false {
			continue
		}
		if m, isSchema := vd.s.resolve(extra).(map[string]any); isSchema {
			extras = append(extras, m)
			continue
		}
		open = true // additionalProperties: true
	}
	closed := slices.ContainsFunc(all, func(sch map[string]any) bool { return sch["additionalProperties"] == false })
	switch {
	case open:
		return
	case len(extras) > 0:
		// A map: undeclared keys are fine if their values fit.
		for _, name := range sortedKeys(obj) {
			if !slices.Contains(known, name) {
				vd.check(extras, obj[name], join(where, name), true, nil, depth+1)
			}
		}
		return
	case !declares && !closed:
		return // declares nothing: a free-form object
	}
	for _, name := range sortedKeys(obj) {
		if !slices.Contains(known, name) && !vd.isDocumented(join(where, name)) {
			vd.add(join(where, name), "is not a property the description declares here; known: %s", strings.Join(sortedUnique(known), ", "))
		}
	}
}

// names gathers the properties declared or required by flattened schemas.
func (s *Spec) names(all []map[string]any) []string {
	var names []string
	for _, sch := range all {
		if props, ok := sch["properties"].(map[string]any); ok {
			names = append(names, sortedKeys(props)...)
		}
		for _, r := range asSlice(sch["required"]) {
			if name, ok := r.(string); ok {
				names = append(names, name)
			}
		}
	}
	return names
}

func (s *Spec) anyReadOnly(schemas []any) bool {
	for _, sch := range schemas {
		if s.isReadOnly(sch) {
			return true
		}
	}
	return false
}

func (s *Spec) isReadOnly(schema any) bool {
	sch, ok := s.resolve(schema).(map[string]any)
	return ok && sch["readOnly"] == true
}
