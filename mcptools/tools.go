package mcptools

// allTools returns every tool the package defines; New computes their
// definitions once.
func allTools() []serverTool {
	return []serverTool{
		listIncidents,
		getIncidentTool,
		getCurrentUser,
	}
}
