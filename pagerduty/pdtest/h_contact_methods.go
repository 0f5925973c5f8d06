package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Contact methods.

func (h *Handler) userOr404(c *rc, r *http.Request) (*User, *apiError) {
	u := c.st.userByID[r.PathValue("id")]
	if u == nil {
		return nil, errNotFound("user", r.PathValue("id"))
	}
	return u, nil
}

func (h *Handler) listContactMethods(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		out := []wContactMethod{}
		for i := range u.ContactMethods {
			out = append(out, c.contactMethod(u, &u.ContactMethods[i]))
		}
		return reply{200, map[string]any{"contact_methods": out}}, nil
	})
}

func (h *Handler) getContactMethod(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for i := range u.ContactMethods {
			if u.ContactMethods[i].ID == r.PathValue("cid") {
				return reply{200, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[i])}}, nil
			}
		}
		return reply{}, errNotFound("contact method", r.PathValue("cid"))
	})
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

func (h *Handler) writeContactMethod(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		idx := -1
		if !create {
			idx = slices.IndexFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == r.PathValue("cid") })
			if idx < 0 {
				return reply{}, errNotFound("contact method", r.PathValue("cid"))
			}
		}
		var in contactMethodIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.ContactMethod == nil {
			return reply{}, errInvalid(`the body must hold a "contact_method" object`)
		}
		var v ContactMethod
		if idx >= 0 {
			v = u.ContactMethods[idx]
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
			return reply{}, errInvalid("contact method type %q is not one of %s", v.Type, strings.Join(contactTypes, ", "))
		}
		if v.Label == "" || v.Address == "" {
			return reply{}, errInvalid("contact method label and address are required")
		}
		if (v.Type == "phone_contact_method" || v.Type == "sms_contact_method") && v.CountryCode == 0 {
			v.CountryCode = 1
		}
		if create {
			v.ID = c.st.newID()
			u.ContactMethods = append(u.ContactMethods, v)
			return reply{http.StatusCreated, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[len(u.ContactMethods)-1])}}, nil
		}
		u.ContactMethods[idx] = v
		return reply{200, map[string]any{"contact_method": c.contactMethod(u, &u.ContactMethods[idx])}}, nil
	})
}

func (h *Handler) createContactMethod(w http.ResponseWriter, r *http.Request) {
	h.writeContactMethod(w, r, true)
}
func (h *Handler) updateContactMethod(w http.ResponseWriter, r *http.Request) {
	h.writeContactMethod(w, r, false)
}

func (h *Handler) deleteContactMethod(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		cid := r.PathValue("cid")
		n := len(u.ContactMethods)
		u.ContactMethods = slices.DeleteFunc(u.ContactMethods, func(cm ContactMethod) bool { return cm.ID == cid })
		if len(u.ContactMethods) == n {
			return reply{}, errNotFound("contact method", cid)
		}
		u.NotificationRules = slices.DeleteFunc(u.NotificationRules, func(nr NotificationRule) bool { return nr.ContactMethodID == cid })
		return reply{status: http.StatusNoContent}, nil
	})
}
