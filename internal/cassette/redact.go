package cassette

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// Redacted replaces every secret before a cassette is written to disk.
const Redacted = "REDACTED"

// secretHeaders are request and response headers whose whole value is a
// credential.
var secretHeaders = []string{
	"Authorization",
	"Proxy-Authorization",
	"X-Api-Key",
	"Cookie",
	"Set-Cookie",
}

// volatileResponseHeaders change on every call (dates, request IDs) or only
// describe the connection; they would make recorded diffs noisy and carry
// nothing a test relies on.
var volatileResponseHeaders = []string{
	"Date",
	"X-Request-Id",
	"X-Amzn-Trace-Id",
	"Cf-Ray",
	"Connection",
	"Keep-Alive",
}

// secretFields are query, form and JSON keys (compared case-insensitively)
// whose string values are credentials: API tokens, OAuth material, webhook
// signing secrets and Events API integration keys.
var secretFields = map[string]bool{
	"token":           true,
	"access_token":    true,
	"refresh_token":   true,
	"id_token":        true,
	"client_secret":   true,
	"password":        true,
	"secret":          true,
	"api_key":         true,
	"apikey":          true,
	"routing_key":     true,
	"integration_key": true,
}

func isSecretField(name string) bool {
	n := strings.ToLower(name)
	if secretFields[n] {
		return true
	}
	// Credentials by their shape: runbook_api_key, webhook_secret,
	// bot_token, admin_password, ...
	for _, suffix := range []string{"_api_key", "_secret", "_token", "_password"} {
		if strings.HasSuffix(n, suffix) {
			return true
		}
	}
	return false
}

// isSecretListField reports keys whose values are lists of credentials, the
// plural of a secret field ("routing_keys" on rulesets, for example).
func isSecretListField(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, "s") && secretFields[strings.TrimSuffix(n, "s")]
}

// redactInteraction removes credentials and volatile noise from a recorded
// interaction in place. It gives the request and response fresh header maps
// first, so the maps the HTTP client used are never touched.
func redactInteraction(i *vcr.Interaction) {
	req := &i.Request
	req.Headers = req.Headers.Clone()
	redactHeaders(req.Headers)
	req.URL = redactURL(req.URL)
	req.RequestURI = ""
	req.RemoteAddr = ""
	if len(req.Form) > 0 {
		req.Form = redactValues(cloneValues(req.Form))
	}
	if body, changed := redactBody(req.Body, req.Headers.Get("Content-Type")); changed {
		req.Body = body
		req.ContentLength = int64(len(body))
		if req.Headers.Get("Content-Length") != "" {
			req.Headers.Set("Content-Length", strconv.Itoa(len(body)))
		}
	}

	resp := &i.Response
	resp.Headers = resp.Headers.Clone()
	redactHeaders(resp.Headers)
	for _, h := range volatileResponseHeaders {
		resp.Headers.Del(h)
	}
	if body, changed := redactBody(resp.Body, resp.Headers.Get("Content-Type")); changed {
		resp.Body = body
		if resp.ContentLength >= 0 {
			resp.ContentLength = int64(len(body))
		}
		if resp.Headers.Get("Content-Length") != "" {
			resp.Headers.Set("Content-Length", strconv.Itoa(len(body)))
		}
	}
	resp.Duration = 0
}

func redactHeaders(h http.Header) {
	for _, name := range secretHeaders {
		if vs := h.Values(name); len(vs) > 0 {
			red := make([]string, len(vs))
			for k := range red {
				red[k] = Redacted
			}
			h[http.CanonicalHeaderKey(name)] = red
		}
	}
}

// redactURL replaces secret query values. A URL that does not parse is
// returned unchanged: there is nothing structured to redact in it.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.RawQuery == "" {
		return raw
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil || !hasSecretKey(q) {
		return raw
	}
	u.RawQuery = redactValues(q).Encode()
	return u.String()
}

func hasSecretKey(v url.Values) bool {
	for k := range v {
		if isSecretField(k) {
			return true
		}
	}
	return false
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func redactValues(v url.Values) url.Values {
	for k, vs := range v {
		if !isSecretField(k) {
			continue
		}
		for n := range vs {
			vs[n] = Redacted
		}
	}
	return v
}

// redactBody redacts secret fields of a JSON or form-encoded body. It reports
// whether anything changed, so untouched bodies keep their original bytes.
func redactBody(body, contentType string) (string, bool) {
	if body == "" {
		return body, false
	}
	if isFormContent(contentType) {
		v, err := url.ParseQuery(body)
		if err != nil || !hasSecretKey(v) {
			return body, false
		}
		return redactValues(v).Encode(), true
	}
	var doc any
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		return body, false
	}
	if !redactJSON(doc) {
		return body, false
	}
	out, err := marshalJSON(doc)
	if err != nil {
		return body, false
	}
	return out, true
}

func isFormContent(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// redactJSON replaces the string values of secret keys anywhere in a decoded
// JSON document and reports whether it changed anything.
func redactJSON(v any) bool {
	changed := false
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && isSecretField(k) {
				if s != Redacted {
					x[k] = Redacted
					changed = true
				}
				continue
			}
			if list, ok := val.([]any); ok && isSecretListField(k) {
				for i, item := range list {
					if s, ok := item.(string); ok && s != Redacted {
						list[i] = Redacted
						changed = true
					}
				}
				continue
			}
			if redactJSON(val) {
				changed = true
			}
		}
	case []any:
		for _, val := range x {
			if redactJSON(val) {
				changed = true
			}
		}
	}
	return changed
}

// marshalJSON encodes a document compactly, with sorted keys and without
// escaping <, > and &, so recorded bodies stay readable.
func marshalJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
