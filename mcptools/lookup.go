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
	return resolveListed(arg, "service", v, func(q string) (*pagerduty.Page[pagerduty.Service], error) {
		return c.client.Services.ListPage(ctx, &pagerduty.ListServicesOptions{ListOptions: firstPage, Query: q})
	}, func(s *pagerduty.Service) (string, string) { return s.ID, s.Name })
}

// resolver turns an argument that names an object (its ID or name) into
// the object's ID.
type resolver func(ctx context.Context, c *call, arg, v string) (string, error)

// resolveOptional resolves an optional argument: when v is given, it turns
// it into an ID with resolve and stores it in *id; an empty v leaves *id as
// it is.
func resolveOptional(ctx context.Context, c *call, arg, v string, resolve resolver, id *string) error {
	if v == "" {
		return nil
	}
	var err error
	*id, err = resolve(ctx, c, arg, v)
	return err
}

// resolveInto resolves an optional filter: when v is given, it turns it
// into an ID with resolve and makes that ID the only one in *ids; an empty
// v leaves *ids as it is.
func resolveInto(ctx context.Context, c *call, arg, v string, resolve resolver, ids *[]string) error {
	if v == "" {
		return nil
	}
	id, err := resolve(ctx, c, arg, v)
	if err != nil {
		return err
	}
	*ids = []string{id}
	return nil
}

// priorities lists the account's priorities (a short list, read whole).
func priorities(ctx context.Context, c *call) ([]pagerduty.Priority, error) {
	var out []pagerduty.Priority
	for p, err := range c.client.Priorities.List(ctx, nil) {
		if err != nil {
			return nil, err
		}
		out = append(out, p)
		if len(out) >= 100 {
			break
		}
	}
	return out, nil
}

// resolvePriority turns a priority argument (a name such as P1, or an ID)
// into an ID. Names match exactly (case-insensitive): "P1" must not find
// "P10".
func resolvePriority(ctx context.Context, c *call, arg, v string) (string, error) {
	v = strings.TrimSpace(v)
	ps, err := priorities(ctx, c)
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.ID == v || strings.EqualFold(p.Name, v) {
			return p.ID, nil
		}
		names = append(names, p.Name)
	}
	if len(ps) == 0 {
		return "", argError(arg, "the account has no priorities (they may be turned off): leave it out")
	}
	return "", argError(arg, "no priority is named %q: use one of %s", truncate(v, 40), strings.Join(names, ", "))
}

// resolveTeam turns a team argument (an ID or a name) into an ID.
func resolveTeam(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "team", v, func(q string) (*pagerduty.Page[pagerduty.Team], error) {
		return c.client.Teams.ListPage(ctx, &pagerduty.ListTeamsOptions{ListOptions: firstPage, Query: q})
	}, func(t *pagerduty.Team) (string, string) { return t.ID, t.Name })
}

// resolveEscalationPolicy turns a policy argument (an ID or a name) into an
// ID.
func resolveEscalationPolicy(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "escalation policy", v, func(q string) (*pagerduty.Page[pagerduty.EscalationPolicy], error) {
		return c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, Query: q})
	}, func(ep *pagerduty.EscalationPolicy) (string, string) { return ep.ID, ep.Name })
}

// lookupUser finds a user by name or email ("me" and IDs are handled by
// resolveUser).
func lookupUser(ctx context.Context, c *call, arg, v string) (string, error) {
	var byEmail string
	id, err := resolveListed(arg, "user", v, func(q string) (*pagerduty.Page[pagerduty.User], error) {
		return c.client.Users.ListPage(ctx, &pagerduty.ListUsersOptions{ListOptions: firstPage, Query: q})
	}, func(u *pagerduty.User) (string, string) {
		if strings.EqualFold(u.Email, strings.TrimSpace(v)) {
			byEmail = u.ID // an exact email wins over any name
		}
		return u.ID, u.Name
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

// resolveListed is resolveNamed over a list call: list reads the page of
// items that match a query, and idName reads an item's ID and name.
func resolveListed[T any](arg, kind, v string, list func(query string) (*pagerduty.Page[T], error), idName func(*T) (id, name string)) (string, error) {
	return resolveNamed(arg, kind, v, func(q string) ([]candidate, error) {
		p, err := list(q)
		if err != nil {
			return nil, err
		}
		out := make([]candidate, len(p.Items))
		for i := range p.Items {
			out[i].ID, out[i].Name = idName(&p.Items[i])
		}
		return out, nil
	})
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
