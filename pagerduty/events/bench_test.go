package events_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty/events"
)

// benchServer answers every event after latency, as a healthy Events API
// would.
func benchServer(b *testing.B, latency time.Duration) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if latency > 0 {
			time.Sleep(latency)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, `{"status":"success","message":"Event processed","dedup_key":"srv01/HTTP"}`)
	}))
	b.Cleanup(srv.Close)
	return srv
}

func benchClient(b *testing.B, srv *httptest.Server) *events.Client {
	c, err := events.NewClient(events.WithBaseURL(srv.URL), events.WithRoutingKey(testKey), noPacing)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkSend measures one trigger: validation, encoding, the round trip to
// a local server and decoding the answer.
func BenchmarkSend(b *testing.B) {
	c := benchClient(b, benchServer(b, 0))
	ev := trigger()
	ev.DedupKey = "srv01/HTTP"
	ev.Payload.CustomDetails = map[string]any{"free space": "1%", "load avg": 0.75}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Send(ctx, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSendAll1000 sends bursts of 1,000 events to a local server with
// client-side pacing off, at several concurrencies: with an instant server
// (what the client itself costs) and with one that takes 2ms to answer
// (where concurrency pays).
func BenchmarkSendAll1000(b *testing.B) {
	for _, latency := range []time.Duration{0, 2 * time.Millisecond} {
		for _, conc := range []int{1, 8, 32} {
			b.Run(fmt.Sprintf("latency=%s/concurrency=%d", latency, conc), func(b *testing.B) {
				c := benchClient(b, benchServer(b, latency))
				evs := burst(1000)
				ctx := context.Background()
				b.ReportAllocs()
				for b.Loop() {
					for i, r := range c.SendAll(ctx, evs, &events.SendAllOptions{Concurrency: conc}) {
						if r.Err != nil {
							b.Fatalf("event %d: %v", i, r.Err)
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(evs)), "ns/event")
			})
		}
	}
}

// BenchmarkValidate measures the checks and the encoding alone.
func BenchmarkValidate(b *testing.B) {
	ev := trigger()
	ev.RoutingKey = testKey
	ev.Payload.CustomDetails = map[string]any{"free space": "1%", "load avg": 0.75}
	b.ReportAllocs()
	for b.Loop() {
		if err := ev.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
