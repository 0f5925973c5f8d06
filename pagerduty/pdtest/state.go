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
	st.teams = pointers(d.Teams)
	st.users = pointers(d.Users)
	st.schedules = pointers(d.Schedules)
	st.eps = pointers(d.EscalationPolicies)
	st.services = pointers(d.Services)
	st.prios = pointers(d.Priorities)
	st.incidents = pointers(d.Incidents)
	sort.SliceStable(st.incidents, func(i, j int) bool { return st.incidents[i].Number < st.incidents[j].Number })
	st.mws = pointers(d.MaintenanceWindows)
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
	st.teamByID = byID(st.ids, st.teams, func(t *Team) string { return t.ID })
	st.userByID = byID(st.ids, st.users, func(u *User) string { return u.ID })
	st.schedByID = byID(st.ids, st.schedules, func(s *Schedule) string { return s.ID })
	st.epByID = byID(st.ids, st.eps, func(e *EscalationPolicy) string { return e.ID })
	st.svcByID = byID(st.ids, st.services, func(s *Service) string { return s.ID })
	st.prioByID = byID(st.ids, st.prios, func(p *Priority) string { return p.ID })
	st.mwByID = byID(st.ids, st.mws, func(m *MaintenanceWindow) string { return m.ID })
	st.userByEmail = map[string]*User{}
	st.incByID = map[string]*Incident{}
	st.incByNumber = map[int]*Incident{}
	st.svcByKey = map[string]*Service{}
	st.alertByKey = map[string]*Incident{}
	for _, u := range st.users {
		st.userByEmail[strings.ToLower(u.Email)] = u
		for _, c := range u.ContactMethods {
			st.ids[c.ID] = true
		}
		for _, n := range u.NotificationRules {
			st.ids[n.ID] = true
		}
	}
	for _, s := range st.schedules {
		for _, l := range s.Layers {
			st.ids[l.ID] = true
		}
		for _, o := range s.Overrides {
			st.ids[o.ID] = true
		}
	}
	for _, e := range st.eps {
		for _, r := range e.Rules {
			st.ids[r.ID] = true
		}
	}
	for _, s := range st.services {
		for _, in := range s.Integrations {
			st.ids[in.ID] = true
			if in.Key != "" {
				st.svcByKey[in.Key] = s
			}
		}
	}
	for _, inc := range st.incidents {
		st.indexIncident(inc)
		st.nextNumber = max(st.nextNumber, inc.Number)
	}
	for _, m := range st.mws {
		st.nextMWSeq = max(st.nextMWSeq, m.SequenceNumber)
	}
	st.logIndex = nil
}

// byID indexes items by the ID that id reads and marks each ID as taken,
// so that newID never hands it out again.
func byID[T any](taken map[string]bool, items []*T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(items))
	for _, it := range items {
		m[id(it)] = it
		taken[id(it)] = true
	}
	return m
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
	d.Teams = values(st.teams)
	d.Users = values(st.users)
	d.Schedules = values(st.schedules)
	d.EscalationPolicies = values(st.eps)
	d.Services = values(st.services)
	d.Priorities = values(st.prios)
	d.Incidents = values(st.incidents)
	d.MaintenanceWindows = values(st.mws)
	return d
}

// pointers returns a pointer to each element of vs, in order (nil for
// none), so that the state and the Dataset it came from share memory.
func pointers[T any](vs []T) []*T {
	var out []*T
	for i := range vs {
		out = append(out, &vs[i])
	}
	return out
}

// values returns a copy of each value ps points to, in order (nil for
// none).
func values[T any](ps []*T) []T {
	var out []T
	for _, p := range ps {
		out = append(out, *p)
	}
	return out
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
