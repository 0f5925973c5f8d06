package pagerduty_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// BenchmarkUsersList measures streaming 1,000 users in pages of 100 from a
// local server: request, decoding and iteration.
func BenchmarkUsersList(b *testing.B) {
	const total = 1000
	pages := map[int][]byte{}
	for off := 0; off < total; off += 100 {
		var sb strings.Builder
		sb.WriteString(`{"users":[`)
		for i := off; i < off+100; i++ {
			if i > off {
				sb.WriteByte(',')
			}
			sb.WriteString(strings.Replace(userJSON, "PUSER01", fmt.Sprintf("PU%05d", i), 1))
		}
		fmt.Fprintf(&sb, `],"limit":100,"offset":%d,"more":%t}`, off, off+100 < total)
		pages[off] = []byte(sb.String())
	}
	c := newTestClient(b, func(w http.ResponseWriter, r *http.Request) {
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(pages[off])
	})
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, err := range c.Users.List(ctx, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != total {
			b.Fatalf("read %d users, want %d", n, total)
		}
	}
}

// BenchmarkEscalationPolicyDecode measures decoding a policy whose targets
// are embedded users, assignment strategies in the object form.
func BenchmarkEscalationPolicyDecode(b *testing.B) {
	data := []byte(policyJSON)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var ep pagerduty.EscalationPolicy
		if err := json.Unmarshal(data, &ep); err != nil {
			b.Fatal(err)
		}
	}
}
