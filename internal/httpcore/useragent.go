package httpcore

import "runtime"

// Version is the pdkit release this code belongs to; it appears in the
// default User-Agent.
const Version = "0.1.0"

// UserAgent returns the default User-Agent: the module, its version and the
// Go version, so PagerDuty's support can tell which client sent a request.
func UserAgent() string {
	return "pdkit/" + Version + " (+https://github.com/pdkit/pdkit; " + runtime.Version() + ")"
}
