package cassette

import (
	"net/http"
	"regexp"
)

// waitHeaders tell a client how long to wait before trying again. Replaying
// them as recorded would make a replayed 429 sleep for real.
var waitHeaders = []string{
	"Retry-After",
	"Ratelimit-Reset",
	"X-Ratelimit-Reset",
}

// resetParam is the reset parameter of a structured RateLimit header
// ("limit=960, remaining=0, reset=30").
var resetParam = regexp.MustCompile(`(?i)\breset=\d+`)

// zeroWaits rewrites recorded waits to zero, keeping the headers so a client
// still sees that the server asked it to wait.
func zeroWaits(h http.Header) {
	for _, name := range waitHeaders {
		if len(h.Values(name)) > 0 {
			h.Set(name, "0")
		}
	}
	if vs := h.Values("Ratelimit"); len(vs) > 0 {
		for n, v := range vs {
			vs[n] = resetParam.ReplaceAllString(v, "reset=0")
		}
	}
}
