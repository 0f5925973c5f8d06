package pdtest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// openIncidents is the code under test: it asks a PagerDuty API for the
// incidents still open.
func openIncidents(ctx context.Context, client *http.Client, baseURL, token string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		baseURL+"/incidents?statuses[]=triggered&statuses[]=acknowledged", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Token token="+token)
	req.Header.Set("Accept", "application/vnd.pagerduty+json;version=2")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list incidents: %s", resp.Status)
	}
	var body struct {
		Incidents []struct {
			Status string `json:"status"`
		} `json:"incidents"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	var out []string
	for _, inc := range body.Incidents {
		out = append(out, inc.Status)
	}
	return out, nil
}

// Test your own code against the demo account: a fixed clock and seed make
// every answer the same from run to run.
func Example() {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }))
	defer s.Close()

	statuses, err := openIncidents(context.Background(), s.Client(), s.URL, s.Token())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(len(statuses), "open incidents:", strings.Join(statuses, ", "))
	// Output: 5 open incidents: acknowledged, triggered, acknowledged, triggered, acknowledged
}

// An empty account and an Events API v2 trigger: the event opens an
// incident on the service whose integration has the routing key.
func ExampleNewServer_events() {
	const key = "0123456789abcdef0123456789abcdef"
	s := pdtest.NewServer(pdtest.WithData(&pdtest.Dataset{
		Users: []pdtest.User{{ID: "PUSER01", Name: "Ada", Email: "ada@example.com"}},
		EscalationPolicies: []pdtest.EscalationPolicy{{ID: "PEP0001", Name: "Ops", Rules: []pdtest.EscalationRule{
			{ID: "PRULE01", EscalationDelayInMinutes: 30, Targets: []pdtest.Target{{Type: "user", ID: "PUSER01"}}}}}},
		Services: []pdtest.Service{{ID: "PSVC001", Name: "API", EscalationPolicyID: "PEP0001",
			Integrations: []pdtest.Integration{{ID: "PINT001", Type: "events_api_v2_inbound_integration", Key: key}}}},
	}))
	defer s.Close()

	event := `{"routing_key":"` + key + `","event_action":"trigger","dedup_key":"disk-full",
		"payload":{"summary":"Disk full on db-1","source":"db-1","severity":"critical"}}`
	resp, err := s.Client().Post(s.EventsURL(), "application/json", strings.NewReader(event))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Status)

	inc := s.Data().Incidents[0]
	fmt.Println(inc.Title, "|", inc.Status, "| assigned to", inc.Assignments[0].UserID)
	// Output:
	// 202 Accepted
	// Disk full on db-1 | triggered | assigned to PUSER01
}

// Faults make the server answer like a busy API: here a rate limit of two
// requests with no refill to speak of.
func ExampleFaults() {
	s := pdtest.NewServer(pdtest.WithEmptyAccount(), pdtest.WithFaults(pdtest.Faults{RateLimit: 1, RateBurst: 2}))
	defer s.Close()
	for range 3 {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/priorities", nil)
		req.Header.Set("Authorization", "Token token="+s.Token())
		resp, err := s.Client().Do(req)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		resp.Body.Close()
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			fmt.Println(resp.StatusCode, "retry after", ra, "s")
			continue
		}
		fmt.Println(resp.StatusCode)
	}
	fmt.Println("rate limited:", s.Stats().RateLimited)
	// Output:
	// 200
	// 200
	// 429 retry after 60 s
	// rate limited: 1
}

// NewHandler serves the same API without a listener, for example inside
// a demo program or behind your own mux.
func ExampleNewHandler() {
	h := pdtest.NewHandler(pdtest.WithNow(func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }))
	req := httptest.NewRequest(http.MethodGet, "/teams", nil)
	req.Header.Set("Authorization", "Token token="+h.Token())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var body struct {
		Teams []struct {
			Name string `json:"name"`
		} `json:"teams"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	for _, t := range body.Teams {
		fmt.Println(t.Name)
	}
	// Output:
	// Database
	// Platform
	// Web
	// Payments
}

// Data returns a copy of the account, so a test can work out the answer it
// expects and compare it with what the API says.
func ExampleHandler_Data() {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }), pdtest.WithDemoIncidents(40))
	defer s.Close()

	want := 0
	for _, inc := range s.Data().Incidents {
		if inc.Urgency == "low" {
			want++
		}
	}

	req, _ := http.NewRequest(http.MethodGet, s.URL+"/incidents?urgencies[]=low&total=true", nil)
	req.Header.Set("Authorization", "Token token="+s.Token())
	resp, err := s.Client().Do(req)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer resp.Body.Close()
	var page struct {
		Total int `json:"total"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&page)
	fmt.Println(page.Total == want, want > 0)
	// Output: true true
}
