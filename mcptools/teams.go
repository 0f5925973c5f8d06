package mcptools

import (
	"context"
	"strconv"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// Team is the trimmed team tools answer with.
type Team struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Parent      *Ref   `json:"parent,omitempty"`
	URL         string `json:"url,omitempty"`
}

func trimTeam(t *pagerduty.Team) Team {
	out := Team{ID: t.ID, Name: firstNonEmpty(t.Name, t.Summary), Description: t.Description, URL: t.HTMLURL}
	if p := t.Parent; p != nil {
		out.Parent = refOf(p.ID, "", p.Summary)
	}
	return out
}

func (t *Team) line() string {
	s := t.Name + " (" + t.ID + ")"
	if t.Description != "" {
		s += ": " + truncate(t.Description, 120)
	}
	return s
}

type listTeamsIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep teams whose name contains this text."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many teams to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// TeamList is a page of teams.
type TeamList struct {
	Teams []Team `json:"teams"`
	PageInfo
}

func (l *TeamList) text() string {
	return l.header(len(l.Teams), "team") + lines(l.Teams, (*Team).line) + l.footer()
}

var listTeams = &tool[listTeamsIn, *TeamList]{
	spec: spec{
		name:    "list_teams",
		title:   "List teams",
		toolset: ToolsetTeams,
		description: `Lists teams, one line each: name, ID, description.
Use it to find a team's ID; tools that take a team also accept its name directly.
Pages of limit teams (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listTeamsIn) (*TeamList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_teams", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		p, err := c.client.Teams.ListPage(ctx, &pagerduty.ListTeamsOptions{ListOptions: pg.options(), Query: strings.TrimSpace(in.Query)})
		if err != nil {
			return nil, err
		}
		out := &TeamList{Teams: trimEach(p.Items, trimTeam), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type getTeamIn struct {
	Team string `json:"team" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The team: its ID or name (\"database\" finds \"Database\")."`
}

// TeamDetail is a team with its members.
type TeamDetail struct {
	Team
	Members []TeamMember `json:"members"`
	// MoreMembers reports a team larger than the members listed.
	MoreMembers bool `json:"more_members,omitempty"`
}

// TeamMember is a user of a team and their role in it.
type TeamMember struct {
	Ref
	Role string `json:"role"`
}

func (d *TeamDetail) text() string {
	var b strings.Builder
	b.WriteString(d.line())
	b.WriteString("\nMembers (" + strconv.Itoa(len(d.Members)) + "):")
	for _, m := range d.Members {
		b.WriteString("\n" + m.Ref.String() + ", " + m.Role)
	}
	if d.MoreMembers {
		b.WriteString("\nThe team has more members: list_users with this team pages through all of them.")
	}
	return b.String()
}

var getTeam = &tool[getTeamIn, *TeamDetail]{
	spec: spec{
		name:    "get_team",
		title:   "Get a team",
		toolset: ToolsetTeams,
		description: `Returns one team with its members and their roles (manager, responder, observer), up to 100 of them.
Accepts the team's ID or name; a name that matches several teams is an error that lists them.`,
		notFound: "list_teams",
	},
	handler: func(ctx context.Context, c *call, in getTeamIn) (*TeamDetail, error) {
		id, err := resolveTeam(ctx, c, "team", in.Team)
		if err != nil {
			return nil, err
		}
		t, err := c.client.Teams.Get(ctx, id, nil)
		if err != nil {
			return nil, err
		}
		p, err := c.client.Teams.ListMembersPage(ctx, id, &pagerduty.ListTeamMembersOptions{ListOptions: pagerduty.ListOptions{Limit: pagerduty.MaxPageSize}})
		if err != nil {
			return nil, err
		}
		out := &TeamDetail{Team: trimTeam(t), Members: []TeamMember{}, MoreMembers: p.More}
		for _, m := range p.Items {
			if m.User == nil {
				continue
			}
			out.Members = append(out.Members, TeamMember{Ref: *refOf(m.User.ID, m.User.Name, m.User.Summary), Role: string(m.Role)})
		}
		return out, nil
	},
}

func itoa(n int) string { return strconv.Itoa(n) }
