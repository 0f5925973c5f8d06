package mcptools

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
)

// pageCursor is what an opaque cursor carries: where the next page starts,
// a fingerprint of the query it belongs to, and the absolute time window the
// first page used (so that "since: 2h" does not drift between pages).
type pageCursor struct {
	Offset int    `json:"o"`
	Query  string `json:"q"`
	Since  int64  `json:"s,omitempty"`
	Until  int64  `json:"u,omitempty"`
}

// fingerprint identifies a query: the tool and its arguments without the
// cursor and the limit (changing the page size between pages is fine).
func fingerprint(tool string, args any) string {
	b, _ := json.Marshal(args)
	sum := sha256.Sum256(append([]byte(tool+"\x00"), b...))
	return base64.RawURLEncoding.EncodeToString(sum[:9])
}

func encodeCursor(c pageCursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor and checks that it belongs to the query with
// fingerprint fp. Empty means the first page.
func decodeCursor(s, fp string) (pageCursor, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return pageCursor{}, nil
	}
	var c pageCursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) > 512 || json.Unmarshal(b, &c) != nil || c.Offset < 0 {
		return pageCursor{}, argError("cursor", "it is not a cursor this tool gave: pass the next_cursor of the previous answer unchanged, or leave it empty for the first page")
	}
	if c.Query != fp {
		return pageCursor{}, argError("cursor", "it belongs to another query: pass it only with the same filters as the call that returned it, or leave it empty to start over")
	}
	return c, nil
}
