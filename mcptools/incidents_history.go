package mcptools

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Note is a note on an incident's timeline.
type Note struct {
	ID        string    `json:"id"`
	Author    *Ref      `json:"author,omitempty"`
	Content   string    `json:"content"`
	CreatedAt time.Time `json:"created_at"`
}

func trimNote(n *pagerduty.IncidentNote) Note {
	out := Note{ID: n.ID, Content: n.Content, CreatedAt: n.CreatedAt.UTC()}
	if u := n.User; u != nil {
		out.Author = refOf(u.ID, "", u.Summary)
	}
	return out
}

func (n *Note) line() string {
	who := "someone"
	if n.Author != nil {
		who = n.Author.String()
	}
	return fmtTime(n.CreatedAt) + " note by " + who + ": " + truncate(n.Content, 500)
}

// TimelineEntry is one event of an incident's history.
type TimelineEntry struct {
	At time.Time `json:"at"`
	// Type is the kind of event: trigger, acknowledge, assign, escalate,
	// notify, annotate, resolve, ...
	Type    string `json:"type"`
	Summary string `json:"summary"`
	Agent   *Ref   `json:"agent,omitempty"`
}

func trimLogEntry(l *pagerduty.LogEntry) TimelineEntry {
	out := TimelineEntry{At: l.CreatedAt.UTC(), Type: strings.TrimSuffix(l.Type, "_log_entry"), Summary: l.Summary}
	if a := l.Agent; a != nil {
		out.Agent = refOf(a.ID, "", a.Summary)
	}
	return out
}

func (e *TimelineEntry) line() string {
	return fmtTime(e.At) + " " + e.Type + ": " + truncate(e.Summary, 300)
}

// AlertInfo is one alert of an incident.
type AlertInfo struct {
	ID        string    `json:"id"`
	Status    string    `json:"status"`
	Severity  string    `json:"severity,omitempty"`
	Summary   string    `json:"summary"`
	AlertKey  string    `json:"alert_key,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Details is what the sender put in the alert, cut to a few hundred
	// characters of JSON.
	Details string `json:"details,omitempty"`
}

// maxDetails bounds the alert details an answer carries.
const maxDetails = 400

func trimAlert(a *pagerduty.Alert) AlertInfo {
	out := AlertInfo{ID: a.ID, Status: string(a.Status), Severity: string(a.Severity), Summary: a.Summary,
		AlertKey: a.AlertKey, CreatedAt: a.CreatedAt.UTC()}
	if a.Body != nil && a.Body.Details != nil {
		if b, err := json.Marshal(a.Body.Details); err == nil {
			out.Details = truncate(string(b), maxDetails)
		}
	}
	return out
}

func (a *AlertInfo) line() string {
	s := fmt.Sprintf("%s alert %s [%s", fmtTime(a.CreatedAt), a.ID, a.Status)
	if a.Severity != "" {
		s += ", " + a.Severity
	}
	s += "] " + a.Summary
	if a.Details != "" {
		s += " " + a.Details
	}
	return s
}

// maxHistory bounds the timeline entries and alerts get_incident returns.
const maxHistory = 50

// addHistory fills what include asks for: notes, timeline, alerts.
func addHistory(ctx context.Context, c *call, d *IncidentDetail, include []string) error {
	for _, what := range include {
		switch what {
		case "notes":
			notes, err := c.client.Incidents.ListNotes(ctx, d.ID)
			if err != nil {
				return fmt.Errorf("reading the notes: %w", err)
			}
			d.Notes = make([]Note, 0, len(notes))
			for i := range notes {
				d.Notes = append(d.Notes, trimNote(&notes[i]))
			}
		case "timeline":
			p, err := c.client.Incidents.ListLogEntriesPage(ctx, d.ID, &pagerduty.ListIncidentLogEntriesOptions{
				ListOptions: pagerduty.ListOptions{Limit: maxHistory}, IsOverview: true})
			if err != nil {
				return fmt.Errorf("reading the timeline: %w", err)
			}
			d.Timeline = make([]TimelineEntry, 0, len(p.Items))
			for i := range p.Items {
				d.Timeline = append(d.Timeline, trimLogEntry(&p.Items[i]))
			}
			slices.SortStableFunc(d.Timeline, func(a, b TimelineEntry) int { return a.At.Compare(b.At) })
			d.MoreTimeline = p.More
		case "alerts":
			p, err := c.client.Incidents.ListAlertsPage(ctx, d.ID, &pagerduty.ListAlertsOptions{
				ListOptions: pagerduty.ListOptions{Limit: maxHistory}})
			if err != nil {
				return fmt.Errorf("reading the alerts: %w", err)
			}
			d.AlertList = make([]AlertInfo, 0, len(p.Items))
			for i := range p.Items {
				d.AlertList = append(d.AlertList, trimAlert(&p.Items[i]))
			}
			d.MoreAlerts = p.More
		}
	}
	return nil
}
