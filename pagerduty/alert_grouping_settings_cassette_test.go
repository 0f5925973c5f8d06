package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Record with:
//
//	PRISM_PORT=4032 scripts/record.sh ./pagerduty -run '^TestAlertGroupingSettingsCassette'

func checkRecordedAlertGroupingSetting(t *testing.T, what string, s *pagerduty.AlertGroupingSetting) {
	t.Helper()
	if s == nil || s.ID == "" || s.Name == "" || s.Type == "" || s.Config == nil || len(s.Services) == 0 || s.Services[0].ID == "" || s.CreatedAt.IsZero() {
		t.Errorf("%s: setting %+v lacks an ID, a name, a type, a configuration, services or a creation", what, s)
	}
}

func TestAlertGroupingSettingsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/alert_grouping_settings/settings")
	ctx := context.Background()

	for _, s := range readUpTo(t, "List", c.AlertGroupingSettings.List(ctx, &pagerduty.ListAlertGroupingSettingsOptions{ServiceIDs: []string{"P0KJZ0A"}}), 2) {
		checkRecordedAlertGroupingSetting(t, "List", &s)
	}
	page := must(c.AlertGroupingSettings.ListPage(ctx, &pagerduty.ListAlertGroupingSettingsOptions{Limit: 10, Total: true})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.NextCursor == "" || page.Before == "" {
		t.Errorf("ListPage = %+v: want items and both cursors", page)
	}
	if s := page.Items[0]; s.Config.TimeWindow == nil || s.Config.Aggregate == "" || len(s.Config.Fields) == 0 || s.Services[0].Name == "" {
		t.Errorf("ListPage: content-based configuration or service names lost: %+v", s)
	}

	created := must(c.AlertGroupingSettings.Create(ctx, &pagerduty.AlertGroupingSettingParams{
		Name: "Payments", Description: pointerTo("Groups payment alerts"), Type: pagerduty.AlertGroupingIntelligent,
		Config:     &pagerduty.AlertGroupingSettingConfig{AlertGroupingConfig: pagerduty.AlertGroupingConfig{TimeWindow: pointerTo(900)}, IAGFields: []string{"summary"}},
		ServiceIDs: []string{"P0KJZ0A", "PA15YRT"},
	})).ok(t, "Create")
	checkRecordedAlertGroupingSetting(t, "Create", created)
	checkRecordedAlertGroupingSetting(t, "Get", must(c.AlertGroupingSettings.Get(ctx, created.ID)).ok(t, "Get"))
	checkRecordedAlertGroupingSetting(t, "Update", must(c.AlertGroupingSettings.Update(ctx, created.ID, &pagerduty.AlertGroupingSettingParams{
		Name: "Payments", Type: pagerduty.AlertGroupingTime,
		Config:     &pagerduty.AlertGroupingSettingConfig{AlertGroupingConfig: pagerduty.AlertGroupingConfig{Timeout: pointerTo(600)}},
		ServiceIDs: []string{"P0KJZ0A"},
	})).ok(t, "Update"))
	mustDo(t, "Delete", c.AlertGroupingSettings.Delete(ctx, created.ID))
}
