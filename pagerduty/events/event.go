package events

import "time"

// Action is what an alert event does to the alert its dedup key names.
type Action string

// The actions the Events API accepts on /v2/enqueue.
const (
	// Trigger opens an alert, or adds to the open alert with the same dedup
	// key.
	Trigger Action = "trigger"
	// Acknowledge marks the alert as being worked on, which stops its
	// notifications.
	Acknowledge Action = "acknowledge"
	// Resolve closes the alert.
	Resolve Action = "resolve"
)

// Severity is how bad the problem a trigger reports is for the affected
// system. PagerDuty uses it to decide the urgency of the incident.
type Severity string

// The severities the Events API accepts.
const (
	// Critical: the system is down or losing data; someone must act now.
	Critical Severity = "critical"
	// Error: something is broken and needs attention soon.
	Error Severity = "error"
	// Warning: something may break if nobody looks.
	Warning Severity = "warning"
	// Info: worth knowing, nothing to do.
	Info Severity = "info"
)

// Event is an alert event for POST /v2/enqueue: a trigger reporting a
// problem, or an acknowledge or resolve of the alert that a trigger opened.
//
// A trigger needs Payload.Summary, Payload.Source and Payload.Severity; it may
// leave DedupKey empty, and PagerDuty then makes one and returns it in
// [Response.DedupKey]. Acknowledge and resolve need the DedupKey of the
// alert. Payload, Client and ClientURL are sent with triggers only: PagerDuty
// ignores them on the other actions.
//
// The zero RoutingKey means the client's default (see [WithRoutingKey]).
type Event struct {
	// RoutingKey is the integration key of the Events API v2 integration
	// (or the routing key of an event orchestration) that receives the
	// event. Empty means the client's default.
	RoutingKey RoutingKey
	// Action is Trigger, Acknowledge or Resolve.
	Action Action
	// DedupKey names the alert: events with the same key act on the same
	// alert. At most 255 characters.
	DedupKey string
	// Payload describes the problem. Triggers only.
	Payload Payload
	// Client names the monitoring tool that sent the trigger, and ClientURL
	// links to it. Triggers only.
	Client    string
	ClientURL string
	// Links and Images are shown on the alert and its incident.
	Links  []Link
	Images []Image
}

// Payload is what a trigger says about the problem.
type Payload struct {
	// Summary is the alert's title: what is wrong, where. Required, at most
	// 1,024 characters.
	Summary string
	// Source is the affected system, ideally a host name or FQDN. Required.
	Source string
	// Severity is Critical, Error, Warning or Info. Required.
	Severity Severity
	// Timestamp is when the problem was detected. The zero time is not sent,
	// and PagerDuty then uses the time it received the event.
	Timestamp time.Time
	// Component is the part of the source that failed (for example "mysql"),
	// Group a logical group of components (for example "prod-datapipe"), and
	// Class the kind of problem (for example "disk").
	Component string
	Group     string
	Class     string
	// CustomDetails is any further detail worth showing on the alert. It
	// must encode to a JSON object: a map with string keys or a struct. Nil
	// means none.
	CustomDetails any
}

// ChangeEvent reports a change (a deploy, a configuration change, a feature
// flag) through POST /v2/change/enqueue. Change events never open incidents
// or notify anyone: PagerDuty shows them next to the incidents of the
// service that received them, to help explain what changed.
type ChangeEvent struct {
	// RoutingKey is the integration key that receives the event. Empty means
	// the client's default.
	RoutingKey RoutingKey
	// Summary says what changed. Required, at most 1,024 characters.
	Summary string
	// Source is where the change happened or what made it (a build agent, a
	// repository). Optional.
	Source string
	// Timestamp is when the change happened. The zero time is not sent, and
	// PagerDuty then uses the time it received the event.
	Timestamp time.Time
	// CustomDetails is any further detail (build number, commit, author). It
	// must encode to a JSON object; nil means none.
	CustomDetails any
	// Links and Images are shown with the change event.
	Links  []Link
	Images []Image
}

// Link is a link shown on an alert, an incident or a change event.
type Link struct {
	// Href is the absolute http or https URL linked to. Required.
	Href string
	// Text is what the link shows instead of its URL. Optional.
	Text string
}

// Image is an image shown on an alert, an incident or a change event.
type Image struct {
	// Src is the https URL of the image. Required; PagerDuty only shows
	// images served over HTTPS.
	Src string
	// Href makes the image a link to this absolute http or https URL.
	// Optional.
	Href string
	// Alt is the image's alternative text. Optional.
	Alt string
}

// Response is PagerDuty's answer to an event it accepted. Acceptance means
// the event was queued: PagerDuty processes it asynchronously.
type Response struct {
	// Status is "success" when the event was accepted.
	Status string
	// Message describes the outcome, such as "Event processed".
	Message string
	// DedupKey is the key of the alert the event acted on: the key sent, or
	// the one PagerDuty made for a trigger sent without one. Use it to
	// acknowledge or resolve the alert later. Change events have none.
	DedupKey string
}
