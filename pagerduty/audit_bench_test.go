package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkAuditListPage streams one page of 100 account audit records, the
// most a page holds, from a local server.
func BenchmarkAuditListPage(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"records":[`)
	for i := range 100 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"R%03d","action":"update","execution_time":"2026-01-02T03:04:%02d.123Z","execution_context":{"request_id":"req-%d","remote_address":"203.0.113.7"},"actors":[{"id":"PU%03d","type":"user_reference","summary":"User %d"}],"method":{"type":"browser"},"root_resource":{"id":"PS%03d","type":"service_reference","summary":"Service"},"details":{"resource":{"id":"PS%03d","type":"service_reference"},"fields":[{"name":"name","value":"new","before_value":"old"}]}}`, i, i%60, i, i, i, i, i)
	}
	sb.WriteString(`],"limit":100,"next_cursor":null}`)
	body := []byte(sb.String())
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	ctx := context.Background()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.Audit.List(ctx, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100 {
			b.Fatalf("%d records, want 100", n)
		}
	}
}
