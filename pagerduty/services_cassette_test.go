package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// These tests replay requests recorded against the mock of PagerDuty's API
// description: scripts/record.sh ./pagerduty -run '^TestServicesCassette'.
// The mock answers every ID with the same example, so list tests read at
// most n items and stop.

func checkService(t *testing.T, what string, s *pagerduty.Service) {
	t.Helper()
	if s == nil || s.ID == "" || s.Name == "" || s.CreatedAt.IsZero() {
		t.Fatalf("%s: service %+v lacks an ID, a name or a creation time", what, s)
	}
	if s.EscalationPolicy == nil || s.EscalationPolicy.ID == "" {
		t.Errorf("%s: service %s has no escalation policy", what, s.ID)
	}
	switch s.Status {
	case pagerduty.ServiceActive, pagerduty.ServiceWarning, pagerduty.ServiceCritical, pagerduty.ServiceMaintenance, pagerduty.ServiceDisabled:
	default:
		t.Errorf("%s: status %q is not a service status", what, s.Status)
	}
}

func TestServicesCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/services/read")
	ctx := context.Background()

	got := readN(t, c.Services.List(ctx, &pagerduty.ListServicesOptions{
		Query:       "API",
		TeamIDs:     []string{"PQ9K7I8"},
		TimeZone:    "Europe/Paris",
		SortBy:      "name:asc",
		Includes:    []pagerduty.ServiceInclude{pagerduty.ServiceIncludeTeams, pagerduty.ServiceIncludeIntegrations},
		ListOptions: pagerduty.ListOptions{Limit: 1},
	}), 2)
	if len(got) == 0 {
		t.Fatal("List read no service")
	}
	for _, s := range got {
		checkService(t, "List", &s)
	}

	page, err := c.Services.ListPage(ctx, &pagerduty.ListServicesOptions{Name: "My Application Service", ListOptions: pagerduty.ListOptions{Limit: 5, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no service")
	}
	checkService(t, "ListPage", &page.Items[0])

	s, err := c.Services.Get(ctx, "PIJ90N7", &pagerduty.GetServiceOptions{Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeEscalationPolicies}})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkService(t, "Get", s)
	if s.IncidentUrgencyRule == nil || s.IncidentUrgencyRule.Type != pagerduty.UrgencyUseSupportHours ||
		s.IncidentUrgencyRule.OutsideSupportHours == nil || s.IncidentUrgencyRule.OutsideSupportHours.Urgency != pagerduty.UrgencyLow {
		t.Errorf("Get: urgency rule %+v, want use_support_hours with low outside", s.IncidentUrgencyRule)
	}
	if s.SupportHours == nil || s.SupportHours.StartTime == "" || len(s.SupportHours.DaysOfWeek) == 0 {
		t.Errorf("Get: support hours %+v lack start time or days", s.SupportHours)
	}
	if len(s.ScheduledActions) == 0 || s.ScheduledActions[0].At.Name != "support_hours_start" {
		t.Errorf("Get: scheduled actions %+v", s.ScheduledActions)
	}
	if len(s.Integrations) == 0 || s.Integrations[0].ID == "" {
		t.Errorf("Get: integrations %+v", s.Integrations)
	}
	if s.AutoPauseNotificationsParameters == nil || !s.AutoPauseNotificationsParameters.Enabled {
		t.Errorf("Get: auto-pause %+v", s.AutoPauseNotificationsParameters)
	}

	in, err := c.Services.GetIntegration(ctx, "PIJ90N7", "PE1U9CH", &pagerduty.GetIntegrationOptions{Includes: []pagerduty.IntegrationInclude{pagerduty.IntegrationIncludeVendors}})
	if err != nil {
		t.Fatalf("GetIntegration: %v", err)
	}
	if in.ID == "" || in.Type == "" || in.CreatedAt.IsZero() || in.Service == nil || in.Service.ID == "" || in.Vendor == nil || in.Vendor.ID == "" {
		t.Errorf("GetIntegration = %+v; want ID, type, creation time, service and vendor", in)
	}

	ens, err := c.Services.ListFeatureEnablements(ctx, "PIJ90N7")
	if err != nil {
		t.Fatalf("ListFeatureEnablements: %v", err)
	}
	if len(ens) == 0 || ens[0].Feature == "" {
		t.Errorf("ListFeatureEnablements = %+v", ens)
	}

	vals, err := c.Services.GetFieldValues(ctx, "PIJ90N7")
	if err != nil {
		t.Fatalf("GetFieldValues: %v", err)
	}
	if len(vals) == 0 || vals[0].ID == "" || vals[0].Name == "" {
		t.Errorf("GetFieldValues = %+v", vals)
	}

	recs := readN(t, c.Services.ListAuditRecords(ctx, "PIJ90N7", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 1}}), 2)
	if len(recs) == 0 || recs[0].ID == "" || recs[0].ExecutionTime.IsZero() {
		t.Errorf("ListAuditRecords = %+v", recs)
	}
	rp, err := c.Services.ListAuditRecordsPage(ctx, "PIJ90N7", nil)
	if err != nil {
		t.Fatalf("ListAuditRecordsPage: %v", err)
	}
	if len(rp.Items) == 0 || rp.Items[0].RootResource.ID == "" {
		t.Errorf("ListAuditRecordsPage = %+v", rp.Items)
	}
}

func TestServicesCassetteWrite(t *testing.T) {
	c := replayClient(t, "pagerduty/services/write")
	ctx := context.Background()

	desc := "Checkout and payments"
	ar, ack := 14400, 600
	created, err := c.Services.Create(ctx, &pagerduty.ServiceParams{
		Name:                   "Checkout",
		Description:            &desc,
		EscalationPolicyID:     "PT20YPA",
		AutoResolveTimeout:     &ar,
		AcknowledgementTimeout: &ack,
		AlertCreation:          pagerduty.CreateAlertsAndIncidents,
		IncidentUrgencyRule: &pagerduty.IncidentUrgencyRule{
			Type:                pagerduty.UrgencyUseSupportHours,
			DuringSupportHours:  &pagerduty.IncidentUrgencyType{Type: pagerduty.UrgencyConstant, Urgency: pagerduty.UrgencyHigh},
			OutsideSupportHours: &pagerduty.IncidentUrgencyType{Type: pagerduty.UrgencyConstant, Urgency: pagerduty.UrgencyLow},
		},
		SupportHours:     &pagerduty.SupportHours{Type: "fixed_time_per_day", TimeZone: "America/Lima", StartTime: "09:00:00", EndTime: "17:00:00"},
		ScheduledActions: []pagerduty.ScheduledAction{{At: pagerduty.ScheduledActionTime{Name: "support_hours_start"}}},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkService(t, "Create", created)

	timeout := 10
	updated, err := c.Services.Update(ctx, created.ID, &pagerduty.ServiceParams{
		EscalationPolicyID:      "PT20YPA",
		Status:                  pagerduty.ServiceActive,
		AlertGroupingParameters: &pagerduty.AlertGroupingParameters{Type: pagerduty.AlertGroupingTime, Config: &pagerduty.AlertGroupingConfig{Timeout: &timeout}},
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkService(t, "Update", updated)

	in, err := c.Services.CreateIntegration(ctx, created.ID, &pagerduty.IntegrationParams{Type: pagerduty.IntegrationEventsAPIV2, Name: "Events V2"})
	if err != nil {
		t.Fatalf("CreateIntegration: %v", err)
	}
	if in.ID == "" || in.Type == "" {
		t.Errorf("CreateIntegration = %+v", in)
	}
	in, err = c.Services.UpdateIntegration(ctx, created.ID, in.ID, &pagerduty.IntegrationParams{Name: "Events V2 (prod)"})
	if err != nil {
		t.Fatalf("UpdateIntegration: %v", err)
	}
	if in.ID == "" || in.Name == "" {
		t.Errorf("UpdateIntegration = %+v", in)
	}

	en, err := c.Services.SetFeatureEnablement(ctx, created.ID, pagerduty.FeatureAIOps, true)
	if err != nil {
		t.Fatalf("SetFeatureEnablement: %v", err)
	}
	if en.Feature != pagerduty.FeatureAIOps || !en.Enabled {
		t.Errorf("SetFeatureEnablement = %+v", en)
	}

	// SetFieldValues has its own cassette, recorded against pdtest: see
	// TestServicesCustomFieldValuesCassette.

	if err := c.Services.Delete(ctx, created.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
}

func TestServicesCassetteEventRules(t *testing.T) {
	c := replayClient(t, "pagerduty/services/event_rules")
	ctx := context.Background()

	rules := readN(t, c.Services.ListEventRules(ctx, "PI2KBWI", nil), 2)
	if len(rules) == 0 || rules[0].ID == "" || rules[0].Conditions == nil || len(rules[0].Conditions.Subconditions) == 0 {
		t.Fatalf("ListEventRules = %+v", rules)
	}
	page, err := c.Services.ListEventRulesPage(ctx, "PI2KBWI", &pagerduty.ListServiceEventRulesOptions{Includes: []pagerduty.ServiceEventRuleInclude{pagerduty.IncludeMigratedMetadata}})
	if err != nil {
		t.Fatalf("ListEventRulesPage: %v", err)
	}
	if len(page.Items) == 0 || page.Migration == nil || page.Migration.Status != "completed" || page.Migration.At.IsZero() {
		t.Errorf("ListEventRulesPage = %+v, migration %+v", page.Items, page.Migration)
	}

	rule := &pagerduty.ServiceEventRule{
		Conditions: &pagerduty.EventRuleConditions{Operator: "and", Subconditions: []pagerduty.EventRuleSubcondition{
			{Operator: "contains", Parameters: pagerduty.EventRuleConditionParameters{Path: "summary", Value: "mysql"}},
		}},
		Actions: &pagerduty.ServiceEventRuleActions{Severity: &pagerduty.EventRuleValue{Value: "warning"}},
	}
	created, err := c.Services.CreateEventRule(ctx, "PI2KBWI", rule)
	if err != nil {
		t.Fatalf("CreateEventRule: %v", err)
	}
	if created.ID == "" || created.Actions == nil {
		t.Errorf("CreateEventRule = %+v", created)
	}
	got, err := c.Services.GetEventRule(ctx, "PI2KBWI", created.ID)
	if err != nil {
		t.Fatalf("GetEventRule: %v", err)
	}
	if got.ID == "" || got.Conditions == nil {
		t.Errorf("GetEventRule = %+v", got)
	}
	rule.Disabled = pointerTo(true)
	upd, err := c.Services.UpdateEventRule(ctx, "PI2KBWI", created.ID, rule)
	if err != nil {
		t.Fatalf("UpdateEventRule: %v", err)
	}
	if upd.ID == "" {
		t.Errorf("UpdateEventRule = %+v", upd)
	}
	if err := c.Services.DeleteEventRule(ctx, "PI2KBWI", created.ID); err != nil {
		t.Fatalf("DeleteEventRule: %v", err)
	}
	conv, err := c.Services.ConvertEventRules(ctx, "PI2KBWI")
	if err != nil {
		t.Fatalf("ConvertEventRules: %v", err)
	}
	if conv.Status == "" || conv.ConvertedTo == "" {
		t.Errorf("ConvertEventRules = %+v", conv)
	}
}
