package mcptools

import (
	"context"
	"strings"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

type executiveIn struct {
	Since              string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the window (default 30d): RFC 3339, a date (2026-01-01), or a duration back from now (30d, 12w)."`
	Until              string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the window (default now), in the same forms; at most 180 days after since."`
	Service            string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service's incidents: its ID or name."`
	Team               string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team's incidents (and, with include_oncall, its on-call load): its ID or name."`
	Title              string  `json:"title,omitempty" jsonschema:"maxLength=120" jsonschema_description:"Heading of the report (default: Incident report)."`
	TimeZone           string  `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone dates and trend periods are shown in, such as Europe/Berlin (default UTC)."`
	Per                string  `json:"per,omitempty" jsonschema:"enum=day,enum=week,enum=month" jsonschema_description:"Trend period (default week)."`
	AckMinutes         float64 `json:"ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"SLA target to acknowledge, in minutes; any target adds an SLA section."`
	ResolveMinutes     float64 `json:"resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"SLA target to resolve, in minutes."`
	HighAckMinutes     float64 `json:"high_ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Acknowledge target of high-urgency incidents, in minutes."`
	HighResolveMinutes float64 `json:"high_resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Resolve target of high-urgency incidents, in minutes."`
	HourlyCost         float64 `json:"hourly_cost,omitempty" jsonschema:"minimum=0,maximum=1000000" jsonschema_description:"Cost of one responder-hour; when given, adds a cost section."`
	Currency           string  `json:"currency,omitempty" jsonschema:"maxLength=8" jsonschema_description:"Label of the amounts, such as USD (not converted)."`
	IncludeOnCall      bool    `json:"include_oncall,omitempty" jsonschema_description:"Add the on-call load per person over the window (the team's escalation policies with team, else every policy)."`
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
		b.WriteString("\n> Data read was capped (" + plural(maxReportIncidents, "incident") + ", " + plural(maxReportLogEntries, "log entry") + ", " + plural(maxOnCallEntries, "on-call entry") + "): shorten the window or filter for complete figures.\n")
	}
	b.WriteString("\n- Data: " + strings.TrimPrefix(x.Data.Source, "Data: ") + "\n")
	return b.String()
}

var getExecutiveReport = &tool[executiveIn, *ExecutiveReport]{
	spec: spec{
		name:    "get_executive_report",
		title:   "Executive incident report (Markdown)",
		toolset: ToolsetAnalytics,
		description: `Writes an executive report of a window (default the last 30 days, at most 180) in Markdown: headline numbers (incidents, MTTA and MTTR with median and p90, alert noise, first-level acknowledgement, SLA compliance with targets given, cost with an hourly cost given), a table per service with its reliability score, the least reliable services, the trend per week (or day, month), the worst SLA breaches, the costliest incidents, the on-call load (include_oncall), and how each figure was computed.
Use it for "generate an executive report", "MTTR report for last month". Method: the same computations as get_response_stats, get_service_reliability, get_alert_noise, get_escalation_effectiveness, get_sla_compliance and get_incident_cost, from the incidents created in the window and their log entries (and on-call entries for the load). Reads at most 5000 incidents, 25000 log entries and 5000 on-call entries, and says so when it stops early.`,
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
			var err error
			targets, err = slaTargets(in.AckMinutes, in.ResolveMinutes, in.HighAckMinutes, in.HighResolveMinutes, 0, 0, "")
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
	until := minTime(q.until, c.now)
	if !until.After(q.since) {
		until = q.until
	}
	ocs, more, err := policyShifts(ctx, c, ids, q.since, until, false)
	if err != nil {
		return nil, false, err
	}
	shifts := insights.ShiftsFromOnCalls(ocs)
	if shifts == nil {
		shifts = []insights.Shift{}
	}
	return shifts, more, nil
}
