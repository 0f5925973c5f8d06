package insights

import (
	"testing"
	"time"
)

func TestAlertNoise(t *testing.T) {
	n1 := inc(t, "N1", "a", "2024-03-01 10:00", -1, 2) // auto-resolved, unacknowledged, flapping
	n1.Alerts, n1.AutoResolved = 3, true
	n2 := inc(t, "N2", "a", "2024-03-01 11:00", 1, 30) // a real incident
	n2.Alerts = 1
	n3 := inc(t, "N3", "b", "2024-03-01 12:00", -1, 60) // resolved without acknowledgement
	n3.Alerts, n3.Urgency = 2, "low"
	n4 := inc(t, "N4", "b", "2024-03-01 13:00", -1, -1) // open
	n4.Urgency = "low"
	n5 := inc(t, "N5", "b", "2024-03-01 14:00", 1, 4) // flapping though acknowledged
	n5.Alerts = 1
	r, err := AlertNoise([]Incident{n1, n2, n3, n4, n5}, NoiseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := r.Overall
	// 5 incidents, 3+1+2+0+1 = 7 alerts -> 1.4 per incident. Auto-resolved
	// 1 (N1); resolved without ack 2 (N1, N3); flapping within 5 min 2
	// (N1 at 2, N5 at 4); low urgency 2/5 = 40%; noisy N1, N3, N5 = 3/5 =
	// 60%.
	if o.Incidents != 5 || o.Alerts != 7 || o.AutoResolved != 1 || o.ResolvedWithoutAck != 2 || o.Flapping != 2 || o.LowUrgency != 2 || o.Noisy != 3 {
		t.Errorf("overall = %+v", o)
	}
	wantNear(t, "alerts per incident", o.AlertsPerIncident, 1.4)
	wantNear(t, "low urgency percent", o.LowUrgencyPercent, 40)
	wantNear(t, "noise ratio", o.NoiseRatio, 60)
	wantNear(t, "flap threshold", r.FlapWithin, 5)
	// Service b (2 noisy of 3 = 66.7%) ranks above a (1 of 2 = 50%).
	if len(r.Services) != 2 || r.Services[0].ID != "b" || r.Services[1].ID != "a" {
		t.Fatalf("services = %+v, want b then a", r.Services)
	}
	wantNear(t, "b noise", r.Services[0].NoiseRatio, 200.0/3)
	wantNear(t, "a noise", r.Services[1].NoiseRatio, 50)

	// A 1-minute threshold drops N5 (4 min) from the flapping ones.
	r, err = AlertNoise([]Incident{n1, n2, n3, n4, n5}, NoiseOptions{FlapWithin: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.Flapping != 0 || r.Overall.Noisy != 2 {
		t.Errorf("1-minute threshold: %+v, want no flapping, 2 noisy", r.Overall)
	}
	if _, err := AlertNoise(nil, NoiseOptions{FlapWithin: -time.Minute}); err == nil {
		t.Error("negative threshold: no error")
	}
}

func TestAlertNoiseZeroIncidents(t *testing.T) {
	r, err := AlertNoise(nil, NoiseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.Incidents != 0 || r.Overall.NoiseRatio != 0 || len(r.Services) != 0 {
		t.Errorf("report = %+v, want nothing", r)
	}
}
