package httpcore

import (
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterReadsTheRightHeaders(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"429 Retry-After", 429, http.Header{"Retry-After": {"7"}}, 7 * time.Second, true},
		{"429 ratelimit-reset", 429, http.Header{"Ratelimit-Reset": {"3"}}, 3 * time.Second, true},
		{"Retry-After wins", 429, http.Header{"Retry-After": {"2"}, "Ratelimit-Reset": {"30"}}, 2 * time.Second, true},
		{"503 Retry-After", 503, http.Header{"Retry-After": {"5"}}, 5 * time.Second, true},
		{"503 ignores the rate-limit window", 503, http.Header{"Ratelimit-Reset": {"30"}}, 0, false},
		{"nothing", 429, http.Header{}, 0, false},
		{"garbage", 429, http.Header{"Retry-After": {"soon"}}, 0, false},
		{"negative", 429, http.Header{"Retry-After": {"-3"}}, 0, false},
		{"NaN", 429, http.Header{"Retry-After": {"NaN"}}, 0, false},
		{"past any Duration", 429, http.Header{"Retry-After": {"1e10"}}, time.Duration(math.MaxInt64), true},
		{"infinite", 429, http.Header{"Ratelimit-Reset": {"+Inf"}}, time.Duration(math.MaxInt64), true},
	} {
		got, ok := RetryAfter(&http.Response{StatusCode: tc.status, Header: tc.header})
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: RetryAfter = %s, %v; want %s, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := RetryAfter(nil); ok {
		t.Error("RetryAfter(nil) should report nothing")
	}
}

func TestParseBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.pagerduty.com/": "https://api.pagerduty.com",
		"http://127.0.0.1:4010":      "http://127.0.0.1:4010",
		"https://proxy.example/pd/":  "https://proxy.example/pd",
	} {
		if got, err := ParseBaseURL(in); err != nil || got != want {
			t.Errorf("ParseBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"api.pagerduty.com":      "absolute",
		"ftp://x":                "absolute",
		"https://x/?a=b":         "query or fragment",
		"https://x/#frag":        "query or fragment",
		"http://[::1]:namedport": "absolute",
	} {
		if _, err := ParseBaseURL(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseBaseURL(%q) error = %v; want it to say %q", in, err, want)
		}
	}
}
