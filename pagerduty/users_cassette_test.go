package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// The cassette tests replay requests recorded against the mock of
// PagerDuty's API description, which answers with the description's
// examples. Re-record them with
//
//	scripts/record.sh ./pagerduty -run '^Test(Users|Teams|EscalationPolicies|OnCalls|MaintenanceWindows)Cassette'

func checkRecordedUser(t *testing.T, what string, u *pagerduty.User) {
	t.Helper()
	if u == nil || u.ID == "" || u.Type != "user" || u.Name == "" || u.Email == "" || u.Role == "" {
		t.Errorf("%s: user %+v lacks an ID, a type, a name, an email or a role", what, u)
	}
}

func checkRecordedAudit(t *testing.T, what string, r pagerduty.AuditRecord) {
	t.Helper()
	if r.ID == "" || r.Action == "" || r.ExecutionTime.IsZero() || r.Method.Type == "" || r.RootResource.ID == "" {
		t.Errorf("%s: audit record %+v lacks an ID, an action, a time, a method or a root resource", what, r)
	}
}

func TestUsersCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/users/read")
	ctx := context.Background()

	users := readUpTo(t, "List", c.Users.List(ctx, &pagerduty.ListUsersOptions{
		Query: "earline", TeamIDs: []string{"PQ9K7I8"},
		Includes:    []pagerduty.UserInclude{pagerduty.IncludeUserContactMethods, pagerduty.IncludeUserTeams},
		ListOptions: pagerduty.ListOptions{Limit: 2},
	}), 2)
	for _, u := range users {
		checkRecordedUser(t, "List", &u)
		if len(u.Teams) == 0 || u.Teams[0].ID == "" || len(u.ContactMethods) == 0 || u.ContactMethods[0].ID == "" {
			t.Errorf("List: user %s lacks its teams or contact methods", u.ID)
		}
	}

	page := must(c.Users.ListPage(ctx, &pagerduty.ListUsersOptions{ListOptions: pagerduty.ListOptions{Limit: 2, Offset: 2, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Errorf("ListPage = %d items, limit %d", len(page.Items), page.Limit)
	}

	u := must(c.Users.Get(ctx, "PXPGF42", &pagerduty.GetUserOptions{Includes: []pagerduty.UserInclude{pagerduty.IncludeUserNotificationRules}})).ok(t, "Get")
	checkRecordedUser(t, "Get", u)
	me := must(c.Users.GetCurrent(ctx, nil)).ok(t, "GetCurrent")
	checkRecordedUser(t, "GetCurrent", me)

	lic := must(c.Users.GetLicense(ctx, "PXPGF42")).ok(t, "GetLicense")
	if lic.ID == "" || lic.Name == "" || len(lic.ValidRoles) == 0 || lic.RoleGroup == "" {
		t.Errorf("GetLicense = %+v", lic)
	}

	since := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range readUpTo(t, "ListAuditRecords", c.Users.ListAuditRecords(ctx, "PXPGF42", &pagerduty.ListAuditRecordsOptions{
		Since: since, Until: since.Add(7 * 24 * time.Hour), CursorOptions: pagerduty.CursorOptions{Limit: 1},
	}), 2) {
		checkRecordedAudit(t, "ListAuditRecords", r)
	}
	ap := must(c.Users.ListAuditRecordsPage(ctx, "PXPGF42", nil)).ok(t, "ListAuditRecordsPage")
	for _, r := range ap.Items {
		checkRecordedAudit(t, "ListAuditRecordsPage", r)
	}
}

func TestUsersCassetteWrite(t *testing.T) {
	c := replayClient(t, "pagerduty/users/write")
	ctx := context.Background()

	u := must(c.Users.Create(ctx, &pagerduty.UserParams{Name: "Earline Greenholt", Email: "earline@example.com",
		Role: pagerduty.RoleUser, TimeZone: "America/Lima", JobTitle: pointerTo("Director of Engineering")})).ok(t, "Create")
	checkRecordedUser(t, "Create", u)
	u = must(c.Users.Update(ctx, u.ID, &pagerduty.UserParams{Name: "Earline Greenholt", Email: "earline@example.com",
		Description: pointerTo("Runs engineering")})).ok(t, "Update")
	checkRecordedUser(t, "Update", u)
	key := must(c.Users.RegeneratePrivateURLKey(ctx, u.ID)).ok(t, "RegeneratePrivateURLKey")
	if key == "" {
		t.Error("RegeneratePrivateURLKey returned no key")
	}
	mustDo(t, "Delete", c.Users.Delete(ctx, u.ID))
}

func TestUsersCassetteContactMethods(t *testing.T) {
	c := replayClient(t, "pagerduty/users/contact_methods")
	ctx := context.Background()

	check := func(what string, m *pagerduty.ContactMethod) {
		t.Helper()
		if m == nil || m.ID == "" || m.Type == "" || m.Address == "" || m.Label == "" {
			t.Errorf("%s: contact method %+v lacks an ID, a type, an address or a label", what, m)
		}
	}
	for _, m := range must(c.Users.ListContactMethods(ctx, "PXPGF42")).ok(t, "ListContactMethods") {
		check("ListContactMethods", &m)
	}
	check("GetContactMethod", must(c.Users.GetContactMethod(ctx, "PXPGF42", "PTDVERC")).ok(t, "GetContactMethod"))
	m := must(c.Users.CreateContactMethod(ctx, "PXPGF42", &pagerduty.ContactMethodParams{
		Type: pagerduty.ContactMethodSMS, Label: "Mobile", Address: "5551234567", CountryCode: 1})).ok(t, "CreateContactMethod")
	check("CreateContactMethod", m)
	check("UpdateContactMethod", must(c.Users.UpdateContactMethod(ctx, "PXPGF42", m.ID, &pagerduty.ContactMethodParams{
		Type: pagerduty.ContactMethodEmail, Label: "Work", Address: "earline@example.com", SendShortEmail: pointerTo(true)})).ok(t, "UpdateContactMethod"))
	mustDo(t, "DeleteContactMethod", c.Users.DeleteContactMethod(ctx, "PXPGF42", m.ID))
}

func TestUsersCassetteNotificationRules(t *testing.T) {
	c := replayClient(t, "pagerduty/users/notification_rules")
	ctx := context.Background()
	email := pagerduty.Ref(string(pagerduty.ContactMethodReferenceEmail), "PTDVERC")

	checkRule := func(what string, r *pagerduty.NotificationRule) {
		t.Helper()
		if r == nil || r.ID == "" || r.ContactMethod == nil || r.ContactMethod.ID == "" || (r.Urgency != pagerduty.UrgencyHigh && r.Urgency != pagerduty.UrgencyLow) {
			t.Errorf("%s: rule %+v lacks an ID, a contact method or an urgency", what, r)
		}
	}
	for _, r := range must(c.Users.ListNotificationRules(ctx, "PXPGF42", &pagerduty.ListNotificationRulesOptions{
		Urgency: pagerduty.NotificationRuleUrgencyAll, Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}})).ok(t, "ListNotificationRules") {
		checkRule("ListNotificationRules", &r)
	}
	checkRule("GetNotificationRule", must(c.Users.GetNotificationRule(ctx, "PXPGF42", "P8GRWKK", nil)).ok(t, "GetNotificationRule"))
	rp := &pagerduty.NotificationRuleParams{StartDelayInMinutes: 0, ContactMethod: email, Urgency: pagerduty.UrgencyHigh}
	r := must(c.Users.CreateNotificationRule(ctx, "PXPGF42", rp)).ok(t, "CreateNotificationRule")
	checkRule("CreateNotificationRule", r)
	rp.StartDelayInMinutes = 5
	checkRule("UpdateNotificationRule", must(c.Users.UpdateNotificationRule(ctx, "PXPGF42", r.ID, rp)).ok(t, "UpdateNotificationRule"))
	mustDo(t, "DeleteNotificationRule", c.Users.DeleteNotificationRule(ctx, "PXPGF42", r.ID))

	checkHandoff := func(what string, h *pagerduty.HandoffNotificationRule) {
		t.Helper()
		if h == nil || h.ID == "" || h.HandoffType == "" || h.ContactMethod == nil || h.ContactMethod.ID == "" {
			t.Errorf("%s: handoff rule %+v lacks an ID, a handoff type or a contact method", what, h)
		}
	}
	for _, h := range must(c.Users.ListHandoffNotificationRules(ctx, "PXPGF42")).ok(t, "ListHandoffNotificationRules") {
		checkHandoff("ListHandoffNotificationRules", &h)
	}
	hp := &pagerduty.HandoffNotificationRuleParams{HandoffType: pagerduty.HandoffOnCall, NotifyAdvanceInMinutes: 60, ContactMethod: email}
	h := must(c.Users.CreateHandoffNotificationRule(ctx, "PXPGF42", hp)).ok(t, "CreateHandoffNotificationRule")
	checkHandoff("CreateHandoffNotificationRule", h)
	checkHandoff("GetHandoffNotificationRule", must(c.Users.GetHandoffNotificationRule(ctx, "PXPGF42", h.ID)).ok(t, "GetHandoffNotificationRule"))
	hp.HandoffType = pagerduty.HandoffBoth
	checkHandoff("UpdateHandoffNotificationRule", must(c.Users.UpdateHandoffNotificationRule(ctx, "PXPGF42", h.ID, hp)).ok(t, "UpdateHandoffNotificationRule"))
	mustDo(t, "DeleteHandoffNotificationRule", c.Users.DeleteHandoffNotificationRule(ctx, "PXPGF42", h.ID))

	checkStatus := func(what string, s *pagerduty.StatusUpdateNotificationRule) {
		t.Helper()
		if s == nil || s.ContactMethod == nil || s.ContactMethod.ID == "" {
			t.Errorf("%s: status update rule %+v lacks its contact method", what, s)
		}
	}
	withCM := &pagerduty.GetNotificationRuleOptions{Includes: []pagerduty.NotificationRuleInclude{pagerduty.IncludeNotificationRuleContactMethods}}
	for _, s := range must(c.Users.ListStatusUpdateNotificationRules(ctx, "PXPGF42", withCM)).ok(t, "ListStatusUpdateNotificationRules") {
		checkStatus("ListStatusUpdateNotificationRules", &s)
	}
	s := must(c.Users.CreateStatusUpdateNotificationRule(ctx, "PXPGF42", email)).ok(t, "CreateStatusUpdateNotificationRule")
	checkStatus("CreateStatusUpdateNotificationRule", s)
	checkStatus("GetStatusUpdateNotificationRule", must(c.Users.GetStatusUpdateNotificationRule(ctx, "PXPGF42", "PPSCXAN", withCM)).ok(t, "GetStatusUpdateNotificationRule"))
	checkStatus("UpdateStatusUpdateNotificationRule", must(c.Users.UpdateStatusUpdateNotificationRule(ctx, "PXPGF42", "PPSCXAN",
		pagerduty.Ref(string(pagerduty.ContactMethodReferenceSMS), "PCM0002"))).ok(t, "UpdateStatusUpdateNotificationRule"))
	mustDo(t, "DeleteStatusUpdateNotificationRule", c.Users.DeleteStatusUpdateNotificationRule(ctx, "PXPGF42", "PPSCXAN"))
}

func TestUsersCassetteSessions(t *testing.T) {
	c := replayClient(t, "pagerduty/users/sessions")
	ctx := context.Background()

	sessions := must(c.Users.ListSessions(ctx, "PXPGF42")).ok(t, "ListSessions")
	if len(sessions) == 0 {
		t.Fatal("ListSessions: no sessions")
	}
	for _, s := range sessions {
		if s.ID == "" || s.UserID == "" || s.CreatedAt.IsZero() || (s.Type != pagerduty.SessionBrowser && s.Type != pagerduty.SessionOAuth) {
			t.Errorf("ListSessions: session %+v", s)
		}
	}
	s := must(c.Users.GetSession(ctx, "PXPGF42", sessions[0].Type, sessions[0].ID)).ok(t, "GetSession")
	if s.ID == "" || s.CreatedAt.IsZero() {
		t.Errorf("GetSession = %+v", s)
	}
	mustDo(t, "DeleteSession", c.Users.DeleteSession(ctx, "PXPGF42", s.Type, s.ID))
	mustDo(t, "DeleteSessions", c.Users.DeleteSessions(ctx, "PXPGF42"))

	checkDelegation := func(what string, d *pagerduty.OAuthDelegation) {
		t.Helper()
		if d == nil || d.ID == "" || d.ClientID == "" || d.Status == "" || d.DelegationType == "" || d.CreatedAt.IsZero() || d.ExpiresAt.IsZero() {
			t.Errorf("%s: delegation %+v lacks an ID, a client, a status, a type or its times", what, d)
		}
	}
	ds := readUpTo(t, "ListOAuthDelegations", c.Users.ListOAuthDelegations(ctx, "PXPGF42", &pagerduty.ListOAuthDelegationsOptions{
		DelegationType: pagerduty.DelegationWeb, Status: pagerduty.DelegationIssued, CursorOptions: pagerduty.CursorOptions{Limit: 10}}), 2)
	for _, d := range ds {
		checkDelegation("ListOAuthDelegations", &d)
	}
	checkDelegation("GetOAuthDelegation", must(c.Users.GetOAuthDelegation(ctx, "PXPGF42", ds[0].ID)).ok(t, "GetOAuthDelegation"))
}

func TestUsersCassetteSubscriptions(t *testing.T) {
	c := replayClient(t, "pagerduty/users/subscriptions")
	ctx := context.Background()

	page := must(c.Users.ListNotificationSubscriptions(ctx, "PXPGF42")).ok(t, "ListNotificationSubscriptions")
	checkRecordedSubscriptions(t, "ListNotificationSubscriptions", page.Items, false)
	if page.Limit == 0 {
		t.Error("ListNotificationSubscriptions: the page has no limit")
	}
	subs := must(c.Users.Subscribe(ctx, "PXPGF42",
		pagerduty.Subscribable{ID: "PD1234", Type: pagerduty.SubscribableIncident},
		pagerduty.Subscribable{ID: "PD1235", Type: pagerduty.SubscribableBusinessService})).ok(t, "Subscribe")
	checkRecordedSubscriptions(t, "Subscribe", subs, true)
	res := must(c.Users.Unsubscribe(ctx, "PXPGF42", pagerduty.Subscribable{ID: "PD1234", Type: pagerduty.SubscribableIncident})).ok(t, "Unsubscribe")
	if res.Deleted+res.Unauthorized+res.NonExistent == 0 {
		t.Errorf("Unsubscribe counted nothing: %+v", res)
	}
}

func checkRecordedSubscriptions(t *testing.T, what string, subs []pagerduty.NotificationSubscription, withResult bool) {
	t.Helper()
	if len(subs) == 0 {
		t.Fatalf("%s: no subscriptions", what)
	}
	for _, s := range subs {
		if s.SubscriberID == "" || s.SubscriberType == "" || s.SubscribableID == "" || s.SubscribableType == "" || (withResult && s.Result == "") {
			t.Errorf("%s: subscription %+v lacks a subscriber, a subscribable or a result", what, s)
		}
	}
}
