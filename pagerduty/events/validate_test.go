package events_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/events"
)

// wantInvalid checks that err is a *ValidationError about field whose
// problem mentions every one of the given phrases.
func wantInvalid(t *testing.T, err error, field string, phrases ...string) {
	t.Helper()
	var verr *events.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("error = %v (%T), want a *events.ValidationError", err, err)
	}
	if verr.Field != field {
		t.Errorf("Field = %q, want %q (error: %v)", verr.Field, field, err)
	}
	for _, p := range phrases {
		if !strings.Contains(verr.Problem, p) {
			t.Errorf("Problem %q does not mention %q", verr.Problem, p)
		}
	}
	if strings.Contains(err.Error(), testKey) {
		t.Errorf("error shows the routing key: %v", err)
	}
}

func TestSendRefusesInvalidEventsWithoutSending(t *testing.T) {
	with := func(f func(*events.Event)) events.Event {
		ev := trigger()
		f(&ev)
		return ev
	}
	long := func(n int) string { return strings.Repeat("é", n) } // n characters, 2n bytes

	tests := []struct {
		name    string
		ev      events.Event
		field   string
		phrases []string
	}{
		{"missing action", with(func(e *events.Event) { e.Action = "" }), "Action", []string{"missing", "Trigger", "Acknowledge", "Resolve"}},
		{"unknown action", with(func(e *events.Event) { e.Action = "snooze" }), "Action", []string{`"snooze"`, "trigger, acknowledge or resolve"}},
		{"action in capitals", with(func(e *events.Event) { e.Action = "TRIGGER" }), "Action", []string{`"TRIGGER"`}},
		{"trigger without summary", with(func(e *events.Event) { e.Payload.Summary = "" }), "Payload.Summary", []string{"missing", "1 to 1024"}},
		{"trigger with blank summary", with(func(e *events.Event) { e.Payload.Summary = " \t\n" }), "Payload.Summary", []string{"missing"}},
		{"summary of 1025 characters", with(func(e *events.Event) { e.Payload.Summary = long(1025) }), "Payload.Summary", []string{"1025 characters", "at most 1024"}},
		{"trigger without source", with(func(e *events.Event) { e.Payload.Source = "" }), "Payload.Source", []string{"missing", "host name"}},
		{"trigger without severity", with(func(e *events.Event) { e.Payload.Severity = "" }), "Payload.Severity", []string{"missing", "critical, error, warning or info"}},
		{"unknown severity", with(func(e *events.Event) { e.Payload.Severity = "high" }), "Payload.Severity", []string{`"high"`, "critical, error, warning or info"}},
		{"acknowledge without dedup key", events.Event{Action: events.Acknowledge}, "DedupKey", []string{"missing", "acknowledge"}},
		{"resolve without dedup key", events.Event{Action: events.Resolve, DedupKey: "  "}, "DedupKey", []string{"missing", "resolve"}},
		{"dedup key of 256 characters", with(func(e *events.Event) { e.DedupKey = long(256) }), "DedupKey", []string{"256 characters", "at most 255"}},
		{"resolve with long dedup key", events.Event{Action: events.Resolve, DedupKey: long(300)}, "DedupKey", []string{"at most 255"}},
		{"relative client URL", with(func(e *events.Event) { e.ClientURL = "/dashboards/1" }), "ClientURL", []string{"absolute http or https URL"}},
		{"link without href", with(func(e *events.Event) { e.Links = []events.Link{{Href: "https://a.example"}, {Text: "runbook"}} }), "Links[1].Href", []string{"missing"}},
		{"link to ftp", with(func(e *events.Event) { e.Links = []events.Link{{Href: "ftp://files.example/x"}} }), "Links[0].Href", []string{"absolute http or https URL"}},
		{"image without src", with(func(e *events.Event) { e.Images = []events.Image{{Alt: "graph"}} }), "Images[0].Src", []string{"missing", "https"}},
		{"image over http", with(func(e *events.Event) { e.Images = []events.Image{{Src: "http://graphs.example/cpu.png"}} }), "Images[0].Src", []string{"https"}},
		{"image with relative href", with(func(e *events.Event) {
			e.Images = []events.Image{{Src: "https://graphs.example/cpu.png", Href: "cpu"}}
		}), "Images[0].Href", []string{"absolute"}},
		{"custom details a string", with(func(e *events.Event) { e.Payload.CustomDetails = "free text" }), "Payload.CustomDetails", []string{"string", "JSON object"}},
		{"custom details a slice", with(func(e *events.Event) { e.Payload.CustomDetails = []int{1} }), "Payload.CustomDetails", []string{"array", "map with string keys or a struct"}},
		{"custom details not encodable", with(func(e *events.Event) { e.Payload.CustomDetails = map[string]float64{"x": math.Inf(1)} }), "Payload.CustomDetails", []string{"cannot be encoded"}},
		{"event over 512 KiB", with(func(e *events.Event) {
			e.Payload.CustomDetails = map[string]string{"log": strings.Repeat("x", events.MaxEventSize)}
		}), "Payload.CustomDetails", []string{"at most 524288 bytes"}},
		{"routing key with newline", with(func(e *events.Event) { e.RoutingKey = testKey + "\n" }), "RoutingKey", []string{"stray newline"}},
		{"routing key with space", with(func(e *events.Event) { e.RoutingKey = "abc def" }), "RoutingKey", []string{"space"}},
	}
	f := newFake(t, nil)
	c := newClient(t, f)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Send(context.Background(), tt.ev)
			wantInvalid(t, err, tt.field, tt.phrases...)
			ev := tt.ev
			if ev.RoutingKey == "" {
				ev.RoutingKey = testKey
			}
			wantInvalid(t, ev.Validate(), tt.field, tt.phrases...)
		})
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("the server received %d requests, want none", n)
	}
}

func TestSendRefusesAnEventWithoutRoutingKey(t *testing.T) {
	f := newFake(t, nil)
	c, err := events.NewClient(events.WithBaseURL(f.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(context.Background(), trigger())
	wantInvalid(t, err, "RoutingKey", "missing", "WithRoutingKey", "32-character")
	_, err = c.SendChange(context.Background(), events.ChangeEvent{Summary: "deploy"})
	wantInvalid(t, err, "RoutingKey", "missing")
	if n := len(f.requests()); n != 0 {
		t.Errorf("the server received %d requests, want none", n)
	}
}

func TestSendChangeRefusesInvalidEventsWithoutSending(t *testing.T) {
	ok := events.ChangeEvent{Summary: "Deployed billing v2.3.1"}
	with := func(f func(*events.ChangeEvent)) events.ChangeEvent {
		ce := ok
		f(&ce)
		return ce
	}
	tests := []struct {
		name    string
		ce      events.ChangeEvent
		field   string
		phrases []string
	}{
		{"missing summary", with(func(c *events.ChangeEvent) { c.Summary = "" }), "Summary", []string{"missing", "change event", "1 to 1024"}},
		{"summary of 1025 characters", with(func(c *events.ChangeEvent) { c.Summary = strings.Repeat("a", 1025) }), "Summary", []string{"1025 characters", "at most 1024"}},
		{"link without href", with(func(c *events.ChangeEvent) { c.Links = []events.Link{{Text: "build"}} }), "Links[0].Href", []string{"missing"}},
		{"image over http", with(func(c *events.ChangeEvent) { c.Images = []events.Image{{Src: "http://x.example/a.png"}} }), "Images[0].Src", []string{"https"}},
		{"custom details a number", with(func(c *events.ChangeEvent) { c.CustomDetails = 42 }), "CustomDetails", []string{"number", "JSON object"}},
	}
	f := newFake(t, nil)
	c := newClient(t, f)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.SendChange(context.Background(), tt.ce)
			wantInvalid(t, err, tt.field, tt.phrases...)
		})
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("the server received %d requests, want none", n)
	}
}

func TestValidateAcceptsEventsAtTheLimits(t *testing.T) {
	ev := trigger()
	ev.RoutingKey = testKey
	ev.Payload.Summary = strings.Repeat("é", events.MaxSummaryLength)
	ev.DedupKey = strings.Repeat("k", events.MaxDedupKeyLength)
	ev.Payload.CustomDetails = struct {
		Load float64 `json:"load"`
	}{0.75}
	ev.Links = []events.Link{{Href: "http://runbooks.example/disk"}}
	ev.Images = []events.Image{{Src: "https://graphs.example/disk.png", Href: "https://graphs.example"}}
	if err := ev.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	ack := events.Event{RoutingKey: testKey, Action: events.Acknowledge, DedupKey: "srv01/mysql"}
	if err := ack.Validate(); err != nil {
		t.Errorf("Validate(acknowledge): %v", err)
	}
	ce := events.ChangeEvent{RoutingKey: testKey, Summary: strings.Repeat("a", events.MaxSummaryLength)}
	if err := ce.Validate(); err != nil {
		t.Errorf("ChangeEvent.Validate: %v", err)
	}
}

func TestValidationErrorClipsLongValues(t *testing.T) {
	ev := trigger()
	ev.RoutingKey = testKey
	ev.Payload.Severity = events.Severity(strings.Repeat("x", 10000))
	err := ev.Validate()
	wantInvalid(t, err, "Payload.Severity")
	if n := len(err.Error()); n > 300 {
		t.Errorf("error is %d bytes long; a long bad value should be clipped", n)
	}
}
