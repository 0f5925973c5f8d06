package pagerduty

import (
	"fmt"
	"net/url"
	"strings"
)

// maxIDLen bounds IDs; PagerDuty's are far shorter (7 to 36 characters).
const maxIDLen = 128

// ValidateID reports whether id can name a PagerDuty object: 1 to 128 of the
// characters A-Z, a-z, 0-9, '-', '_', '.' and ':', and not "." or "..". This
// covers PagerDuty's object IDs (PABC123), UUIDs, incident numbers and the
// IDs of workflow and automation actions
// ("pagerduty.com:incident-workflows:send-status-update:1"), and keeps an ID
// from ever reaching another path: '/', '?', '#', '%', '\\', spaces and
// control characters are refused ("../users", "a/b", "a?b").
func ValidateID(id string) error {
	if id == "" {
		return fmt.Errorf("pagerduty: the ID is empty: expected a PagerDuty ID such as PABC123")
	}
	if len(id) > maxIDLen {
		return fmt.Errorf("pagerduty: the ID is %d characters long: PagerDuty IDs have at most %d", len(id), maxIDLen)
	}
	if id == "." || id == ".." {
		return fmt.Errorf("pagerduty: %q is not an ID: expected letters, digits, '-', '_', '.' or ':' such as PABC123", id)
	}
	for i := 0; i < len(id); i++ {
		if !idByte(id[i]) {
			return fmt.Errorf("pagerduty: invalid ID %q: character %q at position %d is not allowed; IDs have only letters, digits, '-', '_', '.' and ':' (such as PABC123)", truncate(id, 40), id[i], i)
		}
	}
	return nil
}

// idByte reports whether c may appear in an ID. ':' may: it cannot change
// which path an ID names once the ID is one segment after a '/'.
func idByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
}

// expandPath fills the {placeholders} of an API path template, in order,
// with ids, each validated and escaped:
//
//	expandPath("/incidents/{id}/notes", "PABC123") == "/incidents/PABC123/notes"
func expandPath(template string, ids ...string) (string, error) {
	var b strings.Builder
	rest := template
	for _, id := range ids {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			return "", fmt.Errorf("pagerduty: path %s has fewer placeholders than IDs", template)
		}
		name := rest[open+1 : end]
		if err := ValidateID(id); err != nil {
			return "", fmt.Errorf("%w (for {%s})", err, name)
		}
		b.WriteString(rest[:open])
		b.WriteString(url.PathEscape(id))
		rest = rest[end+1:]
	}
	if strings.IndexByte(rest, '{') >= 0 {
		return "", fmt.Errorf("pagerduty: path %s needs more IDs", template)
	}
	b.WriteString(rest)
	return b.String(), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
