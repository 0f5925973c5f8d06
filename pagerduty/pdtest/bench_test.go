package pdtest

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// BenchmarkListIncidents pages through 10,000 incidents, 100 at a time,
// over HTTP: the walk the client's benchmarks do. Between writes the
// server reuses what it encoded.
func BenchmarkListIncidents(b *testing.B) { benchmarkWalk(b, false) }

// BenchmarkListIncidentsAfterWrite is the same walk with a write before
// each one, so every incident is encoded again.
func BenchmarkListIncidentsAfterWrite(b *testing.B) { benchmarkWalk(b, true) }

func benchmarkWalk(b *testing.B, write bool) {
	s := NewServer(WithNow(fixedNow), WithDemoIncidents(10000))
	defer s.Close()
	client := s.Client()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if write {
			if st, err := send(s, "POST", "/v2/change/enqueue", map[string]any{"routing_key": "k", "payload": map[string]any{"summary": "deploy"}}); err != nil || st != 202 {
				b.Fatalf("write: %d %v", st, err)
			}
		}
		for off := 0; off < 10000; off += 100 {
			req, _ := http.NewRequest("GET", fmt.Sprintf("%s/incidents?limit=100&offset=%d", s.URL, off), nil)
			req.Header.Set("Authorization", "Token token="+s.Token())
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/100, "µs/page")
}

// BenchmarkDemoDataset measures building the 10,000 incident demo account.
func BenchmarkDemoDataset(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		DemoDataset(1, testNow, 10000)
	}
}
