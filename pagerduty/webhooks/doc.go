// Package webhooks receives PagerDuty webhooks (version 3) in Go: it checks
// their signatures, decodes their events into Go types, and serves them as an
// [http.Handler].
//
// # Receiving webhooks
//
// A webhook subscription posts one event per request to your endpoint and
// signs each body with the subscription's secret. [NewHandler] does all the
// work: it accepts only POST, verifies the X-PagerDuty-Signature header,
// limits the body size, decodes the event and calls you with it.
//
//	mux := new(webhooks.Mux)
//	mux.Handle(webhooks.IncidentTriggered, func(ctx context.Context, ev *webhooks.Event) error {
//		if inc, ok := ev.Incident(); ok {
//			log.Printf("#%d %s (%s)", inc.Number, inc.Title, inc.Urgency)
//		}
//		return nil
//	})
//	h := webhooks.NewHandler(mux.HandleEvent, webhooks.WithSecrets(os.Getenv("PD_WEBHOOK_SECRET")))
//	http.Handle("POST /pagerduty/webhooks", h)
//
// Forged, altered or unsigned requests get 401 and never reach your code. An
// error from your callback becomes a 500, which PagerDuty retries; deliveries
// are at-least-once, so use [DeliveryFromContext] to drop duplicates by
// webhook ID.
//
// # Verifying by hand
//
// Receivers built on another framework call [Verify] (or a [Verifier] for a
// custom body limit) and then [DecodeEvent]. Verify leaves the request body
// readable. [Verifier.VerifyPayload] checks a body and header held elsewhere,
// such as in a queue. Every failure wraps a sentinel error ([ErrMissingSignature],
// [ErrMalformedSignature], [ErrSignatureMismatch], [ErrBodyTooLarge], ...)
// for [errors.Is].
//
// # Rotating secrets
//
// While a subscription's secret is rotated PagerDuty signs with both secrets,
// and the header carries two signatures. Give the verifier both the old and
// the new secret; one matching signature is enough. Remove the old secret once
// the rotation is over.
//
// # Events and their data
//
// An [Event] says what happened ([EventType], such as [IncidentAcknowledged]),
// when, and who did it. Its data is decoded according to its type: an
// [*Incident] for most incident events, an [*IncidentNote] for notes, an
// [*IncidentResponder] for responder requests, and so on; use a type switch on
// [Event.Data] or the accessors such as [Event.Incident]. Events of types this
// package does not know still decode: Data is nil and [Event.RawData] holds
// the data as received, so a new event type never breaks a receiver.
//
// The package depends only on the standard library.
package webhooks
