// Package insights computes the reports PagerDuty has no endpoint for,
// from the lists the pagerduty package reads: on-call hours and balance,
// coverage gaps, payroll exports, response statistics (MTTA, MTTR), SLA
// compliance, escalation effectiveness, alert noise, incident cost,
// service reliability scores, and an executive report in Markdown.
//
// Every function is pure: it takes slices and options and returns a
// result, with no network, no clock and no shared state, so the same input
// always gives the same answer. The arithmetic is meant to be checked:
// each result carries a Method text that states how it was computed (in
// words a reader, or a model relaying the result, can repeat), and a
// DataUsed that says which window it covers, how many records came in,
// how many counted, and whether the caller stopped listing early
// (Truncated).
//
// # Reports
//
//   - OnCallHours: hours on call per person over a window, with night and
//     weekend hours and shift counts, and the balance (mean, standard
//     deviation, spread, each person's deviation from the mean).
//   - CoverageGaps: the times nobody is on call in a schedule, or in an
//     escalation policy (any level counts), with each level's own gaps.
//   - Payroll: shifts per person as rows (split at local midnight if
//     asked) with totals; PayrollReport.WriteCSV writes them as CSV.
//   - ResponseStats: MTTA and MTTR with median, 90th and 95th percentiles,
//     overall, per service, per team and per day, week or month.
//   - SLA: compliance with acknowledge and resolve targets given as input,
//     by priority or urgency, and every breach with its overrun.
//   - Escalations: the share acknowledged at the first level, escalation
//     counts, and the time to acknowledge after an escalation.
//   - AlertNoise: alerts per incident, auto-resolved, unacknowledged and
//     flapping incidents, low-urgency share, per service.
//   - CostImpact: responder-hours times an hourly cost, per service.
//   - Reliability: a 0-100 score per service from a stated formula, with
//     its inputs.
//   - ExecutiveReport: all of the above for a window, as Markdown.
//
// # Inputs
//
// The computations read small types of their own: Shift (a user on call
// from Start to End, with an escalation level), Incident (creation, first
// acknowledgement and resolution times, service, team, urgency, alerts,
// responders) and LogEvent (a trigger, escalate, acknowledge or resolve
// entry of an incident's timeline). Build them by hand, or from the
// pagerduty package's models:
//
//   - ShiftsFromOnCalls and ShiftsFromSchedule: on-call entries, or a
//     schedule's final (rendered) schedule;
//   - IncidentsFromPagerDuty: incidents plus their log entries (PagerDuty
//     forgets acknowledgements once an incident is resolved; the log keeps
//     them);
//   - IncidentsFromAnalytics: raw analytics incident records;
//   - EventsFromLogEntries and UsersFromPagerDuty.
//
// # Time
//
// Hours are elapsed time: a shift across a daylight-saving change counts
// the 23 or 25 hours it really lasted. Night and weekend hours, payroll
// days and trend periods follow the wall clock of an IANA time zone (each
// user's own, or one given), day by day, so they stay exact across those
// changes too. Windows are half-open: [Start, End).
//
// # Statistics
//
// Percentiles interpolate linearly between the nearest ranks (the NumPy
// default; see PercentileMethod), and the median is the 50th percentile.
// Standard deviations are population ones. Errors for bad input wrap
// ErrInvalidInput and say what was wrong and what is accepted.
package insights
