package openapi

import (
	"fmt"
	"strconv"
	"strings"
)

// maxRefHops bounds chains of $ref that point at further $refs.
const maxRefHops = 32

// resolve follows $ref (within the document) until it reaches a value that
// is not a reference. A broken reference resolves to nil.
func (s *Spec) resolve(v any) any {
	r, _ := s.resolveRef(v)
	return r
}

// resolveRef is resolve with the reason a reference is broken.
func (s *Spec) resolveRef(v any) (any, error) {
	for range maxRefHops {
		m, ok := v.(map[string]any)
		if !ok {
			return v, nil
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v, nil
		}
		next, err := s.pointer(ref)
		if err != nil {
			return nil, err
		}
		v = next
	}
	return nil, fmt.Errorf("more than %d chained $ref", maxRefHops)
}

// pointer looks up a local JSON pointer reference such as
// "#/components/schemas/Incident".
func (s *Spec) pointer(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("$ref %q is not local to the document", ref)
	}
	var cur any = s.doc
	for _, tok := range strings.Split(ref[2:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("$ref %q: %q not found", ref, tok)
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, fmt.Errorf("$ref %q: no element %q", ref, tok)
			}
			cur = c[i]
		default:
			return nil, fmt.Errorf("$ref %q: cannot descend into %q", ref, tok)
		}
	}
	return cur, nil
}
