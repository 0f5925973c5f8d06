package cassette

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// record runs fn against a recording cassette in dir, in a subtest so the
// cassette is saved when it returns.
func record(t *testing.T, dir, name string, srv *apiServer, fn func(t *testing.T, c *Cassette)) string {
	t.Helper()
	t.Run("record "+name, func(t *testing.T) {
		c := New(t, name, InDir(dir), WithMode(Record), WithRecordBaseURL(srv.URL), WithRecordToken(testToken))
		if c.Mode() != Record {
			t.Fatalf("Mode() = %v, want record", c.Mode())
		}
		if c.BaseURL() != srv.URL || c.Token() != testToken {
			t.Fatalf("BaseURL, Token = %q, %q; want the server and the recording token", c.BaseURL(), c.Token())
		}
		fn(t, c)
	})
	data, err := os.ReadFile(filepath.Join(dir, name+".yaml"))
	if err != nil {
		t.Fatalf("the recording was not saved: %v", err)
	}
	return string(data)
}

func TestRecordThenReplay(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	srv := newAPIServer(t)
	dir := t.TempDir()

	type answer struct {
		code int
		body string
	}
	var recorded []answer
	yaml := record(t, dir, "flow", srv, func(t *testing.T, c *Cassette) {
		hc := c.HTTPClient()
		for _, req := range []struct{ method, path, ct, body string }{
			{"GET", "/abilities", "", ""},
			{"GET", "/incidents?statuses%5B%5D=triggered&limit=1&offset=0", "", ""},
			{"GET", "/incidents?statuses%5B%5D=triggered&limit=1&offset=1", "", ""},
			{"POST", "/incidents", "application/json", `{"incident":{"type":"incident","title":"Disk full"}}`},
			{"POST", "/oauth/token", "application/x-www-form-urlencoded", "grant_type=client_credentials&client_secret=" + testSecret + "&scope=read"},
		} {
			code, _, body, err := do(t, hc, req.method, c.BaseURL()+req.path, c.Token(), req.ct, req.body)
			if err != nil {
				t.Fatalf("%s %s: %v", req.method, req.path, err)
			}
			recorded = append(recorded, answer{code, body})
		}
	})

	for _, secret := range []string{testToken, testSecret, issuedToken, "cookie-value-999"} {
		if strings.Contains(yaml, secret) {
			t.Errorf("the saved cassette still holds the secret starting %q", secret[:4])
		}
	}
	if !strings.Contains(yaml, Redacted) {
		t.Errorf("the saved cassette has no %s placeholder", Redacted)
	}
	if f := Scan([]byte(yaml)); len(f) > 0 {
		t.Errorf("Scan finds credentials in the saved cassette: %v", f)
	}
	if !strings.Contains(yaml, RESTHost+"/incidents") || strings.Contains(yaml, strings.TrimPrefix(srv.URL, "http://")) {
		t.Errorf("recorded URLs are not rewritten to %s:\n%s", RESTHost, yaml)
	}
	if strings.Contains(yaml, "req-123") {
		t.Errorf("the volatile X-Request-Id header was saved")
	}

	hitsBefore := srv.hits.Load()
	t.Run("replay", func(t *testing.T) {
		c := New(t, "flow", InDir(dir))
		if c.Mode() != Replay || c.BaseURL() != ReplayBaseURL || c.Token() != ReplayToken {
			t.Fatalf("Mode, BaseURL, Token = %v, %q, %q; want replay defaults", c.Mode(), c.BaseURL(), c.Token())
		}
		hc := c.HTTPClient()
		// Different host, query order, JSON key order and spacing, token
		// and form order: none of them matter.
		for n, req := range []struct{ base, method, path, ct, body string }{
			{c.BaseURL(), "GET", "/abilities", "", ""},
			{srv.URL, "GET", "/incidents?offset=0&limit=1&statuses%5B%5D=triggered", "", ""},
			{c.BaseURL(), "GET", "/incidents?limit=1&offset=1&statuses%5B%5D=triggered", "", ""},
			{c.BaseURL(), "POST", "/incidents", "application/json", "{ \"incident\": {\"title\": \"Disk full\", \"type\": \"incident\"} }"},
			{c.BaseURL(), "POST", "/oauth/token", "application/x-www-form-urlencoded", "scope=read&client_secret=another-secret&grant_type=client_credentials"},
		} {
			code, _, body, err := do(t, hc, req.method, req.base+req.path, c.Token(), req.ct, req.body)
			if err != nil {
				t.Fatalf("replaying %s %s: %v", req.method, req.path, err)
			}
			want := recorded[n]
			if req.path == "/oauth/token" {
				want.body = strings.ReplaceAll(want.body, issuedToken, Redacted)
			}
			if code != want.code || strings.TrimSpace(body) != strings.TrimSpace(want.body) {
				t.Errorf("replay of %s %s = %d %s; recorded %d %s", req.method, req.path, code, body, want.code, want.body)
			}
		}
	})
	if got := srv.hits.Load(); got != hitsBefore {
		t.Errorf("replaying reached the server %d times; it must never", got-hitsBefore)
	}
}

func TestReplayIdenticalRequestsInOrder(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	srv := newAPIServer(t)
	dir := t.TempDir()
	record(t, dir, "sequence", srv, func(t *testing.T, c *Cassette) {
		for range 2 {
			if _, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/counter", c.Token(), "", ""); err != nil {
				t.Fatal(err)
			}
		}
	})

	ft := newFakeTB(t)
	ft.run(func() {
		c := New(ft, "sequence", InDir(dir))
		for _, want := range []string{`{"n":1}`, `{"n":2}`} {
			_, _, body, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/counter", c.Token(), "", "")
			if err != nil || strings.TrimSpace(body) != want {
				t.Errorf("replay = %q, %v; want %s", body, err, want)
			}
		}
		if _, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/counter", c.Token(), "", ""); !errors.Is(err, ErrNotRecorded) {
			t.Errorf("a third identical request: err = %v, want ErrNotRecorded (each interaction replays once)", err)
		}
	})
	ft.finish()
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "GET /counter") {
		t.Errorf("want one failure naming GET /counter, got %q", ft.errs)
	}
}

func TestMissingInteractionFailsClearly(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	srv := newAPIServer(t)
	dir := t.TempDir()
	record(t, dir, "missing", srv, func(t *testing.T, c *Cassette) {
		if _, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/incidents?limit=25&offset=0", c.Token(), "", ""); err != nil {
			t.Fatal(err)
		}
	})

	ft := newFakeTB(t)
	var clientErrs []error
	ft.run(func() {
		c := New(ft, "missing", InDir(dir))
		for range 2 { // a retrying client asks twice; the test is told once
			_, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/incidents?limit=50&offset=0&token="+testToken, c.Token(), "", "")
			clientErrs = append(clientErrs, err)
		}
	})
	ft.finish()

	for _, err := range clientErrs {
		var nr *NotRecordedError
		if !errors.As(err, &nr) || !errors.Is(err, ErrNotRecorded) {
			t.Fatalf("client error = %v; want a *NotRecordedError matching ErrNotRecorded", err)
		}
	}
	if len(ft.errs) != 1 {
		t.Fatalf("got %d failures, want exactly 1: %q", len(ft.errs), ft.errs)
	}
	msg := ft.errs[0]
	for _, want := range []string{
		"GET /incidents?limit=50&offset=0&token=REDACTED", // the request
		"limit=25",                               // what was recorded for that route
		"scripts/record.sh", "-run '^TestFake$'", // how to re-record
		filepath.Join(dir, "missing.yaml"),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("failure message lacks %q:\n%s", want, msg)
		}
	}
	var nr *NotRecordedError
	errors.As(clientErrs[0], &nr)
	if strings.Contains(msg, testToken) || strings.Contains(nr.Error(), testToken) {
		t.Errorf("the failure shows the token")
	}
}

func TestMissingCassetteFile(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	ft := newFakeTB(t)
	reached := false
	ft.run(func() {
		New(ft, "does/not/exist", InDir(t.TempDir()))
		reached = true
	})
	if reached {
		t.Fatal("New returned for a missing cassette; it must stop the test")
	}
	for _, want := range []string{"does/not/exist.yaml", "record it with", "scripts/record.sh"} {
		if !strings.Contains(ft.fatal, want) {
			t.Errorf("message lacks %q: %s", want, ft.fatal)
		}
	}
}

func TestBadInputStopsTheTest(t *testing.T) {
	for _, tc := range []struct {
		name, cassette, env, base, want string
	}{
		{name: "empty name", cassette: "", want: "is not accepted"},
		{name: "parent dir", cassette: "../escape", want: "is not accepted"},
		{name: "absolute", cassette: "/etc/passwd", want: "is not accepted"},
		{name: "spaces", cassette: "my cassette", want: "is not accepted"},
		{name: "bad env", cassette: "ok", env: "maybe", want: `PDKIT_RECORD="maybe" is not understood`},
		{name: "bad base URL", cassette: "ok", env: "1", base: "127.0.0.1:4010", want: "record base URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvRecord, tc.env)
			t.Setenv(EnvRecordBaseURL, tc.base)
			ft := newFakeTB(t)
			ft.run(func() { New(ft, tc.cassette, InDir(t.TempDir())) })
			if !strings.Contains(ft.fatal, tc.want) {
				t.Errorf("fatal message = %q, want it to contain %q", ft.fatal, tc.want)
			}
		})
	}
}

func TestEnvironmentSelectsRecording(t *testing.T) {
	srv := newAPIServer(t)
	dir := t.TempDir()
	t.Setenv(EnvRecord, "1")
	t.Setenv(EnvRecordBaseURL, srv.URL+"/")
	t.Setenv(EnvToken, testToken)
	t.Run("record", func(t *testing.T) {
		c := New(t, "env", InDir(dir))
		if c.Mode() != Record || c.BaseURL() != srv.URL || c.Token() != testToken {
			t.Fatalf("Mode, BaseURL, Token = %v, %q, token of %d chars; want record from the environment", c.Mode(), c.BaseURL(), len(c.Token()))
		}
		if _, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/abilities", c.Token(), "", ""); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := os.Stat(filepath.Join(dir, "env.yaml")); err != nil {
		t.Fatalf("recording selected by %s=1 was not saved: %v", EnvRecord, err)
	}

	t.Setenv(EnvRecord, "")
	t.Setenv(EnvRecordBaseURL, "")
	t.Setenv(EnvToken, "")
	t.Run("default token", func(t *testing.T) {
		c := New(t, "env2", InDir(dir), WithMode(Record))
		if c.BaseURL() != DefaultRecordBaseURL || c.Token() != DefaultRecordToken {
			t.Errorf("BaseURL, Token = %q, %q; want the mock's defaults", c.BaseURL(), c.Token())
		}
	})
}

func TestFailedRecordingIsNotSaved(t *testing.T) {
	srv := newAPIServer(t)
	dir := t.TempDir()
	ft := newFakeTB(t)
	ft.run(func() {
		c := New(ft, "failed", InDir(dir), WithMode(Record), WithRecordBaseURL(srv.URL))
		if _, _, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/abilities", c.Token(), "", ""); err != nil {
			t.Error(err)
		}
		ft.Errorf("the test under record failed")
	})
	ft.finish()
	if _, err := os.Stat(filepath.Join(dir, "failed.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed test's recording was saved (stat err %v); it must keep the previous one", err)
	}
	if len(ft.logs) == 0 || !strings.Contains(ft.logs[0], "was not written") {
		t.Errorf("the test was not told why the cassette was not written: %q", ft.logs)
	}
}

func TestRecordedWaitsAreNotReplayed(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	srv := newAPIServer(t)
	dir := t.TempDir()
	yaml := record(t, dir, "limited", srv, func(t *testing.T, c *Cassette) {
		code, h, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/limited", c.Token(), "", "")
		if err != nil || code != 429 || h.Get("Retry-After") != "30" {
			t.Fatalf("recording sees %d, Retry-After %q, %v; want the server's real 429 and wait", code, h.Get("Retry-After"), err)
		}
	})
	if !strings.Contains(yaml, "Retry-After") {
		t.Errorf("the cassette should keep the recorded Retry-After")
	}
	t.Run("replay", func(t *testing.T) {
		c := New(t, "limited", InDir(dir))
		code, h, _, err := do(t, c.HTTPClient(), "GET", c.BaseURL()+"/limited", c.Token(), "", "")
		if err != nil || code != 429 {
			t.Fatalf("replay = %d, %v; want the recorded 429", code, err)
		}
		for name, want := range map[string]string{
			"Retry-After":     "0",
			"Ratelimit-Reset": "0",
			"Ratelimit":       "limit=960, remaining=0, reset=0",
		} {
			if got := h.Get(name); got != want {
				t.Errorf("replayed %s = %q, want %q", name, got, want)
			}
		}
	})
}

func TestModeString(t *testing.T) {
	for m, want := range map[Mode]string{Replay: "replay", Record: "record", Mode(7): "Mode(7)"} {
		if got := m.String(); got != want {
			t.Errorf("Mode(%d).String() = %q, want %q", int(m), got, want)
		}
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("ModuleRoot() = %s, which has no go.mod", root)
	}
	if _, err := findModuleRoot(t.TempDir()); err == nil {
		t.Errorf("findModuleRoot in a temp dir found a go.mod; want an error")
	}
}
