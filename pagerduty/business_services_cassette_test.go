package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^Test(BusinessServices|ServiceDependencies)Cassette'.

func checkRecordedBusinessService(t *testing.T, what string, b *pagerduty.BusinessService) {
	t.Helper()
	if b == nil || b.ID == "" || b.Name == "" || b.Type == "" {
		t.Errorf("%s: business service %+v lacks an ID, a name or a type", what, b)
	}
}

func TestBusinessServicesCassetteCRUD(t *testing.T) {
	c := replayClient(t, "pagerduty/business_services/crud")
	ctx := context.Background()

	for _, b := range readUpTo(t, "List", c.BusinessServices.List(ctx, &pagerduty.ListOptions{Limit: 10}), 2) {
		checkRecordedBusinessService(t, "List", &b)
	}
	page := must(c.BusinessServices.ListPage(ctx, &pagerduty.ListOptions{Limit: 5, Total: true})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no business services")
	}
	checkRecordedBusinessService(t, "ListPage", &page.Items[0])

	desc, poc := "Checkout on the web shop", "checkout@example.com"
	created := must(c.BusinessServices.Create(ctx, &pagerduty.BusinessServiceParams{
		Name: "Online checkout", Description: &desc, PointOfContact: &poc, TeamID: "P5ZI5L5"})).ok(t, "Create")
	checkRecordedBusinessService(t, "Create", created)
	got := must(c.BusinessServices.Get(ctx, created.ID)).ok(t, "Get")
	checkRecordedBusinessService(t, "Get", got)
	if got.Team == nil || got.Team.ID == "" {
		t.Errorf("Get: business service %+v has no team", got)
	}
	newName := "Checkout"
	updated := must(c.BusinessServices.Update(ctx, created.ID, &pagerduty.BusinessServiceParams{Name: newName})).ok(t, "Update")
	checkRecordedBusinessService(t, "Update", updated)
	mustDo(t, "Delete", c.BusinessServices.Delete(ctx, created.ID))
}

func TestBusinessServicesCassetteSubscribers(t *testing.T) {
	c := replayClient(t, "pagerduty/business_services/subscribers")
	ctx := context.Background()
	const id = "PD1234"

	subscribed := must(c.BusinessServices.SubscribeAccount(ctx, id)).ok(t, "SubscribeAccount")
	if !subscribed {
		t.Error("SubscribeAccount: the account is not subscribed")
	}
	mustDo(t, "UnsubscribeAccount", c.BusinessServices.UnsubscribeAccount(ctx, id))

	subs := must(c.BusinessServices.ListSubscribers(ctx, id)).ok(t, "ListSubscribers")
	if len(subs) == 0 {
		t.Fatal("ListSubscribers: no subscribers")
	}
	for _, s := range subs {
		if s.ID == "" || (s.Type != pagerduty.SubscriberUser && s.Type != pagerduty.SubscriberTeam) {
			t.Errorf("ListSubscribers: subscriber %+v lacks an ID or a known type", s)
		}
	}
	params := &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{
		{ID: "PD1234", Type: pagerduty.SubscriberUser}, {ID: "PT1234", Type: pagerduty.SubscriberTeam}}}
	made := must(c.BusinessServices.Subscribe(ctx, id, params)).ok(t, "Subscribe")
	if len(made) == 0 {
		t.Fatal("Subscribe: no subscriptions in the answer")
	}
	for _, m := range made {
		if m.SubscriberID == "" || m.SubscribableID == "" || m.Result == "" {
			t.Errorf("Subscribe: subscription %+v lacks a subscriber, an object or a result", m)
		}
	}
	res := must(c.BusinessServices.Unsubscribe(ctx, id, params)).ok(t, "Unsubscribe")
	if res.Deleted+res.Unauthorized+res.NonExistent == 0 {
		t.Errorf("Unsubscribe: %+v counts nothing", res)
	}
}

func TestBusinessServicesCassetteImpacts(t *testing.T) {
	c := replayClient(t, "pagerduty/business_services/impacts")
	ctx := context.Background()
	opts := &pagerduty.BusinessServiceImpactsOptions{
		IDs:              []string{"PD1234"},
		AdditionalFields: []pagerduty.DashboardField{pagerduty.DashboardHighestImpactingPriority, pagerduty.DashboardTotalImpactedCount},
	}
	for name, call := range map[string]func() (*pagerduty.DashboardImpacts, error){
		"ListImpacts": func() (*pagerduty.DashboardImpacts, error) { return c.BusinessServices.ListImpacts(ctx, opts) },
		"ListSupportingServiceImpacts": func() (*pagerduty.DashboardImpacts, error) {
			return c.BusinessServices.ListSupportingServiceImpacts(ctx, "PD1234", opts)
		},
	} {
		imp := must(call()).ok(t, name)
		if len(imp.Services) == 0 {
			t.Fatalf("%s: no services", name)
		}
		for _, s := range imp.Services {
			if s.ID == "" || (s.Status != pagerduty.Impacted && s.Status != pagerduty.NotImpacted) {
				t.Errorf("%s: impact %+v lacks an ID or a known status", name, s)
			}
		}
	}
	impactors := must(c.BusinessServices.ListImpactors(ctx, &pagerduty.ImpactorsOptions{IDs: []string{"PD1234"}})).ok(t, "ListImpactors")
	if len(impactors.Items) == 0 || impactors.Items[0].ID == "" || impactors.Items[0].Type != "incident" {
		t.Errorf("ListImpactors: %+v, want incidents with IDs", impactors.Items)
	}
}

func TestBusinessServicesCassettePriorityThreshold(t *testing.T) {
	c := replayClient(t, "pagerduty/business_services/priority_threshold")
	ctx := context.Background()

	// The recorded account has no threshold: the API answers null.
	if th := must(c.BusinessServices.GetPriorityThreshold(ctx)).ok(t, "GetPriorityThreshold"); th != nil {
		t.Errorf("GetPriorityThreshold = %+v, want nil (no threshold set)", th)
	}
	set := must(c.BusinessServices.SetPriorityThreshold(ctx, &pagerduty.ImpactPriority{ID: "PTLNKGF", Order: 256})).ok(t, "SetPriorityThreshold")
	if set.ID != "PTLNKGF" || set.Order != 256 {
		t.Errorf("SetPriorityThreshold = %+v, want the priority PTLNKGF of order 256", set)
	}
	mustDo(t, "DeletePriorityThreshold", c.BusinessServices.DeletePriorityThreshold(ctx))
}

func TestServiceDependenciesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/service_dependencies/all")
	ctx := context.Background()
	dep := pagerduty.ServiceDependency{
		SupportingService: pagerduty.Ref(pagerduty.DependencyTechnicalService, "P5ZI5L5"),
		DependentService:  pagerduty.Ref(pagerduty.DependencyBusinessService, "PD1234"),
	}
	check := func(what string, deps []pagerduty.ServiceDependency) {
		t.Helper()
		if len(deps) == 0 {
			t.Fatalf("%s: no dependencies", what)
		}
		for _, d := range deps {
			if d.SupportingService.ID == "" || d.SupportingService.Type == "" || d.DependentService.ID == "" || d.DependentService.Type == "" {
				t.Errorf("%s: dependency %+v lacks a service", what, d)
			}
		}
	}
	check("Associate", must(c.ServiceDependencies.Associate(ctx, dep)).ok(t, "Associate"))
	check("ListForBusinessService", must(c.ServiceDependencies.ListForBusinessService(ctx, "PD1234")).ok(t, "ListForBusinessService"))
	check("ListForTechnicalService", must(c.ServiceDependencies.ListForTechnicalService(ctx, "P5ZI5L5")).ok(t, "ListForTechnicalService"))
	check("Disassociate", must(c.ServiceDependencies.Disassociate(ctx, dep)).ok(t, "Disassociate"))
}
