package pagerduty

import (
	"encoding/json"
	"strings"
)

// UnmarshalJSON decodes a user. It accepts created_via_sso as a boolean (what
// the API sends) or as a string holding one (what some published examples
// and proxies send), so a user is never lost over that flag.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	aux := struct {
		*plain
		CreatedViaSSO looseBool `json:"created_via_sso"`
	}{plain: (*plain)(u)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	u.CreatedViaSSO = bool(aux.CreatedViaSSO)
	return nil
}

// looseBool reads true, false, or a string that starts with either.
type looseBool bool

func (l *looseBool) UnmarshalJSON(b []byte) error {
	s := strings.ToLower(strings.Trim(string(b), `" `))
	*l = looseBool(strings.HasPrefix(s, "true"))
	return nil
}
