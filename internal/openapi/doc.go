// Package openapi checks HTTP requests against PagerDuty's published OpenAPI
// descriptions (REST API v2 and Events API v2), so the project can prove that
// what its client sends is what PagerDuty documents.
//
// [Load] reads a description and indexes its operations by method and path
// template. [Spec.Match] finds the operation that answers a concrete request
// such as POST /incidents/PABC123/notes (createIncidentNote, tag Incidents),
// preferring literal segments over parameters, so GET /users/me is not taken
// for GET /users/{id}. [Spec.Check] then reports every [Violation]:
//
//   - an unknown operation, or a path known only for other methods;
//   - path parameters, and query parameters that are undeclared (PagerDuty's
//     []-named parameters such as statuses[] and include[] included, with a
//     hint when the brackets are missing), missing, repeated, of the wrong
//     type or outside their enum;
//   - required headers that are missing or wrong: From on the writes that
//     need it, Accept, Content-Type, and the credential;
//   - the JSON body, validated against the operation's schema.
//
// The body validator covers what the descriptions use: type, nullable, enum,
// properties, required, additionalProperties, items, allOf, oneOf, anyOf,
// $ref within the file, length, item count and bounds, uniqueItems and a
// loose date-time format. It is strict about objects: a property no schema
// declares is reported, because PagerDuty silently ignores misspelt fields,
// unless the operation's own request examples use it (some examples document
// fields their schemas omit).
//
// Where the description is known to be wrong about a body the API takes,
// [Exceptions] lists the operation explicitly, with the reason, and Check
// follows the listed rule for that operation alone: POST /change_events takes
// the Events API's change event though no body is declared
// ([UndeclaredBody]; the conformance test checks it against the Events
// description with [Spec.CheckBody]), and the service custom field values
// take {"value": "x"} as the operation's examples do, though its schema wraps
// each value twice ([ExampleShaped]). Every other operation is held to its
// schema.
//
// [Spec.Operations] and [Spec.OperationsByTag] list the operations for
// coverage reports; an operation listed under several tags appears in each.
//
// The descriptions are not part of the repository. [Find] locates the REST
// one through the PAGERDUTY_OPENAPI environment variable, or at
// ../shared/pagerduty-api/rest-v2.openapi.json beside the module, and
// [FindEvents] the Events one next to it; both return "" when the file is
// absent, so tests skip with a clear message instead of failing.
//
// The conformance test of this package walks every cassette under cassettes/
// and checks each recorded request; with PRISM_URL set it also replays them
// to a running Prism mock and fails on the violations Prism reports.
package openapi
