package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// contactKinds maps the kinds the tools take to the API's types.
var contactKinds = map[string]pagerduty.ContactMethodType{
	"email": pagerduty.ContactMethodEmail,
	"phone": pagerduty.ContactMethodPhone,
	"sms":   pagerduty.ContactMethodSMS,
	"push":  pagerduty.ContactMethodPush,
}

// kindOf returns the short kind of a contact method type ("sms"), whether
// the type names a method or a reference to one.
func kindOf(t pagerduty.ContactMethodType) string {
	base := pagerduty.ContactMethodType(strings.TrimSuffix(string(t), "_reference"))
	for k, v := range contactKinds {
		if v == base {
			return k
		}
	}
	return strings.TrimSuffix(string(base), "_contact_method")
}

// phoneLike reports a method whose address is a phone number.
func phoneLike(t pagerduty.ContactMethodType) bool {
	switch t {
	case pagerduty.ContactMethodPhone, pagerduty.ContactMethodSMS, pagerduty.ContactMethodWhatsApp:
		return true
	}
	return false
}

func trimContactMethod(m *pagerduty.ContactMethod) ContactMethod {
	return ContactMethod{ID: m.ID, Type: string(m.Type), Label: m.Label, Address: contactAddress(m)}
}

// line renders a contact method: sms "Mobile" +44 7700900123 (PCM1).
func (m *ContactMethod) line() string {
	s := kindOf(pagerduty.ContactMethodType(m.Type))
	if m.Label != "" {
		s += fmt.Sprintf(" %q", m.Label)
	}
	if m.Address != "" {
		s += " " + m.Address
	}
	return s + " (" + m.ID + ")"
}

// digits keeps the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// sameAddress reports whether v is the address of m: the same text, or for
// a phone number the same digits, with or without the country code.
func sameAddress(m *pagerduty.ContactMethod, v string) bool {
	if strings.EqualFold(strings.TrimSpace(m.Address), v) {
		return true
	}
	d := digits(v)
	if !phoneLike(m.Type) || len(d) < 5 {
		return false
	}
	a := digits(m.Address)
	return d == a || (m.CountryCode > 0 && d == itoa(m.CountryCode)+a)
}

// findContactMethod resolves the user of in, lists their contact methods
// and picks the one in names.
func findContactMethod(ctx context.Context, c *call, in contactMethodIn) (string, *pagerduty.ContactMethod, error) {
	user, err := resolveUser(ctx, c, "user", in.User)
	if err != nil {
		return "", nil, err
	}
	methods, err := c.client.Users.ListContactMethods(ctx, user)
	if err != nil {
		return "", nil, err
	}
	m, err := pickContactMethod(methods, in.ContactMethod, in.Type)
	if err != nil {
		return "", nil, err
	}
	return user, m, nil
}

// pickContactMethod chooses among a user's methods the one that v names (an
// ID, an address or a label), of kind when kind is set; with v empty, the
// user's only method of that kind. No match and several matches are tool
// errors that list the user's methods with their IDs.
func pickContactMethod(methods []pagerduty.ContactMethod, v, kind string) (*pagerduty.ContactMethod, error) {
	v = strings.TrimSpace(v)
	var cands []*pagerduty.ContactMethod
	for i := range methods {
		if kind == "" || methods[i].Type == contactKinds[kind] {
			cands = append(cands, &methods[i])
		}
	}
	if v != "" {
		var byID, byAddress, byLabel []*pagerduty.ContactMethod
		for _, m := range cands {
			switch {
			case m.ID == v:
				byID = append(byID, m)
			case sameAddress(m, v):
				byAddress = append(byAddress, m)
			case strings.EqualFold(strings.TrimSpace(m.Label), v):
				byLabel = append(byLabel, m)
			}
		}
		cands = byID
		if len(cands) == 0 {
			cands = byAddress
		}
		if len(cands) == 0 {
			cands = byLabel
		}
	}
	switch len(cands) {
	case 1:
		return cands[0], nil
	case 0:
		what := "method"
		if kind != "" {
			what = kind + " method"
		}
		if v != "" {
			what += fmt.Sprintf(" with the ID, address or label %q", truncate(v, 60))
		}
		all := make([]*pagerduty.ContactMethod, len(methods))
		for i := range methods {
			all[i] = &methods[i]
		}
		if len(all) == 0 {
			return nil, argError("contact_method", "the user has no contact methods: add one with add_contact_method")
		}
		return nil, argError("contact_method", "the user has no %s; their methods are: %s", what, listMethods(all))
	}
	return nil, argError("contact_method", "%d methods match: %s. Call again with one of these IDs (or narrow with type)", len(cands), listMethods(cands))
}

func listMethods(ms []*pagerduty.ContactMethod) string {
	s := make([]string, 0, len(ms))
	for i, m := range ms {
		if i == maxCandidates {
			s = append(s, fmt.Sprintf("and %d more", len(ms)-i))
			break
		}
		t := trimContactMethod(m)
		s = append(s, t.line())
	}
	return strings.Join(s, ", ")
}

type contactMethodIn struct {
	User          string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Whose method: \"me\", an ID, a name or an email."`
	ContactMethod string `json:"contact_method,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Which method: its ID, address or label (get_user lists them). May be left out when type leaves one."`
	Type          string `json:"type,omitempty" jsonschema:"enum=email,enum=phone,enum=sms,enum=push" jsonschema_description:"Only consider methods of this kind."`
}

func (in *contactMethodIn) check() error {
	if strings.TrimSpace(in.ContactMethod) == "" && in.Type == "" {
		return argError("contact_method", "say which method: its ID, address or label, or a type the user has one method of")
	}
	return checkMethodName(in.ContactMethod)
}

// checkMethodName refuses a contact method argument with characters that
// no ID, phone number, email address or sensible label has, which only a
// confused or hostile caller sends.
func checkMethodName(v string) error {
	if i := strings.IndexFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f || strings.ContainsRune("/?#\\", r) }); i >= 0 {
		return argError("contact_method", "character %q at position %d is not accepted: pass the method's ID (get_user lists them), its address or its label", v[i], i)
	}
	return nil
}

// ContactMethodChange confirms a change to one of a user's contact
// methods.
type ContactMethodChange struct {
	User string `json:"user_id"`
	// Action is "updated", "unchanged" or "removed".
	Action        string        `json:"action"`
	ContactMethod ContactMethod `json:"contact_method"`
	// Was is the method before an update.
	Was *ContactMethod `json:"was,omitempty"`
	// ShortEmail reports whether an updated email method sends short
	// emails.
	ShortEmail *bool `json:"short_email,omitempty"`
	// RulesRemoved are the notification rules that used a removed method
	// and went with it.
	RulesRemoved []string `json:"notification_rules_removed,omitempty"`
	// Warning points out what the change leaves behind.
	Warning string `json:"warning,omitempty"`
}

func (c *ContactMethodChange) text() string {
	var s string
	switch c.Action {
	case "removed":
		s = "Removed " + c.ContactMethod.line() + " from user " + c.User + "."
		if len(c.RulesRemoved) > 0 {
			s += " Its notification rules went with it: " + strings.Join(c.RulesRemoved, ", ") + "."
		}
	case "unchanged":
		s = "Nothing to change: user " + c.User + " already has " + c.ContactMethod.line() + "."
	default:
		s = "Updated user " + c.User + "'s " + c.ContactMethod.line()
		if c.ShortEmail != nil {
			s += map[bool]string{true: " (short emails)", false: " (full emails)"}[*c.ShortEmail]
		}
		s += "; it was " + c.Was.line() + "."
	}
	if c.Warning != "" {
		s += " " + c.Warning
	}
	return s
}

type updateContactIn struct {
	contactMethodIn
	Label       string `json:"label,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Its new label, such as Mobile."`
	Address     string `json:"address,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Its new email address, or phone number without the country code."`
	CountryCode int    `json:"country_code,omitempty" jsonschema:"minimum=1,maximum=1999" jsonschema_description:"Phone and sms: its new country calling code, such as 44."`
	ShortEmail  *bool  `json:"short_email,omitempty" jsonschema_description:"Email: send short notification emails (true) or full ones (false)."`
}

// fits refuses the changes a method of type t cannot take.
func (in *updateContactIn) fits(t pagerduty.ContactMethodType, address string) error {
	kind := kindOf(t)
	article := "a"
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		article = "an"
	}
	switch {
	case in.CountryCode != 0 && !phoneLike(t):
		return argError("country_code", "it is %s %s method: country codes are for phone and sms numbers", article, kind)
	case in.ShortEmail != nil && t != pagerduty.ContactMethodEmail:
		return argError("short_email", "it is %s %s method: short emails are for email methods", article, kind)
	case address != "" && t == pagerduty.ContactMethodPush:
		return argError("address", "a push method's address is its device's token, which the mobile app sets: change its label only")
	}
	return nil
}

var updateContactMethod = &tool[updateContactIn, *ContactMethodChange]{
	spec: spec{
		name:        "update_contact_method",
		title:       "Change a contact method",
		toolset:     ToolsetUsers,
		write:       true,
		idempotent:  true,
		description: `Changes a user's existing email, phone or SMS contact method: its label, address, country code, or short emails. What is not passed is kept; its kind cannot change (add a new one with add_contact_method).`,
		notFound:    "get_user",
	},
	handler: func(ctx context.Context, c *call, in updateContactIn) (*ContactMethodChange, error) {
		if err := in.check(); err != nil {
			return nil, err
		}
		label, address := strings.TrimSpace(in.Label), strings.TrimSpace(in.Address)
		if label == "" && address == "" && in.CountryCode == 0 && in.ShortEmail == nil {
			return nil, argError("label", "nothing to change: pass label, address, country_code or short_email")
		}
		if in.Type != "" {
			// The kind is known: refuse what it cannot take before any
			// request.
			if err := in.fits(contactKinds[in.Type], address); err != nil {
				return nil, err
			}
		}
		user, m, err := findContactMethod(ctx, c, in.contactMethodIn)
		if err != nil {
			return nil, err
		}
		if err := in.fits(m.Type, address); err != nil {
			return nil, err
		}
		p := &pagerduty.ContactMethodParams{Type: m.Type, Label: firstNonEmpty(label, m.Label), Address: firstNonEmpty(address, m.Address)}
		if phoneLike(m.Type) {
			p.CountryCode = m.CountryCode
			if in.CountryCode != 0 {
				p.CountryCode = in.CountryCode
			}
		}
		if m.Type == pagerduty.ContactMethodEmail {
			short := m.SendShortEmail
			if in.ShortEmail != nil {
				short = *in.ShortEmail
			}
			p.SendShortEmail = &short
		}
		was := trimContactMethod(m)
		if p.Label == m.Label && p.Address == m.Address && p.CountryCode == m.CountryCode &&
			(p.SendShortEmail == nil || *p.SendShortEmail == m.SendShortEmail) {
			return &ContactMethodChange{User: user, Action: "unchanged", ContactMethod: was}, nil
		}
		updated, err := c.client.Users.UpdateContactMethod(ctx, user, m.ID, p)
		if err != nil {
			return nil, err
		}
		return &ContactMethodChange{User: user, Action: "updated", ContactMethod: trimContactMethod(updated), Was: &was, ShortEmail: p.SendShortEmail}, nil
	},
}

var removeContactMethod = &tool[contactMethodIn, *ContactMethodChange]{
	spec: spec{
		name:        "remove_contact_method",
		title:       "Remove a contact method",
		toolset:     ToolsetUsers,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Removes one of a user's contact methods; the notification rules that use it go with it, and the answer names them. The login email cannot be removed.`,
		notFound:    "get_user",
	},
	handler: func(ctx context.Context, c *call, in contactMethodIn) (*ContactMethodChange, error) {
		if err := in.check(); err != nil {
			return nil, err
		}
		user, m, err := findContactMethod(ctx, c, in)
		if err != nil {
			return nil, err
		}
		rules, err := c.client.Users.ListNotificationRules(ctx, user, &pagerduty.ListNotificationRulesOptions{Urgency: pagerduty.NotificationRuleUrgencyAll})
		if err != nil {
			return nil, fmt.Errorf("listing the notification rules that use %s: %w", m.ID, err)
		}
		if err := c.client.Users.DeleteContactMethod(ctx, user, m.ID); err != nil {
			return nil, err
		}
		out := &ContactMethodChange{User: user, Action: "removed", ContactMethod: trimContactMethod(m)}
		high := 0
		for _, r := range rules {
			if r.ContactMethod != nil && r.ContactMethod.ID == m.ID {
				out.RulesRemoved = append(out.RulesRemoved, r.ID)
			} else if r.Urgency == pagerduty.UrgencyHigh {
				high++
			}
		}
		if len(out.RulesRemoved) > 0 && high == 0 {
			out.Warning = "They now have no notification rule for high-urgency incidents: add one with set_notification_rule."
		}
		return out, nil
	},
}
