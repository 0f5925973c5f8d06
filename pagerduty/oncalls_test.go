package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const onCallJSON = `{"user":` + userJSON + `,
 "escalation_policy":{"id":"PEP0001","type":"escalation_policy","name":"Platform","num_loops":1},
 "schedule":{"id":"PSCHED1","type":"schedule","summary":"Primary","name":"Primary","time_zone":"Europe/Paris"},
 "escalation_level":1,"start":"2026-04-01T09:00:00Z","end":"2026-04-08T09:00:00Z"}`

func checkOnCall(t *testing.T, got any) {
	t.Helper()
	oc := got.(pagerduty.OnCall)
	checkUser(t, oc.User)
	if oc.EscalationPolicy == nil || oc.EscalationPolicy.Name != "Platform" || oc.Schedule == nil || oc.Schedule.ID != "PSCHED1" || oc.Schedule.TimeZone != "Europe/Paris" || oc.EscalationLevel != 1 {
		t.Errorf("on-call %+v", oc)
	}
	if oc.End.Sub(oc.Start) != 7*24*time.Hour {
		t.Errorf("period %v to %v", oc.Start, oc.End)
	}
}

func TestOnCallsRequests(t *testing.T) {
	since := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	runAPICases(t, []apiCase{
		{
			name: "ListWithEveryFilter",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{
					TimeZone: "Europe/Paris",
					Includes: []pagerduty.OnCallInclude{pagerduty.IncludeOnCallUsers, pagerduty.IncludeOnCallEscalationPolicies, pagerduty.IncludeOnCallSchedules},
					UserIDs:  []string{"PUSER01"}, EscalationPolicyIDs: []string{"PEP0001", "PEP0002"}, ScheduleIDs: []string{"PSCHED1"},
					Since: since, Until: since.Add(48 * time.Hour), Earliest: true,
				}))
			},
			answer: `{"oncalls":[` + onCallJSON + `],"limit":100,"offset":0,"more":false,"total":null}`,
			want: wantRequest{method: "GET", path: "/oncalls", query: pageQuery("time_zone", "Europe/Paris",
				"include[]", "users", "include[]", "escalation_policies", "include[]", "schedules",
				"user_ids[]", "PUSER01", "escalation_policy_ids[]", "PEP0001", "escalation_policy_ids[]", "PEP0002",
				"schedule_ids[]", "PSCHED1", "since", "2026-04-01T00:00:00Z", "until", "2026-04-03T00:00:00Z", "earliest", "true")},
			check: checkOnCall,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				p, err := c.OnCalls.ListPage(ctx, &pagerduty.ListOnCallsOptions{ListOptions: pagerduty.ListOptions{Limit: 25, Offset: 25}})
				if err != nil {
					return nil, err
				}
				if p.Offset != 25 || !p.More {
					t.Errorf("page offset %d more %v", p.Offset, p.More)
				}
				return p.Items[0], nil
			},
			answer: `{"oncalls":[` + onCallJSON + `],"limit":25,"offset":25,"more":true}`,
			want:   wantRequest{method: "GET", path: "/oncalls", query: vals("limit", "25", "offset", "25")},
			check:  checkOnCall,
		},
		{
			// A user a policy targets directly is on call with no period.
			name: "PermanentOnCall",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.OnCalls.List(ctx, nil))
			},
			answer: `{"oncalls":[{"user":{"id":"PUSER02","type":"user_reference"},"escalation_policy":{"id":"PEP0001","type":"escalation_policy_reference"},
				"schedule":null,"escalation_level":2,"start":null,"end":null}],"limit":100,"offset":0,"more":false}`,
			want: wantRequest{method: "GET", path: "/oncalls", query: pageQuery()},
			check: func(t *testing.T, got any) {
				oc := got.(pagerduty.OnCall)
				if oc.Schedule != nil || !oc.Start.IsZero() || !oc.End.IsZero() || oc.EscalationLevel != 2 || oc.User.ID != "PUSER02" {
					t.Errorf("on-call %+v", oc)
				}
			},
		},
	})
}

func TestOnCallsRejectBadInput(t *testing.T) {
	now := time.Now()
	runBadCalls(t, []badCall{
		{"include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{Includes: []pagerduty.OnCallInclude{"teams"}}))
		}, `"teams" is not accepted`},
		{"schedule id", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{ScheduleIDs: []string{"PSCHED1", "bad id"}}))
		}, "ScheduleIDs"},
		{"policy id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.OnCalls.ListPage(ctx, &pagerduty.ListOnCallsOptions{EscalationPolicyIDs: []string{""}})
			return err
		}, "EscalationPolicyIDs"},
		{"window", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{Since: now, Until: now.Add(-time.Minute)}))
		}, "before Since"},
		{"offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.OnCalls.ListPage(ctx, &pagerduty.ListOnCallsOptions{ListOptions: pagerduty.ListOptions{Offset: 9950, Limit: 100}})
			return err
		}, "ceiling"},
	})
}
