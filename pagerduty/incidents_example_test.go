package pagerduty_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/pdkit/pdkit/pagerduty"
)

// exampleServer stands in for PagerDuty in the examples: it acknowledges or
// resolves whatever incidents it is sent.
func exampleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Incident  map[string]any   `json:"incident"`
			Incidents []map[string]any `json:"incidents"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		if body.Incident != nil {
			body.Incident["id"], body.Incident["type"] = r.URL.Path[len("/incidents/"):], "incident"
			_ = json.NewEncoder(w).Encode(map[string]any{"incident": body.Incident})
			return
		}
		for _, inc := range body.Incidents {
			inc["type"] = "incident"
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"incidents": body.Incidents})
	}))
}

func ExampleIncidentsService_Acknowledge() {
	srv := exampleServer()
	defer srv.Close()
	c, err := pagerduty.NewClient(
		pagerduty.WithToken("example-token"),
		pagerduty.WithBaseURL(srv.URL),
		// Incident writes are made on behalf of a PagerDuty user.
		pagerduty.WithFrom("jane@example.com"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	inc, err := c.Incidents.Acknowledge(context.Background(), "PT4KHLK")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inc.ID, inc.Status)
	// Output: PT4KHLK acknowledged
}

func ExampleIncidentsService_UpdateInBatches() {
	srv := exampleServer()
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Resolve 600 incidents: the API takes 250 per request.
	updates := make([]pagerduty.IncidentUpdate, 600)
	for i := range updates {
		updates[i] = pagerduty.IncidentUpdate{
			ID:              fmt.Sprintf("PINC%03d", i),
			IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved},
		}
	}
	batches, err := c.Incidents.UpdateInBatches(context.Background(), &pagerduty.UpdateIncidentsParams{
		From:    "jane@example.com",
		Updates: updates,
	})
	for i, b := range batches {
		fmt.Printf("batch %d: %d updates sent, %d incidents resolved, error: %v\n", i+1, len(b.Updates), len(b.Incidents), b.Err)
	}
	fmt.Println("all done:", err == nil)
	// Output:
	// batch 1: 250 updates sent, 250 incidents resolved, error: <nil>
	// batch 2: 250 updates sent, 250 incidents resolved, error: <nil>
	// batch 3: 100 updates sent, 100 incidents resolved, error: <nil>
	// all done: true
}

func ExampleIncidentsService_Create_missingFrom() {
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"))
	if err != nil {
		fmt.Println(err)
		return
	}
	// No From in the params and no WithFrom on the client: refused before
	// anything is sent.
	_, err = c.Incidents.Create(context.Background(), &pagerduty.CreateIncidentParams{Title: "Disk full", ServiceID: "PWIXJZS"})
	fmt.Println(err)
	// Output: pagerduty: this write needs the email address of the PagerDuty user making it: set From in the params, or WithFrom on the client
}
