package openapi

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The real descriptions are large; load each once per test binary.
var (
	restOnce   = sync.OnceValues(func() (*Spec, error) { return loadIfFound(Find()) })
	eventsOnce = sync.OnceValues(func() (*Spec, error) { return loadIfFound(FindEvents()) })
)

func loadIfFound(path string) (*Spec, error) {
	if path == "" {
		return nil, nil
	}
	return Load(path)
}

const notFound = "PagerDuty's OpenAPI description was not found: set PAGERDUTY_OPENAPI to rest-v2.openapi.json or place it at ../shared/pagerduty-api/ next to the module"

// restSpec returns the REST description, or skips the test when it is not on
// this machine.
func restSpec(t testing.TB) *Spec {
	t.Helper()
	s, err := restOnce()
	if err != nil {
		t.Fatal(err)
	}
	if s == nil {
		t.Skip(notFound)
	}
	return s
}

func eventsSpec(t testing.TB) *Spec {
	t.Helper()
	s, err := eventsOnce()
	if err != nil {
		t.Fatal(err)
	}
	if s == nil {
		t.Skip("the Events API description (" + EventsFile + ") was not found next to the REST one")
	}
	return s
}

func TestRESTDescriptionIndex(t *testing.T) {
	s := restSpec(t)
	ops := s.Operations()
	if len(ops) < 400 {
		t.Fatalf("indexed %d operations; PagerDuty's REST description has about 465", len(ops))
	}
	ids := make(map[string]bool)
	for _, op := range ops {
		if op.OperationID == "" || op.Method == "" || !strings.HasPrefix(op.Path, "/") {
			t.Errorf("incomplete operation %+v", op)
		}
		if ids[op.OperationID] {
			t.Errorf("operationId %s listed twice", op.OperationID)
		}
		ids[op.OperationID] = true
	}
	byTag := s.OperationsByTag()
	n := 0
	for _, tagged := range byTag {
		n += len(tagged)
	}
	if n < len(ops) || len(byTag["Incidents"]) == 0 {
		t.Errorf("grouped %d operations in %d tags (Incidents: %d); every operation belongs to at least one", n, len(byTag), len(byTag["Incidents"]))
	}
}

func TestMatchRESTPaths(t *testing.T) {
	s := restSpec(t)
	for _, tc := range []struct {
		method, path, wantID string
		params               map[string]string
	}{
		{"GET", "/incidents", "listIncidents", nil},
		{"get", "/incidents/PABC123", "getIncident", map[string]string{"id": "PABC123"}},
		{"POST", "/incidents/PABC123/notes", "createIncidentNote", map[string]string{"id": "PABC123"}},
		{"GET", "/users/me", "getCurrentUser", nil},
		{"GET", "/users/PXYZ", "getUser", map[string]string{"id": "PXYZ"}},
		{"GET", "/teams/PT1/tags", "getEntityTypeByIdTags", map[string]string{"entity_type": "teams", "id": "PT1"}},
		{"GET", "/abilities/", "listAbilities", nil},
	} {
		op, params, ok := s.Match(tc.method, tc.path)
		if !ok {
			t.Errorf("%s %s: no match, want %s", tc.method, tc.path, tc.wantID)
			continue
		}
		if op.OperationID != tc.wantID {
			t.Errorf("%s %s matched %s (%s), want %s", tc.method, tc.path, op.OperationID, op.Path, tc.wantID)
		}
		for k, v := range tc.params {
			if params[k] != v {
				t.Errorf("%s %s: path parameter %s = %q, want %q", tc.method, tc.path, k, params[k], v)
			}
		}
		if len(op.Summary().Tags) == 0 {
			t.Errorf("%s has no tags", op.OperationID)
		}
	}
	if _, _, ok := s.Match("GET", "/no/such/thing/here"); ok {
		t.Errorf("an unknown path matched")
	}
}

// pdHeaders are the headers a well-behaved client sends.
func pdHeaders(extra ...string) http.Header {
	h := http.Header{
		"Accept":        {"application/vnd.pagerduty+json;version=2, application/json"},
		"Content-Type":  {"application/json"},
		"Authorization": {"REDACTED"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		h.Set(extra[i], extra[i+1])
	}
	return h
}

func TestCheckRESTRequests(t *testing.T) {
	s := restSpec(t)
	for _, tc := range []struct {
		name   string
		method string
		url    string
		header http.Header
		body   string
		want   []string // substrings of the violations, in order; none means conforming
	}{
		{name: "list incidents", method: "GET", url: "/incidents?limit=25&offset=0&total=true&statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&include%5B%5D=users", header: pdHeaders()},
		{name: "undeclared query", method: "GET", url: "/incidents?colour=red", header: pdHeaders(), want: []string{"query colour: is not a query parameter of listIncidents; declared: "}},
		{name: "missing brackets", method: "GET", url: "/incidents?statuses=triggered", header: pdHeaders(), want: []string{"did you mean statuses[]?"}},
		{name: "enum of []-query", method: "GET", url: "/incidents?statuses%5B%5D=open", header: pdHeaders(), want: []string{`query statuses[]: "open" is not one of ["triggered", "acknowledged", "resolved"]`}},
		{name: "integer query", method: "GET", url: "/incidents?limit=many", header: pdHeaders(), want: []string{`query limit: "many" is not an integer`}},
		{name: "repeated scalar", method: "GET", url: "/incidents?limit=1&limit=2", header: pdHeaders(), want: []string{"query limit: is given 2 times"}},
		{name: "boolean query", method: "GET", url: "/incidents?total=yes", header: pdHeaders(), want: []string{`query total: "yes" is not true or false`}},
		{name: "no accept", method: "GET", url: "/abilities", header: http.Header{"Content-Type": {"application/json"}, "Authorization": {"x"}}, want: []string{"header Accept: is required by listAbilities"}},
		{name: "no credential", method: "GET", url: "/abilities", header: http.Header{"Accept": {"a"}, "Content-Type": {"application/json"}}, want: []string{"header Authorization: is required"}},
		{name: "wrong content type", method: "GET", url: "/abilities", header: pdHeaders("Content-Type", "text/plain"), want: []string{`header Content-Type: "text/plain" is not one of ["application/json"]`}},
		{name: "charset is fine", method: "GET", url: "/abilities", header: pdHeaders("Content-Type", "application/json; charset=utf-8")},
		{name: "note", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "ops@example.com"), body: `{"note":{"content":"on it"}}`},
		{name: "note without From", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders(), body: `{"note":{"content":"on it"}}`, want: []string{"header From: is required by createIncidentNote"}},
		{name: "note missing content", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "a@b.c"), body: `{"note":{}}`, want: []string{"body note.content: is required"}},
		{name: "note misspelt field", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "a@b.c"), body: `{"note":{"content":"x","contnet":"y"}}`, want: []string{"body note.contnet: is not a property the description declares here; known: content"}},
		{name: "note wrong type", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "a@b.c"), body: `{"note":{"content":5}}`, want: []string{"body note.content: is an integer; want string"}},
		{name: "no body where required", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "a@b.c"), want: []string{"body: is required by createIncidentNote (application/json); its schema requires note"}},
		{name: "body where none is taken", method: "GET", url: "/abilities", header: pdHeaders(), body: `{}`, want: []string{"body: listAbilities takes no request body"}},
		{name: "broken JSON", method: "POST", url: "/incidents/PABC/notes", header: pdHeaders("From", "a@b.c"), body: `{"note":`, want: []string{"body: is not valid JSON"}},
		{name: "wrong method", method: "PATCH", url: "/abilities", header: pdHeaders(), want: []string{"operation: no operation of the description answers PATCH /abilities; the path accepts GET"}},
		{name: "unknown path", method: "GET", url: "/nothing", header: pdHeaders(), want: []string{"operation: no operation"}},
		{
			name: "create incident", method: "POST", url: "/incidents", header: pdHeaders("From", "a@b.c"),
			body: `{"incident":{"type":"incident","title":"Disk full","service":{"id":"PSVC","type":"service_reference"},"urgency":"high","body":{"type":"incident_body","details":{"df":"100%"}}}}`,
		},
		{
			name: "create incident bad enum", method: "POST", url: "/incidents", header: pdHeaders("From", "a@b.c"),
			body: `{"incident":{"type":"incident","title":"Disk full","service":{"id":"PSVC","type":"service_reference"},"urgency":"urgent"}}`,
			want: []string{`body incident.urgency: "urgent" is not one of ["high", "low"]`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRequest(tc.method, "https://api.pagerduty.com"+tc.url, tc.header, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			got := s.Check(r)
			var msgs []string
			for _, v := range got {
				msgs = append(msgs, v.String())
			}
			if len(tc.want) == 0 && len(got) > 0 {
				t.Fatalf("want no violations, got:\n%s", strings.Join(msgs, "\n"))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tc.want), strings.Join(msgs, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(msgs[i], w) {
					t.Errorf("violation %d = %q, want it to contain %q", i, msgs[i], w)
				}
			}
		})
	}
}

func TestEventsDescription(t *testing.T) {
	s := eventsSpec(t)
	if s.BasePath() != "/v2" {
		t.Errorf("BasePath() = %q, want /v2", s.BasePath())
	}
	ids := []string{}
	for _, op := range s.Operations() {
		ids = append(ids, op.OperationID)
	}
	if !slices.Contains(ids, "createV2Event") || !slices.Contains(ids, "createChangeEvent") {
		t.Errorf("operations %v lack the event endpoints", ids)
	}
	h := http.Header{"Content-Type": {"application/json"}}
	ok, _ := NewRequest("POST", "https://events.pagerduty.com/v2/enqueue", h,
		[]byte(`{"routing_key":"REDACTED","event_action":"trigger","payload":{"summary":"s","source":"host","severity":"critical","timestamp":"2024-05-01T12:00:00.000+02:00"}}`))
	if v := s.Check(ok); len(v) > 0 {
		t.Errorf("a good trigger event has violations: %v", v)
	}
	bad, _ := NewRequest("POST", "https://events.pagerduty.com/v2/enqueue", h,
		[]byte(`{"routing_key":"REDACTED","event_action":"trigger","payload":{"summary":"s","source":"host","severity":"fatal","timestamp":"yesterday"}}`))
	v := s.Check(bad)
	if len(v) != 2 || !strings.Contains(v[0].String(), "payload.severity") || !strings.Contains(v[1].String(), "payload.timestamp") {
		t.Errorf("bad severity and timestamp: got %v", v)
	}
	if _, _, ok := s.Match("POST", "/enqueue"); ok {
		t.Errorf("a path without the /v2 base path matched")
	}
}
