package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

// statusPageFake is an account with one public status page, its
// vocabulary, and one incident post.
func statusPageFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /status_pages", jsonOf(t, `{"status_pages":[
		{"id":"PSP0001","name":"Acme Status","status_page_type":"public","url":"https://status.acme.test","published_at":"2026-01-01T00:00:00Z"},
		{"id":"PSP0002","name":"Internal","status_page_type":"private"}]}`))
	f.answer("GET /status_pages/PSP0001/statuses", jsonOf(t, `{"statuses":[
		{"id":"PST0001","description":"investigating","post_type":"incident"},{"id":"PST0002","description":"identified","post_type":"incident"},
		{"id":"PST0003","description":"monitoring","post_type":"incident"},{"id":"PST0004","description":"resolved","post_type":"incident"}]}`))
	f.answer("GET /status_pages/PSP0001/severities", jsonOf(t, `{"severities":[{"id":"PSV0001","description":"minor","post_type":"incident"},{"id":"PSV0002","description":"major","post_type":"incident"}]}`))
	f.answer("GET /status_pages/PSP0001/impacts", jsonOf(t, `{"impacts":[{"id":"PIM0001","description":"degraded","post_type":"incident"},{"id":"PIM0002","description":"major outage","post_type":"incident"}]}`))
	f.answer("GET /status_pages/PSP0001/services", jsonOf(t, `{"services":[{"id":"PSPS001","name":"Checkout"},{"id":"PSPS002","name":"Search"}]}`))
	post := `{"id":"PPOST01","title":"Checkout errors","post_type":"incident","updates":[
		{"id":"PUPD001","message":"We are looking into it","status":{"id":"PST0001","type":"status_page_status"},"severity":{"id":"PSV0002","type":"status_page_severity"},"reported_at":"2026-11-24T11:00:00Z","notify_subscribers":true}]}`
	f.answer("GET /status_pages/PSP0001/posts", jsonOf(t, `{"posts":[`+post+`]}`))
	f.answer("GET /status_pages/PSP0001/posts/PPOST01", jsonOf(t, `{"post":`+post+`}`))
	f.on("POST /status_pages/PSP0001/posts", func(r *fakeRequest) (int, any) {
		p := r.Body["post"].(map[string]any)
		p["id"] = "PPOST02"
		ups := p["updates"].([]any)
		ups[0].(map[string]any)["id"] = "PUPD009"
		return http.StatusCreated, map[string]any{"post": p}
	})
	f.on("POST /status_pages/PSP0001/posts/PPOST01/post_updates", func(r *fakeRequest) (int, any) {
		u := r.Body["post_update"].(map[string]any)
		u["id"] = "PUPD002"
		return http.StatusCreated, map[string]any{"post_update": u}
	})
	return f
}

func TestUpdateStatusPageAutomatically(t *testing.T) {
	f := statusPageFake(t)
	e := f.env(t)
	// Announce: one call, every name resolved by the tool.
	var created StatusPostResult
	txt := e.ok(t, "create_status_page_post", map[string]any{
		"status_page": "acme", "title": "Search is slow", "message": "Searches take longer than usual",
		"status": "investigating", "severity": "minor", "services": []any{"Search"}, "impact": "degraded",
		"notify_subscribers": true, "next_update_minutes": 30,
	}, &created)
	post := f.last(t, "POST /status_pages/PSP0001/posts").Body
	u := dig(post, "post", "updates", 0)
	if dig(post, "post", "title") != "Search is slow" || dig(post, "post", "post_type") != "incident" ||
		dig(u, "status", "id") != "PST0001" || dig(u, "severity", "id") != "PSV0001" ||
		dig(u, "impacted_services", 0, "service", "id") != "PSPS002" || dig(u, "impacted_services", 0, "impact", "id") != "PIM0001" ||
		dig(u, "notify_subscribers") != true || dig(u, "update_frequency_ms") != float64(30*60*1000) {
		t.Errorf("sent %v", post)
	}
	if created.ID != "PPOST02" || created.Latest == nil || created.Latest.Status != "investigating" || created.Latest.Impacts[0] != "Search: degraded" {
		t.Errorf("answer %+v", created)
	}
	if !strings.Contains(txt, "investigating, minor") {
		t.Errorf("text %q", txt)
	}
	// Update: the post named by its title; severity kept from the latest
	// update.
	var updated StatusPostResult
	e.ok(t, "add_status_page_update", map[string]any{"status_page": "PSP0001", "post": "checkout", "message": "Fixed", "status": "resolved"}, &updated)
	nu := f.last(t, "POST /status_pages/PSP0001/posts/PPOST01/post_updates").Body["post_update"]
	if dig(nu, "status", "id") != "PST0004" || dig(nu, "severity", "id") != "PSV0002" || dig(nu, "post", "id") != "PPOST01" || dig(nu, "message") != "Fixed" {
		t.Errorf("sent %v", nu)
	}
	if updated.Latest == nil || updated.Latest.Status != "resolved" || updated.Latest.Severity != "major" {
		t.Errorf("answer %+v", updated)
	}
	// A name the page does not define is refused with the accepted ones,
	// before anything is written.
	f.reset()
	msg := e.fails(t, "create_status_page_post", map[string]any{"status_page": "acme", "title": "x", "message": "y", "status": "on fire", "severity": "minor"})
	if !strings.Contains(msg, "investigating, identified, monitoring, resolved") {
		t.Errorf("error %q", msg)
	}
	msg = e.fails(t, "create_status_page_post", map[string]any{"status_page": "acme", "title": "x", "message": "y", "status": "identified", "severity": "minor", "services": []any{"Search"}})
	if !strings.Contains(msg, "impact") {
		t.Errorf("error %q", msg)
	}
	for _, r := range f.requests() {
		if r.Method != http.MethodGet {
			t.Errorf("a refused post sent %s", r.key())
		}
	}
}

func TestListStatusPages(t *testing.T) {
	f := statusPageFake(t)
	e := f.env(t)
	var got StatusPageList
	txt := e.ok(t, "list_status_pages", nil, &got)
	if len(got.StatusPages) != 2 || !got.StatusPages[0].Published || got.StatusPages[1].Published {
		t.Errorf("pages %+v", got)
	}
	if !strings.Contains(txt, "Acme Status (PSP0001) [public] https://status.acme.test") || !strings.Contains(txt, "Internal (PSP0002) [private, not published]") {
		t.Errorf("text %q", txt)
	}
	got = StatusPageList{}
	txt = e.ok(t, "list_status_pages", map[string]any{"status_page": "Acme Status"}, &got)
	if len(got.Posts) != 1 || got.Posts[0].Latest == nil || got.Posts[0].Latest.Severity != "major" || len(got.Statuses) != 4 || len(got.Services) != 2 {
		t.Errorf("posts %+v", got)
	}
	if !strings.Contains(txt, "PPOST01 [incident] Checkout errors - investigating, major at 2026-11-24 11:00Z: We are looking into it") {
		t.Errorf("text %q", txt)
	}
	e.fails(t, "list_status_pages", map[string]any{"post_type": "incident"})
}
