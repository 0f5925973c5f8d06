package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// AlertStatus is the state of an alert.
type AlertStatus string

// The alert states.
const (
	AlertTriggered AlertStatus = "triggered"
	AlertResolved  AlertStatus = "resolved"
)

// AlertSeverity is how serious the monitoring tool judged the problem.
type AlertSeverity string

// The alert severities.
const (
	SeverityCritical AlertSeverity = "critical"
	SeverityError    AlertSeverity = "error"
	SeverityWarning  AlertSeverity = "warning"
	SeverityInfo     AlertSeverity = "info"
)

// AlertInclude names an object that an alert answer can embed in full.
type AlertInclude string

// The expansions alert listings accept.
const (
	AlertIncludeServices               AlertInclude = "services"
	AlertIncludeFirstTriggerLogEntries AlertInclude = "first_trigger_log_entries"
	AlertIncludeIncidents              AlertInclude = "incidents"
)

// Alert is one signal from a monitoring tool (or a person) grouped into an
// incident. An incident holds one or more alerts; resolving all of them
// resolves it.
type Alert struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	CreatedAt time.Time   `json:"created_at,omitzero"`
	Status    AlertStatus `json:"status"`
	// AlertKey is the de-duplication key the alert was sent with.
	AlertKey string `json:"alert_key,omitempty"`
	// Service is the alert's service (in full with AlertIncludeServices).
	Service *Service `json:"service,omitempty"`
	// FirstTriggerLogEntry is the log entry of the alert's trigger (in full
	// with AlertIncludeFirstTriggerLogEntries).
	FirstTriggerLogEntry *LogEntry `json:"first_trigger_log_entry,omitempty"`
	// Incident is the incident holding the alert (in full with
	// AlertIncludeIncidents).
	Incident *Incident `json:"incident,omitempty"`
	// Suppressed alerts were kept out of any incident by event rules.
	Suppressed bool          `json:"suppressed,omitempty"`
	Severity   AlertSeverity `json:"severity,omitempty"`
	// Integration is the integration the alert arrived through.
	Integration *Reference `json:"integration,omitempty"`
	Body        *AlertBody `json:"body,omitempty"`
}

// AlertBody is the data the alert was sent with.
type AlertBody struct {
	Type string `json:"type,omitempty"`
	// Contexts are the links and images sent with the alert.
	Contexts []LogEntryContext `json:"contexts,omitempty"`
	// Details is what the sender put in the alert: usually an object, at
	// times a string.
	Details any `json:"details,omitempty"`
}

// ListAlertsOptions filters and pages the alerts of an incident.
type ListAlertsOptions struct {
	ListOptions
	// AlertKey keeps the alert with this de-duplication key.
	AlertKey string `url:"alert_key"`
	// Statuses keeps alerts in these states.
	Statuses []AlertStatus `url:"statuses[]"`
	// SortBy orders the list: created_at or resolved_at, optionally with
	// ":asc" or ":desc".
	SortBy string `url:"sort_by"`
	// Includes embeds these objects in full.
	Includes []AlertInclude `url:"include[]"`
}

func (o *ListAlertsOptions) query() (url.Values, ListOptions, error) {
	q := url.Values{}
	if o == nil {
		return q, ListOptions{}, nil
	}
	if err := o.ListOptions.validate(); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Statuses", o.Statuses, AlertTriggered, AlertResolved); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, AlertIncludeServices, AlertIncludeFirstTriggerLogEntries, AlertIncludeIncidents); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("SortBy", o.SortBy, "created_at", "resolved_at", "created_at:asc", "created_at:desc", "resolved_at:asc", "resolved_at:desc"); err != nil {
		return nil, ListOptions{}, err
	}
	encodeQuery(q, o)
	stripPaging(q)
	return q, o.ListOptions, nil
}

// ListAlerts streams the alerts of the incident id that match opts.
// Breaking out of the loop stops fetching.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListAlerts(ctx context.Context, id string, opts *ListAlertsOptions) iter.Seq2[Alert, error] {
	return offsetSeqAt[Alert](ctx, s.client, "/incidents/{id}/alerts", "alerts", opts.query, id)
}

// ListAlertsPage returns one page of the alerts of the incident id, at
// opts.Offset, with the pagination facts.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListAlertsPage(ctx context.Context, id string, opts *ListAlertsOptions) (*Page[Alert], error) {
	return offsetPageAt[Alert](ctx, s.client, "/incidents/{id}/alerts", "alerts", opts.query, id)
}

// GetAlert returns the alert alertID of the incident id.
//
// OAuth scope incidents.read.
func (s *IncidentsService) GetAlert(ctx context.Context, id, alertID string) (*Alert, error) {
	path, err := expandPath("/incidents/{id}/alerts/{alert_id}", id, alertID)
	if err != nil {
		return nil, err
	}
	return alertAnswer(ctx, s.client, &request{method: "GET", path: path})
}

func alertAnswer(ctx context.Context, c *Client, r *request) (*Alert, error) {
	var out struct {
		Alert *Alert `json:"alert"`
	}
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Alert == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no alert", r.method, r.path)
	}
	return out.Alert, nil
}

// AlertChange is a change to an alert: resolve it, or move it to another
// incident.
type AlertChange struct {
	// Status resolves (AlertResolved) or re-triggers the alert.
	Status AlertStatus
	// IncidentID moves the alert into this incident.
	IncidentID string
}

type alertWire struct {
	ID       string      `json:"id,omitempty"`
	Type     string      `json:"type,omitempty"`
	Status   AlertStatus `json:"status,omitempty"`
	Incident *Reference  `json:"incident,omitempty"`
}

func (ch AlertChange) wire() (*alertWire, error) {
	if ch.Status == "" && ch.IncidentID == "" {
		return nil, fmt.Errorf("pagerduty: the alert change is empty: set Status (resolved or triggered) or IncidentID")
	}
	if err := oneOfIfSet("Status", ch.Status, AlertResolved, AlertTriggered); err != nil {
		return nil, err
	}
	if err := optionalID("IncidentID", ch.IncidentID); err != nil {
		return nil, err
	}
	return &alertWire{Status: ch.Status, Incident: refTo("incident_reference", ch.IncidentID)}, nil
}

// UpdateAlertParams changes one alert.
type UpdateAlertParams struct {
	// From is the email of the PagerDuty user making the change; empty
	// means the client's WithFrom.
	From string `json:"-"`
	AlertChange
}

// UpdateAlert changes the alert alertID of the incident id (resolves it or
// moves it to another incident) and returns it.
//
// OAuth scope incidents.write.
func (s *IncidentsService) UpdateAlert(ctx context.Context, id, alertID string, p *UpdateAlertParams) (*Alert, error) {
	path, err := expandPath("/incidents/{id}/alerts/{alert_id}", id, alertID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = &UpdateAlertParams{}
	}
	w, err := p.AlertChange.wire()
	if err != nil {
		return nil, err
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	return alertAnswer(ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"alert": w}, from: from})
}

// AlertUpdate is the change to one alert of a bulk update.
type AlertUpdate struct {
	// ID is the alert to change.
	ID string
	AlertChange
}

// UpdateAlertsParams changes several alerts of an incident at once.
type UpdateAlertsParams struct {
	// From is the email of the PagerDuty user making the changes; empty
	// means the client's WithFrom.
	From string `json:"-"`
	// Updates are the changes, one per alert.
	Updates []AlertUpdate
}

// UpdateAlerts changes several alerts of the incident id in one request
// (resolving them, or moving them to another incident) and returns them.
//
// OAuth scope incidents.write.
func (s *IncidentsService) UpdateAlerts(ctx context.Context, id string, p *UpdateAlertsParams) ([]Alert, error) {
	path, err := expandPath("/incidents/{id}/alerts", id)
	if err != nil {
		return nil, err
	}
	if p == nil || len(p.Updates) == 0 {
		return nil, missing("Updates", "at least one alert to change")
	}
	ws := make([]*alertWire, len(p.Updates))
	for i, u := range p.Updates {
		if err := ValidateID(u.ID); err != nil {
			return nil, fmt.Errorf("Updates[%d].ID: %w", i, err)
		}
		w, err := u.AlertChange.wire()
		if err != nil {
			return nil, fmt.Errorf("in Updates[%d] (%s): %w", i, u.ID, err)
		}
		w.ID, w.Type = u.ID, "alert"
		ws[i] = w
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	var out struct {
		Alerts []Alert `json:"alerts"`
	}
	if err := s.client.do(ctx, &request{method: "PUT", path: path, body: map[string]any{"alerts": ws}, from: from}, &out); err != nil {
		return nil, err
	}
	return out.Alerts, nil
}
