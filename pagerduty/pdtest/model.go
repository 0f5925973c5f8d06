package pdtest

import "time"

// Dataset is the whole content of an in-memory account. It is plain data:
// build one by hand for a test that needs exact values, start from
// [DemoDataset] for a realistic account, or read one back with
// [Server.Data] to compute expected answers. The server copies the Dataset
// it is given, so later changes to the value do not reach the server.
type Dataset struct {
	// CurrentUserID is the user that the API token belongs to: GET /users/me
	// answers with this user. Empty means an account-level token.
	CurrentUserID string `json:"current_user_id,omitempty"`
	// Abilities are the account's abilities (GET /abilities). Nil means the
	// usual set of a full account, see [DefaultAbilities].
	Abilities          []string            `json:"abilities,omitempty"`
	Teams              []Team              `json:"teams,omitempty"`
	Users              []User              `json:"users,omitempty"`
	Schedules          []Schedule          `json:"schedules,omitempty"`
	EscalationPolicies []EscalationPolicy  `json:"escalation_policies,omitempty"`
	Services           []Service           `json:"services,omitempty"`
	Priorities         []Priority          `json:"priorities,omitempty"`
	Incidents          []Incident          `json:"incidents,omitempty"`
	MaintenanceWindows []MaintenanceWindow `json:"maintenance_windows,omitempty"`
	// ChangeEvents are the change events received on /v2/change/enqueue.
	ChangeEvents []ChangeEvent `json:"change_events,omitempty"`
	// AuditRecords is the audit trail, oldest first.
	AuditRecords []AuditRecord `json:"audit_records,omitempty"`
}

// Team is a team and its members.
type Team struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Description string       `json:"description,omitempty"`
	Members     []TeamMember `json:"members,omitempty"`
}

// TeamMember is a user's membership of a team with its role: "observer",
// "responder" or "manager".
type TeamMember struct {
	UserID string `json:"user_id"`
	Role   string `json:"role"`
}

// User is a user of the account with its contact methods and notification
// rules.
type User struct {
	ID                string             `json:"id"`
	Name              string             `json:"name"`
	Email             string             `json:"email"`
	TimeZone          string             `json:"time_zone,omitempty"`
	Color             string             `json:"color,omitempty"`
	Role              string             `json:"role,omitempty"`
	JobTitle          string             `json:"job_title,omitempty"`
	Description       string             `json:"description,omitempty"`
	ContactMethods    []ContactMethod    `json:"contact_methods,omitempty"`
	NotificationRules []NotificationRule `json:"notification_rules,omitempty"`
}

// ContactMethod is a way to reach a user. Type is one of
// "email_contact_method", "phone_contact_method", "sms_contact_method" or
// "push_notification_contact_method".
type ContactMethod struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	Label       string `json:"label"`
	Address     string `json:"address"`
	CountryCode int    `json:"country_code,omitempty"`
}

// NotificationRule says which contact method to use, how long after an
// assignment, for incidents of one urgency ("high" or "low").
type NotificationRule struct {
	ID                  string `json:"id"`
	StartDelayInMinutes int    `json:"start_delay_in_minutes"`
	ContactMethodID     string `json:"contact_method_id"`
	Urgency             string `json:"urgency"`
}

// Schedule is an on-call schedule made of layers and overrides.
type Schedule struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// TimeZone is an IANA name such as "Europe/Paris"; empty means UTC.
	TimeZone  string          `json:"time_zone,omitempty"`
	TeamIDs   []string        `json:"team_ids,omitempty"`
	Layers    []ScheduleLayer `json:"layers,omitempty"`
	Overrides []Override      `json:"overrides,omitempty"`
}

// ScheduleLayer is one rotation of users. Layers later in
// [Schedule.Layers] take precedence over earlier ones where they overlap,
// and overrides take precedence over every layer.
type ScheduleLayer struct {
	ID                        string        `json:"id"`
	Name                      string        `json:"name,omitempty"`
	Start                     time.Time     `json:"start"`
	End                       *time.Time    `json:"end,omitempty"`
	RotationVirtualStart      time.Time     `json:"rotation_virtual_start"`
	RotationTurnLengthSeconds int           `json:"rotation_turn_length_seconds"`
	UserIDs                   []string      `json:"user_ids"`
	Restrictions              []Restriction `json:"restrictions,omitempty"`
}

// Restriction limits a layer to a window of each day ("daily_restriction")
// or of each week ("weekly_restriction"), in the schedule's time zone.
type Restriction struct {
	Type string `json:"type"`
	// StartTimeOfDay is "HH:MM:SS".
	StartTimeOfDay  string `json:"start_time_of_day"`
	DurationSeconds int    `json:"duration_seconds"`
	// StartDayOfWeek is 1 (Monday) to 7 (Sunday), for weekly restrictions.
	StartDayOfWeek int `json:"start_day_of_week,omitempty"`
}

// Override puts a user on call in place of the layers for a while.
type Override struct {
	ID     string    `json:"id"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	UserID string    `json:"user_id"`
}

// EscalationPolicy says who is notified, in which order, when an incident
// is not acknowledged.
type EscalationPolicy struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Description string           `json:"description,omitempty"`
	NumLoops    int              `json:"num_loops,omitempty"`
	TeamIDs     []string         `json:"team_ids,omitempty"`
	Rules       []EscalationRule `json:"rules"`
}

// EscalationRule is one level of an escalation policy.
type EscalationRule struct {
	ID                       string   `json:"id"`
	EscalationDelayInMinutes int      `json:"escalation_delay_in_minutes"`
	Targets                  []Target `json:"targets"`
}

// Target is what an escalation rule notifies: Type is "user" or "schedule".
type Target struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// Service is a monitored service with its integrations.
type Service struct {
	ID                     string        `json:"id"`
	Name                   string        `json:"name"`
	Description            string        `json:"description,omitempty"`
	EscalationPolicyID     string        `json:"escalation_policy_id"`
	AutoResolveTimeout     *int          `json:"auto_resolve_timeout,omitempty"`
	AcknowledgementTimeout *int          `json:"acknowledgement_timeout,omitempty"`
	Disabled               bool          `json:"disabled,omitempty"`
	CreatedAt              time.Time     `json:"created_at"`
	Integrations           []Integration `json:"integrations,omitempty"`
}

// Integration is a way for events to reach a service. For
// "events_api_v2_inbound_integration", Key is the routing key that
// /v2/enqueue accepts.
type Integration struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Type      string    `json:"type"`
	Key       string    `json:"key,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Priority is an incident priority; Order ranks them (higher is more
// urgent).
type Priority struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Order       int    `json:"order"`
}

// MaintenanceWindow keeps services from opening incidents for a while.
type MaintenanceWindow struct {
	ID             string    `json:"id"`
	SequenceNumber int       `json:"sequence_number"`
	StartTime      time.Time `json:"start_time"`
	EndTime        time.Time `json:"end_time"`
	Description    string    `json:"description,omitempty"`
	CreatedByID    string    `json:"created_by_id,omitempty"`
	ServiceIDs     []string  `json:"service_ids"`
}

// ChangeEvent is a change event received from the Events API.
type ChangeEvent struct {
	ID            string         `json:"id"`
	RoutingKey    string         `json:"routing_key"`
	ServiceID     string         `json:"service_id,omitempty"`
	Summary       string         `json:"summary"`
	Source        string         `json:"source,omitempty"`
	Timestamp     time.Time      `json:"timestamp"`
	CustomDetails map[string]any `json:"custom_details,omitempty"`
}

// Incident statuses.
const (
	StatusTriggered    = "triggered"
	StatusAcknowledged = "acknowledged"
	StatusResolved     = "resolved"
)

// Incident is an incident with its whole history.
type Incident struct {
	ID                 string             `json:"id"`
	Number             int                `json:"number"`
	Title              string             `json:"title"`
	Description        string             `json:"description,omitempty"`
	Status             string             `json:"status"`
	Urgency            string             `json:"urgency"`
	IncidentKey        string             `json:"incident_key,omitempty"`
	ServiceID          string             `json:"service_id"`
	EscalationPolicyID string             `json:"escalation_policy_id"`
	PriorityID         string             `json:"priority_id,omitempty"`
	EscalationLevel    int                `json:"escalation_level"`
	AssignedVia        string             `json:"assigned_via,omitempty"`
	CreatedAt          time.Time          `json:"created_at"`
	UpdatedAt          time.Time          `json:"updated_at"`
	LastStatusChangeAt time.Time          `json:"last_status_change_at"`
	LastStatusChangeBy Agent              `json:"last_status_change_by"`
	ResolvedAt         *time.Time         `json:"resolved_at,omitempty"`
	SnoozedUntil       *time.Time         `json:"snoozed_until,omitempty"`
	Assignments        []Assignment       `json:"assignments,omitempty"`
	Acknowledgements   []Acknowledgement  `json:"acknowledgements,omitempty"`
	LogEntries         []LogEntry         `json:"log_entries,omitempty"`
	Notes              []Note             `json:"notes,omitempty"`
	Alerts             []Alert            `json:"alerts,omitempty"`
	ResponderRequests  []ResponderRequest `json:"responder_requests,omitempty"`
	// MergedInto is the ID of the incident this one was merged into.
	MergedInto string `json:"merged_into,omitempty"`
}

// Agent is who did something: Type is "user", "service" or "integration".
type Agent struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// Assignment puts an incident on a user.
type Assignment struct {
	UserID string    `json:"user_id"`
	At     time.Time `json:"at"`
}

// Acknowledgement records that a user (or a service, through the Events
// API) acknowledged an incident.
type Acknowledgement struct {
	By Agent     `json:"by"`
	At time.Time `json:"at"`
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
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	CreatedAt time.Time `json:"created_at"`
	Agent     Agent     `json:"agent"`
	// Channel is how it happened: "api", "web_trigger", "website",
	// "timeout", "auto", "note", ...
	Channel string `json:"channel"`
	Summary string `json:"summary,omitempty"`
	Note    string `json:"note,omitempty"`
	// UserIDs are the users assigned (assign, escalate) or notified.
	UserIDs []string `json:"user_ids,omitempty"`
	// EscalationLevel is the level reached, for escalate log entries.
	EscalationLevel int `json:"escalation_level,omitempty"`
}

// Note is a note added to an incident.
type Note struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Content   string    `json:"content"`
	CreatedAt time.Time `json:"created_at"`
}

// Alert is an alert grouped into an incident.
type Alert struct {
	ID            string         `json:"id"`
	Key           string         `json:"key,omitempty"`
	Status        string         `json:"status"`
	Severity      string         `json:"severity"`
	Summary       string         `json:"summary"`
	CreatedAt     time.Time      `json:"created_at"`
	IntegrationID string         `json:"integration_id,omitempty"`
	Details       map[string]any `json:"details,omitempty"`
}

// ResponderRequest asks more users to help on an incident.
type ResponderRequest struct {
	ID          string    `json:"id"`
	RequesterID string    `json:"requester_id"`
	Message     string    `json:"message"`
	RequestedAt time.Time `json:"requested_at"`
	UserIDs     []string  `json:"user_ids"`
}
