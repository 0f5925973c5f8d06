package insights_test

import (
	"fmt"
	"os"
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

func ExamplePayrollReport_WriteCSV() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	shifts := []insights.Shift{{
		UserID: "PANN", UserName: "Ann", TimeZone: "Europe/Berlin",
		Start: time.Date(2024, 3, 8, 18, 0, 0, 0, berlin), // Friday evening
		End:   time.Date(2024, 3, 9, 6, 0, 0, 0, berlin),  // to Saturday morning
	}}
	r, err := insights.Payroll(shifts, insights.PayrollOptions{
		Window:     insights.Window{Start: time.Date(2024, 3, 1, 0, 0, 0, 0, berlin), End: time.Date(2024, 4, 1, 0, 0, 0, 0, berlin)},
		SplitDaily: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// user_id,user_name,time_zone,date,start,end,hours,night_hours,weekend_hours,night,weekend
	// PANN,Ann,Europe/Berlin,2024-03-08,2024-03-08T18:00:00+01:00,2024-03-09T00:00:00+01:00,6.00,2.00,0.00,yes,no
	// PANN,Ann,Europe/Berlin,2024-03-09,2024-03-09T00:00:00+01:00,2024-03-09T06:00:00+01:00,6.00,6.00,6.00,yes,yes
	// PANN,Ann,Europe/Berlin,total,,,12.00,8.00,6.00,,
	// TOTAL,,,,,,12.00,8.00,6.00,,
}

func ExampleSLA() {
	created := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)
	incidents := []insights.Incident{
		{ID: "Q1", Number: 1, ServiceName: "Checkout", Urgency: "high", CreatedAt: created,
			AcknowledgedAt: created.Add(3 * time.Minute), ResolvedAt: created.Add(40 * time.Minute)},
		{ID: "Q2", Number: 2, ServiceName: "Checkout", Urgency: "high", CreatedAt: created.Add(time.Hour),
			AcknowledgedAt: created.Add(time.Hour + 9*time.Minute), ResolvedAt: created.Add(3 * time.Hour)},
	}
	r, err := insights.SLA(incidents, insights.SLATargets{
		Default: insights.Target{Acknowledge: 5 * time.Minute, Resolve: time.Hour},
	}, insights.IncidentOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("acknowledged in time: %.0f%%, resolved in time: %.0f%%\n", r.Acknowledge.Rate, r.Resolve.Rate)
	for _, b := range r.Breaches {
		fmt.Printf("#%d %s: took %.0f min, target %.0f, over by %.0f\n", b.Number, b.Kind, b.ActualMinutes, b.TargetMinutes, b.OverMinutes)
	}
	// Output:
	// acknowledged in time: 50%, resolved in time: 50%
	// #2 resolve: took 120 min, target 60, over by 60
	// #2 acknowledge: took 9 min, target 5, over by 4
}
