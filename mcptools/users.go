package mcptools

import (
	"context"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
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
		toolset: ToolsetUsers,
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

type listUsersIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep users whose name or email contains this text."`
	Team   string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep members of this team: its ID or name."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many users to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// UserList is a page of users.
type UserList struct {
	Users []User `json:"users"`
	PageInfo
}

func (l *UserList) text() string {
	return l.header(len(l.Users), "user") + lines(l.Users, (*User).line) + l.footer()
}

var listUsers = &tool[listUsersIn, *UserList]{
	spec: spec{
		name:    "list_users",
		title:   "List users",
		toolset: ToolsetUsers,
		description: `Lists users, one line each: name, ID, email, role, time zone, teams.
Use it to find a person's user ID, or the members of a team. Tools that take a user also accept a name or an email directly.
Pages of limit users (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listUsersIn) (*UserList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_users", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListUsersOptions{ListOptions: pg.options(), Query: strings.TrimSpace(in.Query)}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		p, err := c.client.Users.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &UserList{Users: trimEach(p.Items, trimUser), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type getUserIn struct {
	User string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The user: \"me\", an ID, a name or an email."`
}

// UserDetail is a user with the ways PagerDuty reaches them.
type UserDetail struct {
	User
	ContactMethods []ContactMethod `json:"contact_methods,omitempty"`
}

// ContactMethod is a way to reach a user.
type ContactMethod struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label,omitempty"`
	Address string `json:"address,omitempty"`
}

func (u *UserDetail) text() string {
	var b strings.Builder
	b.WriteString(u.line())
	for _, m := range u.ContactMethods {
		b.WriteString("\n" + strings.TrimSuffix(m.Type, "_contact_method") + " " + m.Label + ": " + m.Address + " (" + m.ID + ")")
	}
	return b.String()
}

var getUser = &tool[getUserIn, *UserDetail]{
	spec: spec{
		name:    "get_user",
		title:   "Get a user",
		toolset: ToolsetUsers,
		description: `Returns one user: name, ID, email, role, time zone, teams, and contact methods (email, phone, SMS, push) with their IDs.
Accepts "me", an ID, a name or an email; a name that matches several users is an error that lists them.`,
		notFound: "list_users",
	},
	handler: func(ctx context.Context, c *call, in getUserIn) (*UserDetail, error) {
		opts := &pagerduty.GetUserOptions{Includes: []pagerduty.UserInclude{pagerduty.IncludeUserContactMethods}}
		var u *pagerduty.User
		var err error
		if isMe(in.User) {
			u, err = c.client.Users.GetCurrent(ctx, opts)
			err = meError("user", err)
		} else {
			var id string
			if id, err = resolveUser(ctx, c, "user", in.User); err != nil {
				return nil, err
			}
			u, err = c.client.Users.Get(ctx, id, opts)
		}
		if err != nil {
			return nil, err
		}
		out := &UserDetail{User: trimUser(u)}
		for _, m := range u.ContactMethods {
			out.ContactMethods = append(out.ContactMethods, ContactMethod{ID: m.ID, Type: string(m.Type), Label: m.Label, Address: contactAddress(&m)})
		}
		return out, nil
	},
}

func contactAddress(m *pagerduty.ContactMethod) string {
	if m.CountryCode != 0 && (strings.HasPrefix(string(m.Type), "phone") || strings.HasPrefix(string(m.Type), "sms")) {
		return "+" + itoa(m.CountryCode) + " " + m.Address
	}
	return m.Address
}
