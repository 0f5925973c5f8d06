package transport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
)

// DefaultMaxBodyBytes is the request body limit used when
// [HTTPOptions.MaxBodyBytes] is zero.
const DefaultMaxBodyBytes = 4 << 20 // 4 MiB

// DefaultMaxInFlightPerCaller is the per-caller concurrency limit used when
// [HTTPOptions.MaxInFlightPerCaller] is zero.
const DefaultMaxInFlightPerCaller = 8

// readLimitedBody reads r's body into memory, refusing bodies over limit
// bytes. It returns the HTTP status to answer with and a reason when it
// refuses.
func readLimitedBody(w http.ResponseWriter, r *http.Request, limit int64) (status int, reason string) {
	if r.Body == nil || r.Body == http.NoBody {
		return 0, ""
	}
	if r.ContentLength > limit {
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body of %d bytes is over the limit of %d bytes", r.ContentLength, limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over the limit of %d bytes", limit)
		}
		return http.StatusBadRequest, "cannot read request body"
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	return 0, ""
}

// inFlight counts the requests each caller has in progress.
type inFlight struct {
	limit int
	mu    sync.Mutex
	n     map[string]int
}

func newInFlight(limit int) *inFlight {
	return &inFlight{limit: limit, n: map[string]int{}}
}

// acquire takes a slot for caller, reporting false when the caller already
// has limit requests in progress.
func (f *inFlight) acquire(caller string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[caller] >= f.limit {
		return false
	}
	f.n[caller]++
	return true
}

// release gives back a slot taken by acquire.
func (f *inFlight) release(caller string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[caller] <= 1 {
		delete(f.n, caller)
		return
	}
	f.n[caller]--
}

// callerKey names the caller for the concurrency limit: the credential's
// fingerprint in pass-through mode, the client's IP address otherwise.
func callerKey(r *http.Request) string {
	if c, ok := r.Context().Value(credentialKey{}).(Credential); ok && !c.IsZero() {
		return c.fingerprint()
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return "ip-" + r.RemoteAddr
	}
	return "ip-" + host
}
