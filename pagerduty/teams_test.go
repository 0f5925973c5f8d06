package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const teamJSON = `{"id":"PTEAM01","type":"team","summary":"Platform","name":"Platform","description":"Runs the platform",
 "default_role":"none","parent":{"id":"PTEAM00","type":"team_reference"},"privileges":{"manage":true}}`

func checkTeam(t *testing.T, got any) {
	t.Helper()
	tm := got.(*pagerduty.Team)
	if tm.ID != "PTEAM01" || tm.Name != "Platform" || tm.DefaultRole != pagerduty.TeamDefaultNone || tm.Parent == nil || tm.Parent.ID != "PTEAM00" {
		t.Errorf("team %+v", tm)
	}
	if string(tm.Privileges) != `{"manage":true}` {
		t.Errorf("privileges %s", tm.Privileges)
	}
}

func TestTeamsRequests(t *testing.T) {
	cases := []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				tm, err := firstOf(c.Teams.List(ctx, &pagerduty.ListTeamsOptions{Query: "plat"}))
				return &tm, err
			},
			answer: `{"teams":[` + teamJSON + `],"limit":100,"offset":0,"more":false}`,
			want:   wantRequest{method: "GET", path: "/teams", query: pageQuery("query", "plat")},
			check:  checkTeam,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Teams.ListPage(ctx, &pagerduty.ListTeamsOptions{ListOptions: pagerduty.ListOptions{Limit: 2}})
			},
			answer: `{"teams":[` + teamJSON + `],"limit":2,"offset":0,"more":true}`,
			want:   wantRequest{method: "GET", path: "/teams", query: vals("limit", "2")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.Team]); len(p.Items) != 1 || !p.More || p.Limit != 2 {
					t.Errorf("page %+v", p)
				}
			},
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Teams.Get(ctx, "PTEAM01", &pagerduty.GetTeamOptions{Includes: []pagerduty.TeamInclude{pagerduty.IncludeTeamPrivileges}})
			},
			answer: `{"team":` + teamJSON + `}`,
			want:   wantRequest{method: "GET", path: "/teams/PTEAM01", query: vals("include[]", "privileges")},
			check:  checkTeam,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Teams.Create(ctx, &pagerduty.TeamParams{Name: "Platform", Description: pointerTo("Runs the platform"), DefaultRole: pagerduty.TeamDefaultNone})
			},
			status: 201,
			answer: `{"team":` + teamJSON + `}`,
			want: wantRequest{method: "POST", path: "/teams",
				body: `{"team":{"type":"team","name":"Platform","description":"Runs the platform","default_role":"none"}}`},
			check: checkTeam,
		},
		{
			name: "UpdateLeavesUnsetFieldsOut",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Teams.Update(ctx, "PTEAM01", &pagerduty.TeamParams{Name: "Platform"})
			},
			answer: `{"team":` + teamJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/teams/PTEAM01", body: `{"team":{"type":"team","name":"Platform"}}`},
			check:  checkTeam,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.Delete(ctx, "PTEAM01", &pagerduty.DeleteTeamOptions{ReassignmentTeamID: "PTEAM02"})
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/teams/PTEAM01", query: vals("reassignment_team", "PTEAM02")},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Teams.ListAuditRecords(ctx, "PTEAM01", nil))
			},
			answer: auditAnswer,
			want:   wantRequest{method: "GET", path: "/teams/PTEAM01/audit/records"},
			check:  checkAuditRecord,
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.Teams.ListAuditRecordsPage(ctx, "PTEAM01", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "abc"}})
				if err != nil {
					return nil, err
				}
				return p.Items[0], nil
			},
			answer: auditAnswer,
			want:   wantRequest{method: "GET", path: "/teams/PTEAM01/audit/records", query: vals("cursor", "abc")},
			check:  checkAuditRecord,
		},
		{
			name: "ListMembers",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Teams.ListMembers(ctx, "PTEAM01", &pagerduty.ListTeamMembersOptions{Includes: []pagerduty.TeamMemberInclude{pagerduty.IncludeTeamMemberUsers}}))
			},
			answer: `{"members":[{"user":` + userJSON + `,"role":"manager"}],"limit":100,"offset":0,"more":false}`,
			want:   wantRequest{method: "GET", path: "/teams/PTEAM01/members", query: pageQuery("include[]", "users")},
			check: func(t *testing.T, got any) {
				m := got.(pagerduty.TeamMember)
				if m.Role != pagerduty.TeamRoleManager {
					t.Errorf("role %q", m.Role)
				}
				checkUser(t, m.User)
			},
		},
		{
			name: "ListMembersPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Teams.ListMembersPage(ctx, "PTEAM01", &pagerduty.ListTeamMembersOptions{ListOptions: pagerduty.ListOptions{Offset: 100, Total: true}})
			},
			answer: `{"members":[{"user":{"id":"PUSER01","type":"user_reference"},"role":"observer"}],"limit":100,"offset":100,"more":false,"total":101}`,
			want:   wantRequest{method: "GET", path: "/teams/PTEAM01/members", query: vals("offset", "100", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.TeamMember])
				if len(p.Items) != 1 || p.Items[0].User.ID != "PUSER01" || p.Items[0].Role != pagerduty.TeamRoleObserver || *p.Total != 101 {
					t.Errorf("page %+v", p)
				}
			},
		},
		{
			name: "AddUserWithRole",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.AddUser(ctx, "PTEAM01", "PUSER01", pagerduty.TeamRoleResponder)
			},
			status: 204,
			want:   wantRequest{method: "PUT", path: "/teams/PTEAM01/users/PUSER01", body: `{"role":"responder"}`},
		},
		{
			name: "AddUserWithoutRole",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.AddUser(ctx, "PTEAM01", "PUSER01", "")
			},
			status: 204,
			want:   wantRequest{method: "PUT", path: "/teams/PTEAM01/users/PUSER01"},
		},
		{
			name: "RemoveUser",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.RemoveUser(ctx, "PTEAM01", "PUSER01")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/teams/PTEAM01/users/PUSER01"},
		},
		{
			name: "AddEscalationPolicy",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.AddEscalationPolicy(ctx, "PTEAM01", "PEP0001")
			},
			status: 204,
			want:   wantRequest{method: "PUT", path: "/teams/PTEAM01/escalation_policies/PEP0001"},
		},
		{
			name: "RemoveEscalationPolicy",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Teams.RemoveEscalationPolicy(ctx, "PTEAM01", "PEP0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/teams/PTEAM01/escalation_policies/PEP0001"},
		},
	}
	cases = append(cases, subscriptionCases("teams", "PTEAM01",
		func(ctx context.Context, c *pagerduty.Client) (*pagerduty.Page[pagerduty.NotificationSubscription], error) {
			return c.Teams.ListNotificationSubscriptions(ctx, "PTEAM01")
		},
		func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) ([]pagerduty.NotificationSubscription, error) {
			return c.Teams.Subscribe(ctx, "PTEAM01", items...)
		},
		func(ctx context.Context, c *pagerduty.Client, items ...pagerduty.Subscribable) (*pagerduty.UnsubscribeResult, error) {
			return c.Teams.Unsubscribe(ctx, "PTEAM01", items...)
		})...)
	runAPICases(t, cases)
}

func TestTeamsRejectBadInput(t *testing.T) {
	long := make([]byte, 101)
	for i := range long {
		long[i] = 'a'
	}
	runBadCalls(t, []badCall{
		{"create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.Create(ctx, &pagerduty.TeamParams{Description: pointerTo("x")})
			return err
		}, "Name is required"},
		{"name too long", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.Create(ctx, &pagerduty.TeamParams{Name: string(long)})
			return err
		}, "at most 100"},
		{"bad default role", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.Update(ctx, "PTEAM01", &pagerduty.TeamParams{Name: "x", DefaultRole: "observer"})
			return err
		}, `"observer" is not accepted`},
		{"get include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Teams.Get(ctx, "PTEAM01", &pagerduty.GetTeamOptions{Includes: []pagerduty.TeamInclude{"members"}})
			return err
		}, `"members" is not accepted`},
		{"list limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Teams.List(ctx, &pagerduty.ListTeamsOptions{ListOptions: pagerduty.ListOptions{Limit: -1}}))
		}, "out of range"},
		{"delete reassignment", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Teams.Delete(ctx, "PTEAM01", &pagerduty.DeleteTeamOptions{ReassignmentTeamID: "a&b"})
		}, "ReassignmentTeamID"},
		{"member include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Teams.ListMembers(ctx, "PTEAM01", &pagerduty.ListTeamMembersOptions{Includes: []pagerduty.TeamMemberInclude{"teams"}}))
		}, `"teams" is not accepted`},
		{"bad role", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Teams.AddUser(ctx, "PTEAM01", "PUSER01", "owner")
		}, `"owner" is not accepted`},
		{"bad user id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Teams.RemoveUser(ctx, "PTEAM01", "")
		}, "{user_id}"},
		{"bad policy id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Teams.AddEscalationPolicy(ctx, "PTEAM01", "../x")
		}, "{escalation_policy_id}"},
	})
}
