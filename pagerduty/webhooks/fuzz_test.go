package webhooks

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseSignatureHeader(f *testing.F) {
	a := hmacHex([]byte("a"), "s")
	for _, seed := range []string{
		"", ",", "v1=" + a, "v1=" + a + ",v1=" + a, " v1=" + a + " , v2=x",
		"v1=", "=", "v1==" + a, "v1=" + strings.ToUpper(a), "v0=" + a, "v1=" + a[:63] + "g",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		sigs, err := ParseSignatureHeader(header)
		if err != nil {
			if !errors.Is(err, ErrMissingSignature) && !errors.Is(err, ErrMalformedSignature) {
				t.Fatalf("error %v is neither ErrMissingSignature nor ErrMalformedSignature", err)
			}
			if sigs != nil {
				t.Fatal("signatures returned with an error")
			}
			return
		}
		v1 := 0
		for _, s := range sigs {
			if s.Version == "" || s.Value == "" {
				t.Fatalf("empty part in %+v", s)
			}
			if s.Version == SignatureVersionV1 {
				v1++
				if len(s.Value) != 64 || !isHex(s.Value) {
					t.Fatalf("accepted a malformed v1 value %q", s.Value)
				}
			}
		}
		if v1 == 0 {
			t.Fatal("accepted a header without a v1 signature")
		}
	})
}

func FuzzDecodeEvent(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, seed := range []string{
		`{}`, `{"event":null}`, `{"event":{"event_type":"x"}}`, `{"event":{"event_type":"incident.triggered","data":[]}}`,
		`{"event":{"event_type":"incident.annotated","data":{"type":7}}}`, `[`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := DecodeEvent(body)
		if err != nil {
			if !errors.Is(err, ErrMalformedPayload) {
				t.Fatalf("error %v does not wrap ErrMalformedPayload", err)
			}
			return
		}
		if ev == nil || ev.EventType == "" {
			t.Fatalf("decoded an event without a type: %+v", ev)
		}
		if len(ev.RawData) > 0 && !json.Valid(ev.RawData) {
			t.Fatalf("RawData %q is not valid JSON", ev.RawData)
		}
		_ = ev.IncidentID() // must not panic on any data
	})
}

func FuzzVerifyPayload(f *testing.F) {
	f.Add([]byte(`{"event":{}}`), "")
	f.Add(pingBody, Sign(pingBody, testSecret))
	f.Add(pingBody, Sign(pingBody, "other")+",v1=zz")
	v := Verifier{Secrets: []string{testSecret}}
	f.Fuzz(func(t *testing.T, body []byte, header string) {
		err := v.VerifyPayload(body, header)
		if err == nil && !strings.Contains(header, hmacHex(body, testSecret)) &&
			!strings.Contains(strings.ToLower(header), hmacHex(body, testSecret)) {
			t.Fatalf("accepted header %q that carries no valid signature", header)
		}
	})
}
