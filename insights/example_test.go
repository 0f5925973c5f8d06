package insights_test

import (
	"fmt"
	"time"

	"github.com/pdkit/pdkit/insights"
)

func ExampleOnCallHours() {
	day := func(d, h int) time.Time { return time.Date(2024, 3, d, h, 0, 0, 0, time.UTC) }
	shifts := []insights.Shift{
		// Ann covers Friday night into Saturday morning.
		{UserID: "PANN", UserName: "Ann", Start: day(1, 20), End: day(2, 8)},
		// Bob covers Saturday daytime, and an override overlaps his shift.
		{UserID: "PBOB", UserName: "Bob", Start: day(2, 8), End: day(2, 20)},
		{UserID: "PBOB", UserName: "Bob", Start: day(2, 18), End: day(2, 22)},
	}
	r, err := insights.OnCallHours(shifts, insights.HoursOptions{
		Window: insights.Window{Start: day(1, 0), End: day(4, 0)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range r.People {
		fmt.Printf("%s: %.0f h (night %.0f h, weekend %.0f h), %d shift, %+.0f h vs mean\n",
			p.UserName, p.Hours, p.NightHours, p.WeekendHours, p.Shifts, p.Deviation)
	}
	fmt.Printf("mean %.0f h, spread %.0f h\n", r.Balance.Mean, r.Balance.Spread)
	// Output:
	// Ann: 12 h (night 8 h, weekend 8 h), 1 shift, -1 h vs mean
	// Bob: 14 h (night 0 h, weekend 14 h), 1 shift, +1 h vs mean
	// mean 13 h, spread 2 h
}

func ExampleCoverageGaps() {
	day := func(h int) time.Time { return time.Date(2024, 3, 1, h, 0, 0, 0, time.UTC) }
	final := []insights.Shift{
		{UserID: "PANN", Start: day(0), End: day(8)},
		{UserID: "PBOB", Start: day(9), End: day(17)},
		{UserID: "PANN", Start: day(16), End: day(20)},
	}
	r, err := insights.CoverageGaps(final, insights.CoverageOptions{
		Window: insights.Window{Start: day(0), End: day(24)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range r.Gaps {
		fmt.Printf("nobody on call %s to %s (%.0f h)\n", g.Start.Format("15:04"), g.End.Format("Jan 2 15:04"), g.Hours)
	}
	fmt.Printf("covered %.1f%%\n", r.CoveredPercent)
	// Output:
	// nobody on call 08:00 to Mar 1 09:00 (1 h)
	// nobody on call 20:00 to Mar 2 00:00 (4 h)
	// covered 79.2%
}
