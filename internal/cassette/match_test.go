package cassette

import (
	"net/http"
	"strings"
	"testing"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

func TestMatch(t *testing.T) {
	recorded := vcr.Request{
		Method:  "POST",
		URL:     "https://api.pagerduty.com/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2",
		Body:    `{"note":{"content":"hi","tags":[1,2]},"from":"x"}`,
		Headers: http.Header{"Content-Type": {"application/json"}},
	}
	for _, tc := range []struct {
		name, method, url, body string
		want                    bool
	}{
		{"same", "POST", "http://127.0.0.1:4010/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2", `{"note":{"content":"hi","tags":[1,2]},"from":"x"}`, true},
		{"query order and key order", "post", "https://x.invalid/incidents/P1/notes?limit=2&include%5B%5D=b&include%5B%5D=a", "{\n \"from\": \"x\", \"note\": {\"tags\": [1, 2.0], \"content\": \"hi\"}}", true},
		{"other method", "PUT", "https://x/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2", `{"note":{"content":"hi","tags":[1,2]},"from":"x"}`, false},
		{"other path", "POST", "https://x/incidents/P2/notes?include%5B%5D=a&include%5B%5D=b&limit=2", `{"note":{"content":"hi","tags":[1,2]},"from":"x"}`, false},
		{"missing query value", "POST", "https://x/incidents/P1/notes?include%5B%5D=a&limit=2", `{"note":{"content":"hi","tags":[1,2]},"from":"x"}`, false},
		{"other body value", "POST", "https://x/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2", `{"note":{"content":"bye","tags":[1,2]},"from":"x"}`, false},
		{"array order matters", "POST", "https://x/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2", `{"note":{"content":"hi","tags":[2,1]},"from":"x"}`, false},
		{"no body", "POST", "https://x/incidents/P1/notes?include%5B%5D=a&include%5B%5D=b&limit=2", ``, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, tc.url, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			if got := match(req, recorded); got != tc.want {
				t.Errorf("match = %v, want %v", got, tc.want)
			}
			// The matcher may run once per recorded interaction: the
			// body must still be there for the next one.
			if got := match(req, recorded); got != tc.want {
				t.Errorf("second match = %v, want %v (body consumed?)", got, tc.want)
			}
		})
	}
}

func TestMatchRedactsBeforeComparing(t *testing.T) {
	recorded := vcr.Request{
		Method:  "POST",
		URL:     "https://api.pagerduty.com/v2/enqueue?token=REDACTED",
		Body:    `{"routing_key":"REDACTED","event_action":"trigger"}`,
		Headers: http.Header{"Content-Type": {"application/json"}},
	}
	req, _ := http.NewRequest("POST", "http://127.0.0.1/v2/enqueue?token=real", strings.NewReader(`{"event_action":"trigger","routing_key":"R0123456789abcdef0123456789abcdef"}`))
	if !match(req, recorded) {
		t.Errorf("a request with real secrets does not match its redacted recording")
	}
}

func TestRequestKeyString(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://x/incidents?statuses%5B%5D=triggered&client_secret=s3cr3t", nil)
	got := keyFromHTTP(req, nil).String()
	want := "GET /incidents?client_secret=REDACTED&statuses[]=triggered"
	if got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	long := keyFromHTTP(req, []byte(`{"a":"`+strings.Repeat("x", 1000)+`"}`)).String()
	if len(long) > 400 || !strings.HasSuffix(long, "...") {
		t.Errorf("a long body is not shortened: %d chars", len(long))
	}
}
