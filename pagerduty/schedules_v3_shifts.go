package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// CustomShift is a one-off shift of a v3 schedule, outside its rotations.
type CustomShift struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	StartTime   time.Time         `json:"start_time"`
	EndTime     time.Time         `json:"end_time"`
	Assignments []ShiftAssignment `json:"assignments,omitempty"`
}

// ShiftAssignment is who fills a custom shift.
type ShiftAssignment struct {
	ID     string      `json:"id,omitempty"`
	Type   string      `json:"type,omitempty"`
	Member ShiftMember `json:"member"`
}

// OverrideShift replaces OverriddenMember by OverridingMember from
// StartTime to EndTime, in a rotation (RotationID) or a custom shift
// (CustomShiftID) of a v3 schedule.
type OverrideShift struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	RotationID       string       `json:"rotation_id,omitempty"`
	CustomShiftID    string       `json:"custom_shift_id,omitempty"`
	StartTime        time.Time    `json:"start_time"`
	EndTime          time.Time    `json:"end_time"`
	OverriddenMember *ShiftMember `json:"overridden_member,omitempty"`
	OverridingMember *ShiftMember `json:"overriding_member,omitempty"`
}

// ListShiftsOptions sets the window and paging of a listing of custom
// shifts or overrides. Since and Until are required.
type ListShiftsOptions struct {
	ListOptions

	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// Overflow keeps shifts whole where they cross Since or Until.
	Overflow bool `url:"overflow"`
}

func (o *ListShiftsOptions) query() (url.Values, ListOptions, error) {
	if o == nil || o.Since.IsZero() || o.Until.IsZero() {
		return nil, ListOptions{}, required("Since and Until", "the window whose shifts are listed")
	}
	if err := schedCheckSpan(o.Since, o.Until); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// ListCustomShifts streams the custom shifts of the v3 schedule scheduleID
// that overlap opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListCustomShifts(ctx context.Context, scheduleID string, opts *ListShiftsOptions) iter.Seq2[CustomShift, error] {
	return offsetSeqAt[CustomShift](ctx, s.client, "/v3/schedules/{id}/custom_shifts", "custom_shifts", opts.query, scheduleID)
}

// ListCustomShiftsPage returns one page of the custom shifts of the v3
// schedule scheduleID that overlap opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListCustomShiftsPage(ctx context.Context, scheduleID string, opts *ListShiftsOptions) (*Page[CustomShift], error) {
	return offsetPageAt[CustomShift](ctx, s.client, "/v3/schedules/{id}/custom_shifts", "custom_shifts", opts.query, scheduleID)
}

// CustomShiftParams describes a custom shift: Member on call from Start to
// End.
type CustomShiftParams struct {
	Start, End time.Time
	Member     ShiftMember
}

type customShiftWire struct {
	Type        string                `json:"type,omitempty"`
	StartTime   time.Time             `json:"start_time,omitzero"`
	EndTime     time.Time             `json:"end_time,omitzero"`
	Assignments []shiftAssignmentWire `json:"assignments,omitempty"`
}

type shiftAssignmentWire struct {
	Type   string      `json:"type"`
	Member ShiftMember `json:"member"`
}

func (p CustomShiftParams) wire(field string, create bool) (*customShiftWire, error) {
	if create && (p.Start.IsZero() || p.End.IsZero()) {
		return nil, required(field+"Start and End", "when the shift begins and ends")
	}
	if !p.Start.IsZero() && !p.End.IsZero() && !p.End.After(p.Start) {
		return nil, fmt.Errorf("pagerduty: %sEnd (%s) must be after Start (%s)", field, p.End.Format(time.RFC3339), p.Start.Format(time.RFC3339))
	}
	w := &customShiftWire{StartTime: p.Start, EndTime: p.End}
	if create {
		w.Type = "custom_shift"
	}
	if create || p.Member != (ShiftMember{}) {
		if err := checkShiftMember(field+"Member", p.Member); err != nil {
			return nil, err
		}
		w.Assignments = []shiftAssignmentWire{{Type: "shift_assignment", Member: p.Member}}
	}
	if !create && w.StartTime.IsZero() && w.EndTime.IsZero() && w.Assignments == nil {
		return nil, required("a change", "set Start, End or Member")
	}
	return w, nil
}

// CreateCustomShifts adds custom shifts to the v3 schedule scheduleID and
// returns them as created.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) CreateCustomShifts(ctx context.Context, scheduleID string, shifts []CustomShiftParams) ([]CustomShift, error) {
	path, err := expandPath("/v3/schedules/{id}/custom_shifts", scheduleID)
	if err != nil {
		return nil, err
	}
	if len(shifts) == 0 {
		return nil, required("shifts", "at least one custom shift to create")
	}
	ws := make([]*customShiftWire, len(shifts))
	for i, sh := range shifts {
		if ws[i], err = sh.wire(fmt.Sprintf("shifts[%d].", i), true); err != nil {
			return nil, err
		}
	}
	var out struct {
		Shifts []CustomShift `json:"custom_shifts"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: map[string]any{"custom_shifts": ws}}, &out); err != nil {
		return nil, err
	}
	return out.Shifts, nil
}

// GetCustomShift returns the custom shift shiftID of the v3 schedule
// scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) GetCustomShift(ctx context.Context, scheduleID, shiftID string) (*CustomShift, error) {
	return getAt[CustomShift](ctx, s.client, "/v3/schedules/{id}/custom_shifts/{custom_shift_id}", "custom_shift", scheduleID, shiftID)
}

// UpdateCustomShift changes the custom shift shiftID of the v3 schedule
// scheduleID and returns it; only the fields set in p are sent.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) UpdateCustomShift(ctx context.Context, scheduleID, shiftID string, p CustomShiftParams) (*CustomShift, error) {
	return writeAt[CustomShift](ctx, s.client, "PUT", "/v3/schedules/{id}/custom_shifts/{custom_shift_id}", "custom_shift",
		func() (*customShiftWire, error) { return p.wire("", false) },
		scheduleID, shiftID)
}

// DeleteCustomShift removes the custom shift shiftID of the v3 schedule
// scheduleID.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) DeleteCustomShift(ctx context.Context, scheduleID, shiftID string) error {
	return deleteAt(ctx, s.client, "/v3/schedules/{id}/custom_shifts/{custom_shift_id}", scheduleID, shiftID)
}

// ListOverrides streams the overrides of the v3 schedule scheduleID that
// overlap opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListOverrides(ctx context.Context, scheduleID string, opts *ListShiftsOptions) iter.Seq2[OverrideShift, error] {
	return offsetSeqAt[OverrideShift](ctx, s.client, "/v3/schedules/{id}/overrides", "overrides", opts.query, scheduleID)
}

// ListOverridesPage returns one page of the overrides of the v3 schedule
// scheduleID that overlap opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListOverridesPage(ctx context.Context, scheduleID string, opts *ListShiftsOptions) (*Page[OverrideShift], error) {
	return offsetPageAt[OverrideShift](ctx, s.client, "/v3/schedules/{id}/overrides", "overrides", opts.query, scheduleID)
}

// OverrideShiftParams describes an override of a v3 schedule: in the
// rotation RotationID or the custom shift CustomShiftID (exactly one),
// OverridingMember replaces OverriddenMember from Start to End.
type OverrideShiftParams struct {
	RotationID       string
	CustomShiftID    string
	Start, End       time.Time
	OverriddenMember ShiftMember
	OverridingMember ShiftMember
}

type overrideShiftWire struct {
	Type             string      `json:"type"`
	RotationID       string      `json:"rotation_id,omitempty"`
	CustomShiftID    string      `json:"custom_shift_id,omitempty"`
	StartTime        time.Time   `json:"start_time"`
	EndTime          time.Time   `json:"end_time"`
	OverriddenMember ShiftMember `json:"overridden_member"`
	OverridingMember ShiftMember `json:"overriding_member"`
}

// CreateOverrides adds overrides to the v3 schedule scheduleID and returns
// them as created.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) CreateOverrides(ctx context.Context, scheduleID string, overrides []OverrideShiftParams) ([]OverrideShift, error) {
	path, err := expandPath("/v3/schedules/{id}/overrides", scheduleID)
	if err != nil {
		return nil, err
	}
	if len(overrides) == 0 {
		return nil, required("overrides", "at least one override to create")
	}
	ws := make([]overrideShiftWire, len(overrides))
	for i, o := range overrides {
		f := fmt.Sprintf("overrides[%d]", i)
		if (o.RotationID == "") == (o.CustomShiftID == "") {
			return nil, fmt.Errorf("pagerduty: %s: name the rotation (RotationID) or the custom shift (CustomShiftID) overridden, exactly one of them", f)
		}
		if err := optionalID(f+".RotationID", o.RotationID); err != nil {
			return nil, err
		}
		if err := optionalID(f+".CustomShiftID", o.CustomShiftID); err != nil {
			return nil, err
		}
		if o.Start.IsZero() || o.End.IsZero() {
			return nil, required(f+".Start and End", "when the override begins and ends")
		}
		if !o.End.After(o.Start) {
			return nil, fmt.Errorf("pagerduty: %s: End (%s) must be after Start (%s)", f, o.End.Format(time.RFC3339), o.Start.Format(time.RFC3339))
		}
		if err := checkShiftMember(f+".OverriddenMember", o.OverriddenMember); err != nil {
			return nil, err
		}
		if err := checkShiftMember(f+".OverridingMember", o.OverridingMember); err != nil {
			return nil, err
		}
		ws[i] = overrideShiftWire{Type: "override_shift", RotationID: o.RotationID, CustomShiftID: o.CustomShiftID,
			StartTime: o.Start, EndTime: o.End, OverriddenMember: o.OverriddenMember, OverridingMember: o.OverridingMember}
	}
	var out struct {
		Overrides []OverrideShift `json:"overrides"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: map[string]any{"overrides": ws}}, &out); err != nil {
		return nil, err
	}
	return out.Overrides, nil
}

// GetOverride returns the override overrideID of the v3 schedule
// scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) GetOverride(ctx context.Context, scheduleID, overrideID string) (*OverrideShift, error) {
	return getAt[OverrideShift](ctx, s.client, "/v3/schedules/{id}/overrides/{override_id}", "override", scheduleID, overrideID)
}

// OverrideShiftUpdate lists the changes to make to a v3 override; only
// what is set is sent.
type OverrideShiftUpdate struct {
	Start, End       time.Time
	OverridingMember *ShiftMember
}

// UpdateOverride changes the override overrideID of the v3 schedule
// scheduleID and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) UpdateOverride(ctx context.Context, scheduleID, overrideID string, u OverrideShiftUpdate) (*OverrideShift, error) {
	path, err := expandPath("/v3/schedules/{id}/overrides/{override_id}", scheduleID, overrideID)
	if err != nil {
		return nil, err
	}
	if u.Start.IsZero() && u.End.IsZero() && u.OverridingMember == nil {
		return nil, required("a change", "set Start, End or OverridingMember")
	}
	if err := schedCheckOrder("Start", "End", u.Start, u.End); err != nil {
		return nil, err
	}
	if u.OverridingMember != nil {
		if err := checkShiftMember("OverridingMember", *u.OverridingMember); err != nil {
			return nil, err
		}
	}
	body := map[string]any{"override": struct {
		StartTime        time.Time    `json:"start_time,omitzero"`
		EndTime          time.Time    `json:"end_time,omitzero"`
		OverridingMember *ShiftMember `json:"overriding_member,omitempty"`
	}{u.Start, u.End, u.OverridingMember}}
	return objectCall[OverrideShift](ctx, s.client, &request{method: "PUT", path: path, body: body}, "override")
}

// DeleteOverride removes the override overrideID of the v3 schedule
// scheduleID.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) DeleteOverride(ctx context.Context, scheduleID, overrideID string) error {
	return deleteAt(ctx, s.client, "/v3/schedules/{id}/overrides/{override_id}", scheduleID, overrideID)
}
