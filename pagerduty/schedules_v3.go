package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"
)

// ScheduleV3 is a shift-based schedule (the v3 schedules API): rotations
// whose events recur, custom shifts, and overrides on top. Reading it with
// a since/until window and ScheduleV3IncludeFinalSchedule computes who is
// on call.
type ScheduleV3 struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// TimeZone is the schedule's IANA time zone.
	TimeZone           string      `json:"time_zone"`
	Teams              []Reference `json:"teams,omitempty"`
	EscalationPolicies []Reference `json:"escalation_policies,omitempty"`
	Users              []Reference `json:"users,omitempty"`
	Rotations          []Rotation  `json:"rotations,omitempty"`
	// FinalSchedule is who is on call over the window asked for.
	FinalSchedule *FinalScheduleV3 `json:"final_schedule,omitempty"`
	// HTTPCalURL and WebCalURL publish the schedule as an iCalendar feed.
	HTTPCalURL string `json:"http_cal_url,omitempty"`
	WebCalURL  string `json:"web_cal_url,omitempty"`
}

// FinalScheduleV3 is the computed result of a v3 schedule over a window.
type FinalScheduleV3 struct {
	Type                       string                    `json:"type,omitempty"`
	RenderedCoveragePercentage float64                   `json:"rendered_coverage_percentage"`
	ComputedShiftAssignments   []ComputedShiftAssignment `json:"computed_shift_assignments"`
}

// ComputedShiftAssignment is a span of the final schedule: Member is on
// call from StartTime to EndTime, because of Source.
type ComputedShiftAssignment struct {
	Type      string      `json:"type,omitempty"`
	StartTime time.Time   `json:"start_time"`
	EndTime   time.Time   `json:"end_time"`
	Member    ShiftMember `json:"member"`
	Source    ShiftSource `json:"source"`
}

// ShiftSource says what put a member on call: a rotation, a custom shift,
// or an override of either.
type ShiftSource struct {
	// Type is "schedule_rotation", "custom_shift",
	// "schedule_rotation_override" or "custom_shift_override".
	Type       string `json:"type"`
	RotationID string `json:"rotation_id,omitempty"`
	ShiftID    string `json:"shift_id,omitempty"`
	OverrideID string `json:"override_id,omitempty"`
}

// ShiftMemberType says whether a shift slot has a user.
type ShiftMemberType string

// The kinds of shift members.
const (
	UserMember  ShiftMemberType = "user_member"
	EmptyMember ShiftMemberType = "empty_member"
)

// ShiftMember is who fills a shift slot: a user, or nobody on purpose.
type ShiftMember struct {
	Type   ShiftMemberType `json:"type"`
	UserID string          `json:"user_id,omitempty"`
}

// MemberUser returns the member for the user with the given ID.
func MemberUser(userID string) ShiftMember { return ShiftMember{Type: UserMember, UserID: userID} }

// checkShiftMember validates a member a write sends.
func checkShiftMember(field string, m ShiftMember) error {
	switch m.Type {
	case UserMember:
		if err := ValidateID(m.UserID); err != nil {
			return fmt.Errorf("%s.UserID: %w", field, err)
		}
	case EmptyMember:
		if m.UserID != "" {
			return fmt.Errorf("pagerduty: %s: an empty_member has no UserID", field)
		}
	default:
		return fmt.Errorf("pagerduty: %s.Type %q is not accepted; use user_member (with a UserID) or empty_member", field, m.Type)
	}
	return nil
}

// ScheduleV3Include names a computed part a v3 schedule answer can embed.
type ScheduleV3Include string

// ScheduleV3IncludeFinalSchedule computes the final schedule over the
// window asked for.
const ScheduleV3IncludeFinalSchedule ScheduleV3Include = "final_schedule"

// ListSchedulesV3Options filters and pages a listing of v3 schedules.
type ListSchedulesV3Options struct {
	ListOptions

	// Query keeps schedules whose name contains this text.
	Query string `url:"query"`
	// TeamIDs keeps schedules of these teams.
	TeamIDs []string `url:"team_ids[]"`
}

func (o *ListSchedulesV3Options) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams references to the v3 schedules that match opts; Get reads
// one in full.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) List(ctx context.Context, opts *ListSchedulesV3Options) iter.Seq2[Reference, error] {
	return offsetSeqAt[Reference](ctx, s.client, "/v3/schedules", "schedules", opts.query)
}

// ListPage returns one page of references to the v3 schedules that match
// opts.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListPage(ctx context.Context, opts *ListSchedulesV3Options) (*Page[Reference], error) {
	return offsetPageAt[Reference](ctx, s.client, "/v3/schedules", "schedules", opts.query)
}

// GetScheduleV3Options sets the window a v3 schedule is computed over.
type GetScheduleV3Options struct {
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// Overflow keeps shifts whole where they cross Since or Until.
	Overflow bool `url:"overflow"`
	// Includes embeds computed parts (ScheduleV3IncludeFinalSchedule).
	Includes []ScheduleV3Include `url:"include[]"`
}

// Get returns the v3 schedule with the given ID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) Get(ctx context.Context, id string, opts *GetScheduleV3Options) (*ScheduleV3, error) {
	path, err := expandPath("/v3/schedules/{id}", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := oneOf("Includes", opts.Includes, ScheduleV3IncludeFinalSchedule); err != nil {
			return nil, err
		}
		if err := schedCheckSpan(opts.Since, opts.Until); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return objectCall[ScheduleV3](ctx, s.client, &request{method: "GET", path: path, query: q}, "schedule")
}

// ScheduleV3Params describes a v3 schedule to create, or the changes to make
// to one. Create needs Name and TimeZone; Update sends only what is set
// (teams are set at creation only).
type ScheduleV3Params struct {
	Name string
	// TimeZone is an IANA time zone, such as America/New_York.
	TimeZone string
	// Description is free text; a pointer to "" clears it.
	Description *string
	// TeamIDs are the teams the schedule belongs to (Create only).
	TeamIDs []string
}

type scheduleV3Wire struct {
	Name        string      `json:"name,omitempty"`
	TimeZone    string      `json:"time_zone,omitempty"`
	Description *string     `json:"description,omitempty"`
	Teams       []Reference `json:"teams,omitempty"`
}

func (p *ScheduleV3Params) wire(create bool) (*scheduleV3Wire, error) {
	if p == nil {
		return nil, required("the schedule params", "pass a *ScheduleV3Params")
	}
	if create && strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the schedule's name")
	}
	if create && p.TimeZone == "" {
		return nil, required("TimeZone", "the IANA time zone of the schedule, such as America/New_York")
	}
	if p.TimeZone != "" {
		if _, err := time.LoadLocation(p.TimeZone); err != nil {
			return nil, fmt.Errorf("pagerduty: TimeZone %q is not an IANA time zone name (such as Europe/Berlin): %w", p.TimeZone, err)
		}
	}
	if len(p.Name) > 255 {
		return nil, fmt.Errorf("pagerduty: Name is %d characters long: at most 255 are accepted", len(p.Name))
	}
	if p.Description != nil && len(*p.Description) > 1024 {
		return nil, fmt.Errorf("pagerduty: Description is %d characters long: at most 1024 are accepted", len(*p.Description))
	}
	if !create && len(p.TeamIDs) > 0 {
		return nil, fmt.Errorf("pagerduty: TeamIDs cannot be changed by an update: the v3 API sets a schedule's teams when it is created")
	}
	if err := checkIDs("TeamIDs", p.TeamIDs); err != nil {
		return nil, err
	}
	w := &scheduleV3Wire{Name: p.Name, TimeZone: p.TimeZone, Description: p.Description}
	for _, id := range p.TeamIDs {
		w.Teams = append(w.Teams, Reference{ID: id, Type: "team_reference"})
	}
	if !create && w.Name == "" && w.TimeZone == "" && w.Description == nil {
		return nil, required("a change", "set Name, TimeZone or Description")
	}
	return w, nil
}

// Create adds a v3 schedule, with no rotations yet, and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) Create(ctx context.Context, p *ScheduleV3Params) (*ScheduleV3, error) {
	return writeAt[ScheduleV3](ctx, s.client, "POST", "/v3/schedules", "schedule", func() (*scheduleV3Wire, error) { return p.wire(true) })
}

// Update changes the v3 schedule with the given ID and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) Update(ctx context.Context, id string, p *ScheduleV3Params) (*ScheduleV3, error) {
	return writeAt[ScheduleV3](ctx, s.client, "PUT", "/v3/schedules/{id}", "schedule", func() (*scheduleV3Wire, error) { return p.wire(false) }, id)
}

// Delete removes the v3 schedule with the given ID.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/v3/schedules/{id}", id)
}

// ListAuditRecords streams the audit trail of the v3 schedule with the
// given ID, newest first.
//
// OAuth scope audit_records.read.
func (s *SchedulesV3Service) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/v3/schedules/{id}/audit/records", id, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the v3
// schedule with the given ID.
//
// OAuth scope audit_records.read.
func (s *SchedulesV3Service) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/v3/schedules/{id}/audit/records", id, opts)
}
