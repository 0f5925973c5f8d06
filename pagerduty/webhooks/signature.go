package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Header names PagerDuty sets on every webhook v3 delivery.
const (
	// SignatureHeader carries one or more comma-separated signatures of the
	// body, such as "v1=5f2b...,v1=9ac0..." while a secret is being rotated.
	SignatureHeader = "X-PagerDuty-Signature"

	// WebhookIDHeader identifies one webhook. Retries of the same webhook carry
	// the same value, so it is the key to use to drop duplicate deliveries.
	WebhookIDHeader = "X-Webhook-Id"

	// SubscriptionHeader names the webhook subscription the delivery belongs to.
	SubscriptionHeader = "X-Webhook-Subscription"
)

// SignatureVersionV1 is the signature scheme PagerDuty uses today: the
// lowercase hex encoding of HMAC-SHA256 over the raw body, keyed with the
// subscription's secret.
const SignatureVersionV1 = "v1"

// v1HexLen is the length of a hex-encoded SHA-256 MAC.
const v1HexLen = 2 * sha256.Size

// Signature is one entry of the X-PagerDuty-Signature header.
type Signature struct {
	// Version is the scheme, the text before "=" (for example "v1").
	Version string
	// Value is the text after "=". For version v1 it is 64 hexadecimal digits.
	Value string
}

// ParseSignatureHeader splits an X-PagerDuty-Signature header value into its
// entries. Entries are separated by commas; spaces around them and empty
// entries are ignored. Every entry must read "version=value", and every v1
// value must be 64 hexadecimal digits. Entries of other versions are returned
// as they are, unchecked, so that a future scheme does not break parsing.
//
// The error wraps [ErrMissingSignature] when the header is empty and
// [ErrMalformedSignature] when an entry is malformed or no v1 entry is present.
func ParseSignatureHeader(header string) ([]Signature, error) {
	if strings.TrimSpace(header) == "" {
		return nil, ErrMissingSignature
	}
	var (
		sigs []Signature
		v1   int
	)
	for i, entry := range strings.Split(header, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		version, value, ok := strings.Cut(entry, "=")
		if !ok || version == "" || value == "" {
			return nil, fmt.Errorf("%w: entry %d is not of the form version=value", ErrMalformedSignature, i+1)
		}
		if version == SignatureVersionV1 {
			if len(value) != v1HexLen || !isHex(value) {
				return nil, fmt.Errorf("%w: entry %d: a v1 signature must be %d hexadecimal digits", ErrMalformedSignature, i+1, v1HexLen)
			}
			v1++
		}
		sigs = append(sigs, Signature{Version: version, Value: value})
	}
	if v1 == 0 {
		return nil, fmt.Errorf("%w: no v1 signature in the header (only v1 is supported)", ErrMalformedSignature)
	}
	return sigs, nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Sign returns the X-PagerDuty-Signature header value PagerDuty would send
// for body: one v1 entry per secret, comma-separated. It is meant for tests and
// for programs that forward or simulate webhooks.
func Sign(body []byte, secrets ...string) string {
	var b strings.Builder
	for i, s := range secrets {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(SignatureVersionV1)
		b.WriteByte('=')
		b.WriteString(hex.EncodeToString(mac(body, s)))
	}
	return b.String()
}

// mac is HMAC-SHA256 of body keyed with secret.
func mac(body []byte, secret string) []byte {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write(body)
	return h.Sum(nil)
}
