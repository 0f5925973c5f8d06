package pagerduty

// Team is a group of users and the services, schedules and escalation
// policies they own.
type Team struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// DefaultRole is the role new members get: "manager" or "none".
	DefaultRole string `json:"default_role,omitempty"`
	// Parent is the team this one belongs to, if any.
	Parent *Reference `json:"parent,omitempty"`
}

// TeamsService reads and changes teams, their members and their escalation
// policies.
type TeamsService service
