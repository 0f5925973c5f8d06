package pdtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAuth(t *testing.T) {
	s := newSmall(t, WithToken("secret-token"), WithAnyBearerToken())
	cases := []struct {
		name, auth string
		want       int
	}{
		{"no header", "", 401},
		{"wrong token", "Token token=nope", 401},
		{"right token", "Token token=secret-token", 200},
		{"bearer", "Bearer some-oauth-token", 200},
		{"empty bearer", "Bearer ", 401},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", s.URL+"/users/me", nil)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			req.Header.Set("Accept", "text/plain") // tolerated
			resp, err := s.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.want)
			}
		})
	}
	// The error body is PagerDuty's and never repeats the token.
	s2 := newSmall(t)
	st, m := call(t, s2, "GET", "/users/me", nil, "Authorization", "Token token=leaked-value")
	if st != 401 || errCode(m) != CodeAuthFailed {
		t.Fatalf("got %d %v", st, m)
	}
	if strings.Contains(str(m, "error", "message")+strings.Join(toStrings(m["error"].(map[string]any)["errors"]), ""), "leaked-value") {
		t.Fatal("error repeats the token")
	}
}

func toStrings(v any) []string {
	arr, _ := v.([]any)
	var out []string
	for _, a := range arr {
		s, _ := a.(string)
		out = append(out, s)
	}
	return out
}

func TestBearerRefusedByDefault(t *testing.T) {
	s := newSmall(t)
	st, _ := call(t, s, "GET", "/users/me", nil, "Authorization", "Bearer x")
	if st != 401 {
		t.Fatalf("status %d, want 401", st)
	}
}

func TestNotFound(t *testing.T) {
	s := newSmall(t)
	for _, p := range []string{"/incidents/PNOPE00", "/users/PNOPE00", "/no/such/endpoint"} {
		st, m := call(t, s, "GET", p, nil)
		if st != 404 || errCode(m) != CodeNotFound {
			t.Errorf("%s: got %d %v", p, st, m)
		}
	}
}

func TestCurrentUserAndAbilities(t *testing.T) {
	s := newSmall(t)
	_, m := call(t, s, "GET", "/users/me", nil)
	if got := str(m, "user", "email"); got != "u1@example.com" {
		t.Fatalf("/users/me email %q", got)
	}
	_, m = call(t, s, "GET", "/abilities", nil)
	if len(toStrings(m["abilities"])) != len(DefaultAbilities()) {
		t.Fatalf("abilities %v", m["abilities"])
	}
	if st, _ := call(t, s, "GET", "/abilities/teams", nil); st != 204 {
		t.Fatalf("ability teams: %d", st)
	}
	if st, _ := call(t, s, "GET", "/abilities/flying", nil); st != 402 {
		t.Fatalf("missing ability: %d", st)
	}
	e := NewServer(WithEmptyAccount())
	defer e.Close()
	if st, m := call(t, e, "GET", "/users/me", nil); st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("empty account /users/me: %d %v", st, m)
	}
}

func TestDeterministic(t *testing.T) {
	a := DemoDataset(7, testNow, 40)
	b := DemoDataset(7, testNow, 40)
	if a.Incidents[10].ID != b.Incidents[10].ID || a.Users[3].ID != b.Users[3].ID || a.Services[0].Integrations[0].Key != b.Services[0].Integrations[0].Key {
		t.Fatal("same seed and clock gave different accounts")
	}
	c := DemoDataset(8, testNow, 40)
	if a.Users[3].ID == c.Users[3].ID {
		t.Fatal("different seeds gave the same identifiers")
	}
	if len(a.Teams) != 4 || len(a.Users) != 20 || len(a.Priorities) != 5 || len(a.Incidents) != 40 {
		t.Fatalf("demo sizes: %d teams %d users %d priorities %d incidents", len(a.Teams), len(a.Users), len(a.Priorities), len(a.Incidents))
	}
	open := 0
	for i, inc := range a.Incidents {
		if i > 0 && inc.Number <= a.Incidents[i-1].Number {
			t.Fatal("incident numbers do not increase")
		}
		if inc.Status != StatusResolved {
			open++
		}
	}
	if open == 0 {
		t.Fatal("demo has no open incident")
	}
}

func TestDataIsACopy(t *testing.T) {
	s := newSmall(t)
	d := s.Data()
	d.Users[0].Name = "Changed"
	if s.Data().Users[0].Name != "Una One" {
		t.Fatal("Data shares memory with the server")
	}
}

func TestZeroHandler(t *testing.T) {
	var h Handler
	req := httptest.NewRequest("GET", "/teams", nil)
	req.Header.Set("Authorization", "Token token="+h.Token())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"name":"Database"`) {
		t.Fatalf("zero handler: %d %s", rec.Code, rec.Body.String()[:min(200, rec.Body.Len())])
	}
	if h.Stats().Requests != 1 || len(h.Requests()) != 1 {
		t.Fatalf("zero handler counters: %+v", h.Stats())
	}
}

// A handler called in process (a RoundTripper) links with the client's
// scheme and host.
func TestSelfLinksFollowTheRequest(t *testing.T) {
	h := NewHandler(WithData(small()))
	req := httptest.NewRequest("GET", "https://demo.pagerduty.invalid/users/PU00001", nil)
	req.Header.Set("Authorization", "Token token="+h.Token())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), `"self":"https://demo.pagerduty.invalid/users/PU00001"`) {
		t.Fatalf("self link: %s", rec.Body.String())
	}
}

func TestReadOnlyToken(t *testing.T) {
	s := newSmall(t, WithReadOnlyToken("reader"))
	ro := []string{"Authorization", "Token token=reader", "From", "u1@example.com"}
	if st, _ := call(t, s, "GET", "/incidents", nil, ro...); st != 200 {
		t.Fatalf("read with the read-only token: %d", st)
	}
	st, m := call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": "x",
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, ro...)
	if st != 403 || errCode(m) != CodeAccessDenied {
		t.Fatalf("write with the read-only token: %d %v", st, m)
	}
	if len(s.Data().Incidents) != 0 {
		t.Fatal("the refused write changed the account")
	}
}
