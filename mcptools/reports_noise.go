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
	Since       string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of the window (default 30d): RFC 3339, a date (2026-01-01), or a duration back from now (30d, 12w)."`
	Until       string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of the window (default now), in the same forms; at most 180 days after since."`
	Service     string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service's incidents: its ID or name."`
	Team        string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team's incidents: its ID or name."`
	FlapMinutes float64 `json:"flap_minutes,omitempty" jsonschema:"minimum=0,maximum=1440" jsonschema_description:"An incident resolved within this many minutes of its creation counts as flapping (default 5)."`
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
		description: `Measures alert noise over a window (default the last 30 days, at most 180): alerts per incident, incidents auto-resolved, resolved without acknowledgement or flapping (resolved within flap_minutes, default 5), the noise ratio and the low-urgency share, overall and per service, noisiest first.
Use it for "measure alert noise", "which services page us for nothing". Method: an incident is noisy when it was auto-resolved (its resolve log entry was made by a service or integration, not a person), resolved without any acknowledgement, or flapping; each noisy incident counts once; noise ratio = noisy / all incidents. Alert counts come from the incidents. Reads at most 5000 incidents and 25000 log entries, and says so when it stops early.`,
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
