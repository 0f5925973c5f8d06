package mcptools

import (
	"context"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

type createTeamIn struct {
	Name        string `json:"name" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"The team's name."`
	Description string `json:"description,omitempty" jsonschema:"maxLength=1024" jsonschema_description:"What the team does."`
}

var createTeam = &tool[createTeamIn, *Team]{
	spec: spec{
		name:    "create_team",
		title:   "Create a team",
		toolset: ToolsetTeams,
		write:   true,
		description: `Creates a team. Add its members with add_team_member. Returns the new team with its ID.
Refused when the account's plan has no teams.`,
	},
	handler: func(ctx context.Context, c *call, in createTeamIn) (*Team, error) {
		p := &pagerduty.TeamParams{Name: strings.TrimSpace(in.Name)}
		if p.Name == "" {
			return nil, argError("name", "it is blank")
		}
		if d := strings.TrimSpace(in.Description); d != "" {
			p.Description = &d
		}
		t, err := c.client.Teams.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		out := trimTeam(t)
		return &out, nil
	},
}

func (t *Team) text() string { return "Team " + t.line() }

type teamMemberIn struct {
	Team string `json:"team" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The team: its ID or name."`
	User string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The user: \"me\", an ID, a name or an email."`
	Role string `json:"role,omitempty" jsonschema:"enum=responder,enum=manager,enum=observer" jsonschema_description:"Their role in the team (default responder)."`
}

// MembershipChange confirms a change of a team's members.
type MembershipChange struct {
	Team   string `json:"team_id"`
	User   string `json:"user_id"`
	Role   string `json:"role,omitempty"`
	Action string `json:"action"`
}

func (m *MembershipChange) text() string {
	if m.Action == "removed" {
		return "Removed user " + m.User + " from team " + m.Team + "."
	}
	return "User " + m.User + " is now a " + m.Role + " of team " + m.Team + "."
}

var addTeamMember = &tool[teamMemberIn, *MembershipChange]{
	spec: spec{
		name:       "add_team_member",
		title:      "Add a user to a team",
		toolset:    ToolsetTeams,
		write:      true,
		idempotent: true,
		description: `Adds a user to a team with a role (responder, manager or observer), or changes the role of a member.
Names work for the team and the user.`,
		notFound: "list_teams or list_users",
	},
	handler: func(ctx context.Context, c *call, in teamMemberIn) (*MembershipChange, error) {
		team, err := resolveTeam(ctx, c, "team", in.Team)
		if err != nil {
			return nil, err
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		role := firstNonEmpty(in.Role, "responder")
		if err := c.client.Teams.AddUser(ctx, team, user, pagerduty.TeamRole(role)); err != nil {
			return nil, err
		}
		return &MembershipChange{Team: team, User: user, Role: role, Action: "added"}, nil
	},
}

type removeMemberIn struct {
	Team string `json:"team" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The team: its ID or name."`
	User string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The user: \"me\", an ID, a name or an email."`
}

var removeTeamMember = &tool[removeMemberIn, *MembershipChange]{
	spec: spec{
		name:        "remove_team_member",
		title:       "Remove a user from a team",
		toolset:     ToolsetTeams,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Removes a user from a team. Their schedules and escalation policies are not changed: check them with list_oncalls (user) before someone leaves.`,
		notFound:    "list_teams or list_users",
	},
	handler: func(ctx context.Context, c *call, in removeMemberIn) (*MembershipChange, error) {
		team, err := resolveTeam(ctx, c, "team", in.Team)
		if err != nil {
			return nil, err
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		if err := c.client.Teams.RemoveUser(ctx, team, user); err != nil {
			return nil, err
		}
		return &MembershipChange{Team: team, User: user, Action: "removed"}, nil
	},
}
