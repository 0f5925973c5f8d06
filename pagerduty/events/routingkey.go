package events

import (
	"fmt"
	"log/slog"
)

// RoutingKey is the integration key of an Events API v2 integration (or the
// routing key of an event orchestration): whoever knows it can open incidents
// on the service. It is a secret, so it never prints: fmt (with any verb),
// log/slog and encoding/json all show [RedactedRoutingKey] instead. The
// client sends the real value only in the body of its requests.
type RoutingKey string

// RedactedRoutingKey is what a RoutingKey shows when printed, logged or
// encoded.
const RedactedRoutingKey = "[redacted routing key]"

// String returns [RedactedRoutingKey], or "" for an empty key (so a missing
// key still reads as missing).
func (k RoutingKey) String() string {
	if k == "" {
		return ""
	}
	return RedactedRoutingKey
}

// GoString is what %#v prints: the redacted form, quoted.
func (k RoutingKey) GoString() string { return fmt.Sprintf("%q", k.String()) }

// Format prints the redacted form whatever the verb, so %x or %d cannot show
// the key either.
func (k RoutingKey) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, k.GoString())
		return
	}
	if verb == 'q' {
		fmt.Fprintf(f, "%q", k.String())
		return
	}
	fmt.Fprint(f, k.String())
}

// LogValue makes log/slog record the redacted form.
func (k RoutingKey) LogValue() slog.Value { return slog.StringValue(k.String()) }

// MarshalJSON encodes the redacted form, so an Event encoded to JSON (by a
// logger, a queue, a debugging dump) does not carry the key. The client
// builds its request bodies separately.
func (k RoutingKey) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("%q", k.String())), nil
}

// MarshalText encodes the redacted form, for encoders that use
// encoding.TextMarshaler (YAML, XML, map keys).
func (k RoutingKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }
