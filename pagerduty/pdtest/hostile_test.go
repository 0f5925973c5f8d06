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
		if body == `{"limit":-1}` {
			return path == "/analytics/metrics/incidents/all" // only raw incidents page
		}
		return body == `null` || body == `{"x":1}` || body == `{"user":null,"incident":null,"team":5}` || body == `{"incident":{"title":7}}` ||
			body == `{"incidents":[null]}` || body == `{"schedule":{"schedule_layers":[{"users":[null]}]}}` ||
			body == `{"overrides":[{}]}` || body == `{"override":{"user":null}}` ||
			body == `{"routing_key":"`+smallKey+`","event_action":"trigger","payload":{"summary":"","severity":"critical","source":"x"}}`
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
		`{"overrides":[{}]}`, `{"override":{"user":null}}`, `{"filters":{"created_at_start":"soon"}}`, `{"limit":-1}`,
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
