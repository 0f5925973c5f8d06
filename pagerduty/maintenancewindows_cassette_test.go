package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkRecordedWindow(t *testing.T, what string, mw *pagerduty.MaintenanceWindow) {
	t.Helper()
	if mw == nil || mw.ID == "" || mw.Type != "maintenance_window" || mw.StartTime.IsZero() || !mw.EndTime.After(mw.StartTime) || len(mw.Services) == 0 {
		t.Errorf("%s: window %+v lacks an ID, a type, its times or its services", what, mw)
	}
}

func TestMaintenanceWindowsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/maintenance_windows/all")
	ctx := context.Background()

	for _, mw := range readUpTo(t, "List", c.MaintenanceWindows.List(ctx, &pagerduty.ListMaintenanceWindowsOptions{
		Query: "eschaton", TeamIDs: []string{"PQ9K7I8"}, ServiceIDs: []string{"PIJ90N7"}, Filter: pagerduty.MaintenanceOpen,
		Includes: []pagerduty.MaintenanceWindowInclude{pagerduty.IncludeMaintenanceWindowServices, pagerduty.IncludeMaintenanceWindowTeams},
	}), 2) {
		checkRecordedWindow(t, "List", &mw)
	}
	page := must(c.MaintenanceWindows.ListPage(ctx, &pagerduty.ListMaintenanceWindowsOptions{Filter: pagerduty.MaintenancePast, ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Error("ListPage: no windows")
	}
	mw := must(c.MaintenanceWindows.Get(ctx, "PW98YIO", &pagerduty.GetMaintenanceWindowOptions{
		Includes: []pagerduty.MaintenanceWindowInclude{pagerduty.IncludeMaintenanceWindowUsers}})).ok(t, "Get")
	checkRecordedWindow(t, "Get", mw)
	if mw.CreatedBy == nil || mw.CreatedBy.ID == "" {
		t.Errorf("Get: window %s lacks its author", mw.ID)
	}

	start := time.Date(2026, 6, 1, 22, 0, 0, 0, time.UTC)
	p := &pagerduty.MaintenanceWindowParams{StartTime: start, EndTime: start.Add(2 * time.Hour),
		Description: pointerTo("Immanentizing the eschaton"), ServiceIDs: []string{"PIJ90N7"}}
	created := must(c.MaintenanceWindows.Create(ctx, p)).ok(t, "Create")
	checkRecordedWindow(t, "Create", created)
	p.EndTime = start.Add(3 * time.Hour)
	checkRecordedWindow(t, "Update", must(c.MaintenanceWindows.Update(ctx, created.ID, p)).ok(t, "Update"))
	mustDo(t, "Delete", c.MaintenanceWindows.Delete(ctx, created.ID))
}
