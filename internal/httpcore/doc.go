// Package httpcore is the HTTP stack shared by the REST client (package
// pagerduty) and the Events API client (package pagerduty/events): the retry
// policy, the backoff, the reading of PagerDuty's rate-limit headers, request
// logging that never shows a credential, and the default User-Agent.
//
// It sits on go-retryablehttp. What it adds to that library is a policy that
// knows which requests may be sent twice: a request that may already have been
// applied (a POST whose body was sent before the connection failed) is not
// retried unless the caller marked it safe, and is reported as an
// [UnknownOutcomeError] instead.
package httpcore
