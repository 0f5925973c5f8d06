package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Re-record with
//
//	PRISM_PORT=4033 scripts/record.sh ./pagerduty -run '^TestStatus(Pages|Dashboards)Cassette'

const spRecordedPage = "PR5LMML"

func spCheckRecordedPost(t *testing.T, what string, p *pagerduty.StatusPagePost) {
	t.Helper()
	if p == nil || p.ID == "" || p.Title == "" || p.PostType == "" || p.StatusPage == nil || p.StatusPage.ID == "" {
		t.Fatalf("%s: post %+v lacks an ID, a title, a type or its page", what, p)
	}
	if p.PostType == pagerduty.PostMaintenance && (p.StartsAt.IsZero() || p.EndsAt.IsZero()) {
		t.Errorf("%s: maintenance post %s has no window", what, p.ID)
	}
	if len(p.Updates) == 0 || p.Updates[0].ID == "" {
		t.Errorf("%s: post %s has no updates", what, p.ID)
	}
}

func spCheckRecordedPostUpdate(t *testing.T, what string, u *pagerduty.StatusPagePostUpdate) {
	t.Helper()
	if u == nil || u.ID == "" || u.Message == "" || u.Status == nil || u.Status.ID == "" || u.Severity == nil || u.Severity.ID == "" || u.Post == nil {
		t.Fatalf("%s: post update %+v lacks an ID, a message, a status, a severity or its post", what, u)
	}
	if u.ReportedAt.IsZero() {
		t.Errorf("%s: post update %s has no report time", what, u.ID)
	}
	for _, is := range u.ImpactedServices {
		if is.Service == nil || is.Service.ID == "" || is.Impact == nil || is.Impact.ID == "" {
			t.Errorf("%s: impacted service %+v", what, is)
		}
	}
}

func TestStatusPagesCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/status_pages/read")
	ctx := context.Background()

	pages := must(c.StatusPages.List(ctx, &pagerduty.ListStatusPagesOptions{Type: pagerduty.StatusPagePublic})).ok(t, "List")
	if len(pages.Items) == 0 {
		t.Fatal("List: no status pages")
	}
	for _, p := range pages.Items {
		if p.ID == "" || p.Name == "" || p.StatusPageType == "" || p.URL == "" || p.PublishedAt.IsZero() {
			t.Errorf("List: status page %+v lacks a field", p)
		}
	}

	services := must(c.StatusPages.ListServices(ctx, spRecordedPage)).ok(t, "ListServices")
	if len(services.Items) == 0 || services.Items[0].BusinessService == nil || services.Items[0].Name == "" {
		t.Fatalf("ListServices = %+v", services)
	}
	svc := must(c.StatusPages.GetService(ctx, spRecordedPage, services.Items[0].ID)).ok(t, "GetService")
	if svc.ID == "" || svc.BusinessService == nil || svc.BusinessService.ID == "" {
		t.Errorf("GetService = %+v", svc)
	}

	maint := &pagerduty.PostTypeFilter{PostType: pagerduty.PostMaintenance}
	impacts := must(c.StatusPages.ListImpacts(ctx, spRecordedPage, maint)).ok(t, "ListImpacts")
	if len(impacts.Items) == 0 || impacts.Items[0].Description == "" || impacts.Items[0].PostType == "" {
		t.Fatalf("ListImpacts = %+v", impacts)
	}
	if im := must(c.StatusPages.GetImpact(ctx, spRecordedPage, impacts.Items[0].ID)).ok(t, "GetImpact"); im.ID == "" || im.Description == "" {
		t.Errorf("GetImpact = %+v", im)
	}
	severities := must(c.StatusPages.ListSeverities(ctx, spRecordedPage, maint)).ok(t, "ListSeverities")
	if len(severities.Items) == 0 || severities.Items[0].Description == "" {
		t.Fatalf("ListSeverities = %+v", severities)
	}
	if sv := must(c.StatusPages.GetSeverity(ctx, spRecordedPage, severities.Items[0].ID)).ok(t, "GetSeverity"); sv.ID == "" || sv.Description == "" {
		t.Errorf("GetSeverity = %+v", sv)
	}
	statuses := must(c.StatusPages.ListStatuses(ctx, spRecordedPage, nil)).ok(t, "ListStatuses")
	if len(statuses.Items) == 0 || statuses.Items[0].Description == "" {
		t.Fatalf("ListStatuses = %+v", statuses)
	}
	if st := must(c.StatusPages.GetStatus(ctx, spRecordedPage, statuses.Items[0].ID)).ok(t, "GetStatus"); st.ID == "" || st.Description == "" {
		t.Errorf("GetStatus = %+v", st)
	}
}

func TestStatusPagesCassettePosts(t *testing.T) {
	c := replayClient(t, "pagerduty/status_pages/posts")
	ctx := context.Background()
	start := time.Date(2023, 12, 12, 11, 0, 0, 0, time.UTC)

	posts := must(c.StatusPages.ListPosts(ctx, spRecordedPage, &pagerduty.ListStatusPagePostsOptions{
		PostType: pagerduty.PostMaintenance, ReviewedStatus: pagerduty.ReviewApproved, StatusIDs: []string{"P0400H4"},
	})).ok(t, "ListPosts")
	if len(posts.Items) == 0 {
		t.Fatal("ListPosts: none")
	}
	spCheckRecordedPost(t, "ListPosts", &posts.Items[0])

	update := pagerduty.PostUpdateParams{
		Message: "<p>Database upgrade planned</p>", StatusID: "P0400H4", SeverityID: "PY5OM08",
		ImpactedServices: []pagerduty.StatusPageImpactedServiceParams{{ServiceID: "PYHMEI3", ImpactID: "PY5OM08"}},
	}
	post := must(c.StatusPages.CreatePost(ctx, spRecordedPage, &pagerduty.StatusPagePostParams{
		Title: "Database upgrade", PostType: pagerduty.PostMaintenance,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Updates: []pagerduty.PostUpdateParams{update},
	})).ok(t, "CreatePost")
	spCheckRecordedPost(t, "CreatePost", post)
	spCheckRecordedPost(t, "GetPost", must(c.StatusPages.GetPost(ctx, spRecordedPage, post.ID, &pagerduty.GetStatusPagePostOptions{
		Includes: []pagerduty.StatusPagePostInclude{pagerduty.IncludePostUpdates}})).ok(t, "GetPost"))
	// The description's example of this answer has no post ID.
	updated := must(c.StatusPages.UpdatePost(ctx, spRecordedPage, post.ID, &pagerduty.StatusPagePostParams{
		Title: "Database upgrade (extended)", PostType: pagerduty.PostMaintenance, StartsAt: start, EndsAt: start.Add(3 * time.Hour),
	})).ok(t, "UpdatePost")
	if updated.Title == "" || updated.PostType != pagerduty.PostMaintenance || updated.EndsAt.IsZero() || updated.StatusPage == nil {
		t.Errorf("UpdatePost = %+v", updated)
	}

	ups := must(c.StatusPages.ListPostUpdates(ctx, spRecordedPage, post.ID, &pagerduty.ListPostUpdatesOptions{ReviewedStatus: pagerduty.ReviewApproved})).ok(t, "ListPostUpdates")
	if len(ups.Items) == 0 {
		t.Fatal("ListPostUpdates: none")
	}
	spCheckRecordedPostUpdate(t, "ListPostUpdates", &ups.Items[0])
	update.UpdateFrequency = 30 * time.Minute
	update.NotifySubscribers = true
	created := must(c.StatusPages.CreatePostUpdate(ctx, spRecordedPage, post.ID, &update)).ok(t, "CreatePostUpdate")
	spCheckRecordedPostUpdate(t, "CreatePostUpdate", created)
	spCheckRecordedPostUpdate(t, "GetPostUpdate", must(c.StatusPages.GetPostUpdate(ctx, spRecordedPage, post.ID, created.ID)).ok(t, "GetPostUpdate"))
	update.Message = "<p>Upgrade under way</p>"
	update.ReportedAt = start.Add(10 * time.Minute)
	spCheckRecordedPostUpdate(t, "UpdatePostUpdate", must(c.StatusPages.UpdatePostUpdate(ctx, spRecordedPage, post.ID, created.ID, &update)).ok(t, "UpdatePostUpdate"))
	mustDo(t, "DeletePostUpdate", c.StatusPages.DeletePostUpdate(ctx, spRecordedPage, post.ID, created.ID))

	pm := must(c.StatusPages.SetPostmortem(ctx, spRecordedPage, post.ID, &pagerduty.PostmortemParams{Message: "<p>What happened</p>", NotifySubscribers: true})).ok(t, "SetPostmortem")
	if pm.ID == "" || pm.Message == "" || pm.Post == nil || pm.Post.ID == "" || pm.ReportedAt.IsZero() {
		t.Errorf("SetPostmortem = %+v", pm)
	}
	if got := must(c.StatusPages.GetPostmortem(ctx, spRecordedPage, post.ID)).ok(t, "GetPostmortem"); got.ID == "" || got.Message == "" {
		t.Errorf("GetPostmortem = %+v", got)
	}
	mustDo(t, "DeletePostmortem", c.StatusPages.DeletePostmortem(ctx, spRecordedPage, post.ID))
	mustDo(t, "DeletePost", c.StatusPages.DeletePost(ctx, spRecordedPage, post.ID))
}

func TestStatusPagesCassetteSubscriptions(t *testing.T) {
	c := replayClient(t, "pagerduty/status_pages/subscriptions")
	ctx := context.Background()

	subs := must(c.StatusPages.ListSubscriptions(ctx, spRecordedPage, &pagerduty.ListStatusPageSubscriptionsOptions{
		Status: pagerduty.StatusPageSubscriptionActive, Channel: pagerduty.SubscribeByEmail})).ok(t, "ListSubscriptions")
	if len(subs.Items) == 0 {
		t.Fatal("ListSubscriptions: none")
	}
	check := func(what string, s *pagerduty.StatusPageSubscription) {
		t.Helper()
		if s.ID == "" || s.Channel == "" || s.Contact == "" || s.Status == "" || s.Subscribed == nil || s.Subscribed.Type == "" {
			t.Errorf("%s: subscription %+v lacks a field", what, s)
		}
	}
	check("ListSubscriptions", &subs.Items[0])
	sub := must(c.StatusPages.CreateSubscription(ctx, spRecordedPage, &pagerduty.StatusPageSubscriptionParams{
		Channel: pagerduty.SubscribeByEmail, Contact: "joe@example.com",
		SubscribedType: pagerduty.SubscribeToService, SubscribedID: "PSX4LJI",
	})).ok(t, "CreateSubscription")
	check("CreateSubscription", sub)
	check("GetSubscription", must(c.StatusPages.GetSubscription(ctx, spRecordedPage, sub.ID)).ok(t, "GetSubscription"))
	mustDo(t, "DeleteSubscription", c.StatusPages.DeleteSubscription(ctx, spRecordedPage, sub.ID))
}
