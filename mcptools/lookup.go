package mcptools

import (
	"context"
	"errors"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// resolveService turns a service argument (an ID or a name) into an ID.
func resolveService(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveByID(arg, "service", v)
}

// resolveTeam turns a team argument (an ID or a name) into an ID.
func resolveTeam(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveByID(arg, "team", v)
}

// lookupUser finds a user by name or email.
func lookupUser(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveByID(arg, "user", v)
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
