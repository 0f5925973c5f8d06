// Package pagerduty is a typed client for the PagerDuty REST API v2.
//
// # Getting started
//
//	c, err := pagerduty.NewClient(pagerduty.WithToken(os.Getenv("PAGERDUTY_API_TOKEN")))
//	if err != nil {
//		return err
//	}
//	for inc, err := range c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{
//		Statuses: []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged},
//	}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(inc.Number, inc.Title)
//	}
//
// One Client serves a whole program: it is safe for concurrent use, and its
// connections, rate limiter and retry pause are shared by every goroutine.
// Each area of the API is a service reached through a field of the Client
// (c.Incidents, c.Users, c.Schedules, ...). Methods take a context first.
//
// # Credentials and regions
//
// [WithToken] takes a REST API key (account or user). [WithTokenSource]
// takes any OAuth 2.0 token source; [ClientCredentials] makes one for
// PagerDuty's scoped OAuth client-credentials flow, refreshing tokens as they
// expire. [WithRegion] selects the EU service region; [WithBaseURL] points
// the client at anything else (a proxy, a mock, the in-memory PagerDuty of
// package pdtest). Credentials never appear in errors or logs.
//
// # Lists
//
// List methods return an [iter.Seq2] that fetches pages as the loop asks for
// them: memory holds one page, and breaking out of the loop stops fetching.
// The API refuses to page past 10,000 items; time-windowed lists (incidents,
// log entries) read past that by moving their since/until window, without
// duplicates or gaps. ListPage methods return one [Page] with its metadata
// for callers that page themselves.
//
// # Retries and rate limits
//
// Requests are retried on 429, on 5xx answers other than 501 (for idempotent
// requests) and on transient connection failures, with exponential backoff and
// jitter, honouring the waits the API asks for; see [RetryPolicy]. A write
// that may already have been applied is not sent twice: it fails with an
// [*UnknownOutcomeError]. A client-side limiter keeps a busy program under
// PagerDuty's 960 requests a minute ([RateLimit]); after a 429 every
// goroutine of the client waits for the reset.
//
// # Errors
//
// An answer with status 400 or more is an [*APIError] with the status,
// PagerDuty's error code, message and details, and the request's method and
// path. [IsNotFound], [IsUnauthorized], [IsForbidden] and [IsRateLimited]
// answer the common questions; transport errors are wrapped, so
// errors.Is(err, context.Canceled) works. IDs are validated before any
// request ([ValidateID]): an ID from a caller can never reach another path.
//
// # Areas
//
// Each field of the Client serves one area of the API:
//
//   - Incidents and response: Incidents (notes, alerts, responders, status
//     updates, snoozes, bulk changes), LogEntries, Priorities, ChangeEvents,
//     PausedIncidentReports, IncidentTypes, IncidentCustomFields,
//     IncidentWorkflows.
//   - People and on-call: Users, Teams, EscalationPolicies, Schedules,
//     SchedulesV3, OnCalls, MaintenanceWindows, Abilities.
//   - Services: Services, BusinessServices, ServiceDependencies,
//     ServiceCustomFields, Extensions, ExtensionSchemas, Addons, Vendors,
//     Tags, Standards.
//   - Event routing: EventOrchestrations, Rulesets, AlertGroupingSettings,
//     Enrichment, WorkflowIntegrations, Recommendations.
//   - Automation: AutomationActions (actions, runners, invocations).
//   - Communication: StatusPages, StatusDashboards, Templates,
//     Notifications, WebhookSubscriptions.
//   - Reporting and account: Analytics, Audit, Licenses, SREAgent,
//     OAuthDelegations, IPAllowLists, SessionConfigurations.
//
// # Coverage
//
// [Operations] lists every API operation the client calls, by the
// operationId of PagerDuty's OpenAPI description, with the Client method
// that calls it: use it to find the method for an operation you know from
// PagerDuty's reference, or to see what the client covers.
package pagerduty
