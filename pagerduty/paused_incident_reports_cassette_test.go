package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestPausedIncidentReportsCassette'.
func TestPausedIncidentReportsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/paused_incident_reports/reports")
	ctx := context.Background()
	opts := &pagerduty.PausedIncidentReportOptions{
		Since:       time.Date(2021, 6, 1, 13, 8, 14, 0, time.UTC),
		Until:       time.Date(2021, 8, 1, 13, 8, 14, 0, time.UTC),
		ServiceID:   "PPSCXAN",
		SuspendedBy: pagerduty.PausedByAutoPause,
	}

	counts, err := c.PausedIncidentReports.GetCounts(ctx, opts)
	if err != nil {
		t.Fatalf("GetCounts: %v", err)
	}
	if counts.PausedCount == 0 || counts.TriggeredAfterPauseCount+counts.ResolvedAfterPauseCount == 0 {
		t.Errorf("GetCounts = %+v, want paused alerts and their outcomes", counts)
	}
	if !counts.Since.Equal(opts.Since) || !counts.Until.Equal(opts.Until) {
		t.Errorf("GetCounts window %v to %v, want %v to %v", counts.Since, counts.Until, opts.Since, opts.Until)
	}

	alerts, err := c.PausedIncidentReports.GetAlerts(ctx, opts)
	if err != nil {
		t.Fatalf("GetAlerts: %v", err)
	}
	all := append(alerts.TriggeredAfterPauseAlerts, alerts.ResolvedAfterPauseAlerts...)
	if len(alerts.TriggeredAfterPauseAlerts) == 0 || len(alerts.ResolvedAfterPauseAlerts) == 0 {
		t.Fatalf("GetAlerts = %+v, want alerts of both outcomes", alerts)
	}
	for _, a := range all {
		if a.ID == "" || a.ServiceID == "" || a.CreatedAt.IsZero() {
			t.Errorf("GetAlerts: alert %+v lacks an ID, a service or a time", a)
		}
	}
}
