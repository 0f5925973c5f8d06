package pagerduty

// ChangeEventsService reads and sends change events: deploys, configuration
// changes and other changes that may explain an incident.
type ChangeEventsService service
