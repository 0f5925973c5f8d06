package pdtest

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"
)

// state is the account the handler serves, indexed for lookups. Every
// access holds Handler.mu.
type state struct {
	now func() time.Time
	rng *rand.Rand
	ids map[string]bool

	currentUserID string
	abilities     []string

	teams     []*Team
	users     []*User
	schedules []*Schedule
	eps       []*EscalationPolicy
	services  []*Service
	prios     []*Priority
	incidents []*Incident // by number
	mws       []*MaintenanceWindow
	changes   []ChangeEvent
	auditLog  []AuditRecord

	teamByID    map[string]*Team
	userByID    map[string]*User
	userByEmail map[string]*User
	schedByID   map[string]*Schedule
	epByID      map[string]*EscalationPolicy
	svcByID     map[string]*Service
	prioByID    map[string]*Priority
	incByID     map[string]*Incident
	incByNumber map[int]*Incident
	svcByKey    map[string]*Service
	mwByID      map[string]*MaintenanceWindow
	nextNumber  int
	nextMWSeq   int
	logIndex    []logRef // all log entries, newest first; nil when stale
	logByID     map[string]logRef
	alertByKey  map[string]*Incident // service ID + "\x00" + dedup key of open incidents
	svcFacts    map[string]*serviceFacts
	locs        map[string]*time.Location
	snoozed     map[*Incident]bool // acknowledged incidents with a snooze running
	svcFields   *serviceFields     // service custom fields and values; nil until used
	cache       caches
}

type logRef struct {
	inc *Incident
	i   int
}

func (r logRef) entry() *LogEntry { return &r.inc.LogEntries[r.i] }

func newState(d *Dataset, seed int64, now func() time.Time) *state {
	st := &state{now: now, rng: rand.New(rand.NewPCG(uint64(seed), 0x5eed)), ids: map[string]bool{}}
	st.currentUserID = d.CurrentUserID
	st.abilities = d.Abilities
	if st.abilities == nil {
		st.abilities = DefaultAbilities()
	}
	for i := range d.Teams {
		st.teams = append(st.teams, &d.Teams[i])
	}
	for i := range d.Users {
		st.users = append(st.users, &d.Users[i])
	}
	for i := range d.Schedules {
		st.schedules = append(st.schedules, &d.Schedules[i])
	}
	for i := range d.EscalationPolicies {
		st.eps = append(st.eps, &d.EscalationPolicies[i])
	}
	for i := range d.Services {
		st.services = append(st.services, &d.Services[i])
	}
	for i := range d.Priorities {
		st.prios = append(st.prios, &d.Priorities[i])
	}
	for i := range d.Incidents {
		st.incidents = append(st.incidents, &d.Incidents[i])
	}
	sort.SliceStable(st.incidents, func(i, j int) bool { return st.incidents[i].Number < st.incidents[j].Number })
	for i := range d.MaintenanceWindows {
		st.mws = append(st.mws, &d.MaintenanceWindows[i])
	}
	st.changes = d.ChangeEvents
	st.auditLog = d.AuditRecords
	for _, a := range st.auditLog {
		st.ids[a.ID] = true
	}
	st.reindex()
	return st
}

// reindex rebuilds every map from the slices.
func (st *state) reindex() {
	st.teamByID = map[string]*Team{}
	st.userByID = map[string]*User{}
	st.userByEmail = map[string]*User{}
	st.schedByID = map[string]*Schedule{}
	st.epByID = map[string]*EscalationPolicy{}
	st.svcByID = map[string]*Service{}
	st.prioByID = map[string]*Priority{}
	st.incByID = map[string]*Incident{}
	st.incByNumber = map[int]*Incident{}
	st.svcByKey = map[string]*Service{}
	st.mwByID = map[string]*MaintenanceWindow{}
	st.alertByKey = map[string]*Incident{}
	for _, t := range st.teams {
		st.teamByID[t.ID] = t
		st.ids[t.ID] = true
	}
	for _, u := range st.users {
		st.userByID[u.ID] = u
		st.userByEmail[strings.ToLower(u.Email)] = u
		st.ids[u.ID] = true
		for _, c := range u.ContactMethods {
			st.ids[c.ID] = true
		}
		for _, n := range u.NotificationRules {
			st.ids[n.ID] = true
		}
	}
	for _, s := range st.schedules {
		st.schedByID[s.ID] = s
		st.ids[s.ID] = true
		for _, l := range s.Layers {
			st.ids[l.ID] = true
		}
		for _, o := range s.Overrides {
			st.ids[o.ID] = true
		}
	}
	for _, e := range st.eps {
		st.epByID[e.ID] = e
		st.ids[e.ID] = true
		for _, r := range e.Rules {
			st.ids[r.ID] = true
		}
	}
	for _, s := range st.services {
		st.svcByID[s.ID] = s
		st.ids[s.ID] = true
		for _, in := range s.Integrations {
			st.ids[in.ID] = true
			if in.Key != "" {
				st.svcByKey[in.Key] = s
			}
		}
	}
	for _, p := range st.prios {
		st.prioByID[p.ID] = p
		st.ids[p.ID] = true
	}
	for _, inc := range st.incidents {
		st.indexIncident(inc)
		st.nextNumber = max(st.nextNumber, inc.Number)
	}
	for _, m := range st.mws {
		st.mwByID[m.ID] = m
		st.ids[m.ID] = true
		st.nextMWSeq = max(st.nextMWSeq, m.SequenceNumber)
	}
	st.logIndex = nil
}

func (st *state) indexIncident(inc *Incident) {
	st.incByID[inc.ID] = inc
	st.incByNumber[inc.Number] = inc
	st.ids[inc.ID] = true
	for _, a := range inc.Alerts {
		st.ids[a.ID] = true
	}
	for _, l := range inc.LogEntries {
		st.ids[l.ID] = true
	}
	for _, n := range inc.Notes {
		st.ids[n.ID] = true
	}
	if inc.Status == StatusAcknowledged && inc.SnoozedUntil != nil {
		if st.snoozed == nil {
			st.snoozed = map[*Incident]bool{}
		}
		st.snoozed[inc] = true
	}
	if inc.Status != StatusResolved && inc.IncidentKey != "" {
		st.alertByKey[inc.ServiceID+"\x00"+inc.IncidentKey] = inc
	}
}

const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newID returns a fresh PagerDuty style identifier: "P" and six letters or
// digits, drawn from the seeded source.
func (st *state) newID() string {
	for {
		b := []byte{'P', 0, 0, 0, 0, 0, 0}
		for i := 1; i < len(b); i++ {
			b[i] = idAlphabet[st.rng.IntN(len(idAlphabet))]
		}
		id := string(b)
		if !st.ids[id] {
			st.ids[id] = true
			return id
		}
	}
}

// newKey returns 32 hexadecimal digits (routing keys, dedup keys).
func (st *state) newKey() string {
	return randomHex(st.rng, 32)
}

func randomHex(rng *rand.Rand, n int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[rng.IntN(16)]
	}
	return string(b)
}

// logEntries returns every log entry of the account, newest first. The
// index is built once and kept until an incident changes.
func (st *state) logEntries() []logRef {
	if st.logIndex != nil {
		return st.logIndex
	}
	idx := make([]logRef, 0, len(st.incidents)*6)
	st.logByID = make(map[string]logRef, cap(idx))
	for _, inc := range st.incidents {
		for i := range inc.LogEntries {
			r := logRef{inc, i}
			idx = append(idx, r)
			st.logByID[inc.LogEntries[i].ID] = r
		}
	}
	slices.SortStableFunc(idx, func(a, b logRef) int {
		if c := b.entry().CreatedAt.Compare(a.entry().CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(b.entry().ID, a.entry().ID)
	})
	st.logIndex = idx
	return idx
}

// touch marks derived indexes stale after a change to incidents.
func (st *state) touch() { st.logIndex = nil }

// dataset rebuilds a Dataset value from the state (sharing memory; callers
// clone it).
func (st *state) dataset() *Dataset {
	d := &Dataset{CurrentUserID: st.currentUserID, Abilities: st.abilities, ChangeEvents: st.changes, AuditRecords: st.auditLog}
	for _, t := range st.teams {
		d.Teams = append(d.Teams, *t)
	}
	for _, u := range st.users {
		d.Users = append(d.Users, *u)
	}
	for _, s := range st.schedules {
		d.Schedules = append(d.Schedules, *s)
	}
	for _, e := range st.eps {
		d.EscalationPolicies = append(d.EscalationPolicies, *e)
	}
	for _, s := range st.services {
		d.Services = append(d.Services, *s)
	}
	for _, p := range st.prios {
		d.Priorities = append(d.Priorities, *p)
	}
	for _, i := range st.incidents {
		d.Incidents = append(d.Incidents, *i)
	}
	for _, m := range st.mws {
		d.MaintenanceWindows = append(d.MaintenanceWindows, *m)
	}
	return d
}

// cloneDataset returns a deep copy of d (an empty Dataset for nil).
func cloneDataset(d *Dataset) *Dataset {
	out := &Dataset{}
	if d == nil {
		return out
	}
	b, err := json.Marshal(d)
	if err == nil {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		// Only values that JSON cannot carry (such as a channel in alert
		// details) get here; keep the shallow copy rather than fail.
		*out = *d
	}
	return out
}

// DefaultAbilities returns the abilities of a full account.
func DefaultAbilities() []string {
	return []string{"advanced_reports", "analytics", "teams", "urgencies", "read_only_users",
		"manage_schedules", "response_plays", "service_support_hours", "event_rules",
		"preview_incident_alert_grouping", "coordinated_responding", "priorities"}
}

// teamsOfUser returns the teams the user belongs to.
func (st *state) teamsOfUser(id string) []*Team {
	var out []*Team
	for _, t := range st.teams {
		for _, m := range t.Members {
			if m.UserID == id {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// teamsOfService returns the teams of a service: those of its escalation
// policy.
func (st *state) teamIDsOfService(s *Service) []string {
	if ep := st.epByID[s.EscalationPolicyID]; ep != nil {
		return ep.TeamIDs
	}
	return nil
}
