package webhooks

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchPayload is a typical incident.triggered delivery, compacted to about
// 2 KB as PagerDuty sends it.
func benchPayload(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, readTestdata(b, "incident_triggered.json")); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkVerifyAndDecode(b *testing.B) {
	body := benchPayload(b)
	sig := Sign(body, testSecret)
	v := Verifier{Secrets: []string{testSecret}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	header := http.Header{}
	header.Set(SignatureHeader, sig)
	for b.Loop() {
		r := &http.Request{
			Method:        http.MethodPost,
			Header:        header,
			Body:          readCloser{bytes.NewReader(body)},
			ContentLength: int64(len(body)),
		}
		got, err := v.verifyRequest(r)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := DecodeEvent(got); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyPayload(b *testing.B) {
	body := benchPayload(b)
	sig := Sign(body, "retired", testSecret)
	v := Verifier{Secrets: []string{testSecret}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := v.VerifyPayload(body, sig); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHandler(b *testing.B) {
	body := benchPayload(b)
	sig := Sign(body, testSecret)
	h := NewHandler(nil, WithSecrets(testSecret))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		r.Header.Set(SignatureHeader, sig)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNoContent {
			b.Fatalf("status %d", w.Code)
		}
	}
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

func BenchmarkDecodeEvent(b *testing.B) {
	body := benchPayload(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeEvent(body); err != nil {
			b.Fatal(err)
		}
	}
}
