package insights

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// ShiftsFromOnCalls turns on-call entries (OnCalls.List over a window) into
// shifts, keeping the escalation level and the schedule. An entry of a user
// the policy targets directly has no start or end: its shift is open on
// both sides, so it covers the whole window.
func ShiftsFromOnCalls(oncalls []pagerduty.OnCall) []Shift {
	out := make([]Shift, 0, len(oncalls))
	for _, oc := range oncalls {
		if oc.User == nil {
			continue
		}
		s := Shift{
			UserID: oc.User.ID, UserName: cmp.Or(oc.User.Name, oc.User.Summary), TimeZone: oc.User.TimeZone,
			Start: oc.Start, End: oc.End, Level: oc.EscalationLevel,
		}
		if oc.Schedule != nil {
			s.ScheduleID = oc.Schedule.ID
		}
		out = append(out, s)
	}
	return out
}

// ShiftsFromSchedule turns a schedule's final schedule (the rendered
// entries a schedule read over a window carries) into shifts. Entries
// carry no user zone, so each shift takes the schedule's zone; name the
// users' own zones in the options' Users to use those instead.
func ShiftsFromSchedule(s *pagerduty.Schedule) []Shift {
	if s == nil || s.FinalSchedule == nil {
		return nil
	}
	out := make([]Shift, 0, len(s.FinalSchedule.RenderedScheduleEntries))
	for _, e := range s.FinalSchedule.RenderedScheduleEntries {
		if e.User == nil {
			continue
		}
		out = append(out, Shift{
			UserID: e.User.ID, UserName: e.User.Summary, TimeZone: s.TimeZone,
			Start: e.Start, End: e.End, ScheduleID: s.ID,
		})
	}
	return out
}

// UsersFromPagerDuty names users (with their zones) for the on-call
// options.
func UsersFromPagerDuty(users []pagerduty.User) []User {
	out := make([]User, 0, len(users))
	for _, u := range users {
		out = append(out, User{ID: u.ID, Name: cmp.Or(u.Name, u.Summary), TimeZone: u.TimeZone})
	}
	return out
}

// EventsFromLogEntries turns incident log entries into log events: the kind
// is the entry type without its "_log_entry" suffix. Entries that name no
// incident are skipped.
func EventsFromLogEntries(entries []pagerduty.LogEntry) []LogEvent {
	out := make([]LogEvent, 0, len(entries))
	for _, e := range entries {
		if e.Incident == nil || e.Incident.ID == "" {
			continue
		}
		out = append(out, LogEvent{IncidentID: e.Incident.ID, Kind: EventKind(strings.TrimSuffix(e.Type, "_log_entry")), At: e.CreatedAt})
	}
	return out
}

// IncidentsFromPagerDuty turns incidents into the input of the response
// computations. PagerDuty clears an incident's acknowledgements once it is
// resolved, so pass the incidents' log entries too (any order, any
// incidents) to find first acknowledgements and who resolved: the first
// acknowledgement is the earliest of the incident's acknowledgements and
// acknowledge entries; an incident counts as auto-resolved when its
// resolve entry (or, without one, its last status change) was made by
// something other than a user.
func IncidentsFromPagerDuty(incidents []pagerduty.Incident, entries []pagerduty.LogEntry) []Incident {
	logs := map[string][]*pagerduty.LogEntry{}
	for i := range entries {
		e := &entries[i]
		if e.Incident != nil {
			logs[e.Incident.ID] = append(logs[e.Incident.ID], e)
		}
	}
	out := make([]Incident, 0, len(incidents))
	for _, pi := range incidents {
		inc := Incident{
			ID: pi.ID, Number: pi.Number, Title: cmp.Or(pi.Title, pi.Summary),
			Urgency: string(pi.Urgency), CreatedAt: pi.CreatedAt, ResolvedAt: pi.ResolvedAt,
			Alerts: pi.AlertCounts.All,
		}
		if pi.Service != nil {
			inc.ServiceID, inc.ServiceName = pi.Service.ID, cmp.Or(pi.Service.Name, pi.Service.Summary)
		}
		if len(pi.Teams) > 0 {
			inc.TeamID, inc.TeamName = pi.Teams[0].ID, cmp.Or(pi.Teams[0].Name, pi.Teams[0].Summary)
		}
		if pi.Priority != nil {
			inc.Priority = cmp.Or(pi.Priority.Name, pi.Priority.Summary)
		}
		var people []string
		addPerson := func(id string) {
			if id != "" && !slices.Contains(people, id) {
				people = append(people, id)
			}
		}
		firstAck := func(t time.Time) {
			if !t.IsZero() && (inc.AcknowledgedAt.IsZero() || t.Before(inc.AcknowledgedAt)) {
				inc.AcknowledgedAt = t
			}
		}
		for _, a := range pi.Assignments {
			if a.Assignee != nil {
				addPerson(a.Assignee.ID)
			}
		}
		for _, a := range pi.Acknowledgements {
			firstAck(a.At)
			if a.Acknowledger != nil && a.Acknowledger.Type != "service_reference" && a.Acknowledger.Type != "service" {
				addPerson(a.Acknowledger.ID)
			}
		}
		for _, r := range pi.Responders {
			if r.State == "joined" && r.User != nil {
				addPerson(r.User.ID)
			}
		}
		var resolver *pagerduty.Reference
		for _, e := range logs[pi.ID] {
			switch e.Type {
			case "acknowledge_log_entry":
				firstAck(e.CreatedAt)
				if isUser(e.Agent) {
					addPerson(e.Agent.ID)
				}
			case "resolve_log_entry":
				if inc.ResolvedAt.IsZero() && pi.Status == pagerduty.Resolved {
					inc.ResolvedAt = e.CreatedAt
				}
				resolver = e.Agent
			}
		}
		if pi.Status == pagerduty.Resolved {
			if inc.ResolvedAt.IsZero() {
				inc.ResolvedAt = pi.LastStatusChangeAt
			}
			if resolver == nil {
				resolver = pi.LastStatusChangeBy
			}
			inc.AutoResolved = resolver != nil && !isUser(resolver)
		}
		inc.Responders = people
		out = append(out, inc)
	}
	return out
}

// isUser reports whether a reference names a user.
func isUser(r *pagerduty.Reference) bool {
	return r != nil && (r.Type == "user_reference" || r.Type == "user")
}

// IncidentsFromAnalytics turns raw analytics records
// (Analytics.ListRawIncidents) into the input of the response
// computations: the first acknowledgement is creation plus
// seconds_to_first_ack when the record counts an acknowledgement, and the
// responders are the acknowledging, assigned and joined users. Records
// carry no alert count.
func IncidentsFromAnalytics(raw []pagerduty.RawIncident) []Incident {
	out := make([]Incident, 0, len(raw))
	for _, r := range raw {
		inc := Incident{
			ID: r.ID, Number: r.IncidentNumber, Title: r.Description,
			ServiceID: r.ServiceID, ServiceName: r.ServiceName, TeamID: r.TeamID, TeamName: r.TeamName,
			Urgency: string(r.Urgency), Priority: r.PriorityName,
			CreatedAt: r.CreatedAt.Time, ResolvedAt: r.ResolvedAt.Time, AutoResolved: r.AutoResolved,
		}
		if r.AcknowledgementCount > 0 || r.SecondsToFirstAck > 0 {
			inc.AcknowledgedAt = inc.CreatedAt.Add(time.Duration(r.SecondsToFirstAck) * time.Second)
		}
		if inc.ResolvedAt.IsZero() && r.Status == string(pagerduty.Resolved) && r.SecondsToResolve > 0 {
			inc.ResolvedAt = inc.CreatedAt.Add(time.Duration(r.SecondsToResolve) * time.Second)
		}
		for _, ids := range [][]string{r.AcknowledgedUserIDs, r.AssignedUserIDs, r.JoinedUserIDs} {
			for _, id := range ids {
				if id != "" && !slices.Contains(inc.Responders, id) {
					inc.Responders = append(inc.Responders, id)
				}
			}
		}
		out = append(out, inc)
	}
	return out
}
