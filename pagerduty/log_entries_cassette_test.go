package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestLogEntriesCassette'.
func TestLogEntriesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/log_entries/all")
	ctx := context.Background()

	entries := takeFromSeq(t, c.LogEntries.List(ctx, &pagerduty.ListLogEntriesOptions{
		Since:       time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC),
		Until:       time.Date(2015, 12, 1, 0, 0, 0, 0, time.UTC),
		TeamIDs:     []string{"PQ9K7I8"},
		IsOverview:  true,
		Includes:    []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeIncidents},
		ListOptions: pagerduty.ListOptions{Limit: 1},
	}), 1) // the mock repeats one entry on every page; the window skips repeats
	if len(entries) == 0 {
		t.Fatal("List returned no entries")
	}
	for _, e := range entries {
		if e.ID == "" || e.Type == "" || e.CreatedAt.IsZero() || e.Incident == nil || e.Incident.ID == "" || len(e.Teams) == 0 {
			t.Errorf("List: entry %+v lacks an ID, type, time, incident or team", e)
		}
	}

	page, err := c.LogEntries.ListPage(ctx, &pagerduty.ListLogEntriesOptions{TimeZone: "UTC", ListOptions: pagerduty.ListOptions{Limit: 1, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) != 1 || !page.More {
		t.Errorf("ListPage = %d items, more %v; want 1 item and more", len(page.Items), page.More)
	}

	e, err := c.LogEntries.Get(ctx, "Q02JTSNZWHSEKV", &pagerduty.GetLogEntryOptions{TimeZone: "UTC", Includes: []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeChannels}})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if e.ID == "" || e.Type == "" || e.CreatedAt.IsZero() || e.Channel == nil {
		t.Errorf("Get = %+v; want an ID, a type, a time and a channel", e)
	}

	if err := c.LogEntries.UpdateChannel(ctx, "Q02JTSNZWHSEKV", &pagerduty.UpdateLogEntryChannelParams{
		Type:    pagerduty.ChannelWebTrigger,
		Details: "Details redacted by the responder.",
	}); err != nil {
		t.Fatalf("UpdateChannel: %v", err)
	}
}
