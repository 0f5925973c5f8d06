package pdtest

import (
	"bytes"
	"net/http"
	"testing"
)

// acceptable lists the bodies that are not errors: analytics take an empty
// filter, a team role defaults to responder, and the array form of
// overrides reports each failure inside a 201.
func acceptable(path, body string) bool {
	switch path {
	case "/analytics/metrics/incidents/all", "/analytics/raw/incidents":
		// Analytics ignore fields they do not know; they refuse only what
		// is not a JSON object, a bad date, and (raw) a bad limit.
		switch body {
		case ``, `[]`, `"text"`, `{`, `{"filters":{"created_at_start":"soon"}}`:
			return false
		case `{"limit":-1}`:
			return path == "/analytics/metrics/incidents/all"
		}
		return true
	case "/teams/PT00001/users/PU00003":
		return body != `{` && body != `"text"` && body != `[]`
	case "/schedules/PS00001/overrides":
		return body == `{"overrides":[{}]}`
	}
	return false
}

// Every write answers bad bodies with a 4xx, never a 5xx or a crash.
func TestHostileBodies(t *testing.T) {
	s := newSmall(t)
	writes := []struct{ method, path string }{
		{"POST", "/users"}, {"PUT", "/users/PU00001"},
		{"POST", "/users/PU00001/contact_methods"}, {"POST", "/users/PU00001/notification_rules"},
		{"POST", "/teams"}, {"PUT", "/teams/PT00001"}, {"PUT", "/teams/PT00001/users/PU00003"},
		{"POST", "/services"}, {"PUT", "/services/PV00001"}, {"POST", "/services/PV00001/integrations"},
		{"POST", "/escalation_policies"}, {"PUT", "/escalation_policies/PE00001"},
		{"POST", "/schedules"}, {"PUT", "/schedules/PS00001"}, {"POST", "/schedules/PS00001/overrides"},
		{"POST", "/incidents"}, {"PUT", "/incidents"}, {"PUT", "/incidents/1"}, {"PUT", "/incidents/1/merge"},
		{"POST", "/incidents/1/snooze"}, {"POST", "/incidents/1/notes"}, {"POST", "/incidents/1/responder_requests"},
		{"POST", "/maintenance_windows"},
		{"POST", "/analytics/metrics/incidents/all"}, {"POST", "/analytics/raw/incidents"},
		{"POST", "/v2/enqueue"}, {"POST", "/v2/change/enqueue"},
	}
	bodies := []string{``, `null`, `[]`, `"text"`, `{`, `{"x":1}`, `{"user":null,"incident":null,"team":5}`,
		`{"incident":{"title":7}}`, `{"incidents":[null]}`, `{"schedule":{"schedule_layers":[{"users":[null]}]}}`,
		`{"overrides":[{}]}`, `{"override":{"user":null}}`,
		`{"schedule":{"name":"x","time_zone":"UTC","schedule_layers":[{"start":"2026-03-01T00:00:00Z","rotation_turn_length_seconds":9000000000000000000,"users":[{"user":{"id":"PU00001"}}]}]}}`, `{"filters":{"created_at_start":"soon"}}`, `{"limit":-1}`,
		`{"routing_key":"` + smallKey + `","event_action":"trigger","payload":{"summary":"","severity":"critical","source":"x"}}`}
	// A first incident so that /incidents/1 exists.
	call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": "target",
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, "From", "u1@example.com")
	for _, wr := range writes {
		for _, b := range bodies {
			req, _ := http.NewRequest(wr.method, s.URL+wr.path, bytes.NewReader([]byte(b)))
			req.Header.Set("Authorization", "Token token="+s.Token())
			req.Header.Set("From", "u1@example.com")
			resp, err := s.Client().Do(req)
			if err != nil {
				t.Fatalf("%s %s %s: %v", wr.method, wr.path, b, err)
			}
			resp.Body.Close()
			if resp.StatusCode >= 500 || (resp.StatusCode < 400 && !acceptable(wr.path, b)) {
				t.Errorf("%s %s with %s: status %d", wr.method, wr.path, b, resp.StatusCode)
			}
		}
	}
}
