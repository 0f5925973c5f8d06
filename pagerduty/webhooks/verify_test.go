package webhooks

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"
)

var pingBody = []byte(`{"event":{"id":"01PING","event_type":"pagey.ping","resource_type":"pagey","occurred_at":"2025-03-12T16:00:00.125Z","agent":null,"client":null,"data":{"message":"Hello from your friend Pagey!","type":"ping"}}}`)

func TestVerify(t *testing.T) {
	valid := "v1=" + hmacHex(pingBody, testSecret)
	validNew := "v1=" + hmacHex(pingBody, testNewSecret)
	tampered := bytes.Replace(pingBody, []byte("Pagey"), []byte("Mallory"), 1)
	tests := []struct {
		name    string
		body    []byte
		header  string
		secrets []string
		wantErr error
	}{
		{"valid", pingBody, valid, []string{testSecret}, nil},
		{"second of several secrets matches", pingBody, validNew, []string{testSecret, testNewSecret}, nil},
		{"rotation: new signature first, old secret configured", pingBody, validNew + "," + valid, []string{testSecret}, nil},
		{"rotation: old signature first, new secret configured", pingBody, valid + "," + validNew, []string{testNewSecret}, nil},
		{"rotation with a future version entry", pingBody, "v2=whatever," + valid, []string{testSecret}, nil},
		{"wrong secret", pingBody, valid, []string{testNewSecret}, ErrSignatureMismatch},
		{"tampered body", tampered, valid, []string{testSecret}, ErrSignatureMismatch},
		{"two signatures, neither valid", pingBody, "v1=" + hmacHex(pingBody, "a") + ",v1=" + hmacHex(pingBody, "b"), []string{testSecret}, ErrSignatureMismatch},
		{"missing header", pingBody, "", []string{testSecret}, ErrMissingSignature},
		{"non-hex v1", pingBody, "v1=" + strings.Repeat("g", 64), []string{testSecret}, ErrMalformedSignature},
		{"other versions only", pingBody, "v0=" + hmacHex(pingBody, testSecret), []string{testSecret}, ErrMalformedSignature},
		{"no secrets", pingBody, valid, nil, ErrNoSecrets},
		{"only empty secrets", pingBody, "v1=" + hmacHex(pingBody, ""), []string{"", ""}, ErrNoSecrets},
		{"empty secret ignored among real ones", pingBody, "v1=" + hmacHex(pingBody, ""), []string{"", testSecret}, ErrSignatureMismatch},
		{"empty body signed", []byte{}, "v1=" + hmacHex(nil, testSecret), []string{testSecret}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(signedRequest(t, tt.body, tt.header), tt.secrets...)
			if tt.wantErr == nil && err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("Verify error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				for _, s := range tt.secrets {
					if s != "" && strings.Contains(err.Error(), s) {
						t.Fatalf("error %q reveals a secret", err)
					}
				}
			}
		})
	}
}

func TestVerifyLeavesBodyReadable(t *testing.T) {
	r := signedRequest(t, pingBody, Sign(pingBody, testSecret))
	if err := Verify(r, testSecret); err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // once by the caller, once more through GetBody
		var got []byte
		var err error
		if i == 0 {
			got, err = io.ReadAll(r.Body)
		} else {
			rc, gerr := r.GetBody()
			if gerr != nil {
				t.Fatal(gerr)
			}
			got, err = io.ReadAll(rc)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, pingBody) {
			t.Fatalf("read %d: body after Verify = %q, want the original", i, got)
		}
	}
}

func TestVerifyRejectsUnsignedWithoutReadingBody(t *testing.T) {
	body := &countingReader{r: bytes.NewReader(pingBody)}
	r := httptest.NewRequest(http.MethodPost, "/", body)
	if err := Verify(r, testSecret); !errors.Is(err, ErrMissingSignature) {
		t.Fatalf("error = %v, want ErrMissingSignature", err)
	}
	if body.n != 0 {
		t.Fatalf("read %d body bytes for an unsigned request, want 0", body.n)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestVerifyBodySizeLimit(t *testing.T) {
	const limit = 64
	body := bytes.Repeat([]byte("x"), limit)
	big := bytes.Repeat([]byte("y"), limit+1)
	v := Verifier{Secrets: []string{testSecret}, MaxBodyBytes: limit}

	t.Run("exactly the limit is accepted", func(t *testing.T) {
		if err := v.Verify(signedRequest(t, body, Sign(body, testSecret))); err != nil {
			t.Fatal(err)
		}
	})
	for _, knownLength := range []bool{true, false} {
		name := "content length unknown"
		if knownLength {
			name = "content length known"
		}
		t.Run("one byte over, "+name, func(t *testing.T) {
			r := signedRequest(t, big, Sign(big, testSecret))
			if !knownLength {
				r.ContentLength = -1
				r.Body = io.NopCloser(iotest.HalfReader(bytes.NewReader(big)))
			}
			err := v.Verify(r)
			if !errors.Is(err, ErrBodyTooLarge) {
				t.Fatalf("error = %v, want ErrBodyTooLarge", err)
			}
			if errors.Is(err, ErrSignatureMismatch) {
				t.Fatalf("error %v should not also be a signature mismatch", err)
			}
			if !strings.Contains(err.Error(), "64 bytes") {
				t.Fatalf("error %q should state the limit", err)
			}
			got, _ := io.ReadAll(r.Body)
			if !bytes.Equal(got, big) {
				t.Fatalf("body after a too-large error has %d bytes, want the complete %d", len(got), len(big))
			}
		})
	}
	t.Run("default limit is 1 MiB", func(t *testing.T) {
		huge := bytes.Repeat([]byte(" "), int(DefaultMaxBodyBytes)+1)
		err := Verify(signedRequest(t, huge, Sign(huge, testSecret)), testSecret)
		if !errors.Is(err, ErrBodyTooLarge) {
			t.Fatalf("error = %v, want ErrBodyTooLarge", err)
		}
		ok := huge[:DefaultMaxBodyBytes]
		if err := Verify(signedRequest(t, ok, Sign(ok, testSecret)), testSecret); err != nil {
			t.Fatalf("a body of exactly DefaultMaxBodyBytes: %v", err)
		}
	})
	t.Run("http.MaxBytesReader set by the caller", func(t *testing.T) {
		r := signedRequest(t, big, Sign(big, testSecret))
		r.ContentLength = -1
		r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 10)
		err := Verify(r, testSecret)
		if !errors.Is(err, ErrBodyTooLarge) {
			t.Fatalf("error = %v, want ErrBodyTooLarge", err)
		}
		var mbe *http.MaxBytesError
		if !errors.As(err, &mbe) || mbe.Limit != 10 {
			t.Fatalf("error %v should keep the *http.MaxBytesError", err)
		}
	})
}

func TestVerifyReadError(t *testing.T) {
	boom := errors.New("connection reset")
	r := signedRequest(t, nil, Sign(pingBody, testSecret))
	r.ContentLength = -1
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(pingBody[:10]), iotest.ErrReader(boom)))
	err := Verify(r, testSecret)
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want it to wrap the read error", err)
	}
	for _, s := range []error{ErrSignatureMismatch, ErrBodyTooLarge, ErrMissingSignature, ErrMalformedSignature} {
		if errors.Is(err, s) {
			t.Fatalf("read error %v should not be %v", err, s)
		}
	}
}

func TestVerifySeveralHeaderLines(t *testing.T) {
	r := signedRequest(t, pingBody, "v1="+hmacHex(pingBody, "old"))
	r.Header.Add(SignatureHeader, "v1="+hmacHex(pingBody, testSecret))
	if err := Verify(r, testSecret); err != nil {
		t.Fatalf("a signature on a second header line should count: %v", err)
	}
}

func TestVerifyNilRequestAndZeroVerifier(t *testing.T) {
	if err := Verify(nil, testSecret); !errors.Is(err, ErrMissingSignature) {
		t.Fatalf("nil request: error = %v, want ErrMissingSignature", err)
	}
	var v Verifier
	r := signedRequest(t, pingBody, Sign(pingBody, ""))
	if err := v.Verify(r); !errors.Is(err, ErrNoSecrets) {
		t.Fatalf("zero Verifier: error = %v, want ErrNoSecrets", err)
	}
}

func TestVerifyNoBody(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Header.Set(SignatureHeader, Sign(nil, testSecret))
	if err := Verify(r, testSecret); err != nil {
		t.Fatalf("empty body signed correctly: %v", err)
	}
	r.Header.Set(SignatureHeader, Sign([]byte("x"), testSecret))
	if err := Verify(r, testSecret); !errors.Is(err, ErrSignatureMismatch) {
		t.Fatalf("error = %v, want ErrSignatureMismatch", err)
	}
}

func TestVerifyPayload(t *testing.T) {
	v := Verifier{Secrets: []string{testSecret}, MaxBodyBytes: 1000}
	if err := v.VerifyPayload(pingBody, Sign(pingBody, "old", testSecret)); err != nil {
		t.Fatal(err)
	}
	if err := v.VerifyPayload(pingBody, Sign(pingBody, "old")); !errors.Is(err, ErrSignatureMismatch) {
		t.Fatalf("error = %v, want ErrSignatureMismatch", err)
	}
	if err := v.VerifyPayload(pingBody, ""); !errors.Is(err, ErrMissingSignature) {
		t.Fatalf("error = %v, want ErrMissingSignature", err)
	}
	v.MaxBodyBytes = 10
	if err := v.VerifyPayload(pingBody, Sign(pingBody, testSecret)); !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("error = %v, want ErrBodyTooLarge", err)
	}
	if err := (Verifier{}).VerifyPayload(pingBody, Sign(pingBody, testSecret)); !errors.Is(err, ErrNoSecrets) {
		t.Fatalf("error = %v, want ErrNoSecrets", err)
	}
}
