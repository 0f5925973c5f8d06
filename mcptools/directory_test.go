package mcptools

import (
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func teamByName(t *testing.T, d *pdtest.Dataset, name string) pdtest.Team {
	t.Helper()
	return findIn(t, d.Teams, "team "+name, func(tm *pdtest.Team) bool { return tm.Name == name })
}

func userName(d *pdtest.Dataset, id string) string {
	for _, u := range d.Users {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

func TestListAndGetTeams(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var all TeamList
	e.ok(t, "list_teams", nil, &all)
	if len(all.Teams) != len(d.Teams) || all.Total == nil || *all.Total != len(d.Teams) {
		t.Fatalf("list_teams: %d teams (total %v), want %d", len(all.Teams), all.Total, len(d.Teams))
	}
	var page1, page2 TeamList
	e.ok(t, "list_teams", map[string]any{"limit": 3}, &page1)
	if !page1.HasMore || len(page1.Teams) != 3 {
		t.Fatalf("limit 3: %d teams, has_more %v", len(page1.Teams), page1.HasMore)
	}
	e.ok(t, "list_teams", map[string]any{"limit": 3, "cursor": page1.NextCursor}, &page2)
	if len(page2.Teams) != len(d.Teams)-3 || page2.HasMore || page2.Teams[0].ID == page1.Teams[0].ID {
		t.Errorf("second page: %+v", page2)
	}

	want := teamByName(t, d, "Database")
	for _, ref := range []string{"Database", "database", "database team", "datab", want.ID} {
		var got TeamDetail
		txt := e.ok(t, "get_team", map[string]any{"team": ref}, &got)
		if got.ID != want.ID || len(got.Members) != len(want.Members) {
			t.Errorf("get_team(%q) = %s with %d members, want %s with %d", ref, got.ID, len(got.Members), want.ID, len(want.Members))
			continue
		}
		for i, m := range want.Members {
			if got.Members[i].ID != m.UserID || got.Members[i].Role != m.Role || got.Members[i].Name != userName(d, m.UserID) {
				t.Errorf("get_team(%q): member %d = %+v, want %s %s", ref, i, got.Members[i], m.UserID, m.Role)
			}
		}
		if !strings.Contains(txt, want.Name+" ("+want.ID+")") {
			t.Errorf("get_team text: %s", txt)
		}
	}
}

func TestAmbiguousAndUnknownNames(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	// "a" is in several team names: the error lists them with their IDs.
	msg := e.fails(t, "get_team", map[string]any{"team": "a"})
	n := 0
	for _, tm := range d.Teams {
		if strings.Contains(strings.ToLower(tm.Name), "a") {
			n++
			if !strings.Contains(msg, tm.Name+" ("+tm.ID+")") {
				t.Errorf("the ambiguity error does not list %s (%s): %s", tm.Name, tm.ID, msg)
			}
		}
	}
	if n < 2 {
		t.Fatalf("the test needs two teams with an a, has %d", n)
	}
	msg = e.fails(t, "get_team", map[string]any{"team": "no such team"})
	if !strings.Contains(msg, "list tool") {
		t.Errorf("unknown name: %s", msg)
	}
}

func TestUsers(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	u := d.Users[3]
	for _, ref := range []string{u.ID, u.Name, strings.ToUpper(u.Email), strings.Split(u.Name, " ")[1]} {
		var got UserDetail
		e.ok(t, "get_user", map[string]any{"user": ref}, &got)
		if got.ID != u.ID || got.Email != u.Email || len(got.ContactMethods) != len(u.ContactMethods) {
			t.Errorf("get_user(%q) = %s %s with %d contact methods, want %s %s with %d", ref, got.ID, got.Email, len(got.ContactMethods), u.ID, u.Email, len(u.ContactMethods))
		}
	}
	var me UserDetail
	e.ok(t, "get_user", map[string]any{"user": "me"}, &me)
	if me.ID != d.CurrentUserID {
		t.Errorf("get_user(me) = %s, want %s", me.ID, d.CurrentUserID)
	}

	team := teamByName(t, d, "Web")
	var members UserList
	e.ok(t, "list_users", map[string]any{"team": "web"}, &members)
	if len(members.Users) != len(team.Members) {
		t.Fatalf("list_users(team web): %d users, want %d", len(members.Users), len(team.Members))
	}
	for _, m := range members.Users {
		found := false
		for _, tm := range team.Members {
			found = found || tm.UserID == m.ID
		}
		if !found {
			t.Errorf("list_users(team web) lists %s, not a member", m.ID)
		}
	}
	var q UserList
	e.ok(t, "list_users", map[string]any{"query": u.Name}, &q)
	if len(q.Users) != 1 || q.Users[0].ID != u.ID {
		t.Errorf("list_users(query %q) = %+v", u.Name, q.Users)
	}
}

func TestEscalationPolicies(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var list EscalationPolicyList
	e.ok(t, "list_escalation_policies", nil, &list)
	if len(list.EscalationPolicies) != len(d.EscalationPolicies) {
		t.Fatalf("%d policies, want %d", len(list.EscalationPolicies), len(d.EscalationPolicies))
	}
	want := d.EscalationPolicies[2]
	var got EscalationPolicyDetail
	txt := e.ok(t, "get_escalation_policy", map[string]any{"escalation_policy": want.Name}, &got)
	if got.ID != want.ID || len(got.Rules) != len(want.Rules) {
		t.Fatalf("get_escalation_policy(%q) = %s with %d rules, want %s with %d", want.Name, got.ID, len(got.Rules), want.ID, len(want.Rules))
	}
	for i, r := range want.Rules {
		g := got.Rules[i]
		if g.Level != i+1 || g.DelayMinutes != r.EscalationDelayInMinutes || len(g.Targets) != len(r.Targets) || g.Targets[0].ID != r.Targets[0].ID || g.Targets[0].Type != r.Targets[0].Type {
			t.Errorf("rule %d = %+v, want %+v", i, g, r)
		}
	}
	if !strings.Contains(txt, "Level 1:") {
		t.Errorf("text: %s", txt)
	}
	// The policies that notify a user directly (the team managers, level 3).
	manager := teamByName(t, d, "Web").Members[0].UserID
	var byUser EscalationPolicyList
	e.ok(t, "list_escalation_policies", map[string]any{"user": manager}, &byUser)
	if len(byUser.EscalationPolicies) == 0 {
		t.Error("no policy notifies the Web manager")
	}
}

func TestOnCallForTeam(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	team := teamByName(t, d, "Database")
	// The demo puts an override on the Database primary schedule now.
	var ep pdtest.EscalationPolicy
	for _, p := range d.EscalationPolicies {
		if len(p.TeamIDs) > 0 && p.TeamIDs[0] == team.ID {
			ep = p
		}
	}
	primary := ep.Rules[0].Targets[0].ID
	wantUser := ""
	for _, s := range d.Schedules {
		if s.ID != primary {
			continue
		}
		for _, o := range s.Overrides {
			if !o.Start.After(testNow) && o.End.After(testNow) {
				wantUser = o.UserID
			}
		}
	}
	if wantUser == "" {
		t.Fatal("the demo has no override on call now")
	}
	var got OnCallList
	txt := e.ok(t, "list_oncalls", map[string]any{"team": "database team"}, &got)
	var level1 *OnCall
	for i := range got.OnCalls {
		o := &got.OnCalls[i]
		if o.EscalationPolicy.ID != ep.ID {
			t.Errorf("entry of policy %s, not the team's %s", o.EscalationPolicy.ID, ep.ID)
		}
		if o.Level == 1 {
			level1 = o
		}
	}
	if level1 == nil || level1.User.ID != wantUser || level1.Schedule == nil || level1.Schedule.ID != primary {
		t.Fatalf("level 1 = %+v, want %s through schedule %s\n%s", level1, wantUser, primary, txt)
	}
	if level1.User.Name != userName(d, wantUser) || !strings.Contains(txt, "Level 1 of "+ep.Name) {
		t.Errorf("text:\n%s", txt)
	}
	// The same answer through the policy's name.
	var byPolicy OnCallList
	e.ok(t, "list_oncalls", map[string]any{"escalation_policy": ep.Name}, &byPolicy)
	if len(byPolicy.OnCalls) != len(got.OnCalls) {
		t.Errorf("by policy: %d entries, by team: %d", len(byPolicy.OnCalls), len(got.OnCalls))
	}
	// When the user is on call over the next week.
	var mine OnCallList
	e.ok(t, "list_oncalls", map[string]any{"user": wantUser, "until": testNow.Add(7 * 24 * time.Hour).Format(time.RFC3339)}, &mine)
	if len(mine.OnCalls) == 0 {
		t.Error("the user on call now has no entry over the next week")
	}
	for _, o := range mine.OnCalls {
		if o.User.ID != wantUser {
			t.Errorf("entry of %s, want only %s", o.User.ID, wantUser)
		}
	}
}

func TestMaintenanceWindows(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{EnableWrites: true}})
	d := e.pd.Data()
	svc := d.Services[0]
	var created MaintenanceWindow
	e.ok(t, "create_maintenance_window", map[string]any{"services": []string{svc.ID}, "duration": "2h", "description": "db upgrade"}, &created)
	if created.ID == "" || !created.Start.Equal(testNow) || !created.End.Equal(testNow.Add(2*time.Hour)) || len(created.Services) != 1 || created.Services[0].ID != svc.ID {
		t.Fatalf("created %+v", created)
	}
	var open MaintenanceWindowList
	e.ok(t, "list_maintenance_windows", nil, &open)
	found := false
	for _, w := range open.MaintenanceWindows {
		found = found || w.ID == created.ID
	}
	if !found {
		t.Fatalf("the new window %s is not listed among the open ones: %+v", created.ID, open)
	}
	var del Deleted
	e.ok(t, "delete_maintenance_window", map[string]any{"id": created.ID}, &del)
	if del.ID != created.ID {
		t.Errorf("deleted %+v", del)
	}
	for _, w := range e.pd.Data().MaintenanceWindows {
		if w.ID == created.ID && w.EndTime.After(testNow) {
			t.Errorf("the window still ends at %s", w.EndTime)
		}
	}
	for _, bad := range []map[string]any{
		{"services": []string{svc.ID}},
		{"services": []string{svc.ID}, "end": "2020-01-01T00:00:00Z"},
		{"services": []string{svc.ID}, "duration": "2h", "end": "2030-01-01T00:00:00Z"},
		{"services": []string{svc.ID}, "duration": "soon"},
		{"services": []string{}},
	} {
		e.pd.ResetRequests()
		e.fails(t, "create_maintenance_window", bad)
		for _, r := range e.pd.Requests() {
			if r.Method != "GET" {
				t.Errorf("%v: sent %s %s", bad, r.Method, r.Path)
			}
		}
	}
}

func TestServicesAndPriorities(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var list ServiceList
	e.ok(t, "list_services", nil, &list)
	if len(list.Services) != len(d.Services) {
		t.Fatalf("%d services, want %d", len(list.Services), len(d.Services))
	}
	var web ServiceList
	e.ok(t, "list_services", map[string]any{"team": "Web"}, &web)
	if len(web.Services) != 2 {
		t.Errorf("the Web team has %d services, want 2", len(web.Services))
	}
	want := d.Services[4]
	var got ServiceDetail
	txt := e.ok(t, "get_service", map[string]any{"service": strings.ToLower(want.Name) + " service"}, &got)
	if got.ID != want.ID || got.EscalationPolicy == nil || got.EscalationPolicy.ID != want.EscalationPolicyID {
		t.Fatalf("get_service = %+v, want %s with policy %s", got, want.ID, want.EscalationPolicyID)
	}
	if got.AutoResolveMinutes == nil || *got.AutoResolveMinutes != *want.AutoResolveTimeout/60 || len(got.Integrations) != len(want.Integrations) {
		t.Errorf("get_service settings: %+v\n%s", got, txt)
	}
	for _, i := range want.Integrations {
		if strings.Contains(txt, i.Key) {
			t.Error("the text shows an integration key")
		}
	}

	var prios PriorityList
	txt = e.ok(t, "list_priorities", nil, &prios)
	if len(prios.Priorities) != len(d.Priorities) || !strings.HasPrefix(txt, "5 priorities, most urgent first:\nP1") {
		t.Errorf("list_priorities: %d, text %q", len(prios.Priorities), txt)
	}
}

func TestIncidentsOfAServiceByName(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	svc := d.Services[2]
	want := 0
	for _, inc := range d.Incidents {
		if inc.ServiceID == svc.ID && inc.Status == pdtest.StatusResolved && !inc.CreatedAt.Before(testNow.AddDate(0, 0, -7)) {
			want++
		}
	}
	var got IncidentList
	e.ok(t, "list_incidents", map[string]any{"service": svc.Name, "statuses": []string{"resolved"}, "since": "7d", "limit": 100}, &got)
	if len(got.Incidents) != want {
		t.Fatalf("%d incidents of %s, want %d", len(got.Incidents), svc.Name, want)
	}
	for _, inc := range got.Incidents {
		if inc.Service == nil || inc.Service.ID != svc.ID {
			t.Errorf("incident %s of service %+v", inc.ID, inc.Service)
		}
	}
	var oc OnCallList
	e.ok(t, "list_oncalls", map[string]any{"service": svc.Name}, &oc)
	if len(oc.OnCalls) == 0 {
		t.Fatal("nobody on call for the service")
	}
	for _, o := range oc.OnCalls {
		if o.EscalationPolicy.ID != svc.EscalationPolicyID {
			t.Errorf("entry of policy %s, want the service's %s", o.EscalationPolicy.ID, svc.EscalationPolicyID)
		}
	}
}
