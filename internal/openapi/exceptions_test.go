package openapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"
)

// Every exception names an operation of the REST description by its exact
// operationId, method and path, says why, and fits its rule: an undeclared
// body where the description declares none, example shapes where the
// description gives examples.
func TestExceptionsNameRealOperations(t *testing.T) {
	rest := restSpec(t)
	events := eventsSpec(t)
	list := Exceptions()
	if len(list) == 0 {
		t.Fatal("no exceptions listed")
	}
	for _, e := range list {
		if len(e.Reason) < 40 {
			t.Errorf("%s: the reason %q does not say enough", e.OperationID, e.Reason)
		}
		op, _, ok := rest.Match(e.Method, strings.ReplaceAll(e.Path, "{id}", "PABC123"))
		if !ok || op.OperationID != e.OperationID || op.Path != e.Path {
			t.Errorf("%s %s is not %s in the description", e.Method, e.Path, e.OperationID)
			continue
		}
		if op.exception == nil || op.exception.OperationID != e.OperationID {
			t.Errorf("%s: the exception is not attached to the operation", e.OperationID)
		}
		switch e.Rule {
		case UndeclaredBody:
			if op.body != nil {
				t.Errorf("%s: the description declares a body now; drop the exception", e.OperationID)
			}
			if e.EventsOperation != "" {
				if vs := events.CheckBody(e.EventsOperation, nil, []byte(`{}`)); len(vs) == 0 || vs[0].Where == "operation" {
					t.Errorf("%s: the Events API operation %s has no body schema to check against: %v", e.OperationID, e.EventsOperation, vs)
				}
			}
		case ExampleShaped:
			if op.body == nil || op.body.Schema == nil || len(op.examples) == 0 {
				t.Errorf("%s: the description gives no body schema or no request example", e.OperationID)
			}
		default:
			t.Errorf("%s: rule %v", e.OperationID, e.Rule)
		}
	}
	if got := ExampleShaped.String(); got != "shaped like the examples" {
		t.Errorf("ExampleShaped.String() = %q", got)
	}
	if got := UndeclaredBody.String(); got != "undeclared body" {
		t.Errorf("UndeclaredBody.String() = %q", got)
	}
}

// checkBody runs Check on one request and returns the violations as text.
func checkBody(t *testing.T, s *Spec, method, url string, h http.Header, body string) []string {
	t.Helper()
	r, err := NewRequest(method, "https://api.pagerduty.com"+url, h, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range s.Check(r) {
		out = append(out, v.String())
	}
	return out
}

// The service custom field values take {"value": "x"}, as the examples and
// the API do, though the schema wants {"value": {"value": "x"}}; a body
// shaped like neither is still reported.
func TestExampleShapedBody(t *testing.T) {
	s := restSpec(t)
	const url = "/services/PSVC001/custom_fields/values"
	for _, tc := range []struct {
		name, body string
		want       []string // substrings of the violations, in order; none: accepted
	}{
		{name: "by ID", body: `{"custom_fields":[{"id":"PT4KHEE","value":"production"}]}`},
		{name: "by name", body: `{"custom_fields":[{"name":"environment","value":"staging"}]}`},
		{name: "several values", body: `{"custom_fields":[{"id":"PT4KHEE","value":["production","staging"]}]}`},
		{name: "by ID and by name", body: `{"custom_fields":[{"id":"PT4KHEE","value":"production"},{"name":"tier","value":1}]}`},
		{name: "several values by name", body: `{"custom_fields":[{"name":"regions","value":["eu","us"]}]}`},
		{name: "cleared", body: `{"custom_fields":[{"name":"tier","value":null}]}`},
		{name: "boolean", body: `{"custom_fields":[{"name":"critical","value":true}]}`},
		{name: "the schema's own form", body: `{"custom_fields":[{"id":"PT4KHEE","value":{"value":"production"}}]}`},
		{name: "misspelt value", body: `{"custom_fields":[{"id":"PT4KHEE","valeu":"production"}]}`,
			want: []string{"body custom_fields[0]: matches none", "body: does not have the shape of any request example of updateServiceCustomFieldValues"}},
		{name: "both ID and name", body: `{"custom_fields":[{"id":"PT4KHEE","name":"environment","value":"production"}]}`,
			want: []string{"body custom_fields[0]: matches none", "body: does not have the shape"}},
		{name: "object value", body: `{"custom_fields":[{"id":"PT4KHEE","value":{"env":"production"}}]}`,
			want: []string{"body custom_fields[0]: matches none", "body: does not have the shape"}},
		{name: "not a list", body: `{"custom_fields":{"id":"PT4KHEE","value":"production"}}`,
			want: []string{"body custom_fields: is an object; want array", "body: does not have the shape"}},
		{name: "nothing", body: `{}`,
			want: []string{"body custom_fields: is required", "body: does not have the shape"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := checkBody(t, s, "PUT", url, pdHeaders(), tc.body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("violation %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// The example-shape rule holds only for the operations listed: another
// operation whose examples contradict its schema still has them reported.
func TestExampleShapeIsNotGlobal(t *testing.T) {
	s := restSpec(t)
	found := 0
	for _, op := range s.ops {
		if op.exception != nil || op.body == nil || op.body.Schema == nil || op.Method == "GET" {
			continue
		}
		for _, ex := range op.examples {
			if len(s.validateDocumented(op.body.Schema, ex, "body", op.documented)) == 0 {
				continue
			}
			b, err := json.Marshal(ex)
			if err != nil {
				t.Fatal(err)
			}
			r := Request{Method: op.Method, Header: pdHeaders("From", "a@b.c"), Body: b}
			if vs := op.checkBody(s, r); len(vs) == 0 {
				t.Errorf("%s: a body copied from its own example, which its schema refuses, was accepted", op.OperationID)
			}
			found++
			break
		}
	}
	if found == 0 {
		t.Fatal("no unlisted operation has an example its schema refuses; the test proves nothing")
	}
	t.Logf("%d unlisted operations still have their contradicting examples reported", found)
}

// POST /change_events takes a change event body the description does not
// declare; it must still be a JSON object, announced as JSON. Other
// operations without a declared body still refuse one.
func TestUndeclaredBody(t *testing.T) {
	s := restSpec(t)
	for _, tc := range []struct {
		name, method, url string
		header            http.Header
		body              string
		want              []string
	}{
		{name: "change event", method: "POST", url: "/change_events", header: pdHeaders(),
			body: `{"routing_key":"REDACTED","payload":{"summary":"Deploy 42","timestamp":"2024-05-01T12:00:00Z"}}`},
		{name: "no body", method: "POST", url: "/change_events", header: pdHeaders()},
		{name: "an array", method: "POST", url: "/change_events", header: pdHeaders(), body: `[1]`,
			want: []string{"body: is an array; createChangeEvent takes a JSON object"}},
		{name: "broken JSON", method: "POST", url: "/change_events", header: pdHeaders(), body: `{"payload":`,
			want: []string{"body: is not valid JSON"}},
		{name: "not announced as JSON", method: "POST", url: "/change_events", header: pdHeaders("Content-Type", "text/plain"), body: `{}`,
			want: []string{`header Content-Type: "text/plain" is not one of`, `header Content-Type: "text/plain" does not announce the JSON body`}},
		{name: "other operation", method: "GET", url: "/abilities", header: pdHeaders(), body: `{}`,
			want: []string{"body: listAbilities takes no request body"}},
		{name: "other write", method: "DELETE", url: "/services/PSVC001", header: pdHeaders(), body: `{"routing_key":"x"}`,
			want: []string{"body: deleteService takes no request body"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := checkBody(t, s, tc.method, tc.url, tc.header, tc.body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("violation %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// The conformance test checks a recorded POST /change_events body against
// the Events API's change event.
func TestConformanceChecksChangeEventBodies(t *testing.T) {
	rest, events := restSpec(t), eventsSpec(t)
	good := `{"routing_key":"REDACTED","payload":{"summary":"Deploy 42","source":"ci","timestamp":"2024-05-01T12:00:00Z","custom_details":{"build":42}},"links":[{"href":"https://ci.example.com/42","text":"Build"}]}`
	cas := &vcr.Cassette{Interactions: []*vcr.Interaction{
		{ID: 0, Request: vcr.Request{Method: "POST", URL: "https://api.pagerduty.com/change_events", Headers: pdHeaders(), Body: good}},
		{ID: 1, Request: vcr.Request{Method: "POST", URL: "https://api.pagerduty.com/change_events", Headers: pdHeaders(), Body: `{"routing_key":"REDACTED"}`}},
		{ID: 2, Request: vcr.Request{Method: "POST", URL: "https://api.pagerduty.com/change_events", Headers: pdHeaders(), Body: `{"routing_key":"REDACTED","payload":{"summary":"s","timestamp":"yesterday"}}`}},
	}}
	problems, covered := conformance(cas, rest, events)
	want := []string{
		"interaction 1, POST /change_events (body as the Events API's createChangeEvent): body payload: is required",
		"interaction 2, POST /change_events (body as the Events API's createChangeEvent): body payload.timestamp:",
	}
	if len(problems) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(problems, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %q, want it to start with %q", i, problems[i], w)
		}
	}
	if len(covered) != 3 || covered[0] != "createChangeEvent" {
		t.Errorf("covered = %v, want createChangeEvent three times", covered)
	}
	problems, _ = conformance(&vcr.Cassette{Interactions: cas.Interactions[:1]}, rest, nil)
	if len(problems) != 1 || !strings.Contains(problems[0], "its body follows the Events API's createChangeEvent, but events-v2.openapi.json was not found") {
		t.Errorf("without the Events description: %q", problems)
	}
	if vs := rest.CheckBody("noSuchOperation", nil, []byte(`{}`)); len(vs) != 1 || vs[0].Where != "operation" {
		t.Errorf("CheckBody of an unknown operation = %v", vs)
	}
}

// hasExampleShape on small, hand-made examples.
func TestHasExampleShape(t *testing.T) {
	var alts []any
	for _, ex := range []string{
		`{"items":[{"id":"A","value":"x"}]}`,
		`{"items":[{"name":"n","value":["x","y"]}]}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(ex), &v); err != nil {
			t.Fatal(err)
		}
		alts = append(alts, v)
	}
	for _, tc := range []struct {
		body string
		want bool
	}{
		{`{"items":[{"id":"B","value":"z"}]}`, true},
		{`{"items":[{"id":"B","value":3.5},{"name":"m","value":["q"]}]}`, true},
		{`{"items":[{"id":"B","value":false},{"name":"m","value":false}]}`, true},
		{`{"items":[{"id":"B","name":"m","value":"z"}]}`, false},
		{`{"items":[{"id":"B","value":{"id":"A"}}]}`, false},
		{`{"items":[{"name":"m","value":["a"]},{"name":"m","value":null}]}`, true},
		{`{"items":[{"id":"B","value":null}]}`, true},
		{`{"items":[{"name":"m","value":[]}]}`, true},
		{`{"items":[{"id":"B","value":[]}]}`, true},
		{`{"items":[]}`, true},
		{`{"items":[{"id":"B"}]}`, false},
		{`{"items":[{"id":"B","value":"z","extra":1}]}`, false},
		{`{"items":[{"id":"B","value":{"value":"z"}}]}`, false},
		{`{"items":[{"id":"B","value":[["z"]]}]}`, false},
		{`{"items":{"id":"B","value":"z"}}`, false},
		{`{"items":"all"}`, false},
		{`[]`, false},
		{`"items"`, false},
		{`{}`, false},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.body), &v); err != nil {
			t.Fatal(err)
		}
		if got := hasExampleShape(v, alts, 0); got != tc.want {
			t.Errorf("hasExampleShape(%s) = %v, want %v", tc.body, got, tc.want)
		}
	}
	if hasExampleShape(map[string]any{}, nil, 0) {
		t.Error("a body matched an operation without examples")
	}
}
