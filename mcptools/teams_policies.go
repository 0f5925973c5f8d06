package mcptools

import (
	"context"

	"github.com/pdkit/pdkit/pagerduty"
)

type teamPolicyIn struct {
	Team             string `json:"team" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The team: its ID or name."`
	EscalationPolicy string `json:"escalation_policy" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The escalation policy: its ID or name."`
}

// TeamPolicyChange confirms that an escalation policy was added to a team
// or removed from it.
type TeamPolicyChange struct {
	Team             string `json:"team_id"`
	EscalationPolicy string `json:"escalation_policy_id"`
	// Action is "added" or "removed".
	Action string `json:"action"`
}

func (c *TeamPolicyChange) text() string {
	if c.Action == "removed" {
		return "Removed escalation policy " + c.EscalationPolicy + " from team " + c.Team + "."
	}
	return "Escalation policy " + c.EscalationPolicy + " now belongs to team " + c.Team + "."
}

// teamPolicyHandler resolves both names of a team policy change, applies
// it with apply (a method of the Teams service) and reports it as action.
func teamPolicyHandler(action string, apply func(*pagerduty.TeamsService, context.Context, string, string) error) func(context.Context, *call, teamPolicyIn) (*TeamPolicyChange, error) {
	return func(ctx context.Context, c *call, in teamPolicyIn) (*TeamPolicyChange, error) {
		team, err := resolveTeam(ctx, c, "team", in.Team)
		if err != nil {
			return nil, err
		}
		policy, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
		if err != nil {
			return nil, err
		}
		if err := apply(c.client.Teams, ctx, team, policy); err != nil {
			return nil, err
		}
		return &TeamPolicyChange{Team: team, EscalationPolicy: policy, Action: action}, nil
	}
}

var addTeamEscalationPolicy = &tool[teamPolicyIn, *TeamPolicyChange]{
	spec: spec{
		name:       "add_team_escalation_policy",
		title:      "Give a team an escalation policy",
		toolset:    ToolsetTeams,
		write:      true,
		idempotent: true,
		description: `Makes an escalation policy one of a team's, so that it shows under the team and the team's members may manage it. The policy's rules do not change.
Names work for the team and the policy.`,
		notFound: "list_teams or list_escalation_policies",
	},
	handler: teamPolicyHandler("added", (*pagerduty.TeamsService).AddEscalationPolicy),
}

var removeTeamEscalationPolicy = &tool[teamPolicyIn, *TeamPolicyChange]{
	spec: spec{
		name:        "remove_team_escalation_policy",
		title:       "Take an escalation policy from a team",
		toolset:     ToolsetTeams,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Removes an escalation policy from a team. The policy itself is kept, with its rules and services; only its tie to the team goes.
Names work for the team and the policy.`,
		notFound: "list_teams or list_escalation_policies",
	},
	handler: teamPolicyHandler("removed", (*pagerduty.TeamsService).RemoveEscalationPolicy),
}
