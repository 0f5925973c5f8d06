package insights_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/pdkit/pdkit/insights"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// demoClient serves the in-memory demo account at a fixed time and returns
// a client for it.
func demoClient(t *testing.T, now time.Time) *pagerduty.Client {
	t.Helper()
	s := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }))
	t.Cleanup(s.Close)
	c, err := pagerduty.NewClient(pagerduty.WithToken(s.Token()), pagerduty.WithBaseURL(s.URL), pagerduty.WithHTTPClient(s.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func collect[T any](t *testing.T, seq func(yield func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestSchedulesFromTheAPI reads every demo schedule's final schedule over
// two weeks and checks that hours and coverage agree: one person is on
// call at a time in a final schedule, so everyone's hours add up to the
// covered hours, and covered plus gap hours make the window.
func TestSchedulesFromTheAPI(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	c := demoClient(t, now)
	ctx := context.Background()
	w := insights.Window{Start: now.Add(-7 * 24 * time.Hour), End: now.Add(7 * 24 * time.Hour)}
	schedules := collect(t, c.Schedules.List(ctx, nil))
	if len(schedules) == 0 {
		t.Fatal("the demo account has no schedule")
	}
	for _, ref := range schedules {
		s, err := c.Schedules.Get(ctx, ref.ID, &pagerduty.GetScheduleOptions{Since: w.Start, Until: w.End})
		if err != nil {
			t.Fatal(err)
		}
		shifts := insights.ShiftsFromSchedule(s)
		hours, err := insights.OnCallHours(shifts, insights.HoursOptions{Window: w})
		if err != nil {
			t.Fatal(err)
		}
		cov, err := insights.CoverageGaps(shifts, insights.CoverageOptions{Window: w})
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for _, p := range hours.People {
			sum += p.Hours
			if p.NightHours > p.Hours || p.WeekendHours > p.Hours {
				t.Errorf("%s: %s has %.2f night and %.2f weekend hours of %.2f", s.Name, p.UserID, p.NightHours, p.WeekendHours, p.Hours)
			}
		}
		if math.Abs(sum-cov.CoveredHours) > 1e-6 {
			t.Errorf("%s: people's hours add up to %.4f, covered hours are %.4f", s.Name, sum, cov.CoveredHours)
		}
		if math.Abs(cov.CoveredHours+cov.GapHours-w.Duration().Hours()) > 1e-6 {
			t.Errorf("%s: covered %.4f + gaps %.4f is not the window's %.0f hours", s.Name, cov.CoveredHours, cov.GapHours, w.Duration().Hours())
		}
	}
}

// TestIncidentsFromTheAPI lists the demo incidents and their log entries
// and checks the response statistics against the listing.
func TestIncidentsFromTheAPI(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	c := demoClient(t, now)
	ctx := context.Background()
	w := insights.Window{Start: now.Add(-30 * 24 * time.Hour), End: now}
	listed := collect(t, c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{Since: w.Start, Until: w.End}))
	entries := collect(t, c.LogEntries.List(ctx, &pagerduty.ListLogEntriesOptions{Since: w.Start, Until: w.End}))
	incs := insights.IncidentsFromPagerDuty(listed, entries)
	r, err := insights.ResponseStats(incs, insights.ResponseOptions{IncidentOptions: insights.IncidentOptions{Window: w}})
	if err != nil {
		t.Fatal(err)
	}
	open, acked := 0, 0
	for _, inc := range listed {
		if inc.Status != pagerduty.Resolved {
			open++
		}
		if inc.Status == pagerduty.Acknowledged {
			acked++
		}
	}
	if r.Overall.Incidents != len(listed) || r.Overall.Open != open {
		t.Errorf("overall counts %d incidents, %d open; the listing has %d, %d open", r.Overall.Incidents, r.Overall.Open, len(listed), open)
	}
	// Every incident acknowledged now was acknowledged at some point.
	if r.Overall.Acknowledged < acked {
		t.Errorf("%d acknowledged, fewer than the %d acknowledged now", r.Overall.Acknowledged, acked)
	}
	if r.Overall.TimeToResolve.Count != r.Overall.Resolved || r.Overall.TimeToResolve.Min < 0 {
		t.Errorf("time to resolve %+v for %d resolved incidents", r.Overall.TimeToResolve, r.Overall.Resolved)
	}
	events := insights.EventsFromLogEntries(entries)
	esc, err := insights.Escalations(incs, events, insights.IncidentOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	if esc.Overall.Incidents != len(listed) || esc.Overall.AckedAtFirstLevel > esc.Overall.Acknowledged {
		t.Errorf("escalations = %+v", esc.Overall)
	}
}
