package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkRecordedTeam(t *testing.T, what string, tm *pagerduty.Team) {
	t.Helper()
	if tm == nil || tm.ID == "" || tm.Type != "team" || tm.Name == "" {
		t.Errorf("%s: team %+v lacks an ID, a type or a name", what, tm)
	}
}

func TestTeamsCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/teams/read")
	ctx := context.Background()

	for _, tm := range readUpTo(t, "List", c.Teams.List(ctx, &pagerduty.ListTeamsOptions{Query: "eng", ListOptions: pagerduty.ListOptions{Limit: 1}}), 2) {
		checkRecordedTeam(t, "List", &tm)
	}
	page := must(c.Teams.ListPage(ctx, &pagerduty.ListTeamsOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Offset: 1, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Error("ListPage: no teams")
	}
	checkRecordedTeam(t, "Get", must(c.Teams.Get(ctx, "PQ9K7I8", &pagerduty.GetTeamOptions{Includes: []pagerduty.TeamInclude{pagerduty.IncludeTeamPrivileges}})).ok(t, "Get"))

	members := readUpTo(t, "ListMembers", c.Teams.ListMembers(ctx, "PQ9K7I8", &pagerduty.ListTeamMembersOptions{
		Includes: []pagerduty.TeamMemberInclude{pagerduty.IncludeTeamMemberUsers}}), 2)
	for _, m := range members {
		if m.User == nil || m.User.ID == "" || m.Role == "" {
			t.Errorf("ListMembers: member %+v lacks a user or a role", m)
		}
	}
	mp := must(c.Teams.ListMembersPage(ctx, "PQ9K7I8", &pagerduty.ListTeamMembersOptions{ListOptions: pagerduty.ListOptions{Limit: 10}})).ok(t, "ListMembersPage")
	if len(mp.Items) == 0 || mp.Items[0].User == nil {
		t.Errorf("ListMembersPage = %+v", mp)
	}

	for _, r := range readUpTo(t, "ListAuditRecords", c.Teams.ListAuditRecords(ctx, "PQ9K7I8", nil), 2) {
		checkRecordedAudit(t, "ListAuditRecords", r)
	}
	ap := must(c.Teams.ListAuditRecordsPage(ctx, "PQ9K7I8", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 5}})).ok(t, "ListAuditRecordsPage")
	for _, r := range ap.Items {
		checkRecordedAudit(t, "ListAuditRecordsPage", r)
	}
}

func TestTeamsCassetteWrite(t *testing.T) {
	c := replayClient(t, "pagerduty/teams/write")
	ctx := context.Background()

	tm := must(c.Teams.Create(ctx, &pagerduty.TeamParams{Name: "Engineering", Description: pointerTo("All engineering"), DefaultRole: pagerduty.TeamDefaultManager})).ok(t, "Create")
	checkRecordedTeam(t, "Create", tm)
	checkRecordedTeam(t, "Update", must(c.Teams.Update(ctx, tm.ID, &pagerduty.TeamParams{Name: "Engineering", DefaultRole: pagerduty.TeamDefaultNone})).ok(t, "Update"))

	mustDo(t, "AddUser", c.Teams.AddUser(ctx, tm.ID, "PXPGF42", pagerduty.TeamRoleObserver))
	mustDo(t, "RemoveUser", c.Teams.RemoveUser(ctx, tm.ID, "PXPGF42"))
	mustDo(t, "AddEscalationPolicy", c.Teams.AddEscalationPolicy(ctx, tm.ID, "PANZZEQ"))
	mustDo(t, "RemoveEscalationPolicy", c.Teams.RemoveEscalationPolicy(ctx, tm.ID, "PANZZEQ"))
	mustDo(t, "Delete", c.Teams.Delete(ctx, tm.ID, &pagerduty.DeleteTeamOptions{ReassignmentTeamID: "PQ9K7I9"}))
}

func TestTeamsCassetteSubscriptions(t *testing.T) {
	c := replayClient(t, "pagerduty/teams/subscriptions")
	ctx := context.Background()

	page := must(c.Teams.ListNotificationSubscriptions(ctx, "PQ9K7I8")).ok(t, "ListNotificationSubscriptions")
	checkRecordedSubscriptions(t, "ListNotificationSubscriptions", page.Items, false)
	if page.Limit == 0 {
		t.Error("ListNotificationSubscriptions: the page has no limit")
	}
	subs := must(c.Teams.Subscribe(ctx, "PQ9K7I8", pagerduty.Subscribable{ID: "PD1234", Type: pagerduty.SubscribableBusinessService})).ok(t, "Subscribe")
	checkRecordedSubscriptions(t, "Subscribe", subs, true)
	res := must(c.Teams.Unsubscribe(ctx, "PQ9K7I8", pagerduty.Subscribable{ID: "PD1234", Type: pagerduty.SubscribableBusinessService})).ok(t, "Unsubscribe")
	if res.Deleted+res.Unauthorized+res.NonExistent == 0 {
		t.Errorf("Unsubscribe counted nothing: %+v", res)
	}
}
