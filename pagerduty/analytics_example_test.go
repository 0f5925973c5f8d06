package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// exampleAnalyticsServer stands in for the analytics API in the examples.
func exampleAnalyticsServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/analytics/metrics/incidents/services":
			fmt.Fprint(w, `{"data":[
				{"service_id":"PSVC001","service_name":"Checkout","total_incident_count":12,"mean_seconds_to_resolve":1830.5},
				{"service_id":"PSVC002","service_name":"Search","total_incident_count":4,"mean_seconds_to_resolve":610}],
				"time_zone":"Etc/UTC"}`)
		case "/analytics/raw/incidents":
			fmt.Fprint(w, `{"data":[
				{"id":"PINC001","incident_number":41,"created_at":"2024-03-01T09:12:00","seconds_to_resolve":900},
				{"id":"PINC002","incident_number":42,"created_at":"2024-03-02T17:40:00","seconds_to_resolve":3600}],
				"first":"a","last":"b","limit":2,"more":false}`)
		default:
			http.NotFound(w, r)
		}
	}))
}

func ExampleAnalyticsService_IncidentMetricsByService() {
	srv := exampleAnalyticsServer()
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	// How long the high-urgency incidents of March took to resolve, per
	// service, slowest first.
	report, err := c.Analytics.IncidentMetricsByService(context.Background(), &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{
			CreatedAtStart: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			CreatedAtEnd:   time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
			Urgency:        pagerduty.UrgencyHigh,
		},
		Order:   pagerduty.Descending,
		OrderBy: "mean_seconds_to_resolve",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range report.Data {
		mttr := time.Duration(m.MeanSecondsToResolve * float64(time.Second)).Round(time.Minute)
		fmt.Printf("%s: %d incidents, resolved in %v on average\n", m.ServiceName, m.TotalIncidentCount, mttr)
	}
	// Output:
	// Checkout: 12 incidents, resolved in 31m0s on average
	// Search: 4 incidents, resolved in 10m0s on average
}

func ExampleAnalyticsService_ListRawIncidents() {
	srv := exampleAnalyticsServer()
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	// Every incident of the range, read page after page as the loop asks.
	for inc, err := range c.Analytics.ListRawIncidents(context.Background(), &pagerduty.RawIncidentsOptions{
		Filters: pagerduty.RawIncidentFilters{CreatedAtStart: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		Limit:   1000,
	}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(inc.IncidentNumber, inc.CreatedAt.Format(time.DateTime), time.Duration(inc.SecondsToResolve)*time.Second)
	}
	// Output:
	// 41 2024-03-01 09:12:00 15m0s
	// 42 2024-03-02 17:40:00 1h0m0s
}

func ExampleParseLooseTime() {
	for _, s := range []string{"2024-03-01T09:12:00Z", "2024-03-01T09:12:00", "2024-03-01"} {
		t, err := pagerduty.ParseLooseTime(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(t.Format(time.RFC3339))
	}
	// Output:
	// 2024-03-01T09:12:00Z
	// 2024-03-01T09:12:00Z
	// 2024-03-01T00:00:00Z
}
