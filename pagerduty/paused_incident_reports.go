package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// PauseSource names what paused the notifications of an incident.
type PauseSource string

// The pause sources.
const (
	// PausedByAutoPause is auto-pause: PagerDuty held back alerts it
	// predicted to be transient.
	PausedByAutoPause PauseSource = "auto_pause"
	// PausedByRules is an event rule that paused the incident.
	PausedByRules PauseSource = "rules"
)

// PausedIncidentReportOptions selects the window and the services a paused
// incident report covers. The zero value asks for the API's defaults.
type PausedIncidentReportOptions struct {
	// Since and Until bound the report (the API looks back up to six
	// months).
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// ServiceID restricts the report to one service.
	ServiceID string `url:"service_id"`
	// SuspendedBy restricts the report to one source of pauses.
	SuspendedBy PauseSource `url:"suspended_by"`
}

func (o *PausedIncidentReportOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := optionalID("ServiceID", o.ServiceID); err != nil {
		return nil, err
	}
	if err := oneOfIfSet("SuspendedBy", o.SuspendedBy, PausedByAutoPause, PausedByRules); err != nil {
		return nil, err
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && !o.Until.After(o.Since) {
		return nil, fmt.Errorf("pagerduty: Until (%s) must be after Since (%s)", o.Until.Format(time.RFC3339), o.Since.Format(time.RFC3339))
	}
	encodeQuery(q, o)
	return q, nil
}

// PausedIncidentCounts counts the alerts whose incidents were paused over a
// window, and what became of them.
type PausedIncidentCounts struct {
	Since LooseTime `json:"since,omitzero"`
	Until LooseTime `json:"until,omitzero"`
	// PausedCount is the number of paused alerts.
	PausedCount int `json:"paused_count"`
	// TriggeredAfterPauseCount counts the paused alerts that went on to
	// open an incident; ResolvedAfterPauseCount the ones that resolved
	// while paused.
	TriggeredAfterPauseCount int `json:"triggered_after_pause_count"`
	ResolvedAfterPauseCount  int `json:"resolved_after_pause_count"`
}

// PausedIncidentAlerts lists the most recent paused alerts that triggered an
// incident after the pause and the ones that resolved during it.
type PausedIncidentAlerts struct {
	Since                     LooseTime     `json:"since,omitzero"`
	Until                     LooseTime     `json:"until,omitzero"`
	TriggeredAfterPauseAlerts []PausedAlert `json:"triggered_after_pause_alerts"`
	ResolvedAfterPauseAlerts  []PausedAlert `json:"resolved_after_pause_alerts"`
}

// PausedAlert is an alert whose incident was paused.
type PausedAlert struct {
	ID        string    `json:"id"`
	ServiceID string    `json:"service_id"`
	CreatedAt LooseTime `json:"created_at,omitzero"`
}

// GetCounts returns how many alerts were paused over the window opts
// selects, and what became of them. Reports need the Event Intelligence
// package or the Digital Operations plan.
//
// OAuth scope incidents.read.
func (s *PausedIncidentReportsService) GetCounts(ctx context.Context, opts *PausedIncidentReportOptions) (*PausedIncidentCounts, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[PausedIncidentCounts](ctx, s.client, &request{method: "GET", path: "/paused_incident_reports/counts", query: q}, "paused_incident_reporting_counts")
}

// GetAlerts returns the most recent paused alerts over the window opts
// selects: the ones that triggered an incident after the pause and the
// ones that resolved during it.
//
// OAuth scope incidents.read.
func (s *PausedIncidentReportsService) GetAlerts(ctx context.Context, opts *PausedIncidentReportOptions) (*PausedIncidentAlerts, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	// The API's description names the wrapper paused_incident_reporting_alerts,
	// its example paused_incident_reporting_counts: both are read.
	return objectCall[PausedIncidentAlerts](ctx, s.client, &request{method: "GET", path: "/paused_incident_reports/alerts", query: q},
		"paused_incident_reporting_alerts", "paused_incident_reporting_counts")
}
