package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Override puts a user on call on a schedule in place of its rotations.
type Override struct {
	ID    string    `json:"id"`
	User  Ref       `json:"user"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

func trimOverride(o *pagerduty.Override) Override {
	out := Override{ID: o.ID, Start: o.Start.UTC(), End: o.End.UTC()}
	if u := o.User; u != nil {
		out.User = *refOf(u.ID, "", u.Summary)
	}
	return out
}

func (o *Override) line() string {
	return fmt.Sprintf("%s %s to %s: %s", o.ID, fmtTime(o.Start), fmtTime(o.End), o.User.String())
}

type listOverridesIn struct {
	Schedule string `json:"schedule" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The schedule: its ID or name."`
	Since    string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the period (default now): RFC 3339, a date, \"now\", or a duration back from now (30d)."`
	Until    string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the period (default 30 days after since), RFC 3339 or a date."`
}

// OverrideList is the overrides of a schedule over a period.
type OverrideList struct {
	Schedule  string     `json:"schedule_id"`
	Overrides []Override `json:"overrides"`
	// More reports overrides cut from the answer (at most 100).
	More bool `json:"more,omitempty"`
}

func (l *OverrideList) text() string {
	if len(l.Overrides) == 0 {
		return "No overrides on schedule " + l.Schedule + " in this period."
	}
	s := plural(len(l.Overrides), "override") + " on schedule " + l.Schedule + ":" + lines(l.Overrides, (*Override).line)
	if l.More {
		s += "\n(cut at 100: ask for a shorter period)"
	}
	return s
}

var listScheduleOverrides = &tool[listOverridesIn, *OverrideList]{
	spec: spec{
		name:    "list_schedule_overrides",
		title:   "List schedule overrides",
		toolset: ToolsetSchedules,
		description: `Lists the overrides of a schedule over a period (default the next 30 days), one line each: override ID, start, end, and the user on call instead.
Use it to review coverage changes or to find the IDs delete_schedule_overrides needs.`,
		notFound: "list_schedules",
	},
	handler: func(ctx context.Context, c *call, in listOverridesIn) (*OverrideList, error) {
		since, until, err := window(c, in.Since, in.Until, 30*24*time.Hour, 366*24*time.Hour)
		if err != nil {
			return nil, err
		}
		id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
		if err != nil {
			return nil, err
		}
		os, err := c.client.Schedules.ListOverrides(ctx, id, &pagerduty.ListOverridesOptions{Since: since, Until: until, Overflow: true})
		if err != nil {
			return nil, err
		}
		out := &OverrideList{Schedule: id, Overrides: []Override{}}
		for i := range os {
			if len(out.Overrides) == maxShifts {
				out.More = true
				break
			}
			out.Overrides = append(out.Overrides, trimOverride(&os[i]))
		}
		return out, nil
	},
}

type createOverrideIn struct {
	Schedule string   `json:"schedule" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The schedule: its ID or name."`
	User     string   `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Who goes on call: \"me\", an ID, a name or an email."`
	Start    string   `json:"start,omitempty" jsonschema:"maxLength=40" jsonschema_description:"When the override starts (default now): RFC 3339 (2026-01-31T14:00:00Z), a date, or \"now\"."`
	End      string   `json:"end,omitempty" jsonschema:"maxLength=40" jsonschema_description:"When it ends: RFC 3339 or a date."`
	Covering string   `json:"covering,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Cover only this user's shifts between start and end (a vacation, a swap): one override per shift. \"me\", an ID, a name or an email."`
	Periods  []string `json:"periods,omitempty" jsonschema:"maxItems=50,uniqueItems=true" jsonschema_description:"Instead of start and end, several periods at once, each start/end in RFC 3339: 2026-12-24T18:00:00Z/2026-12-26T09:00:00Z."`
}

// OverridesCreated is the outcome of creating overrides.
type OverridesCreated struct {
	Schedule string     `json:"schedule_id"`
	Created  []Override `json:"created"`
	Failed   []Failure  `json:"failed,omitempty"`
}

func (r *OverridesCreated) text() string {
	if len(r.Created) == 0 && len(r.Failed) == 0 {
		return "Nothing to cover: the user has no shift on schedule " + r.Schedule + " in this period."
	}
	s := "Created " + plural(len(r.Created), "override") + " on schedule " + r.Schedule + ":" + lines(r.Created, (*Override).line)
	for _, f := range r.Failed {
		s += "\nNot created, " + f.Item + ": " + f.Error
	}
	return s
}

var createScheduleOverride = &tool[createOverrideIn, *OverridesCreated]{
	spec: spec{
		name:    "create_schedule_override",
		title:   "Override a schedule",
		toolset: ToolsetSchedules,
		write:   true,
		description: `Puts a user on call on a schedule from start (default now) to end, in place of whoever the rotation has. For an emergency, omit start; for several periods at once (holidays), give periods.
With covering, it takes over only that user's shifts in the period, one override per shift: for a vacation ("cover Ana next week") or a swap (call it twice, once each way).
Returns the overrides with their IDs; those PagerDuty refused are listed with its reason.`,
		notFound: "list_schedules or list_users",
	},
	handler: func(ctx context.Context, c *call, in createOverrideIn) (*OverridesCreated, error) {
		var periods []Period
		switch {
		case len(in.Periods) > 0 && (in.Start != "" || in.End != "" || in.Covering != ""):
			return nil, argError("periods", "give periods, or start and end (with covering): not both")
		case len(in.Periods) > 0:
			for _, p := range in.Periods {
				from, to, ok := strings.Cut(p, "/")
				if !ok {
					return nil, argError("periods", "%q is not start/end, such as 2026-12-24T18:00:00Z/2026-12-26T09:00:00Z", truncate(p, 60))
				}
				start, end, err := overridePeriod(c, from, to)
				if err != nil {
					return nil, argError("periods", "%q: %s", truncate(p, 60), strings.TrimPrefix(err.Error(), "Invalid argument "))
				}
				periods = append(periods, Period{Start: start, End: end})
			}
		case in.End == "":
			return nil, argError("end", "say when the override ends (RFC 3339 or a date), or give periods")
		default:
			start, end, err := overridePeriod(c, firstNonEmpty(in.Start, "now"), in.End)
			if err != nil {
				return nil, err
			}
			periods = []Period{{Start: start, End: end}}
		}
		start, end := periods[0].Start, periods[0].End
		id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
		if err != nil {
			return nil, err
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		want := make([]pagerduty.OverrideParams, 0, len(periods))
		for _, p := range periods {
			want = append(want, pagerduty.OverrideParams{Start: p.Start, End: p.End, UserID: user})
		}
		if in.Covering != "" {
			covered, err := resolveUser(ctx, c, "covering", in.Covering)
			if err != nil {
				return nil, err
			}
			if covered == user {
				return nil, argError("covering", "it is the same user as user: name the person whose shifts are taken over")
			}
			s, err := c.client.Schedules.Get(ctx, id, &pagerduty.GetScheduleOptions{Since: start, Until: end, TimeZone: "UTC"})
			if err != nil {
				return nil, err
			}
			d := renderSchedule(s, start.UTC(), end.UTC(), covered)
			want = want[:0]
			for _, sh := range d.Shifts {
				want = append(want, pagerduty.OverrideParams{Start: maxTime(sh.Start, start), End: minTime(sh.End, end), UserID: user})
			}
			if len(want) == 0 {
				return &OverridesCreated{Schedule: id, Created: []Override{}}, nil
			}
		}
		res, err := c.client.Schedules.CreateOverrides(ctx, id, want)
		if err != nil {
			return nil, err
		}
		out := &OverridesCreated{Schedule: id, Created: []Override{}}
		for i := range res {
			r := &res[i]
			if r.Status >= 200 && r.Status < 300 || (r.Status == 0 && len(r.Errors) == 0) {
				out.Created = append(out.Created, trimOverride(&r.Override))
				continue
			}
			o := trimOverride(&r.Override)
			out.Failed = append(out.Failed, Failure{Item: fmtTime(o.Start) + " to " + fmtTime(o.End), Error: strings.Join(r.Errors, "; ")})
		}
		if len(out.Created) == 0 && len(out.Failed) > 0 {
			return nil, userError("PagerDuty created no override.\n%s", out.text())
		}
		return out, nil
	},
}

type deleteOverrideIn struct {
	Schedule  string   `json:"schedule" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The schedule: its ID or name."`
	Overrides []string `json:"overrides" jsonschema:"required,minItems=1,maxItems=50,uniqueItems=true" jsonschema_description:"The IDs of the overrides to delete, from list_schedule_overrides."`
}

// OverridesDeleted says what happened to each override.
type OverridesDeleted struct {
	Schedule string `json:"schedule_id"`
	// Deleted were removed; Truncated were under way and were ended now
	// instead.
	Deleted   []string `json:"deleted"`
	Truncated []string `json:"truncated,omitempty"`
	// Failed could not be deleted, with the reason (PagerDuty keeps
	// overrides that have already ended).
	Failed []Failure `json:"failed,omitempty"`
}

func (d *OverridesDeleted) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Schedule %s: deleted %s", d.Schedule, plural(len(d.Deleted), "override"))
	if len(d.Deleted) > 0 {
		b.WriteString(" (" + strings.Join(d.Deleted, ", ") + ")")
	}
	b.WriteString(".")
	if len(d.Truncated) > 0 {
		b.WriteString("\nUnder way, so ended now instead: " + strings.Join(d.Truncated, ", ") + ".")
	}
	for _, f := range d.Failed {
		b.WriteString("\nNot deleted, " + f.Item + ": " + f.Error)
	}
	return b.String()
}

var deleteScheduleOverrides = &tool[deleteOverrideIn, *OverridesDeleted]{
	spec: spec{
		name:        "delete_schedule_overrides",
		title:       "Delete schedule overrides",
		toolset:     ToolsetSchedules,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Deletes overrides of a schedule: future ones are removed, ones under way are ended now; the rotation takes over again.
PagerDuty keeps overrides that have already ended: those are reported as not deleted, and there is nothing to clean up for them.`,
		notFound: "list_schedule_overrides",
	},
	handler: func(ctx context.Context, c *call, in deleteOverrideIn) (*OverridesDeleted, error) {
		for _, o := range in.Overrides {
			if _, err := checkID("overrides", o); err != nil {
				return nil, err
			}
		}
		id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
		if err != nil {
			return nil, err
		}
		out := &OverridesDeleted{Schedule: id, Deleted: []string{}}
		for i, o := range in.Overrides {
			truncated, err := c.client.Schedules.DeleteOverride(ctx, id, strings.TrimSpace(o))
			switch {
			case err != nil:
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				out.Failed = append(out.Failed, Failure{Item: o, Error: describeError(&deleteOverrideSpec, err)})
			case truncated:
				out.Truncated = append(out.Truncated, o)
			default:
				out.Deleted = append(out.Deleted, o)
			}
			c.progress(ctx, float64(i+1), float64(len(in.Overrides)), "override "+o)
		}
		if len(out.Deleted)+len(out.Truncated) == 0 {
			return nil, userError("No override was deleted.\n%s", out.text())
		}
		return out, nil
	},
}

var deleteOverrideSpec = spec{notFound: "list_schedule_overrides"}

// overridePeriod reads the start and end of an override: the end after
// the start, and in the future.
func overridePeriod(c *call, from, to string) (time.Time, time.Time, error) {
	start, err := parseTime("start", from, c.now)
	if err != nil {
		return start, start, err
	}
	end, err := parseTime("end", to, c.now)
	if err != nil {
		return start, end, err
	}
	if !end.After(start) {
		return start, end, argError("end", "it must be after start (%s)", start.UTC().Format(time.RFC3339))
	}
	if !end.After(c.now) {
		return start, end, argError("end", "it is in the past: an override must end in the future")
	}
	return start, end, nil
}
