package insights

import (
	"cmp"
	"slices"
	"time"
)

// Target is a pair of response targets. A zero duration means no target of
// that kind.
type Target struct {
	Acknowledge time.Duration `json:"acknowledge"`
	Resolve     time.Duration `json:"resolve"`
}

// SLATargets are the targets incidents are held to. An incident takes the
// targets of its priority when ByPriority names it, else those of its
// urgency when ByUrgency names it, else Default.
type SLATargets struct {
	Default Target `json:"default"`
	// ByUrgency is keyed by "high" or "low".
	ByUrgency map[string]Target `json:"by_urgency,omitempty"`
	// ByPriority is keyed by priority name, such as "P1".
	ByPriority map[string]Target `json:"by_priority,omitempty"`
}

// targetFor returns the targets an incident is held to and where they came
// from.
func (t SLATargets) targetFor(inc *Incident) (Target, string) {
	if x, ok := t.ByPriority[inc.Priority]; ok && inc.Priority != "" {
		return x, "priority " + inc.Priority
	}
	if x, ok := t.ByUrgency[inc.Urgency]; ok && inc.Urgency != "" {
		return x, "urgency " + inc.Urgency
	}
	return t.Default, "default"
}

func (t SLATargets) check() error {
	all := map[string]Target{"default": t.Default}
	for k, v := range t.ByUrgency {
		if k != "high" && k != "low" {
			return invalid("urgency target key %q: use \"high\" or \"low\"", k)
		}
		all["urgency "+k] = v
	}
	for k, v := range t.ByPriority {
		all["priority "+k] = v
	}
	some := false
	for name, v := range all {
		if v.Acknowledge < 0 || v.Resolve < 0 {
			return invalid("%s target is negative (acknowledge %s, resolve %s): targets are positive durations", name, v.Acknowledge, v.Resolve)
		}
		if v.Acknowledge > 0 || v.Resolve > 0 {
			some = true
		}
	}
	if !some {
		return invalid("no SLA target given: set an acknowledge or resolve duration, by default, urgency or priority")
	}
	return nil
}

// SLAReport says how many incidents met their targets, and by how much the
// others missed.
type SLAReport struct {
	Data   DataUsed `json:"data"`
	Method string   `json:"method"`
	// AsOf is the time open incidents were measured to (zero: not
	// measured).
	AsOf        time.Time     `json:"as_of,omitzero"`
	Acknowledge SLACompliance `json:"acknowledge"`
	Resolve     SLACompliance `json:"resolve"`
	// Incidents counts incidents held to at least one target; Compliant
	// those that met every target they were held to and have no pending
	// one. Rate is Compliant over the incidents with no pending target,
	// times 100.
	Incidents int     `json:"incidents"`
	Compliant int     `json:"compliant"`
	Rate      float64 `json:"compliance_percent"`
	// Breaches lists every missed target, the largest overrun first.
	Breaches []Breach `json:"breaches"`
	// Services is the compliance per service, sorted by name then ID.
	Services []ServiceSLA `json:"services"`
}

// SLACompliance counts one kind of target.
type SLACompliance struct {
	// Met and Breached count decided incidents; Pending counts open
	// incidents still within their target.
	Met      int `json:"met"`
	Breached int `json:"breached"`
	Pending  int `json:"pending"`
	// Rate is Met over Met plus Breached, times 100 (0 when none).
	Rate float64 `json:"compliance_percent"`
}

// ServiceSLA is the compliance of one service's incidents.
type ServiceSLA struct {
	ID          string        `json:"id,omitempty"`
	Name        string        `json:"name,omitempty"`
	Acknowledge SLACompliance `json:"acknowledge"`
	Resolve     SLACompliance `json:"resolve"`
}

// Breach is one missed target.
type Breach struct {
	IncidentID string `json:"incident_id"`
	Number     int    `json:"number,omitempty"`
	Title      string `json:"title,omitempty"`
	Service    string `json:"service,omitempty"`
	// Kind is "acknowledge" or "resolve".
	Kind string `json:"kind"`
	// TargetFrom says which target applied: "default", "urgency high",
	// "priority P1", ...
	TargetFrom    string  `json:"target_from"`
	TargetMinutes float64 `json:"target_minutes"`
	// ActualMinutes is the measured time; for an open incident, the time so
	// far (Ongoing is then true).
	ActualMinutes float64 `json:"actual_minutes"`
	OverMinutes   float64 `json:"over_minutes"`
	Ongoing       bool    `json:"ongoing,omitempty"`
}

// SLAMethod describes the SLA computation.
const SLAMethod = "Each incident created in the window is held to the targets of its priority, else " +
	"of its urgency, else the default. Acknowledge: time to first acknowledgement; an incident " +
	"resolved without acknowledgement is measured to its resolution; an open unacknowledged " +
	"incident is measured to the as-of time and is a breach once past the target, pending before. " +
	"Resolve: time to resolution; open incidents likewise. A target is met when the time is at most " +
	"the target. Compliance is met / (met + breached)."

// SLA checks incidents against response targets given as input and
// reports the compliance rate of each kind of target, overall and per
// service, and every breach with how far over it went. SLAMethod states the
// rules.
func SLA(incidents []Incident, targets SLATargets, opts IncidentOptions) (*SLAReport, error) {
	if err := targets.check(); err != nil {
		return nil, err
	}
	kept, data, err := selectIncidents(incidents, opts)
	if err != nil {
		return nil, err
	}
	asOf := opts.asOf()
	r := &SLAReport{Data: data, Method: SLAMethod, AsOf: asOf, Breaches: []Breach{}, Services: []ServiceSLA{}}
	pendingIncidents := 0
	for _, g := range groupIncidents(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName }) {
		s := ServiceSLA{ID: g.id, Name: g.name}
		for _, inc := range g.incs {
			t, from := targets.targetFor(inc)
			if t.Acknowledge == 0 && t.Resolve == 0 {
				continue
			}
			r.Incidents++
			ok, pending := true, false
			// The acknowledgement is measured to the first of ack and
			// resolution.
			ackEnd := inc.AcknowledgedAt
			if ackEnd.IsZero() {
				ackEnd = inc.ResolvedAt
			}
			check := func(kind string, target time.Duration, end time.Time, c, sc *SLACompliance) {
				if target == 0 {
					return
				}
				ongoing := end.IsZero()
				if ongoing {
					end = asOf
				}
				if end.IsZero() || (ongoing && end.Sub(inc.CreatedAt) <= target) {
					c.Pending++
					sc.Pending++
					pending = true
					return
				}
				took := end.Sub(inc.CreatedAt)
				if took <= target {
					c.Met++
					sc.Met++
					return
				}
				ok = false
				c.Breached++
				sc.Breached++
				r.Breaches = append(r.Breaches, Breach{
					IncidentID: inc.ID, Number: inc.Number, Title: inc.Title, Service: cmp.Or(inc.ServiceName, inc.ServiceID),
					Kind: kind, TargetFrom: from, TargetMinutes: minutes(target),
					ActualMinutes: minutes(took), OverMinutes: minutes(took - target), Ongoing: ongoing,
				})
			}
			check("acknowledge", t.Acknowledge, ackEnd, &r.Acknowledge, &s.Acknowledge)
			check("resolve", t.Resolve, inc.ResolvedAt, &r.Resolve, &s.Resolve)
			switch {
			case !ok:
			case pending:
				pendingIncidents++
			default:
				r.Compliant++
			}
		}
		s.Acknowledge.rate()
		s.Resolve.rate()
		r.Services = append(r.Services, s)
	}
	r.Acknowledge.rate()
	r.Resolve.rate()
	if decided := r.Incidents - pendingIncidents; decided > 0 {
		r.Rate = 100 * float64(r.Compliant) / float64(decided)
	}
	slices.SortFunc(r.Breaches, func(a, b Breach) int {
		return cmp.Or(cmp.Compare(b.OverMinutes, a.OverMinutes), cmp.Compare(a.IncidentID, b.IncidentID), cmp.Compare(a.Kind, b.Kind))
	})
	return r, nil
}

func (c *SLACompliance) rate() {
	if n := c.Met + c.Breached; n > 0 {
		c.Rate = 100 * float64(c.Met) / float64(n)
	}
}
