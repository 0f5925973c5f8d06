package mcptools

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// candidate is an object a name may designate.
type candidate struct {
	ID, Name string
}

// maxCandidates bounds the candidates an ambiguity error lists.
const maxCandidates = 10

// pick chooses among candidates the one that name designates: an exact ID,
// then an exact name (case-insensitive), then the only name that contains
// it (case-insensitive). No match and several matches are tool errors that
// say what to do; several lists the candidates with their IDs.
func pick(arg, kind, name string, cands []candidate) (candidate, error) {
	q := strings.TrimSpace(name)
	for _, c := range cands {
		if c.ID == q {
			return c, nil
		}
	}
	var exact, contains []candidate
	lq := strings.ToLower(q)
	for _, c := range cands {
		ln := strings.ToLower(c.Name)
		switch {
		case ln == lq:
			exact = append(exact, c)
		case strings.Contains(ln, lq):
			contains = append(contains, c)
		}
	}
	matches := exact
	if len(matches) == 0 {
		matches = contains
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return candidate{}, argError(arg, "no %s is named %q: pass an exact name or ID (the list tool for %ss shows them)", kind, truncate(q, 60), kind)
	}
	sort.Slice(matches, func(i, j int) bool { return matches[i].Name < matches[j].Name })
	var b strings.Builder
	for i, m := range matches {
		if i == maxCandidates {
			fmt.Fprintf(&b, ", and %d more", len(matches)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s)", m.Name, m.ID)
	}
	return candidate{}, argError(arg, "%q matches %d %ss: %s. Call again with one of these IDs or a more exact name", truncate(q, 60), len(matches), kind, b.String())
}

// pdID matches the shape of PagerDuty object IDs (PABC123, Q0RIJJZL24RC6W):
// a name that looks like one is taken as an ID without a lookup.
var pdID = regexp.MustCompile(`^[PQ][A-Z0-9]{5,13}$`)

func looksLikeID(s string) bool { return pdID.MatchString(s) }

// isMe reports whether a user argument names the caller.
func isMe(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "me" || s == "myself" || s == "self"
}

// resolveUser turns a user argument ("me", an ID, a name or an email) into
// a user ID.
func resolveUser(ctx context.Context, c *call, arg, v string) (string, error) {
	v = strings.TrimSpace(v)
	if isMe(v) {
		u, err := c.client.Users.GetCurrent(ctx, nil)
		if err != nil {
			return "", meError(arg, err)
		}
		return u.ID, nil
	}
	return lookupUser(ctx, c, arg, v)
}
