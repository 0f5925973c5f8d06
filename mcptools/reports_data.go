package mcptools

import (
	"context"
	"fmt"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
)

// The incident reports (get_response_stats, get_sla_compliance,
// get_escalation_effectiveness, get_alert_noise, get_incident_cost,
// get_service_reliability, get_executive_report) read the same data: the
// incidents created in a window and the log entries written from the
// window's start, through the REST API. They do not use Analytics: the
// incidents and their logs are real time, carry alert counts and every
// escalation, and need no Analytics plan.

const (
	// maxReportIncidents bounds the incidents one report reads.
	maxReportIncidents = 5000
	// maxReportLogEntries bounds the log entries one report reads.
	maxReportLogEntries = 25000
	// maxReportDays bounds a report's window: the API lists incidents of
	// at most six months at once.
	maxReportDays = 180
	// logGrace is how long after the window's end log entries are read, to
	// find the acknowledgements of incidents created near its end.
	logGrace = 7 * 24 * time.Hour
)

// reportSourceMethod states where the incident reports' figures come
// from, for their answers.
var reportSourceMethod = fmt.Sprintf("Data: the incidents created in the window (GET /incidents, at most %d) and the incidents' log entries "+
	"written from the window's start to %d days after its end or now, whichever is first (GET /log_entries, overview entries, at most %d); "+
	"first acknowledgements come from the log, since PagerDuty clears them once an incident is resolved.",
	maxReportIncidents, int(logGrace.Hours()/24), maxReportLogEntries)

// reportFilter is the part of a report's input that chooses incidents.
type reportFilter struct {
	since, until string
	service      string
	team         string
}

// reportQuery is a checked reportFilter: a window and resolved IDs.
type reportQuery struct {
	since, until time.Time
	serviceID    string
	teamID       string
}

// reportWindow reads a report's window: since defaults to 30 days ago,
// until to now, and the window spans at most maxReportDays.
func reportWindow(c *call, since, until string) (time.Time, time.Time, error) {
	s, err := parseTime("since", firstNonEmpty(since, "30d"), c.now)
	if err != nil {
		return s, s, err
	}
	u, err := parseTime("until", firstNonEmpty(until, "now"), c.now)
	if err != nil {
		return s, u, err
	}
	if !u.After(s) {
		return s, u, argError("until", "it must be after since (%s)", s.UTC().Format(time.RFC3339))
	}
	if u.Sub(s) > maxReportDays*24*time.Hour {
		return s, u, argError("until", "the window from %s to %s is longer than %d days, the most a report covers: shorten it or make one report per quarter",
			s.UTC().Format(time.RFC3339), u.UTC().Format(time.RFC3339), maxReportDays)
	}
	return s.UTC(), u.UTC(), nil
}

// checkZone refuses a time zone argument that is not an IANA zone name.
func checkZone(arg, zone string) error {
	if zone == "" {
		return nil
	}
	if _, err := time.LoadLocation(zone); err != nil || zone == "Local" {
		return argError(arg, "%q is not an IANA time zone such as Europe/Berlin, America/New_York or UTC", truncate(zone, 40))
	}
	return nil
}

// check validates the window; it sends no request.
func (f reportFilter) check(c *call) (reportQuery, error) {
	s, u, err := reportWindow(c, f.since, f.until)
	return reportQuery{since: s, until: u}, err
}

// resolve turns the service and team names into IDs (at most one lookup
// each).
func (f reportFilter) resolve(ctx context.Context, c *call, q *reportQuery) error {
	var err error
	if f.service != "" {
		if q.serviceID, err = resolveService(ctx, c, "service", f.service); err != nil {
			return err
		}
	}
	if f.team != "" {
		if q.teamID, err = resolveTeam(ctx, c, "team", f.team); err != nil {
			return err
		}
	}
	return nil
}

// reportData is what a report computes from.
type reportData struct {
	window    insights.Window
	asOf      time.Time
	incidents []insights.Incident
	events    []insights.LogEvent
	// read counts what was listed.
	incidentsRead, logEntriesRead int
	// truncated reports that a cap stopped a listing.
	truncated bool
}

// loadReportData lists the incidents of q and their log entries, within
// the caps, reporting progress page by page and stopping when ctx ends.
func loadReportData(ctx context.Context, c *call, q reportQuery) (*reportData, error) {
	d := &reportData{window: insights.Window{Start: q.since, End: q.until}, asOf: minTime(q.until, c.now)}
	if d.asOf.Before(q.since) {
		d.asOf = q.until
	}
	opts := &pagerduty.ListIncidentsOptions{Since: q.since, Until: q.until, TimeZone: "UTC"}
	if q.serviceID != "" {
		opts.ServiceIDs = []string{q.serviceID}
	}
	if q.teamID != "" {
		opts.TeamIDs = []string{q.teamID}
	}
	var incs []pagerduty.Incident
	for inc, err := range c.client.Incidents.List(ctx, opts) {
		if err != nil {
			return nil, err
		}
		if len(incs) == maxReportIncidents {
			d.truncated = true
			break
		}
		incs = append(incs, inc)
		if len(incs)%pagerduty.MaxPageSize == 0 {
			c.progress(ctx, float64(len(incs)), 0, fmt.Sprintf("read %d incidents", len(incs)))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.incidentsRead = len(incs)
	var entries []pagerduty.LogEntry
	if len(incs) > 0 {
		until := minTime(q.until.Add(logGrace), c.now)
		if !until.After(q.since) {
			until = q.until.Add(logGrace)
		}
		lopts := &pagerduty.ListLogEntriesOptions{Since: q.since, Until: until, TimeZone: "UTC", IsOverview: true}
		if q.teamID != "" {
			lopts.TeamIDs = []string{q.teamID}
		}
		wanted := make(map[string]bool, len(incs))
		for _, inc := range incs {
			wanted[inc.ID] = true
		}
		read := 0
		for e, err := range c.client.LogEntries.List(ctx, lopts) {
			if err != nil {
				return nil, err
			}
			if read == maxReportLogEntries {
				d.truncated = true
				break
			}
			read++
			if read%pagerduty.MaxPageSize == 0 {
				c.progress(ctx, float64(len(incs)+read), 0, fmt.Sprintf("read %d incidents and %d log entries", len(incs), read))
			}
			if e.Incident != nil && wanted[e.Incident.ID] {
				entries = append(entries, e)
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d.logEntriesRead = read
	}
	d.incidents = insights.IncidentsFromPagerDuty(incs, entries)
	d.events = insights.EventsFromLogEntries(entries)
	return d, nil
}

// incidentOptions are the insights options of the data.
func (d *reportData) incidentOptions() insights.IncidentOptions {
	return insights.IncidentOptions{Window: d.window, Truncated: d.truncated, AsOf: d.asOf}
}

// ReportData says what a report was computed from, so that a reader can
// judge it.
type ReportData struct {
	// Since and Until bound the window: incidents created in [Since, Until)
	// count.
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
	// Service and Team are the filters, when given (IDs).
	Service string `json:"service,omitempty"`
	Team    string `json:"team,omitempty"`
	// Incidents and LogEntries count what was read.
	Incidents  int `json:"incidents_read"`
	LogEntries int `json:"log_entries_read"`
	// Truncated reports that a cap stopped the reading: the figures then
	// cover part of the window's incidents.
	Truncated bool `json:"truncated,omitempty"`
	// Source says how the data was read.
	Source string `json:"source"`
}

func (d *reportData) info(q reportQuery) ReportData {
	return ReportData{Since: q.since, Until: q.until, Service: q.serviceID, Team: q.teamID,
		Incidents: d.incidentsRead, LogEntries: d.logEntriesRead, Truncated: d.truncated, Source: reportSourceMethod}
}

// header starts a report's text.
func (r *ReportData) header(what string) string {
	s := fmt.Sprintf("%s from %s to %s", what, fmtTime(r.Since), fmtTime(r.Until))
	if r.Service != "" {
		s += ", service " + r.Service
	}
	if r.Team != "" {
		s += ", team " + r.Team
	}
	return s + fmt.Sprintf(" (%s read):", plural(r.Incidents, "incident"))
}

// footer ends a report's text: the truncation warning and the method.
func (r *ReportData) footer(method string) string {
	s := ""
	if r.Truncated {
		s += fmt.Sprintf("\nPARTIAL DATA: the reading stopped at its cap (%d incidents, %d log entries), so these figures cover only part of the window: shorten the window or filter by service or team for exact figures.",
			maxReportIncidents, maxReportLogEntries)
	}
	return s + "\nMethod: " + method + " " + r.Source
}

// reportError turns an insights refusal of the data into a tool error
// (the arguments were checked before; what is left is the data's fault).
func reportError(err error) error {
	return fmt.Errorf("computing the report: %w", err)
}
