package httpcore

import (
	"errors"
	"net/url"
	"strings"
)

// ParseBaseURL checks that base is an absolute http or https URL without a
// query or fragment, and returns it without a trailing slash. Its error says
// which rule base breaks; callers prefix it with their option's name.
func ParseBaseURL(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("is not an absolute http(s) URL")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", errors.New("must not have a query or fragment")
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
