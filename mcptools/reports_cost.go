package mcptools

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/pdkit/pdkit/insights"
)

type costIn struct {
	Since      string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the window (default 30d): RFC 3339, a date (2026-01-01), or a duration back from now (30d, 12w)."`
	Until      string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the window (default now), in the same forms; at most 180 days after since."`
	Service    string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service's incidents: its ID or name."`
	Team       string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team's incidents: its ID or name."`
	HourlyCost float64 `json:"hourly_cost" jsonschema:"required,minimum=0,maximum=1000000" jsonschema_description:"Cost of one hour of one responder's time, such as 120 (required, positive)."`
	Currency   string  `json:"currency,omitempty" jsonschema:"maxLength=8" jsonschema_description:"Label of the amounts, such as USD or EUR (not converted)."`
}

// checkCost refuses an hourly cost that is not a positive, finite amount.
func checkCost(arg string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v > 1e6 {
		return argError(arg, "%v is not a cost: give the cost of one responder-hour as a positive number up to 1000000, such as 120", v)
	}
	return nil
}

// IncidentCost estimates what incidents cost in responders' time.
type IncidentCost struct {
	Data ReportData `json:"data"`
	*insights.CostReport
}

func costLine(g *insights.CostGroup, cur string) string {
	s := fmt.Sprintf("%s, %.1f incident-hours, %.1f responder-hours, cost %.2f %s", plural(g.Incidents, "incident"), g.IncidentHours, g.ResponderHours, g.Cost, cur)
	return strings.TrimSpace(s)
}

func (x *IncidentCost) text() string {
	var b strings.Builder
	b.WriteString(x.Data.header(fmt.Sprintf("Incident cost at %.2f %s per responder-hour", x.HourlyCost, x.Currency)))
	b.WriteString("\nTotal: " + costLine(&x.Total, x.Currency))
	for i := range x.Services {
		g := &x.Services[i]
		b.WriteString("\nService " + groupName(g.ID, g.Name) + ": " + costLine(g, x.Currency))
	}
	if len(x.Costliest) > 0 {
		b.WriteString("\nCostliest incidents:")
		for _, ic := range x.Costliest {
			label := ic.IncidentID
			if ic.Number > 0 {
				label = fmt.Sprintf("#%d", ic.Number)
			}
			open := ""
			if ic.Open {
				open = ", still open"
			}
			fmt.Fprintf(&b, "\n%s %s (%s): %d people x %.1f h = %.1f responder-hours, %.2f %s%s", label, truncate(ic.Title, 60), ic.Service, ic.People, ic.Hours, ic.ResponderHours, ic.Cost, x.Currency, open)
		}
	}
	b.WriteString(x.Data.footer(x.Method))
	return b.String()
}

var getIncidentCost = &tool[costIn, *IncidentCost]{
	spec: spec{
		name:    "get_incident_cost",
		title:   "Incident cost impact",
		toolset: ToolsetAnalytics,
		description: `Estimates what incidents created in a window (default the last 30 days, at most 180) cost in responders' time, from an hourly cost given as input: total, per service (highest first) and the costliest incidents.
Use it for "calculate incident cost impact", "what did the outages of the payments service cost us". Method: for each incident, duration = resolution minus creation (an open incident runs to now or the window's end); people = distinct responders (assignees, acknowledgers, responders who joined; at least 1); responder-hours = people x hours; cost = responder-hours x hourly_cost. It counts responders' time only, not lost revenue. Reads at most 5000 incidents and 25000 log entries, and says so when it stops early.`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in costIn) (*IncidentCost, error) {
		f := reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}
		q, d, err := prepareReport(ctx, c, f, func() error { return checkCost("hourly_cost", in.HourlyCost) })
		if err != nil {
			return nil, err
		}
		rep, err := insights.CostImpact(d.incidents, insights.CostOptions{IncidentOptions: d.incidentOptions(),
			HourlyCost: in.HourlyCost, Currency: strings.TrimSpace(in.Currency), Top: 5})
		if err != nil {
			return nil, reportError(err)
		}
		return &IncidentCost{Data: d.info(q), CostReport: rep}, nil
	},
}
