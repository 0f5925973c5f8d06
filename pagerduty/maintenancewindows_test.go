package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const windowJSON = `{"id":"PMW0001","type":"maintenance_window","sequence_number":7,"description":"Database upgrade",
 "start_time":"2026-05-01T22:00:00+02:00","end_time":"2026-05-02T00:00:00+02:00",
 "created_by":{"id":"PUSER01","type":"user_reference","summary":"Ada Lovelace"},
 "services":[{"id":"PSVC001","type":"service","name":"Checkout"}],
 "teams":[{"id":"PTEAM01","type":"team_reference","summary":"Platform"}]}`

func checkWindow(t *testing.T, got any) {
	t.Helper()
	mw := got.(*pagerduty.MaintenanceWindow)
	if mw.ID != "PMW0001" || mw.SequenceNumber != 7 || mw.Description != "Database upgrade" || mw.CreatedBy == nil || mw.CreatedBy.ID != "PUSER01" {
		t.Errorf("window %+v", mw)
	}
	if !mw.StartTime.Equal(time.Date(2026, 5, 1, 20, 0, 0, 0, time.UTC)) || mw.EndTime.Sub(mw.StartTime) != 2*time.Hour {
		t.Errorf("window times %v %v", mw.StartTime, mw.EndTime)
	}
	if len(mw.Services) != 1 || mw.Services[0].Name != "Checkout" || len(mw.Teams) != 1 {
		t.Errorf("services %+v teams %+v", mw.Services, mw.Teams)
	}
}

func TestMaintenanceWindowsRequests(t *testing.T) {
	start := time.Date(2026, 5, 1, 20, 0, 0, 0, time.UTC)
	params := pagerduty.MaintenanceWindowParams{StartTime: start, EndTime: start.Add(2 * time.Hour),
		Description: pointerTo("Database upgrade"), ServiceIDs: []string{"PSVC001", "PSVC002"}}
	const body = `{"maintenance_window":{"type":"maintenance_window","start_time":"2026-05-01T20:00:00Z","end_time":"2026-05-01T22:00:00Z",
		"description":"Database upgrade","services":[{"id":"PSVC001","type":"service_reference"},{"id":"PSVC002","type":"service_reference"}]}}`
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				mw, err := firstOf(c.MaintenanceWindows.List(ctx, &pagerduty.ListMaintenanceWindowsOptions{
					Query: "upgrade", TeamIDs: []string{"PTEAM01"}, ServiceIDs: []string{"PSVC001"}, Filter: pagerduty.MaintenanceOngoing,
					Includes: []pagerduty.MaintenanceWindowInclude{pagerduty.IncludeMaintenanceWindowServices}}))
				return &mw, err
			},
			answer: `{"maintenance_windows":[` + windowJSON + `],"limit":100,"offset":0,"more":false}`,
			want: wantRequest{method: "GET", path: "/maintenance_windows", query: pageQuery("query", "upgrade", "team_ids[]", "PTEAM01",
				"service_ids[]", "PSVC001", "include[]", "services", "filter", "ongoing")},
			check: checkWindow,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.MaintenanceWindows.ListPage(ctx, &pagerduty.ListMaintenanceWindowsOptions{Filter: pagerduty.MaintenanceFuture, ListOptions: pagerduty.ListOptions{Total: true}})
				if err != nil {
					return nil, err
				}
				if p.Total == nil || *p.Total != 1 {
					t.Errorf("total %v", p.Total)
				}
				return &p.Items[0], nil
			},
			answer: `{"maintenance_windows":[` + windowJSON + `],"limit":25,"offset":0,"more":false,"total":1}`,
			want:   wantRequest{method: "GET", path: "/maintenance_windows", query: vals("filter", "future", "total", "true")},
			check:  checkWindow,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.MaintenanceWindows.Get(ctx, "PMW0001", &pagerduty.GetMaintenanceWindowOptions{
					Includes: []pagerduty.MaintenanceWindowInclude{pagerduty.IncludeMaintenanceWindowUsers, pagerduty.IncludeMaintenanceWindowTeams}})
			},
			answer: `{"maintenance_window":` + windowJSON + `}`,
			want:   wantRequest{method: "GET", path: "/maintenance_windows/PMW0001", query: vals("include[]", "users", "include[]", "teams")},
			check:  checkWindow,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p := params
				p.From = "ops@example.com"
				return c.MaintenanceWindows.Create(ctx, &p)
			},
			status: 201,
			answer: `{"maintenance_window":` + windowJSON + `}`,
			want:   wantRequest{method: "POST", path: "/maintenance_windows", from: "ops@example.com", body: body},
			check:  checkWindow,
		},
		{
			name: "Update",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p := params
				return c.MaintenanceWindows.Update(ctx, "PMW0001", &p)
			},
			answer: `{"maintenance_window":` + windowJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/maintenance_windows/PMW0001", body: body},
			check:  checkWindow,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.MaintenanceWindows.Delete(ctx, "PMW0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/maintenance_windows/PMW0001"},
		},
	})
}

func TestMaintenanceWindowsRejectBadInput(t *testing.T) {
	start := time.Now().Add(time.Hour)
	create := func(p pagerduty.MaintenanceWindowParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.MaintenanceWindows.Create(ctx, &p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"no start", create(pagerduty.MaintenanceWindowParams{From: "a@example.com", EndTime: start, ServiceIDs: []string{"PSVC001"}}), "StartTime is required"},
		{"no end", create(pagerduty.MaintenanceWindowParams{From: "a@example.com", StartTime: start, ServiceIDs: []string{"PSVC001"}}), "EndTime is required"},
		{"end before start", create(pagerduty.MaintenanceWindowParams{From: "a@example.com", StartTime: start, EndTime: start.Add(-time.Minute), ServiceIDs: []string{"PSVC001"}}), "must be after StartTime"},
		{"no services", create(pagerduty.MaintenanceWindowParams{From: "a@example.com", StartTime: start, EndTime: start.Add(time.Hour)}), "ServiceIDs is required"},
		{"bad service", create(pagerduty.MaintenanceWindowParams{From: "a@example.com", StartTime: start, EndTime: start.Add(time.Hour), ServiceIDs: []string{"P/1"}}), "ServiceIDs"},
		{"no from", create(pagerduty.MaintenanceWindowParams{StartTime: start, EndTime: start.Add(time.Hour), ServiceIDs: []string{"PSVC001"}}), "set From"},
		{"filter", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.MaintenanceWindows.List(ctx, &pagerduty.ListMaintenanceWindowsOptions{Filter: "recent"}))
		}, `"recent" is not accepted`},
		{"include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.MaintenanceWindows.Get(ctx, "PMW0001", &pagerduty.GetMaintenanceWindowOptions{Includes: []pagerduty.MaintenanceWindowInclude{"incidents"}})
			return err
		}, `"incidents" is not accepted`},
		{"team ids", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.MaintenanceWindows.ListPage(ctx, &pagerduty.ListMaintenanceWindowsOptions{TeamIDs: []string{"?"}})
			return err
		}, "TeamIDs"},
		{"delete id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.MaintenanceWindows.Delete(ctx, "")
		}, "ID is empty"},
	})
}
