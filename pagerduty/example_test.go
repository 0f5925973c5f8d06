package pagerduty_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// newDemoClient returns a client of pdtest's in-memory demo account, with a
// fixed clock so the examples print the same every time.
func newDemoClient() (*pagerduty.Client, func()) {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	srv := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }))
	c, err := pagerduty.NewClient(pagerduty.WithToken(srv.Token()), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}

func ExampleNewClient() {
	// In a program: pagerduty.WithToken(os.Getenv("PAGERDUTY_API_TOKEN")),
	// and pagerduty.WithRegion(pagerduty.EU) for an EU account.
	c, err := pagerduty.NewClient(
		pagerduty.WithToken("y_NbAkKc66ryYTWUXYEu"),
		pagerduty.WithRegion(pagerduty.EU),
		pagerduty.WithFrom("oncall@example.com"),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.BaseURL())

	_, err = pagerduty.NewClient()
	fmt.Println(err)
	// Output:
	// https://api.eu.pagerduty.com
	// pagerduty: no credentials: use WithToken (a REST API key), WithTokenSource or WithClientCredentials (OAuth)
}

func ExampleIncidentsService_List() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	open := 0
	for inc, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{
		Statuses: []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged},
	}) {
		if err != nil {
			log.Fatal(err)
		}
		if inc.Number <= 0 || inc.Title == "" {
			log.Fatalf("incident %s has no number or title", inc.ID)
		}
		open++
	}
	fmt.Println("open incidents found:", open > 0)
	// Output:
	// open incidents found: true
}

func ExampleIsNotFound() {
	c, done := newDemoClient()
	defer done()

	_, err := c.Incidents.Get(context.Background(), "PNOSUCH", nil)
	fmt.Println(pagerduty.IsNotFound(err))

	var apiErr *pagerduty.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Method, apiErr.Path)
	}
	// Output:
	// true
	// 404 GET /incidents/PNOSUCH
}

func ExampleValidateID() {
	fmt.Println(pagerduty.ValidateID("PABC123"))
	fmt.Println(pagerduty.ValidateID("../users") != nil)
	// Output:
	// <nil>
	// true
}
