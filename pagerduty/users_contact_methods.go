package pagerduty

import (
	"context"
	"fmt"
	"strings"
)

// ContactMethodType is the kind of a contact method. References to contact
// methods use the same names with "_reference" appended.
type ContactMethodType string

// The kinds of contact methods.
const (
	ContactMethodEmail    ContactMethodType = "email_contact_method"
	ContactMethodPhone    ContactMethodType = "phone_contact_method"
	ContactMethodSMS      ContactMethodType = "sms_contact_method"
	ContactMethodPush     ContactMethodType = "push_notification_contact_method"
	ContactMethodWhatsApp ContactMethodType = "whatsapp_contact_method"
)

// The kinds of references to contact methods, which notification rules
// take.
const (
	ContactMethodReferenceEmail    ContactMethodType = "email_contact_method_reference"
	ContactMethodReferencePhone    ContactMethodType = "phone_contact_method_reference"
	ContactMethodReferenceSMS      ContactMethodType = "sms_contact_method_reference"
	ContactMethodReferencePush     ContactMethodType = "push_notification_contact_method_reference"
	ContactMethodReferenceWhatsApp ContactMethodType = "whatsapp_contact_method_reference"
)

// Reference returns the reference type of t: ContactMethodEmail.Reference()
// is ContactMethodReferenceEmail. A reference type is returned unchanged.
func (t ContactMethodType) Reference() ContactMethodType {
	if t == "" || strings.HasSuffix(string(t), "_reference") {
		return t
	}
	return t + "_reference"
}

// Ref returns a reference to the contact method, the shape notification
// rules take.
func (m *ContactMethod) Ref() Reference {
	return Reference{ID: m.ID, Type: string(m.Type.Reference())}
}

// ContactMethodParams describes a contact method to create, or the new
// state of one to update. Type, Label and Address are required; phone, SMS
// and WhatsApp methods need CountryCode too.
type ContactMethodParams struct {
	Type ContactMethodType
	// Label names the method for the user ("Work", "Mobile").
	Label string
	// Address is the email address, or the phone number without its
	// country code.
	Address string
	// CountryCode is the phone number's country calling code (1 for the
	// US and Canada, 44 for the UK).
	CountryCode int
	// SendShortEmail asks for short emails (email methods only).
	SendShortEmail *bool
}

type contactMethodWire struct {
	Type           ContactMethodType `json:"type"`
	Label          string            `json:"label"`
	Address        string            `json:"address"`
	CountryCode    int               `json:"country_code,omitempty"`
	SendShortEmail *bool             `json:"send_short_email,omitempty"`
}

func (p *ContactMethodParams) wire() (*contactMethodWire, error) {
	if p == nil {
		return nil, required("the contact method params", "pass a *ContactMethodParams")
	}
	if p.Type == "" {
		return nil, required("Type", "the kind of method, such as ContactMethodEmail")
	}
	if err := oneOf("Type", []ContactMethodType{p.Type}, ContactMethodEmail, ContactMethodPhone,
		ContactMethodSMS, ContactMethodPush, ContactMethodWhatsApp); err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Label) == "" {
		return nil, required("Label", `a name for the method, such as "Work"`)
	}
	if strings.TrimSpace(p.Address) == "" {
		return nil, required("Address", "the email address, phone number or device token")
	}
	switch p.Type {
	case ContactMethodPhone, ContactMethodSMS, ContactMethodWhatsApp:
		if p.CountryCode < 1 || p.CountryCode > 1999 {
			return nil, fmt.Errorf("pagerduty: CountryCode %d: phone methods need the country calling code, 1 to 1999", p.CountryCode)
		}
	default:
		if p.CountryCode != 0 {
			return nil, fmt.Errorf("pagerduty: CountryCode is only for phone, SMS and WhatsApp methods, not %s", p.Type)
		}
	}
	if p.SendShortEmail != nil && p.Type != ContactMethodEmail {
		return nil, fmt.Errorf("pagerduty: SendShortEmail is only for email methods, not %s", p.Type)
	}
	return &contactMethodWire{Type: p.Type, Label: p.Label, Address: p.Address,
		CountryCode: p.CountryCode, SendShortEmail: p.SendShortEmail}, nil
}

// ListContactMethods returns the contact methods of the user with the given
// ID.
//
// OAuth scope users:contact_methods.read.
func (s *UsersService) ListContactMethods(ctx context.Context, userID string) ([]ContactMethod, error) {
	return sliceAt[ContactMethod](ctx, s.client, "/users/{id}/contact_methods", "contact_methods", nil, userID)
}

// GetContactMethod returns one contact method of a user.
//
// OAuth scope users:contact_methods.read.
func (s *UsersService) GetContactMethod(ctx context.Context, userID, contactMethodID string) (*ContactMethod, error) {
	return getAt[ContactMethod](ctx, s.client, "/users/{id}/contact_methods/{contact_method_id}", "contact_method", userID, contactMethodID)
}

// CreateContactMethod adds a contact method to the user with the given ID
// and returns it. The API refuses an address the user already has.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) CreateContactMethod(ctx context.Context, userID string, p *ContactMethodParams) (*ContactMethod, error) {
	return writeAt[ContactMethod](ctx, s.client, "POST", "/users/{id}/contact_methods", "contact_method", p.wire, userID)
}

// UpdateContactMethod replaces a contact method of a user with p and
// returns it as it is now.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) UpdateContactMethod(ctx context.Context, userID, contactMethodID string, p *ContactMethodParams) (*ContactMethod, error) {
	return writeAt[ContactMethod](ctx, s.client, "PUT", "/users/{id}/contact_methods/{contact_method_id}", "contact_method", p.wire, userID, contactMethodID)
}

// DeleteContactMethod removes a contact method of a user, and the
// notification rules that use it.
//
// OAuth scope users:contact_methods.write.
func (s *UsersService) DeleteContactMethod(ctx context.Context, userID, contactMethodID string) error {
	return deleteAt(ctx, s.client, "/users/{id}/contact_methods/{contact_method_id}", userID, contactMethodID)
}
