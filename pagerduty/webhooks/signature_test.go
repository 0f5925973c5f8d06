package webhooks

import (
	"errors"
	"strings"
	"testing"
)

func TestSignKnownVector(t *testing.T) {
	// HMAC-SHA256 test vector published with the algorithm's description.
	got := Sign([]byte("The quick brown fox jumps over the lazy dog"), "key")
	want := "v1=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
	if got != want {
		t.Fatalf("Sign = %q, want %q", got, want)
	}
}

func TestSignSeveralSecrets(t *testing.T) {
	body := []byte(`{"event":{}}`)
	got := Sign(body, testSecret, testNewSecret)
	want := "v1=" + hmacHex(body, testSecret) + ",v1=" + hmacHex(body, testNewSecret)
	if got != want {
		t.Fatalf("Sign = %q, want %q", got, want)
	}
	if Sign(body) != "" {
		t.Fatalf("Sign without secrets = %q, want empty", Sign(body))
	}
}

func TestParseSignatureHeader(t *testing.T) {
	a := hmacHex([]byte("a"), "s")
	b := hmacHex([]byte("b"), "s")
	tests := []struct {
		name    string
		header  string
		want    []Signature
		wantErr error
	}{
		{"one", "v1=" + a, []Signature{{"v1", a}}, nil},
		{"rotation", "v1=" + a + ",v1=" + b, []Signature{{"v1", a}, {"v1", b}}, nil},
		{"spaces and newlines", " v1=" + a + " ,\n v1=" + b + " ", []Signature{{"v1", a}, {"v1", b}}, nil},
		{"empty entries", ",v1=" + a + ",,", []Signature{{"v1", a}}, nil},
		{"uppercase hex", "v1=" + strings.ToUpper(a), []Signature{{"v1", strings.ToUpper(a)}}, nil},
		{"future version kept", "v2=opaque-value,v1=" + a, []Signature{{"v2", "opaque-value"}, {"v1", a}}, nil},
		{"empty", "", nil, ErrMissingSignature},
		{"blank", "  ", nil, ErrMissingSignature},
		{"only other versions", "v0=" + a + ",v2=" + b, nil, ErrMalformedSignature},
		{"non-hex v1", "v1=" + strings.Repeat("zz", 32), nil, ErrMalformedSignature},
		{"short v1", "v1=" + a[:62], nil, ErrMalformedSignature},
		{"long v1", "v1=" + a + "00", nil, ErrMalformedSignature},
		{"bad entry among good", "v1=" + a + ",garbage", nil, ErrMalformedSignature},
		{"no version", "=" + a, nil, ErrMalformedSignature},
		{"no value", "v1=", nil, ErrMalformedSignature},
		{"bare hex", a, nil, ErrMalformedSignature},
		{"only commas", ",,,", nil, ErrMalformedSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSignatureHeader(tt.header)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error = %v, want %v", err, tt.wantErr)
				}
				if got != nil {
					t.Fatalf("signatures = %v, want none on error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("signature %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseSignatureHeaderErrorSaysWhatIsAccepted(t *testing.T) {
	_, err := ParseSignatureHeader("v1=xyz")
	if err == nil || !strings.Contains(err.Error(), "64 hexadecimal digits") {
		t.Fatalf("error %q should say a v1 signature is 64 hexadecimal digits", err)
	}
	_, err = ParseSignatureHeader("v2=abc")
	if err == nil || !strings.Contains(err.Error(), "only v1 is supported") {
		t.Fatalf("error %q should say only v1 is supported", err)
	}
}
