// Package mcptools gives AI agents PagerDuty as Model Context Protocol
// tools that any Go host mounts on an [mcp.Server] of the official Go SDK
// (github.com/modelcontextprotocol/go-sdk).
//
// # Mounting
//
// Build a [Registry] once, from a PagerDuty client, and mount the tools a
// [Filter] chooses on any server (stdio, streamable HTTP, in-process):
//
//	reg, err := mcptools.New(client, nil)
//	...
//	server := mcp.NewServer(&mcp.Implementation{Name: "pagerduty"}, nil)
//	names, err := reg.Register(server, mcptools.Filter{})
//
// The zero Filter mounts the read-only tools of the default toolsets
// (incidents, on-call, schedules, services, teams, users, escalation
// policies, priorities, maintenance windows). Toolsets, Tools and
// ExcludeTools narrow or widen the choice; EnableWrites adds the tools that
// change PagerDuty, and ReadOnly forces them off whatever else says so. An
// unknown toolset or tool name is an error that lists the known ones.
//
// A server shared by several people gives each caller their own
// credential: [NewPerRequest] takes a [ClientFunc] that returns the client
// of each call, built from the caller's token that the HTTP layer put in
// the context or that [CallRequest] finds in the MCP request.
// [Options.MaxWritesPerSession] caps the writes of one session.
//
// # Confirmation
//
// Destructive tools (deleting, removing a user or a team member, resolving
// many incidents at once, overwriting settings) ask the user before they
// change anything, through MCP elicitation, when the client can ask: the
// user sees the tool and the arguments of the call and answers yes or no;
// on no, nothing is sent to PagerDuty and the model is told so. Both ways
// of asking are served: the answer coming back with the retried call
// (protocol 2026-07-28 and later, which suits stateless servers too) and a
// question the server sends the client (earlier protocols). Only an answer
// to a question this registry asked, for the same arguments and within ten
// minutes, confirms a call. [Options.Confirmation] chooses: ask when the
// client can (the default), always (refuse when it cannot), or never.
//
// # Tools
//
// Read tools (mounted by default unless their toolset is off by default):
//
//   - incidents: list_incidents, get_incident (with notes, timeline, alerts),
//     find_related_incidents (PagerDuty's related and past incidents)
//   - oncall: list_oncalls
//   - schedules: list_schedules, get_schedule (shifts, hours per person,
//     gaps), list_schedule_overrides
//   - services: list_services, get_service, list_vendors
//   - teams: list_teams, get_team
//   - users: get_current_user, list_users, get_user, list_notification_rules
//   - escalation_policies: list_escalation_policies, get_escalation_policy
//   - priorities: list_priorities
//   - maintenance_windows: list_maintenance_windows
//   - analytics (off by default): get_incident_metrics, get_oncall_hours
//   - computed reports (analytics toolset, off by default; each states its
//     method): get_response_stats, get_sla_compliance,
//     get_escalation_effectiveness, get_alert_noise, get_incident_cost,
//     get_service_reliability, get_executive_report (Markdown),
//     export_oncall_payroll (CSV); and, in the schedules toolset,
//     find_coverage_gaps
//   - orchestrations (off by default): list_event_orchestrations,
//     get_orchestration_rules
//   - automation (off by default): list_incident_workflows,
//     list_automation_actions, get_automation_invocations
//   - status_pages (off by default): list_status_pages
//   - webhooks (off by default): list_webhook_subscriptions
//
// Write tools (only with EnableWrites):
//
//   - incidents: create_incident, manage_incidents (acknowledge, resolve,
//     reassign, escalate, urgency, priority; in bulk), add_incident_note,
//     add_responders, merge_incidents, snooze_incident, add_follow_up_tasks
//   - schedules: create_schedule, create_schedule_override (or cover a
//     user's shifts),
//     delete_schedule_overrides
//   - services: update_service, create_service_integration,
//     configure_alert_grouping
//   - escalation_policies: update_escalation_rule_delay
//   - teams: create_team, add_team_member, remove_team_member,
//     add_team_escalation_policy, remove_team_escalation_policy
//   - users: create_user, add_contact_method, update_contact_method,
//     remove_contact_method, set_notification_rule (on an existing contact
//     method, or change one), remove_notification_rule, remove_user (checks
//     what they leave behind first)
//   - maintenance_windows: create_maintenance_window,
//     delete_maintenance_window
//   - events (off by default): send_event, send_change_event
//   - orchestrations (off by default): create_event_orchestration,
//     add_orchestration_route, add_orchestration_rule, map_alert_severity
//   - automation (off by default): start_incident_workflow,
//     add_workflow_trigger, invoke_automation_action
//   - status_pages (off by default): create_status_page_post,
//     add_status_page_update
//   - webhooks (off by default): create_webhook_subscription,
//     test_webhook_subscription
//
// # What the tools promise
//
// Every tool is a Go input struct, an output struct and a handler. The
// input's JSON Schema is derived from the struct's tags when the registry
// is built, once, and is flat: an object of scalars and arrays of scalars,
// with no combinators, that refuses unknown arguments; every client can
// render it. Arguments are checked against it before the handler runs, and
// the handlers check what a schema cannot (dates, IDs, cursors). A bad
// argument is a tool error (IsError) that names the argument and what it
// accepts, and it sends no request to PagerDuty.
//
// Answers are small: trimmed models with what a responder acts on (IDs,
// numbers, titles, status, urgency, priority, service, assignees, times,
// links) as structured content, and a short text with one line per item.
// Lists take a limit (default 25, at most 100) and return has_more and an
// opaque next_cursor that reads the next page of the same query; a cursor
// passed with other filters is refused.
//
// Names work where people use them: "database team", "web", "me", "P1",
// an email. A name is looked up through the API (an exact name first, then
// the only name that contains the text); a name that matches several
// objects is a tool error that lists them with their IDs. Incidents are
// named by ID or number ("1234", "#1234", "INC-1234").
//
// PagerDuty's refusals become tool errors with the API's message and the
// next step (404: check the ID or find it with a list tool; 401: the
// token; 403: permissions or scopes; 429: when to retry). Credentials never
// appear in an answer or a log line. Long calls report progress when the
// client sends a progress token, and end when the call is cancelled.
//
// # Tool snapshots
//
// The definition of every tool (name, title, description, schema,
// annotations) is kept in __toolsnaps__/<tool>.snap and compared by the
// tests, so that a change of what models see is reviewed. After an
// intended change, update the snapshots and review the diff:
//
//	UPDATE_TOOLSNAPS=1 go test ./mcptools/...
package mcptools
