package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkAnalyticsRawIncidentsPage measures reading one full page (1,000
// records) of raw incident analytics: the request, the decoding of the loose
// times, and the page's cursors.
func BenchmarkAnalyticsRawIncidentsPage(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"data":[`)
	for i := range 1000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"PINC%04d","incident_number":%d,"description":"Disk full on db-%d","status":"resolved","urgency":"high",
			"created_at":"2024-03-01T09:12:00","resolved_at":"2024-03-01T10:12:00Z","service_id":"PSVC001","service_name":"Checkout",
			"assigned_user_ids":["PUSER01","PUSER02"],"seconds_to_resolve":3600,"priority_id":null,"user_defined_effort_seconds":null}`, i, i, i)
	}
	sb.WriteString(`],"first":"a","last":"b","limit":1000,"more":false}`)
	answer := []byte(sb.String())
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	})
	ctx := context.Background()
	b.SetBytes(int64(len(answer)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := c.Analytics.ListRawIncidentsPage(ctx, nil)
		if err != nil || len(p.Items) != 1000 {
			b.Fatalf("page of %d items, %v", len(p.Items), err)
		}
	}
}
