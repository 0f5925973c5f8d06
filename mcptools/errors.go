package mcptools

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// toolError is a mistake the model can fix (a bad argument, an ambiguous
// name) or a limit it must respect; its message is shown as it is.
type toolError struct{ msg string }

func (e *toolError) Error() string { return e.msg }

func userError(format string, args ...any) error {
	return &toolError{msg: fmt.Sprintf(format, args...)}
}

// argError is an argument that is not acceptable: which one, what was
// wrong, and what is accepted.
func argError(arg, format string, args ...any) error {
	return &toolError{msg: fmt.Sprintf("Invalid argument %q: %s", arg, fmt.Sprintf(format, args...))}
}

// describeError turns what a handler returned into the text of a tool
// error: what went wrong and what to do next. PagerDuty's own message is
// kept; credentials never reach it (the client never puts them in errors).
func describeError(s *spec, err error) string {
	var te *toolError
	if errors.As(err, &te) {
		return te.msg
	}
	var uo *pagerduty.UnknownOutcomeError
	if errors.As(err, &uo) {
		return fmt.Sprintf("The outcome is unknown: the connection to PagerDuty failed after %s %s was sent, so it may or may not have been applied. Check the current state with a read tool before trying again.", uo.Method, uo.Path)
	}
	var api *pagerduty.APIError
	if errors.As(err, &api) {
		// Keep what the layers above the API error said (which incident,
		// why the API refuses).
		outer := strings.TrimSuffix(strings.TrimSuffix(err.Error(), api.Error()), ": ")
		outer = strings.TrimPrefix(outer, "pagerduty: ")
		if outer != "" && outer != err.Error() {
			return upperFirst(outer) + ". " + describeAPIError(s, api)
		}
		return describeAPIError(s, api)
	}
	switch {
	case errors.Is(err, context.Canceled):
		return "The call was cancelled before it finished."
	case errors.Is(err, context.DeadlineExceeded):
		return "The call ran out of time before PagerDuty answered: try again with a narrower query (a smaller limit, a shorter since/until window)."
	}
	msg := strings.TrimPrefix(err.Error(), "pagerduty: ")
	return "The call failed: " + msg + ". Check the arguments; if they are right, PagerDuty may be unreachable: try again later."
}

func describeAPIError(s *spec, e *pagerduty.APIError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "PagerDuty answered %d", e.StatusCode)
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if e.Message != "" && e.Message != http.StatusText(e.StatusCode) {
		b.WriteString(": " + e.Message)
	}
	if len(e.Errors) > 0 {
		b.WriteString(" (" + strings.Join(e.Errors, "; ") + ")")
	}
	b.WriteString(". ")
	switch code := e.StatusCode; {
	case code == http.StatusNotFound:
		b.WriteString("Check the ID or number")
		if s.notFound != "" {
			b.WriteString(", or find it with " + s.notFound)
		}
		b.WriteString(".")
	case code == http.StatusUnauthorized:
		b.WriteString("The API token (or OAuth token) is missing, wrong, expired or revoked: ask the user to check the credential this server uses.")
	case code == http.StatusPaymentRequired:
		b.WriteString("The account's plan does not include this feature.")
	case code == http.StatusForbidden:
		b.WriteString("The credential is valid but may not do this: the user's role, the token's OAuth scopes or a read-only key forbid it. Ask an account admin.")
	case code == http.StatusTooManyRequests:
		if e.RetryAfter > 0 {
			fmt.Fprintf(&b, "Too many requests: wait %s before calling again.", e.RetryAfter.Round(1e9))
		} else {
			b.WriteString("Too many requests: wait a minute before calling again.")
		}
	case code >= 500:
		b.WriteString("PagerDuty had a problem of its own: try again in a minute.")
	default:
		b.WriteString("Check the arguments against the tool's description and try again.")
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
