package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkRecordedPolicy(t *testing.T, what string, ep *pagerduty.EscalationPolicy) {
	t.Helper()
	if ep == nil || ep.ID == "" || ep.Type != "escalation_policy" || ep.Name == "" || len(ep.EscalationRules) == 0 {
		t.Fatalf("%s: policy %+v lacks an ID, a type, a name or rules", what, ep)
	}
	for _, r := range ep.EscalationRules {
		if len(r.Targets) == 0 {
			t.Errorf("%s: a rule of %s has no targets", what, ep.ID)
		}
		for _, tg := range r.Targets {
			if tg.ID == "" || tg.Type == "" {
				t.Errorf("%s: target %+v lacks an ID or a type", what, tg)
			}
		}
	}
}

func TestEscalationPoliciesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/escalation_policies/all")
	ctx := context.Background()

	for _, ep := range readUpTo(t, "List", c.EscalationPolicies.List(ctx, &pagerduty.ListEscalationPoliciesOptions{
		Query: "eng", UserIDs: []string{"PEYSGVF"}, TeamIDs: []string{"PQ9K7I8"}, SortBy: "name:asc",
		Includes: []pagerduty.EscalationPolicyInclude{pagerduty.IncludeEPServices, pagerduty.IncludeEPTeams},
	}), 2) {
		checkRecordedPolicy(t, "List", &ep)
		if len(ep.Services) == 0 || ep.Services[0].ID == "" || len(ep.Teams) == 0 || ep.Teams[0].ID == "" {
			t.Errorf("List: policy %s lacks its services or teams", ep.ID)
		}
	}
	page := must(c.EscalationPolicies.ListPage(ctx, &pagerduty.ListEscalationPoliciesOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Error("ListPage: no policies")
	}

	ep := must(c.EscalationPolicies.Get(ctx, "PT20YPA", &pagerduty.GetEscalationPolicyOptions{
		Includes: []pagerduty.EscalationPolicyInclude{pagerduty.IncludeEPTargets}})).ok(t, "Get")
	checkRecordedPolicy(t, "Get", ep)

	p := ep.Params()
	created := must(c.EscalationPolicies.Create(ctx, p)).ok(t, "Create")
	checkRecordedPolicy(t, "Create", created)
	p.Name = "Engineering Escalation Policy"
	p.NumLoops = pointerTo(3)
	p.Rules[0].AssignmentStrategy = pagerduty.AssignRoundRobin
	checkRecordedPolicy(t, "Update", must(c.EscalationPolicies.Update(ctx, created.ID, p)).ok(t, "Update"))
	mustDo(t, "Delete", c.EscalationPolicies.Delete(ctx, created.ID))

	for _, r := range readUpTo(t, "ListAuditRecords", c.EscalationPolicies.ListAuditRecords(ctx, "PT20YPA", &pagerduty.ListAuditRecordsOptions{
		CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2) {
		checkRecordedAudit(t, "ListAuditRecords", r)
	}
	ap := must(c.EscalationPolicies.ListAuditRecordsPage(ctx, "PT20YPA", nil)).ok(t, "ListAuditRecordsPage")
	for _, r := range ap.Items {
		checkRecordedAudit(t, "ListAuditRecordsPage", r)
	}
}
