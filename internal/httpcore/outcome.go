package httpcore

import "fmt"

// UnknownOutcomeError reports a request that failed after it may have reached
// the server, and that was not retried because sending it twice could apply it
// twice. The caller should look up whether it took effect before trying again.
type UnknownOutcomeError struct {
	Err error
}

// Error says that the outcome is unknown and why.
func (e *UnknownOutcomeError) Error() string {
	return fmt.Sprintf("outcome unknown, the request may have been applied (not retried, to avoid applying it twice): %v", e.Err)
}

// Unwrap returns the transport error.
func (e *UnknownOutcomeError) Unwrap() error { return e.Err }
