package cassette

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestMockAbilitiesAndMe proves the machinery end to end with a plain
// http.Client: it was recorded against the mock of PagerDuty's API
// description (scripts/record.sh ./internal/cassette -run '^TestMock') and
// replays from cassettes/cassette/mock_abilities_and_me.yaml. The
// conformance test of internal/openapi checks its requests too.
func TestMockAbilitiesAndMe(t *testing.T) {
	cas := New(t, "cassette/mock_abilities_and_me")
	hc := cas.HTTPClient()

	get := func(path string, into any) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, cas.BaseURL()+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept", "application/vnd.pagerduty+json;version=2, application/json")
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Token token="+cas.Token())
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: reading: %v", path, err)
		}
		for _, v := range requestViolations(t, resp.Header.Get("sl-violations")) {
			t.Errorf("GET %s: the mock finds the request wrong: %s", path, v)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, body)
		}
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatalf("GET %s: decoding %s: %v", path, body, err)
		}
	}

	var abilities struct {
		Abilities []string `json:"abilities"`
	}
	get("/abilities", &abilities)
	if len(abilities.Abilities) == 0 {
		t.Errorf("GET /abilities returned no abilities")
	}

	var me struct {
		User struct {
			ID    string `json:"id"`
			Type  string `json:"type"`
			Email string `json:"email"`
		} `json:"user"`
	}
	get("/users/me", &me)
	if me.User.ID == "" || me.User.Type != "user" || me.User.Email == "" {
		t.Errorf("GET /users/me = %+v; want a user with an id and an email", me.User)
	}
}

// requestViolations returns the problems Prism found in the request. Those it
// reports about its own answer come from the description's examples, not
// from us, and are ignored.
func requestViolations(t *testing.T, header string) []string {
	t.Helper()
	if header == "" {
		return nil
	}
	var vs []struct {
		Location []string `json:"location"`
		Message  string   `json:"message"`
	}
	if err := json.Unmarshal([]byte(header), &vs); err != nil {
		t.Fatalf("sl-violations header is not JSON: %v", err)
	}
	var out []string
	for _, v := range vs {
		if len(v.Location) > 0 && v.Location[0] == "request" {
			out = append(out, strings.Join(v.Location, ".")+": "+v.Message)
		}
	}
	return out
}
