package mcptools

// Toolset names an area of PagerDuty whose tools are mounted together.
type Toolset string

// The toolsets. A toolset may hold no tools yet: naming it is not an error,
// and it fills as the project grows.
const (
	ToolsetIncidents          Toolset = "incidents"
	ToolsetOnCall             Toolset = "oncall"
	ToolsetSchedules          Toolset = "schedules"
	ToolsetServices           Toolset = "services"
	ToolsetTeams              Toolset = "teams"
	ToolsetUsers              Toolset = "users"
	ToolsetEscalationPolicies Toolset = "escalation_policies"
	ToolsetPriorities         Toolset = "priorities"
	ToolsetMaintenanceWindows Toolset = "maintenance_windows"
	ToolsetAnalytics          Toolset = "analytics"
	ToolsetEvents             Toolset = "events"
	ToolsetOrchestrations     Toolset = "orchestrations"
	ToolsetAutomation         Toolset = "automation"
	ToolsetStatusPages        Toolset = "status_pages"
	ToolsetWebhooks           Toolset = "webhooks"
)

// AllToolsets is the name a Filter uses to ask for every toolset.
const AllToolsets = "all"

// toolsetInfo describes a toolset for listings and error messages.
type toolsetInfo struct {
	name        Toolset
	description string
	byDefault   bool
}

var toolsets = []toolsetInfo{
	{ToolsetIncidents, "Incidents: list, inspect, create and manage them, their notes, alerts and timeline", true},
	{ToolsetOnCall, "Who is on call, for a team, service, schedule, escalation policy or user", true},
	{ToolsetSchedules, "On-call schedules and their overrides", true},
	{ToolsetServices, "Services and their settings", true},
	{ToolsetTeams, "Teams and their members", true},
	{ToolsetUsers, "Users, including the caller (me)", true},
	{ToolsetEscalationPolicies, "Escalation policies and their rules", true},
	{ToolsetPriorities, "The account's incident priorities (P1, P2, ...)", true},
	{ToolsetMaintenanceWindows, "Maintenance windows that silence services", true},
	{ToolsetAnalytics, "Incident and responder metrics", false},
	{ToolsetEvents, "Events API v2: alerts and change events", false},
	{ToolsetOrchestrations, "Event orchestrations and their rules", false},
	{ToolsetAutomation, "Automation actions and incident workflows", false},
	{ToolsetStatusPages, "Status pages and their posts", false},
	{ToolsetWebhooks, "Webhook subscriptions", false},
}

// ToolsetNames returns the names of every toolset, in a stable order.
func ToolsetNames() []string {
	out := make([]string, len(toolsets))
	for i, t := range toolsets {
		out[i] = string(t.name)
	}
	return out
}

// DefaultToolsets returns the toolsets a Filter with no Toolsets mounts: the
// ones a responder needs every day.
func DefaultToolsets() []string {
	var out []string
	for _, t := range toolsets {
		if t.byDefault {
			out = append(out, string(t.name))
		}
	}
	return out
}

func knownToolset(name string) bool {
	for _, t := range toolsets {
		if string(t.name) == name {
			return true
		}
	}
	return false
}
