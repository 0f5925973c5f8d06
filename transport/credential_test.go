package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/auth"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

const (
	testAPIKey = "y_NbAkKc66ryYTWUXYEu"
	testOAuth  = "pdus+_0XBPWQQ_5f3c2e6b-test-oauth-token"
)

func TestParseAuthorizationAccepts(t *testing.T) {
	tests := []struct {
		header string
		kind   CredentialKind
		token  string
	}{
		{"Token token=" + testAPIKey, APIToken, testAPIKey},
		{"token Token=" + testAPIKey, APIToken, testAPIKey},
		{`Token token="` + testAPIKey + `"`, APIToken, testAPIKey},
		{"  Token   token=" + testAPIKey + "  ", APIToken, testAPIKey},
		{"Bearer " + testOAuth, OAuthBearer, testOAuth},
		{"bearer " + testOAuth, OAuthBearer, testOAuth},
	}
	for _, tt := range tests {
		c, err := ParseAuthorization(tt.header)
		if err != nil {
			t.Errorf("ParseAuthorization(case %s): %v", tt.kind, err)
			continue
		}
		if c.Kind() != tt.kind || c.Token() != tt.token {
			t.Errorf("ParseAuthorization(case %s) = %s with token digest %s, want token digest %s",
				tt.kind, c.Kind(), digest(c.Token()), digest(tt.token))
		}
	}
}

func TestParseAuthorizationRefuses(t *testing.T) {
	secret := "s3cretVALUEthatMustNotLeak"
	tests := []struct {
		name, header string
		want         error
		mention      string
	}{
		{"empty", "", ErrNoCredential, "Token token="},
		{"basic", "Basic " + secret, ErrMalformedCredential, "unsupported scheme"},
		{"token without name", "Token " + secret, ErrMalformedCredential, "parameter named token"},
		{"token wrong param", "Token key=" + secret, ErrMalformedCredential, "parameter named token"},
		{"token empty", "Token token=", ErrMalformedCredential, "empty"},
		{"bearer empty", "Bearer", ErrMalformedCredential, "empty"},
		{"bearer with space", "Bearer " + secret + " extra", ErrMalformedCredential, "character"},
		{"bad character", "Bearer " + secret + "\x00", ErrMalformedCredential, "character"},
		{"too long", "Bearer " + strings.Repeat("a", maxTokenLen+1), ErrMalformedCredential, "longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseAuthorization(tt.header)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if !c.IsZero() {
				t.Errorf("credential is not zero after an error")
			}
			for _, want := range []string{tt.mention, "Token token=<api key>", "Bearer <access token>"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
			assertNoSecret(t, "error", err.Error(), secret)
		})
	}
}

func TestNewCredential(t *testing.T) {
	c, err := NewCredential(APIToken, testAPIKey)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.AuthorizationHeader(), "Token token="+testAPIKey; got != want {
		t.Errorf("AuthorizationHeader of API token has digest %s, want %s", digest(got), digest(want))
	}
	c, err = NewCredential(OAuthBearer, testOAuth)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.AuthorizationHeader(), "Bearer "+testOAuth; got != want {
		t.Errorf("AuthorizationHeader of OAuth token has digest %s, want %s", digest(got), digest(want))
	}
	if _, err := NewCredential(CredentialKind(9), testAPIKey); !errors.Is(err, ErrMalformedCredential) {
		t.Errorf("unknown kind: error = %v, want ErrMalformedCredential", err)
	}
	if _, err := NewCredential(APIToken, ""); !errors.Is(err, ErrMalformedCredential) {
		t.Errorf("empty token: error = %v, want ErrMalformedCredential", err)
	}
	var zero Credential
	if !zero.IsZero() || zero.AuthorizationHeader() != "" || zero.String() != "none" {
		t.Errorf("zero Credential: IsZero=%v header=%q String=%q", zero.IsZero(), zero.AuthorizationHeader(), zero.String())
	}
}

func TestCredentialNeverPrintsToken(t *testing.T) {
	c, err := NewCredential(OAuthBearer, testOAuth)
	if err != nil {
		t.Fatal(err)
	}
	holder := struct {
		Cred Credential
		Ptr  *Credential
	}{c, &c}
	var printed []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		printed = append(printed, fmt.Sprintf(verb, c), fmt.Sprintf(verb, holder))
	}
	printed = append(printed, c.String(), fmt.Sprint(&c))
	js, err := json.Marshal(holder)
	if err != nil {
		t.Fatal(err)
	}
	printed = append(printed, string(js))
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	logger.Info("call", "credential", c, "ptr", &c)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("call", "credential", c)
	printed = append(printed, logs.String())
	ti := &auth.TokenInfo{Extra: map[string]any{tokenInfoExtraKey: c}}
	printed = append(printed, fmt.Sprintf("%+v", ti))

	for i, p := range printed {
		assertNoSecret(t, fmt.Sprintf("printed form %d", i), p, testOAuth)
	}
	if !strings.Contains(c.String(), "oauth-bearer") || !strings.Contains(c.String(), "REDACTED") {
		t.Errorf("String() = %q, want the kind and REDACTED", c.String())
	}
	if !strings.Contains(string(js), "oauth-bearer(REDACTED)") {
		t.Errorf("JSON = %s, want the redacted form", js)
	}
}

func TestCredentialFromContext(t *testing.T) {
	if _, ok := CredentialFromContext(context.Background()); ok {
		t.Error("found a credential in an empty context")
	}
	c, err := NewCredential(APIToken, testAPIKey)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := CredentialFromContext(ContextWithCredential(context.Background(), c))
	if !ok || got != c {
		t.Errorf("CredentialFromContext = %v, %v; want the stored credential", got, ok)
	}
	if _, ok := CredentialFromContext(ContextWithCredential(context.Background(), Credential{})); ok {
		t.Error("a zero credential was reported as present")
	}
}

func TestCredentialFromRequest(t *testing.T) {
	c, err := NewCredential(APIToken, testAPIKey)
	if err != nil {
		t.Fatal(err)
	}
	req := &mcp.CallToolRequest{Extra: &mcp.RequestExtra{TokenInfo: &auth.TokenInfo{Extra: map[string]any{tokenInfoExtraKey: c}}}}
	if got, ok := CredentialFromRequest(req); !ok || got != c {
		t.Errorf("CredentialFromRequest = %v, %v; want the stored credential", got, ok)
	}
	var nilReq *mcp.CallToolRequest
	for name, r := range map[string]mcp.Request{
		"nil interface":    nil,
		"nil pointer":      nilReq,
		"no extra":         &mcp.CallToolRequest{},
		"no token info":    &mcp.CallToolRequest{Extra: &mcp.RequestExtra{}},
		"other token info": &mcp.CallToolRequest{Extra: &mcp.RequestExtra{TokenInfo: &auth.TokenInfo{UserID: "u"}}},
	} {
		if _, ok := CredentialFromRequest(r); ok {
			t.Errorf("%s: found a credential", name)
		}
	}
}
