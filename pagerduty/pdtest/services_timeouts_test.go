package pdtest

import "testing"

// A service's timeouts are kept when not sent, set when given, and turned
// off by null, as the API does.
func TestServiceTimeoutsNullTurnsThemOff(t *testing.T) {
	s := NewServer()
	defer s.Close()
	svc := s.Data().Services[0]
	path := "/services/" + svc.ID
	put := func(body map[string]any) map[string]any {
		t.Helper()
		st, m := call(t, s, "PUT", path, map[string]any{"service": body})
		if st != 200 {
			t.Fatalf("PUT %v: status %d: %v", body, st, m)
		}
		return m["service"].(map[string]any)
	}
	got := put(map[string]any{"auto_resolve_timeout": 3600, "acknowledgement_timeout": 600})
	if got["auto_resolve_timeout"] != float64(3600) || got["acknowledgement_timeout"] != float64(600) {
		t.Fatalf("set: %v %v", got["auto_resolve_timeout"], got["acknowledgement_timeout"])
	}
	got = put(map[string]any{"description": "unchanged timeouts"})
	if got["auto_resolve_timeout"] != float64(3600) {
		t.Fatalf("a field not sent must be kept: %v", got["auto_resolve_timeout"])
	}
	got = put(map[string]any{"auto_resolve_timeout": nil})
	if got["auto_resolve_timeout"] != nil || got["acknowledgement_timeout"] != float64(600) {
		t.Fatalf("null must turn auto-resolve off and leave the other: %v %v", got["auto_resolve_timeout"], got["acknowledgement_timeout"])
	}
}
