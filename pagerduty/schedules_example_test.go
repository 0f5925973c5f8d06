package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Who is on call in a schedule over the next day: the final schedule
// combines its layers and overrides.
func ExampleSchedulesService_Get() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	var first pagerduty.Schedule
	for s, err := range c.Schedules.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		first = s
		break
	}
	since := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	s, err := c.Schedules.Get(ctx, first.ID, &pagerduty.GetScheduleOptions{Since: since, Until: since.Add(24 * time.Hour), TimeZone: "UTC"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name)
	for _, e := range s.FinalSchedule.RenderedScheduleEntries {
		fmt.Printf("%s to %s: %s\n", e.Start.Format("Jan 2 15:04"), e.End.Format("Jan 2 15:04"), e.User.Summary)
	}
	// Output:
	// Database Primary
	// Nov 2 09:00 to Nov 2 15:00: Barbara Liskov
	// Nov 2 15:00 to Nov 3 09:00: Edsger Dijkstra
}

// An override puts someone else on call for a while; each override of a
// CreateOverrides call reports its own outcome.
func ExampleSchedulesService_CreateOverrides() {
	c, done := newDemoClient()
	defer done()
	ctx := context.Background()

	var sched pagerduty.Schedule
	for s, err := range c.Schedules.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		sched = s
		break
	}
	users, err := c.Schedules.ListUsers(ctx, sched.ID, nil)
	if err != nil || len(users) == 0 {
		log.Fatal("no users on call: ", err)
	}
	start := time.Date(2026, 11, 3, 18, 0, 0, 0, time.UTC)
	results, err := c.Schedules.CreateOverrides(ctx, sched.ID, []pagerduty.OverrideParams{
		{Start: start, End: start.Add(4 * time.Hour), UserID: users[0].ID},
		{Start: start.Add(24 * time.Hour), End: start.Add(28 * time.Hour), UserID: users[len(users)-1].ID},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range results {
		if err := r.Err(); err != nil {
			fmt.Println("refused:", err)
			continue
		}
		fmt.Println(r.Status, r.Override.Start.Format("Jan 2 15:04"), "to", r.Override.End.Format("Jan 2 15:04"))
	}
	// Output:
	// 201 Nov 3 18:00 to Nov 3 22:00
	// 201 Nov 4 18:00 to Nov 4 22:00
}
