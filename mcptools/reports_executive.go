package mcptools

import (
	"context"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

type executiveIn struct {
	Since          string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until          string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service        string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team           string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name); also narrows the on-call load."`
	Title          string  `json:"title,omitempty" jsonschema:"maxLength=120" jsonschema_description:"Report heading (default Incident report)."`
	TimeZone       string  `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone of dates and trend periods (default UTC)."`
	Per            string  `json:"per,omitempty" jsonschema:"enum=day,enum=week,enum=month" jsonschema_description:"Trend period (default week)."`
	AckMinutes     float64 `json:"ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Acknowledge target in minutes; adds SLA figures."`
	ResolveMinutes float64 `json:"resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Resolve target in minutes."`
	HourlyCost     float64 `json:"hourly_cost,omitempty" jsonschema:"minimum=0,maximum=1000000" jsonschema_description:"Cost of a responder-hour; adds cost figures."`
	Currency       string  `json:"currency,omitempty" jsonschema:"maxLength=8" jsonschema_description:"Currency label, such as USD."`
	IncludeOnCall  bool    `json:"include_oncall,omitempty" jsonschema_description:"Add each person's on-call hours (window of at most 90 days)."`
}

// ExecutiveReport is a Markdown report of a window with the figures it
// shows.
type ExecutiveReport struct {
	Data ReportData `json:"data"`
	// Markdown is the report, also the text of the answer.
	Markdown    string                      `json:"markdown"`
	Response    *insights.ResponseReport    `json:"response"`
	Reliability *insights.ReliabilityReport `json:"reliability"`
	Noise       *insights.NoiseReport       `json:"noise"`
	Escalation  *insights.EscalationReport  `json:"escalation,omitempty"`
	SLA         *insights.SLAReport         `json:"sla,omitempty"`
	Cost        *insights.CostReport        `json:"cost,omitempty"`
	Hours       *insights.HoursReport       `json:"oncall_hours,omitempty"`
}

func (x *ExecutiveReport) text() string {
	var b strings.Builder
	b.WriteString(x.Markdown)
	if x.Data.Truncated {
		b.WriteString("- Partial data: the reading stopped at its cap (" + plural(maxReportIncidents, "incident") + ", " + plural(maxReportLogEntries, "log entry") + ", " + plural(maxOnCallEntries, "on-call entry") + "): shorten the window or filter by service or team for complete figures.\n")
	}
	b.WriteString("- Data: " + strings.TrimPrefix(x.Data.Source, "Data: ") + "\n")
	return b.String()
}

var getExecutiveReport = &tool[executiveIn, *ExecutiveReport]{
	spec: spec{
		name:    "get_executive_report",
		title:   "Executive incident report (Markdown)",
		toolset: ToolsetAnalytics,
		description: `Executive report in Markdown over a window (default 30 days): headlines (incidents, MTTA/MTTR, noise, first-level acks, SLA and cost when targets or hourly_cost are given), services with reliability scores, trend, worst breaches, costliest incidents, on-call load (include_oncall), and the methods.
Method: the computations of get_response_stats, get_service_reliability, get_alert_noise, get_escalation_effectiveness, get_sla_compliance and get_incident_cost on the same data (at most 5000 incidents, 25000 log entries; says when capped).`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in executiveIn) (*ExecutiveReport, error) {
		var targets *insights.SLATargets
		f := reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}
		q, d, err := prepareReport(ctx, c, f, func() error {
			if err := checkZone("time_zone", in.TimeZone); err != nil {
				return err
			}
			if in.HourlyCost != 0 {
				if err := checkCost("hourly_cost", in.HourlyCost); err != nil {
					return err
				}
			}
			if in.IncludeOnCall {
				s, u, err := reportWindow(c, in.Since, in.Until)
				if err == nil && u.Sub(s) > 90*24*time.Hour {
					return argError("include_oncall", "on-call entries cover at most 90 days and the window is longer: shorten the window or leave include_oncall out")
				}
			}
			var err error
			targets, err = slaTargets(in.AckMinutes, in.ResolveMinutes, 0, 0, 0, 0, "")
			return err
		})
		if err != nil {
			return nil, err
		}
		svcs, err := listReportServices(ctx, c, q)
		if err != nil {
			return nil, err
		}
		xin := insights.ExecutiveInput{Title: strings.TrimSpace(in.Title), Window: d.window, Truncated: d.truncated, TimeZone: in.TimeZone,
			Bucket: insights.Bucket(in.Per), AsOf: d.asOf, Incidents: d.incidents, Events: d.events, Services: svcs,
			Targets: targets, HourlyCost: in.HourlyCost, Currency: strings.TrimSpace(in.Currency)}
		if xin.Events == nil {
			xin.Events = []insights.LogEvent{}
		}
		if in.IncludeOnCall {
			shifts, more, err := executiveShifts(ctx, c, q)
			if err != nil {
				return nil, err
			}
			xin.Shifts = shifts
			xin.Truncated = xin.Truncated || more
			d.truncated = xin.Truncated
		}
		x, err := insights.ExecutiveReport(xin)
		if err != nil {
			return nil, reportError(err)
		}
		return &ExecutiveReport{Data: d.info(q), Markdown: x.Markdown, Response: x.Response, Reliability: x.Reliability,
			Noise: x.Noise, Escalation: x.Escalation, SLA: x.SLA, Cost: x.Cost, Hours: x.Hours}, nil
	},
}

// executiveShifts reads the on-call entries of the report's window: the
// team's escalation policies, or every policy.
func executiveShifts(ctx context.Context, c *call, q reportQuery) ([]insights.Shift, bool, error) {
	var ids []string
	if q.teamID != "" {
		p, err := c.client.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: firstPage, TeamIDs: []string{q.teamID}})
		if err != nil {
			return nil, false, err
		}
		if len(p.Items) == 0 {
			return []insights.Shift{}, false, nil
		}
		for _, ep := range p.Items {
			ids = append(ids, ep.ID)
		}
	}
	ocs, more, err := policyShifts(ctx, c, ids, q.since, q.until, false)
	if err != nil {
		return nil, false, err
	}
	shifts := insights.ShiftsFromOnCalls(ocs)
	if shifts == nil {
		shifts = []insights.Shift{}
	}
	return shifts, more, nil
}
