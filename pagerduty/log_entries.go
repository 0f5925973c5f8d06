package pagerduty

import "time"

// LogEntry is one event in an incident's history: its trigger, a
// notification, an acknowledgement, an assignment, a note, an escalation,
// its resolution.
type LogEntry struct {
	ID string `json:"id,omitempty"`
	// Type names the event, such as "trigger_log_entry" or
	// "acknowledge_log_entry".
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	// Agent is who or what caused the event (a user, a service, an
	// integration).
	Agent *Reference `json:"agent,omitempty"`
	// Channel says through what the event came (the API, email, web, ...);
	// its fields vary with its type.
	Channel  map[string]any `json:"channel,omitempty"`
	Note     string         `json:"note,omitempty"`
	Service  *Reference     `json:"service,omitempty"`
	Incident *Reference     `json:"incident,omitempty"`
	Teams    []Reference    `json:"teams,omitempty"`
	// Contexts are the links and images the event carried.
	Contexts []LogEntryContext `json:"contexts,omitempty"`
	// EventDetails carries the details some entry types add (for example
	// the description of a trigger).
	EventDetails map[string]any `json:"event_details,omitempty"`
}

// LogEntryContext is a link or an image attached to a log entry.
type LogEntryContext struct {
	// Type is "link" or "image".
	Type string `json:"type"`
	Href string `json:"href,omitempty"`
	Src  string `json:"src,omitempty"`
	Text string `json:"text,omitempty"`
}

// LogEntriesService reads the account's log entries.
type LogEntriesService service
