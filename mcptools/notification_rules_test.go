package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

// rulesFake is a user PUSER01 with an SMS and a phone method and one
// high-urgency rule on the SMS; it echoes the rules it is sent.
func rulesFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /users/PUSER01/contact_methods", jsonOf(t, `{"contact_methods":[
		{"id":"PSMS001","type":"sms_contact_method","label":"Mobile","address":"7700900123","country_code":44},
		{"id":"PPHONE1","type":"phone_contact_method","label":"Mobile","address":"7700900123","country_code":44}]}`))
	rule := `{"id":"PRULE01","type":"assignment_notification_rule","start_delay_in_minutes":0,"urgency":"high",
		"contact_method":{"id":"PSMS001","type":"sms_contact_method","label":"Mobile","address":"7700900123","country_code":44}}`
	f.answer("GET /users/PUSER01/notification_rules", jsonOf(t, `{"notification_rules":[`+rule+`]}`))
	f.answer("GET /users/PUSER01/notification_rules/PRULE01", jsonOf(t, `{"notification_rule":`+rule+`}`))
	echo := func(id string) func(r *fakeRequest) (int, any) {
		return func(r *fakeRequest) (int, any) {
			nr, _ := r.Body["notification_rule"].(map[string]any)
			out := map[string]any{"id": id}
			for k, v := range nr {
				out[k] = v
			}
			return http.StatusOK, map[string]any{"notification_rule": out}
		}
	}
	f.on("PUT /users/PUSER01/notification_rules/PRULE01", echo("PRULE01"))
	f.on("POST /users/PUSER01/notification_rules", echo("PRULE02"))
	f.on("DELETE /users/PUSER01/notification_rules/PRULE01", func(*fakeRequest) (int, any) { return http.StatusNoContent, nil })
	return f
}

func TestSetNotificationRuleKeepsWhatIsNotPassed(t *testing.T) {
	f := rulesFake(t)
	e := f.env(t)
	var ch NotificationRuleChange
	txt := e.ok(t, "set_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE01", "type": "phone"}, &ch)
	sent, _ := f.last(t, "PUT /users/PUSER01/notification_rules/PRULE01").Body["notification_rule"].(map[string]any)
	if dig(sent, "contact_method", "id") != "PPHONE1" || dig(sent, "contact_method", "type") != "phone_contact_method_reference" ||
		sent["urgency"] != "high" || sent["start_delay_in_minutes"] != float64(0) {
		t.Errorf("sent %v", sent)
	}
	// The answer names the method in full although PagerDuty's echo is a
	// reference.
	if ch.Action != "updated" || ch.Rule.ContactMethod.Address != "+44 7700900123" || ch.Rule.ContactMethod.Type != "phone_contact_method" || ch.Was.ContactMethod.ID != "PSMS001" {
		t.Errorf("answer %+v", ch)
	}
	if !containsAll(txt, "by phone", "it was", "by sms") {
		t.Errorf("text: %s", txt)
	}
	// The same values again: no write.
	f.reset()
	e.ok(t, "set_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE01", "urgency": "high", "start_delay_in_minutes": 0}, &ch)
	if ch.Action != "unchanged" || len(f.writes()) != 0 {
		t.Errorf("unchanged: %+v, writes %v", ch, keys(f.writes()))
	}
}

func TestSetNotificationRuleAddsOnce(t *testing.T) {
	f := rulesFake(t)
	e := f.env(t)
	var ch NotificationRuleChange
	// The SMS already notifies at once for high urgency.
	e.ok(t, "set_notification_rule", map[string]any{"user": "PUSER01", "type": "sms", "urgency": "high"}, &ch)
	if ch.Action != "unchanged" || ch.Rule.ID != "PRULE01" || len(f.writes()) != 0 {
		t.Fatalf("existing rule: %+v, writes %v", ch, keys(f.writes()))
	}
	e.ok(t, "set_notification_rule", map[string]any{"user": "PUSER01", "contact_method": "PPHONE1", "urgency": "high", "start_delay_in_minutes": 5}, &ch)
	sent, _ := f.last(t, "POST /users/PUSER01/notification_rules").Body["notification_rule"].(map[string]any)
	if dig(sent, "contact_method", "id") != "PPHONE1" || sent["urgency"] != "high" || sent["start_delay_in_minutes"] != float64(5) || sent["type"] != "assignment_notification_rule" {
		t.Errorf("sent %v", sent)
	}
	if ch.Action != "created" || ch.Rule.ID != "PRULE02" || ch.Rule.StartDelay != 5 || ch.Rule.ContactMethod.Label != "Mobile" {
		t.Errorf("answer %+v", ch)
	}
}

func TestNotificationRuleToolsRefuseBadInput(t *testing.T) {
	f := rulesFake(t)
	e := f.env(t)
	for _, tc := range []struct {
		tool string
		args map[string]any
		says string
	}{
		{"set_notification_rule", map[string]any{"user": "PUSER01", "urgency": "high"}, "needs a contact method"},
		{"set_notification_rule", map[string]any{"user": "PUSER01", "type": "sms"}, "needs the urgency"},
		{"set_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE01"}, "nothing to change"},
		{"set_notification_rule", map[string]any{"user": "PUSER01", "rule": "../PRULE01", "urgency": "low"}, `"rule"`},
		{"set_notification_rule", map[string]any{"user": "PUSER01", "type": "sms", "urgency": "low", "start_delay_in_minutes": -1}, "start_delay_in_minutes"},
		{"set_notification_rule", map[string]any{"user": "PUSER01", "type": "sms", "urgency": "urgent"}, "urgency"},
		{"remove_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE01/x"}, `"rule"`},
		{"remove_notification_rule", map[string]any{"user": "PUSER01"}, "rule"},
		{"list_notification_rules", map[string]any{"user": "PUSER01", "urgency": "all"}, "urgency"},
	} {
		if msg := e.fails(t, tc.tool, tc.args); !strings.Contains(msg, tc.says) {
			t.Errorf("%s(%v): %s; want it to say %q", tc.tool, tc.args, msg, tc.says)
		}
	}
	if reqs := f.requests(); len(reqs) != 0 {
		t.Errorf("refused calls sent %v", keys(reqs))
	}
	// A contact method the user does not have is refused before a write.
	if msg := e.fails(t, "set_notification_rule", map[string]any{"user": "PUSER01", "type": "email", "urgency": "low"}); !containsAll(msg, "no email method", "PSMS001") {
		t.Errorf("no email method: %s", msg)
	}
	if w := f.writes(); len(w) != 0 {
		t.Errorf("refused calls wrote %v", keys(w))
	}
}

func TestListAndRemoveNotificationRules(t *testing.T) {
	f := rulesFake(t)
	e := f.env(t)
	var list NotificationRuleList
	txt := e.ok(t, "list_notification_rules", map[string]any{"user": "PUSER01", "urgency": "high"}, &list)
	q := f.last(t, "GET /users/PUSER01/notification_rules").Query
	if q.Get("urgency") != "high" || q.Get("include[]") != "contact_methods" {
		t.Errorf("query %v", q)
	}
	if len(list.Rules) != 1 || list.Rules[0].ContactMethod.Address != "+44 7700900123" || !strings.Contains(txt, "PRULE01: high urgency, at once, by sms") {
		t.Errorf("list %+v\n%s", list, txt)
	}
	e.ok(t, "list_notification_rules", map[string]any{"user": "PUSER01"}, &list)
	if q := f.last(t, "GET /users/PUSER01/notification_rules").Query; q.Get("urgency") != "all" {
		t.Errorf("default urgency %q, want all (the API's own default is high only)", q.Get("urgency"))
	}
	var ch NotificationRuleChange
	e.ok(t, "remove_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE01"}, &ch)
	if w := f.writes(); len(w) != 1 || w[0].key() != "DELETE /users/PUSER01/notification_rules/PRULE01" {
		t.Errorf("writes %v", keys(w))
	}
	if ch.Action != "removed" || ch.Rule.ContactMethod.ID != "PSMS001" {
		t.Errorf("answer %+v", ch)
	}
	// An unknown rule: PagerDuty's 404, with where to find the rules.
	if msg := e.fails(t, "remove_notification_rule", map[string]any{"user": "PUSER01", "rule": "PRULE09"}); !containsAll(msg, "404", "list_notification_rules") {
		t.Errorf("unknown rule: %s", msg)
	}
}
