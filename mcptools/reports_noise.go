package mcptools

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
)

type noiseIn struct {
	Since       string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until       string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service     string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team        string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name)."`
	FlapMinutes float64 `json:"flap_minutes,omitempty" jsonschema:"minimum=0,maximum=1440" jsonschema_description:"Resolved within this many minutes counts as flapping (default 5)."`
}

// AlertNoise measures how much of the incident load needed nobody.
type AlertNoise struct {
	Data ReportData `json:"data"`
	*insights.NoiseReport
}

func noiseLine(g *insights.NoiseGroup) string {
	return fmt.Sprintf("%s, %d alerts (%.2f per incident); %d noisy (%.1f%%): %d auto-resolved, %d resolved without acknowledgement, %d flapping; %d low urgency (%.1f%%)",
		plural(g.Incidents, "incident"), g.Alerts, g.AlertsPerIncident, g.Noisy, g.NoiseRatio, g.AutoResolved, g.ResolvedWithoutAck, g.Flapping, g.LowUrgency, g.LowUrgencyPercent)
}

func (n *AlertNoise) text() string {
	var b strings.Builder
	b.WriteString(n.Data.header("Alert noise"))
	b.WriteString("\nOverall: " + noiseLine(&n.Overall))
	for i := range n.Services {
		g := &n.Services[i]
		b.WriteString("\nService " + groupName(g.ID, g.Name) + ": " + noiseLine(g))
	}
	b.WriteString(n.Data.footer(fmt.Sprintf("%s Flapping threshold: %g minutes.", n.Method, n.FlapWithin)))
	return b.String()
}

var getAlertNoise = &tool[noiseIn, *AlertNoise]{
	spec: spec{
		name:    "get_alert_noise",
		title:   "Alert noise ratio",
		toolset: ToolsetAnalytics,
		description: `Alert noise over a window (default 30 days): alerts per incident, incidents auto-resolved, resolved without acknowledgement or flapping, noise ratio, low-urgency share; overall and per service, noisiest first.
Method: noisy = resolved by a service or integration, or never acknowledged, or resolved within flap_minutes (default 5), each counted once; ratio = noisy / incidents. From incidents and log entries (at most 5000/25000; says when capped).`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in noiseIn) (*AlertNoise, error) {
		f := reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}
		q, d, err := prepareReport(ctx, c, f, func() error {
			if math.IsNaN(in.FlapMinutes) || in.FlapMinutes < 0 || in.FlapMinutes > 1440 {
				return argError("flap_minutes", "%v is out of range: give minutes from 0 (the default, 5) to 1440", in.FlapMinutes)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		rep, err := insights.AlertNoise(d.incidents, insights.NoiseOptions{IncidentOptions: d.incidentOptions(),
			FlapWithin: time.Duration(in.FlapMinutes * float64(time.Minute))})
		if err != nil {
			return nil, reportError(err)
		}
		return &AlertNoise{Data: d.info(q), NoiseReport: rep}, nil
	},
}
