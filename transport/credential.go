package transport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/auth"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// CredentialKind says which kind of PagerDuty credential a caller presented.
type CredentialKind int

const (
	// APIToken is a PagerDuty REST API key, sent as
	// "Authorization: Token token=<api key>".
	APIToken CredentialKind = iota + 1
	// OAuthBearer is an OAuth 2.0 access token, sent as
	// "Authorization: Bearer <access token>".
	OAuthBearer
)

// String returns "api-token", "oauth-bearer" or "unknown".
func (k CredentialKind) String() string {
	switch k {
	case APIToken:
		return "api-token"
	case OAuthBearer:
		return "oauth-bearer"
	default:
		return "unknown"
	}
}

// Credential is the PagerDuty credential one caller sent with an HTTP request
// when the handler runs in pass-through mode (see [PassThrough]).
//
// Its printed forms never reveal the token: String, Format (every verb,
// including %v, %+v and %#v), LogValue and MarshalText all show the kind and
// a redaction marker only. Call [Credential.Token] when, and only when, the
// token is about to be sent to PagerDuty.
//
// The zero Credential is empty: IsZero reports true and Token returns "".
type Credential struct {
	kind  CredentialKind
	token string
}

// ErrNoCredential is returned by [ParseAuthorization] when the request carries
// no Authorization header.
var ErrNoCredential = errors.New("transport: no Authorization header; send \"Token token=<api key>\" or \"Bearer <access token>\"")

// ErrMalformedCredential is returned (wrapped) by [ParseAuthorization] when the
// Authorization header is present but not in an accepted shape.
var ErrMalformedCredential = errors.New("transport: malformed Authorization header")

// maxTokenLen bounds the length of an accepted token. PagerDuty API keys are
// 20 characters and OAuth access tokens a few hundred; anything much longer
// is not a PagerDuty credential.
const maxTokenLen = 4096

// NewCredential returns a Credential of the given kind. It is meant for tests
// of tool handlers (together with [ContextWithCredential]); servers get
// credentials from [ParseAuthorization] or from the HTTP handler.
func NewCredential(kind CredentialKind, token string) (Credential, error) {
	if kind != APIToken && kind != OAuthBearer {
		return Credential{}, fmt.Errorf("%w: unknown credential kind %d (accepted: APIToken, OAuthBearer)", ErrMalformedCredential, int(kind))
	}
	if err := checkToken(token); err != nil {
		return Credential{}, err
	}
	return Credential{kind: kind, token: token}, nil
}

// ParseAuthorization reads a PagerDuty credential from the value of an
// Authorization header. Accepted shapes (scheme names are case-insensitive):
//
//	Token token=<api key>
//	Bearer <access token>
//
// The error never contains the header's value. An empty header gives
// [ErrNoCredential]; any other refusal wraps [ErrMalformedCredential].
func ParseAuthorization(header string) (Credential, error) {
	c, err := parseAuthorization(header)
	if err != nil && !errors.Is(err, ErrNoCredential) {
		return Credential{}, fmt.Errorf("%w; accepted: \"Token token=<api key>\" or \"Bearer <access token>\"", err)
	}
	return c, err
}

func parseAuthorization(header string) (Credential, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return Credential{}, ErrNoCredential
	}
	scheme, rest, _ := strings.Cut(header, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(scheme) {
	case "token":
		name, value, ok := strings.Cut(rest, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "token") {
			return Credential{}, fmt.Errorf("%w: the Token scheme takes one parameter named token", ErrMalformedCredential)
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
		}
		if err := checkToken(value); err != nil {
			return Credential{}, err
		}
		return Credential{kind: APIToken, token: value}, nil
	case "bearer":
		if err := checkToken(rest); err != nil {
			return Credential{}, err
		}
		return Credential{kind: OAuthBearer, token: rest}, nil
	default:
		return Credential{}, fmt.Errorf("%w: unsupported scheme", ErrMalformedCredential)
	}
}

// checkToken accepts the token68 characters of RFC 7235, which cover both
// PagerDuty API keys and OAuth access tokens.
func checkToken(token string) error {
	if token == "" {
		return fmt.Errorf("%w: the token is empty", ErrMalformedCredential)
	}
	if len(token) > maxTokenLen {
		return fmt.Errorf("%w: the token is longer than %d characters", ErrMalformedCredential, maxTokenLen)
	}
	for i := 0; i < len(token); i++ {
		c := token[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~+/=", c) >= 0:
		default:
			return fmt.Errorf("%w: the token contains a character outside letters, digits and -._~+/= (at position %d)", ErrMalformedCredential, i)
		}
	}
	return nil
}

// Kind reports whether the credential is an API token or an OAuth bearer token.
func (c Credential) Kind() CredentialKind { return c.kind }

// Token returns the secret itself. Send it to PagerDuty; never log it.
func (c Credential) Token() string { return c.token }

// IsZero reports whether c holds no credential.
func (c Credential) IsZero() bool { return c.token == "" }

// AuthorizationHeader returns the Authorization header value that presents
// this credential to the PagerDuty REST API ("Token token=..." or
// "Bearer ..."), or "" for the zero Credential.
func (c Credential) AuthorizationHeader() string {
	switch {
	case c.IsZero():
		return ""
	case c.kind == APIToken:
		return "Token token=" + c.token
	default:
		return "Bearer " + c.token
	}
}

// String returns the kind followed by a redaction marker, e.g.
// "api-token(REDACTED)".
func (c Credential) String() string {
	if c.IsZero() {
		return "none"
	}
	return c.kind.String() + "(REDACTED)"
}

// Format prints the redacted form for every verb, so that fmt never reveals
// the token.
func (c Credential) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte(c.String()))
}

// LogValue implements [slog.LogValuer] with the redacted form.
func (c Credential) LogValue() slog.Value { return slog.StringValue(c.String()) }

// MarshalText implements [encoding.TextMarshaler] with the redacted form, so
// that JSON or YAML encoders never reveal the token.
func (c Credential) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// fingerprint identifies the caller without revealing the token: it is used
// to bind sessions to credentials and to count requests per caller.
func (c Credential) fingerprint() string {
	h := sha256.New()
	h.Write([]byte{byte(c.kind)})
	h.Write([]byte(c.token))
	return "cred-" + hex.EncodeToString(h.Sum(nil)[:16])
}

type credentialKey struct{}

// tokenInfoExtraKey is the key under which the credential is stored in the
// Extra map of the go-sdk's [auth.TokenInfo].
const tokenInfoExtraKey = "github.com/pdkit/pdkit/transport.Credential"

// ContextWithCredential returns a copy of ctx that carries c. The HTTP
// handler does this for every authenticated request in pass-through mode;
// tests of tool handlers can do it by hand.
func ContextWithCredential(ctx context.Context, c Credential) context.Context {
	return context.WithValue(ctx, credentialKey{}, c)
}

// CredentialFromContext returns the caller's credential carried by ctx, and
// whether there was one.
//
// In pass-through mode it works on the request context seen by the getServer
// callback of [NewHTTPHandler], on the context given to tool, prompt and
// resource handlers, and on any context derived from them. It also finds a
// credential that the go-sdk's auth middleware stored as [auth.TokenInfo].
func CredentialFromContext(ctx context.Context) (Credential, bool) {
	if c, ok := ctx.Value(credentialKey{}).(Credential); ok && !c.IsZero() {
		return c, true
	}
	return credentialFromTokenInfo(auth.TokenInfoFromContext(ctx))
}

// CredentialFromRequest returns the credential of the HTTP request that
// carried an MCP request, from req.GetExtra().TokenInfo. It reports false
// for requests that did not arrive over the HTTP handler in pass-through mode
// (stdio, in-process, client-side requests).
func CredentialFromRequest(req mcp.Request) (Credential, bool) {
	if req == nil {
		return Credential{}, false
	}
	if v := reflect.ValueOf(req); v.Kind() == reflect.Pointer && v.IsNil() {
		return Credential{}, false
	}
	extra := req.GetExtra()
	if extra == nil {
		return Credential{}, false
	}
	return credentialFromTokenInfo(extra.TokenInfo)
}

func credentialFromTokenInfo(ti *auth.TokenInfo) (Credential, bool) {
	if ti == nil {
		return Credential{}, false
	}
	c, ok := ti.Extra[tokenInfoExtraKey].(Credential)
	if !ok || c.IsZero() {
		return Credential{}, false
	}
	return c, true
}
