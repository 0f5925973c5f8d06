package pdtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// call sends a request with the server's token and decodes the JSON answer
// (nil when there is no body).
func call(t *testing.T, s *Server, method, path string, body any, header ...string) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Token token="+s.Token())
	req.Header.Set("Accept", "application/vnd.pagerduty+json;version=2")
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return resp.StatusCode, nil
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		var arr []any
		if err2 := json.Unmarshal(b, &arr); err2 == nil {
			return resp.StatusCode, map[string]any{"array": arr}
		}
		t.Fatalf("%s %s: answer is not JSON: %v: %s", method, path, err, b)
	}
	return resp.StatusCode, m
}

func errCode(m map[string]any) int {
	e, _ := m["error"].(map[string]any)
	n, _ := e["code"].(float64)
	return int(n)
}

func items(m map[string]any, key string) []map[string]any {
	arr, _ := m[key].([]any)
	out := make([]map[string]any, 0, len(arr))
	for _, a := range arr {
		if o, ok := a.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

func str(m map[string]any, path ...string) string {
	var cur any = m
	for _, p := range path {
		o, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = o[p]
	}
	s, _ := cur.(string)
	return s
}

// small is a hand-made account whose answers a test can work out on paper:
// users u1, u2 and u3; schedule s1 (UTC) rotates u1 and u2 daily from
// 2026-03-01 00:00, with an override of u3 on 2026-03-10 06:00-12:00;
// escalation policy ep1 pages s1, then u3 after 30 minutes; service sv1 uses
// ep1 and has the routing key below.
const smallKey = "0123456789abcdef0123456789abcdef"

func small() *Dataset {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return &Dataset{
		CurrentUserID: "PU00001",
		Users: []User{
			{ID: "PU00001", Name: "Una One", Email: "u1@example.com"},
			{ID: "PU00002", Name: "Duo Two", Email: "u2@example.com"},
			{ID: "PU00003", Name: "Tri Three", Email: "u3@example.com"},
		},
		Teams: []Team{{ID: "PT00001", Name: "Core", Members: []TeamMember{{UserID: "PU00001", Role: "manager"}, {UserID: "PU00002", Role: "responder"}}}},
		Schedules: []Schedule{{ID: "PS00001", Name: "Core Primary", TimeZone: "UTC", TeamIDs: []string{"PT00001"},
			Layers: []ScheduleLayer{{ID: "PL00001", Name: "Daily", Start: day, RotationVirtualStart: day,
				RotationTurnLengthSeconds: 86400, UserIDs: []string{"PU00001", "PU00002"}}},
			Overrides: []Override{{ID: "PO00001", Start: day.AddDate(0, 0, 9).Add(6 * time.Hour), End: day.AddDate(0, 0, 9).Add(12 * time.Hour), UserID: "PU00003"}},
		}},
		EscalationPolicies: []EscalationPolicy{{ID: "PE00001", Name: "Core Policy", TeamIDs: []string{"PT00001"}, Rules: []EscalationRule{
			{ID: "PR00001", EscalationDelayInMinutes: 30, Targets: []Target{{Type: "schedule", ID: "PS00001"}}},
			{ID: "PR00002", EscalationDelayInMinutes: 30, Targets: []Target{{Type: "user", ID: "PU00003"}}},
		}}},
		Services: []Service{{ID: "PV00001", Name: "API", EscalationPolicyID: "PE00001", CreatedAt: day,
			Integrations: []Integration{{ID: "PI00001", Name: "Events", Type: "events_api_v2_inbound_integration", Key: smallKey, CreatedAt: day}}}},
		Priorities: []Priority{{ID: "PP00001", Name: "P1", Order: 2}, {ID: "PP00002", Name: "P2", Order: 1}},
	}
}

func newSmall(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(append([]Option{WithData(small()), WithNow(fixedNow)}, opts...)...)
	t.Cleanup(s.Close)
	return s
}

func newDemo(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(append([]Option{WithNow(fixedNow)}, opts...)...)
	t.Cleanup(s.Close)
	return s
}
