package pagerduty

import (
	"context"
	"fmt"
	"time"
)

// MaxSnooze is the longest an incident can be snoozed: seven days.
const MaxSnooze = 7 * 24 * time.Hour

// SnoozeIncidentParams says how long to snooze an incident.
type SnoozeIncidentParams struct {
	// From is the email of the PagerDuty user snoozing; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// Duration is how long the incident stays quiet, in whole seconds, from
	// one second to MaxSnooze.
	Duration time.Duration
}

// Snooze silences the acknowledged incident id for p.Duration, after which
// it triggers again, and returns the incident.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Snooze(ctx context.Context, id string, p *SnoozeIncidentParams) (*Incident, error) {
	path, err := expandPath("/incidents/{id}/snooze", id)
	if err != nil {
		return nil, err
	}
	if p == nil || p.Duration < time.Second || p.Duration > MaxSnooze {
		var d time.Duration
		if p != nil {
			d = p.Duration
		}
		return nil, fmt.Errorf("pagerduty: snooze Duration %s is out of range: from 1s to %s", d, MaxSnooze)
	}
	if p.Duration%time.Second != 0 {
		return nil, fmt.Errorf("pagerduty: snooze Duration %s is not a whole number of seconds", p.Duration)
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	body := map[string]int64{"duration": int64(p.Duration / time.Second)}
	return s.incidentAnswer(ctx, &request{method: "POST", path: path, body: body, from: from})
}
