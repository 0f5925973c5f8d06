package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

// maxReportServices bounds the services a reliability report lists.
const maxReportServices = 500

// ServiceReliability scores each service from 0 to 100.
type ServiceReliability struct {
	Data ReportData `json:"data"`
	*insights.ReliabilityReport
}

func (r *ServiceReliability) text() string {
	var b strings.Builder
	b.WriteString(r.Data.header("Service reliability scores (0-100, lowest first)"))
	for _, s := range r.Services {
		fmt.Fprintf(&b, "\n%s: score %.1f; %d high-urgency and %d other incidents (%.2f and %.2f per week), high-urgency impact %.1f h (%.2f%% of the window); penalties %.1f frequency, %.1f impact",
			groupName(s.ID, s.Name), s.Score, s.HighUrgency, s.LowUrgency, s.HighPerWeek, s.LowPerWeek, s.ImpactHours, s.ImpactPercent, s.FrequencyPenalty, s.ImpactPenalty)
	}
	if len(r.Services) == 0 {
		b.WriteString("\nNo service matches.")
	}
	b.WriteString(r.Data.footer(r.Method))
	return b.String()
}

// listReportServices lists the services the filter covers, so that those
// without incidents are scored too (one service, a team's, or all).
func listReportServices(ctx context.Context, c *call, q reportQuery) ([]insights.ServiceRef, error) {
	opts := &pagerduty.ListServicesOptions{}
	if q.teamID != "" {
		opts.TeamIDs = []string{q.teamID}
	}
	var out []insights.ServiceRef
	for s, err := range c.client.Services.List(ctx, opts) {
		if err != nil {
			return nil, err
		}
		if q.serviceID != "" && s.ID != q.serviceID {
			continue
		}
		out = append(out, insights.ServiceRef{ID: s.ID, Name: firstNonEmpty(s.Name, s.Summary)})
		if len(out) == maxReportServices {
			break
		}
	}
	return out, nil
}

var getServiceReliability = &tool[reportIn, *ServiceReliability]{
	spec: spec{
		name:    "get_service_reliability",
		title:   "Service reliability scores",
		toolset: ToolsetAnalytics,
		description: `Scores each service 0-100 over a window (default 30 days), with every input of the formula; services without incidents score 100.
Method: weeks = hours / 168; frequency penalty = min(40, 10 x high-urgency per week + 2 x others per week); impact = share of the window with a high-urgency incident open; impact penalty = min(60, 600 x impact); score = 100 - penalties. From incidents (at most 5000; says when capped).`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in reportIn) (*ServiceReliability, error) {
		q, d, err := prepareReport(ctx, c, in.filter(), nil)
		if err != nil {
			return nil, err
		}
		svcs, err := listReportServices(ctx, c, q)
		if err != nil {
			return nil, err
		}
		rep, err := insights.Reliability(d.incidents, insights.ReliabilityOptions{Window: d.window, Truncated: d.truncated, AsOf: d.asOf, Services: svcs})
		if err != nil {
			return nil, reportError(err)
		}
		return &ServiceReliability{Data: d.info(q), ReliabilityReport: rep}, nil
	},
}
