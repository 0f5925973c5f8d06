package pdtest

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Handler is the in-memory PagerDuty as an [http.Handler]: the REST API v2
// at the root and the Events API v2 at /v2/enqueue and /v2/change/enqueue.
// Mount it anywhere a handler fits (an in-process demo, an
// [httptest.Server], a test of your own mux). A Handler is safe for
// concurrent use. The zero Handler serves the demo account with the
// default options, like NewHandler().
type Handler struct {
	once sync.Once
	opts []Option

	cfg config
	mux *http.ServeMux

	mu sync.Mutex // guards st
	st *state

	faults *faultState
	log    *requestLog
}

// NewHandler returns a Handler holding the demo account, or the account
// that the options choose.
func NewHandler(opts ...Option) *Handler {
	h := &Handler{opts: opts}
	h.init()
	return h
}

// init builds the handler once, on first use.
func (h *Handler) init() { h.once.Do(h.build) }

func (h *Handler) build() {
	cfg := newConfig(h.opts)
	h.cfg = cfg
	var d *Dataset
	if cfg.dataSet {
		d = cloneDataset(cfg.data)
	} else {
		d = DemoDataset(cfg.seed, cfg.now(), cfg.demoIncident)
	}
	h.st = newState(d, cfg.seed, cfg.now)
	h.faults = newFaultState(cfg.faults, cfg.seed)
	h.log = newRequestLog(cfg.logLimit)
	h.mux = http.NewServeMux()
	h.routes()
}

// Token returns the API token the handler accepts.
func (h *Handler) Token() string {
	h.init()
	return h.cfg.token
}

// Data returns a deep copy of the account as it is now. Tests use it to
// compute the answers they expect.
func (h *Handler) Data() *Dataset {
	h.init()
	h.mu.Lock()
	defer h.mu.Unlock()
	return cloneDataset(h.st.dataset())
}

// ServeHTTP answers one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.init()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	start := time.Now()
	defer func() { h.log.add(r, rec.status, time.Since(start)) }()
	if !h.faults.apply(rec, r) {
		return
	}
	if slow := h.faults.slowBody(); slow.chunk > 0 {
		sw := &slowWriter{recorder: rec, chunk: slow.chunk, delay: slow.delay}
		defer sw.finish(r)
		h.serve(sw, r)
		return
	}
	h.serve(rec, r)
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request) {
	_, pattern := h.mux.Handler(r)
	if pattern == "" {
		writeAPIError(w, &apiError{status: http.StatusNotFound, code: CodeNotFound,
			errors: []string{"no such endpoint: " + r.Method + " " + r.URL.Path}})
		return
	}
	if !strings.HasPrefix(r.URL.Path, "/v2/") {
		switch h.access(r) {
		case noAccess:
			writeAPIError(w, &apiError{status: http.StatusUnauthorized, code: CodeAuthFailed,
				errors: []string{`send the API token as "Authorization: Token token=<token>"`}})
			return
		case readAccess:
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				writeAPIError(w, &apiError{status: http.StatusForbidden, code: CodeAccessDenied,
					errors: []string{"this API token is read-only: " + r.Method + " needs a full access token"}})
				return
			}
		}
	}
	h.mux.ServeHTTP(w, r)
}

// Access levels of a request's credential.
const (
	noAccess = iota
	readAccess
	fullAccess
)

func (h *Handler) access(r *http.Request) int {
	auth := strings.TrimSpace(r.Header.Get("Authorization"))
	if rest, ok := strings.CutPrefix(auth, "Token "); ok {
		tok, ok := strings.CutPrefix(strings.TrimSpace(rest), "token=")
		switch {
		case !ok:
			return noAccess
		case subtle.ConstantTimeCompare([]byte(tok), []byte(h.cfg.token)) == 1:
			return fullAccess
		case h.cfg.readOnlyToken != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(h.cfg.readOnlyToken)) == 1:
			return readAccess
		}
		return noAccess
	}
	if rest, ok := strings.CutPrefix(auth, "Bearer "); ok && h.cfg.anyBearer && strings.TrimSpace(rest) != "" {
		return fullAccess
	}
	return noAccess
}

// Server is a [Handler] listening on a local address (127.0.0.1, a random
// port), like an [httptest.Server]. Close it when done.
type Server struct {
	*Handler
	// URL is the base URL of the REST API, such as "http://127.0.0.1:39123".
	// The Events API is served by the same server under URL + "/v2/".
	URL string
	hs  *httptest.Server
}

// NewServer starts a server holding the demo account, or the account that
// the options choose.
func NewServer(opts ...Option) *Server {
	h := NewHandler(opts...)
	hs := httptest.NewServer(h)
	return &Server{Handler: h, URL: hs.URL, hs: hs}
}

// Close stops the server and waits for its requests to finish.
func (s *Server) Close() {
	if s != nil && s.hs != nil {
		s.hs.CloseClientConnections()
		s.hs.Close()
	}
}

// Client returns an [http.Client] set up for the server.
func (s *Server) Client() *http.Client { return s.hs.Client() }

// EventsURL returns the URL of the Events API v2 enqueue endpoint.
func (s *Server) EventsURL() string { return s.URL + "/v2/enqueue" }

// recorder remembers the status written.
type recorder struct {
	http.ResponseWriter
	status  int
	written bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.written {
		r.status = code
		r.written = true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.written = true
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
