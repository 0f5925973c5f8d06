package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"
)

// Rotation is a v3 schedule's rotation: events whose members take turns.
type Rotation struct {
	ID      string          `json:"id"`
	Type    string          `json:"type,omitempty"`
	Events  []RotationEvent `json:"events,omitempty"`
	Self    string          `json:"self,omitempty"`
	HTMLURL string          `json:"html_url,omitempty"`
}

// RotationEvent is a recurring shift of a rotation: from StartTime to
// EndTime, repeated by Recurrence between EffectiveSince and
// EffectiveUntil, filled by the members of AssignmentStrategy.
type RotationEvent struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name      string        `json:"name"`
	StartTime ZonedDateTime `json:"start_time"`
	EndTime   ZonedDateTime `json:"end_time"`
	// EffectiveSince and EffectiveUntil bound the recurrence; a zero
	// EffectiveUntil means it goes on.
	EffectiveSince time.Time `json:"effective_since"`
	EffectiveUntil time.Time `json:"effective_until,omitzero"`
	// Recurrence holds iCalendar rules, such as "RRULE:FREQ=WEEKLY".
	Recurrence         []string                `json:"recurrence"`
	AssignmentStrategy EventAssignmentStrategy `json:"assignment_strategy"`
}

// ZonedDateTime is an instant with the time zone its recurrence is
// computed in (so that daylight saving time moves the shift with the wall
// clock).
type ZonedDateTime struct {
	DateTime time.Time `json:"date_time"`
	// TimeZone is an IANA time zone.
	TimeZone string `json:"time_zone"`
}

// AssignmentStrategyType says how an event's members share its shifts.
type AssignmentStrategyType string

// The assignment strategies.
const (
	// RotatingMembers gives each shift to the next member in turn.
	RotatingMembers AssignmentStrategyType = "rotating_member_assignment_strategy"
	// EveryMember puts every member on call at once.
	EveryMember AssignmentStrategyType = "every_member_assignment_strategy"
)

// EventAssignmentStrategy says who fills an event's shifts.
type EventAssignmentStrategy struct {
	Type AssignmentStrategyType `json:"type"`
	// ShiftsPerMember is how many shifts in a row each member takes
	// (rotating strategy).
	ShiftsPerMember int           `json:"shifts_per_member,omitempty"`
	Members         []ShiftMember `json:"members,omitempty"`
}

// SpanOptions sets the window a v3 rotation or event is read over.
type SpanOptions struct {
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
}

func (o *SpanOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := schedCheckSpan(o.Since, o.Until); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// ListRotations streams the rotations of the v3 schedule scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListRotations(ctx context.Context, scheduleID string, opts *ListOptions) iter.Seq2[Rotation, error] {
	return offsetSeqAt[Rotation](ctx, s.client, "/v3/schedules/{id}/rotations", "rotations", pagedQuery(opts), scheduleID)
}

// ListRotationsPage returns one page of the rotations of the v3 schedule
// scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListRotationsPage(ctx context.Context, scheduleID string, opts *ListOptions) (*Page[Rotation], error) {
	return offsetPageAt[Rotation](ctx, s.client, "/v3/schedules/{id}/rotations", "rotations", pagedQuery(opts), scheduleID)
}

// CreateRotation adds an empty rotation to the v3 schedule scheduleID and
// returns it; add its events with CreateEvent.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) CreateRotation(ctx context.Context, scheduleID string) (*Rotation, error) {
	path, err := expandPath("/v3/schedules/{id}/rotations", scheduleID)
	if err != nil {
		return nil, err
	}
	return objectCall[Rotation](ctx, s.client, &request{method: "POST", path: path, body: struct{}{}}, "rotation")
}

// GetRotation returns the rotation rotationID of the v3 schedule
// scheduleID, with its events over opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) GetRotation(ctx context.Context, scheduleID, rotationID string, opts *SpanOptions) (*Rotation, error) {
	path, err := expandPath("/v3/schedules/{id}/rotations/{rotation_id}", scheduleID, rotationID)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[Rotation](ctx, s.client, &request{method: "GET", path: path, query: q}, "rotation")
}

// DeleteRotation removes the rotation rotationID, with its events, from the
// v3 schedule scheduleID.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) DeleteRotation(ctx context.Context, scheduleID, rotationID string) error {
	return deleteAt(ctx, s.client, "/v3/schedules/{id}/rotations/{rotation_id}", scheduleID, rotationID)
}

// ListEvents streams the events of the rotation rotationID of the v3
// schedule scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListEvents(ctx context.Context, scheduleID, rotationID string, opts *ListOptions) iter.Seq2[RotationEvent, error] {
	return offsetSeqAt[RotationEvent](ctx, s.client, "/v3/schedules/{id}/rotations/{rotation_id}/events", "events", pagedQuery(opts), scheduleID, rotationID)
}

// ListEventsPage returns one page of the events of the rotation rotationID
// of the v3 schedule scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) ListEventsPage(ctx context.Context, scheduleID, rotationID string, opts *ListOptions) (*Page[RotationEvent], error) {
	return offsetPageAt[RotationEvent](ctx, s.client, "/v3/schedules/{id}/rotations/{rotation_id}/events", "events", pagedQuery(opts), scheduleID, rotationID)
}

// RotationEventParams describes an event to create, or the changes to make
// to one. Create needs every field but EffectiveUntil; Update sends only
// the fields that are set.
type RotationEventParams struct {
	Name string
	// StartTime and EndTime are the first shift.
	StartTime, EndTime *ZonedDateTime
	// EffectiveSince and EffectiveUntil bound the recurrence.
	EffectiveSince, EffectiveUntil time.Time
	// ClearEffectiveUntil makes an update send a null EffectiveUntil, so
	// the recurrence goes on with no end.
	ClearEffectiveUntil bool
	// Recurrence holds iCalendar rules, such as "RRULE:FREQ=WEEKLY".
	Recurrence         []string
	AssignmentStrategy *EventAssignmentStrategy
}

type rotationEventWire struct {
	Name               string                   `json:"name,omitempty"`
	StartTime          *ZonedDateTime           `json:"start_time,omitempty"`
	EndTime            *ZonedDateTime           `json:"end_time,omitempty"`
	EffectiveSince     time.Time                `json:"effective_since,omitzero"`
	EffectiveUntil     json.RawMessage          `json:"effective_until,omitempty"`
	Recurrence         []string                 `json:"recurrence,omitempty"`
	AssignmentStrategy *EventAssignmentStrategy `json:"assignment_strategy,omitempty"`
}

func (p *RotationEventParams) wire(create bool) (*rotationEventWire, error) {
	if p == nil {
		return nil, required("the event params", "pass a *RotationEventParams")
	}
	if create {
		switch {
		case strings.TrimSpace(p.Name) == "":
			return nil, required("Name", "the event's name")
		case p.StartTime == nil || p.EndTime == nil:
			return nil, required("StartTime and EndTime", "the first shift, each with its IANA time zone")
		case p.EffectiveSince.IsZero():
			return nil, required("EffectiveSince", "when the recurrence starts")
		case len(p.Recurrence) == 0:
			return nil, required("Recurrence", `at least one iCalendar rule, such as "RRULE:FREQ=WEEKLY"`)
		case p.AssignmentStrategy == nil:
			return nil, required("AssignmentStrategy", "who fills the shifts")
		}
	}
	for name, z := range map[string]*ZonedDateTime{"StartTime": p.StartTime, "EndTime": p.EndTime} {
		if z == nil {
			continue
		}
		if z.DateTime.IsZero() {
			return nil, required(name+".DateTime", "the instant")
		}
		if _, err := time.LoadLocation(z.TimeZone); err != nil || z.TimeZone == "" {
			return nil, fmt.Errorf("pagerduty: %s.TimeZone %q is not an IANA time zone name (such as Europe/Berlin)", name, z.TimeZone)
		}
	}
	if p.StartTime != nil && p.EndTime != nil && !p.EndTime.DateTime.After(p.StartTime.DateTime) {
		return nil, fmt.Errorf("pagerduty: EndTime (%s) must be after StartTime (%s)", p.EndTime.DateTime.Format(time.RFC3339), p.StartTime.DateTime.Format(time.RFC3339))
	}
	if err := schedCheckOrder("EffectiveSince", "EffectiveUntil", p.EffectiveSince, p.EffectiveUntil); err != nil {
		return nil, err
	}
	for i, r := range p.Recurrence {
		if !strings.HasPrefix(r, "RRULE:") && !strings.HasPrefix(r, "EXDATE") && !strings.HasPrefix(r, "RDATE") {
			return nil, fmt.Errorf("pagerduty: Recurrence[%d] %q is not an iCalendar rule: start it with RRULE:, such as RRULE:FREQ=WEEKLY", i, r)
		}
	}
	if a := p.AssignmentStrategy; a != nil {
		if err := oneOf("AssignmentStrategy.Type", []AssignmentStrategyType{a.Type}, RotatingMembers, EveryMember); err != nil {
			return nil, err
		}
		if len(a.Members) == 0 {
			return nil, required("AssignmentStrategy.Members", "at least one member")
		}
		if a.ShiftsPerMember < 0 {
			return nil, fmt.Errorf("pagerduty: AssignmentStrategy.ShiftsPerMember %d is negative", a.ShiftsPerMember)
		}
		for i, m := range a.Members {
			if err := checkShiftMember(fmt.Sprintf("AssignmentStrategy.Members[%d]", i), m); err != nil {
				return nil, err
			}
		}
	}
	if p.ClearEffectiveUntil && !p.EffectiveUntil.IsZero() {
		return nil, fmt.Errorf("pagerduty: EffectiveUntil and ClearEffectiveUntil are both set: set one of them")
	}
	w := &rotationEventWire{Name: p.Name, StartTime: p.StartTime, EndTime: p.EndTime, EffectiveSince: p.EffectiveSince,
		Recurrence: p.Recurrence, AssignmentStrategy: p.AssignmentStrategy}
	switch {
	case p.ClearEffectiveUntil:
		w.EffectiveUntil = json.RawMessage("null")
	case !p.EffectiveUntil.IsZero():
		b, err := json.Marshal(p.EffectiveUntil)
		if err != nil {
			return nil, fmt.Errorf("pagerduty: EffectiveUntil: %w", err)
		}
		w.EffectiveUntil = b
	}
	if !create && w.Name == "" && w.StartTime == nil && w.EndTime == nil && w.EffectiveSince.IsZero() &&
		w.EffectiveUntil == nil && w.Recurrence == nil && w.AssignmentStrategy == nil {
		return nil, required("a change", "set at least one field of RotationEventParams")
	}
	return w, nil
}

// CreateEvent adds an event to the rotation rotationID of the v3 schedule
// scheduleID and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) CreateEvent(ctx context.Context, scheduleID, rotationID string, p *RotationEventParams) (*RotationEvent, error) {
	return writeAt[RotationEvent](ctx, s.client, "POST", "/v3/schedules/{id}/rotations/{rotation_id}/events", "event",
		func() (*rotationEventWire, error) { return p.wire(true) },
		scheduleID, rotationID)
}

// GetEvent returns the event eventID of the rotation rotationID of the v3
// schedule scheduleID.
//
// OAuth scope schedules.read.
func (s *SchedulesV3Service) GetEvent(ctx context.Context, scheduleID, rotationID, eventID string, opts *SpanOptions) (*RotationEvent, error) {
	path, err := expandPath("/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}", scheduleID, rotationID, eventID)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[RotationEvent](ctx, s.client, &request{method: "GET", path: path, query: q}, "event")
}

// UpdateEvent changes the event eventID of the rotation rotationID of the
// v3 schedule scheduleID and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) UpdateEvent(ctx context.Context, scheduleID, rotationID, eventID string, p *RotationEventParams) (*RotationEvent, error) {
	return writeAt[RotationEvent](ctx, s.client, "PUT", "/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}", "event",
		func() (*rotationEventWire, error) { return p.wire(false) },
		scheduleID, rotationID, eventID)
}

// DeleteEvent removes the event eventID from the rotation rotationID of the
// v3 schedule scheduleID.
//
// OAuth scope schedules.write.
func (s *SchedulesV3Service) DeleteEvent(ctx context.Context, scheduleID, rotationID, eventID string) error {
	return deleteAt(ctx, s.client, "/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}", scheduleID, rotationID, eventID)
}
