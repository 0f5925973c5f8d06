package pdtest

import (
	"net/http"
	"slices"
	"strings"
)

// Contact methods.

func contactMethods() userItems[ContactMethod] {
	return userItems[ContactMethod]{what: "contact method", key: "contact_method", listKey: "contact_methods", pathID: "cid",
		of:     func(u *User) *[]ContactMethod { return &u.ContactMethods },
		id:     func(v *ContactMethod) *string { return &v.ID },
		render: func(c *rc, u *User, v *ContactMethod) any { return c.contactMethod(u, v) }}
}

func (h *Handler) listContactMethods(w http.ResponseWriter, r *http.Request) {
	contactMethods().list(h, w, r, nil)
}

func (h *Handler) getContactMethod(w http.ResponseWriter, r *http.Request) {
	contactMethods().get(h, w, r)
}

var contactTypes = []string{"email_contact_method", "phone_contact_method", "push_notification_contact_method", "sms_contact_method"}

type contactMethodIn struct {
	ContactMethod *struct {
		Type        *string `json:"type"`
		Label       *string `json:"label"`
		Address     *string `json:"address"`
		CountryCode *int    `json:"country_code"`
	} `json:"contact_method"`
}

// applyContactMethod reads a contact method body onto v and checks it.
func applyContactMethod(r *http.Request, _ *User, v *ContactMethod) *apiError {
	var in contactMethodIn
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.ContactMethod == nil {
		return errInvalid(`the body must hold a "contact_method" object`)
	}
	if in.ContactMethod.Type != nil {
		v.Type = *in.ContactMethod.Type
	}
	if in.ContactMethod.Label != nil {
		v.Label = *in.ContactMethod.Label
	}
	if in.ContactMethod.Address != nil {
		v.Address = *in.ContactMethod.Address
	}
	if in.ContactMethod.CountryCode != nil {
		v.CountryCode = *in.ContactMethod.CountryCode
	}
	if !slices.Contains(contactTypes, v.Type) {
		return errInvalid("contact method type %q is not one of %s", v.Type, strings.Join(contactTypes, ", "))
	}
	if v.Label == "" || v.Address == "" {
		return errInvalid("contact method label and address are required")
	}
	if (v.Type == "phone_contact_method" || v.Type == "sms_contact_method") && v.CountryCode == 0 {
		v.CountryCode = 1
	}
	return nil
}

func (h *Handler) createContactMethod(w http.ResponseWriter, r *http.Request) {
	contactMethods().write(h, w, r, true, applyContactMethod)
}

func (h *Handler) updateContactMethod(w http.ResponseWriter, r *http.Request) {
	contactMethods().write(h, w, r, false, applyContactMethod)
}

// deleteContactMethod also deletes the notification rules that used the
// contact method.
func (h *Handler) deleteContactMethod(w http.ResponseWriter, r *http.Request) {
	contactMethods().remove(h, w, r, func(u *User, id string) {
		u.NotificationRules = slices.DeleteFunc(u.NotificationRules, func(nr NotificationRule) bool { return nr.ContactMethodID == id })
	})
}
