package pagerduty

// Priority is an incident priority level of the account, such as P1.
type Priority struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Color is the priority's display color, as a hex code.
	Color string `json:"color,omitempty"`
	// Order sorts priorities: a higher order is a more urgent priority.
	Order int `json:"order,omitempty"`
}

// PrioritiesService lists the account's incident priorities.
type PrioritiesService service
