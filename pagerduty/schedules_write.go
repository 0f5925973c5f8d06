package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ScheduleParams describes a schedule to create, preview or replace. Every
// write needs TimeZone and at least one layer: PagerDuty replaces a
// schedule's layers with those sent, so an update sends them all (a layer
// keeps its history when its ID is given).
type ScheduleParams struct {
	Name string
	// Description is free text; a pointer to "" clears it.
	Description *string
	// TimeZone is the IANA zone the layers' times of day are read in.
	TimeZone string
	Layers   []ScheduleLayerParams
	// TeamIDs are the teams the schedule belongs to.
	TeamIDs []string
	// Overflow keeps rendered entries whole where they cross the window of
	// the answer.
	Overflow bool
}

// ScheduleLayerParams describes one layer of a schedule write.
type ScheduleLayerParams struct {
	// ID names an existing layer to change (updates only).
	ID   string
	Name string
	// Start is when the layer takes effect; End, if set, when it stops.
	Start time.Time
	End   time.Time
	// RotationVirtualStart is when the first user's turn starts; zero
	// means Start.
	RotationVirtualStart time.Time
	// RotationTurnLength is how long each user's turn lasts, a whole
	// number of seconds.
	RotationTurnLength time.Duration
	// UserIDs take turns in this order.
	UserIDs []string
	// Restrictions limit the layer to some hours of each day or week.
	Restrictions []Restriction
}

type scheduleWire struct {
	Type        string              `json:"type"`
	Name        string              `json:"name,omitempty"`
	Description *string             `json:"description,omitempty"`
	TimeZone    string              `json:"time_zone"`
	Layers      []scheduleLayerWire `json:"schedule_layers"`
	Teams       []Reference         `json:"teams,omitempty"`
}

type scheduleLayerWire struct {
	ID                        string              `json:"id,omitempty"`
	Name                      string              `json:"name,omitempty"`
	Start                     time.Time           `json:"start"`
	End                       time.Time           `json:"end,omitzero"`
	RotationVirtualStart      time.Time           `json:"rotation_virtual_start"`
	RotationTurnLengthSeconds int                 `json:"rotation_turn_length_seconds"`
	Users                     []ScheduleLayerUser `json:"users"`
	Restrictions              []Restriction       `json:"restrictions,omitempty"`
}

func (p *ScheduleParams) wire() (*scheduleWire, error) {
	if p == nil {
		return nil, required("the schedule params", "pass a *ScheduleParams")
	}
	if strings.TrimSpace(p.TimeZone) == "" {
		return nil, required("TimeZone", "the IANA time zone of the schedule, such as America/New_York")
	}
	if _, err := time.LoadLocation(p.TimeZone); err != nil {
		return nil, fmt.Errorf("pagerduty: TimeZone %q is not an IANA time zone name (such as Europe/Berlin): %w", p.TimeZone, err)
	}
	if len(p.Layers) == 0 {
		return nil, required("Layers", "at least one layer of users taking turns")
	}
	if err := checkIDs("TeamIDs", p.TeamIDs); err != nil {
		return nil, err
	}
	w := &scheduleWire{Type: "schedule", Name: p.Name, Description: p.Description, TimeZone: p.TimeZone}
	for _, id := range p.TeamIDs {
		w.Teams = append(w.Teams, Reference{ID: id, Type: "team_reference"})
	}
	for i, l := range p.Layers {
		lw, err := l.wire(fmt.Sprintf("Layers[%d]", i))
		if err != nil {
			return nil, err
		}
		w.Layers = append(w.Layers, *lw)
	}
	return w, nil
}

func (l *ScheduleLayerParams) wire(field string) (*scheduleLayerWire, error) {
	if l.Start.IsZero() {
		return nil, required(field+".Start", "when the layer takes effect")
	}
	if !l.End.IsZero() && !l.End.After(l.Start) {
		return nil, fmt.Errorf("pagerduty: %s.End (%s) must be after its Start (%s)", field, l.End.Format(time.RFC3339), l.Start.Format(time.RFC3339))
	}
	if l.RotationTurnLength < time.Second || l.RotationTurnLength%time.Second != 0 {
		return nil, fmt.Errorf("pagerduty: %s.RotationTurnLength %s is not accepted: use a whole number of seconds, at least 1 (24*time.Hour for daily turns)", field, l.RotationTurnLength)
	}
	if len(l.UserIDs) == 0 {
		return nil, required(field+".UserIDs", "the users taking turns, at least one")
	}
	if err := optionalID(field+".ID", l.ID); err != nil {
		return nil, err
	}
	if err := checkIDs(field+".UserIDs", l.UserIDs); err != nil {
		return nil, err
	}
	if err := checkLayerRestrictions(field, l.Restrictions); err != nil {
		return nil, err
	}
	w := &scheduleLayerWire{ID: l.ID, Name: l.Name, Start: l.Start, End: l.End,
		RotationVirtualStart: l.RotationVirtualStart, RotationTurnLengthSeconds: int(l.RotationTurnLength / time.Second),
		Restrictions: l.Restrictions}
	if w.RotationVirtualStart.IsZero() {
		w.RotationVirtualStart = l.Start
	}
	for _, id := range l.UserIDs {
		w.Users = append(w.Users, ScheduleLayerUser{User: Reference{ID: id, Type: "user_reference"}})
	}
	return w, nil
}

// checkLayerRestrictions validates the restrictions of a layer.
func checkLayerRestrictions(field string, rs []Restriction) error {
	for i, r := range rs {
		f := fmt.Sprintf("%s.Restrictions[%d]", field, i)
		if err := oneOf(f+".Type", []RestrictionType{r.Type}, DailyRestriction, WeeklyRestriction); err != nil {
			return err
		}
		if _, err := time.Parse(time.TimeOnly, r.StartTimeOfDay); err != nil {
			return fmt.Errorf("pagerduty: %s.StartTimeOfDay %q is not a time of day: use HH:MM:SS, such as 08:00:00", f, r.StartTimeOfDay)
		}
		limit := 24 * 3600
		if r.Type == WeeklyRestriction {
			limit *= 7
			if r.StartDayOfWeek < 1 || r.StartDayOfWeek > 7 {
				return fmt.Errorf("pagerduty: %s.StartDayOfWeek %d is out of range: a weekly restriction starts on day 1 (Monday) to 7 (Sunday)", f, r.StartDayOfWeek)
			}
		} else if r.StartDayOfWeek != 0 {
			return fmt.Errorf("pagerduty: %s.StartDayOfWeek is set on a daily restriction: only weekly restrictions have a start day", f)
		}
		if r.DurationSeconds < 1 || r.DurationSeconds > limit {
			return fmt.Errorf("pagerduty: %s.DurationSeconds %d is out of range: 1 to %d for a %s", f, r.DurationSeconds, limit, r.Type)
		}
	}
	return nil
}

func schedOverflowQuery(overflow bool) url.Values {
	q := url.Values{}
	if overflow {
		q.Set("overflow", "true")
	}
	return q
}

// Create adds a schedule and returns it.
//
// OAuth scope schedules.write.
func (s *SchedulesService) Create(ctx context.Context, p *ScheduleParams) (*Schedule, error) {
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "POST", path: "/schedules", query: schedOverflowQuery(p.Overflow), body: map[string]any{"schedule": w}}
	return objectCall[Schedule](ctx, s.client, r, "schedule")
}

// Update replaces the schedule with the given ID by p and returns it as it
// is now. Layers not sent are ended.
//
// OAuth scope schedules.write.
func (s *SchedulesService) Update(ctx context.Context, id string, p *ScheduleParams) (*Schedule, error) {
	path, err := expandPath("/schedules/{id}", id)
	if err != nil {
		return nil, err
	}
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "PUT", path: path, query: schedOverflowQuery(p.Overflow), body: map[string]any{"schedule": w}}
	return objectCall[Schedule](ctx, s.client, r, "schedule")
}

// PreviewOptions sets the window a schedule preview is rendered over.
type PreviewOptions struct {
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
}

// Preview renders the schedule p describes over opts' window, without
// saving it: see who would be on call before creating or changing a
// schedule.
//
// OAuth scope schedules.write.
func (s *SchedulesService) Preview(ctx context.Context, p *ScheduleParams, opts *PreviewOptions) (*Schedule, error) {
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	q := schedOverflowQuery(p.Overflow)
	if opts != nil {
		if err := schedCheckSpan(opts.Since, opts.Until); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	r := &request{method: "POST", path: "/schedules/preview", query: q, body: map[string]any{"schedule": w}}
	return objectCall[Schedule](ctx, s.client, r, "schedule")
}
