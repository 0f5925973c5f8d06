package pagerduty

import "fmt"

// Region is the PagerDuty service region an account lives in. It decides the
// base URLs of the REST API, the Events API and the OAuth token endpoint.
// The zero value means US.
type Region string

// The regions PagerDuty runs.
const (
	US Region = "us"
	EU Region = "eu"
)

// RESTURL returns the base URL of the REST API v2 in the region.
func (r Region) RESTURL() string {
	if r == EU {
		return "https://api.eu.pagerduty.com"
	}
	return "https://api.pagerduty.com"
}

// EventsURL returns the base URL of the Events API v2 in the region.
func (r Region) EventsURL() string {
	if r == EU {
		return "https://events.eu.pagerduty.com"
	}
	return "https://events.pagerduty.com"
}

// TokenURL returns the OAuth 2.0 token endpoint of the region.
func (r Region) TokenURL() string {
	if r == EU {
		return "https://identity.eu.pagerduty.com/oauth/token"
	}
	return "https://identity.pagerduty.com/oauth/token"
}

// String returns "us" or "eu".
func (r Region) String() string {
	if r == "" {
		return string(US)
	}
	return string(r)
}

func (r Region) validate() error {
	switch r {
	case "", US, EU:
		return nil
	}
	return fmt.Errorf("pagerduty: unknown region %q: use pagerduty.US or pagerduty.EU", string(r))
}
