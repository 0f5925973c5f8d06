package mcptools

import (
	"context"
	"errors"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// Names are looked up with the API's own query (a case-insensitive
// "contains" match), then pick chooses: an exact ID, an exact name, or the
// only name that contains the text.

// resolveService turns a service argument (an ID or a name) into an ID.
func resolveService(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveByID(arg, "service", v)
}

// resolveTeam turns a team argument (an ID or a name) into an ID.
func resolveTeam(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveNamed(arg, "team", v, func(q string) ([]candidate, error) {
		p, err := c.client.Teams.ListPage(ctx, &pagerduty.ListTeamsOptions{ListOptions: firstPage, Query: q})
		if err != nil {
			return nil, err
		}
		out := make([]candidate, len(p.Items))
		for i, t := range p.Items {
			out[i] = candidate{ID: t.ID, Name: t.Name}
		}
		return out, nil
	})
}

// resolveEscalationPolicy turns a policy argument (an ID or a name) into an
// ID.
func resolveEscalationPolicy(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveNamed(arg, "escalation policy", v, func(q string) ([]candidate, error) {
		p, err := c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, Query: q})
		if err != nil {
			return nil, err
		}
		out := make([]candidate, len(p.Items))
		for i, ep := range p.Items {
			out[i] = candidate{ID: ep.ID, Name: ep.Name}
		}
		return out, nil
	})
}

// lookupUser finds a user by name or email ("me" and IDs are handled by
// resolveUser).
func lookupUser(ctx context.Context, c *call, arg, v string) (string, error) {
	var byEmail string
	id, err := resolveNamed(arg, "user", v, func(q string) ([]candidate, error) {
		p, err := c.client.Users.ListPage(ctx, &pagerduty.ListUsersOptions{ListOptions: firstPage, Query: q})
		if err != nil {
			return nil, err
		}
		out := make([]candidate, 0, len(p.Items))
		for _, u := range p.Items {
			if strings.EqualFold(u.Email, strings.TrimSpace(v)) {
				byEmail = u.ID
			}
			out = append(out, candidate{ID: u.ID, Name: u.Name})
		}
		return out, nil
	})
	if byEmail != "" {
		return byEmail, nil
	}
	return id, err
}

// firstPage is the page a name lookup reads: the API filters by name, so
// one page of matches is plenty.
var firstPage = pagerduty.ListOptions{Limit: pagerduty.MaxPageSize}

// resolveNamed turns an ID or a name into an ID. A value shaped like a
// PagerDuty ID with a digit in it is taken as an ID; anything else is
// looked up by name with list (the API's "contains" query), then pick
// chooses. A trailing kind word is ignored ("database team" finds the team
// "Database"). An ID-shaped value without digits that matches no name is
// taken as an ID.
func resolveNamed(arg, kind, v string, list func(query string) ([]candidate, error)) (string, error) {
	v = strings.TrimSpace(v)
	if looksLikeID(v) && strings.ContainsAny(v, "0123456789") {
		return checkID(arg, v)
	}
	name := stripKind(v, kind)
	if name == "" {
		return "", argError(arg, "it is empty: pass an ID or a name")
	}
	cands, err := list(name)
	if err != nil {
		return "", err
	}
	if len(cands) == 0 && looksLikeID(v) {
		return checkID(arg, v)
	}
	m, err := pick(arg, kind, name, cands)
	return m.ID, err
}

// stripKind removes a trailing kind word: "database team" is "database".
func stripKind(v, kind string) string {
	words := []string{kind}
	if i := strings.LastIndexByte(kind, ' '); i >= 0 {
		words = append(words, kind[i+1:])
	}
	lv := strings.ToLower(v)
	for _, w := range words {
		if strings.HasSuffix(lv, " "+w) {
			return strings.TrimSpace(v[:len(v)-len(w)])
		}
	}
	return v
}

// resolveByID accepts only IDs, for kinds whose names cannot be looked up.
func resolveByID(arg, kind, v string) (string, error) {
	v = strings.TrimSpace(v)
	if looksLikeID(v) {
		return checkID(arg, v)
	}
	return "", argError(arg, "%q is not a %s ID and %s names cannot be looked up by this server yet: pass the %s's ID (such as PABC123)", truncate(v, 60), kind, kind, kind)
}

// meError explains a failed "me" lookup: account-level API keys belong to
// no user.
func meError(arg string, err error) error {
	var api *pagerduty.APIError
	if errors.As(err, &api) && api.StatusCode == 400 {
		msg := "\"me\" needs a user's credential, and the one this server uses belongs to no user (an account API key): pass a user ID or name instead"
		if arg == "" {
			return userError("%s.", strings.ToUpper(msg[:1])+msg[1:])
		}
		return argError(arg, "%s", msg)
	}
	return err
}
