package webhooks

import "errors"

// Errors returned by verification and decoding. They are always wrapped with
// details of what was wrong, so compare them with [errors.Is].
var (
	// ErrNoSecrets means the verifier was given no usable (non-empty) secret.
	// It is a configuration mistake on the receiving side, not a bad request.
	ErrNoSecrets = errors.New("webhooks: no signing secret configured")

	// ErrMissingSignature means the request carries no X-PagerDuty-Signature
	// header, or the header is empty.
	ErrMissingSignature = errors.New("webhooks: missing X-PagerDuty-Signature header")

	// ErrMalformedSignature means the X-PagerDuty-Signature header could not be
	// read: an entry is not of the form "version=value", a v1 value is not 64
	// hexadecimal digits, or the header holds no v1 signature at all.
	ErrMalformedSignature = errors.New("webhooks: malformed X-PagerDuty-Signature header")

	// ErrSignatureMismatch means the header was well formed but none of its v1
	// signatures matches the body under any of the configured secrets: the
	// secret is wrong or the body was altered on the way.
	ErrSignatureMismatch = errors.New("webhooks: no signature matches the body")

	// ErrBodyTooLarge means the request body is larger than the verifier's
	// maximum body size.
	ErrBodyTooLarge = errors.New("webhooks: request body too large")

	// ErrMalformedPayload means the body is not a webhook v3 payload: not JSON,
	// no "event" object, no event type, or data that does not fit its
	// documented shape.
	ErrMalformedPayload = errors.New("webhooks: malformed payload")
)
