package webhooks

import (
	"bytes"
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
)

// DefaultMaxBodyBytes is the body size limit a [Verifier] applies when its
// MaxBodyBytes is zero: 1 MiB, four times the largest webhook PagerDuty
// delivers (256 KB).
const DefaultMaxBodyBytes int64 = 1 << 20

// Verifier checks the signatures of webhook deliveries.
//
// The zero value is usable but rejects every request with [ErrNoSecrets]:
// set Secrets to the signing secret of each webhook subscription that posts to
// the endpoint. A Verifier is safe for concurrent use as long as its fields are
// not changed.
type Verifier struct {
	// Secrets are the signing secrets to accept. A delivery is authentic when
	// one of its v1 signatures matches the body under any one of them, so
	// during a rotation list both the old and the new secret. Empty strings are
	// ignored: a MAC keyed with an empty secret proves nothing.
	Secrets []string

	// MaxBodyBytes is the largest body accepted, in bytes. Zero or a negative
	// value means DefaultMaxBodyBytes.
	MaxBodyBytes int64
}

// Verify checks the X-PagerDuty-Signature header of r against its body with
// the given secrets, using a [Verifier] with the default body size limit.
// See [Verifier.Verify].
func Verify(r *http.Request, secrets ...string) error {
	return Verifier{Secrets: secrets}.Verify(r)
}

// Verify checks that r carries a valid PagerDuty signature of its body.
//
// It reads the whole body (up to MaxBodyBytes) and replaces r.Body with the
// bytes read, so the body can be read again afterwards. When the body is too
// large, r.Body still yields the complete original body. The header is checked
// before the body is read, so requests without a usable signature cost no
// body read.
//
// The error wraps one of [ErrNoSecrets], [ErrMissingSignature],
// [ErrMalformedSignature], [ErrBodyTooLarge] or [ErrSignatureMismatch], or
// the error met while reading the body. It never contains a secret.
func (v Verifier) Verify(r *http.Request) error {
	_, err := v.verifyRequest(r)
	return err
}

// VerifyPayload checks a body and the value of its X-PagerDuty-Signature
// header, for receivers that already hold both (a queue consumer, a serverless
// function). It applies the same rules as [Verifier.Verify].
func (v Verifier) VerifyPayload(body []byte, signatureHeader string) error {
	secrets, err := v.secrets()
	if err != nil {
		return err
	}
	sigs, err := parseV1(signatureHeader)
	if err != nil {
		return err
	}
	if limit := v.limit(); int64(len(body)) > limit {
		return tooLarge(limit)
	}
	return match(body, sigs, secrets)
}

// verifyRequest verifies r and returns its body.
func (v Verifier) verifyRequest(r *http.Request) ([]byte, error) {
	secrets, err := v.secrets()
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("%w: nil request", ErrMissingSignature)
	}
	sigs, err := parseV1(strings.Join(r.Header.Values(SignatureHeader), ","))
	if err != nil {
		return nil, err
	}
	body, err := readBody(r, v.limit())
	if err != nil {
		return nil, err
	}
	if err := match(body, sigs, secrets); err != nil {
		return nil, err
	}
	return body, nil
}

func (v Verifier) secrets() ([]string, error) {
	n := 0
	for _, s := range v.Secrets {
		if s != "" {
			n++
		}
	}
	if n == 0 {
		return nil, ErrNoSecrets
	}
	if n == len(v.Secrets) {
		return v.Secrets, nil
	}
	out := make([]string, 0, n)
	for _, s := range v.Secrets {
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

func (v Verifier) limit() int64 {
	if v.MaxBodyBytes <= 0 {
		return DefaultMaxBodyBytes
	}
	return v.MaxBodyBytes
}

// parseV1 parses the header and returns the decoded v1 MACs.
func parseV1(header string) ([][]byte, error) {
	sigs, err := ParseSignatureHeader(header)
	if err != nil {
		return nil, err
	}
	macs := make([][]byte, 0, len(sigs))
	for _, s := range sigs {
		if s.Version != SignatureVersionV1 {
			continue
		}
		m, err := hex.DecodeString(s.Value)
		if err != nil { // unreachable: ParseSignatureHeader checked the digits
			return nil, fmt.Errorf("%w: %v", ErrMalformedSignature, err)
		}
		macs = append(macs, m)
	}
	return macs, nil
}

// match reports whether one of macs is the MAC of body under one of secrets.
// Each comparison takes constant time.
func match(body []byte, macs [][]byte, secrets []string) error {
	for _, s := range secrets {
		want := mac(body, s)
		for _, got := range macs {
			if hmac.Equal(want, got) {
				return nil
			}
		}
	}
	return fmt.Errorf("%w: %d v1 signature(s) checked against %d secret(s)", ErrSignatureMismatch, len(macs), len(secrets))
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: the limit is %d bytes", ErrBodyTooLarge, limit)
}

// readBody reads r.Body up to limit bytes and puts the bytes back so that the
// body can be read again.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return []byte{}, nil
	}
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	orig := r.Body
	capacity := int64(512)
	if r.ContentLength > 0 {
		capacity = r.ContentLength + 1 // +1 so that reading to EOF does not grow the buffer
	}
	buf := bytes.NewBuffer(make([]byte, 0, capacity))
	readLimit := limit
	if readLimit < math.MaxInt64 {
		readLimit++ // one byte more tells "exactly limit" from "too large"
	}
	_, err := buf.ReadFrom(io.LimitReader(orig, readLimit))
	body := buf.Bytes()
	if err == nil && int64(len(body)) > limit {
		err = tooLarge(limit)
	}
	if err != nil {
		// Give back what was read, followed by the rest, so the caller still
		// sees the whole body.
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(body), orig), orig}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) && !errors.Is(err, ErrBodyTooLarge) {
			return nil, fmt.Errorf("%w: %w", ErrBodyTooLarge, err)
		}
		if errors.Is(err, ErrBodyTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("webhooks: reading request body: %w", err)
	}
	_ = orig.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.GetBody = func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	}
	return body, nil
}
