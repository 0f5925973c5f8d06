package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

func webhookFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /services", jsonOf(t, `{"services":[{"id":"PSVC001","name":"Checkout"}],"limit":100,"offset":0,"more":false}`))
	f.on("POST /webhook_subscriptions", func(r *fakeRequest) (int, any) {
		w := r.Body["webhook_subscription"].(map[string]any)
		w["id"] = "PWH0001"
		w["active"] = true
		dm := w["delivery_method"].(map[string]any)
		dm["secret"] = "fake-signing-secret"
		return http.StatusCreated, map[string]any{"webhook_subscription": w}
	})
	list := `{"webhook_subscriptions":[
		{"id":"PWH0001","active":true,"events":["incident.triggered"],"filter":{"type":"service_reference","id":"PSVC001"},"delivery_method":{"type":"http_delivery_method","url":"https://hooks.example.com/pd"}},
		{"id":"PWH0002","active":true,"events":["incident.resolved","incident.triggered"],"filter":{"type":"account_reference"},"delivery_method":{"type":"http_delivery_method","url":"https://old.example.com/pd","temporarily_disabled":true}}],
		"limit":25,"offset":0,"more":false,"total":2}`
	f.answer("GET /webhook_subscriptions", jsonOf(t, list))
	f.answer("GET /webhook_subscriptions/PWH0002", map[string]any{"webhook_subscription": dig(jsonOf(t, list), "webhook_subscriptions", 1)})
	f.on("POST /webhook_subscriptions/PWH0001/ping", func(*fakeRequest) (int, any) { return http.StatusAccepted, map[string]any{} })
	f.on("POST /webhook_subscriptions/PWH0002/ping", func(*fakeRequest) (int, any) { return http.StatusAccepted, map[string]any{} })
	return f
}

func TestSetUpWebhookEndpoint(t *testing.T) {
	f := webhookFake(t)
	e := f.env(t)
	var w Webhook
	txt := e.ok(t, "create_webhook_subscription", map[string]any{"url": "https://hooks.example.com/pd", "service": "checkout"}, &w)
	sent := f.last(t, "POST /webhook_subscriptions").Body["webhook_subscription"]
	if dig(sent, "delivery_method", "url") != "https://hooks.example.com/pd" || dig(sent, "filter", "type") != "service_reference" ||
		dig(sent, "filter", "id") != "PSVC001" || len(dig(sent, "events").([]any)) != len(defaultWebhookEvents) {
		t.Errorf("sent %v", sent)
	}
	if w.ID != "PWH0001" || w.Scope != "service PSVC001" || !w.Active {
		t.Errorf("answer %+v", w)
	}
	if w.Secret != "" || strings.Contains(txt, "fake-signing-secret") {
		t.Error("the signing secret was shown without being asked for")
	}
	e.ok(t, "create_webhook_subscription", map[string]any{"url": "https://hooks.example.com/pd", "events": []any{"incident.resolved"}, "show_secret": true}, &w)
	if w.Secret != "fake-signing-secret" || dig(f.last(t, "POST /webhook_subscriptions").Body, "webhook_subscription", "filter", "type") != "account_reference" {
		t.Errorf("show_secret / account scope: %+v", w)
	}
	// Test the endpoint, named by its URL.
	var test WebhookTest
	txt = e.ok(t, "test_webhook_subscription", map[string]any{"webhook": "https://hooks.example.com/pd/"}, &test)
	f.last(t, "POST /webhook_subscriptions/PWH0001/ping")
	if !test.PingSent || test.ID != "PWH0001" || !strings.Contains(txt, "pagey.ping") {
		t.Errorf("answer %+v, text %q", test, txt)
	}
	f.reset()
	e.fails(t, "create_webhook_subscription", map[string]any{"url": "http://insecure.example.com"})
	e.fails(t, "create_webhook_subscription", map[string]any{"url": "https://x.example.com", "events": []any{"Incident Triggered"}})
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused subscriptions sent %d requests", n)
	}
}

func TestWebhookHealth(t *testing.T) {
	f := webhookFake(t)
	e := f.env(t)
	var list WebhookList
	txt := e.ok(t, "list_webhook_subscriptions", nil, &list)
	if len(list.Webhooks) != 2 || !list.Webhooks[1].Paused || *list.Total != 2 {
		t.Errorf("list %+v", list)
	}
	if !strings.Contains(txt, "PWH0002 https://old.example.com/pd [paused after failed deliveries] - account - 2 event types") {
		t.Errorf("text %q", txt)
	}
	e.ok(t, "list_webhook_subscriptions", map[string]any{"service": "Checkout"}, &list)
	if q := f.last(t, "GET /webhook_subscriptions").Query; q.Get("filter_type") != "service" || q.Get("filter_id") != "PSVC001" {
		t.Errorf("query %v", q)
	}
	var test WebhookTest
	txt = e.ok(t, "test_webhook_subscription", map[string]any{"webhook": "PWH0002"}, &test)
	if !test.Paused || !strings.Contains(txt, "paused after repeated failures") {
		t.Errorf("answer %+v, text %q", test, txt)
	}
	msg := e.fails(t, "test_webhook_subscription", map[string]any{"webhook": "https://nowhere.example.com"})
	if !strings.Contains(msg, "no subscription delivers to") {
		t.Errorf("error %q", msg)
	}
}
