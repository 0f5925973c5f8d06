package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// List streams services page by page; breaking out of the loop stops
// fetching. Includes embeds the escalation policy in full.
func ExampleServicesService_List() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	n := 0
	for s, err := range c.Services.List(ctx, &pagerduty.ListServicesOptions{
		SortBy:   "name:asc",
		Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeEscalationPolicies},
	}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (%s), escalated by %s\n", s.Name, s.Status, s.EscalationPolicy.Name)
		if n++; n == 3 {
			break
		}
	}
	// Output:
	// Billing Worker (active), escalated by Payments Escalation
	// Checkout (warning), escalated by Payments Escalation
	// CI Pipeline (active), escalated by Platform Escalation
}

// Update sends only the fields that are set; the others keep their values.
func ExampleServicesService_Update() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	var first pagerduty.Service
	for s, err := range c.Services.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		first = s
		break
	}
	desc, ackTimeout := "Primary database of the payments team", 1800
	s, err := c.Services.Update(ctx, first.ID, &pagerduty.ServiceParams{
		Description:            &desc,
		AcknowledgementTimeout: &ackTimeout,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name == first.Name, s.Description)
	fmt.Println("re-triggers after", time.Duration(*s.AcknowledgementTimeout)*time.Second)
	// Output:
	// true Primary database of the payments team
	// re-triggers after 30m0s
}
