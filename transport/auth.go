package transport

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/auth"
)

type authMode int

const (
	authPassThrough authMode = iota // the zero value: the safe default
	authStatic
	authNone
)

// Auth says how the HTTP handler authenticates callers. Build one with
// [PassThrough], [StaticSecret] or [NoAuth]. The zero Auth is [PassThrough].
type Auth struct {
	mode   authMode
	secret string
}

// PassThrough makes every caller bring their own PagerDuty credential, in the
// same header PagerDuty's hosted MCP server accepts:
//
//	Authorization: Token token=<api key>
//	Authorization: Bearer <oauth access token>
//
// The handler checks the header's shape (it cannot tell whether PagerDuty
// will accept the token; PagerDuty answers that on the first API call),
// refuses requests without one with 401, and puts a [Credential] in the
// request context for the getServer callback and tool handlers (see
// [CredentialFromContext] and [CredentialFromRequest]). The server process
// never needs a credential of its own, and one server serves many users.
//
// In stateful mode a session belongs to the credential that created it: a
// request on that session with any other credential gets 403 Forbidden.
//
// This is the default when [HTTPOptions.Auth] is left zero.
func PassThrough() Auth { return Auth{mode: authPassThrough} }

// StaticSecret makes callers present a secret the operator chose, as
// "Authorization: Bearer <secret>". The comparison takes constant time.
// Missing or wrong secrets get 401 with a WWW-Authenticate challenge. The
// secret must be at least 16 characters; [NewHTTPHandler] refuses shorter
// ones.
//
// Tools then act with whatever credential the server process holds itself.
func StaticSecret(secret string) Auth { return Auth{mode: authStatic, secret: secret} }

// NoAuth turns authentication off: anyone who can reach the port can call
// every tool with the server's own credential. Choose it only for local
// development on a loopback address, where the Host and Origin checks still
// keep web pages away.
func NoAuth() Auth { return Auth{mode: authNone} }

// String names the mode without revealing any secret.
func (a Auth) String() string {
	switch a.mode {
	case authStatic:
		return "static-secret"
	case authNone:
		return "none"
	default:
		return "pass-through"
	}
}

// Format prints the mode name for every verb, so that printing options
// never reveals a static secret.
func (a Auth) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// minSecretLen is the shortest static secret accepted.
const minSecretLen = 16

func (a Auth) validate() error {
	if a.mode == authStatic && len(a.secret) < minSecretLen {
		return errors.New("transport: StaticSecret needs a secret of at least 16 characters (e.g. 32 random bytes, base64-encoded)")
	}
	return nil
}

const challengeRealm = `realm="mcp"`

// authenticator checks the Authorization header and, in pass-through mode,
// attaches the caller's credential to the request.
type authenticator struct {
	mode       authMode
	secretHash [sha256.Size]byte
	inject     http.Handler // pass-through only: stores auth.TokenInfo, then serves next
	next       http.Handler
	onReject   func(r *http.Request, status int, reason string)
}

func newAuthenticator(a Auth, next http.Handler, onReject func(*http.Request, int, string)) *authenticator {
	au := &authenticator{mode: a.mode, next: next, onReject: onReject}
	if a.mode == authStatic {
		au.secretHash = sha256.Sum256([]byte(a.secret))
	}
	if a.mode == authPassThrough {
		au.inject = tokenInfoInjector(next)
	}
	return au
}

// ServeHTTP authenticates r and passes it on.
func (au *authenticator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch au.mode {
	case authNone:
		au.next.ServeHTTP(w, r)
	case authStatic:
		au.serveStatic(w, r)
	default:
		au.servePassThrough(w, r)
	}
}

func (au *authenticator) serveStatic(w http.ResponseWriter, r *http.Request) {
	scheme, secret, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	secret = strings.TrimSpace(secret)
	if !strings.EqualFold(scheme, "bearer") || secret == "" {
		w.Header().Set("WWW-Authenticate", "Bearer "+challengeRealm)
		au.reject(w, r, http.StatusUnauthorized, `missing credential: send "Authorization: Bearer <secret>"`)
		return
	}
	got := sha256.Sum256([]byte(secret))
	if subtle.ConstantTimeCompare(got[:], au.secretHash[:]) != 1 {
		w.Header().Set("WWW-Authenticate", "Bearer "+challengeRealm+`, error="invalid_token"`)
		au.reject(w, r, http.StatusUnauthorized, "invalid credential")
		return
	}
	au.next.ServeHTTP(w, r)
}

func (au *authenticator) servePassThrough(w http.ResponseWriter, r *http.Request) {
	cred, err := ParseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		w.Header().Add("WWW-Authenticate", "Token "+challengeRealm)
		w.Header().Add("WWW-Authenticate", "Bearer "+challengeRealm)
		au.reject(w, r, http.StatusUnauthorized, err.Error())
		return
	}
	ctx := ContextWithCredential(r.Context(), cred)
	// The go-sdk's bearer middleware is the only way to attach an
	// auth.TokenInfo, which the SDK uses to bind stateful sessions to a user
	// and hands to tool handlers as req.Extra.TokenInfo. It reads a Bearer
	// header, so it gets a placeholder one; tokenInfoInjector restores the
	// caller's headers before the MCP handler sees them.
	r2 := r.WithContext(context.WithValue(ctx, originalHeaderKey{}, r.Header))
	r2.Header = r.Header.Clone()
	r2.Header.Set("Authorization", "Bearer credential")
	au.inject.ServeHTTP(w, r2)
}

func (au *authenticator) reject(w http.ResponseWriter, r *http.Request, status int, reason string) {
	if au.onReject != nil {
		au.onReject(r, status, reason)
	}
	http.Error(w, http.StatusText(status)+": "+reason, status)
}

type originalHeaderKey struct{}

// tokenInfoInjector wraps next in the go-sdk's bearer middleware, with a
// verifier that turns the credential already in the context into an
// auth.TokenInfo whose UserID is the credential's fingerprint.
func tokenInfoInjector(next http.Handler) http.Handler {
	verify := func(ctx context.Context, _ string, _ *http.Request) (*auth.TokenInfo, error) {
		cred, ok := ctx.Value(credentialKey{}).(Credential)
		if !ok {
			return nil, auth.ErrInvalidToken
		}
		return &auth.TokenInfo{
			UserID: cred.fingerprint(),
			Extra:  map[string]any{tokenInfoExtraKey: cred},
		}, nil
	}
	restore := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := r.Context().Value(originalHeaderKey{}).(http.Header); ok {
			r.Header = h
		}
		next.ServeHTTP(w, r)
	})
	return auth.RequireBearerToken(verify, &auth.RequireBearerTokenOptions{AllowMissingExpiration: true})(restore)
}
