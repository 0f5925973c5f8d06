package pagerduty

// OnCallsService lists on-call entries: who is on call, from when until
// when, for which escalation policy and level, through which schedule.
type OnCallsService service
