package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func ExampleUsersService_List() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	// Count the users, printing the first three.
	n := 0
	for u, err := range c.Users.List(ctx, &pagerduty.ListUsersOptions{
		Includes: []pagerduty.UserInclude{pagerduty.IncludeUserTeams},
	}) {
		if err != nil {
			log.Fatal(err)
		}
		if n < 3 {
			fmt.Println(u.Name, u.Role, len(u.Teams))
		}
		n++
	}
	fmt.Println(n, "users")
	// Output:
	// Ada Lovelace owner 1
	// Grace Hopper user 1
	// Alan Turing user 1
	// 20 users
}

func ExampleTeamsService_ListMembers() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	// The members of the first team, with their roles.
	for team, err := range c.Teams.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		for m, err := range c.Teams.ListMembers(ctx, team.ID, nil) {
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(team.Name, m.Role, m.User.Summary)
		}
		break
	}
	// Output:
	// Database manager Ada Lovelace
	// Database responder Grace Hopper
	// Database responder Alan Turing
	// Database responder Edsger Dijkstra
	// Database responder Barbara Liskov
}

func ExampleOnCallsService_List() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	// Who is on call now, at every level of every policy.
	for oc, err := range c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{Earliest: true}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(oc.EscalationPolicy.Summary, oc.EscalationLevel, oc.User.Summary)
	}
	// Output:
	// Database Escalation 1 Barbara Liskov
	// Database Escalation 2 Alan Turing
	// Database Escalation 3 Ada Lovelace
	// Platform Escalation 1 Radia Perlman
	// Platform Escalation 2 Radia Perlman
	// Platform Escalation 3 Donald Knuth
	// Web Escalation 1 Leslie Lamport
	// Web Escalation 2 Leslie Lamport
	// Web Escalation 3 Frances Allen
	// Payments Escalation 1 Bjarne Stroustrup
	// Payments Escalation 2 Bjarne Stroustrup
	// Payments Escalation 3 Katherine Johnson
}

func ExampleEscalationPolicy_Params() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	ep, err := firstOf(c.EscalationPolicies.List(ctx, nil))
	if err != nil {
		log.Fatal(err)
	}
	// Change one field of the policy and send the whole policy back.
	p := ep.Params()
	p.NumLoops = pointerTo(3)
	updated, err := c.EscalationPolicies.Update(ctx, ep.ID, p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(updated.Name, updated.NumLoops, len(updated.EscalationRules))
	// Output:
	// Database Escalation 3 3
}

func ExampleMaintenanceWindowsService_Create() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	me, err := firstOf(c.Users.List(ctx, &pagerduty.ListUsersOptions{Query: "Ada"}))
	if err != nil {
		log.Fatal(err)
	}
	ep, err := firstOf(c.EscalationPolicies.List(ctx, nil))
	if err != nil {
		log.Fatal(err)
	}
	start := time.Date(2026, 11, 3, 22, 0, 0, 0, time.UTC)
	mw, err := c.MaintenanceWindows.Create(ctx, &pagerduty.MaintenanceWindowParams{
		From:        me.Email, // who opens the window
		StartTime:   start,
		EndTime:     start.Add(2 * time.Hour),
		Description: pointerTo("Database upgrade"),
		ServiceIDs:  []string{ep.Services[0].ID},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(mw.Description, mw.EndTime.Sub(mw.StartTime), mw.Services[0].Summary)

	_, err = c.MaintenanceWindows.Create(ctx, &pagerduty.MaintenanceWindowParams{
		From: me.Email, StartTime: start, EndTime: start.Add(-time.Hour), ServiceIDs: []string{ep.Services[0].ID},
	})
	fmt.Println(err)
	// Output:
	// Database upgrade 2h0m0s Postgres Primary
	// pagerduty: EndTime (2026-11-03T21:00:00Z) must be after StartTime (2026-11-03T22:00:00Z)
}
