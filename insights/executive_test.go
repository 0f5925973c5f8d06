package insights

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// executiveInput is a week of incidents on three services, with targets, a
// cost, log events and shifts.
func executiveInput(t *testing.T) ExecutiveInput {
	berlin := zone(t, "Europe/Berlin")
	w := Window{at(t, berlin, "2024-03-04 00:00"), at(t, berlin, "2024-03-18 00:00")}
	mk := func(id string, number int, service, name, urgency, created string, ack, resolve int, people ...string) Incident {
		i := inc(t, id, service, created, ack, resolve)
		i.Number, i.ServiceName, i.Urgency, i.Title, i.Responders, i.Alerts = number, name, urgency, "Incident "+id, people, 1
		return i
	}
	incs := []Incident{
		mk("I1", 101, "web", "Web | Frontend", "high", "2024-03-04 09:00", 3, 45, "U1"),
		mk("I2", 102, "web", "Web | Frontend", "high", "2024-03-05 14:00", 12, 180, "U1", "U2"),
		mk("I3", 103, "db", "Database", "high", "2024-03-06 02:00", 8, 300, "U2", "U3"),
		mk("I4", 104, "db", "Database", "low", "2024-03-07 11:00", -1, 3),
		mk("I5", 105, "db", "Database", "high", "2024-03-12 22:30", 2, 20, "U3"),
		mk("I6", 106, "queue", "Queue", "low", "2024-03-13 08:00", -1, 90),
		mk("I7", 107, "web", "Web | Frontend", "high", "2024-03-17 21:00", -1, -1),
	}
	incs[5].AutoResolved, incs[5].Alerts = true, 9
	incs[1].Priority = "P1"
	var events []LogEvent
	for _, i := range incs {
		events = append(events, LogEvent{IncidentID: i.ID, Kind: EventTrigger, At: i.CreatedAt})
		if i.acked() {
			events = append(events, LogEvent{IncidentID: i.ID, Kind: EventAcknowledge, At: i.AcknowledgedAt})
		}
	}
	events = append(events, LogEvent{IncidentID: "I2", Kind: EventEscalate, At: incs[1].CreatedAt.Add(10 * time.Minute)})
	shifts := []Shift{
		{UserID: "U1", UserName: "Ann", TimeZone: "Europe/Berlin", Start: w.Start, End: w.Start.Add(7 * 24 * time.Hour)},
		{UserID: "U2", UserName: "Bob", TimeZone: "Europe/Berlin", Start: w.Start.Add(7 * 24 * time.Hour), End: w.End},
	}
	return ExecutiveInput{
		Title: "Platform incidents", Window: w, TimeZone: "Europe/Berlin",
		Incidents: incs, Events: events, Shifts: shifts, Users: []User{{ID: "U3", Name: "Cleo"}},
		Services: []ServiceRef{{ID: "search", Name: "Search"}},
		Targets: &SLATargets{
			Default:    Target{Acknowledge: 5 * time.Minute, Resolve: 4 * time.Hour},
			ByPriority: map[string]Target{"P1": {Acknowledge: 5 * time.Minute, Resolve: time.Hour}},
		},
		HourlyCost: 120, Currency: "EUR",
	}
}

func TestExecutiveReportGolden(t *testing.T) {
	x, err := ExecutiveReport(executiveInput(t))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "executive.md")
	if *update {
		if err := os.WriteFile(golden, []byte(x.Markdown), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestExecutiveReportGolden -update to create it)", err)
	}
	if x.Markdown != string(want) {
		t.Errorf("report differs from %s (rerun with -update after checking the change):\n%s", golden, x.Markdown)
	}
	// The same input gives the same text.
	again, err := ExecutiveReport(executiveInput(t))
	if err != nil {
		t.Fatal(err)
	}
	if again.Markdown != x.Markdown {
		t.Error("two runs on the same input differ")
	}
}

func TestExecutiveReportFigures(t *testing.T) {
	x, err := ExecutiveReport(executiveInput(t))
	if err != nil {
		t.Fatal(err)
	}
	md := x.Markdown
	// 7 incidents, 5 high urgency, 1 open (I7).
	// Acknowledged: I1 3, I2 12, I3 8, I5 2 -> mean 25/4 = 6.25 -> 6.2
	// (rounded half to even by %.1f); median (3+8)/2 = 5.5.
	// Cost: I1 0.75 h x 1, I2 3 h x 2, I3 5 h x 2, I4 0.05 h x 1, I5
	// 0.333 h x 1, I6 1.5 h x 1, I7 open from 21:00 UTC to the window's end
	// (23:00 UTC): 2 h x 1. Sum 0.75+6+10+0.05+0.3333+1.5+2 = 20.6333
	// responder-hours x 120 = 2,476.00 EUR.
	for _, want := range []string{
		"# Platform incidents\n",
		"2024-03-04 00:00 to 2024-03-18 00:00 (Europe/Berlin). 7 incidents created in the window, of 7 given.",
		"| Incidents | 7 (5 high urgency, 1 still open) |",
		"| Time to acknowledge | mean 6.2 min, median 5.5 min,",
		"| Estimated cost | 2,476.00 EUR (20.6 responder-hours at 120.00 per hour) |",
		`| Web \| Frontend |`,
		"| Search | 100.0 | 0 |",
		"## Trend by week",
		"| 2024-03-04 | 4 |",
		"| 2024-03-11 | 3 |",
		"| Cleo | 0.0 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Partial data") {
		t.Error("report says partial data, but the input is complete")
	}
	in := executiveInput(t)
	in.Truncated = true
	x, err = ExecutiveReport(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(x.Markdown, "**Partial data:**") || !x.Response.Data.Truncated {
		t.Error("a truncated input is not flagged")
	}
}

func TestExecutiveReportMinimal(t *testing.T) {
	// No incidents and no optional inputs: the sections that need them are
	// left out, and the rest says n/a rather than 0.
	x, err := ExecutiveReport(ExecutiveInput{Window: Window{utc(t, "2024-03-04 00:00"), utc(t, "2024-03-11 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	if x.SLA != nil || x.Cost != nil || x.Escalation != nil || x.Hours != nil {
		t.Errorf("optional reports computed without their input: %+v", x)
	}
	for _, want := range []string{"# Incident report", "| Time to resolve | mean n/a", "No service had an incident."} {
		if !strings.Contains(x.Markdown, want) {
			t.Errorf("report lacks %q:\n%s", want, x.Markdown)
		}
	}
	for _, unwanted := range []string{"SLA", "Estimated cost", "On-call load"} {
		if strings.Contains(x.Markdown, unwanted) {
			t.Errorf("report mentions %q without its input", unwanted)
		}
	}
	if _, err := ExecutiveReport(ExecutiveInput{}); err == nil {
		t.Error("no window: no error")
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[float64]string{0: "0.00", 999.5: "999.50", 1234.567: "1,234.57", 1234567: "1,234,567.00", -2500: "-2,500.00"} {
		if got := money(in); got != want {
			t.Errorf("money(%v) = %q, want %q", in, got, want)
		}
	}
}
