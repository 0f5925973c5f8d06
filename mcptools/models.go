package mcptools

import (
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Ref names another object: its ID and its name.
type Ref struct {
	// ID is the object's PagerDuty ID.
	ID string `json:"id"`
	// Name is its name (or PagerDuty's summary of it).
	Name string `json:"name,omitempty"`
}

// String renders the reference as "Name (ID)", or the ID alone.
func (r *Ref) String() string {
	if r == nil {
		return ""
	}
	if r.Name == "" {
		return r.ID
	}
	return r.Name + " (" + r.ID + ")"
}

func refOf(id, name, summary string) *Ref {
	if id == "" {
		return nil
	}
	if name == "" {
		name = summary
	}
	return &Ref{ID: id, Name: name}
}

// Incident is the trimmed incident tools answer with: what a responder
// needs to act, nothing more.
type Incident struct {
	// ID and Number identify the incident; people use the number (#1234).
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
	// Status is triggered, acknowledged or resolved.
	Status string `json:"status"`
	// Urgency is high or low.
	Urgency string `json:"urgency"`
	// Priority is the priority's name (P1), when it has one.
	Priority string `json:"priority,omitempty"`
	Service  *Ref   `json:"service,omitempty"`
	// Assignees are the users it is assigned to (none once resolved).
	Assignees []Ref     `json:"assignees,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// ResolvedAt is set once the incident is resolved.
	ResolvedAt time.Time `json:"resolved_at,omitzero"`
	// URL is the incident's page in the PagerDuty web app.
	URL string `json:"url,omitempty"`
}

func trimIncident(in *pagerduty.Incident) Incident {
	out := Incident{
		ID: in.ID, Number: in.Number, Title: in.Title, Status: string(in.Status),
		Urgency: string(in.Urgency), CreatedAt: in.CreatedAt.UTC(), ResolvedAt: in.ResolvedAt, URL: in.HTMLURL,
	}
	if !out.ResolvedAt.IsZero() {
		out.ResolvedAt = out.ResolvedAt.UTC()
	}
	if out.Title == "" {
		out.Title = in.Summary
	}
	if p := in.Priority; p != nil {
		out.Priority = firstNonEmpty(p.Name, p.Summary)
	}
	if s := in.Service; s != nil {
		out.Service = refOf(s.ID, s.Name, s.Summary)
	}
	for _, a := range in.Assignments {
		if u := a.Assignee; u != nil {
			out.Assignees = append(out.Assignees, *refOf(u.ID, u.Name, u.Summary))
		}
	}
	return out
}

// line renders an incident on one line:
//
//	#1234 PABC123 [triggered, high, P1] Disk full - Postgres (PSVC1) - assigned to Ada (PUSR1) - 2026-01-31 14:00Z
func (i *Incident) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s [%s, %s", i.Number, i.ID, i.Status, i.Urgency)
	if i.Priority != "" {
		b.WriteString(", " + i.Priority)
	}
	b.WriteString("] " + i.Title)
	if i.Service != nil {
		b.WriteString(" - " + i.Service.String())
	}
	if len(i.Assignees) > 0 {
		names := make([]string, len(i.Assignees))
		for k := range i.Assignees {
			names[k] = i.Assignees[k].String()
		}
		b.WriteString(" - assigned to " + strings.Join(names, ", "))
	}
	b.WriteString(" - created " + fmtTime(i.CreatedAt))
	if !i.ResolvedAt.IsZero() {
		b.WriteString(", resolved " + fmtTime(i.ResolvedAt))
	}
	return b.String()
}

// User is the trimmed user tools answer with.
type User struct {
	// ID identifies the user; Name and Email are how people name them.
	ID       string `json:"id"`
	Name     string `json:"name"`
	Email    string `json:"email,omitempty"`
	Role     string `json:"role,omitempty"`
	TimeZone string `json:"time_zone,omitempty"`
	JobTitle string `json:"job_title,omitempty"`
	// Teams are the teams the user belongs to.
	Teams []Ref `json:"teams,omitempty"`
	// URL is the user's page in the PagerDuty web app.
	URL string `json:"url,omitempty"`
}

func trimUser(u *pagerduty.User) User {
	out := User{ID: u.ID, Name: firstNonEmpty(u.Name, u.Summary), Email: u.Email, Role: string(u.Role),
		TimeZone: u.TimeZone, JobTitle: u.JobTitle, URL: u.HTMLURL}
	for _, t := range u.Teams {
		out.Teams = append(out.Teams, *refOf(t.ID, t.Name, t.Summary))
	}
	return out
}

func (u *User) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)", u.Name, u.ID)
	if u.Email != "" {
		b.WriteString(" <" + u.Email + ">")
	}
	if u.Role != "" {
		b.WriteString(", role " + u.Role)
	}
	if u.TimeZone != "" {
		b.WriteString(", " + u.TimeZone)
	}
	if len(u.Teams) > 0 {
		names := make([]string, len(u.Teams))
		for k := range u.Teams {
			names[k] = u.Teams[k].String()
		}
		b.WriteString(", teams " + strings.Join(names, ", "))
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
