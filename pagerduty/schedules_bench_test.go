package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// renderedSchedule is a schedule answer with n final-schedule entries and n
// layer entries: a month of hourly shifts is about 700 of each.
func renderedSchedule(n int) []byte {
	start := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var entries strings.Builder
	for i := range n {
		if i > 0 {
			entries.WriteByte(',')
		}
		fmt.Fprintf(&entries, `{"user": {"id": "PUSER%02d", "type": "user_reference", "summary": "User %d"}, "start": %q, "end": %q}`,
			i%40, i%40, start.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), start.Add(time.Duration(i+1)*time.Hour).Format(time.RFC3339))
	}
	e := entries.String()
	return []byte(`{"schedule": {"id": "PSCH001", "type": "schedule", "name": "Primary", "time_zone": "UTC",
		"schedule_layers": [{"id": "PLAY001", "start": "2024-01-01T00:00:00Z", "rotation_virtual_start": "2024-01-01T00:00:00Z",
			"rotation_turn_length_seconds": 3600, "users": [{"user": {"id": "PUSER01", "type": "user_reference"}}],
			"rendered_schedule_entries": [` + e + `]}],
		"final_schedule": {"name": "Final Schedule", "rendered_schedule_entries": [` + e + `]}}}`)
}

// BenchmarkSchedulesGetRendered measures reading a schedule rendered over a
// month of hourly shifts (720 entries per part), request included.
func BenchmarkSchedulesGetRendered(b *testing.B) {
	body := renderedSchedule(720)
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	ctx := context.Background()
	opts := &pagerduty.GetScheduleOptions{Since: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := c.Schedules.Get(ctx, "PSCH001", opts)
		if err != nil || len(s.FinalSchedule.RenderedScheduleEntries) != 720 {
			b.Fatalf("Get = %v entries, %v", s, err)
		}
	}
}
