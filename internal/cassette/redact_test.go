package cassette

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

func TestRedactInteraction(t *testing.T) {
	liveHeaders := http.Header{
		"Authorization": {"Token token=abc123"},
		"X-Api-Key":     {"k"},
		"Cookie":        {"a=b"},
		"Content-Type":  {"application/json"},
		"From":          {"ops@example.com"},
	}
	body := `{"user":{"name":"Ann","password":"pw"},"items":[{"secret":"whsec"},{"secret":""}],"client_secret":"cs"}`
	i := &vcr.Interaction{
		Request: vcr.Request{
			Method:        "POST",
			URL:           "http://127.0.0.1:4010/x?access_token=at&limit=1",
			Headers:       liveHeaders,
			Body:          body,
			ContentLength: int64(len(body)),
			Form:          url.Values{"refresh_token": {"rt"}, "a": {"1"}},
			RemoteAddr:    "10.0.0.1:1",
		},
		Response: vcr.Response{
			Headers: http.Header{
				"Set-Cookie":     {"s=1", "t=2"},
				"Date":           {"Mon, 01 Jan 2024 00:00:00 GMT"},
				"X-Request-Id":   {"r"},
				"Content-Length": {"40"},
				"Content-Type":   {"application/json"},
			},
			Body:          `{"integration_key":"ik","name":"<svc>"}`,
			ContentLength: 40,
			Duration:      5,
		},
	}
	redactInteraction(i)

	if liveHeaders.Get("Authorization") != "Token token=abc123" {
		t.Errorf("the client's own header map was modified")
	}
	for _, h := range []string{"Authorization", "X-Api-Key", "Cookie"} {
		if got := i.Request.Headers.Get(h); got != Redacted {
			t.Errorf("request %s = %q, want %s", h, got, Redacted)
		}
	}
	if got := i.Request.Headers.Get("From"); got != "ops@example.com" {
		t.Errorf("From = %q: non-secret headers must be kept", got)
	}
	if got := i.Response.Headers.Values("Set-Cookie"); len(got) != 2 || got[0] != Redacted || got[1] != Redacted {
		t.Errorf("Set-Cookie = %q, want both redacted", got)
	}
	for _, h := range []string{"Date", "X-Request-Id"} {
		if _, ok := i.Response.Headers[h]; ok {
			t.Errorf("volatile header %s was kept", h)
		}
	}
	if want := "http://127.0.0.1:4010/x?access_token=REDACTED&limit=1"; i.Request.URL != want {
		t.Errorf("URL = %q, want %q", i.Request.URL, want)
	}
	if i.Request.Form.Get("refresh_token") != Redacted || i.Request.Form.Get("a") != "1" {
		t.Errorf("form = %v", i.Request.Form)
	}
	wantBody := `{"client_secret":"REDACTED","items":[{"secret":"REDACTED"},{"secret":"REDACTED"}],"user":{"name":"Ann","password":"REDACTED"}}`
	if i.Request.Body != wantBody {
		t.Errorf("request body = %s\nwant %s", i.Request.Body, wantBody)
	}
	if i.Request.ContentLength != int64(len(wantBody)) {
		t.Errorf("request ContentLength = %d, want %d", i.Request.ContentLength, len(wantBody))
	}
	wantResp := `{"integration_key":"REDACTED","name":"<svc>"}`
	if i.Response.Body != wantResp {
		t.Errorf("response body = %s, want %s", i.Response.Body, wantResp)
	}
	if i.Response.ContentLength != int64(len(wantResp)) || i.Response.Headers.Get("Content-Length") != strconv.Itoa(len(wantResp)) {
		t.Errorf("response length = %d / %q, want %d", i.Response.ContentLength, i.Response.Headers.Get("Content-Length"), len(wantResp))
	}
	if i.Response.Duration != 0 || i.Request.RemoteAddr != "" {
		t.Errorf("duration %v and remote address %q should be cleared", i.Response.Duration, i.Request.RemoteAddr)
	}
}

func TestRedactBodyKeepsUntouchedBodies(t *testing.T) {
	for _, body := range []string{
		`{ "b": 1,  "a": "spacing is kept" }`,
		`not json at all: token=abc`,
		``,
	} {
		got, changed := redactBody(body, "application/json")
		if changed || got != body {
			t.Errorf("redactBody(%q) = %q, %v; want it unchanged", body, got, changed)
		}
	}
	got, changed := redactBody("password=x&user=y", "application/x-www-form-urlencoded; charset=utf-8")
	if !changed || got != "password=REDACTED&user=y" {
		t.Errorf("form body = %q, %v", got, changed)
	}
}

func TestCanonicalizeHost(t *testing.T) {
	for path, want := range map[string]string{
		"/incidents?limit=1":  "https://api.pagerduty.com/incidents?limit=1",
		"/v2/enqueue":         "https://events.pagerduty.com/v2/enqueue",
		"/v2/change/enqueue":  "https://events.pagerduty.com/v2/change/enqueue",
		"/v2/enqueue/nothing": "https://api.pagerduty.com/v2/enqueue/nothing",
	} {
		i := &vcr.Interaction{Request: vcr.Request{URL: "http://127.0.0.1:4010" + path}}
		canonicalizeHost(i)
		if i.Request.URL != want || !strings.HasPrefix(want, "https://"+i.Request.Host+"/") {
			t.Errorf("%s -> %s (host %s), want %s", path, i.Request.URL, i.Request.Host, want)
		}
	}
}

// Lists of credentials (the plural of a secret key) are redacted item by
// item; other lists are left alone.
func TestRedactBodyRedactsListsOfSecrets(t *testing.T) {
	body := `{"ruleset":{"routing_keys":["R0123456789abcdef0123456789abcdef","R2"],"tags":["db"]}}`
	got, changed := redactBody(body, "application/json")
	want := `{"ruleset":{"routing_keys":["REDACTED","REDACTED"],"tags":["db"]}}`
	if !changed || got != want {
		t.Errorf("redactBody = %s, %v; want %s", got, changed, want)
	}
}

func TestSecretFieldsByShape(t *testing.T) {
	for name, want := range map[string]bool{
		"runbook_api_key": true, "Webhook_Secret": true, "bot_token": true, "admin_password": true,
		"routing_key": true, "token": true,
		"dedup_key": false, "incident_key": false, "summary": false, "tokens_used": false,
	} {
		if got := isSecretField(name); got != want {
			t.Errorf("isSecretField(%q) = %v, want %v", name, got, want)
		}
	}
}
