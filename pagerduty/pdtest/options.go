package pdtest

import "time"

// DefaultToken is the API token a server accepts unless [WithToken] says
// otherwise.
const DefaultToken = "pdtest-token"

// Option configures a [Server] or a [Handler].
type Option func(*config)

type config struct {
	seed          int64
	now           func() time.Time
	token         string
	readOnlyToken string
	anyBearer     bool
	data          *Dataset
	dataSet       bool
	demoIncident  int
	faults        Faults
	logLimit      int
}

func newConfig(opts []Option) config {
	c := config{seed: 1, token: DefaultToken, demoIncident: DefaultDemoIncidents, logLimit: 10000}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.token == "" {
		c.token = DefaultToken
	}
	return c
}

// WithSeed sets the seed of the generated identifiers, keys and demo data.
// The same seed and the same clock give the same account, byte for byte.
// The default seed is 1.
func WithSeed(seed int64) Option { return func(c *config) { c.seed = seed } }

// WithNow sets the clock the server reads for "now": creation times,
// default time windows, on-call lookups and the demo data's dates. Tests
// pass a fixed time to get deterministic answers. The default is
// [time.Now]; nil keeps the default.
func WithNow(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithToken sets the API token the server accepts in
// "Authorization: Token token=<token>". Empty keeps [DefaultToken].
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithReadOnlyToken adds a second API token that may only read: writes
// made with it answer 403 with error code 2010, as PagerDuty answers a
// read-only API key. Empty adds none.
func WithReadOnlyToken(token string) Option { return func(c *config) { c.readOnlyToken = token } }

// WithAnyBearerToken makes the server also accept any OAuth style
// "Authorization: Bearer <token>" header, as PagerDuty does for OAuth
// access tokens.
func WithAnyBearerToken() Option { return func(c *config) { c.anyBearer = true } }

// WithData starts the server with a copy of d instead of the demo account.
// WithData(nil) and WithData(&Dataset{}) give an empty account.
func WithData(d *Dataset) Option {
	return func(c *config) { c.data, c.dataSet = d, true }
}

// WithEmptyAccount starts the server with no users, teams, services or
// incidents. It is the same as WithData(nil).
func WithEmptyAccount() Option { return WithData(nil) }

// WithDemoData starts the server with the demo account of [DemoDataset]
// (the default).
func WithDemoData() Option {
	return func(c *config) { c.data, c.dataSet = nil, false }
}

// WithDemoIncidents sets how many incidents the demo account holds
// (default [DefaultDemoIncidents]). Benchmarks use a large number to page
// through many incidents. Values below zero count as zero.
func WithDemoIncidents(n int) Option {
	return func(c *config) { c.demoIncident = max(n, 0) }
}

// WithFaults starts the server with the given faults; [Server.SetFaults]
// changes them at run time.
func WithFaults(f Faults) Option { return func(c *config) { c.faults = f } }

// WithRequestLogLimit sets how many requests the request log keeps (the
// most recent ones; default 10000). Counters are not limited.
func WithRequestLogLimit(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.logLimit = n
		}
	}
}
