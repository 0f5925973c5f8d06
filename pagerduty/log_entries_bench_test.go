package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// BenchmarkLogEntriesListPastCeiling reads 10,250 log entries (103 pages)
// from a local server, moving the window once past the 10,000-item ceiling.
// The figure includes the fake server's own filtering, which scans every
// entry for each page.
func BenchmarkLogEntriesListPastCeiling(b *testing.B) {
	const n = pagerduty.OffsetCeiling + 250
	c, _, _ := logServer(b, "/log_entries", n)
	b.ReportAllocs()
	for b.Loop() {
		read := 0
		for _, err := range c.LogEntries.List(context.Background(), nil) {
			if err != nil {
				b.Fatal(err)
			}
			read++
		}
		if read != n {
			b.Fatalf("read %d entries, want %d", read, n)
		}
	}
}

// BenchmarkIncidentsUpdateInBatches sends 1,000 updates (4 requests) to a
// local server.
func BenchmarkIncidentsUpdateInBatches(b *testing.B) {
	c := fakeAPIBench(b, `{"incidents":[]}`)
	p := &pagerduty.UpdateIncidentsParams{Updates: manyUpdates(1000)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Incidents.UpdateInBatches(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}
