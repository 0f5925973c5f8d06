package pdtest

import (
	"fmt"
	"net/http"
)

// Error codes of the REST API that the server answers with.
const (
	CodeInvalidInput     = 2001 // 400: a parameter or a body field is wrong
	CodeArgumentsError   = 2002 // 400: arguments that cannot be served together
	CodeMissingArguments = 2003 // 400: a required argument is missing
	CodeInvalidDates     = 2004 // 400: since or until cannot be read
	CodeInvalidDateRange = 2005 // 400: the since/until range is not accepted
	CodeAuthFailed       = 2006 // 401: no token or a wrong token
	CodeAccessDenied     = 2010 // 403: the caller may not do this
	CodeRateLimited      = 2020 // 429: too many requests
	CodeNotFound         = 2100 // 404: no such object
	CodeMethodNotAllowed = 2101 // 405: the path does not take this method
	CodeInternal         = 2102 // 5xx: injected server error
)

var codeMessages = map[int]string{
	CodeInvalidInput:     "Invalid Input Provided",
	CodeArgumentsError:   "Arguments Caused Error",
	CodeMissingArguments: "Missing Arguments",
	CodeInvalidDates:     "Invalid 'since' or 'until' parameter values",
	CodeInvalidDateRange: "Invalid Query Date Range",
	CodeAuthFailed:       "Authentication failed",
	CodeAccessDenied:     "Access Denied",
	CodeRateLimited:      "Rate Limit Exceeded",
	CodeNotFound:         "Not Found",
	CodeMethodNotAllowed: "Method Not Allowed",
	CodeInternal:         "Internal Server Error",
}

// apiError is an error answer of the REST API.
type apiError struct {
	status int
	code   int
	errors []string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("pdtest: %d %s %v", e.code, codeMessages[e.code], e.errors)
}

type wireErrorBody struct {
	Error wireError `json:"error"`
}

type wireError struct {
	Code    int      `json:"code"`
	Message string   `json:"message"`
	Errors  []string `json:"errors,omitempty"`
}

func errInvalid(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: CodeInvalidInput, errors: []string{fmt.Sprintf(format, args...)}}
}

func errArguments(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: CodeArgumentsError, errors: []string{fmt.Sprintf(format, args...)}}
}

func errNotFound(kind, id string) *apiError {
	return &apiError{status: http.StatusNotFound, code: CodeNotFound, errors: []string{fmt.Sprintf("%s %q not found", kind, id)}}
}

func writeAPIError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, wireErrorBody{Error: wireError{Code: e.code, Message: codeMessages[e.code], Errors: e.errors}})
}
