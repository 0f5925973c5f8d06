package cassette

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
	"gopkg.in/dnaeon/go-vcr.v3/recorder"
)

// Cassette gives one test an HTTP client that replays (or records) the
// interactions stored in one YAML file. Create it with [New]; it cleans up
// after itself when the test ends.
type Cassette struct {
	t         testing.TB
	name      string
	file      string
	mode      Mode
	baseURL   string
	token     string
	recordCmd string
	rec       *recorder.Recorder
	transport *transport

	mu       sync.Mutex
	reported map[requestKey]bool
}

// validName accepts slash-separated names of letters, digits, '_', '-' and
// '.', such as "pagerduty/incidents_list".
var validName = regexp.MustCompile(`^[A-Za-z0-9_\-]+(?:[./][A-Za-z0-9_\-]+)*$`)

// New opens the cassette cassettes/<name>.yaml (relative to the module root,
// or to the directory given with [InDir]).
//
// By default it replays: requests are answered from the file, never from the
// network, and one that was not recorded fails t with a message naming the
// request and the command that re-records it. With PDKIT_RECORD=1 it records
// against PDKIT_RECORD_BASE_URL (the local mock by default) and overwrites the
// file when t ends without failing, after removing secrets.
//
// Bad input (an invalid name, a missing cassette file, an unusable base URL)
// stops the test with t.Fatalf, so New must be called from the test's own
// goroutine.
func New(t testing.TB, name string, opts ...Option) *Cassette {
	t.Helper()
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}

	name = strings.TrimSuffix(name, ".yaml")
	if !validName.MatchString(name) || strings.Contains(name, "..") {
		t.Fatalf("cassette: name %q is not accepted: use a relative slash-separated path of letters, digits, '_', '-' and '.', such as %q", name, "pagerduty/incidents_list")
		return nil
	}

	dir := cfg.dir
	if dir == "" {
		root, err := ModuleRoot()
		if err != nil {
			t.Fatalf("%v", err)
			return nil
		}
		dir = filepath.Join(root, "cassettes")
	}

	c := &Cassette{
		t:         t,
		name:      name,
		file:      filepath.Join(dir, filepath.FromSlash(name)+".yaml"),
		recordCmd: recordCommand(t.Name()),
		reported:  make(map[requestKey]bool),
	}

	if cfg.mode != nil {
		c.mode = *cfg.mode
	} else {
		m, err := modeFromEnv(os.Getenv(EnvRecord))
		if err != nil {
			t.Fatalf("cassette: %v", err)
			return nil
		}
		c.mode = m
	}

	var err error
	switch c.mode {
	case Record:
		err = c.startRecording(cfg)
	case Replay:
		err = c.startReplaying()
	default:
		err = fmt.Errorf("mode %v is not one of Replay or Record", c.mode)
	}
	if err != nil {
		t.Fatalf("cassette %s: %v", c.file, err)
		return nil
	}
	c.transport = &transport{c: c}
	return c
}

func (c *Cassette) startRecording(cfg config) error {
	base := firstNonEmpty(cfg.baseURL, os.Getenv(EnvRecordBaseURL), DefaultRecordBaseURL)
	if cfg.events {
		base = firstNonEmpty(cfg.baseURL, os.Getenv(EnvRecordEventsBaseURL), DefaultRecordEventsBaseURL)
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("record base URL %q is not accepted: want an absolute http or https URL such as %s", base, DefaultRecordBaseURL)
	}
	c.baseURL = strings.TrimSuffix(base, "/")
	c.token = firstNonEmpty(cfg.token, os.Getenv(EnvToken), DefaultRecordToken)

	rt := cfg.realTransport
	if rt == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		c.t.Cleanup(tr.CloseIdleConnections)
		rt = tr
	}
	if cfg.events && isLoopback(u.Hostname()) {
		rt = stripPrefix{prefix: eventsBasePath, next: rt}
	}
	rec, err := recorder.NewWithOptions(&recorder.Options{
		CassetteName:       c.fileStem(),
		Mode:               recorder.ModeRecordOnly,
		RealTransport:      rt,
		SkipRequestLatency: true,
	})
	if err != nil {
		return fmt.Errorf("starting to record: %w", err)
	}
	rec.SetMatcher(match)
	rec.AddHook(func(i *vcr.Interaction) error {
		redactInteraction(i)
		canonicalizeHost(i)
		return nil
	}, recorder.BeforeSaveHook)
	c.rec = rec

	c.t.Cleanup(func() {
		if c.t.Failed() {
			c.t.Logf("cassette %s was not written because the test failed; the previous recording is kept", c.file)
			return
		}
		if err := rec.Stop(); err != nil {
			c.t.Errorf("cassette %s: saving: %v", c.file, err)
		}
	})
	return nil
}

func (c *Cassette) startReplaying() error {
	if _, err := os.Stat(c.file); err != nil {
		return fmt.Errorf("cannot replay: %w; record it with:\n\t%s", err, c.recordCmd)
	}
	c.baseURL = ReplayBaseURL
	c.token = ReplayToken
	rec, err := recorder.NewWithOptions(&recorder.Options{
		CassetteName:       c.fileStem(),
		Mode:               recorder.ModeReplayOnly,
		RealTransport:      refuseTransport{},
		SkipRequestLatency: true,
	})
	if err != nil {
		return fmt.Errorf("loading: %w", err)
	}
	rec.SetMatcher(match)
	rec.AddHook(func(i *vcr.Interaction) error {
		zeroWaits(i.Response.Headers)
		return nil
	}, recorder.BeforeResponseReplayHook)
	var unused []string
	rec.AddHook(func(i *vcr.Interaction) error {
		if !i.WasReplayed() {
			if k, ok := keyFromRecorded(i.Request); ok {
				unused = append(unused, k.String())
			}
		}
		return nil
	}, recorder.OnRecorderStopHook)
	c.rec = rec
	c.t.Cleanup(func() {
		if err := rec.Stop(); err != nil {
			c.t.Errorf("cassette %s: %v", c.file, err)
		}
		if n := len(unused); n > 0 {
			const max = 5
			if n > max {
				unused = append(unused[:max], fmt.Sprintf("and %d more", n-max))
			}
			c.t.Logf("cassette %s: %d recorded interaction(s) were not replayed: %s", c.file, n, strings.Join(unused, "; "))
		}
	})
	return nil
}

// fileStem is the file path without ".yaml", as go-vcr wants it.
func (c *Cassette) fileStem() string { return strings.TrimSuffix(c.file, ".yaml") }

// HTTPClient returns a client whose transport is the cassette's.
func (c *Cassette) HTTPClient() *http.Client {
	return &http.Client{Transport: c.transport}
}

// Transport returns the cassette's round tripper, to wrap or to hand to a
// client that builds its own http.Client.
func (c *Cassette) Transport() http.RoundTripper { return c.transport }

// BaseURL is the URL to point the client under test at: the recorded server
// in Record mode, [ReplayBaseURL] in Replay mode. It has no trailing slash.
func (c *Cassette) BaseURL() string { return c.baseURL }

// Token is the API token for the client under test: the recording token in
// Record mode, [ReplayToken] in Replay mode.
func (c *Cassette) Token() string { return c.token }

// Mode reports whether the cassette replays or records.
func (c *Cassette) Mode() Mode { return c.mode }

// File is the path of the cassette's YAML file.
func (c *Cassette) File() string { return c.file }

// Name is the cassette's name, as given to [New] without ".yaml".
func (c *Cassette) Name() string { return c.name }

// RecordCommand is the shell command that re-records this test's cassettes.
func (c *Cassette) RecordCommand() string { return c.recordCmd }

// recordCommand builds the command that re-records the named test, run from
// the module root.
func recordCommand(testName string) string {
	pkg := "./..."
	if wd, err := os.Getwd(); err == nil {
		if root, err := findModuleRoot(wd); err == nil {
			if rel, err := filepath.Rel(root, wd); err == nil {
				pkg = "./" + filepath.ToSlash(rel)
				if rel == "." {
					pkg = "."
				}
			}
		}
	}
	top, _, _ := strings.Cut(testName, "/")
	return fmt.Sprintf("scripts/record.sh %s -run '^%s$'", pkg, regexp.QuoteMeta(top))
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
