// Package eventrules holds the rules a PagerDuty event's fields must keep,
// shared by the Events API client (package pagerduty/events) and the REST
// API's change events (package pagerduty), which word their errors each in
// their own way.
package eventrules

import (
	"net/url"
	"unicode"
)

// RoutingKeyShapeOK reports whether k, a non-empty routing key, could be
// an integration key. PagerDuty publishes no format beyond "the integration
// key" (32 characters today), so only what can never be one is refused: a
// space, a control or a non-ASCII character.
func RoutingKeyShapeOK(k string) bool {
	for _, r := range k {
		if r > unicode.MaxASCII || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// URLOK reports whether raw is an absolute https URL, or also an http one
// unless httpsOnly (PagerDuty shows only images served over HTTPS).
func URLOK(raw string, httpsOnly bool) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Host != "" && (u.Scheme == "https" || (!httpsOnly && u.Scheme == "http"))
}
