package mcptools

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestPickContactMethod(t *testing.T) {
	methods := []pagerduty.ContactMethod{
		{ID: "PEMAIL1", Type: pagerduty.ContactMethodEmail, Label: "Work", Address: "ada@example.com"},
		{ID: "PSMS001", Type: pagerduty.ContactMethodSMS, Label: "Mobile", Address: "7700900123", CountryCode: 44},
		{ID: "PPHONE1", Type: pagerduty.ContactMethodPhone, Label: "Mobile", Address: "7700900123", CountryCode: 44},
		{ID: "PPHONE2", Type: pagerduty.ContactMethodPhone, Label: "Desk", Address: "2025550143", CountryCode: 1},
	}
	for _, tc := range []struct {
		v, kind, want string
	}{
		{"PSMS001", "", "PSMS001"},
		{"ADA@example.com", "", "PEMAIL1"},
		{"work", "", "PEMAIL1"},
		{"Mobile", "sms", "PSMS001"},
		{"+44 7700 900123", "phone", "PPHONE1"},
		{"447700900123", "sms", "PSMS001"},
		{"(202) 555-0143", "", "PPHONE2"},
		{"", "email", "PEMAIL1"},
		{"", "sms", "PSMS001"},
	} {
		got, err := pickContactMethod(methods, tc.v, tc.kind)
		if err != nil || got.ID != tc.want {
			t.Errorf("pick(%q, %q) = %v, %v; want %s", tc.v, tc.kind, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		v, kind string
		says    []string
	}{
		{"Mobile", "", []string{"2 methods match", "PSMS001", "PPHONE1", "narrow with type"}},
		{"", "phone", []string{"2 methods match", "PPHONE1", "PPHONE2"}},
		{"Pager", "", []string{`no method with the ID, address or label "Pager"`, "PEMAIL1", "PPHONE2"}},
		{"", "push", []string{"no push method", "PSMS001"}},
		{"PSMS001", "email", []string{"no email method", "PSMS001"}},
		// Few digits never match a phone number by its digits.
		{"44", "", []string{"no method"}},
	} {
		_, err := pickContactMethod(methods, tc.v, tc.kind)
		if err == nil || !containsAll(err.Error(), tc.says...) || !strings.Contains(err.Error(), `"contact_method"`) {
			t.Errorf("pick(%q, %q): %v; want it to say %q", tc.v, tc.kind, err, tc.says)
		}
	}
	if _, err := pickContactMethod(nil, "Mobile", ""); err == nil || !strings.Contains(err.Error(), "add_contact_method") {
		t.Errorf("no methods at all: %v", err)
	}
}

// contactFake is a user PUSER01 with an email, an SMS and a push method,
// and one notification rule on the SMS.
func contactFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /users/PUSER01/contact_methods", jsonOf(t, `{"contact_methods":[
		{"id":"PEMAIL1","type":"email_contact_method","label":"Work","address":"ada@example.com","send_short_email":true},
		{"id":"PSMS001","type":"sms_contact_method","label":"Mobile","address":"7700900123","country_code":44},
		{"id":"PPUSH01","type":"push_notification_contact_method","label":"Pixel","address":"device-token"}]}`))
	f.on("PUT /users/PUSER01/contact_methods/PEMAIL1", func(r *fakeRequest) (int, any) {
		cm, _ := r.Body["contact_method"].(map[string]any)
		out := map[string]any{"id": "PEMAIL1"}
		for k, v := range cm {
			out[k] = v
		}
		return http.StatusOK, map[string]any{"contact_method": out}
	})
	f.answer("GET /users/PUSER01/notification_rules", jsonOf(t, `{"notification_rules":[
		{"id":"PRULE01","type":"assignment_notification_rule","start_delay_in_minutes":0,"urgency":"high",
		 "contact_method":{"id":"PSMS001","type":"sms_contact_method_reference"}}]}`))
	f.on("DELETE /users/PUSER01/contact_methods/PSMS001", func(*fakeRequest) (int, any) { return http.StatusNoContent, nil })
	return f
}

func TestUpdateContactMethodSendsTheWholeMethod(t *testing.T) {
	f := contactFake(t)
	e := f.env(t)
	var ch ContactMethodChange
	txt := e.ok(t, "update_contact_method", map[string]any{"user": "PUSER01", "contact_method": "work", "address": "ada@new.example"}, &ch)
	sent, _ := f.last(t, "PUT /users/PUSER01/contact_methods/PEMAIL1").Body["contact_method"].(map[string]any)
	// A PUT replaces the method: what the call did not change is sent as it
	// was, short emails included.
	if sent["type"] != "email_contact_method" || sent["label"] != "Work" || sent["address"] != "ada@new.example" || sent["send_short_email"] != true {
		t.Errorf("sent %v", sent)
	}
	if _, ok := sent["country_code"]; ok {
		t.Errorf("an email method was sent a country code: %v", sent)
	}
	if ch.Action != "updated" || ch.ContactMethod.Address != "ada@new.example" || ch.Was.Address != "ada@example.com" || !strings.Contains(txt, "it was") {
		t.Errorf("answer %+v\n%s", ch, txt)
	}
	e.ok(t, "update_contact_method", map[string]any{"user": "PUSER01", "type": "email", "short_email": false}, &ch)
	if sent := f.last(t, "PUT /users/PUSER01/contact_methods/PEMAIL1").Body["contact_method"].(map[string]any); sent["send_short_email"] != false {
		t.Errorf("short_email false sent as %v", sent["send_short_email"])
	}
	// Asking for what is already there sends no write.
	f.reset()
	e.ok(t, "update_contact_method", map[string]any{"user": "PUSER01", "contact_method": "PSMS001", "label": "Mobile", "country_code": 44}, &ch)
	if ch.Action != "unchanged" || len(f.writes()) != 0 {
		t.Errorf("unchanged update: %+v, writes %v", ch, keys(f.writes()))
	}
}

func TestUpdateContactMethodRefusesBadInput(t *testing.T) {
	f := contactFake(t)
	e := f.env(t)
	// Refused before any request: nothing named, nothing to change, or a
	// change the named kind cannot take.
	for _, tc := range []struct {
		args map[string]any
		says string
	}{
		{map[string]any{"user": "PUSER01", "label": "x"}, `"contact_method"`},
		{map[string]any{"user": "PUSER01", "type": "sms"}, "nothing to change"},
		{map[string]any{"user": "PUSER01", "type": "email", "country_code": 44}, "an email method"},
		{map[string]any{"user": "PUSER01", "type": "sms", "short_email": true}, "short emails are for email"},
		{map[string]any{"user": "PUSER01", "type": "push", "address": "x"}, "device's token"},
		{map[string]any{"user": "PUSER01", "type": "fax", "label": "x"}, "type"},
		{map[string]any{"user": "PUSER01", "type": "sms", "country_code": 0.5}, "country_code"},
		{map[string]any{"user": "PUSER01", "contact_method": "PSMS001/../../users", "label": "x"}, "'/' at position 7 is not accepted"},
		{map[string]any{"user": "PUSER01", "contact_method": "Mobile\r\n", "label": "x"}, "not accepted"},
	} {
		if msg := e.fails(t, "update_contact_method", tc.args); !strings.Contains(msg, tc.says) {
			t.Errorf("%v: %s; want it to say %q", tc.args, msg, tc.says)
		}
	}
	if reqs := f.requests(); len(reqs) != 0 {
		t.Errorf("refused calls sent %v", keys(reqs))
	}
	// Known only once the method is found: still no write.
	for _, tc := range []struct {
		args map[string]any
		says string
	}{
		{map[string]any{"user": "PUSER01", "contact_method": "Work", "country_code": 44}, "an email method"},
		{map[string]any{"user": "PUSER01", "contact_method": "Pixel", "address": "other-token"}, "device's token"},
		{map[string]any{"user": "PUSER01", "contact_method": "Pager", "label": "x"}, "PPUSH01"},
	} {
		if msg := e.fails(t, "update_contact_method", tc.args); !strings.Contains(msg, tc.says) {
			t.Errorf("%v: %s; want it to say %q", tc.args, msg, tc.says)
		}
	}
	if w := f.writes(); len(w) != 0 {
		t.Errorf("refused calls wrote %v", keys(w))
	}
}

func TestRemoveContactMethod(t *testing.T) {
	f := contactFake(t)
	e := f.env(t)
	if msg := e.fails(t, "remove_contact_method", map[string]any{"user": "PUSER01"}); !strings.Contains(msg, `"contact_method"`) || len(f.requests()) != 0 {
		t.Errorf("nothing named: %s, requests %v", msg, keys(f.requests()))
	}
	var ch ContactMethodChange
	txt := e.ok(t, "remove_contact_method", map[string]any{"user": "PUSER01", "contact_method": "+44 7700900123"}, &ch)
	if w := f.writes(); len(w) != 1 || w[0].key() != "DELETE /users/PUSER01/contact_methods/PSMS001" {
		t.Fatalf("writes %v", keys(w))
	}
	if q := f.last(t, "GET /users/PUSER01/notification_rules").Query; q.Get("urgency") != "all" {
		t.Errorf("rules read with urgency %q: the low-urgency ones would be missed", q.Get("urgency"))
	}
	// Its only high-urgency rule went with it: the answer warns.
	if ch.ContactMethod.ID != "PSMS001" || len(ch.RulesRemoved) != 1 || ch.RulesRemoved[0] != "PRULE01" || !strings.Contains(ch.Warning, "no notification rule for high-urgency") {
		t.Errorf("answer %+v", ch)
	}
	if !containsAll(txt, "Removed sms", "PRULE01", "set_notification_rule") {
		t.Errorf("text: %s", txt)
	}
}
