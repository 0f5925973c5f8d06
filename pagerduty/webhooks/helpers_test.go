package webhooks

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// Secrets used by the tests. They are made up for the tests.
const (
	testSecret    = "whsec-test-6f9c2a1b8e7d4c3f"
	testNewSecret = "whsec-test-rotated-0a1b2c3d4e"
)

// hmacHex computes a v1 signature independently of the package's Sign.
func hmacHex(body []byte, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// signedRequest builds a POST request with body and the given signature
// header (omitted when empty).
func signedRequest(t testing.TB, body []byte, sigHeader string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/pagerduty", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if sigHeader != "" {
		r.Header.Set(SignatureHeader, sigHeader)
	}
	return r
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
