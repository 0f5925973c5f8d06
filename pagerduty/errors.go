package pagerduty

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pdkit/pdkit/internal/httpcore"
)

// APIError is an answer of the PagerDuty API with a status of 400 or more.
// It keeps everything the API said and which request it answered, but never
// the request's credentials.
//
//	var apiErr *pagerduty.APIError
//	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound { ... }
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Code is PagerDuty's own error code (for example 2001 for invalid
	// input, 2100 for not found), or zero when the answer had none.
	Code int
	// Message is the API's summary of the error, or the HTTP status text when
	// the answer had no message.
	Message string
	// Errors lists the API's details, one per problem it found.
	Errors []string
	// Method and Path name the request that failed (the path without host or
	// query string).
	Method string
	Path   string
	// RetryAfter is how long the API asked the client to wait before the next
	// request (429 and 503 answers), or zero.
	RetryAfter time.Duration
	// RequestID is the X-Request-Id PagerDuty gave the request, useful when
	// asking its support about one failure.
	RequestID string
}

// Error returns a one-line description: the request, the status, the API's
// message, its code and its details.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("pagerduty: ")
	if e.Method != "" {
		b.WriteString(e.Method + " " + e.Path + ": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if e.Message != "" && e.Message != http.StatusText(e.StatusCode) {
		b.WriteString(": " + e.Message)
	}
	if e.Code != 0 {
		fmt.Fprintf(&b, " (code %d)", e.Code)
	}
	if len(e.Errors) > 0 {
		b.WriteString(": " + strings.Join(e.Errors, "; "))
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	return b.String()
}

// IsNotFound reports whether err is an APIError with status 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsUnauthorized reports whether err is an APIError with status 401: the
// token is missing, wrong, expired or revoked.
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

// IsForbidden reports whether err is an APIError with status 403: the token
// is valid but lacks the permission, the scope or the account ability.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// IsRateLimited reports whether err is an APIError with status 429. Its
// RetryAfter says how long to wait.
func IsRateLimited(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

func hasStatus(err error, status int) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode == status
}

// errorBody covers the error shapes the API uses:
//
//	{"error": {"code": 2001, "message": "...", "errors": ["..."]}}
//	{"error": "..."}
//	{"message": "...", "errors": ["..."]}
type errorBody struct {
	Error   json.RawMessage `json:"error"`
	Message string          `json:"message"`
	Errors  []string        `json:"errors"`
}

type errorObject struct {
	Code    flexInt  `json:"code"`
	Message string   `json:"message"`
	Errors  []string `json:"errors"`
}

// flexInt accepts a JSON number or a string holding one.
type flexInt int

func (n *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil // a code we cannot read is left out, not an error about the error
	}
	*n = flexInt(v)
	return nil
}

// maxErrorBody is how much of an error answer is read.
const maxErrorBody = 64 << 10

// newAPIError builds the error for an answer with status >= 400 from its
// status, headers and body (at most maxErrorBody bytes of it).
func newAPIError(resp *http.Response, method, path string, body []byte) *APIError {
	e := &APIError{
		StatusCode: resp.StatusCode,
		Method:     method,
		Path:       path,
		RequestID:  resp.Header.Get("X-Request-Id"),
	}
	if d, ok := httpcore.RetryAfter(resp); ok && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		e.RetryAfter = d
	}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err == nil {
		e.Message, e.Errors = eb.Message, eb.Errors
		if len(eb.Error) > 0 {
			var obj errorObject
			var text string
			switch {
			case json.Unmarshal(eb.Error, &obj) == nil:
				e.Code = int(obj.Code)
				if obj.Message != "" {
					e.Message = obj.Message
				}
				if len(obj.Errors) > 0 {
					e.Errors = obj.Errors
				}
			case json.Unmarshal(eb.Error, &text) == nil:
				e.Message = text
			}
		}
	} else if t := bytes.TrimSpace(body); len(t) > 0 && !bytes.HasPrefix(t, []byte("<")) {
		// Plain text: keep a short excerpt. HTML pages say nothing useful.
		e.Message = string(t[:min(len(t), 200)])
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	return e
}
