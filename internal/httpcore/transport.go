package httpcore

import "net/http"

// DefaultMaxIdleConnsPerHost is how many idle connections to one host the
// REST client's own transport keeps. A client is shared by many goroutines
// and fetches pages several at a time, all to one host: net/http's default
// of two would close most connections of a burst and open them again, TLS
// handshake included, on the next one. It covers the rate limiter's default
// burst of 16 twice.
const DefaultMaxIdleConnsPerHost = 32

// NewTransport returns the transport a client uses when the caller gives
// none: a clone of http.DefaultTransport (proxy from the environment,
// HTTP/2, its timeouts) that keeps up to maxIdlePerHost idle connections
// per host.
func NewTransport(maxIdlePerHost int) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = maxIdlePerHost
	t.MaxIdleConns = max(t.MaxIdleConns, maxIdlePerHost)
	return t
}
