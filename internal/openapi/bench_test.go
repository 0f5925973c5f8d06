package openapi

import (
	"os"
	"testing"
)

func BenchmarkLoadREST(b *testing.B) {
	path := Find()
	if path == "" {
		b.Skip(notFound)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	s := restSpec(b)
	for b.Loop() {
		if _, _, ok := s.Match("POST", "/incidents/PABC123/notes"); !ok {
			b.Fatal("no match")
		}
	}
}

func BenchmarkCheckCreateIncident(b *testing.B) {
	s := restSpec(b)
	r, err := NewRequest("POST", "https://api.pagerduty.com/incidents", pdHeaders("From", "ops@example.com"),
		[]byte(`{"incident":{"type":"incident","title":"Disk full","service":{"id":"PSVC","type":"service_reference"},"urgency":"high","body":{"type":"incident_body","details":{}}}}`))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if v := s.Check(r); len(v) > 0 {
			b.Fatal(v)
		}
	}
}

// The schema refuses this body, so Check also walks the operation's examples.
func BenchmarkCheckExampleShapedBody(b *testing.B) {
	s := restSpec(b)
	r, err := NewRequest("PUT", "https://api.pagerduty.com/services/PSVC001/custom_fields/values", pdHeaders(),
		[]byte(`{"custom_fields":[{"id":"PT4KHEE","value":"production"},{"name":"regions","value":["eu","us"]},{"name":"tier","value":2}]}`))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if v := s.Check(r); len(v) > 0 {
			b.Fatal(v)
		}
	}
}
