package cassette

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// requestKey is the part of a request that decides which recorded
// interaction answers it. Scheme and host are left out on purpose: a cassette
// recorded against the mock replays for a client pointed anywhere. Secrets
// are redacted before comparison, exactly as they are before saving, so a
// request carrying a real token still matches its redacted recording.
type requestKey struct {
	Method string
	Path   string
	Query  string // canonical: keys and repeated values sorted, secrets redacted
	Body   string // canonical JSON (sorted keys), sorted form, or the raw bytes
}

// String describes the request for a failure message; secrets are already
// redacted in the key.
func (k requestKey) String() string {
	var b strings.Builder
	b.WriteString(k.Method)
	b.WriteByte(' ')
	b.WriteString(k.Path)
	if k.Query != "" {
		q, err := url.QueryUnescape(k.Query)
		if err != nil {
			q = k.Query
		}
		b.WriteByte('?')
		b.WriteString(q)
	}
	if k.Body != "" {
		body := k.Body
		const max = 300
		if len(body) > max {
			body = body[:max] + "..."
		}
		fmt.Fprintf(&b, " with body %s", body)
	}
	return b.String()
}

type keyContext struct{}

// withKey stores the request's key in its context, so the matcher does not
// read and parse the body again for every recorded interaction.
func withKey(ctx context.Context, k requestKey) context.Context {
	return context.WithValue(ctx, keyContext{}, k)
}

func keyFromHTTP(r *http.Request, body []byte) requestKey {
	return newKey(r.Method, r.URL, string(body), r.Header.Get("Content-Type"))
}

func keyFromRecorded(rec vcr.Request) (requestKey, bool) {
	u, err := url.Parse(rec.URL)
	if err != nil {
		return requestKey{}, false
	}
	return newKey(rec.Method, u, rec.Body, rec.Headers.Get("Content-Type")), true
}

func newKey(method string, u *url.URL, body, contentType string) requestKey {
	p := u.Path
	if p == "" {
		p = "/"
	}
	return requestKey{
		Method: strings.ToUpper(method),
		Path:   p,
		Query:  canonicalQuery(u.RawQuery),
		Body:   canonicalBody(body, contentType),
	}
}

func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return raw
	}
	redactValues(q)
	for _, vs := range q {
		slices.Sort(vs)
	}
	return q.Encode()
}

func canonicalBody(body, contentType string) string {
	trimmed := strings.TrimSpace(body)
	if trimmed == "" {
		return ""
	}
	if isFormContent(contentType) {
		v, err := url.ParseQuery(trimmed)
		if err != nil {
			return trimmed
		}
		return redactValues(v).Encode()
	}
	dec := json.NewDecoder(strings.NewReader(trimmed))
	var doc any
	if err := dec.Decode(&doc); err != nil || dec.More() {
		return trimmed
	}
	redactJSON(doc)
	out, err := marshalJSON(doc)
	if err != nil {
		return trimmed
	}
	return out
}

// match is the go-vcr matcher: method, path, query and body must all agree.
func match(r *http.Request, rec vcr.Request) bool {
	k, ok := r.Context().Value(keyContext{}).(requestKey)
	if !ok {
		k = keyFromHTTP(r, peekBody(r))
	}
	rk, ok := keyFromRecorded(rec)
	return ok && k == rk
}

// peekBody reads a request body without consuming it.
func peekBody(r *http.Request) []byte {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	if r.GetBody != nil {
		if rc, err := r.GetBody(); err == nil {
			defer rc.Close()
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(rc); err == nil {
				return buf.Bytes()
			}
		}
	}
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(r.Body)
	r.Body.Close()
	b := buf.Bytes()
	r.Body = readCloser(b)
	return b
}
