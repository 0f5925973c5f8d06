package webhooks

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func decodeFile(t *testing.T, name string) *Event {
	t.Helper()
	ev, err := DecodeEvent(readTestdata(t, name))
	if err != nil {
		t.Fatalf("DecodeEvent(%s): %v", name, err)
	}
	return ev
}

func ref(id, typ, summary, path string) Reference {
	return Reference{
		ID: id, Type: typ, Summary: summary,
		Self:    "https://api.pagerduty.com/" + path + "/" + id,
		HTMLURL: "https://northwind.pagerduty.com/" + path + "/" + id,
	}
}

func refp(id, typ, summary, path string) *Reference {
	r := ref(id, typ, summary, path)
	return &r
}

var checkoutIncident = ref("Q1XK7G2M9ABCDE", "incident_reference", "[#4812] Checkout latency p99 above 2s for 10 minutes", "incidents")

func TestDecodeIncidentTriggered(t *testing.T) {
	ev := decodeFile(t, "incident_triggered.json")
	if ev.ID != "01DVQX2M3C8K4T0ZJ6W9R5B7NA" || ev.EventType != IncidentTriggered || ev.ResourceType != ResourceIncident {
		t.Fatalf("envelope = %q %q %q", ev.ID, ev.EventType, ev.ResourceType)
	}
	wantAt := time.Date(2025, 3, 14, 9, 26, 53, 589_000_000, time.UTC)
	if !ev.OccurredAt.Equal(wantAt) {
		t.Fatalf("OccurredAt = %v, want %v", ev.OccurredAt, wantAt)
	}
	services := "services"
	if diff := cmp.Diff(refp("PQ4T7ZK", "service_reference", "Checkout API", services), ev.Agent); diff != "" {
		t.Fatalf("Agent (-want +got):\n%s", diff)
	}
	if ev.Client == nil || ev.Client.Name != "Prometheus Alertmanager" {
		t.Fatalf("Client = %+v", ev.Client)
	}
	inc, ok := ev.Incident()
	if !ok {
		t.Fatalf("Data is %T, want *Incident", ev.Data)
	}
	want := &Incident{
		ID: "Q1XK7G2M9ABCDE", Type: "incident",
		Self:         "https://api.pagerduty.com/incidents/Q1XK7G2M9ABCDE",
		HTMLURL:      "https://northwind.pagerduty.com/incidents/Q1XK7G2M9ABCDE",
		Number:       4812,
		Status:       "triggered",
		IncidentKey:  "8e2b4c1fa9d04c5a9e67f3b1c2d4e5f6",
		CreatedAt:    time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
		Title:        "Checkout latency p99 above 2s for 10 minutes",
		IncidentType: &IncidentType{Name: "incident_default"},
		Service:      refp("PQ4T7ZK", "service_reference", "Checkout API", services),
		Assignees: []Reference{
			ref("PB8RS2L", "user_reference", "Ines Carvalho", "users"),
			ref("PK3D9QW", "user_reference", "Tomasz Wrobel", "users"),
		},
		EscalationPolicy: refp("PE2VX6N", "escalation_policy_reference", "Payments on-call", "escalation_policies"),
		Teams:            []Reference{ref("PT6MJ4C", "team_reference", "Payments", "teams")},
		Priority: &Reference{ID: "PR0P1XY", Type: "priority_reference", Summary: "P2",
			Self: "https://api.pagerduty.com/priorities/PR0P1XY", HTMLURL: "https://northwind.pagerduty.com/account/incident_priorities"},
		Urgency: "high",
		ConferenceBridge: &ConferenceBridge{
			ConferenceNumber: "+44 20 7946 0958,,445566#",
			ConferenceURL:    "https://meet.example.net/checkout-war-room",
		},
	}
	if diff := cmp.Diff(want, inc); diff != "" {
		t.Fatalf("incident (-want +got):\n%s", diff)
	}
	if ev.IncidentID() != "Q1XK7G2M9ABCDE" {
		t.Fatalf("IncidentID = %q", ev.IncidentID())
	}
	if _, ok := ev.Note(); ok {
		t.Fatal("Note() should report false for incident data")
	}
}

func TestDecodeIncidentResolvedByMerge(t *testing.T) {
	ev := decodeFile(t, "incident_resolved_merged.json")
	inc, ok := ev.Incident()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	if inc.Status != "resolved" || inc.Priority != nil || inc.ConferenceBridge != nil || len(inc.Assignees) != 0 {
		t.Fatalf("incident = %+v", inc)
	}
	if inc.ResolveReason == nil || inc.ResolveReason.Type != "merge_resolve_reason" ||
		inc.ResolveReason.Incident == nil || inc.ResolveReason.Incident.ID != "Q1XK7G2M9ABCDE" {
		t.Fatalf("ResolveReason = %+v", inc.ResolveReason)
	}
}

func TestDecodeIncidentNote(t *testing.T) {
	ev := decodeFile(t, "incident_annotated.json")
	note, ok := ev.Note()
	if !ok {
		t.Fatalf("Data is %T, want *IncidentNote", ev.Data)
	}
	want := &IncidentNote{
		ID: "PN7GH3Z", Type: "incident_note", Incident: checkoutIncident,
		Content: "Rolled back checkout-api to v2025.03.13-2; latency recovering. Łódź DC still degraded ✅",
	}
	if diff := cmp.Diff(want, note); diff != "" {
		t.Fatalf("note (-want +got):\n%s", diff)
	}
	if ev.IncidentID() != checkoutIncident.ID {
		t.Fatalf("IncidentID = %q", ev.IncidentID())
	}
}

func TestDecodeStatusUpdate(t *testing.T) {
	ev := decodeFile(t, "incident_status_update_published.json")
	su, ok := ev.StatusUpdate()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	want := &IncidentStatusUpdate{
		ID: "PSU81KD", Type: "incident_status_update", Incident: checkoutIncident,
		Message: "A rollback is in progress; card payments may be slow for 15 more minutes.",
		Trimmed: true,
	}
	if diff := cmp.Diff(want, su); diff != "" {
		t.Fatalf("status update (-want +got):\n%s", diff)
	}
	if ev.Client != nil {
		t.Fatalf("Client = %+v, want nil for null", ev.Client)
	}
}

func TestDecodeResponders(t *testing.T) {
	added := decodeFile(t, "incident_responder_added.json")
	r, ok := added.Responder()
	if !ok {
		t.Fatalf("Data is %T", added.Data)
	}
	want := &IncidentResponder{
		Type: "incident_responder", Incident: checkoutIncident,
		User:    refp("PD5YT8R", "user_reference", "Amara Okafor", "users"),
		Message: "Database connections look saturated, can you take a look?",
		State:   "pending",
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Fatalf("responder added (-want +got):\n%s", diff)
	}

	replied := decodeFile(t, "incident_responder_replied.json")
	r, ok = replied.Responder()
	if !ok {
		t.Fatalf("Data is %T", replied.Data)
	}
	if replied.EventType != IncidentResponderReplied || r.State != "joined" ||
		r.EscalationPolicy == nil || r.EscalationPolicy.Summary != "Database on-call" {
		t.Fatalf("responder replied = %+v", r)
	}
	if replied.Client == nil || replied.Client.Name != "PagerDuty Mobile" {
		t.Fatalf("Client = %+v", replied.Client)
	}
}

func TestDecodeConferenceBridge(t *testing.T) {
	ev := decodeFile(t, "incident_conference_bridge_updated.json")
	cb, ok := ev.ConferenceBridge()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	want := &IncidentConferenceBridge{
		Type: "incident_conference_bridge", Incident: checkoutIncident,
		ConferenceNumbers: []ConferenceNumber{
			{Label: "UK", Number: "+44 20 7946 0958,,445566#"},
			{Number: "+1 555 0100,,445566#"},
		},
		ConferenceURL: "https://meet.example.net/checkout-war-room",
	}
	if diff := cmp.Diff(want, cb); diff != "" {
		t.Fatalf("conference bridge (-want +got):\n%s", diff)
	}
}

func TestDecodeCustomFieldValues(t *testing.T) {
	ev := decodeFile(t, "incident_custom_field_values_updated.json")
	fv, ok := ev.FieldValues()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	if fv.Incident.ID != "Q1XK7G2M9ABCDE" || fv.Incident.Summary != "" {
		t.Fatalf("Incident = %+v (a null summary should read as empty)", fv.Incident)
	}
	if len(fv.CustomFields) != 4 || len(fv.ChangedCustomFields) != 1 {
		t.Fatalf("fields = %d, changed = %d", len(fv.CustomFields), len(fv.ChangedCustomFields))
	}
	var env string
	if err := json.Unmarshal(fv.CustomFields[0].Value, &env); err != nil || env != "production" {
		t.Fatalf("environment = %q, %v", env, err)
	}
	var regions []string
	if err := json.Unmarshal(fv.CustomFields[1].Value, &regions); err != nil || len(regions) != 2 || regions[1] != "eu-central-1" {
		t.Fatalf("regions = %q, %v", regions, err)
	}
	if fv.CustomFields[1].FieldType != "multi_value" || fv.CustomFields[1].Namespace != "incidents" {
		t.Fatalf("field = %+v", fv.CustomFields[1])
	}
	if string(fv.CustomFields[3].Value) != "null" {
		t.Fatalf("null value kept as %q", fv.CustomFields[3].Value)
	}
	ch := fv.ChangedCustomFields[0]
	var n int
	if err := json.Unmarshal(ch.Value, &n); err != nil || ch.Name != "customers_affected" || ch.DataType != "integer" || n != 1250 {
		t.Fatalf("changed field = %+v (%d, %v)", ch, n, err)
	}
}

func TestDecodeWorkflowInstance(t *testing.T) {
	ev := decodeFile(t, "incident_workflow_started.json")
	wi, ok := ev.WorkflowInstance()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	if wi.ID != "PWI7Q2Z" || wi.IncidentWorkflow == nil || wi.IncidentWorkflow.ID != "PWF3K8M" ||
		wi.WorkflowTrigger == nil || wi.WorkflowTrigger.Summary != "P1 or P2 on payments services" || wi.WorkflowTrigger.HTMLURL != "" ||
		wi.Service == nil || wi.Service.ID != "PQ4T7ZK" {
		t.Fatalf("workflow instance = %+v", wi)
	}
	if ev.IncidentID() != "Q1XK7G2M9ABCDE" {
		t.Fatalf("IncidentID = %q", ev.IncidentID())
	}
}

func TestDecodeService(t *testing.T) {
	ev := decodeFile(t, "service_updated.json")
	if ev.Agent != nil || ev.Client != nil {
		t.Fatalf("Agent = %+v, Client = %+v, want nil for null", ev.Agent, ev.Client)
	}
	svc, ok := ev.Service()
	if !ok {
		t.Fatalf("Data is %T", ev.Data)
	}
	want := &Service{
		ID: "PQ4T7ZK", Type: "service", Summary: "Checkout API",
		Self:          "https://api.pagerduty.com/services/PQ4T7ZK",
		HTMLURL:       "https://northwind.pagerduty.com/services/PQ4T7ZK",
		AlertCreation: "create_alerts_and_incidents",
		Teams:         []Reference{ref("PT6MJ4C", "team_reference", "Payments", "teams")},
	}
	if diff := cmp.Diff(want, svc); diff != "" {
		t.Fatalf("service (-want +got):\n%s", diff)
	}
	if ev.IncidentID() != "" {
		t.Fatalf("IncidentID of a service event = %q, want empty", ev.IncidentID())
	}
}

func TestDecodePing(t *testing.T) {
	ev := decodeFile(t, "pagey_ping.json")
	p, ok := ev.Ping()
	if !ok || p.Message != "Hello from your friend Pagey!" || ev.ResourceType != ResourcePagey {
		t.Fatalf("ping = %+v, %v", p, ok)
	}
}

func TestDecodeUnknownTypeKeepsRawData(t *testing.T) {
	body := readTestdata(t, "incident_task_created.json")
	ev, err := DecodeEvent(body)
	if err != nil {
		t.Fatal(err)
	}
	if ev.EventType != IncidentTaskCreated || ev.EventType.Known() {
		t.Fatalf("EventType = %q (known %v)", ev.EventType, ev.EventType.Known())
	}
	if ev.Data != nil {
		t.Fatalf("Data = %T, want nil for an unknown data type", ev.Data)
	}
	var task struct {
		Name   string `json:"name"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(ev.RawData, &task); err != nil || task.Name != "Write the customer notice" || task.Status != "todo" {
		t.Fatalf("raw data = %+v, %v", task, err)
	}
	if ev.IncidentID() != "Q1XK7G2M9ABCDE" {
		t.Fatalf("IncidentID from raw data = %q", ev.IncidentID())
	}

	// An event type invented after this package, with data that is not even
	// an object, still decodes.
	future := []byte(`{"event":{"id":"01FUT","event_type":"incident.hologram.projected","resource_type":"incident","occurred_at":"2031-01-01T00:00:00Z","agent":null,"client":null,"data":[1,"two",{"three":3}]}}`)
	ev, err = DecodeEvent(future)
	if err != nil {
		t.Fatalf("future event type: %v", err)
	}
	if ev.Data != nil || string(ev.RawData) != `[1,"two",{"three":3}]` || ev.IncidentID() != "" {
		t.Fatalf("future event: Data=%v RawData=%s", ev.Data, ev.RawData)
	}
}

func TestDecodeNewIncidentEventTypeGetsTypedData(t *testing.T) {
	body := []byte(`{"event":{"id":"01NEW","event_type":"incident.title_changed","resource_type":"incident","occurred_at":"2025-03-14T09:26:53Z","data":{"id":"PABC123","type":"incident","number":7,"title":"New title","created_at":"2025-03-14T09:00:00Z"}}}`)
	ev, err := DecodeEvent(body)
	if err != nil {
		t.Fatal(err)
	}
	inc, ok := ev.Incident()
	if !ok || inc.Title != "New title" || inc.Number != 7 {
		t.Fatalf("data = %#v", ev.Data)
	}
}

func TestDecodeDataWithoutTypeUsesDocumentedType(t *testing.T) {
	body := []byte(`{"event":{"id":"01X","event_type":"incident.annotated","resource_type":"incident","occurred_at":"2025-03-14T09:26:53Z","data":{"incident":{"id":"PINC1","type":"incident_reference"},"id":"PNOTE1","content":"hello"}}}`)
	ev, err := DecodeEvent(body)
	if err != nil {
		t.Fatal(err)
	}
	note, ok := ev.Note()
	if !ok || note.Content != "hello" || note.Incident.ID != "PINC1" {
		t.Fatalf("data = %#v", ev.Data)
	}
}

func TestDecodeMalformed(t *testing.T) {
	tests := []struct {
		name, body, mention string
	}{
		{"not json", `event=incident.triggered`, "invalid character"},
		{"truncated", `{"event":{"id":"x"`, "unexpected end"},
		{"trailing data", `{"event":{"id":"1","event_type":"pagey.ping"}} {}`, "invalid character"},
		{"array", `[]`, "cannot unmarshal"},
		{"no event", `{"messages":[]}`, `no "event" object`},
		{"null event", `{"event":null}`, `no "event" object`},
		{"no event type", `{"event":{"id":"1","data":{}}}`, "no event_type"},
		{"event type not a string", `{"event":{"id":"1","event_type":42}}`, "event_type"},
		{"bad occurred_at", `{"event":{"id":"1","event_type":"pagey.ping","occurred_at":"yesterday"}}`, "yesterday"},
		{"known type, data not an object", `{"event":{"id":"1","event_type":"incident.triggered","data":"PABC"}}`, "data must be a JSON object"},
		{"known type, wrong field type", `{"event":{"id":"1","event_type":"incident.triggered","data":{"type":"incident","number":"seven"}}}`, `data of type "incident"`},
		{"known type, bad created_at", `{"event":{"id":"1","event_type":"incident.resolved","data":{"type":"incident","created_at":"soon"}}}`, `data of type "incident"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := DecodeEvent([]byte(tt.body))
			if !errors.Is(err, ErrMalformedPayload) {
				t.Fatalf("error = %v, want ErrMalformedPayload", err)
			}
			if ev != nil {
				t.Fatalf("event = %+v, want nil on error", ev)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Fatalf("error %q should mention %q", err, tt.mention)
			}
		})
	}
}

func TestDecodeNullAndMissingData(t *testing.T) {
	for _, body := range []string{
		`{"event":{"id":"1","event_type":"incident.triggered","data":null}}`,
		`{"event":{"id":"1","event_type":"incident.triggered"}}`,
	} {
		ev, err := DecodeEvent([]byte(body))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if _, ok := ev.Incident(); ok || ev.IncidentID() != "" {
			t.Fatalf("%s: Data = %#v, want nil", body, ev.Data)
		}
	}
}

func TestEventRoundTrip(t *testing.T) {
	body := readTestdata(t, "incident_annotated.json")
	ev, err := DecodeEvent(body)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(Payload{Event: ev})
	if err != nil {
		t.Fatal(err)
	}
	again, err := DecodeEvent(out)
	if err != nil {
		t.Fatalf("re-decoding %s: %v", out, err)
	}
	if diff := cmp.Diff(ev.Data, again.Data); diff != "" {
		t.Fatalf("typed data changed over a round trip (-first +second):\n%s", diff)
	}
	if ev.ID != again.ID || ev.EventType != again.EventType || !ev.OccurredAt.Equal(again.OccurredAt) {
		t.Fatalf("envelope changed: %+v vs %+v", ev, again)
	}
}

func TestAccessorsOnNilEvent(t *testing.T) {
	var ev *Event
	if _, ok := ev.Incident(); ok {
		t.Fatal("Incident() on nil event reported true")
	}
	if ev.IncidentID() != "" {
		t.Fatal("IncidentID() on nil event is not empty")
	}
}

func TestEventTypes(t *testing.T) {
	seen := map[EventType]bool{}
	for _, et := range EventTypes() {
		if seen[et] {
			t.Fatalf("%s listed twice", et)
		}
		seen[et] = true
		if !et.Known() {
			t.Fatalf("%s is listed but not Known", et)
		}
		if et.String() != string(et) {
			t.Fatalf("String() = %q", et.String())
		}
	}
	// Every event type a subscription may list, as PagerDuty documents it.
	for _, name := range []string{
		"incident.acknowledged", "incident.annotated", "incident.conference_bridge.updated",
		"incident.custom_field_values.updated", "incident.delegated", "incident.escalated",
		"incident.incident_type.changed", "incident.priority_updated", "incident.reassigned",
		"incident.reopened", "incident.resolved", "incident.responder.added",
		"incident.responder.replied", "incident.service_updated", "incident.status_update_published",
		"incident.triggered", "incident.unacknowledged", "incident.workflow.started",
		"incident.workflow.completed", "service.created", "service.deleted", "service.updated",
		"pagey.ping",
	} {
		if !seen[EventType(name)] {
			t.Errorf("EventTypes() lacks %s", name)
		}
	}
	if len(seen) != 23 {
		t.Errorf("EventTypes() has %d types, want 23", len(seen))
	}
	for _, early := range []EventType{IncidentTaskCreated, IncidentRoleAssigned, IncidentActionInvocationCreated, ServiceCustomFieldValuesUpdated} {
		if early.Known() || seen[early] {
			t.Errorf("early access type %s should not be Known", early)
		}
	}
}

func TestDecodeDataTypeOverridesDocumentedType(t *testing.T) {
	tests := []struct {
		name, data string
		check      func(t *testing.T, ev *Event)
	}{
		{
			// Same shape as documented data would decode, but the type field
			// names another known type: the type field wins.
			"another known type", `{"type":"incident","id":"PINC9","number":9,"title":"t","created_at":"2025-01-01T00:00:00Z"}`,
			func(t *testing.T, ev *Event) {
				if inc, ok := ev.Incident(); !ok || inc.Number != 9 {
					t.Fatalf("Data = %#v, want *Incident", ev.Data)
				}
			},
		},
		{
			// A shape that does not fit the documented type, of another known type.
			"another known type, other shape", `{"type":"service","id":"PSVC9","teams":[{"id":"PT1","type":"team_reference"}],"incident":"not-an-object"}`,
			func(t *testing.T, ev *Event) {
				if svc, ok := ev.Service(); !ok || svc.ID != "PSVC9" || len(svc.Teams) != 1 {
					t.Fatalf("Data = %#v, want *Service", ev.Data)
				}
			},
		},
		{
			"an unknown type", `{"type":"incident_note_v2","incident":"PINC9","content":{"markdown":"**hi**"}}`,
			func(t *testing.T, ev *Event) {
				if ev.Data != nil {
					t.Fatalf("Data = %#v, want nil", ev.Data)
				}
				if !strings.Contains(string(ev.RawData), "**hi**") {
					t.Fatalf("RawData = %s", ev.RawData)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"event":{"id":"1","event_type":"incident.annotated","resource_type":"incident","occurred_at":"2025-03-14T09:41:07Z","data":` + tt.data + `}}`
			ev, err := DecodeEvent([]byte(body))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, ev)
		})
	}
}

func TestUnmarshalEventObject(t *testing.T) {
	// A queue may hold the event object without its envelope.
	var wrapped struct {
		Event json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(readTestdata(t, "incident_responder_replied.json"), &wrapped); err != nil {
		t.Fatal(err)
	}
	var ev Event
	if err := json.Unmarshal(wrapped.Event, &ev); err != nil {
		t.Fatal(err)
	}
	if r, ok := ev.Responder(); !ok || r.State != "joined" {
		t.Fatalf("Data = %#v", ev.Data)
	}
	var bad Event
	if err := json.Unmarshal([]byte(`{"id":"1"}`), &bad); !errors.Is(err, ErrMalformedPayload) {
		t.Fatalf("error = %v, want ErrMalformedPayload", err)
	}
}
