package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestPausedIncidentReportsRequests(t *testing.T) {
	opts := &pagerduty.PausedIncidentReportOptions{
		Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		ServiceID: "PSVC001", SuspendedBy: pagerduty.PausedByRules,
	}
	q := vals("since", "2024-01-01T00:00:00Z", "until", "2024-02-01T00:00:00Z", "service_id", "PSVC001", "suspended_by", "rules")
	runAPICases(t, []apiCase{
		{
			name: "GetCounts",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.PausedIncidentReports.GetCounts(ctx, opts)
			},
			answer: `{"paused_incident_reporting_counts":{"since":"2024-01-01T00:00:00Z","until":"2024-02-01T00:00:00Z",
				"paused_count":50,"triggered_after_pause_count":12,"resolved_after_pause_count":38}}`,
			want: wantRequest{method: "GET", path: "/paused_incident_reports/counts", query: q},
			check: func(t *testing.T, got any) {
				c := got.(*pagerduty.PausedIncidentCounts)
				if c.PausedCount != 50 || c.TriggeredAfterPauseCount != 12 || c.ResolvedAfterPauseCount != 38 || !c.Since.Equal(opts.Since) || !c.Until.Equal(opts.Until) {
					t.Errorf("counts %+v", c)
				}
			},
		},
		{
			name: "GetAlerts",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.PausedIncidentReports.GetAlerts(ctx, nil)
			},
			answer: `{"paused_incident_reporting_alerts":{"since":"2024-01-01T00:00:00Z","until":"2024-02-01T00:00:00Z",
				"triggered_after_pause_alerts":[{"id":"PALERT1","service_id":"PSVC001","created_at":"2024-01-18T12:01:11Z"}],
				"resolved_after_pause_alerts":[{"id":"PALERT2","service_id":"PSVC002","created_at":"2024-01-17T02:02:10Z"}]}}`,
			want: wantRequest{method: "GET", path: "/paused_incident_reports/alerts"},
			check: func(t *testing.T, got any) {
				a := got.(*pagerduty.PausedIncidentAlerts)
				if len(a.TriggeredAfterPauseAlerts) != 1 || a.TriggeredAfterPauseAlerts[0].ID != "PALERT1" || a.TriggeredAfterPauseAlerts[0].CreatedAt.Day() != 18 ||
					len(a.ResolvedAfterPauseAlerts) != 1 || a.ResolvedAfterPauseAlerts[0].ServiceID != "PSVC002" {
					t.Errorf("alerts %+v", a)
				}
			},
		},
	})
}

func TestPausedIncidentReportsRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"BadSource", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.PausedIncidentReports.GetCounts(ctx, &pagerduty.PausedIncidentReportOptions{SuspendedBy: "manual"})
			return err
		}, `SuspendedBy: "manual" is not accepted; use one of auto_pause, rules`},
		{"BadService", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.PausedIncidentReports.GetAlerts(ctx, &pagerduty.PausedIncidentReportOptions{ServiceID: "a/b"})
			return err
		}, "ServiceID: pagerduty: invalid ID"},
		{"WindowBackwards", func(ctx context.Context, c *pagerduty.Client) error {
			now := time.Now()
			_, err := c.PausedIncidentReports.GetAlerts(ctx, &pagerduty.PausedIncidentReportOptions{Since: now, Until: now.Add(-time.Hour)})
			return err
		}, "must be after Since"},
	})
}
