package pagerduty

import (
	"bytes"
	"encoding/json"
)

// TemplateWarnings are the problems found while rendering each field of a
// template (an unknown placeholder, for example).
type TemplateWarnings struct {
	EmailSubject []string `json:"email_subject,omitempty"`
	EmailBody    []string `json:"email_body,omitempty"`
	Message      []string `json:"message,omitempty"`
}

// UnmarshalJSON reads the warnings as an object of fields, or as a list of
// such objects (the form the API description shows), merged.
func (w *TemplateWarnings) UnmarshalJSON(b []byte) error {
	type plain TemplateWarnings
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var parts []plain
		if err := json.Unmarshal(b, &parts); err != nil {
			return err
		}
		*w = TemplateWarnings{}
		for _, p := range parts {
			w.EmailSubject = append(w.EmailSubject, p.EmailSubject...)
			w.EmailBody = append(w.EmailBody, p.EmailBody...)
			w.Message = append(w.Message, p.Message...)
		}
		return nil
	}
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*w = TemplateWarnings(p)
	return nil
}
