package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const businessServiceJSON = `{"id":"PBS1","type":"business_service","name":"Checkout","description":"Web shop","point_of_contact":"ops@example.com","team":{"id":"PT1","type":"team_reference","self":"https://api.pagerduty.com/teams/PT1"}}`

func TestBusinessServicesRequests(t *testing.T) {
	checkBS := func(t *testing.T, got any) {
		t.Helper()
		var b *pagerduty.BusinessService
		switch v := got.(type) {
		case *pagerduty.BusinessService:
			b = v
		case []pagerduty.BusinessService:
			b = &v[0]
		case *pagerduty.Page[pagerduty.BusinessService]:
			b = &v.Items[0]
			if !v.More || v.Total == nil || *v.Total != 7 {
				t.Errorf("page More=%v Total=%v, want true and 7", v.More, v.Total)
			}
		}
		if b.ID != "PBS1" || b.Name != "Checkout" || b.PointOfContact != "ops@example.com" || b.Team == nil || b.Team.ID != "PT1" {
			t.Errorf("business service %+v, want PBS1 Checkout of team PT1", b)
		}
	}
	desc := ""
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.BusinessServices.List(ctx, nil))
		}, answer: `{"business_services":[` + businessServiceJSON + `],"more":false}`,
			want: wantRequest{method: "GET", path: "/business_services", query: pageQuery()}, check: checkBS},
		{name: "ListPage", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.ListPage(ctx, &pagerduty.ListOptions{Limit: 10, Offset: 20, Total: true})
		}, answer: `{"business_services":[` + businessServiceJSON + `],"more":true,"total":7,"limit":10,"offset":20}`,
			want: wantRequest{method: "GET", path: "/business_services", query: vals("limit", "10", "offset", "20", "total", "true")}, check: checkBS},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.Get(ctx, "PBS1")
		}, answer: `{"business_service":` + businessServiceJSON + `}`,
			want: wantRequest{method: "GET", path: "/business_services/PBS1"}, check: checkBS},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.Create(ctx, &pagerduty.BusinessServiceParams{Name: "Checkout", Description: &desc, TeamID: "PT1"})
		}, answer: `{"business_service":` + businessServiceJSON + `}`,
			want: wantRequest{method: "POST", path: "/business_services", body: `{"business_service":{"name":"Checkout","description":"","team":{"id":"PT1"}}}`}, check: checkBS},
		{name: "Update sends only what is set", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			poc := "ops@example.com"
			return c.BusinessServices.Update(ctx, "PBS1", &pagerduty.BusinessServiceParams{PointOfContact: &poc})
		}, answer: `{"business_service":` + businessServiceJSON + `}`,
			want: wantRequest{method: "PUT", path: "/business_services/PBS1", body: `{"business_service":{"point_of_contact":"ops@example.com"}}`}, check: checkBS},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.BusinessServices.Delete(ctx, "PBS1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/business_services/PBS1"}},
		{name: "SubscribeAccount", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.SubscribeAccount(ctx, "PBS1")
		}, answer: `{"account_is_subscribed":true}`, want: wantRequest{method: "POST", path: "/business_services/PBS1/account_subscription"},
			check: func(t *testing.T, got any) {
				if got != true {
					t.Errorf("SubscribeAccount = %v, want true", got)
				}
			}},
		{name: "UnsubscribeAccount", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.BusinessServices.UnsubscribeAccount(ctx, "PBS1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/business_services/PBS1/account_subscription"}},
		{name: "ListSubscribers", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.ListSubscribers(ctx, "PBS1")
		}, answer: `{"subscribers":[{"subscriber_id":"PU1","subscriber_type":"user"},{"subscriber_id":"PT1","subscriber_type":"team"}],"account_id":"PACCT"}`,
			want: wantRequest{method: "GET", path: "/business_services/PBS1/subscribers"},
			check: func(t *testing.T, got any) {
				s := got.([]pagerduty.Subscriber)
				if len(s) != 2 || s[0].ID != "PU1" || s[0].Type != pagerduty.SubscriberUser || s[1].Type != pagerduty.SubscriberTeam {
					t.Errorf("subscribers %+v", s)
				}
			}},
		{name: "Subscribe", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.Subscribe(ctx, "PBS1", &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "PU1", Type: pagerduty.SubscriberUser}}})
		}, answer: `{"subscriptions":[{"subscriber_id":"PU1","subscriber_type":"user","subscribable_id":"PBS1","subscribable_type":"business_service","account_id":"PACCT","result":"success"}]}`,
			want: wantRequest{method: "POST", path: "/business_services/PBS1/subscribers", body: `{"subscribers":[{"subscriber_id":"PU1","subscriber_type":"user"}]}`},
			check: func(t *testing.T, got any) {
				s := got.([]pagerduty.NotificationSubscription)
				if len(s) != 1 || s[0].Result != pagerduty.SubscriptionSuccess || s[0].SubscribableType != pagerduty.SubscribableBusinessService {
					t.Errorf("subscriptions %+v", s)
				}
			}},
		{name: "Unsubscribe", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.Unsubscribe(ctx, "PBS1", &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "PT1", Type: pagerduty.SubscriberTeam}}})
		}, answer: `{"deleted_count":1,"unauthorized_count":0,"non_existent_count":2}`,
			want: wantRequest{method: "POST", path: "/business_services/PBS1/unsubscribe", body: `{"subscribers":[{"subscriber_id":"PT1","subscriber_type":"team"}]}`},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.UnsubscribeResult); r.Deleted != 1 || r.NonExistent != 2 {
					t.Errorf("result %+v", r)
				}
			}},
	})
}

func TestBusinessServicesImpactRequests(t *testing.T) {
	const impacts = `{"services":[{"id":"PBS1","name":"Checkout","type":"business_service","status":"impacted","additional_fields":{"highest_impacting_priority":{"id":"PP1","order":3}}}],"limit":200,"more":true,"additional_fields":{"total_impacted_count":4}}`
	checkImpacts := func(t *testing.T, got any) {
		t.Helper()
		d := got.(*pagerduty.DashboardImpacts)
		if len(d.Services) != 1 || d.Services[0].Status != pagerduty.Impacted || d.Services[0].HighestImpactingPriority == nil ||
			d.Services[0].HighestImpactingPriority.Order != 3 || !d.More || d.Limit != 200 || d.TotalImpactedCount == nil || *d.TotalImpactedCount != 4 {
			t.Errorf("impacts %+v", d)
		}
	}
	opts := &pagerduty.BusinessServiceImpactsOptions{IDs: []string{"PBS1", "PBS2"}, AdditionalFields: []pagerduty.DashboardField{pagerduty.DashboardTotalImpactedCount}}
	q := vals("ids[]", "PBS1", "ids[]", "PBS2", "additional_fields[]", "total_impacted_count")
	runAPICases(t, []apiCase{
		{name: "ListImpacts", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.ListImpacts(ctx, opts)
		}, answer: impacts, want: wantRequest{method: "GET", path: "/business_services/impacts", query: q}, check: checkImpacts},
		{name: "ListSupportingServiceImpacts", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.ListSupportingServiceImpacts(ctx, "PBS9", opts)
		}, answer: impacts, want: wantRequest{method: "GET", path: "/business_services/PBS9/supporting_services/impacts", query: q}, check: checkImpacts},
		{name: "ListImpactors", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.ListImpactors(ctx, &pagerduty.ImpactorsOptions{IDs: []string{"PBS1"}})
		}, answer: `{"impactors":[{"id":"PINC1","type":"incident"}],"limit":200,"more":false}`,
			want: wantRequest{method: "GET", path: "/business_services/impactors", query: vals("ids[]", "PBS1")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.Impactor])
				if len(p.Items) != 1 || p.Items[0].ID != "PINC1" || p.Items[0].Type != "incident" || p.More {
					t.Errorf("impactors %+v", p)
				}
			}},
		{name: "GetPriorityThreshold", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.GetPriorityThreshold(ctx)
		}, answer: `{"global_threshold":{"id":"PP1","order":64}}`, want: wantRequest{method: "GET", path: "/business_services/priority_thresholds"},
			check: func(t *testing.T, got any) {
				if th := got.(*pagerduty.ImpactPriority); th == nil || th.ID != "PP1" || th.Order != 64 {
					t.Errorf("threshold %+v", th)
				}
			}},
		{name: "GetPriorityThreshold none", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.GetPriorityThreshold(ctx)
		}, answer: `{"global_threshold":null}`, want: wantRequest{method: "GET", path: "/business_services/priority_thresholds"},
			check: func(t *testing.T, got any) {
				if th := got.(*pagerduty.ImpactPriority); th != nil {
					t.Errorf("threshold %+v, want nil", th)
				}
			}},
		{name: "SetPriorityThreshold", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.BusinessServices.SetPriorityThreshold(ctx, &pagerduty.ImpactPriority{ID: "PP1", Order: 64})
		}, answer: `{"global_threshold":{"id":"PP1","order":64}}`,
			want: wantRequest{method: "PUT", path: "/business_services/priority_thresholds", body: `{"global_threshold":{"id":"PP1","order":64}}`},
			check: func(t *testing.T, got any) {
				if th := got.(*pagerduty.ImpactPriority); th.ID != "PP1" || th.Order != 64 {
					t.Errorf("threshold %+v", th)
				}
			}},
		{name: "DeletePriorityThreshold", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.BusinessServices.DeletePriorityThreshold(ctx)
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/business_services/priority_thresholds"}},
	})
}

func TestBusinessServicesRejectBadInput(t *testing.T) {
	bs := func(ctx context.Context, c *pagerduty.Client) *pagerduty.BusinessServicesService {
		return c.BusinessServices
	}
	runBadCalls(t, []badCall{
		{"List limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(bs(ctx, c).List(ctx, &pagerduty.ListOptions{Limit: 101}))
		}, "Limit 101 is out of range"},
		{"ListPage offset", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).ListPage(ctx, &pagerduty.ListOptions{Offset: -1})
			return err
		}, "Offset -1 is negative"},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Get(ctx, "../x")
			return err
		}, "invalid ID"},
		{"Create no name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Create(ctx, &pagerduty.BusinessServiceParams{})
			return err
		}, "Name is required"},
		{"Create bad team", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Create(ctx, &pagerduty.BusinessServiceParams{Name: "x", TeamID: "a/b"})
			return err
		}, "TeamID"},
		{"Update nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Update(ctx, "PBS1", nil)
			return err
		}, "changes nothing"},
		{"Subscribe none", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Subscribe(ctx, "PBS1", nil)
			return err
		}, "Subscribers"},
		{"Unsubscribe bad type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).Unsubscribe(ctx, "PBS1", &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{{ID: "PU1", Type: "robot"}}})
			return err
		}, `"robot" is not accepted`},
		{"ListImpacts bad field", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).ListImpacts(ctx, &pagerduty.BusinessServiceImpactsOptions{AdditionalFields: []pagerduty.DashboardField{"everything"}})
			return err
		}, "AdditionalFields"},
		{"ListSupportingServiceImpacts bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).ListSupportingServiceImpacts(ctx, "PBS1", &pagerduty.BusinessServiceImpactsOptions{IDs: []string{"a b"}})
			return err
		}, "IDs"},
		{"ListImpactors bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).ListImpactors(ctx, &pagerduty.ImpactorsOptions{IDs: []string{""}})
			return err
		}, "IDs"},
		{"SetPriorityThreshold no ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).SetPriorityThreshold(ctx, &pagerduty.ImpactPriority{Order: 1})
			return err
		}, "ID is required"},
		{"SetPriorityThreshold negative", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := bs(ctx, c).SetPriorityThreshold(ctx, &pagerduty.ImpactPriority{ID: "PP1", Order: -1})
			return err
		}, "negative"},
	})
}
