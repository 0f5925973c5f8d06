package pagerduty_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const policyJSON = `{"id":"PEP0001","type":"escalation_policy","name":"Platform","description":"Wakes the platform team",
 "num_loops":2,"on_call_handoff_notifications":"always",
 "escalation_rules":[
  {"id":"PR00001","escalation_delay_in_minutes":30,"escalation_rule_assignment_strategy":{"type":"round_robin"},
   "targets":[{"id":"PUSER01","type":"user","name":"Ada Lovelace","email":"ada@example.com"},
              {"id":"PSCHED1","type":"schedule","name":"Primary","time_zone":"Europe/Paris"}]},
  {"id":"PR00002","escalation_delay_in_minutes":10,"escalation_rule_assignment_strategy":"assign_to_everyone",
   "targets":[{"id":"PUSER02","type":"user_reference"}]}],
 "services":[{"id":"PSVC001","type":"service","name":"Checkout","status":"active"}],
 "teams":[{"id":"PTEAM01","type":"team_reference"}]}`

func checkPolicy(t *testing.T, got any) {
	t.Helper()
	ep := got.(*pagerduty.EscalationPolicy)
	if ep.ID != "PEP0001" || ep.NumLoops != 2 || ep.OnCallHandoffNotifications != pagerduty.HandoffAlways || len(ep.EscalationRules) != 2 {
		t.Fatalf("policy %+v", ep)
	}
	r0, r1 := ep.EscalationRules[0], ep.EscalationRules[1]
	if r0.AssignmentStrategy != pagerduty.AssignRoundRobin || r1.AssignmentStrategy != pagerduty.AssignToEveryone {
		t.Errorf("strategies %q %q", r0.AssignmentStrategy, r1.AssignmentStrategy)
	}
	if len(r0.Targets) != 2 || r0.Targets[0].User == nil || r0.Targets[0].User.Email != "ada@example.com" || r0.Targets[0].Schedule != nil {
		t.Errorf("user target %+v", r0.Targets[0])
	}
	if len(r0.Targets) == 2 && (r0.Targets[1].User != nil || r0.Targets[1].Schedule == nil || r0.Targets[1].Schedule.TimeZone != "Europe/Paris") {
		t.Errorf("schedule target %+v", r0.Targets[1])
	}
	if r1.Targets[0].User != nil || r1.Targets[0].Schedule != nil {
		t.Errorf("a reference was taken for an embedded object: %+v", r1.Targets[0])
	}
	if len(ep.Services) != 1 || ep.Services[0].Name != "Checkout" || len(ep.Teams) != 1 || ep.Teams[0].ID != "PTEAM01" {
		t.Errorf("services %+v teams %+v", ep.Services, ep.Teams)
	}
}

var policyParams = pagerduty.EscalationPolicyParams{
	Name: "Platform", Description: pointerTo("Wakes the platform team"), NumLoops: pointerTo(0),
	OnCallHandoffNotifications: pagerduty.HandoffAlways, TeamIDs: []string{"PTEAM01"},
	Rules: []pagerduty.EscalationRuleParams{{
		EscalationDelayInMinutes: 30, AssignmentStrategy: pagerduty.AssignRoundRobin,
		Targets: []pagerduty.Reference{pagerduty.Ref("user_reference", "PUSER01"), pagerduty.Ref("schedule_reference", "PSCHED1")},
	}},
}

const policyParamsBody = `{"escalation_policy":{"type":"escalation_policy","name":"Platform","description":"Wakes the platform team",
 "num_loops":0,"on_call_handoff_notifications":"always","teams":[{"id":"PTEAM01","type":"team_reference"}],
 "escalation_rules":[{"escalation_delay_in_minutes":30,"escalation_rule_assignment_strategy":"round_robin",
  "targets":[{"id":"PUSER01","type":"user_reference"},{"id":"PSCHED1","type":"schedule_reference"}]}]}}`

func TestEscalationPoliciesRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				ep, err := firstOf(c.EscalationPolicies.List(ctx, &pagerduty.ListEscalationPoliciesOptions{
					Query: "plat", UserIDs: []string{"PUSER01"}, TeamIDs: []string{"PTEAM01"}, SortBy: "name:desc",
					Includes: []pagerduty.EscalationPolicyInclude{pagerduty.IncludeEPTargets, pagerduty.IncludeEPServices}}))
				return &ep, err
			},
			answer: `{"escalation_policies":[` + policyJSON + `],"limit":100,"offset":0,"more":false}`,
			want: wantRequest{method: "GET", path: "/escalation_policies", query: pageQuery("query", "plat", "user_ids[]", "PUSER01",
				"team_ids[]", "PTEAM01", "sort_by", "name:desc", "include[]", "targets", "include[]", "services")},
			check: checkPolicy,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: pagerduty.ListOptions{Limit: 1}})
				if err != nil {
					return nil, err
				}
				if !p.More {
					t.Errorf("More is false")
				}
				return &p.Items[0], nil
			},
			answer: `{"escalation_policies":[` + policyJSON + `],"limit":1,"offset":0,"more":true}`,
			want:   wantRequest{method: "GET", path: "/escalation_policies", query: vals("limit", "1")},
			check:  checkPolicy,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.EscalationPolicies.Get(ctx, "PEP0001", &pagerduty.GetEscalationPolicyOptions{
					Includes: []pagerduty.EscalationPolicyInclude{pagerduty.IncludeEPAssignmentStrategies}})
			},
			answer: `{"escalation_policy":` + policyJSON + `}`,
			want:   wantRequest{method: "GET", path: "/escalation_policies/PEP0001", query: vals("include[]", "escalation_rule_assignment_strategies")},
			check:  checkPolicy,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p := policyParams
				p.From = "ops@example.com"
				return c.EscalationPolicies.Create(ctx, &p)
			},
			status: 201,
			answer: `{"escalation_policy":` + policyJSON + `}`,
			want:   wantRequest{method: "POST", path: "/escalation_policies", from: "ops@example.com", body: policyParamsBody},
			check:  checkPolicy,
		},
		{
			name: "Update",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p := policyParams
				return c.EscalationPolicies.Update(ctx, "PEP0001", &p)
			},
			answer: `{"escalation_policy":` + policyJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/escalation_policies/PEP0001", body: policyParamsBody},
			check:  checkPolicy,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.EscalationPolicies.Delete(ctx, "PEP0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/escalation_policies/PEP0001"},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.EscalationPolicies.ListAuditRecords(ctx, "PEP0001", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 1}}))
			},
			answer: auditAnswer,
			want:   wantRequest{method: "GET", path: "/escalation_policies/PEP0001/audit/records", query: vals("limit", "1")},
			check:  checkAuditRecord,
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.EscalationPolicies.ListAuditRecordsPage(ctx, "PEP0001", nil)
				if err != nil {
					return nil, err
				}
				return p.Items[0], nil
			},
			answer: auditAnswer,
			want:   wantRequest{method: "GET", path: "/escalation_policies/PEP0001/audit/records"},
			check:  checkAuditRecord,
		},
	})
}

func TestEscalationPolicyParamsRoundTrip(t *testing.T) {
	var ep pagerduty.EscalationPolicy
	if err := json.Unmarshal([]byte(policyJSON), &ep); err != nil {
		t.Fatal(err)
	}
	p := ep.Params()
	want := &pagerduty.EscalationPolicyParams{
		Name: "Platform", Description: pointerTo("Wakes the platform team"), NumLoops: pointerTo(2),
		OnCallHandoffNotifications: pagerduty.HandoffAlways, TeamIDs: []string{"PTEAM01"},
		Rules: []pagerduty.EscalationRuleParams{
			{EscalationDelayInMinutes: 30, AssignmentStrategy: pagerduty.AssignRoundRobin,
				Targets: []pagerduty.Reference{pagerduty.Ref("user_reference", "PUSER01"), pagerduty.Ref("schedule_reference", "PSCHED1")}},
			{EscalationDelayInMinutes: 10, AssignmentStrategy: pagerduty.AssignToEveryone,
				Targets: []pagerduty.Reference{pagerduty.Ref("user_reference", "PUSER02")}},
		},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("Params() (-want +got):\n%s", diff)
	}
}

func TestAssignmentStrategyReadsEveryShape(t *testing.T) {
	for in, want := range map[string]pagerduty.AssignmentStrategy{
		`"round_robin"`:                 pagerduty.AssignRoundRobin,
		`{"type":"assign_to_everyone"}`: pagerduty.AssignToEveryone,
		`[{"type":"round_robin"}]`:      pagerduty.AssignRoundRobin,
		`null`:                          "",
		`[]`:                            "",
	} {
		var got pagerduty.AssignmentStrategy
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", in, got, err, want)
		}
	}
	var s pagerduty.AssignmentStrategy
	if err := json.Unmarshal([]byte(`42`), &s); err == nil {
		t.Error("a number was accepted as a strategy")
	}
}

func TestEscalationPoliciesRejectBadInput(t *testing.T) {
	with := func(f func(p *pagerduty.EscalationPolicyParams)) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			p := policyParams
			p.Rules = append([]pagerduty.EscalationRuleParams(nil), policyParams.Rules...)
			f(&p)
			_, err := c.EscalationPolicies.Create(ctx, &p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"no name", with(func(p *pagerduty.EscalationPolicyParams) { p.Name = "" }), "Name is required"},
		{"no rules", with(func(p *pagerduty.EscalationPolicyParams) { p.Rules = nil }), "Rules is required"},
		{"no targets", with(func(p *pagerduty.EscalationPolicyParams) {
			p.Rules[0] = pagerduty.EscalationRuleParams{EscalationDelayInMinutes: 5}
		}), "1 to 10"},
		{"bad target type", with(func(p *pagerduty.EscalationPolicyParams) {
			p.Rules[0] = pagerduty.EscalationRuleParams{Targets: []pagerduty.Reference{pagerduty.Ref("team_reference", "PTEAM01")}}
		}), `"team_reference" is not accepted`},
		{"bad target id", with(func(p *pagerduty.EscalationPolicyParams) {
			p.Rules[0] = pagerduty.EscalationRuleParams{Targets: []pagerduty.Reference{pagerduty.Ref("user_reference", "")}}
		}), "Rules[0].Targets[0].ID"},
		{"negative delay", with(func(p *pagerduty.EscalationPolicyParams) {
			p.Rules[0] = pagerduty.EscalationRuleParams{EscalationDelayInMinutes: -1, Targets: policyParams.Rules[0].Targets}
		}), "negative"},
		{"bad strategy", with(func(p *pagerduty.EscalationPolicyParams) {
			p.Rules[0] = pagerduty.EscalationRuleParams{AssignmentStrategy: "random", Targets: policyParams.Rules[0].Targets}
		}), `"random" is not accepted`},
		{"negative loops", with(func(p *pagerduty.EscalationPolicyParams) { p.NumLoops = pointerTo(-1) }), "negative"},
		{"bad handoff", with(func(p *pagerduty.EscalationPolicyParams) { p.OnCallHandoffNotifications = "never" }), `"never" is not accepted`},
		{"bad team", with(func(p *pagerduty.EscalationPolicyParams) { p.TeamIDs = []string{"a b"} }), "TeamIDs"},
		{"list sort", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.EscalationPolicies.List(ctx, &pagerduty.ListEscalationPoliciesOptions{SortBy: "created_at"}))
		}, `"created_at" is not accepted`},
		{"list include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{Includes: []pagerduty.EscalationPolicyInclude{"users"}})
			return err
		}, `"users" is not accepted`},
		{"list user ids", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.EscalationPolicies.List(ctx, &pagerduty.ListEscalationPoliciesOptions{UserIDs: []string{""}}))
		}, "UserIDs"},
		{"get include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EscalationPolicies.Get(ctx, "PEP0001", &pagerduty.GetEscalationPolicyOptions{Includes: []pagerduty.EscalationPolicyInclude{"rules"}})
			return err
		}, `"rules" is not accepted`},
		{"update id", func(ctx context.Context, c *pagerduty.Client) error {
			p := policyParams
			_, err := c.EscalationPolicies.Update(ctx, "", &p)
			return err
		}, "ID is empty"},
	})
}
