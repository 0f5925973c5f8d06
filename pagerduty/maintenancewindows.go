package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// MaintenanceWindowsService reads and changes maintenance windows: periods
// in which a service opens no incidents.
type MaintenanceWindowsService service

// MaintenanceWindow is a period in which the events sent to its services
// open no incidents.
type MaintenanceWindow struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// SequenceNumber is the window's number, unique in the account.
	SequenceNumber int       `json:"sequence_number,omitempty"`
	StartTime      time.Time `json:"start_time"`
	EndTime        time.Time `json:"end_time"`
	Description    string    `json:"description,omitempty"`
	// CreatedBy is the user who made the window (in full with
	// IncludeMaintenanceWindowUsers).
	CreatedBy *User `json:"created_by,omitempty"`
	// Services are the services in maintenance (in full with
	// IncludeMaintenanceWindowServices).
	Services []Service `json:"services,omitempty"`
	// Teams are the teams of those services (in full with
	// IncludeMaintenanceWindowTeams).
	Teams []Team `json:"teams,omitempty"`
}

// MaintenanceWindowInclude names what a maintenance window answer can embed
// in full.
type MaintenanceWindowInclude string

// The expansions maintenance window answers accept.
const (
	IncludeMaintenanceWindowTeams    MaintenanceWindowInclude = "teams"
	IncludeMaintenanceWindowServices MaintenanceWindowInclude = "services"
	IncludeMaintenanceWindowUsers    MaintenanceWindowInclude = "users"
)

var maintenanceWindowIncludes = []MaintenanceWindowInclude{IncludeMaintenanceWindowTeams,
	IncludeMaintenanceWindowServices, IncludeMaintenanceWindowUsers}

// MaintenanceWindowFilter selects maintenance windows by where they are in
// time.
type MaintenanceWindowFilter string

// The time filters of maintenance windows.
const (
	MaintenancePast    MaintenanceWindowFilter = "past"
	MaintenanceFuture  MaintenanceWindowFilter = "future"
	MaintenanceOngoing MaintenanceWindowFilter = "ongoing"
	// MaintenanceOpen keeps the ongoing and future windows.
	MaintenanceOpen MaintenanceWindowFilter = "open"
	MaintenanceAll  MaintenanceWindowFilter = "all"
)

// ListMaintenanceWindowsOptions filters and pages a maintenance window
// listing. The zero value lists every window.
type ListMaintenanceWindowsOptions struct {
	ListOptions

	// Query keeps the windows whose description contains this text.
	Query string `url:"query"`
	// TeamIDs and ServiceIDs keep the windows of these teams and services.
	TeamIDs    []string `url:"team_ids[]"`
	ServiceIDs []string `url:"service_ids[]"`
	// Includes embeds these objects in full.
	Includes []MaintenanceWindowInclude `url:"include[]"`
	// Filter keeps past, future, ongoing or open windows.
	Filter MaintenanceWindowFilter `url:"filter"`
}

func (o *ListMaintenanceWindowsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("ServiceIDs", o.ServiceIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, maintenanceWindowIncludes...); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("Filter", o.Filter, MaintenancePast, MaintenanceFuture,
		MaintenanceOngoing, MaintenanceOpen, MaintenanceAll); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the maintenance windows that match opts, fetching pages as
// the loop asks for them; breaking out of the loop stops fetching.
//
// OAuth scope services.read.
func (s *MaintenanceWindowsService) List(ctx context.Context, opts *ListMaintenanceWindowsOptions) iter.Seq2[MaintenanceWindow, error] {
	return offsetSeqAt[MaintenanceWindow](ctx, s.client, "/maintenance_windows", "maintenance_windows", opts.query)
}

// ListPage returns one page of the maintenance windows that match opts, at
// opts.Offset, with the pagination facts.
//
// OAuth scope services.read.
func (s *MaintenanceWindowsService) ListPage(ctx context.Context, opts *ListMaintenanceWindowsOptions) (*Page[MaintenanceWindow], error) {
	return offsetPageAt[MaintenanceWindow](ctx, s.client, "/maintenance_windows", "maintenance_windows", opts.query)
}

// GetMaintenanceWindowOptions selects what a maintenance window answer
// embeds.
type GetMaintenanceWindowOptions struct {
	// Includes embeds these objects in full.
	Includes []MaintenanceWindowInclude `url:"include[]"`
}

// Get returns the maintenance window with the given ID.
//
// OAuth scope services.read.
func (s *MaintenanceWindowsService) Get(ctx context.Context, id string, opts *GetMaintenanceWindowOptions) (*MaintenanceWindow, error) {
	return getIncluding[MaintenanceWindow](ctx, s.client, "/maintenance_windows/{id}", "maintenance_window", []string{id}, opts,
		func(o *GetMaintenanceWindowOptions) []MaintenanceWindowInclude { return o.Includes }, maintenanceWindowIncludes...)
}

// MaintenanceWindowParams describes a maintenance window to create, or the
// new state of one to update. StartTime, EndTime and at least one service
// are required.
type MaintenanceWindowParams struct {
	// From is the email of the PagerDuty user making the window; empty
	// means the client's WithFrom. Create needs one.
	From string `json:"-"`

	StartTime time.Time
	EndTime   time.Time
	// Description says why the services are in maintenance; nil leaves it
	// as it is on Update.
	Description *string
	// ServiceIDs are the services in maintenance.
	ServiceIDs []string
}

type maintenanceWindowWire struct {
	Type        string      `json:"type"`
	StartTime   time.Time   `json:"start_time"`
	EndTime     time.Time   `json:"end_time"`
	Description *string     `json:"description,omitempty"`
	Services    []Reference `json:"services"`
}

func (p *MaintenanceWindowParams) wire() (*maintenanceWindowWire, error) {
	if p == nil {
		return nil, required("the maintenance window params", "pass a *MaintenanceWindowParams")
	}
	if p.StartTime.IsZero() {
		return nil, required("StartTime", "when the maintenance begins")
	}
	if p.EndTime.IsZero() {
		return nil, required("EndTime", "when the maintenance ends")
	}
	if !p.EndTime.After(p.StartTime) {
		return nil, fmt.Errorf("pagerduty: EndTime (%s) must be after StartTime (%s)", p.EndTime.Format(time.RFC3339), p.StartTime.Format(time.RFC3339))
	}
	if len(p.ServiceIDs) == 0 {
		return nil, required("ServiceIDs", "at least one service to put in maintenance")
	}
	if err := checkIDs("ServiceIDs", p.ServiceIDs); err != nil {
		return nil, err
	}
	w := &maintenanceWindowWire{Type: "maintenance_window", StartTime: p.StartTime, EndTime: p.EndTime, Description: p.Description}
	for _, id := range p.ServiceIDs {
		w.Services = append(w.Services, Reference{ID: id, Type: "service_reference"})
	}
	return w, nil
}

// Create opens a maintenance window on the given services and returns it.
//
// OAuth scope services.write.
func (s *MaintenanceWindowsService) Create(ctx context.Context, p *MaintenanceWindowParams) (*MaintenanceWindow, error) {
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	if err := s.client.needFrom(p.From); err != nil {
		return nil, err
	}
	r := &request{method: "POST", path: "/maintenance_windows", body: map[string]any{"maintenance_window": w}, from: p.From}
	return objectCall[MaintenanceWindow](ctx, s.client, r, "maintenance_window")
}

// Update changes the maintenance window with the given ID and returns it as
// it is now. The API refuses changes to a window that has ended.
//
// OAuth scope services.write.
func (s *MaintenanceWindowsService) Update(ctx context.Context, id string, p *MaintenanceWindowParams) (*MaintenanceWindow, error) {
	path, err := expandPath("/maintenance_windows/{id}", id)
	if err != nil {
		return nil, err
	}
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"maintenance_window": w}, from: p.From}
	return objectCall[MaintenanceWindow](ctx, s.client, r, "maintenance_window")
}

// Delete removes the maintenance window with the given ID, or ends it if it
// is under way. The API refuses to delete a window that has ended.
//
// OAuth scope services.write.
func (s *MaintenanceWindowsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/maintenance_windows/{id}", id)
}
