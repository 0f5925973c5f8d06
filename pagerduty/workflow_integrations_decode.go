package pagerduty

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// LaxBool is a boolean that also accepts the forms some answers send it in:
// a JSON string ("true", "false", even with a stray comma) and null
// (false). It encodes as a plain JSON boolean.
type LaxBool bool

// UnmarshalJSON reads a boolean, a string holding one, or null.
func (b *LaxBool) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*b = false
		return nil
	}
	var s string
	if len(data) > 0 && data[0] == '"' {
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
	} else {
		s = string(data)
	}
	v, err := strconv.ParseBool(strings.TrimRight(strings.TrimSpace(s), ","))
	if err != nil {
		return &json.UnmarshalTypeError{Value: "string " + strconv.Quote(s), Type: reflect.TypeFor[LaxBool]()}
	}
	*b = LaxBool(v)
	return nil
}
