package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// EnvPrismURL, when set (e.g. http://127.0.0.1:4010, see scripts/prism.sh),
// makes the conformance test also replay every recorded REST request to that
// Prism mock and fail on the request violations it reports.
const EnvPrismURL = "PRISM_URL"

// TestCassettesConformToTheDescription checks every request recorded under
// cassettes/ against PagerDuty's OpenAPI descriptions: Events API paths
// against events-v2, everything else against rest-v2.
func TestCassettesConformToTheDescription(t *testing.T) {
	rest := restSpec(t)
	events, err := eventsOnce()
	if err != nil {
		t.Fatal(err)
	}
	files := cassetteFiles(t)
	if len(files) == 0 {
		t.Skip("no cassettes under cassettes/ yet")
	}
	prism := strings.TrimSuffix(os.Getenv(EnvPrismURL), "/")
	covered := make(map[string]bool)
	for _, file := range files {
		t.Run(relToCassettes(file), func(t *testing.T) {
			cas, err := vcr.Load(strings.TrimSuffix(file, ".yaml"))
			if err != nil {
				t.Fatalf("loading: %v", err)
			}
			problems, ids := conformance(cas, rest, events)
			for _, p := range problems {
				t.Error(p)
			}
			for _, id := range ids {
				covered[id] = true
			}
			if prism == "" {
				return
			}
			for _, i := range cas.Interactions {
				if r, err := NewRequest(i.Request.Method, i.Request.URL, nil, nil); err == nil && isEventsPath(r.Path) {
					continue
				}
				for _, v := range askPrism(t, prism, i.Request) {
					t.Errorf("interaction %d, %s %s: Prism reports %s", i.ID, i.Request.Method, i.Request.URL, v)
				}
			}
		})
	}
	t.Logf("the cassettes exercise %d of the %d REST operations", len(covered), len(rest.Operations()))
	for _, line := range coverageByTag(rest, covered) {
		t.Log(line)
	}
}

// coverageByTag reports, per tag of the description, how many of its
// operations the cassettes exercise, for tags with at least one.
func coverageByTag(s *Spec, covered map[string]bool) []string {
	byTag := s.OperationsByTag()
	var lines []string
	for _, tag := range sortedKeys(byTag) {
		n := 0
		for _, op := range byTag[tag] {
			if covered[op.OperationID] {
				n++
			}
		}
		if n > 0 {
			lines = append(lines, fmt.Sprintf("  %s: %d of %d", tag, n, len(byTag[tag])))
		}
	}
	return lines
}

// conformance checks every request of a cassette, against events for the
// Events API paths and rest otherwise. It returns the problems and the
// operationIds of the REST operations exercised.
func conformance(cas *vcr.Cassette, rest, events *Spec) (problems, covered []string) {
	for _, i := range cas.Interactions {
		req := i.Request
		r, err := NewRequest(req.Method, req.URL, req.Headers, []byte(req.Body))
		if err != nil {
			problems = append(problems, fmt.Sprintf("interaction %d: %v", i.ID, err))
			continue
		}
		spec, which := rest, "REST"
		if isEventsPath(r.Path) {
			if events == nil {
				problems = append(problems, fmt.Sprintf("interaction %d, %s %s: an Events API request, but %s was not found next to the REST description", i.ID, r.Method, r.Path, EventsFile))
				continue
			}
			spec, which = events, "Events"
		}
		for _, v := range spec.Check(r) {
			problems = append(problems, fmt.Sprintf("interaction %d, %s %s (%s API): %s", i.ID, r.Method, r.Path, which, v))
		}
		op, _, ok := spec.Match(r.Method, r.Path)
		if !ok || which != "REST" {
			continue
		}
		covered = append(covered, op.OperationID)
		if e := op.exception; e != nil && e.EventsOperation != "" && len(r.Body) > 0 {
			// The body the REST description leaves undeclared is the one
			// the Events description gives.
			if events == nil {
				problems = append(problems, fmt.Sprintf("interaction %d, %s %s: its body follows the Events API's %s, but %s was not found next to the REST description", i.ID, r.Method, r.Path, e.EventsOperation, EventsFile))
				continue
			}
			for _, v := range events.CheckBody(e.EventsOperation, r.Header, r.Body) {
				problems = append(problems, fmt.Sprintf("interaction %d, %s %s (body as the Events API's %s): %s", i.ID, r.Method, r.Path, e.EventsOperation, v))
			}
		}
	}
	return problems, covered
}

func isEventsPath(p string) bool {
	return p == "/v2/enqueue" || p == "/v2/change/enqueue"
}

// cassetteFiles lists every .yaml file under the module's cassettes/ folder.
func cassetteFiles(t *testing.T) []string {
	t.Helper()
	root, ok := moduleRoot()
	if !ok {
		t.Fatal("no go.mod found above the working directory")
	}
	dir := filepath.Join(root, "cassettes")
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(path, ".yaml") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("listing cassettes: %v", err)
	}
	return files
}

func relToCassettes(file string) string {
	root, _ := moduleRoot()
	rel, err := filepath.Rel(filepath.Join(root, "cassettes"), file)
	if err != nil {
		return file
	}
	return filepath.ToSlash(rel)
}

// askPrism sends a recorded request to Prism and returns the problems it
// finds in the request (problems with its own example answers are ignored).
func askPrism(t *testing.T, base string, rec vcr.Request) []string {
	t.Helper()
	u, err := urlPathQuery(rec.URL)
	if err != nil {
		return []string{err.Error()}
	}
	var body io.Reader
	if rec.Body != "" {
		body = strings.NewReader(rec.Body)
	}
	req, err := http.NewRequest(rec.Method, base+u, body)
	if err != nil {
		return []string{err.Error()}
	}
	for k, vs := range rec.Headers {
		if strings.EqualFold(k, "Content-Length") {
			continue
		}
		req.Header[k] = append([]string(nil), vs...)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("Prism at %s does not answer: %v", base, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	header := resp.Header.Get("sl-violations")
	if header == "" {
		return nil
	}
	var vs []struct {
		Location []string `json:"location"`
		Message  string   `json:"message"`
	}
	if err := json.NewDecoder(bytes.NewReader([]byte(header))).Decode(&vs); err != nil {
		return []string{"an sl-violations header that is not JSON"}
	}
	var out []string
	for _, v := range vs {
		if len(v.Location) > 0 && v.Location[0] == "request" {
			out = append(out, strings.Join(v.Location, ".")+": "+v.Message)
		}
	}
	return out
}

func urlPathQuery(raw string) (string, error) {
	r, err := NewRequest("GET", raw, nil, nil)
	if err != nil {
		return "", err
	}
	if len(r.Query) == 0 {
		return r.Path, nil
	}
	return r.Path + "?" + r.Query.Encode(), nil
}

func TestConformanceReportsBadRecordings(t *testing.T) {
	rest := restSpec(t)
	cas := &vcr.Cassette{Interactions: []*vcr.Interaction{
		{ID: 0, Request: vcr.Request{Method: "GET", URL: "https://api.pagerduty.com/abilities", Headers: pdHeaders()}},
		{ID: 1, Request: vcr.Request{Method: "GET", URL: "https://api.pagerduty.com/incidents?statuses=triggered", Headers: pdHeaders()}},
		{ID: 2, Request: vcr.Request{Method: "GET", URL: "https://api.pagerduty.com/counter", Headers: pdHeaders()}},
		{ID: 3, Request: vcr.Request{Method: "POST", URL: "https://events.pagerduty.com/v2/enqueue", Body: `{}`}},
	}}
	problems, covered := conformance(cas, rest, nil)
	want := []string{
		"interaction 1, GET /incidents (REST API): query statuses: is not a query parameter of listIncidents; did you mean statuses[]?",
		"interaction 2, GET /counter (REST API): operation: no operation of the description answers GET /counter",
		"interaction 3, POST /v2/enqueue: an Events API request, but events-v2.openapi.json was not found",
	}
	if len(problems) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(problems, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %q, want it to start with %q", i, problems[i], w)
		}
	}
	if strings.Join(covered, ",") != "listAbilities,listIncidents" {
		t.Errorf("covered = %v, want listAbilities and listIncidents", covered)
	}
	lines := coverageByTag(rest, map[string]bool{"listAbilities": true, "listIncidents": true, "getIncident": true})
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "  Abilities: 1 of ") || !strings.HasPrefix(lines[1], "  Incidents: 2 of ") {
		t.Errorf("coverageByTag = %q, want Abilities 1 and Incidents 2", lines)
	}

	events := eventsSpec(t)
	problems, _ = conformance(&vcr.Cassette{Interactions: cas.Interactions[3:]}, rest, events)
	if len(problems) == 0 || !strings.Contains(problems[0], "(Events API): body routing_key: is required") {
		t.Errorf("an empty event was not reported against the Events description: %q", problems)
	}
}

// TestPrismReportsBadRequests checks askPrism itself against a running mock.
func TestPrismReportsBadRequests(t *testing.T) {
	base := os.Getenv(EnvPrismURL)
	if base == "" {
		t.Skip("set " + EnvPrismURL + " (scripts/prism.sh starts the mock on http://127.0.0.1:4010) to run this test")
	}
	good := vcr.Request{Method: "GET", URL: "https://api.pagerduty.com/incidents?limit=1", Headers: pdHeaders()}
	if v := askPrism(t, base, good); len(v) > 0 {
		t.Errorf("Prism finds a good request wrong: %v", v)
	}
	bad := vcr.Request{Method: "GET", URL: "https://api.pagerduty.com/incidents?limit=many", Headers: pdHeaders()}
	if v := askPrism(t, base, bad); len(v) != 1 || !strings.Contains(v[0], "request.query.limit") {
		t.Errorf("Prism violations for limit=many = %v, want one about request.query.limit", v)
	}
}
