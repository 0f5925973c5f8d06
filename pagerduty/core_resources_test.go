package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// The first resources, replayed from cassettes recorded against a mock of
// PagerDuty's OpenAPI description that validates every request.
func TestCoreResourcesCassette(t *testing.T) {
	ctx := context.Background()
	c := replayClient(t, "pagerduty/core/resources")

	abilities, err := c.Abilities.List(ctx)
	if err != nil || len(abilities) == 0 {
		t.Fatalf("Abilities.List = %v, %v", abilities, err)
	}
	has, err := c.Abilities.Has(ctx, abilities[0])
	if err != nil || !has {
		t.Errorf("Abilities.Has(%q) = %v, %v", abilities[0], has, err)
	}

	me, err := c.Users.GetCurrent(ctx, &pagerduty.GetUserOptions{Includes: []pagerduty.UserInclude{pagerduty.IncludeUserContactMethods}})
	if err != nil {
		t.Fatal(err)
	}
	if me.ID == "" || me.Email == "" || me.Name == "" {
		t.Errorf("GetCurrent = %+v, want ID, name and email", me)
	}

	var first pagerduty.Incident
	for inc, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{
		Statuses: []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged},
	}) {
		if err != nil {
			t.Fatal(err)
		}
		first = inc
		break // the mock says more: true forever
	}
	if first.ID == "" || first.Number == 0 || first.CreatedAt.IsZero() || first.Service == nil || first.Service.ID == "" {
		t.Errorf("Incidents.List first = %+v, want ID, number, time and service", first)
	}

	page, err := c.Incidents.ListPage(ctx, &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Total: true}})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("Incidents.ListPage = %+v, %v", page, err)
	}

	inc, err := c.Incidents.Get(ctx, first.ID, &pagerduty.GetIncidentOptions{Includes: []pagerduty.IncidentInclude{pagerduty.IncludeAssignees}})
	if err != nil || inc.ID == "" || inc.Title == "" {
		t.Fatalf("Incidents.Get = %+v, %v", inc, err)
	}
	byNumber, err := c.Incidents.GetByNumber(ctx, first.Number, nil)
	if err != nil || byNumber.ID == "" {
		t.Fatalf("Incidents.GetByNumber = %+v, %v", byNumber, err)
	}
}
