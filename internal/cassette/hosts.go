package cassette

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// canonicalizeHost records every request as if it had been sent to
// PagerDuty itself, so a cassette does not change with the port of the mock.
// Requests to the Events API paths go to its own host.
func canonicalizeHost(i *vcr.Interaction) {
	u, err := url.Parse(i.Request.URL)
	if err != nil {
		return
	}
	canon := RESTHost
	if isEventsPath(u.Path) {
		canon = EventsHost
	}
	cu, _ := url.Parse(canon)
	u.Scheme, u.Host = cu.Scheme, cu.Host
	i.Request.URL = u.String()
	i.Request.Host = cu.Host
}

// Hosts written into cassettes in place of the server actually recorded.
const (
	RESTHost   = "https://api.pagerduty.com"
	EventsHost = "https://events.pagerduty.com"
)

// eventsBasePath is the path of the Events API's server URL.
const eventsBasePath = "/v2"

func isEventsPath(p string) bool {
	return p == eventsBasePath+"/enqueue" || p == eventsBasePath+"/change/enqueue"
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// stripPrefix removes a path prefix before a request reaches a mock that
// serves the description's paths at its root.
type stripPrefix struct {
	prefix string
	next   http.RoundTripper
}

func (s stripPrefix) RoundTrip(req *http.Request) (*http.Response, error) {
	rest, ok := strings.CutPrefix(req.URL.Path, s.prefix+"/")
	if !ok {
		return s.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Path = "/" + rest
	r.URL.RawPath = ""
	return s.next.RoundTrip(r)
}
