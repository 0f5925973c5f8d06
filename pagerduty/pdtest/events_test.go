package pdtest

import (
	"testing"
	"time"
)

func event(action, key string) map[string]any {
	ev := map[string]any{"routing_key": smallKey, "event_action": action}
	if key != "" {
		ev["dedup_key"] = key
	}
	if action == "trigger" {
		ev["payload"] = map[string]any{"summary": "CPU high", "source": "web-1", "severity": "critical", "custom_details": map[string]any{"cpu": 97}}
	}
	return ev
}

func TestEventsDedup(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "POST", "/v2/enqueue", event("trigger", "cpu-web-1"), "Authorization", "")
	if st != 202 || m["status"] != "success" || m["dedup_key"] != "cpu-web-1" || m["message"] != "Event processed" {
		t.Fatalf("trigger: %d %v", st, m)
	}
	call(t, s, "POST", "/v2/enqueue", event("trigger", "cpu-web-1"))
	_, m = call(t, s, "GET", "/incidents?total=true&incident_key=cpu-web-1", nil)
	if m["total"].(float64) != 1 {
		t.Fatalf("dedup: %v incidents", m["total"])
	}
	inc := items(m, "incidents")[0]
	if str(inc, "service", "id") != "PV00001" || inc["status"] != "triggered" {
		t.Fatalf("incident: %v", inc)
	}
	call(t, s, "POST", "/v2/enqueue", event("acknowledge", "cpu-web-1"))
	_, m = call(t, s, "GET", "/incidents/"+inc["id"].(string), nil)
	if str(m, "incident", "status") != "acknowledged" {
		t.Fatalf("ack: %v", m)
	}
	call(t, s, "POST", "/v2/enqueue", event("resolve", "cpu-web-1"))
	_, m = call(t, s, "GET", "/incidents/"+inc["id"].(string)+"/alerts", nil)
	if a := items(m, "alerts"); len(a) != 1 || a[0]["status"] != "resolved" || a[0]["alert_key"] != "cpu-web-1" {
		t.Fatalf("alerts: %v", a)
	}
	// After resolution the same key opens a new incident.
	call(t, s, "POST", "/v2/enqueue", event("trigger", "cpu-web-1"))
	_, m = call(t, s, "GET", "/incidents?total=true&incident_key=cpu-web-1", nil)
	if m["total"].(float64) != 2 {
		t.Fatalf("retrigger after resolve: %v", m["total"])
	}
	// Without a dedup key the server makes one.
	_, m = call(t, s, "POST", "/v2/enqueue", event("trigger", ""))
	if k, _ := m["dedup_key"].(string); len(k) != 32 {
		t.Fatalf("generated dedup key %q", k)
	}
}

func TestEventsInvalid(t *testing.T) {
	s := newSmall(t)
	bad := []map[string]any{
		{"event_action": "trigger"},
		{"routing_key": smallKey, "event_action": "explode"},
		{"routing_key": smallKey, "event_action": "trigger", "payload": map[string]any{"summary": "x", "source": "y", "severity": "fatal"}},
		{"routing_key": smallKey, "event_action": "acknowledge"},
		{"routing_key": "ffffffffffffffffffffffffffffffff", "event_action": "resolve", "dedup_key": "k"},
	}
	for _, ev := range bad {
		st, m := call(t, s, "POST", "/v2/enqueue", ev)
		if st != 400 || m["status"] != "invalid event" || len(toStrings(m["errors"])) == 0 {
			t.Errorf("%v: %d %v", ev, st, m)
		}
	}
	st, m := call(t, s, "POST", "/v2/change/enqueue", map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": "deploy v2"}})
	if st != 202 || m["status"] != "success" {
		t.Fatalf("change event: %d %v", st, m)
	}
	if ce := s.Data().ChangeEvents; len(ce) != 1 || ce[0].ServiceID != "PV00001" {
		t.Fatalf("change events: %v", ce)
	}
	if st, _ := call(t, s, "POST", "/v2/change/enqueue", map[string]any{"routing_key": smallKey}); st != 400 {
		t.Fatalf("change event without payload: %d", st)
	}
}

func TestChangeEvents(t *testing.T) {
	clk := newClock(testNow)
	s := NewServer(WithData(small()), WithNow(clk.now))
	defer s.Close()
	for i, summary := range []string{"deploy v1", "deploy v2"} {
		body := map[string]any{"routing_key": smallKey, "payload": map[string]any{"summary": summary, "source": "ci",
			"timestamp": testNow.Add(time.Duration(i-2) * time.Hour).Format(time.RFC3339)}}
		if st, _ := call(t, s, "POST", "/v2/change/enqueue", body); st != 202 {
			t.Fatalf("change event: %d", st)
		}
	}
	_, m := call(t, s, "GET", "/change_events?total=true", nil)
	ces := items(m, "change_events")
	if m["total"].(float64) != 2 || ces[0]["summary"] != "deploy v2" || str(ces[0], "integration", "id") != "PI00001" {
		t.Fatalf("change events: %v", m)
	}
	if _, m := call(t, s, "GET", "/change_events/"+ces[1]["id"].(string), nil); str(m, "change_event", "summary") != "deploy v1" {
		t.Fatalf("get: %v", m)
	}
	_, m = call(t, s, "GET", "/services/PV00001/change_events?since="+testNow.Add(-90*time.Minute).Format(time.RFC3339), nil)
	if got := items(m, "change_events"); len(got) != 1 || got[0]["summary"] != "deploy v2" {
		t.Fatalf("service change events since: %v", got)
	}
	call(t, s, "POST", "/v2/enqueue", event("trigger", "after-deploy"))
	_, m = call(t, s, "GET", "/incidents?incident_key=after-deploy", nil)
	id := items(m, "incidents")[0]["id"].(string)
	_, m = call(t, s, "GET", "/incidents/"+id+"/related_change_events", nil)
	if got := items(m, "change_events"); len(got) != 2 || str(got[0], "correlation_reason", "reason") != "related_service" {
		t.Fatalf("related change events: %v", got)
	}
}
