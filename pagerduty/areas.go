package pagerduty

// AddonsService reads and changes add-ons: custom pages embedded in the PagerDuty web app.
type AddonsService service

// AlertGroupingSettingsService reads and changes alert grouping settings: how alerts of services are grouped into incidents.
type AlertGroupingSettingsService service

// AnalyticsService reads aggregated metrics and raw data about incidents, services, teams, escalation policies, responders and users.
type AnalyticsService service

// AuditService reads the account's audit trail.
type AuditService service

// AutomationActionsService reads and changes automation actions, their runners, and invokes them.
type AutomationActionsService service

// BusinessServicesService reads and changes business services, their subscribers, priority thresholds and impacts.
type BusinessServicesService service

// EnrichmentService reads and changes event enrichments, enrichment integrations (ServiceNow) and enrichment schemas.
type EnrichmentService service

// EventOrchestrationsService reads and changes event orchestrations: their global, router, service and unrouted rules, integrations and cache variables.
type EventOrchestrationsService service

// ExtensionSchemasService reads the extension schemas: the kinds of extensions (vendors' outbound integrations) the account can add.
type ExtensionSchemasService service

// ExtensionsService reads and changes extensions: outbound integrations attached to services.
type ExtensionsService service

// IPAllowListsService reads and changes the IP allow lists that restrict where the account can be reached from.
type IPAllowListsService service

// IncidentCustomFieldsService reads and changes the account's incident custom fields and their options.
type IncidentCustomFieldsService service

// IncidentTypesService reads and changes incident types and their custom fields.
type IncidentTypesService service

// IncidentWorkflowsService reads and changes incident workflows, their actions and triggers, and starts workflow instances.
type IncidentWorkflowsService service

// LicensesService reads the account's licenses and their allocation to users.
type LicensesService service

// NotificationsService reads the notifications PagerDuty sent over a window.
type NotificationsService service

// OAuthDelegationsService revokes OAuth delegations (app authorizations) and reports on revocations.
type OAuthDelegationsService service

// PausedIncidentReportsService reads reports on incidents whose notifications auto-pause held back.
type PausedIncidentReportsService service

// RecommendationsService reads, accepts and dismisses recommended event orchestration rules.
type RecommendationsService service

// RulesetsService reads and changes rulesets and their event rules (the predecessors of event orchestrations).
type RulesetsService service

// SREAgentService reads and changes the memories of PagerDuty's SRE agent.
type SREAgentService service

// ServiceCustomFieldsService reads and changes service custom fields, their options, and the values services hold.
type ServiceCustomFieldsService service

// ServiceDependenciesService reads and changes the dependencies between business and technical services.
type ServiceDependenciesService service

// SessionConfigurationsService reads and changes the account's session timeout configuration.
type SessionConfigurationsService service

// StandardsService reads the service standards and how services score against them.
type StandardsService service

// StatusDashboardsService reads status dashboards and the impacts they show.
type StatusDashboardsService service

// StatusPagesService reads and changes status pages: their posts, post updates, postmortems, impacts, severities, statuses and subscriptions.
type StatusPagesService service

// TagsService reads and changes tags and the users, teams and escalation policies they are attached to.
type TagsService service

// TemplatesService reads, changes and renders message templates (status update and notification templates).
type TemplatesService service

// VendorsService reads the vendors (monitoring tools) that integrations can be made for.
type VendorsService service

// WebhookSubscriptionsService reads and changes webhook (v3) subscriptions, and sends test pings.
type WebhookSubscriptionsService service

// WorkflowIntegrationsService reads and changes workflow integrations and their connections, used by incident workflow actions.
type WorkflowIntegrationsService service
