package mcptools

// allTools returns every tool the package defines; New computes their
// definitions once.
func allTools() []serverTool {
	return []serverTool{
		// incidents
		listIncidents,
		getIncidentTool,
		createIncident,
		manageIncidents,
		addIncidentNote,
		addResponders,
		mergeIncidents,
		snoozeIncident,
		findRelatedIncidents,
		// on-call
		listOnCalls,
		// schedules
		listSchedules,
		getSchedule,
		listScheduleOverrides,
		createSchedule,
		createScheduleOverride,
		deleteScheduleOverrides,
		// users
		getCurrentUser,
		listUsers,
		getUser,
		addContactMethod,
		createUser,
		removeUser,
		updateContactMethod,
		removeContactMethod,
		listNotificationRules,
		setNotificationRule,
		removeNotificationRule,
		// services and priorities
		listServices,
		getService,
		listPriorities,
		updateService,
		// teams
		listTeams,
		getTeam,
		createTeam,
		addTeamMember,
		removeTeamMember,
		addTeamEscalationPolicy,
		removeTeamEscalationPolicy,
		// escalation policies
		listEscalationPolicies,
		getEscalationPolicy,
		// analytics
		getIncidentMetrics,
		getOnCallHours,
		// events
		sendEvent,
		sendChangeEvent,
		// maintenance windows
		listMaintenanceWindows,
		createMaintenanceWindow,
		deleteMaintenanceWindow,
		// event orchestrations
		listEventOrchestrations,
		getOrchestrationRules,
		createEventOrchestration,
		addOrchestrationRoute,
		addOrchestrationRule,
		mapAlertSeverity,
		// computed reports
		findCoverageGaps,
		exportOnCallPayroll,
		getResponseStats,
		getSLACompliance,
		getEscalationEffectiveness,
		getAlertNoise,
		getIncidentCost,
		getServiceReliability,
		getExecutiveReport,
		// automation and workflows
		listIncidentWorkflows,
		startIncidentWorkflow,
		addWorkflowTrigger,
		listAutomationActions,
		invokeAutomationAction,
		getAutomationInvocations,
		// status pages
		listStatusPages,
		createStatusPagePost,
		addStatusPageUpdate,
		// webhooks
		listWebhookSubscriptions,
		createWebhookSubscription,
		testWebhookSubscription,
		// integrations and alert grouping
		listVendors,
		createServiceIntegration,
		configureAlertGrouping,
		// follow-ups and escalation delays
		addFollowUpTasks,
		updateEscalationRuleDelay,
	}
}
