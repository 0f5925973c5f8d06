// Package cassette lets tests talk to PagerDuty without the network, by
// replaying HTTP interactions recorded once and kept as YAML files (go-vcr v3
// cassettes) under the module's cassettes/ folder.
//
// # Using a cassette in a test
//
//	func TestListIncidents(t *testing.T) {
//		cas := cassette.New(t, "pagerduty/incidents_list")
//		c, err := pagerduty.NewClient(
//			pagerduty.WithToken(cas.Token()),
//			pagerduty.WithBaseURL(cas.BaseURL()),
//			pagerduty.WithHTTPClient(cas.HTTPClient()),
//		)
//		...
//	}
//
// [New] opens cassettes/pagerduty/incidents_list.yaml. By default it replays:
// every request is answered from the file and nothing leaves the machine. A
// request that was not recorded fails the test with a message that names the
// request (method, path, query, body), lists what was recorded for the same
// route, and gives the command that re-records the test. The client receives
// a [*NotRecordedError] (errors.Is(err, [ErrNotRecorded]) holds), so a retry
// policy can stop at once.
//
// # How requests are matched
//
// A request matches a recorded interaction when method, path, query and body
// agree. Scheme and host are ignored, so a cassette replays whatever base URL
// the client uses. Query parameters compare in any order; JSON bodies compare
// as values, so key order and spacing do not matter; form bodies compare as
// forms. Secrets are redacted before comparing, exactly as before saving, so
// a request with a real token matches its redacted recording. Identical
// requests replay their recordings in order, one each: a sequence of pages or
// a retry after a 429 replays as it happened.
//
// Recorded waits are not replayed: Retry-After, RateLimit-Reset and the reset
// of a RateLimit header are rewritten to 0, so a replayed 429 does not sleep.
// The recorded latency is not replayed either.
//
// # Recording
//
// Cassettes are recorded against PagerDuty's own API with a real token, or
// against a mock of PagerDuty's OpenAPI description that validates every
// request (Stoplight Prism). From the module root:
//
//	scripts/record.sh ./pagerduty -run '^TestListIncidents$'
//
// starts the mocks (scripts/prism.sh) of the REST API on
// http://127.0.0.1:4010 and of the Events API on http://127.0.0.1:4011, runs
// the tests with PDKIT_RECORD=1, stops the mocks it started and scans the
// cassettes for anything that looks like a credential. To record against
// PagerDuty itself:
//
//	PDKIT_RECORD_BASE_URL=https://api.pagerduty.com PAGERDUTY_API_TOKEN=... \
//		scripts/record.sh ./pagerduty -run '^TestListIncidents$'
//
// The environment variables:
//
//	PDKIT_RECORD=1                 record instead of replay (0, false or unset: replay)
//	PDKIT_RECORD_BASE_URL          REST server to record against (default http://127.0.0.1:4010)
//	PDKIT_RECORD_EVENTS_BASE_URL   Events API server, for cassettes opened with EventsAPI()
//	                               (default http://127.0.0.1:4011)
//	PAGERDUTY_API_TOKEN            token used while recording (default a dummy token,
//	                               which the mock accepts)
//
// A test of the Events API client opens its cassette with [EventsAPI]: the
// mock serves the Events description at its root while PagerDuty serves it
// under /v2, and the option bridges the two when recording against a mock on
// the loopback interface.
//
// A recording overwrites the cassette only when the test passes. Before it is
// written, every secret is replaced by [Redacted]: the Authorization,
// Proxy-Authorization, X-Api-Key, Cookie and Set-Cookie headers, and the
// values of token, access_token, refresh_token, id_token, client_secret,
// password, secret, api_key, routing_key and integration_key in queries, forms
// and JSON bodies. Date and request-ID headers are dropped and URLs are
// rewritten to https://api.pagerduty.com (https://events.pagerduty.com for the
// Events API), so re-recording gives small, stable diffs.
//
// # Guarding the recordings
//
// [Scan] and [ScanDir] report lines that look like credentials; a test of
// this package runs ScanDir over cassettes/ so no secret can be committed
// unnoticed. The conformance test of package internal/openapi checks every
// recorded request against PagerDuty's OpenAPI description.
package cassette
