// Package pdtest is an in-memory PagerDuty: the REST API v2 and the Events
// API v2 served from memory, for tests, demos and benchmarks that need no
// account and never touch the network.
//
// Start a server and point any PagerDuty client at it:
//
//	s := pdtest.NewServer()
//	defer s.Close()
//	// REST:   s.URL            with "Authorization: Token token=" + s.Token()
//	// Events: s.URL + "/v2/enqueue" with a routing key of a service integration
//
// By default the server holds a demo account (see [DemoDataset]): four
// teams, twenty users with contact methods and notification rules,
// weekly and daily on-call schedules with overrides, escalation policies,
// services with Events API integrations, priorities P1 to P5 and four weeks
// of incidents with their log entries, notes and alerts, a few of them
// still open. [WithData] starts from your own [Dataset] instead, and
// [WithEmptyAccount] from nothing. With [WithSeed] and [WithNow] the
// account, the identifiers it hands out and every answer are the same from
// run to run; [Handler.Data] returns a copy of the account so that a test
// can compute the answer it expects.
//
// The server speaks the API's wire format: the JSON shapes of PagerDuty's
// OpenAPI description, its error bodies and codes (2001 invalid input,
// 2002 arguments error, 2006 authentication, 2010 access denied to a
// read-only token ([WithReadOnlyToken]), 2100 not found, ...), offset
// pagination with limit, offset, more and total, and the 10,000 ceiling on
// offset+limit; cursor pagination (cursor, next_cursor) on the audit
// trail; the filters and include[] expansions of the endpoints it covers;
// the From header that incident writes require. Incidents follow
// their lifecycle: a trigger assigns whoever is on call at the first level
// of the escalation policy, and acknowledging, reassigning, escalating,
// snoozing, merging and resolving write the log entries the API writes.
// On-calls are derived from the escalation policies and the rendered
// schedules (layers, restrictions, overrides). Analytics are computed from
// the incidents' logs.
//
// [Faults] make it misbehave on purpose: latency, a token bucket rate limit
// answered with 429 and the ratelimit headers, server errors every Nth
// request or at random (from the seeded source), dropped connections and
// slow bodies. [Handler.Stats] counts what was served and
// [Handler.Requests] lists the requests received.
//
// [NewHandler] gives the same server as a [net/http.Handler], to mount in
// a process without a listener.
//
// What it covers: abilities; users (with contact methods and notification
// rules) and /users/me; teams and their members and policies; services,
// their integrations and their custom field values (a field is defined, and
// typed, by the first value set under its name); escalation policies;
// schedules (written, and rendered over a window), their users on call and
// overrides; on-calls; priorities; incidents (list, get by ID or number,
// create, update one or many, merge, snooze, notes, alerts, log entries,
// responder requests, past, related and outlier incidents) and the global log
// entries; change events (all, per service, related to an incident, and
// sent to the REST API's POST /change_events); maintenance windows; the
// audit trail; the incident analytics (metrics for all, per service and per
// team, and raw incidents); and the Events API v2 (trigger, acknowledge,
// resolve with deduplication, and change events). Other paths answer 404.
package pdtest
