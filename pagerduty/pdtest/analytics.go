package pdtest

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// incidentFacts are the numbers analytics derive from one incident's log.
type incidentFacts struct {
	inc                *Incident
	secondsToFirstAck  *int
	secondsToResolve   *int
	escalations        int
	timeoutEscalations int
	manualEscalations  int
	assignments        int
	reassignments      int
	acknowledgements   int
	notifications      int
	snoozedSeconds     int
	autoResolved       bool
	assigned           []string
	acknowledgers      []string
	resolvedBy         string
}

// factsOf reads an incident's log entries. Times to acknowledge and to
// resolve count from the incident's creation to the first acknowledge and
// to the resolve log entry.
func factsOf(inc *Incident) incidentFacts {
	f := incidentFacts{inc: inc}
	for _, le := range inc.LogEntries {
		secs := int(le.CreatedAt.Sub(inc.CreatedAt) / time.Second)
		switch le.Type {
		case LogAcknowledge:
			f.acknowledgements++
			if f.secondsToFirstAck == nil {
				f.secondsToFirstAck = &secs
			}
			if le.Agent.Type == "user" && !slices.Contains(f.acknowledgers, le.Agent.ID) {
				f.acknowledgers = append(f.acknowledgers, le.Agent.ID)
			}
		case LogResolve:
			f.secondsToResolve = &secs
			f.autoResolved = le.Agent.Type != "user"
			if le.Agent.Type == "user" {
				f.resolvedBy = le.Agent.ID
			}
		case LogEscalate:
			f.escalations++
			if le.Channel == "timeout" {
				f.timeoutEscalations++
			} else {
				f.manualEscalations++
			}
			f.addAssigned(le.UserIDs)
		case LogAssign:
			f.assignments++
			if le.Agent.Type == "user" {
				f.reassignments++
			}
			f.addAssigned(le.UserIDs)
		case LogNotify:
			f.notifications++
		case LogSnooze:
			if inc.SnoozedUntil != nil {
				f.snoozedSeconds += int(inc.SnoozedUntil.Sub(le.CreatedAt) / time.Second)
			}
		}
	}
	return f
}

func (f *incidentFacts) addAssigned(ids []string) {
	for _, id := range ids {
		if !slices.Contains(f.assigned, id) {
			f.assigned = append(f.assigned, id)
		}
	}
}

// analyticsFilters are the filters of the analytics endpoints.
type analyticsFilters struct {
	CreatedAtStart      string   `json:"created_at_start,omitempty"`
	CreatedAtEnd        string   `json:"created_at_end,omitempty"`
	Urgency             string   `json:"urgency,omitempty"`
	TeamIDs             []string `json:"team_ids,omitempty"`
	ServiceIDs          []string `json:"service_ids,omitempty"`
	PriorityIDs         []string `json:"priority_ids,omitempty"`
	PriorityNames       []string `json:"priority_names,omitempty"`
	EscalationPolicyIDs []string `json:"escalation_policy_ids,omitempty"`
}

// selectIncidents returns the facts of the incidents that pass the filters.
func (st *state) selectIncidents(f *analyticsFilters, loc *time.Location) ([]incidentFacts, *apiError) {
	var start, end time.Time
	var err *apiError
	if f.CreatedAtStart != "" {
		if start, err = parseTime("filters.created_at_start", f.CreatedAtStart, loc); err != nil {
			return nil, err
		}
	}
	if f.CreatedAtEnd != "" {
		if end, err = parseTime("filters.created_at_end", f.CreatedAtEnd, loc); err != nil {
			return nil, err
		}
	}
	if f.Urgency != "" && f.Urgency != "high" && f.Urgency != "low" {
		return nil, errInvalid("filters.urgency %q is not high or low", f.Urgency)
	}
	var out []incidentFacts
	for _, inc := range st.incidents {
		if inc.MergedInto != "" {
			continue
		}
		if (!start.IsZero() && inc.CreatedAt.Before(start)) || (!end.IsZero() && !inc.CreatedAt.Before(end)) {
			continue
		}
		if f.Urgency != "" && inc.Urgency != f.Urgency {
			continue
		}
		if len(f.ServiceIDs) > 0 && !slices.Contains(f.ServiceIDs, inc.ServiceID) {
			continue
		}
		if len(f.EscalationPolicyIDs) > 0 && !slices.Contains(f.EscalationPolicyIDs, inc.EscalationPolicyID) {
			continue
		}
		if len(f.TeamIDs) > 0 && !slices.ContainsFunc(st.incidentTeams(inc), func(id string) bool { return slices.Contains(f.TeamIDs, id) }) {
			continue
		}
		if len(f.PriorityIDs) > 0 && !slices.Contains(f.PriorityIDs, inc.PriorityID) {
			continue
		}
		if len(f.PriorityNames) > 0 {
			p := st.prioByID[inc.PriorityID]
			if p == nil || !slices.Contains(f.PriorityNames, p.Name) {
				continue
			}
		}
		out = append(out, factsOf(inc))
	}
	return out, nil
}

func (st *state) incidentTeams(inc *Incident) []string {
	if s := st.svcByID[inc.ServiceID]; s != nil {
		return st.teamIDsOfService(s)
	}
	return nil
}

// wMetrics is one row of aggregated incident metrics.
type wMetrics struct {
	RangeStart                     string `json:"range_start,omitempty"`
	ServiceID                      string `json:"service_id,omitempty"`
	ServiceName                    string `json:"service_name,omitempty"`
	TeamID                         string `json:"team_id,omitempty"`
	TeamName                       string `json:"team_name,omitempty"`
	MeanAssignmentCount            *int   `json:"mean_assignment_count,omitempty"`
	MeanSecondsToFirstAck          *int   `json:"mean_seconds_to_first_ack,omitempty"`
	MeanSecondsToResolve           *int   `json:"mean_seconds_to_resolve,omitempty"`
	TotalEscalationCount           int    `json:"total_escalation_count"`
	TotalIncidentCount             int    `json:"total_incident_count"`
	TotalIncidentsAcknowledged     int    `json:"total_incidents_acknowledged"`
	TotalIncidentsAutoResolved     int    `json:"total_incidents_auto_resolved"`
	TotalIncidentsManualEscalated  int    `json:"total_incidents_manual_escalated"`
	TotalIncidentsReassigned       int    `json:"total_incidents_reassigned"`
	TotalIncidentsTimeoutEscalated int    `json:"total_incidents_timeout_escalated"`
	TotalNotifications             int    `json:"total_notifications"`
	TotalInterruptions             int    `json:"total_interruptions"`
	TotalSnoozedSeconds            int    `json:"total_snoozed_seconds"`
}

// meanOf rounds the mean to the nearest second; nil when there is nothing
// to average.
func meanOf(sum, n int) *int {
	if n == 0 {
		return nil
	}
	m := int(math.Round(float64(sum) / float64(n)))
	return &m
}

func aggregate(facts []incidentFacts) wMetrics {
	var m wMetrics
	var ackSum, ackN, resSum, resN, asgSum int
	for _, f := range facts {
		m.TotalIncidentCount++
		if f.secondsToFirstAck != nil {
			ackSum += *f.secondsToFirstAck
			ackN++
			m.TotalIncidentsAcknowledged++
		}
		if f.secondsToResolve != nil {
			resSum += *f.secondsToResolve
			resN++
			if f.autoResolved {
				m.TotalIncidentsAutoResolved++
			}
		}
		asgSum += f.assignments
		m.TotalEscalationCount += f.escalations
		if f.manualEscalations > 0 {
			m.TotalIncidentsManualEscalated++
		}
		if f.timeoutEscalations > 0 {
			m.TotalIncidentsTimeoutEscalated++
		}
		if f.reassignments > 0 {
			m.TotalIncidentsReassigned++
		}
		m.TotalNotifications += f.notifications
		m.TotalInterruptions += f.notifications
		m.TotalSnoozedSeconds += f.snoozedSeconds
	}
	m.MeanSecondsToFirstAck = meanOf(ackSum, ackN)
	m.MeanSecondsToResolve = meanOf(resSum, resN)
	m.MeanAssignmentCount = meanOf(asgSum, len(facts))
	return m
}

// bucketStart returns the start of the day, week (Monday) or month of t.
func bucketStart(t time.Time, unit string, loc *time.Location) time.Time {
	t = t.In(loc)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	switch unit {
	case "week":
		wd := (int(d.Weekday()) + 6) % 7
		return d.AddDate(0, 0, -wd)
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	}
	return d
}

// metrics groups the facts by (bucket, group) and aggregates each group.
// by is "", "service" or "team".
func (st *state) metrics(facts []incidentFacts, by, unit string, loc *time.Location) []wMetrics {
	type key struct {
		bucket time.Time
		group  string
	}
	groups := map[key][]incidentFacts{}
	var keys []key
	add := func(k key, f incidentFacts) {
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, f := range facts {
		var b time.Time
		if unit != "" {
			b = bucketStart(f.inc.CreatedAt, unit, loc)
		}
		switch by {
		case "service":
			add(key{b, f.inc.ServiceID}, f)
		case "team":
			for _, t := range st.incidentTeams(f.inc) {
				add(key{b, t}, f)
			}
		default:
			add(key{b, ""}, f)
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := a.bucket.Compare(b.bucket); c != 0 {
			return c
		}
		return cmp.Compare(a.group, b.group)
	})
	out := make([]wMetrics, 0, len(keys))
	for _, k := range keys {
		m := aggregate(groups[k])
		if unit != "" {
			m.RangeStart = k.bucket.Format(time.RFC3339)
		}
		switch by {
		case "service":
			m.ServiceID = k.group
			if s := st.svcByID[k.group]; s != nil {
				m.ServiceName = s.Name
			}
		case "team":
			m.TeamID = k.group
			if t := st.teamByID[k.group]; t != nil {
				m.TeamName = t.Name
			}
		}
		out = append(out, m)
	}
	return out
}
