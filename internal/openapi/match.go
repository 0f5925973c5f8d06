package openapi

import (
	"net/url"
	"strings"
)

// Match finds the operation answering method on a concrete path such as
// /incidents/PABC123/notes, and the values of its path parameters. Literal
// segments win over parameters, so /users/me is getUser's neighbour
// getCurrentUser rather than /users/{id}. The description's base path (for
// example /v2 for the Events API) is expected in front of path.
func (s *Spec) Match(method, path string) (*Operation, map[string]string, bool) {
	rel, ok := s.stripBase(path)
	if !ok {
		return nil, nil, false
	}
	segs := splitPath(rel)
	var best *Operation
	for _, op := range s.byMethod[strings.ToUpper(method)] {
		if !segmentsMatch(op.segments, segs) {
			continue
		}
		if best == nil || moreSpecific(op, best) {
			best = op
		}
	}
	if best == nil {
		return nil, nil, false
	}
	vals := make(map[string]string)
	for i, seg := range best.segments {
		if isParamSegment(seg) {
			vals[seg[1:len(seg)-1]] = segs[i]
		}
	}
	return best, vals, true
}

// methodsFor lists the methods the description offers on a concrete path,
// to explain a request sent with the wrong one.
func (s *Spec) methodsFor(path string) []string {
	rel, ok := s.stripBase(path)
	if !ok {
		return nil
	}
	segs := splitPath(rel)
	var out []string
	for _, m := range methods {
		M := strings.ToUpper(m)
		for _, op := range s.byMethod[M] {
			if segmentsMatch(op.segments, segs) {
				out = append(out, M)
				break
			}
		}
	}
	return out
}

func (s *Spec) stripBase(path string) (string, bool) {
	if s.basePath == "" {
		return path, true
	}
	if path == s.basePath {
		return "/", true
	}
	rest, ok := strings.CutPrefix(path, s.basePath+"/")
	return "/" + rest, ok
}

// moreSpecific prefers more literal segments, then literals earlier in the
// path.
func moreSpecific(a, b *Operation) bool {
	if a.literals != b.literals {
		return a.literals > b.literals
	}
	for i := range a.segments {
		pa, pb := isParamSegment(a.segments[i]), isParamSegment(b.segments[i])
		if pa != pb {
			return pb
		}
	}
	return a.Path < b.Path
}

func segmentsMatch(tmpl, segs []string) bool {
	if len(tmpl) != len(segs) {
		return false
	}
	for i, t := range tmpl {
		if isParamSegment(t) {
			if segs[i] == "" {
				return false
			}
			continue
		}
		if t != segs[i] {
			return false
		}
	}
	return true
}

// splitPath splits a path into unescaped segments, ignoring a trailing
// slash.
func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if u, err := url.PathUnescape(part); err == nil {
			parts[i] = u
		}
	}
	return parts
}

func isParamSegment(seg string) bool {
	return len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}'
}
