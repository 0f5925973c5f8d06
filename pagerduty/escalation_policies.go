package pagerduty

// EscalationPolicy says whom to notify of an incident, in which order, and
// how long to wait before escalating to the next rule.
type EscalationPolicy struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// NumLoops is how many times the rules repeat when nobody acknowledges.
	NumLoops int `json:"num_loops,omitempty"`
	// OnCallHandoffNotifications is "if_has_services" or "always".
	OnCallHandoffNotifications string           `json:"on_call_handoff_notifications,omitempty"`
	EscalationRules            []EscalationRule `json:"escalation_rules,omitempty"`
	Services                   []Reference      `json:"services,omitempty"`
	Teams                      []Reference      `json:"teams,omitempty"`
}

// EscalationRule is one level of an escalation policy: its targets (users
// and schedules) and the minutes to wait before the next level.
type EscalationRule struct {
	ID                       string      `json:"id,omitempty"`
	EscalationDelayInMinutes int         `json:"escalation_delay_in_minutes"`
	Targets                  []Reference `json:"targets"`
	// AssignmentStrategy is "round_robin" or "assign_to_everyone".
	AssignmentStrategy string `json:"escalation_rule_assignment_strategy,omitempty"`
}

// EscalationPoliciesService reads and changes escalation policies.
type EscalationPoliciesService service
