package bench

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	gopd "github.com/PagerDuty/go-pagerduty"

	"github.com/pdkit/pdkit/pagerduty"
)

// Every incident of the fixture decodes into both clients' types with the
// same facts, so that both do the same work; and incidents average about
// 2.5 KB.
func TestIncidentsDecodeInBothClients(t *testing.T) {
	total := 0
	for i := range 64 {
		raw := IncidentJSON(i)
		total += len(raw)
		var a pagerduty.Incident
		var b gopd.Incident
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatalf("incident %d: pdkit: %v", i, err)
		}
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatalf("incident %d: go-pagerduty: %v", i, err)
		}
		if a.ID != IncidentID(i) || b.ID != a.ID || a.Number != int(b.IncidentNumber) || a.Title != b.Title ||
			string(a.Status) != b.Status || a.Service == nil || a.Service.ID != b.Service.ID || len(a.Teams) != len(b.Teams) {
			t.Fatalf("incident %d decodes differently: %+v / %+v", i, a, b)
		}
		if want := Epoch.Add(time.Duration(i) * 37 * time.Second); !a.CreatedAt.Equal(want) {
			t.Errorf("incident %d created at %s, want %s", i, a.CreatedAt, want)
		}
	}
	if avg := total / 64; avg < 2200 || avg > 2800 {
		t.Errorf("incidents average %d bytes, want about 2.4 KB", avg)
	}
}

func get(t *testing.T, url string) (*http.Response, map[string]any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// The server pages as the API does: limit, offset, more, total on demand,
// and error 2002 past offset+limit = 10,000.
func TestServerPages(t *testing.T) {
	s := NewServer(Config{Incidents: 250})
	defer s.Close()
	_, p := get(t, s.URL+"/incidents?limit=100&offset=200&total=true")
	items := p["incidents"].([]any)
	if len(items) != 50 || p["more"] != false || p["total"] != float64(250) || p["offset"] != float64(200) {
		t.Errorf("last page: %d items, more %v, total %v, offset %v", len(items), p["more"], p["total"], p["offset"])
	}
	if id := items[0].(map[string]any)["id"]; id != IncidentID(200) {
		t.Errorf("first item of offset 200 is %v", id)
	}
	_, p = get(t, s.URL+"/incidents?limit=10")
	if len(p["incidents"].([]any)) != 10 || p["more"] != true || p["total"] != nil {
		t.Errorf("first page: more %v, total %v", p["more"], p["total"])
	}
	resp, p := get(t, s.URL+"/incidents?limit=100&offset=9950")
	if resp.StatusCode != http.StatusBadRequest || p["error"].(map[string]any)["code"] != float64(2002) {
		t.Errorf("past the ceiling: %d %v", resp.StatusCode, p)
	}
}

// Beyond the burst, the server answers 429 with a Retry-After, and counts
// it.
func TestServerRateLimits(t *testing.T) {
	s := NewServer(Config{Incidents: 10, PerMinute: 60, Burst: 3})
	defer s.Close()
	for i := range 4 {
		resp, _ := get(t, s.URL+"/incidents")
		want := http.StatusOK
		if i == 3 {
			want = http.StatusTooManyRequests
			if ra, _ := strconv.Atoi(resp.Header.Get("Retry-After")); ra < 1 {
				t.Errorf("Retry-After %q", resp.Header.Get("Retry-After"))
			}
		}
		if resp.StatusCode != want {
			t.Errorf("request %d: status %d, want %d", i+1, resp.StatusCode, want)
		}
	}
	if st := s.Stats(); st.Requests != 4 || st.RateLimited != 1 {
		t.Errorf("stats %+v", st)
	}
	s.Reset()
	if resp, _ := get(t, s.URL+"/incidents"); resp.StatusCode != http.StatusOK {
		t.Errorf("after Reset: status %d", resp.StatusCode)
	}
}

// Both listing loops read the whole fixture.
func TestBothClientsListEverything(t *testing.T) {
	s := NewServer(Config{Incidents: 1234})
	defer s.Close()
	ctx := context.Background()
	if n, err := listGoPD(ctx, newGoPD(s.URL)); err != nil || n != 1234 {
		t.Errorf("go-pagerduty listed %d: %v", n, err)
	}
	c := newPDKit(t, s.URL, pagerduty.RateLimit{Disabled: true})
	for _, ahead := range []int{0, 4} {
		if n, err := listPDKit(pagerduty.ContextWithPrefetch(ctx, ahead), c); err != nil || n != 1234 {
			t.Errorf("pdkit (%d ahead) listed %d: %v", ahead, n, err)
		}
	}
}

func TestFloor(t *testing.T) {
	for _, tc := range []struct {
		n, perMinute, burst int
		want                time.Duration
	}{
		{100, 960, 16, 5350 * time.Millisecond},
		{20, 960, 16, 350 * time.Millisecond},
		{10, 960, 16, 100 * time.Millisecond},
		{100, 60, 1, 99*time.Second + 100*time.Millisecond},
	} {
		if got := Floor(tc.n, 100*time.Millisecond, tc.perMinute, tc.burst); got != tc.want {
			t.Errorf("Floor(%d, 100ms, %d, %d) = %s, want %s", tc.n, tc.perMinute, tc.burst, got, tc.want)
		}
	}
}
