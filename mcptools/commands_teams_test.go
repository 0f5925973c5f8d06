package mcptools

import (
	"slices"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func teamRole(d *pdtest.Dataset, teamID, userID string) string {
	for _, t := range d.Teams {
		if t.ID == teamID {
			for _, m := range t.Members {
				if m.UserID == userID {
					return m.Role
				}
			}
		}
	}
	return ""
}

func TestCommand_Teams_CreateTeam(t *testing.T) {
	e := newEnv(t, writes)
	before := e.pd.Data()
	var got Team
	e.ok(t, "create_team", map[string]any{"name": "Checkout Revamp", "description": "The new checkout project"}, &got)
	after := e.pd.Data()
	if len(after.Teams) != len(before.Teams)+1 {
		t.Fatalf("%d teams, want one more than %d", len(after.Teams), len(before.Teams))
	}
	team := teamByName(t, after, "Checkout Revamp")
	if team.ID != got.ID || team.Description != "The new checkout project" {
		t.Errorf("stored %+v, answer %+v", team, got)
	}
}

func TestCommand_Teams_AddUsersToResponseTeam(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	team := teamByName(t, d, "Payments")
	ada, knuth := userNamed(t, d, "Ada Lovelace"), userNamed(t, d, "Donald Knuth")
	var ch MembershipChange
	e.ok(t, "add_team_member", map[string]any{"team": "payments team", "user": "ada lovelace", "role": "responder"}, &ch)
	e.ok(t, "add_team_member", map[string]any{"team": "Payments", "user": knuth.Email, "role": "observer"}, &ch)
	after := e.pd.Data()
	if r := teamRole(after, team.ID, ada.ID); r != "responder" {
		t.Errorf("Ada's role %q, want responder", r)
	}
	if r := teamRole(after, team.ID, knuth.ID); r != "observer" {
		t.Errorf("Knuth's role %q, want observer", r)
	}
	if n := len(teamByName(t, after, "Payments").Members); n != len(team.Members)+2 {
		t.Errorf("%d members, want %d", n, len(team.Members)+2)
	}
}

func TestCommand_Teams_OnboardEngineer(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	team := teamByName(t, d, "Platform")
	var created UserCreated
	e.ok(t, "create_user", map[string]any{"name": "Linus Torvalds", "email": "linus@pdtest.example", "team": "platform", "time_zone": "Europe/Helsinki"}, &created)
	var cm ContactMethodAdded
	e.ok(t, "add_contact_method", map[string]any{"user": "linus@pdtest.example", "type": "phone", "country_code": 358, "address": "401234567", "notify_for": "high"}, &cm)
	after := e.pd.Data()
	u := userNamed(t, after, "Linus Torvalds")
	if u.ID != created.ID || u.TimeZone != "Europe/Helsinki" || teamRole(after, team.ID, u.ID) != "responder" {
		t.Errorf("stored %+v, role %q", u, teamRole(after, team.ID, u.ID))
	}
	i := slices.IndexFunc(u.ContactMethods, func(c pdtest.ContactMethod) bool { return c.Type == "phone_contact_method" })
	if i < 0 || u.ContactMethods[i].Address != "401234567" || u.ContactMethods[i].CountryCode != 358 {
		t.Fatalf("contact methods %+v", u.ContactMethods)
	}
	if !slices.ContainsFunc(u.NotificationRules, func(r pdtest.NotificationRule) bool {
		return r.ContactMethodID == u.ContactMethods[i].ID && r.Urgency == "high" && r.ID == cm.RuleID
	}) {
		t.Errorf("no high-urgency rule for the phone: %+v", u.NotificationRules)
	}
}

func TestCommand_Teams_SMSForP1(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	grace := userNamed(t, d, "Grace Hopper")
	var cm ContactMethodAdded
	e.ok(t, "add_contact_method", map[string]any{"user": "grace hopper", "type": "sms", "country_code": 44, "address": "7700900123",
		"label": "UK mobile", "notify_for": "high", "notify_after_minutes": 2}, &cm)
	u := userNamed(t, e.pd.Data(), "Grace Hopper")
	if len(u.ContactMethods) != len(grace.ContactMethods)+1 || len(u.NotificationRules) != len(grace.NotificationRules)+1 {
		t.Fatalf("%d methods and %d rules, want one more of each", len(u.ContactMethods), len(u.NotificationRules))
	}
	m := u.ContactMethods[slices.IndexFunc(u.ContactMethods, func(c pdtest.ContactMethod) bool { return c.ID == cm.ContactMethod.ID })]
	r := u.NotificationRules[slices.IndexFunc(u.NotificationRules, func(r pdtest.NotificationRule) bool { return r.ID == cm.RuleID })]
	if m.Type != "sms_contact_method" || m.Address != "7700900123" || m.CountryCode != 44 || m.Label != "UK mobile" {
		t.Errorf("method %+v", m)
	}
	if r.ContactMethodID != m.ID || r.Urgency != "high" || r.StartDelayInMinutes != 2 {
		t.Errorf("rule %+v", r)
	}
}

func TestCommand_Teams_NotificationPreferences(t *testing.T) {
	// A rule for low-urgency incidents through email, ten minutes in.
	e := newEnv(t, writes)
	before := userNamed(t, e.pd.Data(), "Ada Lovelace")
	var cm ContactMethodAdded
	e.ok(t, "add_contact_method", map[string]any{"user": "me", "type": "email", "address": "ada.oncall@pdtest.example", "notify_for": "low", "notify_after_minutes": 10}, &cm)
	u := userNamed(t, e.pd.Data(), "Ada Lovelace")
	i := slices.IndexFunc(u.NotificationRules, func(r pdtest.NotificationRule) bool { return r.ID == cm.RuleID })
	if u.ID != before.ID || i < 0 || u.NotificationRules[i].Urgency != "low" || u.NotificationRules[i].StartDelayInMinutes != 10 ||
		u.NotificationRules[i].ContactMethodID != cm.ContactMethod.ID {
		t.Errorf("rules %+v, added %+v", u.NotificationRules, cm)
	}
}

func TestCommand_Teams_ContactMethodsAndTests(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	barbara := userNamed(t, d, "Barbara Liskov")
	var got UserDetail
	e.ok(t, "get_user", map[string]any{"user": "barbara liskov"}, &got)
	if len(got.ContactMethods) != len(barbara.ContactMethods) {
		t.Fatalf("%d contact methods, want %d", len(got.ContactMethods), len(barbara.ContactMethods))
	}
	for _, m := range barbara.ContactMethods {
		if !slices.ContainsFunc(got.ContactMethods, func(c ContactMethod) bool { return c.ID == m.ID && strings.Contains(c.Address, m.Address) }) {
			t.Errorf("contact method %+v is missing", m)
		}
	}
	// The API can neither send a test notification nor register a phone
	// for push: the tools say so rather than pretend.
	tools, err := e.session.ListTools(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range tools.Tools {
		if tl.Name == "add_contact_method" && !strings.Contains(tl.Description, "cannot send test notifications") {
			t.Errorf("add_contact_method does not say tests are impossible: %s", tl.Description)
		}
		if tl.Name == "add_contact_method" && slices.Contains(tl.InputSchema.(map[string]any)["properties"].(map[string]any)["type"].(map[string]any)["enum"].([]any), any("push")) {
			t.Error("add_contact_method offers push, which only the mobile app can register")
		}
	}
}

func TestCommand_Teams_DeactivateDepartedEmployee(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	// A responder with no open incident: the check lists the schedules
	// that rotate them, then confirm deletes them.
	open := map[string]bool{}
	for _, inc := range openIncidents(d) {
		for _, a := range inc.Assignments {
			open[a.UserID] = true
		}
	}
	var leaver pdtest.User
	for _, u := range d.Users {
		if !open[u.ID] && u.ID != d.CurrentUserID && teamRole(d, teamOf(d, u.ID), u.ID) == "responder" {
			leaver = u
		}
	}
	if leaver.ID == "" {
		t.Fatal("every responder has an open incident")
	}
	var want []string
	for _, s := range d.Schedules {
		for _, l := range s.Layers {
			if slices.Contains(l.UserIDs, leaver.ID) && !slices.Contains(want, s.ID) {
				want = append(want, s.ID)
			}
		}
	}
	var check Offboarding
	e.ok(t, "remove_user", map[string]any{"user": leaver.Email}, &check)
	var got []string
	for _, s := range check.Schedules {
		got = append(got, s.ID)
	}
	if check.Deleted || !sameSet(got, want) || len(check.OpenIncidents) != 0 {
		t.Fatalf("check %+v, want schedules %v", check, want)
	}
	if !slices.ContainsFunc(e.pd.Data().Users, func(u pdtest.User) bool { return u.ID == leaver.ID }) {
		t.Fatal("the check deleted the user")
	}
	var done Offboarding
	e.ok(t, "remove_user", map[string]any{"user": leaver.Email, "confirm": true}, &done)
	if !done.Deleted || slices.ContainsFunc(e.pd.Data().Users, func(u pdtest.User) bool { return u.ID == leaver.ID }) {
		t.Errorf("after confirm: %+v", done)
	}
}

func teamOf(d *pdtest.Dataset, userID string) string {
	for _, t := range d.Teams {
		for _, m := range t.Members {
			if m.UserID == userID {
				return t.ID
			}
		}
	}
	return ""
}

func policyNamed(t *testing.T, d *pdtest.Dataset, name string) pdtest.EscalationPolicy {
	t.Helper()
	return findIn(t, d.EscalationPolicies, "escalation policy "+name, func(ep *pdtest.EscalationPolicy) bool { return ep.Name == name })
}

func TestCommand_Teams_TeamEscalationPolicy(t *testing.T) {
	// The Platform team takes over the Database policy, then gives it up.
	e := newEnv(t, writes)
	d := e.pd.Data()
	platform := teamByName(t, d, "Platform")
	db := policyNamed(t, d, "Database Escalation")
	if slices.Contains(db.TeamIDs, platform.ID) {
		t.Fatalf("the Database policy already belongs to Platform: %v", db.TeamIDs)
	}
	var ch TeamPolicyChange
	txt := e.ok(t, "add_team_escalation_policy", map[string]any{"team": "platform team", "escalation_policy": "database escalation"}, &ch)
	if ch.Team != platform.ID || ch.EscalationPolicy != db.ID || ch.Action != "added" {
		t.Errorf("answer %+v: %s", ch, txt)
	}
	if got := policyNamed(t, e.pd.Data(), db.Name).TeamIDs; !slices.Contains(got, platform.ID) {
		t.Fatalf("after adding, the policy's teams are %v, want %s among them", got, platform.ID)
	}
	var list EscalationPolicyList
	e.ok(t, "list_escalation_policies", map[string]any{"team": "Platform"}, &list)
	if !slices.ContainsFunc(list.EscalationPolicies, func(p EscalationPolicy) bool { return p.ID == db.ID }) {
		t.Errorf("list_escalation_policies(team: Platform) does not show %s: %+v", db.ID, list.EscalationPolicies)
	}
	e.ok(t, "remove_team_escalation_policy", map[string]any{"team": "Platform", "escalation_policy": db.ID}, &ch)
	after := e.pd.Data()
	if got := policyNamed(t, after, db.Name); slices.Contains(got.TeamIDs, platform.ID) || len(got.Rules) != len(db.Rules) {
		t.Errorf("after removing: teams %v, %d rules (want no %s, %d rules)", got.TeamIDs, len(got.Rules), platform.ID, len(db.Rules))
	}
	// Removing what is not there says so, with where to look.
	msg := e.fails(t, "remove_team_escalation_policy", map[string]any{"team": "Platform", "escalation_policy": db.ID})
	if !strings.Contains(msg, "404") || !strings.Contains(msg, "list_escalation_policies") {
		t.Errorf("second removal: %s", msg)
	}
}

func userByID(t *testing.T, d *pdtest.Dataset, id string) pdtest.User {
	t.Helper()
	return findIn(t, d.Users, "user "+id, func(u *pdtest.User) bool { return u.ID == id })
}

func methodOfType(t *testing.T, u pdtest.User, typ string) pdtest.ContactMethod {
	t.Helper()
	i := slices.IndexFunc(u.ContactMethods, func(m pdtest.ContactMethod) bool { return m.Type == typ })
	if i < 0 {
		t.Fatalf("%s has no %s: %+v", u.Name, typ, u.ContactMethods)
	}
	return u.ContactMethods[i]
}

func TestCommand_Teams_UpdateContactMethods(t *testing.T) {
	// Grace has a new mobile number for SMS, and no longer takes calls.
	e := newEnv(t, writes)
	grace := userNamed(t, e.pd.Data(), "Grace Hopper")
	sms, phone := methodOfType(t, grace, "sms_contact_method"), methodOfType(t, grace, "phone_contact_method")
	var ch ContactMethodChange
	e.ok(t, "update_contact_method", map[string]any{"user": "grace hopper", "type": "sms", "address": "7700900123", "country_code": 44}, &ch)
	if ch.Action != "updated" || ch.ContactMethod.ID != sms.ID || ch.ContactMethod.Address != "+44 7700900123" || ch.Was == nil || !strings.Contains(ch.Was.Address, sms.Address) {
		t.Errorf("answer %+v", ch)
	}
	u := userByID(t, e.pd.Data(), grace.ID)
	if got := methodOfType(t, u, "sms_contact_method"); got.ID != sms.ID || got.Address != "7700900123" || got.CountryCode != 44 || got.Label != sms.Label {
		t.Errorf("stored SMS %+v, want the same method with the new number and its label kept", got)
	}
	if got := methodOfType(t, u, "phone_contact_method"); got != phone {
		t.Errorf("the phone changed too: %+v, was %+v", got, phone)
	}

	var rules []string
	for _, r := range grace.NotificationRules {
		if r.ContactMethodID == phone.ID {
			rules = append(rules, r.ID)
		}
	}
	e.ok(t, "remove_contact_method", map[string]any{"user": grace.Email, "contact_method": phone.Label, "type": "phone"}, &ch)
	if ch.Action != "removed" || ch.ContactMethod.ID != phone.ID || !sameSet(ch.RulesRemoved, rules) {
		t.Errorf("answer %+v, want %s removed with rules %v", ch, phone.ID, rules)
	}
	u = userByID(t, e.pd.Data(), grace.ID)
	if len(u.ContactMethods) != len(grace.ContactMethods)-1 || slices.ContainsFunc(u.ContactMethods, func(m pdtest.ContactMethod) bool { return m.ID == phone.ID }) {
		t.Errorf("methods after removal %+v", u.ContactMethods)
	}
	if len(u.NotificationRules) != len(grace.NotificationRules)-len(rules) {
		t.Errorf("%d rules after removal, want %d", len(u.NotificationRules), len(grace.NotificationRules)-len(rules))
	}
}

func TestCommand_Teams_NotificationRules(t *testing.T) {
	// I read my rules, call my phone later, add a low-urgency SMS rule on
	// the number I already have, and drop the low-urgency email.
	e := newEnv(t, writes)
	d := e.pd.Data()
	me := userByID(t, d, d.CurrentUserID)
	var list NotificationRuleList
	txt := e.ok(t, "list_notification_rules", map[string]any{"user": "me"}, &list)
	if list.User != me.ID || len(list.Rules) != len(me.NotificationRules) {
		t.Fatalf("%d rules of %s, want %d of %s:\n%s", len(list.Rules), list.User, len(me.NotificationRules), me.ID, txt)
	}
	for _, want := range me.NotificationRules {
		i := slices.IndexFunc(list.Rules, func(r NotificationRule) bool { return r.ID == want.ID })
		if i < 0 {
			t.Errorf("rule %s is missing", want.ID)
			continue
		}
		got := list.Rules[i]
		if got.Urgency != want.Urgency || got.StartDelay != want.StartDelayInMinutes || got.ContactMethod.ID != want.ContactMethodID || got.ContactMethod.Address == "" {
			t.Errorf("rule %+v, want %+v", got, want)
		}
	}
	if list.Rules[0].Urgency != "high" || list.Rules[len(list.Rules)-1].Urgency != "low" {
		t.Errorf("rules are not high urgency first: %+v", list.Rules)
	}

	phone := methodOfType(t, me, "phone_contact_method")
	phoneRule := me.NotificationRules[slices.IndexFunc(me.NotificationRules, func(r pdtest.NotificationRule) bool { return r.ContactMethodID == phone.ID })]
	var ch NotificationRuleChange
	e.ok(t, "set_notification_rule", map[string]any{"user": "me", "rule": phoneRule.ID, "start_delay_in_minutes": 10}, &ch)
	if ch.Action != "updated" || ch.Rule.StartDelay != 10 || ch.Was == nil || ch.Was.StartDelay != phoneRule.StartDelayInMinutes {
		t.Errorf("update answer %+v", ch)
	}

	sms := methodOfType(t, me, "sms_contact_method")
	e.ok(t, "set_notification_rule", map[string]any{"user": "me", "type": "sms", "urgency": "low", "start_delay_in_minutes": 30}, &ch)
	created := ch.Rule
	if ch.Action != "created" || created.ContactMethod.ID != sms.ID || created.Urgency != "low" || created.StartDelay != 30 {
		t.Errorf("create answer %+v", ch)
	}
	// Asking again adds nothing.
	e.ok(t, "set_notification_rule", map[string]any{"user": "me", "contact_method": sms.ID, "urgency": "low", "start_delay_in_minutes": 30}, &ch)
	if ch.Action != "unchanged" || ch.Rule.ID != created.ID {
		t.Errorf("repeated create: %+v, want rule %s unchanged", ch, created.ID)
	}

	email := methodOfType(t, me, "email_contact_method")
	lowEmail := me.NotificationRules[slices.IndexFunc(me.NotificationRules, func(r pdtest.NotificationRule) bool {
		return r.ContactMethodID == email.ID && r.Urgency == "low"
	})]
	e.ok(t, "remove_notification_rule", map[string]any{"user": me.Email, "rule": lowEmail.ID}, &ch)
	if ch.Action != "removed" || ch.Rule.ID != lowEmail.ID || ch.Rule.ContactMethod.ID != email.ID {
		t.Errorf("remove answer %+v", ch)
	}

	after := userByID(t, e.pd.Data(), me.ID)
	rule := func(id string) (pdtest.NotificationRule, bool) {
		i := slices.IndexFunc(after.NotificationRules, func(r pdtest.NotificationRule) bool { return r.ID == id })
		if i < 0 {
			return pdtest.NotificationRule{}, false
		}
		return after.NotificationRules[i], true
	}
	if r, ok := rule(phoneRule.ID); !ok || r.StartDelayInMinutes != 10 || r.ContactMethodID != phone.ID || r.Urgency != phoneRule.Urgency {
		t.Errorf("phone rule after the update: %+v", r)
	}
	if r, ok := rule(created.ID); !ok || r.ContactMethodID != sms.ID || r.Urgency != "low" || r.StartDelayInMinutes != 30 {
		t.Errorf("new rule: %+v", r)
	}
	if _, ok := rule(lowEmail.ID); ok {
		t.Error("the removed rule is still there")
	}
	if len(after.NotificationRules) != len(me.NotificationRules) || len(after.ContactMethods) != len(me.ContactMethods) {
		t.Errorf("%d rules and %d methods, want %d and %d (one rule added, one removed, no method touched)",
			len(after.NotificationRules), len(after.ContactMethods), len(me.NotificationRules), len(me.ContactMethods))
	}
}
