package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const phoneMethodJSON = `{"id":"PCM0002","type":"sms_contact_method","summary":"Mobile","label":"Mobile",
 "address":"5551234567","country_code":1,"enabled":true,"blacklisted":false}`

func checkPhoneMethod(t *testing.T, got any) {
	t.Helper()
	m := got.(*pagerduty.ContactMethod)
	if m.ID != "PCM0002" || m.Type != pagerduty.ContactMethodSMS || m.CountryCode != 1 || m.Address != "5551234567" || !m.Enabled {
		t.Errorf("contact method %+v", m)
	}
}

func TestUserContactMethodRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "ListContactMethods",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListContactMethods(ctx, "PUSER01")
			},
			answer: `{"contact_methods":[` + phoneMethodJSON + `,{"id":"PCM0003","type":"push_notification_contact_method",
				"label":"Phone","address":"tok","device_type":"ios","sounds":[{"type":"alert_high_urgency","file":"siren"}],
				"created_at":"2026-02-03T04:05:06Z"}]}`,
			want: wantRequest{method: "GET", path: "/users/PUSER01/contact_methods"},
			check: func(t *testing.T, got any) {
				ms := got.([]pagerduty.ContactMethod)
				if len(ms) != 2 {
					t.Fatalf("%d methods", len(ms))
				}
				checkPhoneMethod(t, &ms[0])
				push := ms[1]
				if push.Type != pagerduty.ContactMethodPush || push.DeviceType != "ios" || len(push.Sounds) != 1 ||
					!push.CreatedAt.Equal(time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)) {
					t.Errorf("push method %+v", push)
				}
			},
		},
		{
			name: "GetContactMethod",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetContactMethod(ctx, "PUSER01", "PCM0002")
			},
			answer: `{"contact_method":` + phoneMethodJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/contact_methods/PCM0002"},
			check:  checkPhoneMethod,
		},
		{
			name: "CreateContactMethod",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.CreateContactMethod(ctx, "PUSER01", &pagerduty.ContactMethodParams{
					Type: pagerduty.ContactMethodSMS, Label: "Mobile", Address: "5551234567", CountryCode: 1})
			},
			status: 201,
			answer: `{"contact_method":` + phoneMethodJSON + `}`,
			want: wantRequest{method: "POST", path: "/users/PUSER01/contact_methods",
				body: `{"contact_method":{"type":"sms_contact_method","label":"Mobile","address":"5551234567","country_code":1}}`},
			check: checkPhoneMethod,
		},
		{
			name: "UpdateContactMethod",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.UpdateContactMethod(ctx, "PUSER01", "PCM0001", &pagerduty.ContactMethodParams{
					Type: pagerduty.ContactMethodEmail, Label: "Work", Address: "ada@example.com", SendShortEmail: pointerTo(false)})
			},
			answer: `{"contact_method":` + phoneMethodJSON + `}`,
			want: wantRequest{method: "PUT", path: "/users/PUSER01/contact_methods/PCM0001",
				body: `{"contact_method":{"type":"email_contact_method","label":"Work","address":"ada@example.com","send_short_email":false}}`},
			check: checkPhoneMethod,
		},
		{
			name: "DeleteContactMethod",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.DeleteContactMethod(ctx, "PUSER01", "PCM0001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01/contact_methods/PCM0001"},
		},
	})
}

func TestUserContactMethodsRejectBadInput(t *testing.T) {
	ok := pagerduty.ContactMethodParams{Type: pagerduty.ContactMethodPhone, Label: "Mobile", Address: "5551234567", CountryCode: 44}
	with := func(f func(p *pagerduty.ContactMethodParams)) *pagerduty.ContactMethodParams {
		p := ok
		f(&p)
		return &p
	}
	create := func(p *pagerduty.ContactMethodParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.CreateContactMethod(ctx, "PUSER01", p)
			return err
		}
	}
	runBadCalls(t, []badCall{
		{"no type", create(with(func(p *pagerduty.ContactMethodParams) { p.Type = "" })), "Type is required"},
		{"reference type", create(with(func(p *pagerduty.ContactMethodParams) { p.Type = pagerduty.ContactMethodReferenceSMS })), "is not accepted"},
		{"no label", create(with(func(p *pagerduty.ContactMethodParams) { p.Label = " " })), "Label is required"},
		{"no address", create(with(func(p *pagerduty.ContactMethodParams) { p.Address = "" })), "Address is required"},
		{"no country code", create(with(func(p *pagerduty.ContactMethodParams) { p.CountryCode = 0 })), "country calling code"},
		{"country code on email", create(with(func(p *pagerduty.ContactMethodParams) { p.Type = pagerduty.ContactMethodEmail })), "only for phone"},
		{"short email on phone", create(with(func(p *pagerduty.ContactMethodParams) { p.SendShortEmail = pointerTo(true) })), "only for email"},
		{"nil params", create(nil), "params is required"},
		{"bad method id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Users.DeleteContactMethod(ctx, "PUSER01", "x?y")
		}, "contact_method_id"},
	})
}

func TestContactMethodRefUsesTheReferenceType(t *testing.T) {
	m := pagerduty.ContactMethod{ID: "PCM0002", Type: pagerduty.ContactMethodSMS}
	if r := m.Ref(); r.ID != "PCM0002" || r.Type != "sms_contact_method_reference" {
		t.Errorf("Ref() = %+v", r)
	}
	if got := pagerduty.ContactMethodReferenceEmail.Reference(); got != pagerduty.ContactMethodReferenceEmail {
		t.Errorf("a reference type became %q", got)
	}
}
