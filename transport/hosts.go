package transport

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostPolicy decides which Host and Origin headers the handler accepts. It
// protects servers on a developer's machine against DNS rebinding: a web page
// whose domain resolves to 127.0.0.1 still sends its own name as Host, and
// its own origin as Origin.
type hostPolicy struct {
	anyHost   bool
	hosts     map[string]bool // host name (lower case, no brackets) -> any port
	hostPorts map[string]bool // "host:port" (lower case, no brackets)
	explicit  bool            // AllowedHosts was set

	anyOrigin bool
	origins   map[string]bool // "scheme://host[:port]", lower case
}

// loopbackHosts are the names accepted by default on a loopback listener.
var loopbackHosts = [...]string{"localhost", "127.0.0.1", "::1"}

func newHostPolicy(allowedHosts, allowedOrigins []string) (*hostPolicy, error) {
	p := &hostPolicy{
		hosts:     map[string]bool{},
		hostPorts: map[string]bool{},
		origins:   map[string]bool{},
		explicit:  len(allowedHosts) > 0,
	}
	for _, h := range allowedHosts {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "*":
			p.anyHost = true
		case h == "" || strings.ContainsAny(h, "/ @?#"):
			return nil, fmt.Errorf("transport: AllowedHosts entry %q is not a host: use a name or IP, optionally with :port (e.g. \"mcp.example.com\", \"localhost:8080\", \"[::1]\"), or \"*\" for any", h)
		default:
			if host, port, err := net.SplitHostPort(h); err == nil {
				p.hostPorts[net.JoinHostPort(strings.Trim(host, "[]"), port)] = true
			} else {
				p.hosts[strings.Trim(h, "[]")] = true
			}
		}
	}
	for _, o := range allowedOrigins {
		o = strings.ToLower(strings.TrimSpace(o))
		if o == "*" {
			p.anyOrigin = true
			continue
		}
		u, err := url.Parse(o)
		if err != nil || u.Scheme == "" || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			return nil, fmt.Errorf("transport: AllowedOrigins entry %q is not an origin: use scheme://host[:port] (e.g. \"https://app.example.com\"), or \"*\" for any", o)
		}
		p.origins[u.Scheme+"://"+u.Host] = true
	}
	return p, nil
}

// checkHost reports why r's Host header is refused, or "" if it is accepted.
func (p *hostPolicy) checkHost(r *http.Request) string {
	if p.anyHost {
		return ""
	}
	host, port := splitHost(strings.ToLower(r.Host))
	if p.explicit {
		if p.hosts[host] || (port != "" && p.hostPorts[net.JoinHostPort(host, port)]) {
			return ""
		}
		return fmt.Sprintf("Host %q is not in the allowed hosts", r.Host)
	}
	// Default: on a loopback connection, only loopback names; elsewhere any.
	if !arrivedOnLoopback(r) {
		return ""
	}
	for _, h := range loopbackHosts {
		if host == h {
			return ""
		}
	}
	return fmt.Sprintf("Host %q is not a loopback name (localhost, 127.0.0.1, [::1]) and the server listens on loopback", r.Host)
}

// checkOrigin reports why r's Origin header is refused, or "" if it is
// absent or accepted. Native MCP clients send no Origin; browsers do.
func (p *hostPolicy) checkOrigin(r *http.Request) string {
	origin := r.Header.Get("Origin")
	if origin == "" || p.anyOrigin {
		return ""
	}
	if p.origins[strings.TrimSuffix(strings.ToLower(origin), "/")] {
		return ""
	}
	return fmt.Sprintf("Origin %q is not in the allowed origins", origin)
}

// splitHost splits a Host header into host (without IPv6 brackets) and port.
func splitHost(hostport string) (host, port string) {
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		return h, p
	}
	return strings.Trim(hostport, "[]"), ""
}

// arrivedOnLoopback reports whether the connection's local address is a
// loopback address.
func arrivedOnLoopback(r *http.Request) bool {
	addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok || addr == nil {
		return false
	}
	host, _ := splitHost(addr.String())
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
