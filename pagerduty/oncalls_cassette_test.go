package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestOnCallsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/oncalls/list")
	ctx := context.Background()

	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	ocs := readUpTo(t, "List", c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{
		TimeZone: "UTC",
		Includes: []pagerduty.OnCallInclude{pagerduty.IncludeOnCallUsers, pagerduty.IncludeOnCallEscalationPolicies, pagerduty.IncludeOnCallSchedules},
		UserIDs:  []string{"PT23IWX"}, EscalationPolicyIDs: []string{"PT20YPA"}, ScheduleIDs: []string{"PI7DH85"},
		Since: since, Until: since.Add(7 * 24 * time.Hour), Earliest: true,
		ListOptions: pagerduty.ListOptions{Limit: 10},
	}), 2)
	for _, oc := range ocs {
		if oc.User == nil || oc.User.ID == "" || oc.EscalationPolicy == nil || oc.EscalationPolicy.ID == "" || oc.EscalationLevel < 1 {
			t.Errorf("List: on-call %+v lacks a user, a policy or a level", oc)
		}
		if oc.Schedule != nil && oc.Schedule.ID == "" {
			t.Errorf("List: on-call schedule %+v has no ID", oc.Schedule)
		}
		if !oc.End.IsZero() && !oc.End.After(oc.Start) {
			t.Errorf("List: on-call from %v to %v", oc.Start, oc.End)
		}
	}
	page := must(c.OnCalls.ListPage(ctx, &pagerduty.ListOnCallsOptions{ListOptions: pagerduty.ListOptions{Limit: 25, Offset: 25, Total: true}})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Errorf("ListPage = %+v", page)
	}
}
