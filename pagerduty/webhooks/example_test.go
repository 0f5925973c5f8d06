package webhooks_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/pdkit/pdkit/pagerduty/webhooks"
)

const examplePayload = `{"event":{"id":"01EXAMPLE","event_type":"incident.triggered","resource_type":"incident",` +
	`"occurred_at":"2025-03-14T09:26:53.589Z","agent":null,"client":null,"data":{"id":"PXE4MPL","type":"incident",` +
	`"number":42,"status":"triggered","created_at":"2025-03-14T09:26:53Z","title":"Disk full on db-1",` +
	`"service":{"id":"PSVC001","type":"service_reference","summary":"Orders DB"},"urgency":"high"}}}`

// Verify a delivery in any HTTP handler, then decode it. The body stays
// readable after Verify.
func ExampleVerify() {
	secret := "the subscription's signing secret"

	// What PagerDuty would send.
	req := httptest.NewRequest(http.MethodPost, "/pagerduty", strings.NewReader(examplePayload))
	req.Header.Set(webhooks.SignatureHeader, webhooks.Sign([]byte(examplePayload), secret))

	if err := webhooks.Verify(req, secret); err != nil {
		fmt.Println("rejected:", err)
		return
	}
	body, _ := io.ReadAll(req.Body)
	ev, err := webhooks.DecodeEvent(body)
	if err != nil {
		fmt.Println("bad payload:", err)
		return
	}
	if inc, ok := ev.Incident(); ok && inc.Service != nil {
		fmt.Printf("%s: #%d %s (%s)\n", ev.EventType, inc.Number, inc.Title, inc.Service.Summary)
	}

	// The same request signed with another secret is refused.
	req = httptest.NewRequest(http.MethodPost, "/pagerduty", strings.NewReader(examplePayload))
	req.Header.Set(webhooks.SignatureHeader, webhooks.Sign([]byte(examplePayload), "a guess"))
	fmt.Println(webhooks.Verify(req, secret))
	// Output:
	// incident.triggered: #42 Disk full on db-1 (Orders DB)
	// webhooks: no signature matches the body: 1 v1 signature(s) checked against 1 secret(s)
}

// Receive webhooks with NewHandler and route them by event type with a Mux.
func ExampleNewHandler() {
	secret := "the subscription's signing secret"

	mux := new(webhooks.Mux)
	mux.Handle(webhooks.IncidentTriggered, func(ctx context.Context, ev *webhooks.Event) error {
		inc, ok := ev.Incident()
		if !ok {
			return nil // not incident data: nothing to page for
		}
		d, _ := webhooks.DeliveryFromContext(ctx)
		fmt.Printf("page for #%d %q (webhook %s)\n", inc.Number, inc.Title, d.WebhookID)
		return nil
	})
	h := webhooks.NewHandler(mux.HandleEvent,
		webhooks.WithSecrets(secret),
		webhooks.WithLogger(slog.New(slog.DiscardHandler)))

	srv := httptest.NewServer(h)
	defer srv.Close()

	post := func(signature string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(examplePayload))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(webhooks.WebhookIDHeader, "wh-7f3a")
		req.Header.Set(webhooks.SignatureHeader, signature)
		resp, err := srv.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.Status)
	}
	post(webhooks.Sign([]byte(examplePayload), secret))
	post(webhooks.Sign([]byte(examplePayload), "forged"))
	// Output:
	// page for #42 "Disk full on db-1" (webhook wh-7f3a)
	// 204 No Content
	// 401 Unauthorized
}

// A type switch on Event.Data reads any event; unknown types keep their raw
// data.
func ExampleEvent_Data() {
	payloads := []string{
		examplePayload,
		`{"event":{"id":"2","event_type":"incident.annotated","resource_type":"incident","occurred_at":"2025-03-14T09:41:07Z",` +
			`"data":{"type":"incident_note","id":"PNOTE01","content":"Rolled back.","incident":{"id":"PXE4MPL","type":"incident_reference"}}}}`,
		`{"event":{"id":"3","event_type":"incident.task.created","resource_type":"incident","occurred_at":"2025-03-14T09:50:13Z",` +
			`"data":{"type":"incident_task","name":"Notify customers","incident":{"id":"PXE4MPL","type":"incident_reference"}}}}`,
	}
	for _, p := range payloads {
		ev, err := webhooks.DecodeEvent([]byte(p))
		if err != nil {
			fmt.Println(err)
			continue
		}
		switch d := ev.Data.(type) {
		case *webhooks.Incident:
			fmt.Println("incident", d.ID, d.Status)
		case *webhooks.IncidentNote:
			fmt.Println("note on", d.Incident.ID+":", d.Content)
		default:
			fmt.Printf("%s on %s: %s\n", ev.EventType, ev.IncidentID(), ev.RawData)
		}
	}
	// Output:
	// incident PXE4MPL triggered
	// note on PXE4MPL: Rolled back.
	// incident.task.created on PXE4MPL: {"type":"incident_task","name":"Notify customers","incident":{"id":"PXE4MPL","type":"incident_reference"}}
}

// A consumer that takes deliveries from a queue checks the body and the
// header it stored with them.
func ExampleVerifier_VerifyPayload() {
	v := webhooks.Verifier{
		Secrets:      []string{"old secret", "new secret"}, // mid-rotation
		MaxBodyBytes: 256 << 10,
	}
	body := []byte(examplePayload)
	header := webhooks.Sign(body, "new secret")

	fmt.Println(v.VerifyPayload(body, header))
	err := v.VerifyPayload(body, "v1=not-hex")
	fmt.Println(errors.Is(err, webhooks.ErrMalformedSignature))
	// Output:
	// <nil>
	// true
}
