package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

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
	// its fields vary with its type (in full with LogEntryIncludeChannels).
	Channel map[string]any `json:"channel,omitempty"`
	Note    string         `json:"note,omitempty"`
	// Service, Incident and Teams are references, or full objects with
	// LogEntryIncludeServices, LogEntryIncludeIncidents and
	// LogEntryIncludeTeams.
	Service  *Service  `json:"service,omitempty"`
	Incident *Incident `json:"incident,omitempty"`
	Teams    []Team    `json:"teams,omitempty"`
	// Contexts are the links and images the event carried.
	Contexts []LogEntryContext `json:"contexts,omitempty"`
	// EventDetails carries the details some entry types add (for example
	// the description of a trigger).
	EventDetails map[string]any `json:"event_details,omitempty"`
	// Changeset describes the custom field changes of a field value change
	// entry, one line per field.
	Changeset []string `json:"changeset,omitempty"`
	// AcknowledgementTimeout is the seconds before an acknowledgement
	// expires (acknowledge entries).
	AcknowledgementTimeout *int `json:"acknowledgement_timeout,omitempty"`
	// Assignees are the users assigned (assign, delegate and escalate
	// entries).
	Assignees []Reference `json:"assignees,omitempty"`
	// User is the user notified (notify entries).
	User *Reference `json:"user,omitempty"`
	// ChangedActions are the pending actions a snooze moved (snooze
	// entries).
	ChangedActions []PendingAction `json:"changed_actions,omitempty"`
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

// LogEntryInclude names an object that a log entry answer can embed in full.
type LogEntryInclude string

// The expansions log entry answers accept.
const (
	LogEntryIncludeIncidents LogEntryInclude = "incidents"
	LogEntryIncludeServices  LogEntryInclude = "services"
	LogEntryIncludeChannels  LogEntryInclude = "channels"
	LogEntryIncludeTeams     LogEntryInclude = "teams"
)

var logEntryIncludes = []LogEntryInclude{LogEntryIncludeIncidents, LogEntryIncludeServices, LogEntryIncludeChannels, LogEntryIncludeTeams}

// ListLogEntriesOptions filters and pages a log entry listing. The zero
// value lists the account's entries of the API's default window, newest
// first.
type ListLogEntriesOptions struct {
	ListOptions
	// Since and Until bound the entries' creation time.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// IsOverview keeps only the most important entries (state changes and
	// assignments).
	IsOverview bool `url:"is_overview"`
	// TeamIDs keeps entries of incidents of these teams.
	TeamIDs []string `url:"team_ids[]"`
	// Includes embeds these objects in full.
	Includes []LogEntryInclude `url:"include[]"`
}

func (o *ListLogEntriesOptions) query() (url.Values, ListOptions, error) {
	q := url.Values{}
	if o == nil {
		return q, ListOptions{}, nil
	}
	if err := o.ListOptions.validate(); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, logEntryIncludes...); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkSinceUntil(o.Since, o.Until); err != nil {
		return nil, ListOptions{}, err
	}
	encodeQuery(q, o)
	stripPaging(q)
	return q, o.ListOptions, nil
}

// logEntrySeq streams the log entries at the path template tmpl filled with
// ids that o selects, newest first, moving the until end of the window to
// read past the API's 10,000-item ceiling.
func logEntrySeq(ctx context.Context, c *Client, tmpl string, o *ListLogEntriesOptions, ids ...string) iter.Seq2[LogEntry, error] {
	path, q, lo, err := listTarget(tmpl, ids, o.query)
	if err != nil {
		return errSeq[LogEntry](err)
	}
	w := &timeWindow[LogEntry]{
		desc:   true,
		timeOf: func(e LogEntry) time.Time { return e.CreatedAt },
		idOf:   func(e LogEntry) string { return e.ID },
	}
	if o != nil {
		w.since, w.until = o.Since, o.Until
	}
	l := &offsetList[LogEntry]{path: path, key: "log_entries", query: q, window: w}
	l.paging(lo)
	return l.iterate(ctx, c)
}

// List streams the account's log entries that match opts, newest first,
// fetching pages as the loop asks for them; breaking out of the loop stops
// fetching. It reads past the API's 10,000-item ceiling by moving the
// until end of its window, with no duplicates or gaps.
//
// OAuth scope incidents.read.
func (s *LogEntriesService) List(ctx context.Context, opts *ListLogEntriesOptions) iter.Seq2[LogEntry, error] {
	return logEntrySeq(ctx, s.client, "/log_entries", opts)
}

// ListPage returns one page of the account's log entries that match opts,
// at opts.Offset, with the pagination facts.
//
// OAuth scope incidents.read.
func (s *LogEntriesService) ListPage(ctx context.Context, opts *ListLogEntriesOptions) (*Page[LogEntry], error) {
	return offsetPageAt[LogEntry](ctx, s.client, "/log_entries", "log_entries", opts.query)
}

// GetLogEntryOptions shapes a log entry answer.
type GetLogEntryOptions struct {
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// Includes embeds these objects in full.
	Includes []LogEntryInclude `url:"include[]"`
}

// Get returns the log entry id.
//
// OAuth scope incidents.read.
func (s *LogEntriesService) Get(ctx context.Context, id string, opts *GetLogEntryOptions) (*LogEntry, error) {
	path, err := expandPath("/log_entries/{id}", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := oneOf("Includes", opts.Includes, logEntryIncludes...); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	var out struct {
		LogEntry *LogEntry `json:"log_entry"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	if out.LogEntry == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no log_entry", path)
	}
	return out.LogEntry, nil
}

// LogEntryChannelType is the kind of channel a trigger log entry's details
// can be changed for.
type LogEntryChannelType string

// The channels whose details can be changed.
const (
	ChannelWebTrigger LogEntryChannelType = "web_trigger"
	ChannelMobile     LogEntryChannelType = "mobile"
)

// UpdateLogEntryChannelParams rewrites the details of an incident's trigger
// log entry (for example to remove sensitive data an incident was opened
// with).
type UpdateLogEntryChannelParams struct {
	// From is the email of the PagerDuty user making the change; empty
	// means the client's WithFrom.
	From string `json:"-"`
	// Type is the channel the entry came through: ChannelWebTrigger or
	// ChannelMobile.
	Type LogEntryChannelType `json:"type"`
	// Details is the new text of the entry's details.
	Details string `json:"details"`
}

// UpdateChannel replaces the channel details of the trigger log entry id.
// PagerDuty applies the change asynchronously.
//
// OAuth scope incidents.write.
func (s *LogEntriesService) UpdateChannel(ctx context.Context, id string, p *UpdateLogEntryChannelParams) error {
	path, err := expandPath("/log_entries/{id}/channel", id)
	if err != nil {
		return err
	}
	if p == nil || p.Type == "" {
		return missing("Type", fmt.Sprintf("the entry's channel, %q or %q", ChannelWebTrigger, ChannelMobile))
	}
	if err := oneOf("Type", []LogEntryChannelType{p.Type}, ChannelWebTrigger, ChannelMobile); err != nil {
		return err
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "PUT", path: path, body: map[string]any{"channel": p}, from: from}, nil)
}

// ListIncidentLogEntriesOptions filters and pages the log entries of one
// incident.
type ListIncidentLogEntriesOptions struct {
	ListOptions
	// Since and Until bound the entries' creation time.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// IsOverview keeps only the most important entries (state changes and
	// assignments).
	IsOverview bool `url:"is_overview"`
	// Includes embeds these objects in full.
	Includes []LogEntryInclude `url:"include[]"`
}

// account returns o as the options of the account's listing, which take
// the same filters and more (nil when o is nil).
func (o *ListIncidentLogEntriesOptions) account() *ListLogEntriesOptions {
	if o == nil {
		return nil
	}
	return &ListLogEntriesOptions{ListOptions: o.ListOptions, Since: o.Since, Until: o.Until,
		TimeZone: o.TimeZone, IsOverview: o.IsOverview, Includes: o.Includes}
}

// ListLogEntries streams the log entries of the incident id that match
// opts, newest first. Breaking out of the loop stops fetching.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListLogEntries(ctx context.Context, id string, opts *ListIncidentLogEntriesOptions) iter.Seq2[LogEntry, error] {
	return logEntrySeq(ctx, s.client, "/incidents/{id}/log_entries", opts.account(), id)
}

// ListLogEntriesPage returns one page of the log entries of the incident
// id, at opts.Offset, with the pagination facts.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListLogEntriesPage(ctx context.Context, id string, opts *ListIncidentLogEntriesOptions) (*Page[LogEntry], error) {
	return offsetPageAt[LogEntry](ctx, s.client, "/incidents/{id}/log_entries", "log_entries", opts.account().query, id)
}
