package mcptools

import (
	"slices"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func TestUpdateService(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	svc := d.Services[1]
	var got ServiceDetail
	e.ok(t, "update_service", map[string]any{"service": svc.Name, "auto_resolve_minutes": 120, "ack_timeout_minutes": 45}, &got)
	if got.AutoResolveMinutes == nil || *got.AutoResolveMinutes != 120 || got.AckTimeoutMinutes == nil || *got.AckTimeoutMinutes != 45 {
		t.Errorf("answer %+v", got)
	}
	var stored pdtest.Service
	for _, s := range e.pd.Data().Services {
		if s.ID == svc.ID {
			stored = s
		}
	}
	if stored.AutoResolveTimeout == nil || *stored.AutoResolveTimeout != 120*60 || stored.AcknowledgementTimeout == nil || *stored.AcknowledgementTimeout != 45*60 {
		t.Errorf("stored auto-resolve %v, ack timeout %v", stored.AutoResolveTimeout, stored.AcknowledgementTimeout)
	}
	e.pd.ResetRequests()
	e.fails(t, "update_service", map[string]any{"service": svc.ID})
	e.fails(t, "update_service", map[string]any{"service": svc.ID, "auto_resolve_minutes": -5})
	if n := len(e.pd.Requests()); n != 0 {
		t.Errorf("refused updates sent %d requests", n)
	}
}

func TestTeamWrites(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	var team Team
	e.ok(t, "create_team", map[string]any{"name": "Search", "description": "Runs search"}, &team)
	if team.ID == "" || team.Name != "Search" {
		t.Fatalf("created %+v", team)
	}
	u := d.Users[5]
	var ch MembershipChange
	e.ok(t, "add_team_member", map[string]any{"team": "search team", "user": u.Email, "role": "manager"}, &ch)
	if ch.Team != team.ID || ch.User != u.ID || ch.Role != "manager" {
		t.Errorf("added %+v", ch)
	}
	var detail TeamDetail
	e.ok(t, "get_team", map[string]any{"team": team.ID}, &detail)
	if !slices.ContainsFunc(detail.Members, func(m TeamMember) bool { return m.ID == u.ID && m.Role == "manager" }) {
		t.Errorf("members %+v", detail.Members)
	}
	e.ok(t, "remove_team_member", map[string]any{"team": team.ID, "user": u.ID}, &ch)
	e.ok(t, "get_team", map[string]any{"team": team.ID}, &detail)
	if len(detail.Members) != 0 {
		t.Errorf("members after removal %+v", detail.Members)
	}
}

func TestAddContactMethod(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	u := d.Users[9]
	var added ContactMethodAdded
	e.ok(t, "add_contact_method", map[string]any{"user": u.Name, "type": "sms", "address": "5550001111", "country_code": 44, "notify_for": "high"}, &added)
	if added.User != u.ID || added.ContactMethod.ID == "" || added.RuleID == "" || added.ContactMethod.Address != "+44 5550001111" {
		t.Fatalf("added %+v", added)
	}
	var stored pdtest.User
	for _, x := range e.pd.Data().Users {
		if x.ID == u.ID {
			stored = x
		}
	}
	if len(stored.ContactMethods) != len(u.ContactMethods)+1 || len(stored.NotificationRules) != len(u.NotificationRules)+1 {
		t.Errorf("stored %d methods and %d rules, want one more of each", len(stored.ContactMethods), len(stored.NotificationRules))
	}
	rule := stored.NotificationRules[len(stored.NotificationRules)-1]
	if rule.ContactMethodID != added.ContactMethod.ID || rule.Urgency != "high" {
		t.Errorf("rule %+v", rule)
	}
	e.pd.ResetRequests()
	e.fails(t, "add_contact_method", map[string]any{"user": u.ID, "type": "sms", "address": "5550001111"})
	e.fails(t, "add_contact_method", map[string]any{"user": u.ID, "type": "email", "address": "a@b.c", "notify_after_minutes": 5})
	if n := len(e.pd.Requests()); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}
}

func TestCreateUser(t *testing.T) {
	e := newEnv(t, writes)
	var created UserCreated
	txt := e.ok(t, "create_user", map[string]any{"name": "Alan Kay", "email": "alan.kay@pdtest.example", "role": "user",
		"time_zone": "America/Los_Angeles", "team": "web"}, &created)
	d := e.pd.Data()
	web := teamByName(t, d, "Web")
	if created.ID == "" || created.Email != "alan.kay@pdtest.example" || created.JoinedTeam != web.ID {
		t.Fatalf("created %+v\n%s", created, txt)
	}
	if !slices.ContainsFunc(web.Members, func(m pdtest.TeamMember) bool { return m.UserID == created.ID && m.Role == "responder" }) {
		t.Errorf("Web members %+v", web.Members)
	}
	e.pd.ResetRequests()
	e.fails(t, "create_user", map[string]any{"name": "x", "email": "not-an-email"})
	e.fails(t, "create_user", map[string]any{"name": "x", "email": "x@y.z", "time_zone": "Moon/Base"})
	if n := len(e.pd.Requests()); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}
}

func TestRemoveUserChecksFirst(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	// Someone with an open incident is never deleted.
	var busy string
	for _, inc := range openIncidents(d) {
		if len(inc.Assignments) > 0 && inc.Assignments[0].UserID != d.CurrentUserID {
			busy = inc.Assignments[0].UserID
			break
		}
	}
	if busy == "" {
		t.Fatal("no open incident assigned to someone else")
	}
	var report Offboarding
	txt := e.ok(t, "remove_user", map[string]any{"user": busy, "confirm": true}, &report)
	if report.Deleted || len(report.OpenIncidents) == 0 || len(report.Schedules) == 0 {
		t.Fatalf("busy user: %+v\n%s", report, txt)
	}
	// A team manager with no open incident: the policy names them. Without
	// confirm, only a report; with it, they are deleted.
	assigned := map[string]bool{}
	for _, inc := range openIncidents(d) {
		for _, a := range inc.Assignments {
			assigned[a.UserID] = true
		}
	}
	mgr := ""
	for _, tm := range d.Teams {
		if id := tm.Members[0].UserID; !assigned[id] && id != d.CurrentUserID {
			mgr = id
		}
	}
	if mgr == "" {
		t.Fatal("every team manager has an open incident")
	}
	var check, done Offboarding
	e.ok(t, "remove_user", map[string]any{"user": mgr}, &check)
	if check.Deleted || len(check.EscalationPolicies) == 0 || len(check.OpenIncidents) != 0 {
		t.Fatalf("manager without confirm: %+v", check)
	}
	e.ok(t, "remove_user", map[string]any{"user": mgr, "confirm": true}, &done)
	if !done.Deleted {
		t.Fatalf("manager with confirm: %+v", done)
	}
	for _, u := range e.pd.Data().Users {
		if u.ID == mgr {
			t.Error("the user is still there")
		}
	}
	e.fails(t, "remove_user", map[string]any{"user": "me", "confirm": true})
}
