// Package events sends alerts and change events to PagerDuty through the
// Events API v2: the API monitoring tools use to report problems, and deploy
// pipelines use to record changes.
//
// # Alerts
//
// A trigger opens an alert (and, depending on the service, an incident); an
// acknowledge or a resolve with the same dedup key acts on it later:
//
//	c, err := events.NewClient(events.WithRoutingKey(os.Getenv("PAGERDUTY_ROUTING_KEY")))
//	if err != nil { ... }
//	resp, err := c.Send(ctx, events.Event{
//		Action: events.Trigger,
//		Payload: events.Payload{
//			Summary:  "Disk 95% full on db-1",
//			Source:   "db-1.example.com",
//			Severity: events.Critical,
//		},
//	})
//	// resp.DedupKey names the alert, also when PagerDuty made the key.
//	_, err = c.Resolve(ctx, resp.DedupKey)
//
// # Change events
//
// A change event records a deploy or another change next to the incidents of
// a service, without notifying anyone:
//
//	_, err = c.SendChange(ctx, events.ChangeEvent{
//		Summary: "Deployed billing v2.3.1",
//		Source:  "ci",
//		Links:   []events.Link{{Href: "https://ci.example.com/builds/812", Text: "Build 812"}},
//	})
//
// # Validation
//
// Every event is checked before it is sent against the rules of the API: a
// routing key, a known action and severity, a summary of at most 1,024
// characters, a dedup key of at most 255 characters (required to acknowledge
// or resolve), absolute link URLs, https image URLs, custom details that are a
// JSON object, at most 512 KiB in all. A failed check returns a
// *[ValidationError] that names the field, says what was wrong and what is
// accepted, and nothing is sent.
//
// # Errors, retries and rate limits
//
// An event PagerDuty refuses comes back as a *[pagerduty.APIError], the same
// type the REST client uses, so one errors.As serves both:
//
//	var apiErr *pagerduty.APIError
//	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest { ... }
//
// A 400 means the event is malformed: its Message and Errors say why, and
// sending it again will not help. A 429 means the routing key (the
// integration) is receiving more events than PagerDuty accepts from it right
// now; other keys are not affected.
//
// PagerDuty deduplicates events by dedup key, so sending one twice is
// harmless and the client retries 429 and 5xx answers and transient network
// failures with exponential backoff (see [WithRetry]). Each routing key is
// paced on the client side as well (120 events a minute with bursts of 20 by
// default, see [WithRateLimit]), and a 429 holds back the events of its key
// for the wait PagerDuty asked for.
//
// # Bursts
//
// [Client.SendAll] sends many events concurrently, with bounded concurrency
// and per-key pacing, and returns one [Result] per event in input order.
//
// # Secrets
//
// A routing key lets anyone open incidents on the service, so [RoutingKey]
// never prints: fmt, log/slog and encoding/json show it redacted, and no
// error or log line of this package contains it.
package events
