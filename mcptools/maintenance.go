package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// MaintenanceWindow is the trimmed maintenance window tools answer with.
type MaintenanceWindow struct {
	ID          string    `json:"id"`
	Number      int       `json:"number,omitempty"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	Description string    `json:"description,omitempty"`
	Services    []Ref     `json:"services,omitempty"`
	CreatedBy   *Ref      `json:"created_by,omitempty"`
	URL         string    `json:"url,omitempty"`
}

func trimWindow(w *pagerduty.MaintenanceWindow) MaintenanceWindow {
	out := MaintenanceWindow{ID: w.ID, Number: w.SequenceNumber, Start: w.StartTime.UTC(), End: w.EndTime.UTC(),
		Description: w.Description, URL: w.HTMLURL}
	for _, s := range w.Services {
		out.Services = append(out.Services, *refOf(s.ID, s.Name, s.Summary))
	}
	if u := w.CreatedBy; u != nil {
		out.CreatedBy = refOf(u.ID, u.Name, u.Summary)
	}
	return out
}

func (w *MaintenanceWindow) line() string {
	s := fmt.Sprintf("%s %s to %s", w.ID, fmtTime(w.Start), fmtTime(w.End))
	if len(w.Services) > 0 {
		s += " - services " + joinRefs(w.Services)
	}
	if w.Description != "" {
		s += " - " + truncate(w.Description, 120)
	}
	return s
}

func (w *MaintenanceWindow) text() string { return "Maintenance window " + w.line() }

type listWindowsIn struct {
	When    string `json:"when,omitempty" jsonschema:"enum=ongoing,enum=future,enum=open,enum=past,enum=all" jsonschema_description:"Which windows: ongoing, future, open (ongoing and future, the default), past or all."`
	Service string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep windows of this service: its ID or name."`
	Team    string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep windows of this team's services: its ID or name."`
	Limit   int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many windows to return, 1 to 100 (default 25)."`
	Cursor  string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// MaintenanceWindowList is a page of maintenance windows.
type MaintenanceWindowList struct {
	MaintenanceWindows []MaintenanceWindow `json:"maintenance_windows"`
	PageInfo
}

func (l *MaintenanceWindowList) text() string {
	return l.header(len(l.MaintenanceWindows), "maintenance window") + lines(l.MaintenanceWindows, (*MaintenanceWindow).line) + l.footer()
}

var listMaintenanceWindows = &tool[listWindowsIn, *MaintenanceWindowList]{
	spec: spec{
		name:    "list_maintenance_windows",
		title:   "List maintenance windows",
		toolset: ToolsetMaintenanceWindows,
		description: `Lists maintenance windows (periods when services open no incidents), one line each: ID, start, end, services, description.
By default the ongoing and future ones. Pages of limit windows (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listWindowsIn) (*MaintenanceWindowList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_maintenance_windows", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListMaintenanceWindowsOptions{ListOptions: pg.options(), Filter: pagerduty.MaintenanceOpen,
			Includes: []pagerduty.MaintenanceWindowInclude{pagerduty.IncludeMaintenanceWindowServices}}
		if in.When != "" {
			opts.Filter = pagerduty.MaintenanceWindowFilter(in.When)
		}
		if err := resolveInto(ctx, c, "service", in.Service, resolveService, &opts.ServiceIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		p, err := c.client.MaintenanceWindows.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &MaintenanceWindowList{MaintenanceWindows: trimEach(p.Items, trimWindow), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type createWindowIn struct {
	Services    []string `json:"services" jsonschema:"required,minItems=1,maxItems=25,uniqueItems=true" jsonschema_description:"The services to put in maintenance: IDs or names."`
	Start       string   `json:"start,omitempty" jsonschema:"maxLength=40" jsonschema_description:"When it starts (default now): RFC 3339 (2026-01-31T14:00:00Z) or \"now\"."`
	End         string   `json:"end,omitempty" jsonschema:"maxLength=40" jsonschema_description:"When it ends, RFC 3339; or give duration instead."`
	Duration    string   `json:"duration,omitempty" jsonschema:"maxLength=20" jsonschema_description:"How long it lasts from start, such as 30m, 2h or 1d, when end is not given."`
	Description string   `json:"description,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"Why the services are in maintenance."`
}

var createMaintenanceWindow = &tool[createWindowIn, *MaintenanceWindow]{
	spec: spec{
		name:    "create_maintenance_window",
		title:   "Create a maintenance window",
		toolset: ToolsetMaintenanceWindows,
		write:   true,
		description: `Puts services in maintenance for a period: while it lasts they open no incidents and notify nobody (events are dropped).
Give services, and end or duration (start defaults to now). Returns the new window with its ID, which delete_maintenance_window takes to end it early.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in createWindowIn) (*MaintenanceWindow, error) {
		start, err := parseTime("start", firstNonEmpty(in.Start, "now"), c.now)
		if err != nil {
			return nil, err
		}
		var end time.Time
		switch {
		case in.End != "" && in.Duration != "":
			return nil, argError("duration", "give end or duration, not both")
		case in.End != "":
			if end, err = parseTime("end", in.End, c.now); err != nil {
				return nil, err
			}
		case in.Duration != "":
			d, ok := parseAgo(strings.TrimSpace(in.Duration))
			if !ok || d <= 0 {
				return nil, argError("duration", "%q is not a duration: use such as 30m, 2h or 1d", truncate(in.Duration, 20))
			}
			end = start.Add(d)
		default:
			return nil, argError("end", "say when the window ends: give end (RFC 3339) or duration (such as 2h)")
		}
		if !end.After(start) {
			return nil, argError("end", "it must be after start (%s)", start.UTC().Format(time.RFC3339))
		}
		if end.Before(c.now) {
			return nil, argError("end", "it is in the past (%s): a maintenance window must end in the future", end.UTC().Format(time.RFC3339))
		}
		p := &pagerduty.MaintenanceWindowParams{StartTime: start, EndTime: end}
		_, p.From = actor(ctx, c)
		if d := strings.TrimSpace(in.Description); d != "" {
			p.Description = &d
		}
		for _, s := range in.Services {
			id, err := resolveService(ctx, c, "services", s)
			if err != nil {
				return nil, err
			}
			p.ServiceIDs = append(p.ServiceIDs, id)
		}
		w, err := c.client.MaintenanceWindows.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		out := trimWindow(w)
		return &out, nil
	},
}

type deleteWindowIn struct {
	ID string `json:"id" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The maintenance window's ID, from list_maintenance_windows."`
}

// Deleted confirms that an object is gone.
type Deleted struct {
	ID   string `json:"id"`
	What string `json:"what"`
}

func (d *Deleted) text() string { return "Deleted " + d.What + " " + d.ID + "." }

var deleteMaintenanceWindow = &tool[deleteWindowIn, *Deleted]{
	spec: spec{
		name:        "delete_maintenance_window",
		title:       "Delete a maintenance window",
		toolset:     ToolsetMaintenanceWindows,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Deletes a future maintenance window, or ends an ongoing one now, so its services open incidents again.
PagerDuty cannot delete a window that has already ended; it answers with an error.`,
		notFound: "list_maintenance_windows",
	},
	handler: func(ctx context.Context, c *call, in deleteWindowIn) (*Deleted, error) {
		id, err := checkID("id", in.ID)
		if err != nil {
			return nil, err
		}
		if err := c.client.MaintenanceWindows.Delete(ctx, id); err != nil {
			return nil, err
		}
		return &Deleted{ID: id, What: "maintenance window"}, nil
	},
}
