package cassette

import "net/http"

// Environment variables read by [New].
const (
	// EnvRecord switches to Record mode when set to 1 or true.
	EnvRecord = "PDKIT_RECORD"
	// EnvRecordBaseURL is the server recorded against; it defaults to
	// [DefaultRecordBaseURL], the local mock of PagerDuty's API description.
	EnvRecordBaseURL = "PDKIT_RECORD_BASE_URL"
	// EnvRecordEventsBaseURL is the server that cassettes opened with
	// [EventsAPI] record against; it defaults to [DefaultRecordEventsBaseURL].
	EnvRecordEventsBaseURL = "PDKIT_RECORD_EVENTS_BASE_URL"
	// EnvToken holds the API token used while recording. Any value works
	// against the mock; it is never written to a cassette.
	EnvToken = "PAGERDUTY_API_TOKEN"
)

const (
	// DefaultRecordBaseURL is where scripts/prism.sh starts the mock.
	DefaultRecordBaseURL = "http://127.0.0.1:4010"
	// DefaultRecordEventsBaseURL is where scripts/prism.sh starts the mock of
	// the Events API description.
	DefaultRecordEventsBaseURL = "http://127.0.0.1:4011"
	// DefaultRecordToken is the token used while recording when
	// PAGERDUTY_API_TOKEN is unset: good enough for the mock.
	DefaultRecordToken = "pdkit-mock-token"
	// ReplayBaseURL is what [Cassette.BaseURL] returns when replaying. The
	// .invalid domain never resolves, so a client that bypasses the
	// cassette's transport fails instead of reaching the internet.
	ReplayBaseURL = "https://replay.pagerduty.invalid"
	// ReplayToken is what [Cassette.Token] returns when replaying; the
	// matcher ignores credentials, so any token replays.
	ReplayToken = "pdkit-replay-token"
)

// An Option adjusts [New]. A nil Option is ignored.
type Option func(*config)

type config struct {
	dir           string
	mode          *Mode
	baseURL       string
	token         string
	realTransport http.RoundTripper
	events        bool
}

// InDir keeps the cassette file in dir instead of the module's cassettes/
// folder; tests of the helper itself use it with t.TempDir().
func InDir(dir string) Option {
	return func(c *config) { c.dir = dir }
}

// WithMode forces a mode, whatever PDKIT_RECORD says.
func WithMode(m Mode) Option {
	return func(c *config) { c.mode = &m }
}

// WithRecordBaseURL sets the server to record against, taking precedence over
// PDKIT_RECORD_BASE_URL. It has no effect when replaying.
func WithRecordBaseURL(u string) Option {
	return func(c *config) { c.baseURL = u }
}

// WithRecordToken sets the token used while recording, taking precedence over
// PAGERDUTY_API_TOKEN. It has no effect when replaying.
func WithRecordToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithRealTransport sets the transport that reaches the server while
// recording (for example an httptest TLS server's). It defaults to a fresh
// clone of [http.DefaultTransport].
func WithRealTransport(rt http.RoundTripper) Option {
	return func(c *config) { c.realTransport = rt }
}

// EventsAPI records against the Events API (PDKIT_RECORD_EVENTS_BASE_URL,
// by default the local mock of its description on port 4011) instead of the
// REST API. The Events description's paths live under /v2 on
// events.pagerduty.com but at the root of a mock, so when the server is on
// the loopback interface the /v2 prefix is removed from the path sent; the
// cassette keeps the path the client used. It has no effect when replaying.
func EventsAPI() Option {
	return func(c *config) { c.events = true }
}
