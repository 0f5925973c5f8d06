package mcptools

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// timeFormats says what parseTime accepts, for error messages and
// descriptions.
const timeFormats = "an RFC 3339 time such as 2026-01-31T14:00:00Z, a date such as 2026-01-31 (midnight UTC), \"now\", or a duration back from now such as 30m, 2h, 7d or 2w"

// parseTime reads a time argument: an RFC 3339 time, a date, "now", or a
// duration back from now. Empty gives the zero time.
func parseTime(arg, v string, now time.Time) (time.Time, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return time.Time{}, nil
	case strings.EqualFold(v, "now"):
		return now, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	if d, ok := parseAgo(v); ok {
		return now.Add(-d), nil
	}
	return time.Time{}, argError(arg, "%q is not a time: use %s", truncate(v, 40), timeFormats)
}

// parseAgo reads "30m", "2h", "7d", "2w" (and Go durations such as 1h30m).
func parseAgo(v string) (time.Duration, bool) {
	if len(v) < 2 {
		return 0, false
	}
	unit := v[len(v)-1]
	if n, err := strconv.Atoi(v[:len(v)-1]); err == nil && n >= 0 && n <= 3660 {
		switch unit {
		case 'd':
			return time.Duration(n) * 24 * time.Hour, true
		case 'w':
			return time.Duration(n) * 7 * 24 * time.Hour, true
		}
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, false
	}
	return d, true
}

// checkID validates a PagerDuty ID argument so that it can never reach
// another API path.
func checkID(arg, id string) (string, error) {
	id = strings.TrimSpace(id)
	if err := pagerduty.ValidateID(id); err != nil {
		return "", argError(arg, "%s", strings.TrimPrefix(err.Error(), "pagerduty: "))
	}
	return id, nil
}

// incidentRef is an incident named by ID or by number.
type incidentRef struct {
	id     string
	number int
}

func (r incidentRef) String() string {
	if r.number > 0 {
		return "#" + strconv.Itoa(r.number)
	}
	return r.id
}

// parseIncidentRef reads an incident reference: an ID (PABC123), a number
// ("1234"), "#1234" or "INC-1234".
func parseIncidentRef(arg, v string) (incidentRef, error) {
	s := strings.TrimSpace(v)
	num := s
	switch {
	case strings.HasPrefix(num, "#"):
		num = num[1:]
	case len(num) > 4 && strings.EqualFold(num[:4], "INC-"):
		num = num[4:]
	}
	if n, err := strconv.Atoi(num); err == nil && num != "" && num[0] != '+' && num[0] != '-' {
		if n <= 0 {
			return incidentRef{}, argError(arg, "incident numbers start at 1, not %d", n)
		}
		return incidentRef{number: n}, nil
	}
	if num != s {
		return incidentRef{}, argError(arg, "%q is not an incident number: use an ID such as PABC123 or a number such as 1234, #1234 or INC-1234", truncate(s, 40))
	}
	if err := pagerduty.ValidateID(s); err != nil {
		return incidentRef{}, argError(arg, "%q is not an incident: use an ID such as PABC123 or a number such as 1234, #1234 or INC-1234", truncate(s, 40))
	}
	return incidentRef{id: s}, nil
}

// pageLimit applies the default and the bounds of a limit argument (the
// schema checks them too; this keeps direct calls safe).
func pageLimit(limit int) (int, error) {
	switch {
	case limit == 0:
		return defaultLimit, nil
	case limit < 0 || limit > maxLimit:
		return 0, argError("limit", "%d is out of range: use 1 to %d", limit, maxLimit)
	}
	return limit, nil
}

const (
	defaultLimit = 25
	maxLimit     = 100
)

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %s", n, plurals(word))
}

// plurals returns the plural of an English noun of this package's
// vocabulary: "incident" gives "incidents", "entry" gives "entries".
func plurals(word string) string {
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ay") {
		return word[:len(word)-1] + "ies"
	}
	return word + "s"
}
