package pagerduty

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// LooseTime is a time that some answers (analytics and paused incident
// reports) write in more than one layout: RFC 3339, RFC 3339 without a zone
// ("2024-01-01T10:05:00", a wall-clock time in the answer's time zone, read
// here as UTC), "2024-01-01 10:05:00", or a date alone. It marshals as RFC
// 3339 and is zero when the answer holds null or "".
type LooseTime struct {
	time.Time
}

// looseLayouts are tried in order; the ones without a zone read UTC.
var looseLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// UnmarshalJSON reads a JSON string in any of the layouts LooseTime accepts.
func (t *LooseTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = LooseTime{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a time must be a JSON string, not %s", truncate(string(b), 40))
	}
	p, err := ParseLooseTime(s)
	if err != nil {
		return err
	}
	*t = LooseTime{p}
	return nil
}

// ParseLooseTime parses s in any of the layouts LooseTime accepts (a doubled
// date/time separator, as in "2021-06-01TT13:08:14Z", is tolerated). An
// empty s is the zero time.
func ParseLooseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	s = strings.Replace(s, "TT", "T", 1)
	for _, l := range looseLayouts {
		if p, err := time.Parse(l, s); err == nil {
			return p, nil
		}
	}
	return time.Time{}, fmt.Errorf("pagerduty: %q is not a time: expected RFC 3339 (2024-01-31T10:05:00Z), with or without a zone, or a date (2024-01-31)", truncate(s, 40))
}
