package pdtest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// DefaultDemoIncidents is how many incidents the demo account holds unless
// [WithDemoIncidents] says otherwise.
const DefaultDemoIncidents = 150

// demoHistory is how far back the demo incidents go.
const demoHistory = 28 * 24 * time.Hour

var demoTeams = []struct {
	name, desc, tz string
	services       [2]string
	titles         []string
}{
	{"Database", "Owns the relational and cache databases", "America/New_York",
		[2]string{"Postgres Primary", "Redis Cache"},
		[]string{"Replication lag above 30s", "Connection pool exhausted", "Disk usage above 90%", "Slow queries on orders table", "Cache hit ratio dropped"}},
	{"Platform", "Runs the Kubernetes clusters and the build system", "Europe/London",
		[2]string{"Kubernetes API", "CI Pipeline"},
		[]string{"API server latency high", "Node not ready", "Build queue backed up", "Certificate expires in 7 days", "Pod crash looping"}},
	{"Web", "Builds the public website and its API", "America/Los_Angeles",
		[2]string{"Web Frontend", "Public API"},
		[]string{"5xx rate above 2%", "Checkout page slow", "CDN origin errors", "Login failures rising", "p99 latency above 2s"}},
	{"Payments", "Takes the money: checkout and billing", "Asia/Tokyo",
		[2]string{"Checkout", "Billing Worker"},
		[]string{"Card authorizations failing", "Payment provider timeouts", "Invoice job stuck", "Refund queue growing", "Fraud check unavailable"}},
}

var demoNames = []string{
	"Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov",
	"Donald Knuth", "Margaret Hamilton", "Ken Thompson", "Radia Perlman", "Dennis Ritchie",
	"Frances Allen", "John Backus", "Leslie Lamport", "Shafi Goldwasser", "Niklaus Wirth",
	"Katherine Johnson", "Tony Hoare", "Adele Goldberg", "Bjarne Stroustrup", "Sophie Wilson",
}

var demoColors = []string{"red", "green", "blue", "purple", "orange", "teal", "brown", "pink"}

// DemoDataset returns the demo account: four teams (Database, Platform,
// Web, Payments) of five users each, with contact methods and notification
// rules; per team a weekly primary and a daily secondary schedule in the
// team's time zone, with a few overrides (one of them on call now), an
// escalation policy (primary, then secondary, then the team manager) and
// two services with an Events API v2 integration and a deploy (change
// event) a week; priorities P1 to P5;
// and incidents spread over the four weeks before now, each with its
// trigger, assignments, notifications, sometimes an escalation and a
// note, an acknowledgement and a resolution. The last few incidents are
// still open. The same seed, now and count give the same account.
func DemoDataset(seed int64, now time.Time, incidents int) *Dataset {
	now = now.UTC().Truncate(time.Second)
	st := newState(&Dataset{}, seed, func() time.Time { return now })
	rng := rand.New(rand.NewPCG(uint64(seed), 0xde30))

	// Users.
	users := make([]*User, len(demoNames))
	for i, name := range demoNames {
		first, last, _ := strings.Cut(strings.ToLower(name), " ")
		u := &User{ID: st.newID(), Name: name, Email: first + "." + last + "@pdtest.example",
			TimeZone: demoTeams[i/5].tz, Color: demoColors[i%len(demoColors)], Role: "user",
			JobTitle: []string{"Site Reliability Engineer", "Software Engineer", "Engineering Manager"}[i%3]}
		switch {
		case i == 0:
			u.Role = "owner"
		case i%5 == 0:
			u.Role = "admin"
		case i%7 == 6:
			u.Role = "limited_user"
		}
		phone := fmt.Sprintf("555%07d", 1000+i*37)
		email := ContactMethod{ID: st.newID(), Type: "email_contact_method", Label: "Work", Address: u.Email}
		call := ContactMethod{ID: st.newID(), Type: "phone_contact_method", Label: "Mobile", Address: phone, CountryCode: 1}
		sms := ContactMethod{ID: st.newID(), Type: "sms_contact_method", Label: "Mobile", Address: phone, CountryCode: 1}
		u.ContactMethods = []ContactMethod{email, sms, call}
		u.NotificationRules = []NotificationRule{
			{ID: st.newID(), StartDelayInMinutes: 0, ContactMethodID: email.ID, Urgency: "high"},
			{ID: st.newID(), StartDelayInMinutes: 0, ContactMethodID: sms.ID, Urgency: "high"},
			{ID: st.newID(), StartDelayInMinutes: 5, ContactMethodID: call.ID, Urgency: "high"},
			{ID: st.newID(), StartDelayInMinutes: 0, ContactMethodID: email.ID, Urgency: "low"},
		}
		users[i] = u
		st.users = append(st.users, u)
	}
	st.currentUserID = users[0].ID

	// Priorities.
	for i := 1; i <= 5; i++ {
		st.prios = append(st.prios, &Priority{ID: st.newID(), Name: fmt.Sprintf("P%d", i),
			Description: []string{"", "Critical: all hands", "High: customer facing", "Moderate: degraded", "Low: no customer impact", "Informational"}[i],
			Order:       6 - i})
	}

	// Teams, schedules, policies, services.
	for ti, dt := range demoTeams {
		members := users[ti*5 : ti*5+5]
		team := &Team{ID: st.newID(), Name: dt.name, Description: dt.desc}
		for mi, u := range members {
			role := "responder"
			if mi == 0 {
				role = "manager"
			}
			team.Members = append(team.Members, TeamMember{UserID: u.ID, Role: role})
		}
		st.teams = append(st.teams, team)
		loc, err := time.LoadLocation(dt.tz)
		if err != nil {
			loc = time.UTC
		}
		// Rotations started eight weeks ago on a Monday at 09:00 local.
		local := now.In(loc)
		monday := time.Date(local.Year(), local.Month(), local.Day(), 9, 0, 0, 0, loc)
		for monday.Weekday() != time.Monday {
			monday = monday.AddDate(0, 0, -1)
		}
		start := monday.AddDate(0, 0, -56)
		ids := func(order []int) []string {
			out := make([]string, len(order))
			for i, k := range order {
				out[i] = members[k].ID
			}
			return out
		}
		primary := &Schedule{ID: st.newID(), Name: dt.name + " Primary", Description: "Weekly primary rotation of the " + dt.name + " team",
			TimeZone: dt.tz, TeamIDs: []string{team.ID}}
		primary.Layers = []ScheduleLayer{{ID: st.newID(), Name: "Weekly", Start: start, RotationVirtualStart: start,
			RotationTurnLengthSeconds: 7 * 24 * 3600, UserIDs: ids([]int{0, 1, 2, 3, 4})}}
		if ti == 3 {
			// Payments adds a business hours layer on top.
			primary.Layers = append(primary.Layers, ScheduleLayer{ID: st.newID(), Name: "Business hours", Start: start,
				RotationVirtualStart: start, RotationTurnLengthSeconds: 24 * 3600, UserIDs: ids([]int{4, 3}),
				Restrictions: []Restriction{{Type: "daily_restriction", StartTimeOfDay: "09:00:00", DurationSeconds: 8 * 3600}}})
		}
		secondary := &Schedule{ID: st.newID(), Name: dt.name + " Secondary", Description: "Daily secondary rotation of the " + dt.name + " team",
			TimeZone: dt.tz, TeamIDs: []string{team.ID}}
		secondary.Layers = []ScheduleLayer{{ID: st.newID(), Name: "Daily", Start: start, RotationVirtualStart: start,
			RotationTurnLengthSeconds: 24 * 3600, UserIDs: ids([]int{2, 3, 4, 0, 1})}}
		// Overrides: one in the past, and one now (Database) or tomorrow.
		primary.Overrides = append(primary.Overrides, Override{ID: st.newID(), Start: now.Add(-72 * time.Hour).Truncate(time.Hour),
			End: now.Add(-60 * time.Hour).Truncate(time.Hour), UserID: members[3].ID})
		switch ti {
		case 0:
			primary.Overrides = append(primary.Overrides, Override{ID: st.newID(), Start: now.Add(-2 * time.Hour).Truncate(time.Hour),
				End: now.Add(6 * time.Hour).Truncate(time.Hour), UserID: members[4].ID})
		case 1:
			primary.Overrides = append(primary.Overrides, Override{ID: st.newID(), Start: now.Add(24 * time.Hour).Truncate(time.Hour),
				End: now.Add(36 * time.Hour).Truncate(time.Hour), UserID: members[1].ID})
		}
		st.schedules = append(st.schedules, primary, secondary)
		ep := &EscalationPolicy{ID: st.newID(), Name: dt.name + " Escalation", Description: "Pages the " + dt.name + " on-call engineers",
			NumLoops: 1, TeamIDs: []string{team.ID}, Rules: []EscalationRule{
				{ID: st.newID(), EscalationDelayInMinutes: 30, Targets: []Target{{Type: "schedule", ID: primary.ID}}},
				{ID: st.newID(), EscalationDelayInMinutes: 30, Targets: []Target{{Type: "schedule", ID: secondary.ID}}},
				{ID: st.newID(), EscalationDelayInMinutes: 30, Targets: []Target{{Type: "user", ID: members[0].ID}}},
			}}
		st.eps = append(st.eps, ep)
		for _, name := range dt.services {
			ar, at := 14400, 1800
			s := &Service{ID: st.newID(), Name: name, Description: name + " of the " + dt.name + " team", EscalationPolicyID: ep.ID,
				AutoResolveTimeout: &ar, AcknowledgementTimeout: &at, CreatedAt: now.Add(-90 * 24 * time.Hour).Truncate(time.Hour)}
			s.Integrations = []Integration{{ID: st.newID(), Name: "Events API v2", Type: "events_api_v2_inbound_integration",
				Key: randomHex(rng, 32), CreatedAt: s.CreatedAt}}
			st.services = append(st.services, s)
		}
	}
	st.reindex()
	created := &Dataset{CurrentUserID: st.currentUserID}
	created.Users = values(st.users)
	created.Teams = values(st.teams)
	created.Schedules = values(st.schedules)
	created.EscalationPolicies = values(st.eps)
	created.Services = values(st.services)
	demoAudit(created, st, now.Add(-90*24*time.Hour).Truncate(time.Hour))
	st.auditLog = created.AuditRecords

	// Incidents, oldest first.
	span := demoHistory - 2*time.Hour
	open := min(incidents, 5)
	for i := range incidents {
		svcIdx := rng.IntN(len(st.services))
		svc := st.services[svcIdx]
		dt := demoTeams[svcIdx/2]
		at := now.Add(-demoHistory).Add(time.Duration(int64(span) / int64(max(incidents, 1)) * int64(i)))
		at = at.Add(time.Duration(rng.IntN(600)) * time.Second).Truncate(time.Second)
		if i >= incidents-open {
			at = now.Add(-time.Duration(incidents-i) * 7 * time.Minute)
		}
		urgency := "high"
		if rng.IntN(5) == 0 {
			urgency = "low"
		}
		prio := ""
		if rng.IntN(2) == 0 {
			prio = st.prios[rng.IntN(len(st.prios))].ID
		}
		title := dt.titles[rng.IntN(len(dt.titles))] + " on " + svc.Name
		integ := &svc.Integrations[0]
		inc := st.trigger(triggerSpec{service: svc, title: title, urgency: urgency, priorityID: prio,
			agent: Agent{Type: "service", ID: svc.ID}, channel: "auto", at: at,
			alert: &Alert{Severity: []string{"critical", "error", "warning"}[rng.IntN(3)], Summary: title, IntegrationID: integ.ID,
				Details: map[string]any{"source": strings.ToLower(strings.ReplaceAll(svc.Name, " ", "-")) + "-1"}}})
		inc.Alerts[0].Key = inc.IncidentKey
		if i >= incidents-open {
			if i%2 == 1 && len(inc.Assignments) > 0 {
				st.acknowledge(inc, Agent{Type: "user", ID: inc.Assignments[0].UserID}, at.Add(2*time.Minute))
			}
			continue
		}
		t := at
		if rng.IntN(5) == 0 {
			t = t.Add(30 * time.Minute)
			st.escalate(inc, 2, Agent{Type: "service", ID: svc.ID}, t, "timeout")
		}
		if len(inc.Assignments) > 0 {
			who := inc.Assignments[0].UserID
			t = t.Add(time.Duration(1+rng.IntN(25)) * time.Minute)
			st.acknowledge(inc, Agent{Type: "user", ID: who}, t)
			if rng.IntN(3) == 0 {
				t = t.Add(time.Duration(1+rng.IntN(20)) * time.Minute)
				st.addNote(inc, who, []string{"Looking into it.", "Rolled back the last deploy.", "Failed over to the replica.", "Waiting on the provider."}[rng.IntN(4)], t)
			}
			t = t.Add(time.Duration(5+rng.IntN(240)) * time.Minute)
			if t.After(now) {
				continue
			}
			st.resolve(inc, Agent{Type: "user", ID: who}, t, "")
		} else {
			t = t.Add(4 * time.Hour)
			if !t.After(now) {
				st.resolve(inc, Agent{Type: "service", ID: svc.ID}, t, "")
			}
		}
	}
	// Deploys: a change event per service and week, after everything else
	// so that the rest of the account does not depend on them.
	for w := 4; w >= 1; w-- {
		for _, svc := range st.services {
			in := svc.Integrations[0]
			at := now.Add(-time.Duration(w) * 7 * 24 * time.Hour).Add(time.Duration(rng.IntN(7*24*60)) * time.Minute)
			st.changes = append(st.changes, ChangeEvent{ID: st.newID(), RoutingKey: in.Key, ServiceID: svc.ID, IntegrationID: in.ID,
				Summary: fmt.Sprintf("Deploy %s build %d", svc.Name, 1000+rng.IntN(9000)), Source: "ci.pdtest.example", Timestamp: at.Truncate(time.Second),
				CustomDetails: map[string]any{"commit": randomHex(rng, 12)}})
		}
	}
	slices.SortStableFunc(st.changes, func(a, b ChangeEvent) int { return a.Timestamp.Compare(b.Timestamp) })
	// The state is discarded: its values can be handed out as they are.
	return st.dataset()
}
