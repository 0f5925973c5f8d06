package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// A deploy is reported through the REST API with the integration key of
// the service it changed; it then shows among the service's change events.
// (events.Client.SendChange sends the same event through the Events API.)
func ExampleChangeEventsService_Create() {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	srv := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken(srv.Token()), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	svc := srv.Data().Services[0] // in a program: the key shown on the service's Events API v2 integration
	ctx := context.Background()

	err = c.ChangeEvents.Create(ctx, &pagerduty.CreateChangeEventParams{
		RoutingKey:    svc.Integrations[0].Key,
		Summary:       "Deployed checkout v2.3.1",
		Source:        "ci.example.com",
		Timestamp:     now, // in a program: when the deploy finished
		CustomDetails: map[string]any{"commit": "9f2c1e4", "author": "jane"},
		Links:         []pagerduty.ChangeEventLink{{Href: "https://ci.example.com/builds/1042", Text: "Build 1042"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	latest, err := c.ChangeEvents.ListForServicePage(ctx, svc.ID, &pagerduty.ListChangeEventsOptions{ListOptions: pagerduty.ListOptions{Limit: 1}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(latest.Items[0].Summary, latest.Items[0].CustomDetails["commit"])

	// Bad input is refused before anything is sent, without quoting the key.
	err = c.ChangeEvents.Create(ctx, &pagerduty.CreateChangeEventParams{RoutingKey: svc.Integrations[0].Key})
	fmt.Println(err)
	// Output:
	// Deployed checkout v2.3.1 9f2c1e4
	// pagerduty: Summary is required: what changed, 1 to 1024 characters
}
