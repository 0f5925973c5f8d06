package cassette

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestEventsAPIRecording(t *testing.T) {
	t.Setenv(EnvRecord, "") // replaying is the default, even under scripts/record.sh
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		writeJSON(w, http.StatusAccepted, map[string]any{"status": "success", "dedup_key": "d1"})
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	event := `{"routing_key":"R0123456789abcdef0123456789abcdef","event_action":"trigger","payload":{"summary":"s","source":"h","severity":"info"}}`

	t.Run("record", func(t *testing.T) {
		t.Setenv(EnvRecordEventsBaseURL, srv.URL)
		c := New(t, "events", InDir(dir), WithMode(Record), EventsAPI())
		if c.BaseURL() != srv.URL {
			t.Fatalf("BaseURL() = %q, want %s from %s", c.BaseURL(), srv.URL, EnvRecordEventsBaseURL)
		}
		code, _, _, err := do(t, c.HTTPClient(), "POST", c.BaseURL()+"/v2/enqueue", c.Token(), "application/json", event)
		if err != nil || code != http.StatusAccepted {
			t.Fatalf("POST /v2/enqueue = %d, %v", code, err)
		}
	})
	if len(paths) != 1 || paths[0] != "/enqueue" {
		t.Errorf("the mock on loopback saw %q; want /enqueue, without the /v2 its description puts in the server URL", paths)
	}
	data, err := os.ReadFile(filepath.Join(dir, "events.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "url: "+EventsHost+"/v2/enqueue") {
		t.Errorf("the cassette should hold the path the client used, on %s:\n%s", EventsHost, data)
	}
	if strings.Contains(string(data), "R0123456789abcdef") {
		t.Errorf("the routing key was saved")
	}

	t.Run("replay", func(t *testing.T) {
		c := New(t, "events", InDir(dir), EventsAPI())
		code, _, body, err := do(t, c.HTTPClient(), "POST", c.BaseURL()+"/v2/enqueue", c.Token(), "application/json", event)
		if err != nil || code != http.StatusAccepted || !strings.Contains(body, "d1") {
			t.Fatalf("replay = %d %s, %v", code, body, err)
		}
	})

	t.Run("default", func(t *testing.T) {
		t.Setenv(EnvRecordEventsBaseURL, "")
		c := New(t, "events-default", InDir(t.TempDir()), WithMode(Record), EventsAPI())
		if c.BaseURL() != DefaultRecordEventsBaseURL {
			t.Errorf("BaseURL() = %q, want %s", c.BaseURL(), DefaultRecordEventsBaseURL)
		}
	})
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "::1": true, "localhost": true,
		"events.pagerduty.com": false, "10.0.0.1": false, "": false,
	} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}
