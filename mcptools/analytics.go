package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type metricsIn struct {
	Since      string   `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the period (default 30d): RFC 3339, a date (2026-01-01), or a duration back from now (30d, 12w)."`
	Until      string   `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the period (default now), in the same forms."`
	GroupBy    string   `json:"group_by,omitempty" jsonschema:"enum=service,enum=team,enum=escalation_policy" jsonschema_description:"One row per service, team or escalation policy (default: one row for all)."`
	Per        string   `json:"per,omitempty" jsonschema:"enum=day,enum=week,enum=month" jsonschema_description:"One row per day, week or month, for trends (default: the whole period)."`
	Service    string   `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service's incidents: its ID or name."`
	Team       string   `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team's incidents: its ID or name."`
	Urgency    string   `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"Only incidents of this urgency."`
	Priorities []string `json:"priorities,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"Only incidents of these priorities, by name (P1)."`
}

// MetricsRow is the metrics of a set of incidents. Times are in minutes.
type MetricsRow struct {
	// Group is the service, team or policy of the row, when grouped.
	Group *Ref `json:"group,omitempty"`
	// Start is the start of the row's day, week or month, when split.
	Start            time.Time `json:"start,omitzero"`
	Incidents        int       `json:"incidents"`
	MeanAckMinutes   float64   `json:"mean_ack_minutes"`
	P90AckMinutes    float64   `json:"p90_ack_minutes,omitempty"`
	MeanResolveMins  float64   `json:"mean_resolve_minutes"`
	P90ResolveMins   float64   `json:"p90_resolve_minutes,omitempty"`
	Escalations      int       `json:"escalations"`
	AutoResolved     int       `json:"auto_resolved"`
	Interruptions    int       `json:"interruptions"`
	OffHourInterrupt int       `json:"off_hour_interruptions"`
	SleepInterrupt   int       `json:"sleep_hour_interruptions"`
}

func (r *MetricsRow) line() string {
	var b strings.Builder
	if r.Group != nil {
		b.WriteString(r.Group.String() + ": ")
	}
	if !r.Start.IsZero() {
		b.WriteString(r.Start.UTC().Format("2006-01-02") + ": ")
	}
	fmt.Fprintf(&b, "%s, MTTA %.1f min, MTTR %.1f min", plural(r.Incidents, "incident"), r.MeanAckMinutes, r.MeanResolveMins)
	if r.P90ResolveMins > 0 {
		fmt.Fprintf(&b, " (p90 %.1f)", r.P90ResolveMins)
	}
	fmt.Fprintf(&b, ", %d escalations, %d auto-resolved, %d interruptions (%d off hours, %d sleep hours)",
		r.Escalations, r.AutoResolved, r.Interruptions, r.OffHourInterrupt, r.SleepInterrupt)
	return b.String()
}

// Metrics are incident metrics over a period.
type Metrics struct {
	Since time.Time    `json:"since"`
	Until time.Time    `json:"until"`
	Rows  []MetricsRow `json:"rows"`
}

func (m *Metrics) text() string {
	if len(m.Rows) == 0 {
		return fmt.Sprintf("No incidents from %s to %s.", fmtTime(m.Since), fmtTime(m.Until))
	}
	return fmt.Sprintf("Incident metrics from %s to %s (MTTA: mean time to acknowledge; MTTR: to resolve):", fmtTime(m.Since), fmtTime(m.Until)) +
		lines(m.Rows, (*MetricsRow).line)
}

func minutes(sec float64) float64 { return float64(int(sec/60*10+0.5)) / 10 }

var getIncidentMetrics = &tool[metricsIn, *Metrics]{
	spec: spec{
		name:    "get_incident_metrics",
		title:   "Incident metrics (MTTA, MTTR)",
		toolset: ToolsetAnalytics,
		description: `Computes incident metrics with PagerDuty Analytics over a period (default the last 30 days): incident count, mean time to acknowledge (MTTA) and to resolve (MTTR, with p90), escalations, auto-resolved incidents and interruptions (off hours, sleep hours).
Use it for "MTTR last quarter", "incident trends per week" (per), "which service has the most incidents" (group_by), filtered by service, team, urgency or priority. Analytics data lags real time by a few minutes and needs an account with Analytics.`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in metricsIn) (*Metrics, error) {
		since, err := parseTime("since", firstNonEmpty(in.Since, "30d"), c.now)
		if err != nil {
			return nil, err
		}
		until, err := parseTime("until", firstNonEmpty(in.Until, "now"), c.now)
		if err != nil {
			return nil, err
		}
		if !until.After(since) {
			return nil, argError("until", "it must be after since (%s)", since.UTC().Format(time.RFC3339))
		}
		opts := &pagerduty.IncidentMetricsOptions{TimeZone: "UTC", AggregateUnit: pagerduty.AggregateUnit(in.Per),
			Filters: pagerduty.IncidentMetricsFilters{CreatedAtStart: since.UTC(), CreatedAtEnd: until.UTC(),
				Urgency: pagerduty.Urgency(in.Urgency), PriorityNames: in.Priorities}}
		if err := resolveInto(ctx, c, "service", in.Service, resolveService, &opts.Filters.ServiceIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.Filters.TeamIDs); err != nil {
			return nil, err
		}
		an := c.client.Analytics
		query := an.IncidentMetrics
		switch in.GroupBy {
		case "service":
			query = an.IncidentMetricsByService
		case "team":
			query = an.IncidentMetricsByTeam
		case "escalation_policy":
			query = an.IncidentMetricsByEscalationPolicy
		}
		rep, err := query(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &Metrics{Since: since.UTC(), Until: until.UTC(), Rows: make([]MetricsRow, 0, len(rep.Data))}
		for _, d := range rep.Data {
			row := MetricsRow{Start: d.RangeStart.Time, Incidents: d.TotalIncidentCount,
				MeanAckMinutes: minutes(d.MeanSecondsToFirstAck), P90AckMinutes: minutes(d.P90SecondsToFirstAck),
				MeanResolveMins: minutes(d.MeanSecondsToResolve), P90ResolveMins: minutes(d.P90SecondsToResolve),
				Escalations: d.TotalEscalationCount, AutoResolved: d.TotalIncidentsAutoResolved, Interruptions: d.TotalInterruptions,
				OffHourInterrupt: d.TotalOffHourInterruptions, SleepInterrupt: d.TotalSleepHourInterruptions}
			switch {
			case d.ServiceID != "":
				row.Group = &Ref{ID: d.ServiceID, Name: d.ServiceName}
			case d.TeamID != "":
				row.Group = &Ref{ID: d.TeamID, Name: d.TeamName}
			case d.EscalationPolicyID != "":
				row.Group = &Ref{ID: d.EscalationPolicyID, Name: d.EscalationPolicyName}
			}
			out.Rows = append(out.Rows, row)
		}
		return out, nil
	},
}
