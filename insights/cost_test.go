package insights

import (
	"errors"
	"math"
	"testing"
)

func TestCostImpact(t *testing.T) {
	c1 := inc(t, "C1", "a", "2024-03-01 00:00", 5, 120) // 2 h x 2 people = 4 responder-hours
	c1.Responders = []string{"U1", "U2"}
	c2 := inc(t, "C2", "a", "2024-03-01 00:00", -1, 30) // 0.5 h x at least 1 person = 0.5
	c3 := inc(t, "C3", "b", "2024-03-01 20:00", 1, -1)  // open: to 24:00 = 4 h x 3 people = 12
	c3.Responders = []string{"U1", "U2", "U3"}
	r, err := CostImpact([]Incident{c1, c2, c3}, CostOptions{
		IncidentOptions: IncidentOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}},
		HourlyCost:      100, Currency: "EUR",
	})
	if err != nil {
		t.Fatal(err)
	}
	// Total: 2 + 0.5 + 4 = 6.5 incident hours; 4 + 0.5 + 12 = 16.5
	// responder-hours; x 100 = 1650.
	wantNear(t, "incident hours", r.Total.IncidentHours, 6.5)
	wantNear(t, "responder hours", r.Total.ResponderHours, 16.5)
	wantNear(t, "cost", r.Total.Cost, 1650)
	if r.Total.Incidents != 3 || r.Currency != "EUR" {
		t.Errorf("total = %+v, currency %q", r.Total, r.Currency)
	}
	// Services by cost: b 1200, then a 450.
	if len(r.Services) != 2 || r.Services[0].ID != "b" || !near(r.Services[0].Cost, 1200) || !near(r.Services[1].Cost, 450) {
		t.Errorf("services = %+v, want b 1200 then a 450", r.Services)
	}
	// Costliest: C3 (open), C1, C2.
	if len(r.Costliest) != 3 || r.Costliest[0].IncidentID != "C3" || !r.Costliest[0].Open || r.Costliest[1].IncidentID != "C1" || r.Costliest[2].People != 1 {
		t.Errorf("costliest = %+v", r.Costliest)
	}
}

func TestCostImpactOpenIncidentWithoutAsOf(t *testing.T) {
	c3 := inc(t, "C3", "b", "2024-03-01 20:00", 1, -1)
	r, err := CostImpact([]Incident{c3}, CostOptions{HourlyCost: 50, Top: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total.Unmeasured != 1 || r.Total.Cost != 0 || len(r.Costliest) != 0 {
		t.Errorf("report = %+v, want the open incident unmeasured", r)
	}
}

func TestCostImpactRefusesBadCost(t *testing.T) {
	for _, c := range []float64{0, -5, math.NaN(), math.Inf(1)} {
		if _, err := CostImpact(nil, CostOptions{HourlyCost: c}); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("hourly cost %v: err = %v, want ErrInvalidInput", c, err)
		}
	}
	if _, err := CostImpact(nil, CostOptions{HourlyCost: 1, Top: -1}); err == nil {
		t.Error("negative top: no error")
	}
}
