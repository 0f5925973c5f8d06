package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/insights"
)

// reportIn is the input of the incident reports that need nothing else
// than a window and filters.
type reportIn struct {
	Since   string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until   string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team    string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name)."`
}

func (in reportIn) filter() reportFilter {
	return reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}
}

// prepare checks the window, resolves the names and reads the data.
func prepareReport(ctx context.Context, c *call, f reportFilter, extra func() error) (reportQuery, *reportData, error) {
	q, err := f.check(c)
	if err != nil {
		return q, nil, err
	}
	if extra != nil {
		if err := extra(); err != nil {
			return q, nil, err
		}
	}
	if err := f.resolve(ctx, c, &q); err != nil {
		return q, nil, err
	}
	d, err := loadReportData(ctx, c, q)
	return q, d, err
}

// EscalationEffectiveness says how often incidents were acknowledged at
// the first level and how escalations went.
type EscalationEffectiveness struct {
	Data ReportData `json:"data"`
	*insights.EscalationReport
}

func escalationLine(g *insights.EscalationGroup) string {
	s := fmt.Sprintf("%s: %d acknowledged, %d at the first level (%.1f%% of all), %d escalated, %s (%.2f per incident)",
		plural(g.Incidents, "incident"), g.Acknowledged, g.AckedAtFirstLevel, g.FirstLevelPercent, g.Escalated,
		plural(g.Escalations, "escalation"), g.EscalationsPerIncident)
	if a := g.AckAfterEscalation; a.Count > 0 {
		s += fmt.Sprintf("; acknowledged %.1f min after escalating on average (median %.1f, p90 %.1f)", a.Mean, a.Median, a.P90)
	}
	return s
}

func (e *EscalationEffectiveness) text() string {
	var b strings.Builder
	b.WriteString(e.Data.header("Escalation effectiveness"))
	b.WriteString("\nOverall: " + escalationLine(&e.Overall))
	for i := range e.Services {
		g := &e.Services[i]
		b.WriteString("\nService " + groupName(g.ID, g.Name) + ": " + escalationLine(g))
	}
	b.WriteString(e.Data.footer(e.Method))
	return b.String()
}

var getEscalationEffectiveness = &tool[reportIn, *EscalationEffectiveness]{
	spec: spec{
		name:    "get_escalation_effectiveness",
		title:   "Escalation effectiveness",
		toolset: ToolsetAnalytics,
		description: `Escalation effectiveness over a window (default 30 days): share acknowledged at the first level, incidents escalated and escalations per incident, time to acknowledge after an escalation; overall and per service.
Method: each incident's log in time order; first level = an acknowledge entry before any escalate entry. From incidents and log entries (at most 5000/25000; says when capped).`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in reportIn) (*EscalationEffectiveness, error) {
		q, d, err := prepareReport(ctx, c, in.filter(), nil)
		if err != nil {
			return nil, err
		}
		rep, err := insights.Escalations(d.incidents, d.events, d.incidentOptions())
		if err != nil {
			return nil, reportError(err)
		}
		return &EscalationEffectiveness{Data: d.info(q), EscalationReport: rep}, nil
	},
}
