package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

type payrollIn struct {
	Schedule         string `json:"schedule,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Schedule (ID or name)."`
	Team             string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Team (ID or name): everyone on call on its escalation policies."`
	EscalationPolicy string `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Escalation policy (ID or name)."`
	Since            string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Period start (default 30d): RFC 3339, a date, or a duration ago."`
	Until            string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Period end (default now); at most 90 days after since."`
	TimeZone         string `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone of the rows, days, nights and weekends, such as Europe/Berlin (default: each user's, or the schedule's)."`
	SplitDaily       bool   `json:"split_daily,omitempty" jsonschema_description:"One row per local day instead of per shift."`
}

// PayrollExport is the totals of a payroll export; its text carries the
// CSV.
type PayrollExport struct {
	Since    time.Time `json:"since"`
	Until    time.Time `json:"until"`
	TimeZone string    `json:"time_zone,omitempty"`
	// Source says where the shifts came from: a schedule or on-call
	// entries.
	Source string `json:"source"`
	// Rows counts the CSV's shift rows.
	Rows int `json:"rows"`
	// Totals holds each person's hours, night hours and weekend hours.
	Totals       []insights.PayrollTotal `json:"totals"`
	Hours        float64                 `json:"hours"`
	NightHours   float64                 `json:"night_hours"`
	WeekendHours float64                 `json:"weekend_hours"`
	Method       string                  `json:"method"`
	// Truncated reports that not every on-call entry could be read.
	Truncated bool `json:"truncated,omitempty"`
	csv       string
}

func (p *PayrollExport) text() string {
	var b strings.Builder
	zone := p.TimeZone
	if zone == "" {
		zone = "each user's own zone"
	}
	people := fmt.Sprintf("%d people", len(p.Totals))
	if len(p.Totals) == 1 {
		people = "1 person"
	}
	fmt.Fprintf(&b, "On-call payroll from %s to %s (%s), from %s: %s, %s, %.2f h (%.2f night, %.2f weekend).",
		fmtTime(p.Since), fmtTime(p.Until), zone, p.Source, people, plural(p.Rows, "row"), p.Hours, p.NightHours, p.WeekendHours)
	if p.Truncated {
		fmt.Fprintf(&b, "\nPARTIAL DATA: only the first %d on-call entries were read: shorten the period for a complete export.", maxOnCallEntries)
	}
	b.WriteString("\nMethod: " + p.Method)
	b.WriteString("\nCSV (one row per shift, a total row per person, a TOTAL row):\n```csv\n" + p.csv + "```")
	return b.String()
}

// payrollShifts reads the shifts of a payroll export: a schedule's final
// schedule, or the on-call entries of a team's or a policy's levels.
func payrollShifts(ctx context.Context, c *call, in payrollIn, since, until time.Time) ([]insights.Shift, string, bool, error) {
	if in.Schedule != "" {
		id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
		if err != nil {
			return nil, "", false, err
		}
		s, err := c.client.Schedules.Get(ctx, id, &pagerduty.GetScheduleOptions{Since: since, Until: until, TimeZone: "UTC"})
		if err != nil {
			return nil, "", false, err
		}
		return insights.ShiftsFromSchedule(s), "the final schedule of " + (&Ref{ID: s.ID, Name: firstNonEmpty(s.Name, s.Summary)}).String(), false, nil
	}
	var ids []string
	source := "the on-call entries of "
	if in.Team != "" {
		id, err := resolveTeam(ctx, c, "team", in.Team)
		if err != nil {
			return nil, "", false, err
		}
		p, err := c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, TeamIDs: []string{id}})
		if err != nil {
			return nil, "", false, err
		}
		if len(p.Items) == 0 {
			return nil, "", false, userError("Team %s has no escalation policy, so nobody is on call for it.", id)
		}
		for _, ep := range p.Items {
			ids = append(ids, ep.ID)
		}
		source += "team " + id + "'s escalation policies"
	} else {
		id, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
		if err != nil {
			return nil, "", false, err
		}
		ids = []string{id}
		source += "escalation policy " + id
	}
	ocs, more, err := policyShifts(ctx, c, ids, since, until, false)
	if err != nil {
		return nil, "", false, err
	}
	return insights.ShiftsFromOnCalls(ocs), source + " (users named directly, always on call, are left out)", more, nil
}

var exportOnCallPayroll = &tool[payrollIn, *PayrollExport]{
	spec: spec{
		name:    "export_oncall_payroll",
		title:   "Export on-call shifts for payroll (CSV)",
		toolset: ToolsetAnalytics,
		description: `Exports on-call shifts for payroll as CSV (in the text) over a period (default 30 days, at most 90) in a time zone: a row per shift or per day (split_daily) with hours, night (22-06) and weekend hours, and totals per person (structured content). Give one of schedule, team or escalation_policy.
Method: a schedule's final shifts, or the on-call entries of the policies; each person's shifts clipped to the period and overlaps joined (paid once).`,
		notFound: "list_schedules, list_teams or list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in payrollIn) (*PayrollExport, error) {
		n := 0
		for _, v := range []string{in.Schedule, in.Team, in.EscalationPolicy} {
			if v != "" {
				n++
			}
		}
		if n != 1 {
			return nil, argError("schedule", "give exactly one of schedule, team or escalation_policy (an ID or a name)")
		}
		since, until, err := window(c, firstNonEmpty(in.Since, "30d"), firstNonEmpty(in.Until, "now"), 0, 90*24*time.Hour)
		if err != nil {
			return nil, err
		}
		if err := checkZone("time_zone", in.TimeZone); err != nil {
			return nil, err
		}
		shifts, source, truncated, err := payrollShifts(ctx, c, in, since, until)
		if err != nil {
			return nil, err
		}
		rep, err := insights.Payroll(shifts, insights.PayrollOptions{Window: insights.Window{Start: since, End: until},
			Truncated: truncated, TimeZone: in.TimeZone, SplitDaily: in.SplitDaily})
		if err != nil {
			return nil, reportError(err)
		}
		var csv strings.Builder
		if err := rep.WriteCSV(&csv); err != nil {
			return nil, reportError(err)
		}
		return &PayrollExport{Since: since, Until: until, TimeZone: in.TimeZone, Source: source, Rows: len(rep.Rows),
			Totals: rep.Totals, Hours: rep.Hours, NightHours: rep.NightHours, WeekendHours: rep.WeekendHours,
			Method: rep.Method, Truncated: truncated, csv: csv.String()}, nil
	},
}
