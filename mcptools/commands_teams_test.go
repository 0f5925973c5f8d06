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
