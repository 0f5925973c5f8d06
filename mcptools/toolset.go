package mcptools

// Toolset names an area of PagerDuty whose tools are mounted together.
type Toolset string

// The toolsets. A toolset may hold no tools yet: naming it is not an error,
// and it fills as the project grows.
const (
	Incidents          Toolset = "incidents"
	OnCall             Toolset = "oncall"
	Schedules          Toolset = "schedules"
	Services           Toolset = "services"
	Teams              Toolset = "teams"
	Users              Toolset = "users"
	EscalationPolicies Toolset = "escalation_policies"
	Priorities         Toolset = "priorities"
	MaintenanceWindows Toolset = "maintenance_windows"
	Analytics          Toolset = "analytics"
	Events             Toolset = "events"
	Orchestrations     Toolset = "orchestrations"
	Automation         Toolset = "automation"
	StatusPages        Toolset = "status_pages"
	Webhooks           Toolset = "webhooks"
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
	{Incidents, "Incidents: list, inspect, create and manage them, their notes, alerts and timeline", true},
	{OnCall, "Who is on call, for a team, service, schedule, escalation policy or user", true},
	{Schedules, "On-call schedules and their overrides", true},
	{Services, "Services and their settings", true},
	{Teams, "Teams and their members", true},
	{Users, "Users, including the caller (me)", true},
	{EscalationPolicies, "Escalation policies and their rules", true},
	{Priorities, "The account's incident priorities (P1, P2, ...)", true},
	{MaintenanceWindows, "Maintenance windows that silence services", false},
	{Analytics, "Incident and responder metrics", false},
	{Events, "Events API v2: alerts and change events", false},
	{Orchestrations, "Event orchestrations and their rules", false},
	{Automation, "Automation actions and incident workflows", false},
	{StatusPages, "Status pages and their posts", false},
	{Webhooks, "Webhook subscriptions", false},
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
