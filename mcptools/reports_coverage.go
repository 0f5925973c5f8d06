package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

type coverageIn struct {
	Schedule         string `json:"schedule,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Schedule (ID or name); or give escalation_policy."`
	EscalationPolicy string `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Escalation policy (ID or name): covered while any level is."`
	Since            string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default now): RFC 3339, a date, or a duration ago."`
	Until            string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default since + 14 days); at most 90 days after since."`
}

// CoverageGaps lists the times nobody is on call.
type CoverageGaps struct {
	// Schedule or EscalationPolicy is what was checked.
	Schedule         *Ref      `json:"schedule,omitempty"`
	EscalationPolicy *Ref      `json:"escalation_policy,omitempty"`
	Since            time.Time `json:"since"`
	Until            time.Time `json:"until"`
	// Shifts counts the shifts (or on-call entries) read.
	Shifts int `json:"shifts_read"`
	*insights.CoverageReport
}

// maxGapLines bounds the gaps the text lists.
const maxGapLines = 50

func gapLines(b *strings.Builder, gaps []insights.Gap, indent string) {
	for i, g := range gaps {
		if i == maxGapLines {
			fmt.Fprintf(b, "\n%s... and %d more (all are in the structured content)", indent, len(gaps)-i)
			return
		}
		fmt.Fprintf(b, "\n%s%s to %s (%.1f h)", indent, fmtTime(g.Start), fmtTime(g.End), g.Hours)
	}
}

func (g *CoverageGaps) text() string {
	var b strings.Builder
	what := "Schedule " + g.Schedule.String()
	if g.EscalationPolicy != nil {
		what = "Escalation policy " + g.EscalationPolicy.String()
	}
	fmt.Fprintf(&b, "%s from %s to %s (%s read): ", what, fmtTime(g.Since), fmtTime(g.Until), plural(g.Shifts, "shift"))
	if len(g.Gaps) == 0 {
		b.WriteString("covered all the time, no gap.")
	} else {
		fmt.Fprintf(&b, "%s, %.1f h uncovered, %.2f%% covered:", plural(len(g.Gaps), "gap"), g.GapHours, g.CoveredPercent)
		gapLines(&b, g.Gaps, "")
	}
	for _, l := range g.Levels {
		if len(l.Gaps) == 0 {
			fmt.Fprintf(&b, "\nLevel %d alone: always covered.", l.Level)
			continue
		}
		fmt.Fprintf(&b, "\nLevel %d alone: %s, %.1f h uncovered (%.2f%% covered):", l.Level, plural(len(l.Gaps), "gap"), l.GapHours, l.CoveredPercent)
		gapLines(&b, l.Gaps, "  ")
	}
	if g.Data.Truncated {
		fmt.Fprintf(&b, "\nPARTIAL DATA: only the first %d on-call entries were read, so some gaps may be covered: shorten the window.", maxOnCallEntries)
	}
	b.WriteString("\nMethod: " + g.Method)
	return b.String()
}

// policyShifts lists the on-call entries of a policy over a window, users
// named directly included (they are on call all the time), within
// maxOnCallEntries.
func policyShifts(ctx context.Context, c *call, ids []string, since, until time.Time, direct bool) ([]pagerduty.OnCall, bool, error) {
	opts := &pagerduty.ListOnCallsOptions{Since: since, Until: until, TimeZone: "UTC", EscalationPolicyIDs: ids,
		Includes: []pagerduty.OnCallInclude{pagerduty.IncludeOnCallUsers}}
	var out []pagerduty.OnCall
	for oc, err := range c.client.OnCalls.List(ctx, opts) {
		if err != nil {
			return nil, false, err
		}
		if !direct && oc.Start.IsZero() && oc.End.IsZero() {
			continue
		}
		if len(out) == maxOnCallEntries {
			return out, true, nil
		}
		out = append(out, oc)
		if len(out)%pagerduty.MaxPageSize == 0 {
			c.progress(ctx, float64(len(out)), 0, fmt.Sprintf("read %d on-call entries", len(out)))
		}
	}
	return out, false, ctx.Err()
}

var findCoverageGaps = &tool[coverageIn, *CoverageGaps]{
	spec: spec{
		name:    "find_coverage_gaps",
		title:   "Find gaps in on-call coverage",
		toolset: ToolsetSchedules,
		description: `Finds when nobody is on call on a schedule or an escalation policy over a window (default the next 14 days, at most 90): the gaps, uncovered hours and covered share; for a policy, each level's gaps too.
Method: union of the schedule's final shifts (rotations plus overrides), or of the policy's on-call entries at every level; the rest of the window is a gap.`,
		notFound: "list_schedules or list_escalation_policies",
	},
	handler: func(ctx context.Context, c *call, in coverageIn) (*CoverageGaps, error) {
		if (in.Schedule == "") == (in.EscalationPolicy == "") {
			return nil, argError("schedule", "give either schedule or escalation_policy (an ID or a name), not both and not neither")
		}
		since, until, err := window(c, in.Since, in.Until, 14*24*time.Hour, 90*24*time.Hour)
		if err != nil {
			return nil, err
		}
		w := insights.Window{Start: since, End: until}
		out := &CoverageGaps{Since: since, Until: until}
		var shifts []insights.Shift
		truncated := false
		if in.Schedule != "" {
			id, err := resolveSchedule(ctx, c, "schedule", in.Schedule)
			if err != nil {
				return nil, err
			}
			s, err := c.client.Schedules.Get(ctx, id, &pagerduty.GetScheduleOptions{Since: since, Until: until, TimeZone: "UTC"})
			if err != nil {
				return nil, err
			}
			out.Schedule = &Ref{ID: s.ID, Name: firstNonEmpty(s.Name, s.Summary)}
			shifts = insights.ShiftsFromSchedule(s)
		} else {
			id, err := resolveEscalationPolicy(ctx, c, "escalation_policy", in.EscalationPolicy)
			if err != nil {
				return nil, err
			}
			out.EscalationPolicy = &Ref{ID: id}
			ocs, more, err := policyShifts(ctx, c, []string{id}, since, until, true)
			if err != nil {
				return nil, err
			}
			for _, oc := range ocs {
				if oc.EscalationPolicy != nil && oc.EscalationPolicy.ID == id {
					out.EscalationPolicy.Name = firstNonEmpty(oc.EscalationPolicy.Name, oc.EscalationPolicy.Summary)
					break
				}
			}
			truncated = more
			shifts = insights.ShiftsFromOnCalls(ocs)
		}
		rep, err := insights.CoverageGaps(shifts, insights.CoverageOptions{Window: w, Truncated: truncated})
		if err != nil {
			return nil, reportError(err)
		}
		out.Shifts = len(shifts)
		out.CoverageReport = rep
		return out, nil
	},
}
