package transport

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Default paths of the HTTP handler.
const (
	DefaultPath       = "/mcp"
	DefaultHealthPath = "/healthz"
)

// DefaultSessionTimeout is how long an idle stateful session lives when
// [HTTPOptions.SessionTimeout] is zero.
const DefaultSessionTimeout = 30 * time.Minute

// HTTPOptions configures [NewHTTPHandler]. The zero value (or nil) gives a
// stateful, pass-through-authenticated handler on /mcp with /healthz, a
// 4 MiB body limit, 8 requests in flight per caller, and loopback-only Host
// names when the connection arrives on a loopback address.
type HTTPOptions struct {
	// Path is where MCP is served. Default "/mcp".
	Path string

	// HealthPath answers GET with 200 "ok", without authentication, for load
	// balancers and orchestrators. Default "/healthz".
	HealthPath string

	// Auth says how callers authenticate: [PassThrough] (the zero value),
	// [StaticSecret] or [NoAuth].
	Auth Auth

	// Stateless serves every POST with a fresh, temporary session, so any
	// replica behind any load balancer can answer any request. Servers cannot
	// then send requests to the client (sampling, elicitation). Otherwise
	// sessions are kept in memory, keyed by the Mcp-Session-Id header, and
	// bound to the caller's credential.
	Stateless bool

	// JSONResponse answers POSTs with application/json instead of a
	// text/event-stream.
	JSONResponse bool

	// SessionTimeout closes stateful sessions idle for this long. Zero means
	// [DefaultSessionTimeout]; negative means never.
	SessionTimeout time.Duration

	// AllowedHosts lists the Host header values accepted: "name" or "IP"
	// (any port), "name:port", "[::1]:8080", or "*" for any. When empty,
	// requests arriving on a loopback address must name localhost,
	// 127.0.0.1 or [::1] (any port), and other requests may name any host.
	// Refused requests get 403.
	AllowedHosts []string

	// AllowedOrigins lists the Origin header values accepted, as
	// "scheme://host[:port]", or "*" for any. Requests without Origin (native
	// MCP clients) are accepted; requests whose Origin is not listed (web
	// pages) get 403. Empty means no browser origin is accepted.
	AllowedOrigins []string

	// MaxBodyBytes limits request bodies. Zero means [DefaultMaxBodyBytes];
	// negative means no limit. Larger bodies get 413.
	MaxBodyBytes int64

	// MaxInFlightPerCaller limits the POST requests one caller may have in
	// progress; more get 429 with Retry-After. A caller is a credential in
	// pass-through mode and a client IP address otherwise (behind a proxy,
	// the proxy's). Long-lived GET event streams do not count. Zero means
	// [DefaultMaxInFlightPerCaller]; negative means no limit.
	MaxInFlightPerCaller int

	// Logger receives refusals (without secrets) and the go-sdk's own
	// messages. Nil means no logging.
	Logger *slog.Logger
}

// handler is the http.Handler returned by NewHTTPHandler.
type handler struct {
	path, healthPath string
	policy           *hostPolicy
	auth             http.Handler
	maxBody          int64
	inFlight         *inFlight
	mcp              http.Handler
	logger           *slog.Logger
}

// NewHTTPHandler returns an http.Handler that serves MCP over streamable
// HTTP on opts.Path, and a health check on opts.HealthPath.
//
// getServer is called for each request, sometimes more than once (its
// context carries the caller's [Credential] in pass-through mode), and may
// return the same server every time or one per caller, cached if building
// one is costly; returning nil answers 400. Every request to the
// MCP path goes through, in order: the Host and Origin checks (403),
// authentication (401), the per-caller concurrency limit (429) and the body
// size limit (413).
//
// NewHTTPHandler fails when an option is invalid, saying which and what is
// accepted.
func NewHTTPHandler(getServer func(*http.Request) *mcp.Server, opts *HTTPOptions) (http.Handler, error) {
	if getServer == nil {
		return nil, errors.New("transport: NewHTTPHandler needs a getServer function")
	}
	var o HTTPOptions
	if opts != nil {
		o = *opts
	}
	if o.Path == "" {
		o.Path = DefaultPath
	}
	if o.HealthPath == "" {
		o.HealthPath = DefaultHealthPath
	}
	for _, p := range []struct{ name, v string }{{"Path", o.Path}, {"HealthPath", o.HealthPath}} {
		if !strings.HasPrefix(p.v, "/") {
			return nil, fmt.Errorf("transport: HTTPOptions.%s %q must start with \"/\"", p.name, p.v)
		}
	}
	if o.Path == o.HealthPath {
		return nil, fmt.Errorf("transport: HTTPOptions.Path and HealthPath are both %q; they must differ", o.Path)
	}
	if err := o.Auth.validate(); err != nil {
		return nil, err
	}
	policy, err := newHostPolicy(o.AllowedHosts, o.AllowedOrigins)
	if err != nil {
		return nil, err
	}
	switch {
	case o.MaxBodyBytes == 0:
		o.MaxBodyBytes = DefaultMaxBodyBytes
	case o.MaxBodyBytes < 0:
		o.MaxBodyBytes = 0
	}
	switch {
	case o.SessionTimeout == 0:
		o.SessionTimeout = DefaultSessionTimeout
	case o.SessionTimeout < 0:
		o.SessionTimeout = 0
	}
	h := &handler{
		path:       o.Path,
		healthPath: o.HealthPath,
		policy:     policy,
		maxBody:    o.MaxBodyBytes,
		logger:     o.Logger,
	}
	switch {
	case o.MaxInFlightPerCaller == 0:
		h.inFlight = newInFlight(DefaultMaxInFlightPerCaller)
	case o.MaxInFlightPerCaller > 0:
		h.inFlight = newInFlight(o.MaxInFlightPerCaller)
	}
	h.mcp = mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
		Stateless:      o.Stateless,
		JSONResponse:   o.JSONResponse,
		Logger:         o.Logger,
		SessionTimeout: o.SessionTimeout,
		// The Host check above replaces the SDK's loopback-only one, so that
		// AllowedHosts can admit a reverse proxy's name on a loopback listener.
		DisableLocalhostProtection: true,
		// Bodies are already bounded (or deliberately unbounded) above.
		MaxRequestBodyBytes: -1,
	})
	h.auth = newAuthenticator(o.Auth, http.HandlerFunc(h.serveLimited), h.logReject)
	return h, nil
}

// ServeHTTP routes to the health check or the MCP endpoint.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case h.healthPath:
		h.serveHealth(w, r)
	case h.path:
		if reason := h.policy.checkHost(r); reason != "" {
			h.refuse(w, r, http.StatusForbidden, reason)
			return
		}
		if reason := h.policy.checkOrigin(r); reason != "" {
			h.refuse(w, r, http.StatusForbidden, reason)
			return
		}
		h.auth.ServeHTTP(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) serveHealth(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok"))
}

// serveLimited applies the concurrency and body limits to authenticated
// requests, then hands them to the go-sdk's streamable handler.
func (h *handler) serveLimited(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		if h.inFlight != nil {
			caller := callerKey(r)
			if !h.inFlight.acquire(caller) {
				w.Header().Set("Retry-After", "1")
				h.refuse(w, r, http.StatusTooManyRequests, fmt.Sprintf("more than %d requests in flight for this caller", h.inFlight.limit))
				return
			}
			defer h.inFlight.release(caller)
		}
		if h.maxBody > 0 {
			if status, reason := readLimitedBody(w, r, h.maxBody); status != 0 {
				h.refuse(w, r, status, reason)
				return
			}
		}
	}
	h.mcp.ServeHTTP(w, r)
}

// refuse answers with status and a plain-text reason. Reasons never contain
// secrets.
func (h *handler) refuse(w http.ResponseWriter, r *http.Request, status int, reason string) {
	h.logReject(r, status, reason)
	http.Error(w, http.StatusText(status)+": "+reason, status)
}

func (h *handler) logReject(r *http.Request, status int, reason string) {
	if h.logger == nil {
		return
	}
	h.logger.LogAttrs(r.Context(), slog.LevelInfo, "mcp request refused",
		slog.Int("status", status),
		slog.String("reason", reason),
		slog.String("method", r.Method),
		slog.String("remote", r.RemoteAddr),
	)
}
