package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// exampleServer stands in for the Events API: it accepts every event,
// prints what it received, and makes a dedup key for triggers that have
// none, as PagerDuty does.
func exampleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev struct {
			Action   string `json:"event_action"`
			DedupKey string `json:"dedup_key"`
			Payload  struct {
				Summary string `json:"summary"`
			} `json:"payload"`
		}
		_ = json.NewDecoder(r.Body).Decode(&ev)
		if r.URL.Path == events.ChangeEnqueuePath {
			fmt.Printf("server: change event %q\n", ev.Payload.Summary)
			w.WriteHeader(http.StatusAccepted)
			fmt.Fprint(w, `{"status":"success","message":"Change event processed"}`)
			return
		}
		if ev.DedupKey == "" {
			ev.DedupKey = "5d1c3a1e9f2b4c7a8e6d0b3f2a1c9e8d"
		}
		fmt.Printf("server: %s %s\n", ev.Action, ev.DedupKey)
		w.WriteHeader(http.StatusAccepted)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "success", "message": "Event processed", "dedup_key": ev.DedupKey})
	}))
}

// Trigger an alert, then resolve it with the dedup key PagerDuty returned.
func ExampleClient_Send() {
	srv := exampleServer() // in production: leave WithBaseURL out
	defer srv.Close()

	c, err := events.NewClient(
		events.WithRoutingKey("0123456789abcdef0123456789abcdef"), // the integration key
		events.WithBaseURL(srv.URL),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	resp, err := c.Send(ctx, events.Event{
		Action: events.Trigger,
		Payload: events.Payload{
			Summary:       "Disk 95% full on db-1",
			Source:        "db-1.example.com",
			Severity:      events.Critical,
			Component:     "postgres",
			CustomDetails: map[string]any{"free_gb": 12},
		},
		Links: []events.Link{{Href: "https://runbooks.example.com/disk-full", Text: "Runbook"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("alert:", resp.DedupKey)

	// Later, when the disk has been cleaned up:
	if _, err := c.Resolve(ctx, resp.DedupKey); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("resolved")
	// Output:
	// server: trigger 5d1c3a1e9f2b4c7a8e6d0b3f2a1c9e8d
	// alert: 5d1c3a1e9f2b4c7a8e6d0b3f2a1c9e8d
	// server: resolve 5d1c3a1e9f2b4c7a8e6d0b3f2a1c9e8d
	// resolved
}

// Record a deploy next to the incidents of the service.
func ExampleClient_SendChange() {
	srv := exampleServer()
	defer srv.Close()

	c, err := events.NewClient(
		events.WithRoutingKey("0123456789abcdef0123456789abcdef"),
		events.WithBaseURL(srv.URL),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := c.SendChange(context.Background(), events.ChangeEvent{
		Summary:       "Deployed billing v2.3.1",
		Source:        "ci.example.com",
		Timestamp:     time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC),
		CustomDetails: map[string]string{"commit": "9f2b4c7", "author": "jane"},
		Links:         []events.Link{{Href: "https://ci.example.com/builds/812", Text: "Build 812"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status, "-", resp.Message)
	// Output:
	// server: change event "Deployed billing v2.3.1"
	// success - Change event processed
}

// Send a burst of events; each gets its own result, in order.
func ExampleClient_SendAll() {
	srv := exampleServer()
	defer srv.Close()

	c, err := events.NewClient(events.WithRoutingKey("0123456789abcdef0123456789abcdef"), events.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	batch := []events.Event{
		{Action: events.Resolve, DedupKey: "disk/db-1"},
		{Action: events.Resolve}, // no dedup key: refused before sending
	}
	for i, r := range c.SendAll(context.Background(), batch, &events.SendAllOptions{Concurrency: 1}) {
		if r.Err != nil {
			fmt.Printf("event %d: %v\n", i, r.Err)
			continue
		}
		fmt.Printf("event %d: %s\n", i, r.Response.Status)
	}
	// Output:
	// server: resolve disk/db-1
	// event 0: success
	// event 1: events: invalid event: DedupKey: is missing: resolve needs the dedup key of the alert (the DedupKey of the trigger's Response)
}

// Tell a refused event from a bad one before it was sent.
func ExampleValidationError() {
	c, err := events.NewClient(events.WithRoutingKey("0123456789abcdef0123456789abcdef"))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = c.Send(context.Background(), events.Event{
		Action:  events.Trigger,
		Payload: events.Payload{Summary: "CPU high", Source: "web-3", Severity: "urgent"},
	})
	var verr *events.ValidationError
	var apiErr *pagerduty.APIError
	switch {
	case errors.As(err, &verr):
		fmt.Println("not sent:", verr.Field, "-", verr.Problem)
	case errors.As(err, &apiErr):
		fmt.Println("refused by PagerDuty:", apiErr.StatusCode, apiErr.Message)
	}
	// Output:
	// not sent: Payload.Severity - "urgent" is not a severity of the Events API: use critical, error, warning or info
}

// A routing key never shows in output, logs or JSON.
func ExampleRoutingKey() {
	ev := events.Event{RoutingKey: "0123456789abcdef0123456789abcdef", Action: events.Resolve, DedupKey: "disk/db-1"}
	fmt.Println(ev.RoutingKey)
	fmt.Printf("%+v\n", ev)
	// Output:
	// [redacted routing key]
	// {RoutingKey:[redacted routing key] Action:resolve DedupKey:disk/db-1 Payload:{Summary: Source: Severity: Timestamp:0001-01-01 00:00:00 +0000 UTC Component: Group: Class: CustomDetails:<nil>} Client: ClientURL: Links:[] Images:[]}
}
