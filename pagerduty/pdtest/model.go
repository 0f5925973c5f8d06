package pdtest

import "time"

// Dataset is the whole content of an in-memory account. It is plain data:
// build one by hand for a test that needs exact values, start from
// [DemoDataset] for a realistic account, or read one back with
// [Handler.Data] to compute expected answers. The server copies the Dataset
// it is given, so later changes to the value do not reach the server.
type Dataset struct {
	// CurrentUserID is the user that the API token belongs to: GET /users/me
	// answers with this user. Empty means an account-level token.
	CurrentUserID string `json:"current_user_id,omitempty"`
	// Abilities are the account's abilities (GET /abilities). Nil means the
	// usual set of a full account, see [DefaultAbilities].
	Abilities          []string            `json:"abilities,omitempty"`
	Teams              []Team              `json:"teams,omitempty"`               // the teams, in list order
	Users              []User              `json:"users,omitempty"`               // the users, in list order
	Schedules          []Schedule          `json:"schedules,omitempty"`           // the on-call schedules
	EscalationPolicies []EscalationPolicy  `json:"escalation_policies,omitempty"` // the escalation policies
	Services           []Service           `json:"services,omitempty"`            // the services and their integrations
	Priorities         []Priority          `json:"priorities,omitempty"`          // the priorities, most urgent first
	Incidents          []Incident          `json:"incidents,omitempty"`           // the incidents, by increasing number
	MaintenanceWindows []MaintenanceWindow `json:"maintenance_windows,omitempty"` // the maintenance windows
	// ChangeEvents are the change events received on /v2/change/enqueue.
	ChangeEvents []ChangeEvent `json:"change_events,omitempty"`
	// AuditRecords is the audit trail, oldest first.
	AuditRecords []AuditRecord `json:"audit_records,omitempty"`
}

// Team is a team and its members.
type Team struct {
	ID          string       `json:"id"`                    // identifier, such as "PT4KHLK"
	Name        string       `json:"name"`                  // unique name
	Description string       `json:"description,omitempty"` // free text
	Members     []TeamMember `json:"members,omitempty"`     // the users of the team and their roles
}

// TeamMember is a user's membership of a team with its role: "observer",
// "responder" or "manager".
type TeamMember struct {
	UserID string `json:"user_id"` // the member
	Role   string `json:"role"`    // "observer", "responder" or "manager"
}

// User is a user of the account with its contact methods and notification
// rules.
type User struct {
	ID                string             `json:"id"`                           // identifier
	Name              string             `json:"name"`                         // full name
	Email             string             `json:"email"`                        // login email; the From header names users by it
	TimeZone          string             `json:"time_zone,omitempty"`          // IANA time zone name; empty means Etc/UTC
	Color             string             `json:"color,omitempty"`              // schedule color; empty means purple
	Role              string             `json:"role,omitempty"`               // account role such as "admin" or "user"; empty means user
	JobTitle          string             `json:"job_title,omitempty"`          // job title
	Description       string             `json:"description,omitempty"`        // short bio
	ContactMethods    []ContactMethod    `json:"contact_methods,omitempty"`    // ways to reach the user
	NotificationRules []NotificationRule `json:"notification_rules,omitempty"` // when to use which contact method
}

// ContactMethod is a way to reach a user. Type is one of
// "email_contact_method", "phone_contact_method", "sms_contact_method" or
// "push_notification_contact_method".
type ContactMethod struct {
	ID          string `json:"id"`                     // identifier
	Type        string `json:"type"`                   // kind of contact method, see above
	Label       string `json:"label"`                  // label such as "Work" or "Mobile"
	Address     string `json:"address"`                // email address or phone number
	CountryCode int    `json:"country_code,omitempty"` // phone country code (phone and SMS)
}

// NotificationRule says which contact method to use, how long after an
// assignment, for incidents of one urgency ("high" or "low").
type NotificationRule struct {
	ID                  string `json:"id"`                     // identifier
	StartDelayInMinutes int    `json:"start_delay_in_minutes"` // minutes after the assignment
	ContactMethodID     string `json:"contact_method_id"`      // the contact method used
	Urgency             string `json:"urgency"`                // "high" or "low"
}

// Schedule is an on-call schedule made of layers and overrides.
type Schedule struct {
	ID          string `json:"id"`                    // identifier
	Name        string `json:"name"`                  // name
	Description string `json:"description,omitempty"` // free text
	// TimeZone is an IANA name such as "Europe/Paris"; empty means UTC.
	TimeZone  string          `json:"time_zone,omitempty"`
	TeamIDs   []string        `json:"team_ids,omitempty"`  // teams the schedule belongs to
	Layers    []ScheduleLayer `json:"layers,omitempty"`    // rotations, the last one winning
	Overrides []Override      `json:"overrides,omitempty"` // overrides, winning over every layer
}

// ScheduleLayer is one rotation of users. Layers later in
// [Schedule.Layers] take precedence over earlier ones where they overlap,
// and overrides take precedence over every layer.
type ScheduleLayer struct {
	ID                        string        `json:"id"`                           // identifier
	Name                      string        `json:"name,omitempty"`               // name; empty means "Layer"
	Start                     time.Time     `json:"start"`                        // when the layer starts to apply
	End                       *time.Time    `json:"end,omitempty"`                // when it stops applying; nil means never
	RotationVirtualStart      time.Time     `json:"rotation_virtual_start"`       // when the first user's first turn started
	RotationTurnLengthSeconds int           `json:"rotation_turn_length_seconds"` // length of one turn
	UserIDs                   []string      `json:"user_ids"`                     // users in rotation order
	Restrictions              []Restriction `json:"restrictions,omitempty"`       // windows the layer is limited to; none means always
}

// Restriction limits a layer to a window of each day ("daily_restriction")
// or of each week ("weekly_restriction"), in the schedule's time zone.
type Restriction struct {
	Type string `json:"type"` // "daily_restriction" or "weekly_restriction"
	// StartTimeOfDay is "HH:MM:SS".
	StartTimeOfDay  string `json:"start_time_of_day"`
	DurationSeconds int    `json:"duration_seconds"` // length of the window
	// StartDayOfWeek is 1 (Monday) to 7 (Sunday), for weekly restrictions.
	StartDayOfWeek int `json:"start_day_of_week,omitempty"`
}

// Override puts a user on call in place of the layers for a while.
type Override struct {
	ID     string    `json:"id"`      // identifier
	Start  time.Time `json:"start"`   // start of the override
	End    time.Time `json:"end"`     // end of the override
	UserID string    `json:"user_id"` // the user on call instead
}

// EscalationPolicy says who is notified, in which order, when an incident
// is not acknowledged.
type EscalationPolicy struct {
	ID          string           `json:"id"`                    // identifier
	Name        string           `json:"name"`                  // name
	Description string           `json:"description,omitempty"` // free text
	NumLoops    int              `json:"num_loops,omitempty"`   // times the policy repeats after its last rule
	TeamIDs     []string         `json:"team_ids,omitempty"`    // the team of the policy (one at most)
	Rules       []EscalationRule `json:"rules"`                 // levels, first to last
}

// EscalationRule is one level of an escalation policy.
type EscalationRule struct {
	ID                       string   `json:"id"`                          // identifier
	EscalationDelayInMinutes int      `json:"escalation_delay_in_minutes"` // minutes before escalating to the next level
	Targets                  []Target `json:"targets"`                     // who the level pages (1 to 10)
}

// Target is what an escalation rule notifies: Type is "user" or "schedule".
type Target struct {
	Type string `json:"type"` // "user" or "schedule"
	ID   string `json:"id"`   // the user or schedule
}

// Service is a monitored service with its integrations.
type Service struct {
	ID                     string        `json:"id"`                                // identifier
	Name                   string        `json:"name"`                              // unique name
	Description            string        `json:"description,omitempty"`             // free text
	EscalationPolicyID     string        `json:"escalation_policy_id"`              // the policy that assigns its incidents
	AutoResolveTimeout     *int          `json:"auto_resolve_timeout,omitempty"`    // seconds before open incidents resolve (shown, not enforced); nil turns it off
	AcknowledgementTimeout *int          `json:"acknowledgement_timeout,omitempty"` // seconds before an acknowledgement lapses (shown, not enforced); nil turns it off
	Disabled               bool          `json:"disabled,omitempty"`                // a disabled service opens no incidents
	CreatedAt              time.Time     `json:"created_at"`                        // creation time
	Integrations           []Integration `json:"integrations,omitempty"`            // ways events reach the service
}

// Integration is a way for events to reach a service. For
// "events_api_v2_inbound_integration", Key is the routing key that
// /v2/enqueue accepts.
type Integration struct {
	ID        string    `json:"id"`            // identifier
	Name      string    `json:"name"`          // name
	Type      string    `json:"type"`          // kind, such as "events_api_v2_inbound_integration"
	Key       string    `json:"key,omitempty"` // routing key (32 hexadecimal digits)
	CreatedAt time.Time `json:"created_at"`    // creation time
}

// Priority is an incident priority; Order ranks them (higher is more
// urgent).
type Priority struct {
	ID          string `json:"id"`                    // identifier
	Name        string `json:"name"`                  // short name such as "P1"
	Description string `json:"description,omitempty"` // free text
	Order       int    `json:"order"`                 // rank; higher is more urgent
}

// MaintenanceWindow keeps services from opening incidents for a while.
type MaintenanceWindow struct {
	ID             string    `json:"id"`                      // identifier
	SequenceNumber int       `json:"sequence_number"`         // order of creation
	StartTime      time.Time `json:"start_time"`              // start of the window
	EndTime        time.Time `json:"end_time"`                // end of the window
	Description    string    `json:"description,omitempty"`   // free text
	CreatedByID    string    `json:"created_by_id,omitempty"` // user who created it
	ServiceIDs     []string  `json:"service_ids"`             // services in maintenance
}

// ChangeEvent is a change event received from the Events API.
type ChangeEvent struct {
	ID            string         `json:"id"`                       // identifier
	RoutingKey    string         `json:"routing_key"`              // routing key the event was sent with
	ServiceID     string         `json:"service_id,omitempty"`     // service of the routing key, if any
	IntegrationID string         `json:"integration_id,omitempty"` // integration of the routing key, if any
	Summary       string         `json:"summary"`                  // what changed
	Source        string         `json:"source,omitempty"`         // where it changed
	Timestamp     time.Time      `json:"timestamp"`                // when it changed
	CustomDetails map[string]any `json:"custom_details,omitempty"` // free-form details
}

// Incident statuses.
const (
	StatusTriggered    = "triggered"
	StatusAcknowledged = "acknowledged"
	StatusResolved     = "resolved"
)

// Incident is an incident with its whole history.
type Incident struct {
	ID                 string             `json:"id"`                           // identifier
	Number             int                `json:"number"`                       // account-wide number, increasing
	Title              string             `json:"title"`                        // short description
	Description        string             `json:"description,omitempty"`        // longer description; empty means the title
	Status             string             `json:"status"`                       // [StatusTriggered], [StatusAcknowledged] or [StatusResolved]
	Urgency            string             `json:"urgency"`                      // "high" or "low"
	IncidentKey        string             `json:"incident_key,omitempty"`       // deduplication key
	ServiceID          string             `json:"service_id"`                   // the service it is on
	EscalationPolicyID string             `json:"escalation_policy_id"`         // the policy that assigns it
	PriorityID         string             `json:"priority_id,omitempty"`        // its priority, if any
	EscalationLevel    int                `json:"escalation_level"`             // level of the policy reached (1-based)
	AssignedVia        string             `json:"assigned_via,omitempty"`       // "escalation_policy" or "direct_assignment"
	CreatedAt          time.Time          `json:"created_at"`                   // trigger time
	UpdatedAt          time.Time          `json:"updated_at"`                   // last change
	LastStatusChangeAt time.Time          `json:"last_status_change_at"`        // last change of status
	LastStatusChangeBy Agent              `json:"last_status_change_by"`        // who made the last change of status
	ResolvedAt         *time.Time         `json:"resolved_at,omitempty"`        // resolution time; nil while open
	SnoozedUntil       *time.Time         `json:"snoozed_until,omitempty"`      // end of a running snooze
	Assignments        []Assignment       `json:"assignments,omitempty"`        // current assignees (none once resolved)
	Acknowledgements   []Acknowledgement  `json:"acknowledgements,omitempty"`   // acknowledgements since the last trigger
	LogEntries         []LogEntry         `json:"log_entries,omitempty"`        // history, oldest first
	Notes              []Note             `json:"notes,omitempty"`              // notes, oldest first
	Alerts             []Alert            `json:"alerts,omitempty"`             // alerts grouped into the incident
	ResponderRequests  []ResponderRequest `json:"responder_requests,omitempty"` // requests for more responders
	// MergedInto is the ID of the incident this one was merged into.
	MergedInto string `json:"merged_into,omitempty"`
}

// Agent is who did something: Type is "user", "service" or "integration".
type Agent struct {
	Type string `json:"type"` // "user", "service" or "integration"
	ID   string `json:"id"`   // the user, service or integration
}

// Assignment puts an incident on a user.
type Assignment struct {
	UserID string    `json:"user_id"` // the assignee
	At     time.Time `json:"at"`      // when the assignment was made
}

// Acknowledgement records that a user (or a service, through the Events
// API) acknowledged an incident.
type Acknowledgement struct {
	By Agent     `json:"by"` // who acknowledged
	At time.Time `json:"at"` // when
}

// Log entry types written by the server.
const (
	LogTrigger     = "trigger_log_entry"
	LogAcknowledge = "acknowledge_log_entry"
	LogAssign      = "assign_log_entry"
	LogEscalate    = "escalate_log_entry"
	LogResolve     = "resolve_log_entry"
	LogAnnotate    = "annotate_log_entry"
	LogSnooze      = "snooze_log_entry"
	LogNotify      = "notify_log_entry"
	LogUrgency     = "urgency_change_log_entry"
)

// LogEntry is one event in an incident's history.
type LogEntry struct {
	ID        string    `json:"id"`         // identifier
	Type      string    `json:"type"`       // one of the Log constants, such as [LogTrigger]
	CreatedAt time.Time `json:"created_at"` // when it happened
	Agent     Agent     `json:"agent"`      // who did it
	// Channel is how it happened: "api", "web_trigger", "website",
	// "timeout", "auto", "note", ...
	Channel string `json:"channel"`
	Summary string `json:"summary,omitempty"` // short text; empty means one derived from the type
	Note    string `json:"note,omitempty"`    // note attached (annotations, resolutions)
	// UserIDs are the users assigned (assign, escalate) or notified.
	UserIDs []string `json:"user_ids,omitempty"`
	// EscalationLevel is the level reached, for escalate log entries.
	EscalationLevel int `json:"escalation_level,omitempty"`
}

// Note is a note added to an incident.
type Note struct {
	ID        string    `json:"id"`         // identifier
	UserID    string    `json:"user_id"`    // author
	Content   string    `json:"content"`    // text
	CreatedAt time.Time `json:"created_at"` // when it was written
}

// Alert is an alert grouped into an incident.
type Alert struct {
	ID            string         `json:"id"`                       // identifier
	Key           string         `json:"key,omitempty"`            // deduplication key
	Status        string         `json:"status"`                   // "triggered" or "resolved"
	Severity      string         `json:"severity"`                 // "critical", "error", "warning" or "info"
	Summary       string         `json:"summary"`                  // what the monitoring tool said
	CreatedAt     time.Time      `json:"created_at"`               // when it arrived
	IntegrationID string         `json:"integration_id,omitempty"` // integration it came through, if any
	Details       map[string]any `json:"details,omitempty"`        // free-form details
}

// ResponderRequest asks more users to help on an incident.
type ResponderRequest struct {
	ID          string    `json:"id"`           // identifier
	RequesterID string    `json:"requester_id"` // user who asked
	Message     string    `json:"message"`      // what was asked
	RequestedAt time.Time `json:"requested_at"` // when
	UserIDs     []string  `json:"user_ids"`     // users asked to help
}
