package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const serviceAnswer = `{"service": {"id": "PSVC001", "type": "service", "name": "Checkout", "status": "critical",
	"created_at": "2024-03-01T10:00:00Z", "auto_resolve_timeout": null, "acknowledgement_timeout": 600,
	"alert_creation": "create_alerts_and_incidents",
	"escalation_policy": {"id": "PEP0001", "type": "escalation_policy", "name": "Ops", "num_loops": 2},
	"teams": [{"id": "PTEAM01", "type": "team", "name": "Payments"}],
	"integrations": [{"id": "PINT001", "type": "events_api_v2_inbound_integration", "name": "Events", "integration_key": "k"}],
	"incident_urgency_rule": {"type": "constant", "urgency": "severity_based"},
	"support_hours": {"type": "fixed_time_per_day", "time_zone": "Europe/Paris", "days_of_week": [1,2,3], "start_time": "09:00:00", "end_time": "17:00:00"},
	"scheduled_actions": [{"type": "urgency_change", "at": {"type": "named_time", "name": "support_hours_start"}, "to_urgency": "high"}],
	"addons": [{"id": "PADD001", "type": "full_page_addon_reference", "name": "Runbook", "src": "https://example.com"}],
	"alert_grouping_parameters": {"type": "content_based", "config": {"aggregate": "all", "fields": ["source"], "time_window": 600}},
	"auto_pause_notifications_parameters": {"enabled": true, "timeout": 300, "recommended_timeout": 120},
	"response_play": null}}`

func checkServiceAnswer(t *testing.T, got any) {
	t.Helper()
	s := got.(*pagerduty.Service)
	if s.ID != "PSVC001" || s.Status != pagerduty.ServiceCritical || !s.CreatedAt.Equal(time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("service = %s %q %v", s.ID, s.Status, s.CreatedAt)
	}
	if s.AutoResolveTimeout != nil || s.AcknowledgementTimeout == nil || *s.AcknowledgementTimeout != 600 {
		t.Errorf("timeouts = %v, %v; want nil and 600", s.AutoResolveTimeout, s.AcknowledgementTimeout)
	}
	if s.EscalationPolicy == nil || s.EscalationPolicy.NumLoops != 2 || len(s.Teams) != 1 || s.Teams[0].Name != "Payments" {
		t.Errorf("expansions lost: policy %+v, teams %+v", s.EscalationPolicy, s.Teams)
	}
	if len(s.Integrations) != 1 || s.Integrations[0].Type != pagerduty.IntegrationEventsAPIV2 || s.Integrations[0].IsReference() {
		t.Errorf("integrations = %+v", s.Integrations)
	}
	if s.IncidentUrgencyRule == nil || s.IncidentUrgencyRule.Urgency != pagerduty.UrgencySeverityBased {
		t.Errorf("urgency rule = %+v", s.IncidentUrgencyRule)
	}
	if s.SupportHours == nil || len(s.SupportHours.DaysOfWeek) != 3 || s.SupportHours.EndTime != "17:00:00" {
		t.Errorf("support hours = %+v", s.SupportHours)
	}
	if len(s.ScheduledActions) != 1 || s.ScheduledActions[0].ToUrgency != pagerduty.UrgencyHigh || len(s.Addons) != 1 || s.Addons[0].Src == "" {
		t.Errorf("scheduled actions %+v, addons %+v", s.ScheduledActions, s.Addons)
	}
	g := s.AlertGroupingParameters
	if g == nil || g.Type != pagerduty.AlertGroupingContentBased || g.Config == nil || g.Config.Aggregate != "all" || *g.Config.TimeWindow != 600 {
		t.Errorf("alert grouping = %+v", g)
	}
	if a := s.AutoPauseNotificationsParameters; a == nil || !a.Enabled || a.Timeout != 300 || a.RecommendedTimeout != 120 {
		t.Errorf("auto-pause = %+v", a)
	}
	if s.ResponsePlay != nil || s.AlertCreation != pagerduty.CreateAlertsAndIncidents {
		t.Errorf("response play %+v, alert creation %q", s.ResponsePlay, s.AlertCreation)
	}
}

const integrationAnswer = `{"integration": {"id": "PINT001", "type": "generic_email_inbound_integration", "name": "Mail",
	"created_at": "2024-03-01T10:00:00Z", "integration_email": "x@acme.pagerduty.com",
	"service": {"id": "PSVC001", "type": "service", "name": "Checkout"},
	"vendor": {"id": "PVEN001", "type": "vendor", "name": "Datadog"},
	"email_filters": [{"subject_mode": "match", "subject_regex": "alert", "body_mode": "always", "from_email_mode": "always"}]}}`

func checkIntegrationAnswer(t *testing.T, got any) {
	t.Helper()
	in := got.(*pagerduty.Integration)
	if in.ID != "PINT001" || in.Type != pagerduty.IntegrationGenericEmail || in.CreatedAt.IsZero() || in.IntegrationEmail == "" {
		t.Errorf("integration = %+v", in)
	}
	if in.Service == nil || in.Service.Name != "Checkout" || in.Vendor == nil || in.Vendor.Name != "Datadog" || len(in.EmailFilters) != 1 {
		t.Errorf("integration expansions = %+v %+v %+v", in.Service, in.Vendor, in.EmailFilters)
	}
}

const ruleAnswer = `{"rule": {"id": "r-1", "position": 2, "disabled": false,
	"conditions": {"operator": "and", "subconditions": [{"operator": "contains", "parameters": {"value": "db", "path": "summary"}}]},
	"time_frame": {"active_between": {"start_time": 1577880000000, "end_time": 1580558400000}},
	"variables": [{"type": "regex", "name": "host", "parameters": {"value": "(.*)", "path": "source"}}],
	"actions": {"severity": {"value": "critical"}, "suppress": {"value": true, "threshold_value": 3, "threshold_time_unit": "minutes", "threshold_time_amount": 5},
		"extractions": [{"target": "dedup_key", "template": "{{host}}"}]}}}`

func checkRuleAnswer(t *testing.T, got any) {
	t.Helper()
	r := got.(*pagerduty.ServiceEventRule)
	if r.ID != "r-1" || r.Position == nil || *r.Position != 2 || r.Conditions == nil || r.Conditions.Subconditions[0].Parameters.Path != "summary" {
		t.Errorf("rule = %+v", r)
	}
	if r.TimeFrame == nil || r.TimeFrame.ActiveBetween == nil || !r.TimeFrame.ActiveBetween.Start().Equal(time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("time frame = %+v", r.TimeFrame)
	}
	a := r.Actions
	if a == nil || a.Severity.Value != "critical" || a.Suppress == nil || a.Suppress.ThresholdTimeAmount != 5 || len(a.Extractions) != 1 || len(r.Variables) != 1 {
		t.Errorf("actions = %+v, variables %+v", a, r.Variables)
	}
}

var serviceRule = &pagerduty.ServiceEventRule{
	ID: "ignored", Self: "ignored",
	Conditions: &pagerduty.EventRuleConditions{Operator: "or", Subconditions: []pagerduty.EventRuleSubcondition{
		{Operator: "matches", Parameters: pagerduty.EventRuleConditionParameters{Path: "source", Value: "db-.*"}}}},
	Actions: &pagerduty.ServiceEventRuleActions{EventAction: &pagerduty.EventRuleValue{Value: "resolve"},
		Extractions: []pagerduty.EventRuleExtraction{{Target: "summary", Source: "source", Regex: "(.*)"}}},
}

const serviceRuleBody = `{"conditions": {"operator": "or", "subconditions": [{"operator": "matches", "parameters": {"path": "source", "value": "db-.*"}}]},
	"actions": {"event_action": {"value": "resolve"}, "extractions": [{"target": "summary", "source": "source", "regex": "(.*)"}]}}`

func TestServicesRequests(t *testing.T) {
	desc := ""
	ten, zero := 10, 0
	since := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	runAPICases(t, []apiCase{
		{
			name: "List sends every filter",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Services.List(ctx, &pagerduty.ListServicesOptions{
					Query: "check", Name: "Checkout", TeamIDs: []string{"PTEAM01", "PTEAM02"}, TimeZone: "Europe/Paris",
					SortBy: "name:desc", Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeTeams, pagerduty.ServiceIncludeAutoPauseNotificationsParameters},
				}))
			},
			answer: `{"services": [` + serviceAnswer[len(`{"service": `):len(serviceAnswer)-1] + `], "more": false, "limit": 100, "offset": 0}`,
			want: wantRequest{method: "GET", path: "/services", query: pageQuery("query", "check", "name", "Checkout",
				"team_ids[]", "PTEAM01", "team_ids[]", "PTEAM02", "time_zone", "Europe/Paris", "sort_by", "name:desc",
				"include[]", "teams", "include[]", "auto_pause_notifications_parameters")},
			check: func(t *testing.T, got any) { s := got.(pagerduty.Service); checkServiceAnswer(t, &s) },
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.ListPage(ctx, &pagerduty.ListServicesOptions{ListOptions: pagerduty.ListOptions{Limit: 2, Offset: 4, Total: true}})
			},
			answer: `{"services": [{"id": "PSVC001"}, {"id": "PSVC002"}], "more": true, "limit": 2, "offset": 4, "total": 9}`,
			want:   wantRequest{method: "GET", path: "/services", query: vals("limit", "2", "offset", "4", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.Service])
				if len(p.Items) != 2 || !p.More || p.Total == nil || *p.Total != 9 || p.Offset != 4 {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.Get(ctx, "PSVC001", &pagerduty.GetServiceOptions{Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeEscalationPolicies}})
			},
			answer: serviceAnswer,
			want:   wantRequest{method: "GET", path: "/services/PSVC001", query: vals("include[]", "escalation_policies")},
			check:  checkServiceAnswer,
		},
		{
			name: "Create sends the documented service object",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.Create(ctx, &pagerduty.ServiceParams{
					Name: "Checkout", EscalationPolicyID: "PEP0001", AutoResolveTimeout: &zero, AcknowledgementTimeout: &ten,
					AlertCreation:                    pagerduty.CreateAlertsAndIncidents,
					IncidentUrgencyRule:              &pagerduty.IncidentUrgencyRule{Type: pagerduty.UrgencyConstant, Urgency: pagerduty.UrgencyLow},
					ScheduledActions:                 []pagerduty.ScheduledAction{{At: pagerduty.ScheduledActionTime{Name: "support_hours_end"}}},
					AutoPauseNotificationsParameters: &pagerduty.AutoPauseNotificationsParameters{Enabled: true, Timeout: 300},
				})
			},
			status: 201,
			answer: serviceAnswer,
			want: wantRequest{method: "POST", path: "/services", body: `{"service": {"type": "service", "name": "Checkout",
				"escalation_policy": {"id": "PEP0001", "type": "escalation_policy_reference"},
				"auto_resolve_timeout": null, "acknowledgement_timeout": 10, "alert_creation": "create_alerts_and_incidents",
				"incident_urgency_rule": {"type": "constant", "urgency": "low"},
				"scheduled_actions": [{"type": "urgency_change", "at": {"type": "named_time", "name": "support_hours_end"}, "to_urgency": "high"}],
				"auto_pause_notifications_parameters": {"enabled": true, "timeout": 300}}}`},
			check: checkServiceAnswer,
		},
		{
			name: "Update sends only what is set",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{
					Description:             &desc,
					AlertGroupingParameters: &pagerduty.AlertGroupingParameters{Type: pagerduty.AlertGroupingTime, Config: &pagerduty.AlertGroupingConfig{Timeout: &zero}},
				})
			},
			answer: serviceAnswer,
			want: wantRequest{method: "PUT", path: "/services/PSVC001", body: `{"service": {"type": "service", "description": "",
				"alert_grouping_parameters": {"type": "time", "config": {"timeout": 0}}}}`},
			check: checkServiceAnswer,
		},
		{
			name: "Update turns alert grouping off with a null type",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{AlertGroupingParameters: &pagerduty.AlertGroupingParameters{}})
			},
			answer: serviceAnswer,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001", body: `{"service": {"type": "service", "alert_grouping_parameters": {"type": null}}}`},
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Services.Delete(ctx, "PSVC001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/services/PSVC001"},
		},
		{
			name: "CreateIntegration names the service and vendor",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.CreateIntegration(ctx, "PSVC001", &pagerduty.IntegrationParams{Type: pagerduty.IntegrationGenericEmail, Name: "Mail",
					VendorID: "PVEN001", IntegrationEmail: "x@acme.pagerduty.com", EmailIncidentCreation: "use_rules",
					EmailFilters: []pagerduty.EmailFilter{{SubjectMode: "match", SubjectRegex: "alert", BodyMode: "always", FromEmailMode: "always"}}})
			},
			status: 201,
			answer: integrationAnswer,
			want: wantRequest{method: "POST", path: "/services/PSVC001/integrations", body: `{"integration": {"type": "generic_email_inbound_integration",
				"name": "Mail", "service": {"id": "PSVC001", "type": "service_reference"}, "vendor": {"id": "PVEN001", "type": "vendor_reference"},
				"integration_email": "x@acme.pagerduty.com", "email_incident_creation": "use_rules",
				"email_filters": [{"subject_mode": "match", "subject_regex": "alert", "body_mode": "always", "from_email_mode": "always"}]}}`},
			check: checkIntegrationAnswer,
		},
		{
			name: "GetIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.GetIntegration(ctx, "PSVC001", "PINT001", &pagerduty.GetIntegrationOptions{Includes: []pagerduty.IntegrationInclude{pagerduty.IntegrationIncludeServices, pagerduty.IntegrationIncludeVendors}})
			},
			answer: integrationAnswer,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/integrations/PINT001", query: vals("include[]", "services", "include[]", "vendors")},
			check:  checkIntegrationAnswer,
		},
		{
			name: "UpdateIntegration",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.UpdateIntegration(ctx, "PSVC001", "PINT001", &pagerduty.IntegrationParams{Name: "Mail 2"})
			},
			answer: integrationAnswer,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/integrations/PINT001", body: `{"integration": {"name": "Mail 2"}}`},
			check:  checkIntegrationAnswer,
		},
		{
			name: "ListEventRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				r, err := firstOf(c.Services.ListEventRules(ctx, "PSVC001", nil))
				return &r, err
			},
			answer: `{"rules": [` + ruleAnswer[len(`{"rule": `):len(ruleAnswer)-1] + `], "more": false}`,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/rules", query: pageQuery()},
			check:  checkRuleAnswer,
		},
		{
			name: "ListEventRulesPage reads the conversion facts",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.ListEventRulesPage(ctx, "PSVC001", &pagerduty.ListServiceEventRulesOptions{
					ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}, Includes: []pagerduty.ServiceEventRuleInclude{pagerduty.IncludeMigratedMetadata}})
			},
			answer: `{"rules": [], "limit": 5, "offset": 0, "more": true, "total": 12, "migrated_at": "2023-06-14T13:51:31Z",
				"migrated_by": {"id": "PUSER01", "type": "user_reference"}, "migrated_status": "completed",
				"migrated_to": {"id": "PSVC001", "type": "event_orchestration_reference"}, "migrated_via": "API"}`,
			want: wantRequest{method: "GET", path: "/services/PSVC001/rules", query: vals("limit", "5", "total", "true", "include[]", "migrated_metadata")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.ServiceEventRulesPage)
				m := p.Migration
				if !p.More || p.Total == nil || *p.Total != 12 || p.Limit != 5 || m == nil || m.Via != "API" || m.By.ID != "PUSER01" || m.To.ID != "PSVC001" || m.At.IsZero() {
					t.Errorf("page = %+v, migration %+v", p, m)
				}
			},
		},
		{
			name: "CreateEventRule leaves read-only fields out",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.CreateEventRule(ctx, "PSVC001", serviceRule)
			},
			status: 201,
			answer: ruleAnswer,
			want:   wantRequest{method: "POST", path: "/services/PSVC001/rules", body: `{"rule": ` + serviceRuleBody + `}`},
			check:  checkRuleAnswer,
		},
		{
			name: "GetEventRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.GetEventRule(ctx, "PSVC001", "r-1")
			},
			answer: ruleAnswer,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/rules/r-1"},
			check:  checkRuleAnswer,
		},
		{
			name: "UpdateEventRule sends the rule ID too",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.UpdateEventRule(ctx, "PSVC001", "r-1", serviceRule)
			},
			answer: ruleAnswer,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/rules/r-1", body: `{"rule_id": "r-1", "rule": ` + serviceRuleBody + `}`},
			check:  checkRuleAnswer,
		},
		{
			name: "UpdateEventRule can re-enable a rule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.UpdateEventRule(ctx, "PSVC001", "r-1", &pagerduty.ServiceEventRule{Disabled: pointerTo(false)})
			},
			answer: ruleAnswer,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/rules/r-1", body: `{"rule_id": "r-1", "rule": {"disabled": false}}`},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.ServiceEventRule); r.Disabled == nil || *r.Disabled {
					t.Errorf("disabled = %v, want a pointer to false", r.Disabled)
				}
			},
		},
		{
			name: "DeleteEventRule",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Services.DeleteEventRule(ctx, "PSVC001", "r-1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/services/PSVC001/rules/r-1"},
		},
		{
			name: "ConvertEventRules",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.ConvertEventRules(ctx, "PSVC001")
			},
			answer: `{"convert_status": "completed", "converted_to": "https://api.pagerduty.com/event_orchestrations/services/PSVC001"}`,
			want:   wantRequest{method: "POST", path: "/services/PSVC001/rules/convert"},
			check: func(t *testing.T, got any) {
				if c := got.(*pagerduty.EventRulesConversion); c.Status != "completed" || c.ConvertedTo == "" {
					t.Errorf("conversion = %+v", c)
				}
			},
		},
		{
			name: "ListFeatureEnablements",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.ListFeatureEnablements(ctx, "PSVC001")
			},
			answer: `{"enablements": [{"feature": "aiops", "enabled": false, "updated_at": "2025-04-25T15:00:00Z"}]}`,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/enablements"},
			check: func(t *testing.T, got any) {
				e := got.([]pagerduty.FeatureEnablement)
				if len(e) != 1 || e[0].Feature != pagerduty.FeatureAIOps || e[0].Enabled || e[0].UpdatedAt.IsZero() {
					t.Errorf("enablements = %+v", e)
				}
			},
		},
		{
			name: "SetFeatureEnablement reads an object",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.SetFeatureEnablement(ctx, "PSVC001", pagerduty.FeatureAIOps, false)
			},
			answer: `{"enablement": {"feature": "aiops", "enabled": false, "warnings": [{"message": "not entitled"}]}}`,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/enablements/aiops", body: `{"enablement": {"enabled": false}}`},
			check: func(t *testing.T, got any) {
				if e := got.(*pagerduty.FeatureEnablement); e.Enabled || len(e.Warnings) != 1 || e.Warnings[0].Message != "not entitled" {
					t.Errorf("enablement = %+v", e)
				}
			},
		},
		{
			name: "SetFeatureEnablement reads a list of one",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.SetFeatureEnablement(ctx, "PSVC001", pagerduty.FeatureAIOps, true)
			},
			answer: `{"enablement": [{"feature": "aiops", "enabled": true}]}`,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/enablements/aiops", body: `{"enablement": {"enabled": true}}`},
			check: func(t *testing.T, got any) {
				if e := got.(*pagerduty.FeatureEnablement); !e.Enabled || e.Feature != pagerduty.FeatureAIOps {
					t.Errorf("enablement = %+v", e)
				}
			},
		},
		{
			name: "GetFieldValues",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.GetFieldValues(ctx, "PSVC001")
			},
			answer: `{"custom_fields": [{"id": "PF00001", "name": "env", "type": "field_value", "data_type": "string", "field_type": "single_value", "value": "prod"}]}`,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/custom_fields/values"},
			check: func(t *testing.T, got any) {
				if v := got.([]pagerduty.FieldValue); len(v) != 1 || v[0].Name != "env" || v[0].Value != "prod" {
					t.Errorf("values = %+v", v)
				}
			},
		},
		{
			name: "SetFieldValues",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.SetFieldValues(ctx, "PSVC001", []pagerduty.FieldValueChange{{ID: "PF00001", Value: []string{"a", "b"}}, {Name: "tier", Value: 1}})
			},
			answer: `{"custom_fields": [{"id": "PF00001", "name": "env", "value": ["a", "b"]}]}`,
			want:   wantRequest{method: "PUT", path: "/services/PSVC001/custom_fields/values", body: `{"custom_fields": [{"id": "PF00001", "value": ["a", "b"]}, {"name": "tier", "value": 1}]}`},
			check: func(t *testing.T, got any) {
				if v := got.([]pagerduty.FieldValue); len(v) != 1 || v[0].ID != "PF00001" {
					t.Errorf("values = %+v", v)
				}
			},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Services.ListAuditRecords(ctx, "PSVC001", &pagerduty.ListAuditRecordsOptions{Since: since, CursorOptions: pagerduty.CursorOptions{Limit: 10}}))
			},
			answer: `{"records": [{"id": "PREC001", "execution_time": "2024-05-02T00:00:00Z", "method": {"type": "api_token"}, "root_resource": {"id": "PSVC001", "type": "service_reference"}, "action": "update"}], "next_cursor": null}`,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/audit/records", query: vals("since", "2024-05-01T00:00:00Z", "limit", "10")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.AuditRecord); r.ID != "PREC001" || r.RootResource.ID != "PSVC001" || r.Method.Type != pagerduty.AuditMethodAPIToken {
					t.Errorf("record = %+v", r)
				}
			},
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Services.ListAuditRecordsPage(ctx, "PSVC001", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "abc"}})
			},
			answer: `{"records": [], "next_cursor": "def", "limit": 25}`,
			want:   wantRequest{method: "GET", path: "/services/PSVC001/audit/records", query: vals("cursor", "abc")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.AuditRecord]); p.NextCursor != "def" {
					t.Errorf("next cursor = %q", p.NextCursor)
				}
			},
		},
	})
}

func TestServicesRejectBadInput(t *testing.T) {
	neg, big := -1, 5000
	runBadCalls(t, []badCall{
		{"List bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Services.List(ctx, &pagerduty.ListServicesOptions{Includes: []pagerduty.ServiceInclude{"vendors"}}))
		}, `"vendors" is not accepted`},
		{"List bad team ID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Services.List(ctx, &pagerduty.ListServicesOptions{TeamIDs: []string{"../x"}}))
		}, "TeamIDs"},
		{"ListPage bad sort", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.ListPage(ctx, &pagerduty.ListServicesOptions{SortBy: "created_at"})
			return err
		}, "SortBy"},
		{"ListPage limit out of range", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.ListPage(ctx, &pagerduty.ListServicesOptions{ListOptions: pagerduty.ListOptions{Limit: 101}})
			return err
		}, "Limit 101"},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Get(ctx, "a/b", nil)
			return err
		}, "invalid ID"},
		{"Create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Create(ctx, &pagerduty.ServiceParams{EscalationPolicyID: "PEP0001"})
			return err
		}, "Name is required"},
		{"Create without policy", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Create(ctx, &pagerduty.ServiceParams{Name: "x"})
			return err
		}, "EscalationPolicyID is required"},
		{"Create nil params", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Create(ctx, nil)
			return err
		}, "params is required"},
		{"Update nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{})
			return err
		}, "at least one field"},
		{"Update bad status", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{Status: "paused"})
			return err
		}, `Status: "paused" is not accepted`},
		{"Update negative timeout", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{AutoResolveTimeout: &neg})
			return err
		}, "AutoResolveTimeout -1 is negative"},
		{"Update urgency rule without hours", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{IncidentUrgencyRule: &pagerduty.IncidentUrgencyRule{Type: pagerduty.UrgencyUseSupportHours}})
			return err
		}, "DuringSupportHours"},
		{"Update grouping timeout too long", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{AlertGroupingParameters: &pagerduty.AlertGroupingParameters{Type: pagerduty.AlertGroupingTime, Config: &pagerduty.AlertGroupingConfig{Timeout: &big}}})
			return err
		}, "Timeout 5000 is out of range"},
		{"Update auto-pause bad timeout", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.Update(ctx, "PSVC001", &pagerduty.ServiceParams{AutoPauseNotificationsParameters: &pagerduty.AutoPauseNotificationsParameters{Enabled: true, Timeout: 60}})
			return err
		}, "AutoPauseNotificationsParameters.Timeout"},
		{"CreateIntegration without type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.CreateIntegration(ctx, "PSVC001", &pagerduty.IntegrationParams{Name: "x"})
			return err
		}, "Type is required"},
		{"UpdateIntegration bad email mode", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.UpdateIntegration(ctx, "PSVC001", "PINT001", &pagerduty.IntegrationParams{EmailFilterMode: "some"})
			return err
		}, "EmailFilterMode"},
		{"GetIntegration bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.GetIntegration(ctx, "PSVC001", "", nil)
			return err
		}, "integration_id"},
		{"CreateEventRule bad operator", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.CreateEventRule(ctx, "PSVC001", &pagerduty.ServiceEventRule{Conditions: &pagerduty.EventRuleConditions{Operator: "xor"}})
			return err
		}, "Conditions.Operator"},
		{"UpdateEventRule bad extraction", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.UpdateEventRule(ctx, "PSVC001", "r-1", &pagerduty.ServiceEventRule{Actions: &pagerduty.ServiceEventRuleActions{Extractions: []pagerduty.EventRuleExtraction{{Target: "summary"}}}})
			return err
		}, "Extractions[0]"},
		{"ListEventRules bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Services.ListEventRules(ctx, "PSVC001", &pagerduty.ListServiceEventRulesOptions{Includes: []pagerduty.ServiceEventRuleInclude{"x"}}))
		}, "Includes"},
		{"SetFeatureEnablement unknown feature", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.SetFeatureEnablement(ctx, "PSVC001", "magic", true)
			return err
		}, `"magic" is not accepted`},
		{"SetFieldValues both ID and name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.SetFieldValues(ctx, "PSVC001", []pagerduty.FieldValueChange{{ID: "PF00001", Name: "env"}})
			return err
		}, "exactly one"},
		{"SetFieldValues nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Services.SetFieldValues(ctx, "PSVC001", nil)
			return err
		}, "values is required"},
		{"ListAuditRecords inverted window", func(ctx context.Context, c *pagerduty.Client) error {
			now := time.Now()
			return seqErr(c.Services.ListAuditRecords(ctx, "PSVC001", &pagerduty.ListAuditRecordsOptions{Since: now, Until: now.Add(-time.Hour)}))
		}, "Until"},
	})
}
