package openapi

import (
	"slices"
	"strings"
)

// An Exception is a deliberate departure from the description for one
// operation: a place where the description is known to be wrong about the
// request body the API takes, so a correct request would otherwise be
// reported. Each names its operation exactly (operationId, method and path
// template) and says why; nothing is loosened for any other operation.
type Exception struct {
	// OperationID, Method and Path name the operation, as the REST
	// description spells them.
	OperationID string
	Method      string
	Path        string
	// Rule says how the body is checked instead.
	Rule ExceptionRule
	// EventsOperation, for [UndeclaredBody], names the operation of the
	// Events API description whose request body this one takes; the
	// conformance test checks recorded bodies against it.
	EventsOperation string
	// Reason says what is wrong with the description, and what the API
	// does instead.
	Reason string
}

// ExceptionRule is how an [Exception] checks a body.
type ExceptionRule int

const (
	// UndeclaredBody accepts a JSON object body on an operation whose
	// description declares none.
	UndeclaredBody ExceptionRule = iota + 1
	// ExampleShaped accepts a body the schema refuses when it has the shape
	// of the operation's own request examples, place by place: each object
	// with the property names of one example object at its place, arrays
	// where the examples have arrays, plain values (of any JSON type) where
	// they have plain values, and null anywhere.
	ExampleShaped
)

// String names the rule.
func (r ExceptionRule) String() string {
	switch r {
	case UndeclaredBody:
		return "undeclared body"
	case ExampleShaped:
		return "shaped like the examples"
	default:
		return "unknown rule"
	}
}

// Exceptions lists every exception to the REST description that Check
// applies, in a fixed order. The list is returned afresh on each call.
func Exceptions() []Exception {
	return []Exception{
		{
			OperationID:     "createChangeEvent",
			Method:          "POST",
			Path:            "/change_events",
			Rule:            UndeclaredBody,
			EventsOperation: "createChangeEvent",
			Reason: "the description declares no request body and refers to the Events API, " +
				"while the REST API takes the same change event body as POST /v2/change/enqueue",
		},
		{
			OperationID: "updateServiceCustomFieldValues",
			Method:      "PUT",
			Path:        "/services/{id}/custom_fields/values",
			Rule:        ExampleShaped,
			Reason: `the schema wraps each value in an object ({"value": {"value": "x"}}) ` +
				`while the operation's own examples, and the API, take the value itself ({"value": "x"})`,
		},
	}
}

// exceptionFor returns the exception that applies to op, if any.
func exceptionFor(op *Operation) (Exception, bool) {
	for _, e := range Exceptions() {
		if e.OperationID == op.OperationID && strings.EqualFold(e.Method, op.Method) && e.Path == op.Path {
			return e, true
		}
	}
	return Exception{}, false
}

// hasExampleShape reports whether v has the shape of alts, the operation's
// request examples (see [ExampleShaped]), place by place. An object needs
// exactly the property names of one example object at its place, and each
// property the shape of one of the examples' values for that property there
// (so a value given by name may take the shape the examples show for a value
// given by ID); every item of an array matches an item of the examples'
// arrays at its place (an empty array matches any array); a plain value
// matches any plain value or null; null matches anything.
func hasExampleShape(v any, alts []any, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		var objects []map[string]any
		same := false
		for _, a := range alts {
			if m, ok := a.(map[string]any); ok {
				objects = append(objects, m)
				same = same || sameKeys(m, x)
			}
		}
		if !same {
			return false
		}
		for k, val := range x {
			var sub []any
			for _, m := range objects {
				if v, ok := m[k]; ok {
					sub = append(sub, v)
				}
			}
			if !hasExampleShape(val, sub, depth+1) {
				return false
			}
		}
		return true
	case []any:
		var items []any
		arrays := false
		for _, a := range alts {
			if s, ok := a.([]any); ok {
				arrays = true
				items = append(items, s...)
			}
		}
		if !arrays {
			return false
		}
		for _, item := range x {
			if !hasExampleShape(item, items, depth+1) {
				return false
			}
		}
		return true
	case nil:
		return len(alts) > 0 // null clears a value of any shape
	default:
		return slices.ContainsFunc(alts, isPlain)
	}
}

// isPlain reports whether a decoded JSON value is neither an object nor an
// array.
func isPlain(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	default:
		return true
	}
}

func sameKeys(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}
