package mcptools

import (
	"context"
	"fmt"
)

type ruleDelayIn struct {
	EscalationPolicy string `json:"escalation_policy" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The escalation policy: its ID or name."`
	DelayMinutes     int    `json:"delay_minutes" jsonschema:"required,minimum=1,maximum=1440" jsonschema_description:"How many minutes an unacknowledged incident waits at the level before it escalates to the next."`
	Level            int    `json:"level,omitempty" jsonschema:"minimum=1,maximum=20" jsonschema_description:"Which level to change, 1 for the first; leave it out to change every level."`
}

// RuleDelayChanged is a policy whose escalation delays changed.
type RuleDelayChanged struct {
	EscalationPolicyDetail
	// Changed are the levels whose delay changed.
	Changed []int `json:"changed"`
}

func (r *RuleDelayChanged) text() string {
	return fmt.Sprintf("Changed the escalation delay of %s.\n%s", plural(len(r.Changed), "level"), r.EscalationPolicyDetail.text())
}

var updateEscalationRuleDelay = &tool[ruleDelayIn, *RuleDelayChanged]{
	spec: spec{
		name:        "update_escalation_rule_delay",
		title:       "Change when a policy escalates",
		toolset:     ToolsetEscalationPolicies,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Changes how long an unacknowledged incident waits at a level of an escalation policy before escalating to the next: escalate based on response time (for example, to the secondary after 10 minutes without acknowledgement).
Give the policy by ID or name, delay_minutes, and level (1 for the first; every level when left out). Everything else in the policy is kept. Returns the policy's levels as they now are.`,
		notFound: "list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in ruleDelayIn) (*RuleDelayChanged, error) {
		if in.DelayMinutes < 1 {
			return nil, argError("delay_minutes", "%d is too short: use 1 to 1440 minutes", in.DelayMinutes)
		}
		id, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
		if err != nil {
			return nil, err
		}
		ep, err := c.client.EscalationPolicies.Get(ctx, id, nil)
		if err != nil {
			return nil, err
		}
		if in.Level > len(ep.EscalationRules) {
			return nil, argError("level", "the policy has %s: use 1 to %d", plural(len(ep.EscalationRules), "level"), len(ep.EscalationRules))
		}
		// Params keeps everything else of the policy as it is.
		p := ep.Params()
		_, p.From = actor(ctx, c)
		var changed []int
		for i := range p.Rules {
			if in.Level == 0 || in.Level == i+1 {
				p.Rules[i].EscalationDelayInMinutes = in.DelayMinutes
				changed = append(changed, i+1)
			}
		}
		up, err := c.client.EscalationPolicies.Update(ctx, id, p)
		if err != nil {
			return nil, err
		}
		return &RuleDelayChanged{EscalationPolicyDetail: EscalationPolicyDetail{EscalationPolicy: trimPolicy(up, true)}, Changed: changed}, nil
	},
}
