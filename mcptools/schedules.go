package mcptools

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// resolveSchedule turns a schedule argument (an ID or a name) into an ID.
func resolveSchedule(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "schedule", v, func(q string) (*pagerduty.Page[pagerduty.Schedule], error) {
		return c.client.Schedules.ListPage(ctx, &pagerduty.ListSchedulesOptions{ListOptions: firstPage, Query: q})
	}, func(s *pagerduty.Schedule) (string, string) { return s.ID, s.Name })
}

// Schedule is the trimmed schedule tools answer with.
type Schedule struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	TimeZone string `json:"time_zone,omitempty"`
	Teams    []Ref  `json:"teams,omitempty"`
	URL      string `json:"url,omitempty"`
}

func trimSchedule(s *pagerduty.Schedule) Schedule {
	out := Schedule{ID: s.ID, Name: firstNonEmpty(s.Name, s.Summary), TimeZone: s.TimeZone, URL: s.HTMLURL}
	for _, t := range s.Teams {
		out.Teams = append(out.Teams, *refOf(t.ID, "", t.Summary))
	}
	return out
}

func (s *Schedule) line() string {
	out := s.Name + " (" + s.ID + ")"
	if s.TimeZone != "" {
		out += ", " + s.TimeZone
	}
	if len(s.Teams) > 0 {
		out += " - teams " + joinRefs(s.Teams)
	}
	return out
}

type listSchedulesIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep schedules whose name contains this text."`
	Team   string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep schedules of this team: its ID or name."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many schedules to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// ScheduleList is a page of schedules.
type ScheduleList struct {
	Schedules []Schedule `json:"schedules"`
	PageInfo
}

func (l *ScheduleList) text() string {
	return l.header(len(l.Schedules), "schedule") + lines(l.Schedules, (*Schedule).line) + l.footer()
}

var listSchedules = &tool[listSchedulesIn, *ScheduleList]{
	spec: spec{
		name:    "list_schedules",
		title:   "List schedules",
		toolset: ToolsetSchedules,
		description: `Lists on-call schedules, one line each: name, ID, time zone, teams.
Use it to find a schedule; get_schedule shows who is on call on it and when. Tools that take a schedule also accept its name.
Pages of limit schedules (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listSchedulesIn) (*ScheduleList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_schedules", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListSchedulesOptions{ListOptions: pg.options(), Query: strings.TrimSpace(in.Query)}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		p, err := c.client.Schedules.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &ScheduleList{Schedules: trimEach(p.Items, trimSchedule), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type getScheduleIn struct {
	Schedule string `json:"schedule" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The schedule: its ID or name."`
	Since    string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the period (default now): RFC 3339 (2026-01-31T14:00:00Z), a date (2026-01-31), \"now\", or a duration back from now (7d)."`
	Until    string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the period (default 7 days after since): RFC 3339 or a date. At most 90 days after since."`
	User     string `json:"user,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Show only this user's shifts: \"me\", an ID, a name or an email."`
}

// Shift is a period one user is on call on a schedule.
type Shift struct {
	User  Ref       `json:"user"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

func (s *Shift) line() string {
	return fmtTime(s.Start) + " to " + fmtTime(s.End) + ": " + s.User.String()
}

// UserHours sums one user's on-call time over the period.
type UserHours struct {
	User   Ref     `json:"user"`
	Hours  float64 `json:"hours"`
	Shifts int     `json:"shifts"`
}

// Period is a span of time.
type Period struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// ScheduleDetail is who is on call on a schedule over a period: the shifts
// of its final schedule (layers and overrides combined), the hours of each
// person, and the gaps nobody covers.
type ScheduleDetail struct {
	Schedule
	Since  time.Time   `json:"since"`
	Until  time.Time   `json:"until"`
	Shifts []Shift     `json:"shifts"`
	Hours  []UserHours `json:"hours"`
	// Gaps are the parts of the period with nobody on call (computed from
	// the shifts; absent when a user filter is given).
	Gaps []Period `json:"gaps,omitempty"`
	// MoreShifts reports shifts cut from the answer (at most 100).
	MoreShifts bool `json:"more_shifts,omitempty"`
}

const maxShifts = 100

func (d *ScheduleDetail) text() string {
	var b strings.Builder
	b.WriteString(d.line())
	fmt.Fprintf(&b, "\nFrom %s to %s:", fmtTime(d.Since), fmtTime(d.Until))
	for _, h := range d.Hours {
		fmt.Fprintf(&b, "\n%s: %.1f h in %s", h.User.String(), h.Hours, plural(h.Shifts, "shift"))
	}
	if len(d.Gaps) > 0 {
		b.WriteString("\nGaps with nobody on call:")
		for _, g := range d.Gaps {
			b.WriteString("\n" + fmtTime(g.Start) + " to " + fmtTime(g.End))
		}
	}
	b.WriteString("\nShifts:" + lines(d.Shifts, (*Shift).line))
	if d.MoreShifts {
		fmt.Fprintf(&b, "\n(cut at %d shifts: ask for a shorter period)", maxShifts)
	}
	return b.String()
}

// window reads a since/until pair with defaults: now, and since plus def.
func window(c *call, since, until string, def, most time.Duration) (time.Time, time.Time, error) {
	s, err := parseTime("since", firstNonEmpty(since, "now"), c.now)
	if err != nil {
		return s, s, err
	}
	u := s.Add(def)
	if until != "" {
		if u, err = parseTime("until", until, c.now); err != nil {
			return s, u, err
		}
	}
	if !u.After(s) {
		return s, u, argError("until", "it must be after since (%s)", s.UTC().Format(time.RFC3339))
	}
	if u.Sub(s) > most {
		return s, u, argError("until", "the period is longer than %d days, the most this tool covers: shorten it", int(most.Hours()/24))
	}
	return s.UTC(), u.UTC(), nil
}

var getSchedule = &tool[getScheduleIn, *ScheduleDetail]{
	spec: spec{
		name:    "get_schedule",
		title:   "Get a schedule's shifts",
		toolset: ToolsetSchedules,
		description: `Shows who is on call on a schedule over a period (default the next 7 days, at most 90): every shift of the final schedule (rotations and overrides combined), the hours and shift count of each person, and the gaps where nobody is on call.
Use it for "who is on call this weekend on X", "on-call hours per person last month", "gaps in coverage", or to find a user's shifts before covering them with create_schedule_override. Hours and gaps are computed from the shifts, clipped to the period.`,
		notFound: "list_schedules",
	},
	handler: func(ctx context.Context, c *call, in getScheduleIn) (*ScheduleDetail, error) {
		since, until, err := window(c, in.Since, in.Until, 7*24*time.Hour, 90*24*time.Hour)
		if err != nil {
			return nil, err
		}
		id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
		if err != nil {
			return nil, err
		}
		var only string
		if err := resolveOptional(ctx, c, "user", in.User, resolveUser, &only); err != nil {
			return nil, err
		}
		s, err := c.client.Schedules.Get(ctx, id, &pagerduty.GetScheduleOptions{Since: since, Until: until, TimeZone: "UTC"})
		if err != nil {
			return nil, err
		}
		return renderSchedule(s, since, until, only), nil
	},
}

// renderSchedule builds the detail of s over since..until, computing hours
// per user and the gaps from the final schedule's entries.
func renderSchedule(s *pagerduty.Schedule, since, until time.Time, only string) *ScheduleDetail {
	d := &ScheduleDetail{Schedule: trimSchedule(s), Since: since, Until: until, Shifts: []Shift{}, Hours: []UserHours{}}
	var entries []pagerduty.ScheduleEntry
	if s.FinalSchedule != nil {
		entries = s.FinalSchedule.RenderedScheduleEntries
	}
	slices.SortStableFunc(entries, func(a, b pagerduty.ScheduleEntry) int { return a.Start.Compare(b.Start) })
	hours := map[string]*UserHours{}
	var order []string
	cursor := since
	for _, e := range entries {
		if e.User == nil {
			continue
		}
		start, end := maxTime(e.Start, since), minTime(e.End, until)
		if !end.After(start) {
			continue
		}
		if only == "" && start.After(cursor) {
			d.Gaps = append(d.Gaps, Period{Start: cursor, End: start})
		}
		cursor = maxTime(cursor, end)
		if only != "" && e.User.ID != only {
			continue
		}
		who := *refOf(e.User.ID, "", e.User.Summary)
		h := hours[who.ID]
		if h == nil {
			h = &UserHours{User: who}
			hours[who.ID] = h
			order = append(order, who.ID)
		}
		h.Hours += end.Sub(start).Hours()
		h.Shifts++
		if len(d.Shifts) < maxShifts {
			d.Shifts = append(d.Shifts, Shift{User: who, Start: e.Start.UTC(), End: e.End.UTC()})
		} else {
			d.MoreShifts = true
		}
	}
	if only == "" && until.After(cursor) {
		d.Gaps = append(d.Gaps, Period{Start: cursor, End: until})
	}
	for _, id := range order {
		h := *hours[id]
		h.Hours = float64(int(h.Hours*10+0.5)) / 10
		d.Hours = append(d.Hours, h)
	}
	slices.SortStableFunc(d.Hours, func(a, b UserHours) int {
		switch {
		case a.Hours > b.Hours:
			return -1
		case a.Hours < b.Hours:
			return 1
		}
		return 0
	})
	return d
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
