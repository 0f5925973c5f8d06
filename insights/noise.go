package insights

import (
	"time"
)

// NoiseOptions selects the incidents of an alert noise computation and the
// flapping threshold.
type NoiseOptions struct {
	IncidentOptions
	// FlapWithin is the time under which a resolved incident counts as
	// flapping (opened and closed again quickly); zero means 5 minutes.
	FlapWithin time.Duration
}

// NoiseReport measures how much of the incident load needed nobody.
type NoiseReport struct {
	Data       DataUsed   `json:"data"`
	Method     string     `json:"method"`
	FlapWithin float64    `json:"flap_within_minutes"`
	Overall    NoiseGroup `json:"overall"`
	// Services is sorted by noise ratio, the noisiest first, then by name.
	Services []NoiseGroup `json:"services"`
}

// NoiseGroup is the noise figures of a set of incidents.
type NoiseGroup struct {
	ID        string `json:"id,omitempty"`
	Name      string `json:"name,omitempty"`
	Incidents int    `json:"incidents"`
	// Alerts adds up the incidents' alert counts; AlertsPerIncident is
	// Alerts over Incidents.
	Alerts            int     `json:"alerts"`
	AlertsPerIncident float64 `json:"alerts_per_incident"`
	// AutoResolved counts incidents resolved by their service or
	// integration; ResolvedWithoutAck those resolved with no
	// acknowledgement; Flapping those resolved within FlapWithin of their
	// creation; LowUrgency the low-urgency ones.
	AutoResolved       int `json:"auto_resolved"`
	ResolvedWithoutAck int `json:"resolved_without_ack"`
	Flapping           int `json:"flapping"`
	LowUrgency         int `json:"low_urgency"`
	// LowUrgencyPercent is LowUrgency over Incidents, times 100.
	LowUrgencyPercent float64 `json:"low_urgency_percent"`
	// Noisy counts incidents that are auto-resolved, resolved without
	// acknowledgement, or flapping (each counted once); NoiseRatio is
	// Noisy over Incidents, times 100.
	Noisy      int     `json:"noisy"`
	NoiseRatio float64 `json:"noise_percent"`
}

// NoiseMethod describes the noise computation.
const NoiseMethod = "Over incidents created in the window: alerts per incident is total alerts over " +
	"incidents. An incident is noisy when it was auto-resolved (by its service or integration), " +
	"resolved without any acknowledgement, or resolved within the flapping threshold of its creation; " +
	"each noisy incident counts once. Noise ratio is noisy incidents over all incidents; low urgency " +
	"share is low-urgency incidents over all incidents."

// AlertNoise measures alert noise: alerts per incident, incidents
// auto-resolved, resolved without acknowledgement or flapping, and the
// share of low urgency, overall and per service. NoiseMethod states the
// rules.
func AlertNoise(incidents []Incident, opts NoiseOptions) (*NoiseReport, error) {
	if opts.FlapWithin < 0 {
		return nil, invalid("flapping threshold %s is negative: give a positive duration, or zero for 5 minutes", opts.FlapWithin)
	}
	flap := opts.FlapWithin
	if flap == 0 {
		flap = 5 * time.Minute
	}
	kept, data, err := selectIncidents(incidents, opts.IncidentOptions)
	if err != nil {
		return nil, err
	}
	r := &NoiseReport{Data: data, Method: NoiseMethod, FlapWithin: minutes(flap), Overall: noiseGroup("", "", kept, flap), Services: []NoiseGroup{}}
	for _, g := range groupIncidents(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName }) {
		r.Services = append(r.Services, noiseGroup(g.id, g.name, g.incs, flap))
	}
	sortStable(r.Services, func(a, b NoiseGroup) bool { return a.NoiseRatio > b.NoiseRatio })
	return r, nil
}

func noiseGroup(id, name string, incs []*Incident, flap time.Duration) NoiseGroup {
	g := NoiseGroup{ID: id, Name: name, Incidents: len(incs)}
	for _, inc := range incs {
		g.Alerts += inc.Alerts
		noisy := false
		if inc.AutoResolved {
			g.AutoResolved++
			noisy = true
		}
		if inc.resolved() && !inc.acked() {
			g.ResolvedWithoutAck++
			noisy = true
		}
		if inc.resolved() && inc.ttr() <= flap {
			g.Flapping++
			noisy = true
		}
		if inc.Urgency == "low" {
			g.LowUrgency++
		}
		if noisy {
			g.Noisy++
		}
	}
	if g.Incidents > 0 {
		n := float64(g.Incidents)
		g.AlertsPerIncident = float64(g.Alerts) / n
		g.LowUrgencyPercent = 100 * float64(g.LowUrgency) / n
		g.NoiseRatio = 100 * float64(g.Noisy) / n
	}
	return g
}
