package pagerduty

import (
	"context"
	"iter"
	"net/url"
)

// TeamMember is a user of a team with their role in it.
type TeamMember struct {
	// User is the member: a reference, or the full user with
	// IncludeTeamMemberUsers.
	User *User    `json:"user"`
	Role TeamRole `json:"role"`
}

// TeamMemberInclude names what a team member listing can embed in full.
type TeamMemberInclude string

// IncludeTeamMemberUsers embeds the members' users in full.
const IncludeTeamMemberUsers TeamMemberInclude = "users"

// ListTeamMembersOptions pages a team's member listing.
type ListTeamMembersOptions struct {
	ListOptions

	// Includes embeds these objects in full.
	Includes []TeamMemberInclude `url:"include[]"`
}

func (o *ListTeamMembersOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeTeamMemberUsers); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// ListMembers streams the members of the team with the given ID, with
// their roles.
//
// OAuth scope teams.read.
func (s *TeamsService) ListMembers(ctx context.Context, teamID string, opts *ListTeamMembersOptions) iter.Seq2[TeamMember, error] {
	return offsetSeqAt[TeamMember](ctx, s.client, "/teams/{id}/members", "members", opts.query, teamID)
}

// ListMembersPage returns one page of the members of the team with the
// given ID, with the pagination facts.
//
// OAuth scope teams.read.
func (s *TeamsService) ListMembersPage(ctx context.Context, teamID string, opts *ListTeamMembersOptions) (*Page[TeamMember], error) {
	return offsetPageAt[TeamMember](ctx, s.client, "/teams/{id}/members", "members", opts.query, teamID)
}

// AddUser adds the user to the team with the given role, or changes the
// role of a member. An empty role leaves it to the API (responder for a new
// member).
//
// OAuth scope teams.write.
func (s *TeamsService) AddUser(ctx context.Context, teamID, userID string, role TeamRole) error {
	path, err := expandPath("/teams/{id}/users/{user_id}", teamID, userID)
	if err != nil {
		return err
	}
	r := &request{method: "PUT", path: path}
	if role != "" {
		if err := oneOf("role", []TeamRole{role}, TeamRoleObserver, TeamRoleResponder, TeamRoleManager); err != nil {
			return err
		}
		r.body = map[string]TeamRole{"role": role}
	}
	return s.client.do(ctx, r, nil)
}

// RemoveUser removes the user from the team.
//
// OAuth scope teams.write.
func (s *TeamsService) RemoveUser(ctx context.Context, teamID, userID string) error {
	return deleteAt(ctx, s.client, "/teams/{id}/users/{user_id}", teamID, userID)
}

// AddEscalationPolicy gives the escalation policy to the team.
//
// OAuth scope teams.write.
func (s *TeamsService) AddEscalationPolicy(ctx context.Context, teamID, escalationPolicyID string) error {
	path, err := expandPath("/teams/{id}/escalation_policies/{escalation_policy_id}", teamID, escalationPolicyID)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "PUT", path: path}, nil)
}

// RemoveEscalationPolicy takes the escalation policy away from the team.
//
// OAuth scope teams.write.
func (s *TeamsService) RemoveEscalationPolicy(ctx context.Context, teamID, escalationPolicyID string) error {
	return deleteAt(ctx, s.client, "/teams/{id}/escalation_policies/{escalation_policy_id}", teamID, escalationPolicyID)
}
