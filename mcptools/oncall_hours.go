package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

type oncallHoursIn struct {
	Team             string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The people on call for this team's escalation policies: its ID or name."`
	Schedule         string `json:"schedule,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The people on call on this schedule: its ID or name."`
	EscalationPolicy string `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The people on call on this escalation policy: its ID or name."`
	Since            string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the period (default 30d): RFC 3339, a date, or a duration back from now."`
	Until            string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the period (default now); at most 90 days after since."`
	TimeZone         string `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone for night (22-06) and weekend hours, such as Europe/Berlin (default: each user's own)."`
	IncludeDirect    bool   `json:"include_direct,omitempty" jsonschema_description:"Also count users an escalation policy names directly, who are on call all the time (default false)."`
}

// PersonLoad is one person's on-call load over the period.
type PersonLoad struct {
	User         Ref     `json:"user"`
	Hours        float64 `json:"hours"`
	NightHours   float64 `json:"night_hours"`
	WeekendHours float64 `json:"weekend_hours"`
	Shifts       int     `json:"shifts"`
	// Deviation is Hours minus the mean of everyone's hours.
	Deviation float64 `json:"deviation"`
}

// OnCallHours is the on-call load of each person and how evenly it is
// spread.
type OnCallHours struct {
	Since  time.Time    `json:"since"`
	Until  time.Time    `json:"until"`
	People []PersonLoad `json:"people"`
	// Mean, StdDev and Spread (max minus min) summarise the hours.
	Mean   float64 `json:"mean_hours"`
	StdDev float64 `json:"stddev_hours"`
	Spread float64 `json:"spread_hours"`
	// Method says how the figures were computed.
	Method string `json:"method"`
	// Truncated reports that not every on-call entry could be read.
	Truncated bool `json:"truncated,omitempty"`
}

func (h *OnCallHours) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "On-call hours from %s to %s, %s:", fmtTime(h.Since), fmtTime(h.Until), plural(len(h.People), "person"))
	for _, p := range h.People {
		fmt.Fprintf(&b, "\n%s: %.1f h (%.1f night, %.1f weekend) in %s, %+.1f vs mean", p.User.String(), p.Hours, p.NightHours, p.WeekendHours, plural(p.Shifts, "shift"), p.Deviation)
	}
	fmt.Fprintf(&b, "\nMean %.1f h, standard deviation %.1f h, spread %.1f h.", h.Mean, h.StdDev, h.Spread)
	if h.Truncated {
		fmt.Fprintf(&b, "\nOnly the first %d on-call entries were read: narrow the period or the filter for exact figures.", maxOnCallEntries)
	}
	b.WriteString("\nMethod: " + h.Method)
	return b.String()
}

// maxOnCallEntries bounds the entries one call reads.
const maxOnCallEntries = 5000

var getOnCallHours = &tool[oncallHoursIn, *OnCallHours]{
	spec: spec{
		name:    "get_oncall_hours",
		title:   "On-call hours and balance",
		toolset: ToolsetAnalytics,
		description: `Computes each person's on-call load over a period (default the last 30 days): hours, night and weekend hours, shift count, and how evenly the load is spread (mean, standard deviation, each person's deviation).
Use it for "on-call hours per person", "is the on-call load fair". Filter by team, schedule or escalation policy (names work). Computed from PagerDuty's on-call entries; the answer states the method.`,
		notFound: "list_teams, list_schedules or list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in oncallHoursIn) (*OnCallHours, error) {
		since, until, err := window(c, firstNonEmpty(in.Since, "30d"), firstNonEmpty(in.Until, "now"), 0, 90*24*time.Hour)
		if err != nil {
			return nil, err
		}
		if in.TimeZone != "" {
			if _, err := time.LoadLocation(in.TimeZone); err != nil || in.TimeZone == "Local" {
				return nil, argError("time_zone", "%q is not an IANA time zone such as Europe/Berlin or America/New_York", truncate(in.TimeZone, 40))
			}
		}
		opts := &pagerduty.ListOnCallsOptions{Since: since, Until: until, TimeZone: "UTC",
			Includes: []pagerduty.OnCallInclude{pagerduty.IncludeOnCallUsers}}
		if in.Team != "" {
			if opts.EscalationPolicyIDs, err = teamPolicyIDs(ctx, c, in.Team, ""); err != nil {
				return nil, err
			}
		}
		if err := resolveInto(ctx, c, "escalation_policy", in.EscalationPolicy, resolveEscalationPolicy, &opts.EscalationPolicyIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "schedule", in.Schedule, resolveSchedule, &opts.ScheduleIDs); err != nil {
			return nil, err
		}
		var entries []pagerduty.OnCall
		truncated := false
		for oc, err := range c.client.OnCalls.List(ctx, opts) {
			if err != nil {
				return nil, err
			}
			if !in.IncludeDirect && oc.Start.IsZero() && oc.End.IsZero() {
				continue
			}
			if len(entries) == maxOnCallEntries {
				truncated = true
				break
			}
			entries = append(entries, oc)
			if len(entries)%pagerduty.MaxPageSize == 0 {
				c.progress(ctx, float64(len(entries)), 0, fmt.Sprintf("read %d on-call entries", len(entries)))
			}
		}
		rep, err := insights.OnCallHours(insights.ShiftsFromOnCalls(entries), insights.HoursOptions{
			Window: insights.Window{Start: since, End: until}, Truncated: truncated, TimeZone: in.TimeZone})
		if err != nil {
			return nil, err
		}
		out := &OnCallHours{Since: since, Until: until, People: make([]PersonLoad, 0, len(rep.People)), Method: rep.Method,
			Mean: rep.Balance.Mean, StdDev: rep.Balance.StdDev, Spread: rep.Balance.Spread, Truncated: truncated}
		for _, p := range rep.People {
			out.People = append(out.People, PersonLoad{User: Ref{ID: p.UserID, Name: p.UserName}, Hours: p.Hours,
				NightHours: p.NightHours, WeekendHours: p.WeekendHours, Shifts: p.Shifts, Deviation: p.Deviation})
		}
		return out, nil
	},
}
