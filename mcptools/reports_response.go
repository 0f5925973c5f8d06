package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/insights"
)

type responseStatsIn struct {
	Since    string `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until    string `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service  string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team     string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name)."`
	Per      string `json:"per,omitempty" jsonschema:"enum=day,enum=week,enum=month" jsonschema_description:"Add a trend per day, week (from Monday) or month."`
	TimeZone string `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone of the trend's days (default UTC)."`
}

func (in responseStatsIn) filter() reportFilter {
	return reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}
}

// ResponseStats is MTTA and MTTR with their spread, overall, per service,
// per team and per period.
type ResponseStats struct {
	Data ReportData `json:"data"`
	*insights.ResponseReport
}

// responseLine renders a group's response figures.
func responseLine(g *insights.ResponseGroup) string {
	a, r := g.TimeToAcknowledge, g.TimeToResolve
	s := fmt.Sprintf("%s (%d high urgency, %d open)", plural(g.Incidents, "incident"), g.HighUrgency, g.Open)
	if a.Count > 0 {
		s += fmt.Sprintf(", MTTA %.1f min (median %.1f, p90 %.1f, p95 %.1f)", a.Mean, a.Median, a.P90, a.P95)
	}
	if r.Count > 0 {
		s += fmt.Sprintf(", MTTR %.1f min (median %.1f, p90 %.1f, p95 %.1f)", r.Mean, r.Median, r.P90, r.P95)
	}
	return s
}

func groupName(id, name string) string {
	switch {
	case name != "" && id != "":
		return name + " (" + id + ")"
	case id != "":
		return id
	}
	return "(none)"
}

func (s *ResponseStats) text() string {
	var b strings.Builder
	b.WriteString(s.Data.header("Response statistics (MTTA: mean time to acknowledge; MTTR: mean time to resolve)"))
	b.WriteString("\nOverall: " + responseLine(&s.Overall))
	for i := range s.Services {
		g := &s.Services[i]
		b.WriteString("\nService " + groupName(g.ID, g.Name) + ": " + responseLine(g))
	}
	for i := range s.Teams {
		g := &s.Teams[i]
		b.WriteString("\nTeam " + groupName(g.ID, g.Name) + ": " + responseLine(g))
	}
	for i := range s.Trend {
		t := &s.Trend[i]
		b.WriteString("\n" + string(s.Bucket) + " of " + t.Label + ": " + responseLine(&t.ResponseGroup))
	}
	b.WriteString(s.Data.footer(s.Method))
	return b.String()
}

var getResponseStats = &tool[responseStatsIn, *ResponseStats]{
	spec: spec{
		name:    "get_response_stats",
		title:   "Response statistics (MTTA, MTTR, percentiles, trends)",
		toolset: ToolsetAnalytics,
		description: `Response statistics over a window (default 30 days, at most 180): MTTA and MTTR with median, p90 and p95, overall, per service and per team, with a trend per day, week or month.
Method: from the incidents created in the window and their log entries (REST, not Analytics: any plan, real time); time to acknowledge = first acknowledgement minus creation, time to resolve = resolution minus creation; percentiles interpolate linearly. Reads at most 5000 incidents and 25000 log entries and says when capped.`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in responseStatsIn) (*ResponseStats, error) {
		q, err := in.filter().check(c)
		if err != nil {
			return nil, err
		}
		if err := checkZone("time_zone", in.TimeZone); err != nil {
			return nil, err
		}
		if err := in.filter().resolve(ctx, c, &q); err != nil {
			return nil, err
		}
		d, err := loadReportData(ctx, c, q)
		if err != nil {
			return nil, err
		}
		rep, err := insights.ResponseStats(d.incidents, insights.ResponseOptions{IncidentOptions: d.incidentOptions(),
			Bucket: insights.Bucket(in.Per), TimeZone: in.TimeZone})
		if err != nil {
			return nil, reportError(err)
		}
		return &ResponseStats{Data: d.info(q), ResponseReport: rep}, nil
	},
}
