package insights

import (
	"slices"
	"time"
)

// EventKind is the kind of an incident log event the escalation
// computation reads.
type EventKind string

// The log events that matter to escalations, named after PagerDuty's log
// entry types without the "_log_entry" suffix.
const (
	EventTrigger     EventKind = "trigger"
	EventEscalate    EventKind = "escalate"
	EventAcknowledge EventKind = "acknowledge"
	EventResolve     EventKind = "resolve"
)

// LogEvent is one entry of an incident's timeline. Build it by hand or with
// EventsFromLogEntries.
type LogEvent struct {
	IncidentID string    `json:"incident_id"`
	Kind       EventKind `json:"kind"`
	At         time.Time `json:"at"`
}

// EscalationReport says how often incidents were acknowledged at the first
// level, how often they escalated, and how fast the escalated ones were
// acknowledged.
type EscalationReport struct {
	Data    DataUsed        `json:"data"`
	Method  string          `json:"method"`
	Overall EscalationGroup `json:"overall"`
	// Services is sorted by name, then ID.
	Services []EscalationGroup `json:"services"`
}

// EscalationGroup is the escalation figures of a set of incidents.
type EscalationGroup struct {
	ID        string `json:"id,omitempty"`
	Name      string `json:"name,omitempty"`
	Incidents int    `json:"incidents"`
	// Acknowledged counts incidents with an acknowledgement in their log;
	// AckedAtFirstLevel those acknowledged with no escalation before.
	Acknowledged      int `json:"acknowledged"`
	AckedAtFirstLevel int `json:"acknowledged_at_first_level"`
	// FirstLevelPercent is AckedAtFirstLevel over Incidents, times 100.
	FirstLevelPercent float64 `json:"first_level_percent"`
	// Escalated counts incidents with at least one escalation; Escalations
	// counts escalations; EscalationsPerIncident is Escalations over
	// Incidents.
	Escalated              int     `json:"escalated"`
	Escalations            int     `json:"escalations"`
	EscalationsPerIncident float64 `json:"escalations_per_incident"`
	// AckAfterEscalation measures, for incidents escalated before their
	// first acknowledgement, the time from the last such escalation to the
	// acknowledgement.
	AckAfterEscalation DurationStats `json:"ack_after_escalation"`
}

// EscalationMethod describes the escalation computation.
const EscalationMethod = "Read from the log entries of each incident created in the window, in time " +
	"order. An incident is acknowledged at the first level when its first acknowledge entry comes " +
	"before any escalate entry. Escalations counts every escalate entry (automatic or manual). Time " +
	"to acknowledge after escalation runs from the last escalate entry before the first acknowledge " +
	"entry to that acknowledgement. Incidents without log entries count as neither acknowledged nor " +
	"escalated. " + PercentileMethod

// Escalations measures escalation effectiveness from incidents and their
// log events: the share acknowledged at the first level, escalation counts,
// and the time to acknowledge after an escalation, overall and per service.
// Events of incidents not given (or outside the window) are ignored.
// EscalationMethod states the rules.
func Escalations(incidents []Incident, events []LogEvent, opts IncidentOptions) (*EscalationReport, error) {
	kept, data, err := selectIncidents(incidents, opts)
	if err != nil {
		return nil, err
	}
	data.LogEntries = len(events)
	byInc := map[string][]LogEvent{}
	for _, inc := range kept {
		byInc[inc.ID] = nil
	}
	for i, e := range events {
		if e.At.IsZero() {
			return nil, invalid("log event %d (incident %s) has no time", i, e.IncidentID)
		}
		if evs, ok := byInc[e.IncidentID]; ok {
			byInc[e.IncidentID] = append(evs, e)
		}
	}
	for _, evs := range byInc {
		slices.SortStableFunc(evs, func(a, b LogEvent) int { return a.At.Compare(b.At) })
	}
	r := &EscalationReport{Data: data, Method: EscalationMethod, Overall: escalationGroup("", "", kept, byInc), Services: []EscalationGroup{}}
	for _, g := range groupIncidents(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName }) {
		r.Services = append(r.Services, escalationGroup(g.id, g.name, g.incs, byInc))
	}
	return r, nil
}

func escalationGroup(id, name string, incs []*Incident, byInc map[string][]LogEvent) EscalationGroup {
	g := EscalationGroup{ID: id, Name: name, Incidents: len(incs)}
	var after []time.Duration
	for _, inc := range incs {
		var lastEsc, ack time.Time
		escalations := 0
		for _, e := range byInc[inc.ID] {
			switch e.Kind {
			case EventEscalate:
				escalations++
				if ack.IsZero() {
					lastEsc = e.At
				}
			case EventAcknowledge:
				if ack.IsZero() {
					ack = e.At
				}
			}
		}
		g.Escalations += escalations
		if escalations > 0 {
			g.Escalated++
		}
		if ack.IsZero() {
			continue
		}
		g.Acknowledged++
		if lastEsc.IsZero() {
			g.AckedAtFirstLevel++
		} else {
			after = append(after, ack.Sub(lastEsc))
		}
	}
	if g.Incidents > 0 {
		g.FirstLevelPercent = 100 * float64(g.AckedAtFirstLevel) / float64(g.Incidents)
		g.EscalationsPerIncident = float64(g.Escalations) / float64(g.Incidents)
	}
	g.AckAfterEscalation = durationStats(after)
	return g
}
