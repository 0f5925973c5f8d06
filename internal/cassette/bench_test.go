package cassette

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkReplay measures one replayed request through the cassette's
// client: matching, response construction and reading the body.
func BenchmarkReplay(b *testing.B) {
	// A cassette with many identical interactions, so every iteration has
	// one left to replay.
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("---\nversion: 2\ninteractions:\n")
	for range 2048 {
		sb.WriteString(`    - request:
        body: '{"incident":{"title":"Disk full","type":"incident"}}'
        headers:
            Content-Type:
                - application/json
        url: https://api.pagerduty.com/incidents?limit=25&statuses%5B%5D=triggered
        method: POST
      response:
        body: '{"incident":{"id":"P1"}}'
        code: 201
        status: 201 Created
`)
	}
	if err := os.WriteFile(filepath.Join(dir, "bench.yaml"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	cas := New(b, "bench", InDir(dir), WithMode(Replay))
	hc := cas.HTTPClient()
	b.ResetTimer()
	for i := range b.N {
		if i > 0 && i%2048 == 0 {
			b.StopTimer()
			cas = New(b, "bench", InDir(dir), WithMode(Replay))
			hc = cas.HTTPClient()
			b.StartTimer()
		}
		req, _ := http.NewRequest("POST", cas.BaseURL()+"/incidents?statuses%5B%5D=triggered&limit=25", strings.NewReader(`{"incident":{"type":"incident","title":"Disk full"}}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkScan measures the credential scan over a recording of typical
// PagerDuty answers.
func BenchmarkScan(b *testing.B) {
	var sb strings.Builder
	for range 200 {
		sb.WriteString(`        headers:
            Authorization:
                - REDACTED
            Content-Type:
                - application/json
        url: https://api.pagerduty.com/incidents?limit=25&statuses%5B%5D=triggered
        body: '{"incidents":[{"id":"PT4KHLK","type":"incident","summary":"[#1234] The server is on fire.","self":"https://api.pagerduty.com/incidents/PT4KHLK","html_url":"https://subdomain.pagerduty.com/incidents/PT4KHLK","incident_number":1234,"title":"The server is on fire.","status":"resolved"}],"limit":25,"offset":0,"more":false}'
`)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if f := Scan(data); len(f) > 0 {
			b.Fatal(f)
		}
	}
}
