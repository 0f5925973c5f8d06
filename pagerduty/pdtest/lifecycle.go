package pdtest

import (
	"slices"
	"time"
)

// oncallUsers returns who an escalation policy reaches at a level (1-based)
// at time t: users targeted directly and whoever is on call on the
// targeted schedules.
func (st *state) oncallUsers(ep *EscalationPolicy, level int, t time.Time) []string {
	if ep == nil || level < 1 || level > len(ep.Rules) {
		return nil
	}
	var out []string
	for _, tg := range ep.Rules[level-1].Targets {
		id := tg.ID
		if tg.Type == "schedule" {
			sc := st.schedByID[tg.ID]
			if sc == nil {
				continue
			}
			id = onCallAt(sc, st.location(sc.TimeZone), t)
		}
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (st *state) addLog(inc *Incident, le LogEntry) {
	le.ID = st.newID()
	if le.Channel == "" {
		le.Channel = "api"
	}
	inc.LogEntries = append(inc.LogEntries, le)
	if le.CreatedAt.After(inc.UpdatedAt) {
		inc.UpdatedAt = le.CreatedAt
	}
	st.touch()
}

// triggerSpec describes a new incident.
type triggerSpec struct {
	service     *Service
	epID        string // empty: the service's policy
	title       string
	description string
	urgency     string
	key         string
	priorityID  string
	assignees   []string // direct assignment when set
	agent       Agent
	channel     string
	at          time.Time
	alert       *Alert
}

// trigger opens an incident and assigns it.
func (st *state) trigger(ts triggerSpec) *Incident {
	st.nextNumber++
	inc := &Incident{ID: st.newID(), Number: st.nextNumber, Title: ts.title, Description: ts.description,
		Status: StatusTriggered, Urgency: orDefault(ts.urgency, "high"), IncidentKey: ts.key, ServiceID: ts.service.ID,
		EscalationPolicyID: orDefault(ts.epID, ts.service.EscalationPolicyID), PriorityID: ts.priorityID,
		EscalationLevel: 1, AssignedVia: "escalation_policy", CreatedAt: ts.at, UpdatedAt: ts.at,
		LastStatusChangeAt: ts.at, LastStatusChangeBy: ts.agent, LogEntries: make([]LogEntry, 0, 8)}
	if inc.IncidentKey == "" {
		inc.IncidentKey = st.newKey()
	}
	st.addLog(inc, LogEntry{Type: LogTrigger, CreatedAt: ts.at, Agent: ts.agent, Channel: ts.channel})
	if ts.alert != nil {
		a := *ts.alert
		a.ID = st.newID()
		a.CreatedAt = ts.at
		a.Status = StatusTriggered
		inc.Alerts = append(inc.Alerts, a)
	}
	users := ts.assignees
	if len(users) > 0 {
		inc.AssignedVia = "direct_assignment"
	} else {
		users = st.oncallUsers(st.epByID[inc.EscalationPolicyID], 1, ts.at)
	}
	st.assign(inc, users, ts.agent, ts.at, LogAssign)
	st.incidents = append(st.incidents, inc)
	st.indexIncident(inc)
	st.derivedStale()
	return inc
}

// assign replaces the assignees and writes a log entry of type typ.
func (st *state) assign(inc *Incident, users []string, agent Agent, at time.Time, typ string) {
	inc.Assignments = inc.Assignments[:0]
	for _, u := range users {
		inc.Assignments = append(inc.Assignments, Assignment{UserID: u, At: at})
	}
	le := LogEntry{Type: typ, CreatedAt: at, Agent: agent, UserIDs: slices.Clone(users)}
	if typ == LogEscalate {
		le.EscalationLevel = inc.EscalationLevel
	}
	if len(users) > 0 {
		st.addLog(inc, le)
		for _, u := range users {
			st.addLog(inc, LogEntry{Type: LogNotify, CreatedAt: at, Agent: Agent{Type: "service", ID: inc.ServiceID}, Channel: "auto", UserIDs: []string{u}})
		}
	}
}

func (st *state) acknowledge(inc *Incident, agent Agent, at time.Time) {
	if inc.Status == StatusResolved {
		return
	}
	inc.Status = StatusAcknowledged
	inc.Acknowledgements = append(inc.Acknowledgements, Acknowledgement{By: agent, At: at})
	inc.LastStatusChangeAt, inc.LastStatusChangeBy = at, agent
	st.addLog(inc, LogEntry{Type: LogAcknowledge, CreatedAt: at, Agent: agent})
	st.derivedStale()
}

func (st *state) resolve(inc *Incident, agent Agent, at time.Time, note string) {
	if inc.Status == StatusResolved {
		return
	}
	inc.Status = StatusResolved
	inc.ResolvedAt = &at
	inc.SnoozedUntil = nil
	inc.Assignments = nil
	inc.LastStatusChangeAt, inc.LastStatusChangeBy = at, agent
	for i := range inc.Alerts {
		inc.Alerts[i].Status = StatusResolved
	}
	delete(st.alertByKey, inc.ServiceID+"\x00"+inc.IncidentKey)
	st.addLog(inc, LogEntry{Type: LogResolve, CreatedAt: at, Agent: agent, Note: note})
	st.derivedStale()
}

func (st *state) reassign(inc *Incident, users []string, agent Agent, at time.Time) {
	if inc.Status == StatusAcknowledged {
		// Reassigning puts the incident back to triggered for the new
		// assignees.
		inc.Status = StatusTriggered
		inc.Acknowledgements = nil
		inc.LastStatusChangeAt, inc.LastStatusChangeBy = at, agent
		st.derivedStale()
	}
	inc.AssignedVia = "direct_assignment"
	st.assign(inc, users, agent, at, LogAssign)
}

func (st *state) escalate(inc *Incident, level int, agent Agent, at time.Time, channel string) {
	inc.EscalationLevel = level
	inc.AssignedVia = "escalation_policy"
	if inc.Status == StatusAcknowledged {
		inc.Status = StatusTriggered
		inc.Acknowledgements = nil
		inc.LastStatusChangeAt, inc.LastStatusChangeBy = at, agent
		st.derivedStale()
	}
	users := st.oncallUsers(st.epByID[inc.EscalationPolicyID], level, at)
	before := len(inc.LogEntries)
	st.assign(inc, users, agent, at, LogEscalate)
	if len(inc.LogEntries) == before { // nobody on call there: still log it
		st.addLog(inc, LogEntry{Type: LogEscalate, CreatedAt: at, Agent: agent, EscalationLevel: level})
	}
	if channel != "" {
		for i := before; i < len(inc.LogEntries); i++ {
			if inc.LogEntries[i].Type == LogEscalate {
				inc.LogEntries[i].Channel = channel
			}
		}
	}
}

func (st *state) snooze(inc *Incident, d time.Duration, agent Agent, at time.Time) {
	until := at.Add(d)
	if inc.Status != StatusAcknowledged {
		inc.Status = StatusAcknowledged
		inc.Acknowledgements = append(inc.Acknowledgements, Acknowledgement{By: agent, At: at})
		inc.LastStatusChangeAt, inc.LastStatusChangeBy = at, agent
	}
	inc.SnoozedUntil = &until
	if st.snoozed == nil {
		st.snoozed = map[*Incident]bool{}
	}
	st.snoozed[inc] = true
	st.addLog(inc, LogEntry{Type: LogSnooze, CreatedAt: at, Agent: agent, Summary: "Snoozed until " + until.UTC().Format(time.RFC3339)})
	st.derivedStale()
}

func (st *state) addNote(inc *Incident, userID, content string, at time.Time) *Note {
	n := Note{ID: st.newID(), UserID: userID, Content: content, CreatedAt: at}
	inc.Notes = append(inc.Notes, n)
	st.addLog(inc, LogEntry{Type: LogAnnotate, CreatedAt: at, Agent: Agent{Type: "user", ID: userID}, Channel: "note", Note: content})
	return &inc.Notes[len(inc.Notes)-1]
}

// merge moves the alerts of the sources into target and resolves the
// sources.
func (st *state) merge(target *Incident, sources []*Incident, agent Agent, at time.Time) {
	for _, src := range sources {
		if len(src.Alerts) == 0 {
			// A manually created incident becomes one alert of the target.
			src.Alerts = append(src.Alerts, Alert{ID: st.newID(), Key: src.IncidentKey, Status: StatusTriggered,
				Severity: "critical", Summary: src.Title, CreatedAt: src.CreatedAt})
		}
		for _, a := range src.Alerts {
			if src.Status != StatusResolved {
				a.Status = StatusTriggered
			}
			target.Alerts = append(target.Alerts, a)
		}
		src.Alerts = nil
		src.MergedInto = target.ID
		st.resolve(src, agent, at, "Merged into "+incidentSummary(target))
	}
	target.UpdatedAt = at
	st.touch()
}

// checkSnoozes puts snoozed incidents whose time is up back to triggered.
func (st *state) checkSnoozes(now time.Time) {
	for inc := range st.snoozed {
		if inc.SnoozedUntil == nil || inc.Status != StatusAcknowledged {
			delete(st.snoozed, inc)
			continue
		}
		if now.Before(*inc.SnoozedUntil) {
			continue
		}
		delete(st.snoozed, inc)
		inc.Status = StatusTriggered
		inc.Acknowledgements = nil
		inc.LastStatusChangeAt = *inc.SnoozedUntil
		inc.SnoozedUntil = nil
		st.addLog(inc, LogEntry{Type: "unacknowledge_log_entry", CreatedAt: inc.LastStatusChangeAt,
			Agent: Agent{Type: "service", ID: inc.ServiceID}, Channel: "timeout"})
		st.derivedStale()
		st.changed()
	}
}

// derived facts per service, rebuilt after incidents change.
type serviceFacts struct {
	lastIncident time.Time
	triggered    int
	acknowledged int
}

func (st *state) derivedStale() { st.svcFacts = nil }

func (st *state) facts() map[string]*serviceFacts {
	if st.svcFacts != nil {
		return st.svcFacts
	}
	m := map[string]*serviceFacts{}
	for _, inc := range st.incidents {
		f := m[inc.ServiceID]
		if f == nil {
			f = &serviceFacts{}
			m[inc.ServiceID] = f
		}
		if inc.CreatedAt.After(f.lastIncident) {
			f.lastIncident = inc.CreatedAt
		}
		switch inc.Status {
		case StatusTriggered:
			f.triggered++
		case StatusAcknowledged:
			f.acknowledged++
		}
	}
	st.svcFacts = m
	return m
}

func (st *state) lastIncidentAt(serviceID string) time.Time {
	if f := st.facts()[serviceID]; f != nil {
		return f.lastIncident
	}
	return time.Time{}
}

// serviceStatus derives a service's status from its open incidents and
// maintenance windows.
func (st *state) serviceStatus(s *Service) string {
	if s.Disabled {
		return "disabled"
	}
	now := st.now()
	for _, m := range st.mws {
		if !now.Before(m.StartTime) && now.Before(m.EndTime) && slices.Contains(m.ServiceIDs, s.ID) {
			return "maintenance"
		}
	}
	f := st.facts()[s.ID]
	switch {
	case f != nil && f.triggered > 0:
		return "critical"
	case f != nil && f.acknowledged > 0:
		return "warning"
	}
	return "active"
}

// inMaintenance reports whether a service is in a maintenance window at t.
func (st *state) inMaintenance(serviceID string, t time.Time) bool {
	for _, m := range st.mws {
		if !t.Before(m.StartTime) && t.Before(m.EndTime) && slices.Contains(m.ServiceIDs, serviceID) {
			return true
		}
	}
	return false
}
