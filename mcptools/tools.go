package mcptools

// allTools returns every tool the package defines; New computes their
// definitions once.
func allTools() []serverTool {
	return []serverTool{
		// incidents
		listIncidents,
		getIncidentTool,
		// on-call
		listOnCalls,
		// users
		getCurrentUser,
		listUsers,
		getUser,
		// teams
		listTeams,
		getTeam,
		// escalation policies
		listEscalationPolicies,
		getEscalationPolicy,
		// maintenance windows
		listMaintenanceWindows,
		createMaintenanceWindow,
		deleteMaintenanceWindow,
	}
}
