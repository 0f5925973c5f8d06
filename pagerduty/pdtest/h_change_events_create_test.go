package pdtest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// POST /change_events keeps the event on the service whose integration has
// the routing key, where the change event listings find it.
func TestCreateChangeEventREST(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "POST", "/change_events", map[string]any{
		"routing_key": smallKey,
		"payload": map[string]any{"summary": "Deployed api v2", "source": "ci", "timestamp": "2026-03-10T08:30:00.000+01:00",
			"custom_details": map[string]any{"build": 42}},
		"links": []any{map[string]any{"href": "https://ci.example.com/42", "text": "Build"}},
	})
	if st != http.StatusAccepted || m["status"] != "success" {
		t.Fatalf("POST /change_events = %d %v, want 202 success", st, m)
	}
	// Without a timestamp, the event takes the server's time.
	if st, m := call(t, s, "POST", "/change_events", map[string]any{"routing_key": "ffffffffffffffffffffffffffffffff", "payload": map[string]any{"summary": "Flag on"}}); st != 202 {
		t.Fatalf("POST /change_events with an unknown key = %d %v, want 202 (kept without a service)", st, m)
	}

	_, m = call(t, s, "GET", "/change_events", nil)
	ces := items(m, "change_events")
	if len(ces) != 2 {
		t.Fatalf("change events: %v", m)
	}
	byName := map[string]map[string]any{}
	for _, ce := range ces {
		byName[ce["summary"].(string)] = ce
	}
	dep, flag := byName["Deployed api v2"], byName["Flag on"]
	if dep == nil || flag == nil {
		t.Fatalf("change events: %v", ces)
	}
	if got, _ := time.Parse(time.RFC3339, dep["timestamp"].(string)); !got.Equal(time.Date(2026, 3, 10, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("timestamp %v, want 07:30 UTC", dep["timestamp"])
	}
	if got, _ := time.Parse(time.RFC3339, flag["timestamp"].(string)); !got.Equal(testNow) {
		t.Errorf("timestamp of an event sent without one = %v, want the server's time %v", flag["timestamp"], testNow)
	}
	details, _ := dep["custom_details"].(map[string]any)
	if str(dep, "integration", "id") != "PI00001" || dep["source"] != "ci" || details["build"] != 42.0 {
		t.Errorf("the event is not kept as sent: %v", dep)
	}
	svcs, _ := dep["services"].([]any)
	if len(svcs) != 1 || svcs[0].(map[string]any)["id"] != "PV00001" {
		t.Errorf("services of the event = %v, want PV00001", dep["services"])
	}
	if svcs, _ := flag["services"].([]any); len(svcs) != 0 {
		t.Errorf("an event with an unknown key has services %v", svcs)
	}
	_, m = call(t, s, "GET", "/services/PV00001/change_events", nil)
	if got := items(m, "change_events"); len(got) != 1 || got[0]["summary"] != "Deployed api v2" {
		t.Errorf("the service's change events: %v", got)
	}
}

func TestCreateChangeEventRESTRefusesBadEvents(t *testing.T) {
	for _, tc := range []struct {
		name string
		body any
		want string
	}{
		{"empty", map[string]any{}, "routing_key is missing"},
		{"blank key", map[string]any{"routing_key": " ", "payload": map[string]any{"summary": "x"}}, "routing_key is missing"},
		{"no payload", map[string]any{"routing_key": smallKey}, "payload.summary is missing"},
		{"long summary", map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": strings.Repeat("x", 1025)}}, "1025 characters long"},
		{"bad time", map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": "x", "timestamp": "yesterday"}}, `"yesterday" is not an RFC 3339 date`},
		{"link without href", map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": "x"}, "links": []any{map[string]any{"text": "t"}}}, "links[0].href is missing"},
		{"image without src", map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": "x"}, "images": []any{map[string]any{"alt": "a"}}}, "images[0].src is missing"},
		{"payload not an object", map[string]any{"routing_key": smallKey, "payload": "deploy"}, "wrong type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSmall(t)
			st, m := call(t, s, "POST", "/change_events", tc.body)
			msg := strings.Join(errorList(m), "; ")
			if st != 400 || errCode(m) != CodeInvalidInput || !strings.Contains(msg, tc.want) {
				t.Errorf("= %d %v, want 400 (2001) saying %q", st, m, tc.want)
			}
			if strings.Contains(msg, smallKey) {
				t.Errorf("the error %q shows the routing key", msg)
			}
			if _, m := call(t, s, "GET", "/change_events", nil); len(items(m, "change_events")) != 0 {
				t.Errorf("a refused event was kept: %v", m)
			}
		})
	}

	s := newSmall(t)
	req, err := http.NewRequest("POST", s.URL+"/change_events", strings.NewReader(`{"routing_key":"`+smallKey+`","payload":{"summary":"x"}}`))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /change_events without a token = %d, want 401 (the REST API needs one)", resp.StatusCode)
	}
}

// errorList returns the messages of an error answer.
func errorList(m map[string]any) []string {
	e, _ := m["error"].(map[string]any)
	var out []string
	list, _ := e["errors"].([]any)
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
