package mcptools

import (
	"context"
)

type getCurrentUserIn struct{}

// CurrentUser is the user the credential belongs to.
type CurrentUser struct {
	User
}

func (u *CurrentUser) text() string { return "You are " + u.line() }

var getCurrentUser = &tool[getCurrentUserIn, *CurrentUser]{
	spec: spec{
		name:    "get_current_user",
		title:   "Who am I",
		toolset: Users,
		description: `Returns the PagerDuty user this server acts as: ID, name, email, role, time zone and teams.
Use it to learn whose incidents or on-call shifts "me" and "my" mean. An account-level API key has no user and gets an error.`,
	},
	handler: func(ctx context.Context, c *call, _ getCurrentUserIn) (*CurrentUser, error) {
		u, err := c.client.Users.GetCurrent(ctx, nil)
		if err != nil {
			return nil, meError("", err)
		}
		return &CurrentUser{User: trimUser(u)}, nil
	},
}
