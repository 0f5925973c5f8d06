package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type createScheduleIn struct {
	Name         string   `json:"name" jsonschema:"required,minLength=1,maxLength=255" jsonschema_description:"The schedule's name, such as \"SRE Primary\"."`
	TimeZone     string   `json:"time_zone" jsonschema:"required,minLength=1,maxLength=64" jsonschema_description:"IANA zone the handoff time is read in, such as Europe/Berlin."`
	Users        []string `json:"users" jsonschema:"required,minItems=1,maxItems=50,uniqueItems=true" jsonschema_description:"The people taking turns, in order: \"me\", IDs, names or emails."`
	Turn         string   `json:"turn,omitempty" jsonschema:"enum=daily,enum=weekly,enum=biweekly" jsonschema_description:"How long each turn lasts (default weekly)."`
	StartDate    string   `json:"start_date,omitempty" jsonschema:"maxLength=10" jsonschema_description:"The day the first turn starts, YYYY-MM-DD in the schedule's zone (default today)."`
	HandoffTime  string   `json:"handoff_time,omitempty" jsonschema:"maxLength=5" jsonschema_description:"The time of day turns hand off, HH:MM in the schedule's zone (default 09:00)."`
	WorkingHours string   `json:"working_hours,omitempty" jsonschema:"maxLength=11" jsonschema_description:"Limit the rotation to these hours of each day, HH:MM-HH:MM (default: all day)."`
	Team         string   `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The team it belongs to: its ID or name."`
}

// ScheduleCreated is a new schedule and its rotation.
type ScheduleCreated struct {
	Schedule
	// Rotation is the people taking turns, in order.
	Rotation  []Ref     `json:"rotation"`
	TurnHours int       `json:"turn_hours"`
	Start     time.Time `json:"start"`
}

func (s *ScheduleCreated) text() string {
	return fmt.Sprintf("Created schedule %s: turns of %d h from %s, in this order: %s. get_schedule shows the shifts.",
		s.line(), s.TurnHours, fmtTime(s.Start), joinRefs(s.Rotation))
}

var createSchedule = &tool[createScheduleIn, *ScheduleCreated]{
	spec: spec{
		name:    "create_schedule",
		title:   "Create a rotation schedule",
		toolset: ToolsetSchedules,
		write:   true,
		description: `Creates an on-call schedule with one rotation: the users take turns in the order given, daily, weekly or every two weeks, handing off at a time of day in the schedule's zone, optionally only within working hours.
Add it to an escalation policy in PagerDuty to page its on-call. Returns the schedule with its ID.`,
		notFound: "list_users or list_teams",
	},
	handler: func(ctx context.Context, c *call, in createScheduleIn) (*ScheduleCreated, error) {
		loc, err := time.LoadLocation(strings.TrimSpace(in.TimeZone))
		if err != nil || in.TimeZone == "Local" {
			return nil, argError("time_zone", "%q is not an IANA time zone such as Europe/Berlin or America/New_York", truncate(in.TimeZone, 40))
		}
		turn := map[string]time.Duration{"": 7 * 24 * time.Hour, "daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour, "biweekly": 14 * 24 * time.Hour}[in.Turn]
		day := c.now.In(loc)
		if in.StartDate != "" {
			if day, err = time.ParseInLocation("2006-01-02", in.StartDate, loc); err != nil {
				return nil, argError("start_date", "%q is not a date: use YYYY-MM-DD, such as 2026-12-01", truncate(in.StartDate, 20))
			}
		}
		hh, mm, err := clock("handoff_time", firstNonEmpty(in.HandoffTime, "09:00"))
		if err != nil {
			return nil, err
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), hh, mm, 0, 0, loc)
		layer := pagerduty.ScheduleLayerParams{Name: "Rotation", Start: start, RotationTurnLength: turn}
		if in.WorkingHours != "" {
			from, to, ok := strings.Cut(in.WorkingHours, "-")
			if !ok {
				return nil, argError("working_hours", "%q is not HH:MM-HH:MM, such as 09:00-17:00", truncate(in.WorkingHours, 20))
			}
			fh, fm, err := clock("working_hours", from)
			if err != nil {
				return nil, err
			}
			th, tm, err := clock("working_hours", to)
			if err != nil {
				return nil, err
			}
			dur := (th*60 + tm - fh*60 - fm) * 60
			if dur <= 0 {
				dur += 24 * 3600
			}
			layer.Restrictions = []pagerduty.Restriction{{Type: pagerduty.DailyRestriction,
				StartTimeOfDay: fmt.Sprintf("%02d:%02d:00", fh, fm), DurationSeconds: dur}}
		}
		out := &ScheduleCreated{TurnHours: int(turn.Hours()), Start: start.UTC()}
		for _, u := range in.Users {
			id, err := resolveUser(ctx, c, "users", u)
			if err != nil {
				return nil, err
			}
			layer.UserIDs = append(layer.UserIDs, id)
		}
		p := &pagerduty.ScheduleParams{Name: strings.TrimSpace(in.Name), TimeZone: loc.String(), Layers: []pagerduty.ScheduleLayerParams{layer}}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &p.TeamIDs); err != nil {
			return nil, err
		}
		s, err := c.client.Schedules.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		out.Schedule = trimSchedule(s)
		names := map[string]string{}
		for _, u := range s.Users {
			names[u.ID] = u.Summary
		}
		for _, id := range layer.UserIDs {
			out.Rotation = append(out.Rotation, Ref{ID: id, Name: names[id]})
		}
		return out, nil
	},
}

// clock reads a time of day, HH:MM.
func clock(arg, v string) (int, int, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(v))
	if err != nil {
		return 0, 0, argError(arg, "%q is not a time of day: use HH:MM, such as 09:00", truncate(v, 20))
	}
	return t.Hour(), t.Minute(), nil
}
