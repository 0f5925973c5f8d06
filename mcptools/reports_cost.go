package mcptools

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/pdkit/pdkit/insights"
)

type costIn struct {
	Since      string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until      string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service    string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team       string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name)."`
	HourlyCost float64 `json:"hourly_cost" jsonschema:"required,minimum=0,maximum=1000000" jsonschema_description:"Cost of one responder-hour, such as 120 (positive)."`
	Currency   string  `json:"currency,omitempty" jsonschema:"maxLength=8" jsonschema_description:"Currency label, such as USD."`
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

// amount renders an amount with its currency label, if any.
func amount(v float64, cur string) string {
	if cur == "" {
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.2f %s", v, cur)
}

func costLine(g *insights.CostGroup, cur string) string {
	return fmt.Sprintf("%s, %.2f incident-hours, %.2f responder-hours, cost %s", plural(g.Incidents, "incident"), g.IncidentHours, g.ResponderHours, amount(g.Cost, cur))
}

func (x *IncidentCost) text() string {
	var b strings.Builder
	b.WriteString(x.Data.header("Incident cost at " + amount(x.HourlyCost, x.Currency) + " per responder-hour"))
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
			fmt.Fprintf(&b, "\n%s %s (%s): %s x %.2f h = %.2f responder-hours, %s%s", label, truncate(ic.Title, 60), ic.Service,
				plural(ic.People, "responder"), ic.Hours, ic.ResponderHours, amount(ic.Cost, x.Currency), open)
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
		description: `Estimates the cost of incidents created in a window (default 30 days) in responders' time, at an hourly_cost given: total, per service, costliest incidents.
Method: per incident, hours = resolution (or now) minus creation; people = distinct assignees, acknowledgers and joined responders (at least 1); cost = people x hours x hourly_cost. From incidents and log entries (at most 5000/25000; says when capped).`,
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
