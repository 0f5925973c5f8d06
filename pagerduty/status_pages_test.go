package pagerduty_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const spPageRef = `{"id":"PR5LMML","type":"status_page"}`

func spRef(id, typ string) *pagerduty.Reference { return &pagerduty.Reference{ID: id, Type: typ} }

func TestStatusPagesReadRequests(t *testing.T) {
	ctx := context.Background()
	pr := spRef("PR5LMML", "status_page")
	runAACases(t, []aaCase{
		{"List", aaCall{method: "GET", path: "/status_pages", query: url.Values{"status_page_type": {"public"}},
			answer: `{"limit":25,"more":true,"offset":0,"total":null,"status_pages":[{"id":"PT4KHLK","name":"Brand","published_at":"2017-09-13T10:11:12.000Z","status_page_type":"public","type":"status_page","url":"https://status.example"},{"id":"PT2","name":"Draft","published_at":null,"status_page_type":"public","type":"status_page"}]}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.List(ctx, &pagerduty.ListStatusPagesOptions{Type: pagerduty.StatusPagePublic})
			},
			&pagerduty.Page[pagerduty.StatusPage]{Limit: 25, More: true, Items: []pagerduty.StatusPage{
				{ID: "PT4KHLK", Type: "status_page", Name: "Brand", StatusPageType: pagerduty.StatusPagePublic, URL: "https://status.example", PublishedAt: time.Date(2017, 9, 13, 10, 11, 12, 0, time.UTC)},
				{ID: "PT2", Type: "status_page", Name: "Draft", StatusPageType: pagerduty.StatusPagePublic},
			}}},
		{"ListServices", aaCall{method: "GET", path: "/status_pages/PR5LMML/services",
			answer: `{"limit":25,"more":false,"offset":0,"services":[{"id":"PYHMEI3","name":"Web","self":"s","type":"status_page_service","status_page":` + spPageRef + `,"business_service":{"id":"PD1","type":"business_service"}}]}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.ListServices(ctx, "PR5LMML") },
			&pagerduty.Page[pagerduty.StatusPageService]{Limit: 25, Items: []pagerduty.StatusPageService{
				{ID: "PYHMEI3", Type: "status_page_service", Self: "s", Name: "Web", StatusPage: pr, BusinessService: spRef("PD1", "business_service")}}}},
		{"GetService", aaCall{method: "GET", path: "/status_pages/PR5LMML/services/PYHMEI3",
			answer: `{"service":{"id":"PYHMEI3","name":"Web","business_service":{"id":"PD1","type":"business_service"}}}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetService(ctx, "PR5LMML", "PYHMEI3") },
			&pagerduty.StatusPageService{ID: "PYHMEI3", Name: "Web", BusinessService: spRef("PD1", "business_service")}},
		{"ListImpacts", aaCall{method: "GET", path: "/status_pages/PR5LMML/impacts", query: url.Values{"post_type": {"incident"}},
			answer: `{"impacts":[{"id":"PY5OM08","description":"Major outage","post_type":"incident","status_page":` + spPageRef + `,"type":"status_page_impact"}]}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.ListImpacts(ctx, "PR5LMML", &pagerduty.PostTypeFilter{PostType: pagerduty.PostIncident})
			},
			&pagerduty.Page[pagerduty.StatusPageImpact]{Items: []pagerduty.StatusPageImpact{
				{ID: "PY5OM08", Type: "status_page_impact", Description: "Major outage", PostType: pagerduty.PostIncident, StatusPage: pr}}}},
		{"GetImpact", aaCall{method: "GET", path: "/status_pages/PR5LMML/impacts/PY5OM08",
			answer: `{"impact":{"id":"PY5OM08","description":"Major outage","post_type":"incident"}}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetImpact(ctx, "PR5LMML", "PY5OM08") },
			&pagerduty.StatusPageImpact{ID: "PY5OM08", Description: "Major outage", PostType: pagerduty.PostIncident}},
		{"ListSeverities", aaCall{method: "GET", path: "/status_pages/PR5LMML/severities",
			answer: `{"severities":[{"id":"PS1","description":"minor","post_type":"maintenance","type":"status_page_severity"}]}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.ListSeverities(ctx, "PR5LMML", nil) },
			&pagerduty.Page[pagerduty.StatusPageSeverity]{Items: []pagerduty.StatusPageSeverity{
				{ID: "PS1", Type: "status_page_severity", Description: "minor", PostType: pagerduty.PostMaintenance}}}},
		{"GetSeverity", aaCall{method: "GET", path: "/status_pages/PR5LMML/severities/PS1",
			answer: `{"severity":{"id":"PS1","description":"minor","post_type":"maintenance"}}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetSeverity(ctx, "PR5LMML", "PS1") },
			&pagerduty.StatusPageSeverity{ID: "PS1", Description: "minor", PostType: pagerduty.PostMaintenance}},
		{"ListStatuses", aaCall{method: "GET", path: "/status_pages/PR5LMML/statuses", query: url.Values{"post_type": {"maintenance"}},
			answer: `{"statuses":[{"id":"P0400H4","description":"Scheduled","post_type":"maintenance"}],"more":false}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.ListStatuses(ctx, "PR5LMML", &pagerduty.PostTypeFilter{PostType: pagerduty.PostMaintenance})
			},
			&pagerduty.Page[pagerduty.StatusPageStatus]{Items: []pagerduty.StatusPageStatus{
				{ID: "P0400H4", Description: "Scheduled", PostType: pagerduty.PostMaintenance}}}},
		{"GetStatus", aaCall{method: "GET", path: "/status_pages/PR5LMML/statuses/P0400H4",
			answer: `{"status":{"id":"P0400H4","description":"Scheduled","post_type":"maintenance"}}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetStatus(ctx, "PR5LMML", "P0400H4") },
			&pagerduty.StatusPageStatus{ID: "P0400H4", Description: "Scheduled", PostType: pagerduty.PostMaintenance}},
	})
}

const spPostJSON = `{"id":"PIJ90N7","type":"status_page_post","self":"s","title":"DB upgrade","post_type":"maintenance",
	"starts_at":"2023-12-12T11:00:00.000Z","ends_at":"2023-12-12T13:00:00.000Z","status_page":{"id":"PR5LMML","type":"status_page"},
	"linked_resource":{"id":"Q1","type":"incident"},"postmortem":{"id":"PWZ0PTR","type":"status_page_postmortem"},
	"updates":[{"id":"P7HUBBZ","type":"status_page_post_update"}]}`

func spWantPost() *pagerduty.StatusPagePost {
	start := time.Date(2023, 12, 12, 11, 0, 0, 0, time.UTC)
	return &pagerduty.StatusPagePost{
		ID: "PIJ90N7", Type: "status_page_post", Self: "s", Title: "DB upgrade", PostType: pagerduty.PostMaintenance,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), StatusPage: spRef("PR5LMML", "status_page"),
		LinkedResource: spRef("Q1", "incident"), Postmortem: spRef("PWZ0PTR", "status_page_postmortem"),
		Updates: []pagerduty.StatusPagePostUpdate{{ID: "P7HUBBZ", Type: "status_page_post_update"}},
	}
}

const spPostUpdateJSON = `{"id":"PXSOCH0","type":"status_page_post_update","message":"<p>Under way</p>",
	"post":{"id":"PIJ90N7","type":"status_page_post"},"reviewed_status":"approved",
	"status":{"id":"P0400H4","type":"status_page_status"},"severity":{"id":"PY5OM08","type":"status_page_severity"},
	"impacted_services":[{"service":{"id":"PYHMEI3","type":"status_page_service"},"impact":{"id":"PY5OM08","type":"status_page_impact"}}],
	"update_frequency_ms":1800000,"notify_subscribers":true,"reported_at":"2023-12-12T10:08:19.000Z"}`

func spWantPostUpdate() *pagerduty.StatusPagePostUpdate {
	return &pagerduty.StatusPagePostUpdate{
		ID: "PXSOCH0", Type: "status_page_post_update", Message: "<p>Under way</p>", Post: spRef("PIJ90N7", "status_page_post"),
		ReviewedStatus: pagerduty.ReviewApproved, Status: spRef("P0400H4", "status_page_status"), Severity: spRef("PY5OM08", "status_page_severity"),
		ImpactedServices:  []pagerduty.StatusPageImpactedService{{Service: spRef("PYHMEI3", "status_page_service"), Impact: spRef("PY5OM08", "status_page_impact")}},
		UpdateFrequencyMS: pointerTo(1800000), NotifySubscribers: true, ReportedAt: time.Date(2023, 12, 12, 10, 8, 19, 0, time.UTC),
	}
}

func TestStatusPagePostUpdateNextUpdateIn(t *testing.T) {
	u := spWantPostUpdate()
	if d, ok := u.NextUpdateIn(); !ok || d != 30*time.Minute {
		t.Errorf("NextUpdateIn = %v, %v; want 30m, true", d, ok)
	}
	u.UpdateFrequencyMS = nil
	if d, ok := u.NextUpdateIn(); ok || d != 0 {
		t.Errorf("NextUpdateIn without a promise = %v, %v; want 0, false", d, ok)
	}
}

func TestStatusPagePostsRequests(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2023, 12, 12, 11, 0, 0, 0, time.UTC)
	upd := pagerduty.PostUpdateParams{Message: "<p>Planned</p>", StatusID: "P0400H4", SeverityID: "PY5OM08",
		ImpactedServices: []pagerduty.StatusPageImpactedServiceParams{{ServiceID: "PYHMEI3", ImpactID: "PY5OM08"}}}
	updWire := func(postID string, extra string) string {
		return `{"type":"status_page_post_update","post":{"id":"` + postID + `","type":"status_page_post"},"message":"<p>Planned</p>",
			"status":{"id":"P0400H4","type":"status_page_status"},"severity":{"id":"PY5OM08","type":"status_page_severity"},
			"impacted_services":[{"service":{"id":"PYHMEI3","type":"status_page_service"},"impact":{"id":"PY5OM08","type":"status_page_impact"}}]` + extra + `}`
	}
	runAACases(t, []aaCase{
		{"ListPosts", aaCall{method: "GET", path: "/status_pages/PR5LMML/posts",
			query:  url.Values{"post_type": {"maintenance"}, "reviewed_status": {"not_reviewed"}, "status[]": {"S1", "S2"}},
			answer: `{"posts":[` + spPostJSON + `],"limit":25,"offset":0,"more":false,"total":1}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.ListPosts(ctx, "PR5LMML", &pagerduty.ListStatusPagePostsOptions{
					PostType: pagerduty.PostMaintenance, ReviewedStatus: pagerduty.ReviewNotReviewed, StatusIDs: []string{"S1", "S2"}})
			},
			&pagerduty.Page[pagerduty.StatusPagePost]{Items: []pagerduty.StatusPagePost{*spWantPost()}, Limit: 25, Total: pointerTo(1)}},
		{"GetPost", aaCall{method: "GET", path: "/status_pages/PR5LMML/posts/PIJ90N7", query: url.Values{"include[]": {"status_page_post_update"}},
			answer: `{"post":` + spPostJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.GetPost(ctx, "PR5LMML", "PIJ90N7", &pagerduty.GetStatusPagePostOptions{Includes: []pagerduty.StatusPagePostInclude{pagerduty.IncludePostUpdates}})
			},
			spWantPost()},
		{"CreatePostMaintenance", aaCall{method: "POST", path: "/status_pages/PR5LMML/posts", status: 201,
			body: `{"post":{"type":"status_page_post","title":"DB upgrade","post_type":"maintenance",
				"starts_at":"2023-12-12T11:00:00Z","ends_at":"2023-12-12T13:00:00Z","status_page":{"id":"PR5LMML","type":"status_page"},
				"updates":[` + updWire("", `,"update_frequency_ms":null,"notify_subscribers":false`) + `]}}`,
			answer: `{"post":` + spPostJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.CreatePost(ctx, "PR5LMML", &pagerduty.StatusPagePostParams{Title: "DB upgrade", PostType: pagerduty.PostMaintenance,
					StartsAt: start, EndsAt: start.Add(2 * time.Hour), Updates: []pagerduty.PostUpdateParams{upd}})
			},
			spWantPost()},
		{"CreatePostIncident", aaCall{method: "POST", path: "/status_pages/PR5LMML/posts", status: 201,
			body: `{"post":{"type":"status_page_post","title":"Outage","post_type":"incident","starts_at":null,"ends_at":null,
				"status_page":{"id":"PR5LMML","type":"status_page"},
				"updates":[` + updWire("", `,"update_frequency_ms":900000,"notify_subscribers":true,"reported_at":"2023-12-12T11:00:00Z"`) + `]}}`,
			answer: `{"post":` + spPostJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				u := upd
				u.UpdateFrequency, u.NotifySubscribers, u.ReportedAt = 15*time.Minute, true, start
				return c.StatusPages.CreatePost(ctx, "PR5LMML", &pagerduty.StatusPagePostParams{Title: "Outage", PostType: pagerduty.PostIncident,
					Updates: []pagerduty.PostUpdateParams{u}})
			},
			spWantPost()},
		{"UpdatePost", aaCall{method: "PUT", path: "/status_pages/PR5LMML/posts/PIJ90N7",
			body: `{"post":{"type":"status_page_post","title":"DB upgrade","post_type":"maintenance",
				"starts_at":"2023-12-12T11:00:00Z","ends_at":"2023-12-12T14:00:00Z","status_page":{"id":"PR5LMML","type":"status_page"}}}`,
			answer: `{"post":` + spPostJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.UpdatePost(ctx, "PR5LMML", "PIJ90N7", &pagerduty.StatusPagePostParams{Title: "DB upgrade", PostType: pagerduty.PostMaintenance,
					StartsAt: start, EndsAt: start.Add(3 * time.Hour)})
			},
			spWantPost()},
		{"DeletePost", aaCall{method: "DELETE", path: "/status_pages/PR5LMML/posts/PIJ90N7", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.StatusPages.DeletePost(ctx, "PR5LMML", "PIJ90N7")
			}, nil},
		{"ListPostUpdates", aaCall{method: "GET", path: "/status_pages/PR5LMML/posts/PIJ90N7/post_updates", query: url.Values{"reviewed_status": {"approved"}},
			answer: `{"post_updates":[` + spPostUpdateJSON + `],"more":false}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.ListPostUpdates(ctx, "PR5LMML", "PIJ90N7", &pagerduty.ListPostUpdatesOptions{ReviewedStatus: pagerduty.ReviewApproved})
			},
			&pagerduty.Page[pagerduty.StatusPagePostUpdate]{Items: []pagerduty.StatusPagePostUpdate{*spWantPostUpdate()}}},
		{"GetPostUpdate", aaCall{method: "GET", path: "/status_pages/PR5LMML/posts/PIJ90N7/post_updates/PXSOCH0", answer: `{"post_update":` + spPostUpdateJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.GetPostUpdate(ctx, "PR5LMML", "PIJ90N7", "PXSOCH0")
			},
			spWantPostUpdate()},
		{"CreatePostUpdate", aaCall{method: "POST", path: "/status_pages/PR5LMML/posts/PIJ90N7/post_updates", status: 201,
			body:   `{"post_update":` + updWire("PIJ90N7", `,"update_frequency_ms":null,"notify_subscribers":false`) + `}`,
			answer: `{"post_update":` + spPostUpdateJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.CreatePostUpdate(ctx, "PR5LMML", "PIJ90N7", &upd)
			},
			spWantPostUpdate()},
		{"UpdatePostUpdate", aaCall{method: "PUT", path: "/status_pages/PR5LMML/posts/PIJ90N7/post_updates/PXSOCH0",
			body:   `{"post_update":` + updWire("PIJ90N7", `,"update_frequency_ms":60000,"notify_subscribers":true`) + `}`,
			answer: `{"post_update":` + spPostUpdateJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				u := upd
				u.UpdateFrequency, u.NotifySubscribers = time.Minute, true
				return c.StatusPages.UpdatePostUpdate(ctx, "PR5LMML", "PIJ90N7", "PXSOCH0", &u)
			},
			spWantPostUpdate()},
		{"DeletePostUpdate", aaCall{method: "DELETE", path: "/status_pages/PR5LMML/posts/PIJ90N7/post_updates/PXSOCH0", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.StatusPages.DeletePostUpdate(ctx, "PR5LMML", "PIJ90N7", "PXSOCH0")
			}, nil},
	})
}

func TestStatusPagePostmortemAndSubscriptionRequests(t *testing.T) {
	ctx := context.Background()
	pmJSON := `{"id":"PWZ0PTR","type":"status_page_postmortem","post":{"id":"PIJ90N7","type":"status_page_post"},"message":"<p>Why</p>","notify_subscribers":true,"reported_at":"2023-12-13T09:00:00Z"}`
	pm := &pagerduty.StatusPagePostmortem{ID: "PWZ0PTR", Type: "status_page_postmortem", Post: spRef("PIJ90N7", "status_page_post"),
		Message: "<p>Why</p>", NotifySubscribers: true, ReportedAt: time.Date(2023, 12, 13, 9, 0, 0, 0, time.UTC)}
	subJSON := `{"id":"PB1","type":"status_page_subscription","channel":"webhook","contact":"https://hooks.example/x","status":"pending",
		"status_page":{"id":"PR5LMML","type":"status_page"},"subscribable_object":{"id":"PIJ90N7","type":"status_page_post"}}`
	sub := &pagerduty.StatusPageSubscription{ID: "PB1", Type: "status_page_subscription", Channel: pagerduty.SubscribeByWebhook,
		Contact: "https://hooks.example/x", Status: pagerduty.StatusPageSubscriptionPending, StatusPage: spRef("PR5LMML", "status_page"),
		Subscribed: spRef("PIJ90N7", "status_page_post")}
	runAACases(t, []aaCase{
		{"GetPostmortem", aaCall{method: "GET", path: "/status_pages/PR5LMML/posts/PIJ90N7/postmortem", answer: `{"postmortem":` + pmJSON + `}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetPostmortem(ctx, "PR5LMML", "PIJ90N7") }, pm},
		{"SetPostmortem", aaCall{method: "PUT", path: "/status_pages/PR5LMML/posts/PIJ90N7/postmortem",
			body:   `{"postmortem":{"type":"status_page_post_postmortem","post":{"id":"PIJ90N7","type":"status_page_post"},"message":"<p>Why</p>","notify_subscribers":false}}`,
			answer: `{"postmortem":` + pmJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.SetPostmortem(ctx, "PR5LMML", "PIJ90N7", &pagerduty.PostmortemParams{Message: "<p>Why</p>"})
			}, pm},
		{"DeletePostmortem", aaCall{method: "DELETE", path: "/status_pages/PR5LMML/posts/PIJ90N7/postmortem", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.StatusPages.DeletePostmortem(ctx, "PR5LMML", "PIJ90N7")
			}, nil},
		{"ListSubscriptions", aaCall{method: "GET", path: "/status_pages/PR5LMML/subscriptions", query: url.Values{"status": {"pending"}, "channel": {"slack"}},
			answer: `{"subscriptions":[` + subJSON + `],"limit":25,"more":false}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.ListSubscriptions(ctx, "PR5LMML", &pagerduty.ListStatusPageSubscriptionsOptions{
					Status: pagerduty.StatusPageSubscriptionPending, Channel: pagerduty.SubscribeBySlack})
			},
			&pagerduty.Page[pagerduty.StatusPageSubscription]{Items: []pagerduty.StatusPageSubscription{*sub}, Limit: 25}},
		{"GetSubscription", aaCall{method: "GET", path: "/status_pages/PR5LMML/subscriptions/PB1", answer: `{"subscription":` + subJSON + `}`},
			func(c *pagerduty.Client) (any, error) { return c.StatusPages.GetSubscription(ctx, "PR5LMML", "PB1") }, sub},
		{"CreateSubscriptionToPost", aaCall{method: "POST", path: "/status_pages/PR5LMML/subscriptions", status: 201,
			body: `{"subscription":{"type":"status_page_subscription","channel":"webhook","contact":"https://hooks.example/x",
				"status_page":{"id":"PR5LMML","type":"status_page"},"subscribable_object":{"id":"PIJ90N7","type":"status_page_post"}}}`,
			answer: `{"subscription":` + subJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.CreateSubscription(ctx, "PR5LMML", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByWebhook,
					Contact: "https://hooks.example/x", SubscribedType: pagerduty.SubscribeToPost, SubscribedID: "PIJ90N7"})
			}, sub},
		{"CreateSubscriptionToPage", aaCall{method: "POST", path: "/status_pages/PR5LMML/subscriptions", status: 201,
			body: `{"subscription":{"type":"status_page_subscription","channel":"email","contact":"joe@example.com",
				"status_page":{"id":"PR5LMML","type":"status_page"},"subscribable_object":{"id":"PR5LMML","type":"status_page"}}}`,
			answer: `{"subscription":` + subJSON + `}`},
			func(c *pagerduty.Client) (any, error) {
				return c.StatusPages.CreateSubscription(ctx, "PR5LMML", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByEmail, Contact: "joe@example.com"})
			}, sub},
		{"DeleteSubscription", aaCall{method: "DELETE", path: "/status_pages/PR5LMML/subscriptions/PB1", status: 204},
			func(c *pagerduty.Client) (any, error) {
				return nil, c.StatusPages.DeleteSubscription(ctx, "PR5LMML", "PB1")
			}, nil},
	})
}

func TestStatusPagesValidation(t *testing.T) {
	ctx := context.Background()
	c := aaNoRequest(t)
	start := time.Date(2023, 12, 12, 11, 0, 0, 0, time.UTC)
	upd := pagerduty.PostUpdateParams{Message: "m", StatusID: "S1", SeverityID: "V1"}
	post := func(edit func(p *pagerduty.StatusPagePostParams)) *pagerduty.StatusPagePostParams {
		p := &pagerduty.StatusPagePostParams{Title: "t", PostType: pagerduty.PostMaintenance, StartsAt: start, EndsAt: start.Add(time.Hour),
			Updates: []pagerduty.PostUpdateParams{upd}}
		edit(p)
		return p
	}
	long := make([]rune, 129)
	for i := range long {
		long[i] = 'é'
	}
	for _, tc := range []struct {
		name  string
		p     *pagerduty.StatusPagePostParams
		words []string
	}{
		{"nil", nil, []string{"required"}},
		{"no title", post(func(p *pagerduty.StatusPagePostParams) { p.Title = "" }), []string{"Title is required"}},
		{"long title", post(func(p *pagerduty.StatusPagePostParams) { p.Title = string(long) }), []string{"129 characters", "128"}},
		{"no type", post(func(p *pagerduty.StatusPagePostParams) { p.PostType = "" }), []string{"PostType is required"}},
		{"bad type", post(func(p *pagerduty.StatusPagePostParams) { p.PostType = "outage" }), []string{`"outage"`, "incident, maintenance"}},
		{"maintenance without window", post(func(p *pagerduty.StatusPagePostParams) { p.EndsAt = time.Time{} }), []string{"StartsAt and EndsAt"}},
		{"window backwards", post(func(p *pagerduty.StatusPagePostParams) { p.EndsAt = start.Add(-time.Hour) }), []string{"EndsAt", "after StartsAt"}},
		{"no updates", post(func(p *pagerduty.StatusPagePostParams) { p.Updates = nil }), []string{"Updates is required"}},
		{"too many updates", post(func(p *pagerduty.StatusPagePostParams) { p.Updates = make([]pagerduty.PostUpdateParams, 51) }), []string{"51", "at most 50"}},
		{"bad update", post(func(p *pagerduty.StatusPagePostParams) { p.Updates[0].Message = "" }), []string{"Updates[0]", "Message is required"}},
	} {
		_, err := c.StatusPages.CreatePost(ctx, "PR5LMML", tc.p)
		aaWantErr(t, "CreatePost, "+tc.name, err, tc.words...)
	}
	_, err := c.StatusPages.UpdatePost(ctx, "PR5LMML", "P1", post(func(*pagerduty.StatusPagePostParams) {}))
	aaWantErr(t, "UpdatePost with updates", err, "UpdatePostUpdate")

	for _, tc := range []struct {
		name  string
		edit  func(u *pagerduty.PostUpdateParams)
		words []string
	}{
		{"no message", func(u *pagerduty.PostUpdateParams) { u.Message = "" }, []string{"Message is required"}},
		{"no status", func(u *pagerduty.PostUpdateParams) { u.StatusID = "" }, []string{"StatusID is required"}},
		{"no severity", func(u *pagerduty.PostUpdateParams) { u.SeverityID = "" }, []string{"SeverityID is required"}},
		{"bad status", func(u *pagerduty.PostUpdateParams) { u.StatusID = "a/b" }, []string{"StatusID"}},
		{"negative frequency", func(u *pagerduty.PostUpdateParams) { u.UpdateFrequency = -time.Minute }, []string{"negative"}},
		{"sub-millisecond frequency", func(u *pagerduty.PostUpdateParams) { u.UpdateFrequency = time.Microsecond }, []string{"milliseconds"}},
		{"bad impacted service", func(u *pagerduty.PostUpdateParams) {
			u.ImpactedServices = []pagerduty.StatusPageImpactedServiceParams{{ServiceID: "S", ImpactID: ""}}
		}, []string{"ImpactedServices[0].ImpactID"}},
	} {
		u := upd
		tc.edit(&u)
		_, err := c.StatusPages.CreatePostUpdate(ctx, "PR5LMML", "P1", &u)
		aaWantErr(t, "CreatePostUpdate, "+tc.name, err, tc.words...)
	}

	_, err = c.StatusPages.SetPostmortem(ctx, "PR5LMML", "P1", &pagerduty.PostmortemParams{})
	aaWantErr(t, "SetPostmortem without a message", err, "Message is required")
	_, err = c.StatusPages.SetPostmortem(ctx, "PR5LMML", "P1", &pagerduty.PostmortemParams{Message: string(make([]byte, 10001))})
	aaWantErr(t, "SetPostmortem too long", err, "10000")

	for _, tc := range []struct {
		name  string
		p     *pagerduty.StatusPageSubscriptionParams
		words []string
	}{
		{"nil", nil, []string{"Channel is required"}},
		{"slack", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeBySlack, Contact: "x"}, []string{`"slack"`, "email, webhook"}},
		{"no contact", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByEmail}, []string{"Contact is required"}},
		{"ID without type", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByEmail, Contact: "x", SubscribedID: "P1"}, []string{"SubscribedType is required"}},
		{"service without ID", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByEmail, Contact: "x", SubscribedType: pagerduty.SubscribeToService}, []string{"SubscribedID is required"}},
		{"bad type", &pagerduty.StatusPageSubscriptionParams{Channel: pagerduty.SubscribeByEmail, Contact: "x", SubscribedType: "team", SubscribedID: "P1"}, []string{`"team"`}},
	} {
		_, err := c.StatusPages.CreateSubscription(ctx, "PR5LMML", tc.p)
		aaWantErr(t, "CreateSubscription, "+tc.name, err, tc.words...)
	}

	_, err = c.StatusPages.List(ctx, &pagerduty.ListStatusPagesOptions{Type: "internal"})
	aaWantErr(t, "List with a bad type", err, `"internal"`, "public, private")
	_, err = c.StatusPages.ListImpacts(ctx, "PR5LMML", &pagerduty.PostTypeFilter{PostType: "x"})
	aaWantErr(t, "ListImpacts with a bad post type", err, "PostType")
	_, err = c.StatusPages.ListPosts(ctx, "PR5LMML", &pagerduty.ListStatusPagePostsOptions{ReviewedStatus: "yes"})
	aaWantErr(t, "ListPosts with a bad review state", err, "ReviewedStatus", "approved, not_reviewed")
	_, err = c.StatusPages.ListPosts(ctx, "PR5LMML", &pagerduty.ListStatusPagePostsOptions{StatusIDs: []string{"a b"}})
	aaWantErr(t, "ListPosts with a bad status", err, "StatusIDs")
	_, err = c.StatusPages.GetPost(ctx, "PR5LMML", "P1", &pagerduty.GetStatusPagePostOptions{Includes: []pagerduty.StatusPagePostInclude{"postmortem"}})
	aaWantErr(t, "GetPost with a bad include", err, "Includes")
	_, err = c.StatusPages.ListSubscriptions(ctx, "PR5LMML", &pagerduty.ListStatusPageSubscriptionsOptions{Status: pagerduty.StatusPageSubscriptionSuspended})
	aaWantErr(t, "ListSubscriptions by a state the filter refuses", err, "Status", "active, pending")
	_, err = c.StatusPages.GetPostUpdate(ctx, "PR5LMML", "P1", "../x")
	aaWantErr(t, "GetPostUpdate with a bad ID", err, "post_update_id")
}
