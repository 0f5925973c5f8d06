package insights

import (
	"time"
)

// Incident is the part of an incident the response computations read.
// Build it by hand, with IncidentsFromPagerDuty (incidents plus their log
// entries) or with IncidentsFromAnalytics (raw analytics records).
type Incident struct {
	ID     string `json:"id"`
	Number int    `json:"number,omitempty"`
	Title  string `json:"title,omitempty"`

	ServiceID   string `json:"service_id,omitempty"`
	ServiceName string `json:"service_name,omitempty"`
	TeamID      string `json:"team_id,omitempty"`
	TeamName    string `json:"team_name,omitempty"`
	// Urgency is "high" or "low".
	Urgency string `json:"urgency,omitempty"`
	// Priority is the priority's name, such as "P1", or "".
	Priority string `json:"priority,omitempty"`

	CreatedAt time.Time `json:"created_at"`
	// AcknowledgedAt is the first acknowledgement, zero if there was none.
	AcknowledgedAt time.Time `json:"acknowledged_at,omitzero"`
	// ResolvedAt is zero while the incident is open.
	ResolvedAt time.Time `json:"resolved_at,omitzero"`

	// Alerts counts the incident's alerts (0 when unknown).
	Alerts int `json:"alerts,omitempty"`
	// AutoResolved is true when the incident was resolved by its service
	// or integration (an auto-resolve timeout or a resolving event), not
	// by a person.
	AutoResolved bool `json:"auto_resolved,omitempty"`
	// Responders are the IDs of the people who worked on the incident:
	// assignees, acknowledgers and responders who joined, without repeats.
	Responders []string `json:"responders,omitempty"`
}

// acked reports whether the incident was ever acknowledged.
func (inc *Incident) acked() bool { return !inc.AcknowledgedAt.IsZero() }

// resolved reports whether the incident is resolved.
func (inc *Incident) resolved() bool { return !inc.ResolvedAt.IsZero() }

// tta is the time to first acknowledgement.
func (inc *Incident) tta() time.Duration { return inc.AcknowledgedAt.Sub(inc.CreatedAt) }

// ttr is the time to resolution.
func (inc *Incident) ttr() time.Duration { return inc.ResolvedAt.Sub(inc.CreatedAt) }

// IncidentOptions selects the incidents a computation reads. The zero value
// takes every incident given.
type IncidentOptions struct {
	// Window keeps incidents created in [Start, End); the zero window keeps
	// all of them.
	Window Window
	// Truncated tells the report that the incidents given are not all
	// there are.
	Truncated bool
	// AsOf is the time open incidents are measured to (for durations that
	// have not ended yet). Zero means Window.End; with no window either,
	// open incidents are left out of the measures that need an end.
	AsOf time.Time
}

// asOf is the time open incidents are measured to, or zero.
func (o IncidentOptions) asOf() time.Time {
	if !o.AsOf.IsZero() {
		return o.AsOf
	}
	return o.Window.End
}

// selectIncidents checks every incident and keeps those created in the
// window.
func selectIncidents(incs []Incident, o IncidentOptions) ([]*Incident, DataUsed, error) {
	if err := o.Window.checkOptional(); err != nil {
		return nil, DataUsed{}, err
	}
	kept := make([]*Incident, 0, len(incs))
	for i := range incs {
		inc := &incs[i]
		if err := inc.check(i); err != nil {
			return nil, DataUsed{}, err
		}
		if o.Window.IsZero() || o.Window.Contains(inc.CreatedAt) {
			kept = append(kept, inc)
		}
	}
	return kept, DataUsed{Window: o.Window, Records: len(incs), InWindow: len(kept), Truncated: o.Truncated}, nil
}

// check refuses an incident whose times are missing or out of order.
func (inc *Incident) check(i int) error {
	if inc.CreatedAt.IsZero() {
		return invalid("incident %d (%s) has no creation time", i, inc.ID)
	}
	if inc.acked() && inc.AcknowledgedAt.Before(inc.CreatedAt) {
		return invalid("incident %d (%s) was acknowledged (%s) before it was created (%s)", i, inc.ID, fmtTime(inc.AcknowledgedAt), fmtTime(inc.CreatedAt))
	}
	if inc.resolved() && inc.ResolvedAt.Before(inc.CreatedAt) {
		return invalid("incident %d (%s) was resolved (%s) before it was created (%s)", i, inc.ID, fmtTime(inc.ResolvedAt), fmtTime(inc.CreatedAt))
	}
	switch inc.Urgency {
	case "", "high", "low":
	default:
		return invalid("incident %d (%s) has urgency %q: use \"high\", \"low\" or leave it empty", i, inc.ID, inc.Urgency)
	}
	return nil
}
