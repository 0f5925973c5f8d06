package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkChangeEvent(t *testing.T, what string, e pagerduty.ChangeEvent) {
	t.Helper()
	if e.Summary == "" || e.Timestamp.IsZero() || len(e.Services) == 0 || e.Services[0].ID == "" || e.Integration == nil {
		t.Errorf("%s: change event %+v lacks a summary, a time, a service or an integration", what, e)
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestChangeEventsCassette'.
func TestChangeEventsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/change_events/all")
	ctx := context.Background()
	// No Since/Until here: the description gives them a pattern no date
	// can match, so the mock refuses any; the unit tests cover them.
	window := &pagerduty.ListChangeEventsOptions{
		TeamIDs:        []string{"PQ9K7I8"},
		IntegrationIDs: []string{"PEYSGVF"},
	}

	events := takeFromSeq(t, c.ChangeEvents.List(ctx, window), 10)
	if len(events) == 0 {
		t.Fatal("List returned no change events")
	}
	for _, e := range events {
		checkChangeEvent(t, "List", e)
		if e.ID == "" {
			t.Errorf("List: change event %q has no ID", e.Summary)
		}
	}
	page, err := c.ChangeEvents.ListPage(ctx, &pagerduty.ListChangeEventsOptions{ListOptions: pagerduty.ListOptions{Limit: 2}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) == 0 {
		t.Errorf("ListPage returned no change events")
	}

	svc := takeFromSeq(t, c.ChangeEvents.ListForService(ctx, "PEYSGRV", window), 10)
	if len(svc) == 0 {
		t.Fatal("ListForService returned no change events")
	}
	checkChangeEvent(t, "ListForService", svc[0])
	svcPage, err := c.ChangeEvents.ListForServicePage(ctx, "PEYSGRV", &pagerduty.ListChangeEventsOptions{ListOptions: pagerduty.ListOptions{Limit: 5, Offset: 0}})
	if err != nil {
		t.Fatalf("ListForServicePage: %v", err)
	}
	if len(svcPage.Items) == 0 {
		t.Errorf("ListForServicePage returned no change events")
	}

	related, err := c.ChangeEvents.ListForIncident(ctx, "PT4KHLK", &pagerduty.RelatedChangeEventsOptions{Limit: 10})
	if err != nil {
		t.Fatalf("ListForIncident: %v", err)
	}
	if len(related) == 0 || related[0].CorrelationReason == nil || related[0].CorrelationReason.Reason == "" {
		t.Fatalf("ListForIncident = %+v; want events with a correlation reason", related)
	}
	checkChangeEvent(t, "ListForIncident", related[0])

	got, err := c.ChangeEvents.Get(ctx, "01BBYA6PEVW6A852BUO6QYUE7O")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkChangeEvent(t, "Get", *got)
	if got.CustomDetails["build_state"] == nil || len(got.Links) == 0 {
		t.Errorf("Get: custom details %v or links %v not decoded", got.CustomDetails, got.Links)
	}

	updated, err := c.ChangeEvents.Update(ctx, "01BBYA6PEVW6A852BUO6QYUE7O", &pagerduty.UpdateChangeEventParams{
		Summary:       "Build Success - Increase snapshot create timeout to 30 seconds",
		CustomDetails: map[string]any{"build_state": "passed", "build_number": "2"},
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkChangeEvent(t, "Update", *updated)
}
