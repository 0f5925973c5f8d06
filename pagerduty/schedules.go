package pagerduty

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// SchedulesService reads and changes on-call schedules, their overrides, and
// renders who is on call over a window.
type SchedulesService service

// SchedulesV3Service reads and changes schedules through the v3 schedules
// API: rotations, their events, custom shifts and overrides.
type SchedulesV3Service service

// Schedule says who is on call when: layers of rotating users, with
// overrides on top. Reading it with a since/until window renders each
// layer, the overrides and the final result as entries.
type Schedule struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// TimeZone is the IANA zone the schedule's layers are read in.
	TimeZone string `json:"time_zone,omitempty"`
	// Layers are the schedule's rotations; a later layer wins over an
	// earlier one where both have someone on call.
	Layers []ScheduleLayer `json:"schedule_layers,omitempty"`
	// FinalSchedule is who is actually on call over the window asked for:
	// layers and overrides combined.
	FinalSchedule *SubSchedule `json:"final_schedule,omitempty"`
	// OverridesSubschedule is the overrides over the window asked for.
	OverridesSubschedule *SubSchedule `json:"overrides_subschedule,omitempty"`
	EscalationPolicies   []Reference  `json:"escalation_policies,omitempty"`
	Users                []Reference  `json:"users,omitempty"`
	Teams                []Reference  `json:"teams,omitempty"`
	// NextOnCallForUser is the next shift of the user named by
	// IncludeNextOnCallForUser, when asked for.
	NextOnCallForUser *NextOnCall `json:"next_oncall_for_user,omitempty"`
}

// NextOnCall is a user's next shift in a schedule.
type NextOnCall struct {
	User  *Reference `json:"user,omitempty"`
	Start time.Time  `json:"start,omitzero"`
	End   time.Time  `json:"end,omitzero"`
}

// UnmarshalJSON reads the user as an object or as a list of one (both
// shapes are documented).
func (n *NextOnCall) UnmarshalJSON(b []byte) error {
	var raw struct {
		User  json.RawMessage `json:"user"`
		Start time.Time       `json:"start"`
		End   time.Time       `json:"end"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*n = NextOnCall{Start: raw.Start, End: raw.End}
	u := bytes.TrimSpace(raw.User)
	switch {
	case len(u) == 0 || string(u) == "null":
	case u[0] == '[':
		var us []Reference
		if err := json.Unmarshal(u, &us); err != nil {
			return err
		}
		if len(us) > 0 {
			n.User = &us[0]
		}
	default:
		n.User = new(Reference)
		return json.Unmarshal(u, n.User)
	}
	return nil
}

// ScheduleLayer is a rotation: its users take turns of
// RotationTurnLengthSeconds, counted from RotationVirtualStart, from Start
// to End, limited to the Restrictions' hours.
type ScheduleLayer struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Start is when the layer takes effect; End, when set, when it stops.
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"`
	// Users take turns in this order.
	Users []ScheduleLayerUser `json:"users"`
	// Restrictions limit the layer to some hours of each day or week.
	Restrictions []Restriction `json:"restrictions,omitempty"`
	// RotationVirtualStart is when the first user's turn starts (it may be
	// before Start), which sets the order of the handoffs.
	RotationVirtualStart      time.Time `json:"rotation_virtual_start"`
	RotationTurnLengthSeconds int       `json:"rotation_turn_length_seconds"`
	// RenderedScheduleEntries are the layer's shifts over the window asked
	// for.
	RenderedScheduleEntries []ScheduleEntry `json:"rendered_schedule_entries,omitempty"`
	// RenderedCoveragePercentage is the share of the window the layer
	// covers.
	RenderedCoveragePercentage float64 `json:"rendered_coverage_percentage,omitempty"`
}

// ScheduleLayerUser is a user of a layer's rotation.
type ScheduleLayerUser struct {
	User Reference `json:"user"`
}

// RestrictionType says whether a restriction repeats daily or weekly.
type RestrictionType string

// The restriction types.
const (
	DailyRestriction  RestrictionType = "daily_restriction"
	WeeklyRestriction RestrictionType = "weekly_restriction"
)

// Restriction limits a layer to a span of each day (daily) or of each week
// (weekly, starting on StartDayOfWeek).
type Restriction struct {
	Type RestrictionType `json:"type"`
	// StartTimeOfDay is when the span starts, "08:00:00", in the schedule's
	// time zone.
	StartTimeOfDay  string `json:"start_time_of_day"`
	DurationSeconds int    `json:"duration_seconds"`
	// StartDayOfWeek is the first day of a weekly span, 1 (Monday) to 7
	// (Sunday).
	StartDayOfWeek int `json:"start_day_of_week,omitempty"`
}

// ScheduleEntry is a shift: User is on call from Start to End.
type ScheduleEntry struct {
	User  *Reference `json:"user,omitempty"`
	Start time.Time  `json:"start"`
	End   time.Time  `json:"end"`
}

// SubSchedule is a rendered part of a schedule: the final schedule or the
// overrides.
type SubSchedule struct {
	// Name is "Final Schedule" or "Overrides".
	Name                       string          `json:"name"`
	RenderedScheduleEntries    []ScheduleEntry `json:"rendered_schedule_entries,omitempty"`
	RenderedCoveragePercentage float64         `json:"rendered_coverage_percentage,omitempty"`
}

// ScheduleInclude names a rendered part a schedule listing can embed.
type ScheduleInclude string

// The parts schedule listings can embed.
const (
	ScheduleIncludeLayers               ScheduleInclude = "schedule_layers"
	ScheduleIncludeOverridesSubschedule ScheduleInclude = "overrides_subschedule"
	ScheduleIncludeFinalSchedule        ScheduleInclude = "final_schedule"
)

// ListSchedulesOptions filters and pages a schedule listing. The zero value
// lists every schedule in pages of 100.
type ListSchedulesOptions struct {
	ListOptions

	// Query keeps schedules whose name contains this text.
	Query string `url:"query"`
	// TeamIDs keeps schedules of these teams.
	TeamIDs []string `url:"team_ids[]"`
	// Includes embeds these rendered parts, over Since to Until.
	Includes []ScheduleInclude `url:"include[]"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// Since and Until bound the rendered parts.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// IncludeNextOnCallForUser adds the next shift of the user with this ID
	// to each schedule.
	IncludeNextOnCallForUser string `url:"include_next_oncall_for_user"`
}

func (o *ListSchedulesOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, ScheduleIncludeLayers, ScheduleIncludeOverridesSubschedule, ScheduleIncludeFinalSchedule); err != nil {
		return nil, ListOptions{}, err
	}
	if err := schedCheckSpan(o.Since, o.Until); err != nil {
		return nil, ListOptions{}, err
	}
	if err := optionalID("IncludeNextOnCallForUser", o.IncludeNextOnCallForUser); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// schedCheckSpan checks that until, when both are set, is after since.
func schedCheckSpan(since, until time.Time) error {
	return schedCheckOrder("Since", "Until", since, until)
}

// schedCheckOrder checks that end, when both are set, is after start; the names
// are the fields' in the error.
func schedCheckOrder(startName, endName string, start, end time.Time) error {
	if !start.IsZero() && !end.IsZero() && !end.After(start) {
		return fmt.Errorf("pagerduty: %s (%s) must be after %s (%s)", endName, end.Format(time.RFC3339), startName, start.Format(time.RFC3339))
	}
	return nil
}

// List streams the schedules that match opts, fetching pages as the loop
// asks for them; breaking out of the loop stops fetching.
//
// OAuth scope schedules.read.
func (s *SchedulesService) List(ctx context.Context, opts *ListSchedulesOptions) iter.Seq2[Schedule, error] {
	return offsetSeqAt[Schedule](ctx, s.client, "/schedules", "schedules", opts.query)
}

// ListPage returns one page of the schedules that match opts, at
// opts.Offset, with the pagination facts.
//
// OAuth scope schedules.read.
func (s *SchedulesService) ListPage(ctx context.Context, opts *ListSchedulesOptions) (*Page[Schedule], error) {
	return offsetPageAt[Schedule](ctx, s.client, "/schedules", "schedules", opts.query)
}

// GetScheduleOptions sets the window a schedule is rendered over.
type GetScheduleOptions struct {
	// Since and Until bound the rendered entries (the API's default is the
	// next two weeks).
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// Overflow keeps entries whole where they cross Since or Until;
	// otherwise they are cut to the window.
	Overflow bool `url:"overflow"`
	// IncludeNextOnCallForUser adds the next shift of the user with this ID.
	IncludeNextOnCallForUser string `url:"include_next_oncall_for_user"`
}

// Get returns the schedule with the given ID, with its layers, overrides
// and final schedule rendered over opts' window.
//
//	s, err := c.Schedules.Get(ctx, "PI7DH85", &pagerduty.GetScheduleOptions{
//		Since: time.Now(), Until: time.Now().Add(7 * 24 * time.Hour)})
//	for _, e := range s.FinalSchedule.RenderedScheduleEntries {
//		fmt.Println(e.User.Summary, e.Start, e.End)
//	}
//
// OAuth scope schedules.read.
func (s *SchedulesService) Get(ctx context.Context, id string, opts *GetScheduleOptions) (*Schedule, error) {
	path, err := expandPath("/schedules/{id}", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := schedCheckSpan(opts.Since, opts.Until); err != nil {
			return nil, err
		}
		if err := optionalID("IncludeNextOnCallForUser", opts.IncludeNextOnCallForUser); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return objectCall[Schedule](ctx, s.client, &request{method: "GET", path: path, query: q}, "schedule")
}

// Delete removes the schedule with the given ID. The API refuses while an
// escalation policy targets it or it has open incidents.
//
// OAuth scope schedules.write.
func (s *SchedulesService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/schedules/{id}", id)
}

// ListScheduleUsersOptions sets the window of a listing of a schedule's users.
type ListScheduleUsersOptions struct {
	// Since and Until bound the window; users on call at some point of it
	// are listed.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
}

// ListUsers returns the users on call at some point of opts' window in the
// schedule with the given ID.
//
// OAuth scope users.read.
func (s *SchedulesService) ListUsers(ctx context.Context, id string, opts *ListScheduleUsersOptions) ([]User, error) {
	path, err := expandPath("/schedules/{id}/users", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := schedCheckSpan(opts.Since, opts.Until); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return sliceCall[User](ctx, s.client, path, "users", q)
}

// ListAuditRecords streams the audit trail of the schedule with the given
// ID, newest first, following the cursor from page to page.
//
// OAuth scope audit_records.read.
func (s *SchedulesService) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/schedules/{id}/audit/records", id, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the schedule
// with the given ID; pass its NextCursor as opts.Cursor to read the next.
//
// OAuth scope audit_records.read.
func (s *SchedulesService) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/schedules/{id}/audit/records", id, opts)
}
