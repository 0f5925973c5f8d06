package insights

import (
	"fmt"
	"testing"
	"time"
)

// yearOfShifts gives 50 users a year of 12-hour shifts in turn (two a day,
// 730 in all, each user about 15), half of them in Berlin and half in New
// York, plus an overlapping override every week.
func yearOfShifts(b *testing.B) ([]Shift, Window) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	w := Window{start, start.AddDate(1, 0, 0)}
	zonesOf := []string{"Europe/Berlin", "America/New_York"}
	var shifts []Shift
	i := 0
	for s := start; s.Before(w.End); s = s.Add(12 * time.Hour) {
		u := i % 50
		shifts = append(shifts, Shift{UserID: fmt.Sprintf("U%02d", u), TimeZone: zonesOf[u%2], Start: s, End: s.Add(12 * time.Hour), ScheduleID: "S1"})
		if i%14 == 0 {
			shifts = append(shifts, Shift{UserID: fmt.Sprintf("U%02d", (u+1)%50), TimeZone: zonesOf[(u+1)%2], Start: s.Add(6 * time.Hour), End: s.Add(18 * time.Hour), ScheduleID: "S2"})
		}
		i++
	}
	return shifts, w
}

func BenchmarkOnCallHoursYear50Users(b *testing.B) {
	shifts, w := yearOfShifts(b)
	b.ReportAllocs()
	for b.Loop() {
		r, err := OnCallHours(shifts, HoursOptions{Window: w})
		if err != nil || len(r.People) != 50 {
			b.Fatalf("people %d, err %v", len(r.People), err)
		}
	}
	b.ReportMetric(float64(len(shifts)), "shifts")
}

// tenThousandIncidents spreads 10,000 incidents over 20 services and 5
// teams across a quarter.
func tenThousandIncidents() ([]Incident, Window) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	w := Window{start, start.AddDate(0, 3, 0)}
	incs := make([]Incident, 10000)
	for i := range incs {
		c := start.Add(time.Duration(i) * 13 * time.Minute)
		incs[i] = Incident{
			ID: fmt.Sprint("I", i), ServiceID: fmt.Sprint("S", i%20), TeamID: fmt.Sprint("T", i%5), Urgency: "high",
			CreatedAt: c, AcknowledgedAt: c.Add(time.Duration(1+i%17) * time.Minute), ResolvedAt: c.Add(time.Duration(5+i%240) * time.Minute),
		}
		if i%3 == 0 {
			incs[i].Urgency, incs[i].AcknowledgedAt = "low", time.Time{}
		}
	}
	return incs, w
}

func BenchmarkResponseStats10000Incidents(b *testing.B) {
	incs, w := tenThousandIncidents()
	b.ReportAllocs()
	for b.Loop() {
		r, err := ResponseStats(incs, ResponseOptions{IncidentOptions: IncidentOptions{Window: w}, Bucket: Day, TimeZone: "Europe/Berlin"})
		if err != nil || r.Overall.Incidents != 10000 {
			b.Fatalf("incidents %d, err %v", r.Overall.Incidents, err)
		}
	}
}

func BenchmarkExecutiveReport10000Incidents(b *testing.B) {
	incs, w := tenThousandIncidents()
	targets := &SLATargets{Default: Target{Acknowledge: 5 * time.Minute, Resolve: time.Hour}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExecutiveReport(ExecutiveInput{Window: w, Incidents: incs, Targets: targets, HourlyCost: 100}); err != nil {
			b.Fatal(err)
		}
	}
}
