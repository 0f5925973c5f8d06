package mcptools

import (
	"strings"
	"testing"
)

func TestSendEventOpensAnIncident(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	svc := d.Services[3]
	var sent EventSent
	txt := e.ok(t, "send_event", map[string]any{
		"service": svc.Name, "summary": "CPU 97% on web-1", "source": "web-1", "severity": "critical",
		"details": []string{"cpu=97%", "host=web-1"}, "links": []string{"https://grafana.example.com/d/1"},
	}, &sent)
	if sent.Status != "success" || sent.DedupKey == "" || sent.Service.ID != svc.ID {
		t.Fatalf("sent %+v", sent)
	}
	for _, i := range svc.Integrations {
		if i.Key != "" && strings.Contains(txt, i.Key) {
			t.Error("the answer shows the integration key")
		}
	}
	var opened bool
	for _, inc := range e.pd.Data().Incidents {
		if inc.ServiceID == svc.ID && inc.Title == "CPU 97% on web-1" {
			opened = true
		}
	}
	if !opened {
		t.Error("the trigger opened no incident on the service")
	}
	var resolved EventSent
	e.ok(t, "send_event", map[string]any{"service": svc.ID, "action": "resolve", "dedup_key": sent.DedupKey}, &resolved)
	if resolved.Status != "success" {
		t.Errorf("resolve: %+v", resolved)
	}
	for _, bad := range []map[string]any{
		{"service": svc.ID},
		{"service": svc.ID, "action": "resolve"},
		{"service": svc.ID, "summary": "x", "details": []string{"novalue"}},
		{"service": svc.ID, "summary": "x", "links": []string{"javascript:alert(1)"}},
	} {
		e.pd.ResetRequests()
		e.fails(t, "send_event", bad)
		if n := len(e.pd.Requests()); n != 0 {
			t.Errorf("%v sent %d requests", bad, n)
		}
	}
}

func TestSendChangeEvent(t *testing.T) {
	e := newEnv(t, writes)
	svc := e.pd.Data().Services[0]
	var sent EventSent
	e.ok(t, "send_change_event", map[string]any{"service": svc.ID, "summary": "Deployed v2.3.1", "source": "ci", "details": []string{"commit=4f2a9c1"}}, &sent)
	if sent.Status != "success" {
		t.Fatalf("sent %+v", sent)
	}
	ces := e.pd.Data().ChangeEvents
	if len(ces) == 0 || ces[len(ces)-1].Summary != "Deployed v2.3.1" || ces[len(ces)-1].ServiceID != svc.ID {
		t.Errorf("change events %+v", ces)
	}
}
