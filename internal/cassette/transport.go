package cassette

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// ErrNotRecorded is matched (with errors.Is) by the error a replaying
// cassette returns for a request it has no interaction for. A client's retry
// policy can use it to give up at once.
var ErrNotRecorded = errors.New("cassette: no recorded interaction")

// NotRecordedError describes a request that a replaying cassette could not
// answer. Secret query values and body fields are shown redacted.
type NotRecordedError struct {
	File    string // the cassette file
	Request string // method, path, query and body of the request
}

// Error names the request and the cassette.
func (e *NotRecordedError) Error() string {
	return fmt.Sprintf("cassette %s: no recorded interaction for %s", e.File, e.Request)
}

// Unwrap lets errors.Is match both [ErrNotRecorded] and go-vcr's own
// ErrInteractionNotFound.
func (e *NotRecordedError) Unwrap() []error {
	return []error{ErrNotRecorded, vcr.ErrInteractionNotFound}
}

// transport hands requests to the go-vcr recorder with their body buffered
// and their match key computed once, and turns a missing interaction into a
// clear test failure.
type transport struct {
	c *Cassette
}

// RoundTrip implements http.RoundTripper.
func (tr *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("cassette: reading the request body: %w", err)
		}
		body = b
	}
	k := keyFromHTTP(req, body)
	r := req.Clone(withKey(req.Context(), k))
	if body != nil {
		r.Body = readCloser(body)
		r.GetBody = func() (io.ReadCloser, error) { return readCloser(body), nil }
	}

	resp, err := tr.c.rec.RoundTrip(r)
	if err != nil {
		if errors.Is(err, vcr.ErrInteractionNotFound) {
			return nil, tr.c.notRecorded(k)
		}
		return nil, err
	}
	resp.Request = req
	return resp, nil
}

func readCloser(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

// notRecorded fails the test once per distinct request (a retrying client
// would otherwise report it several times) and returns the error the client
// sees.
func (c *Cassette) notRecorded(k requestKey) error {
	err := &NotRecordedError{File: c.file, Request: k.String()}
	c.mu.Lock()
	seen := c.reported[k]
	c.reported[k] = true
	c.mu.Unlock()
	if !seen {
		msg := err.Error()
		if hint := c.sameRoute(k); hint != "" {
			msg += "\n\trecorded for " + k.Method + " " + k.Path + ": " + hint
		}
		c.t.Errorf("%s\n\tre-record with: %s", msg, c.recordCmd)
	}
	return err
}

// sameRoute lists the recorded requests with the same method and path, to
// show what differs.
func (c *Cassette) sameRoute(k requestKey) string {
	cas, err := vcr.Load(c.fileStem())
	if err != nil {
		return ""
	}
	var seen []string
	for _, i := range cas.Interactions {
		rk, ok := keyFromRecorded(i.Request)
		if ok && rk.Method == k.Method && rk.Path == k.Path {
			seen = append(seen, rk.String())
		}
	}
	if len(seen) == 0 {
		return "nothing"
	}
	const max = 5
	if len(seen) > max {
		seen = append(seen[:max], fmt.Sprintf("and %d more", len(seen)-max))
	}
	return strings.Join(seen, "; ")
}

// refuseTransport is the "real" transport of a replaying recorder: go-vcr
// never calls it in replay-only mode, and if it ever did the request must not
// leave the machine.
type refuseTransport struct{}

func (refuseTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	return nil, fmt.Errorf("cassette: refusing a live %s %s while replaying", req.Method, req.URL.Path)
}
