package bench

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func BenchmarkList10k(b *testing.B) {
	srv := NewServer(Config{})
	defer srv.Close()
	ctx := context.Background()
	b.Run("go-pagerduty", func(b *testing.B) {
		c := newGoPD(srv.URL)
		b.ReportAllocs()
		for b.Loop() {
			n, err := listGoPD(ctx, c)
			if err != nil || n != 10000 {
				b.Fatal(n, err)
			}
		}
	})
	b.Run("pdkit", func(b *testing.B) {
		c := newPDKit(b, srv.URL, pagerduty.RateLimit{Disabled: true})
		b.ReportAllocs()
		for b.Loop() {
			n, err := listPDKit(ctx, c)
			if err != nil || n != 10000 {
				b.Fatal(n, err)
			}
		}
	})
}
