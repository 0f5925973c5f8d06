package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Record with:
//
//	PRISM_PORT=4032 scripts/record.sh ./pagerduty -run '^TestEventOrchestrationsCassette'

const (
	recOrchestration = "b02e973d-9620-4e0a-9edc-00fedf7d4694"
	recService       = "PC2D9ML"
)

func checkRecordedOrchestration(t *testing.T, what string, o *pagerduty.Orchestration) {
	t.Helper()
	if o == nil || o.ID == "" || o.Name == "" || o.Team == nil || o.Team.ID == "" || o.CreatedAt.IsZero() || o.CreatedBy == nil || o.Version == "" {
		t.Errorf("%s: orchestration %+v lacks an ID, a name, a team, a creation or a version", what, o)
	}
}

func checkRecordedOrchIntegration(t *testing.T, what string, in *pagerduty.OrchestrationIntegration) {
	t.Helper()
	if in == nil || in.ID == "" || in.Label == "" || in.Parameters == nil || in.Parameters.RoutingKey == "" || in.Parameters.Type == "" {
		t.Errorf("%s: integration %+v lacks an ID, a label or parameters", what, in)
	}
}

func checkRecordedOrchPath(t *testing.T, what string, p *pagerduty.OrchestrationPath, kind pagerduty.OrchestrationPathType) {
	t.Helper()
	if p == nil || p.Type != kind || p.Parent == nil || p.Parent.ID == "" || len(p.Sets) == 0 || p.Sets[0].ID != "start" || p.UpdatedAt.IsZero() || p.Version == "" {
		t.Fatalf("%s: path %+v lacks a type %s, a parent, a start set, an update time or a version", what, p, kind)
	}
	for _, set := range p.Sets {
		for _, r := range set.Rules {
			if r.ID == "" || r.Label == "" {
				t.Errorf("%s: rule %+v lacks an ID or a label", what, r)
			}
		}
	}
}

func TestEventOrchestrationsCassetteOrchestrations(t *testing.T) {
	c := replayClient(t, "pagerduty/event_orchestrations/orchestrations")
	ctx := context.Background()

	for _, o := range readUpTo(t, "List", c.EventOrchestrations.List(ctx, &pagerduty.ListOrchestrationsOptions{SortBy: pagerduty.OrchestrationSortRoutesDesc}), 2) {
		checkRecordedOrchestration(t, "List", &o)
	}
	page := must(c.EventOrchestrations.ListPage(ctx, &pagerduty.ListOrchestrationsOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 1}})).ok(t, "ListPage")
	if len(page.Items) == 0 || page.Limit == 0 {
		t.Errorf("ListPage = %+v", page)
	}

	o := must(c.EventOrchestrations.Create(ctx, &pagerduty.OrchestrationParams{Name: "Shopping cart", Description: pointerTo("Routes shopping cart alerts"), TeamID: "PQYP5MN"})).ok(t, "Create")
	checkRecordedOrchestration(t, "Create", o)
	got := must(c.EventOrchestrations.Get(ctx, o.ID)).ok(t, "Get")
	checkRecordedOrchestration(t, "Get", got)
	if len(got.Integrations) == 0 {
		t.Error("Get: no integrations")
	} else {
		checkRecordedOrchIntegration(t, "Get", &got.Integrations[0])
	}
	checkRecordedOrchestration(t, "Update", must(c.EventOrchestrations.Update(ctx, o.ID, &pagerduty.OrchestrationParams{Name: "Go-Kart"})).ok(t, "Update"))
	mustDo(t, "Delete", c.EventOrchestrations.Delete(ctx, o.ID))
}

func TestEventOrchestrationsCassetteIntegrations(t *testing.T) {
	c := replayClient(t, "pagerduty/event_orchestrations/integrations")
	ctx := context.Background()

	list := must(c.EventOrchestrations.ListIntegrations(ctx, recOrchestration)).ok(t, "ListIntegrations")
	if len(list) == 0 {
		t.Fatal("ListIntegrations: none")
	}
	for _, in := range list {
		checkRecordedOrchIntegration(t, "ListIntegrations", &in)
	}
	in := must(c.EventOrchestrations.CreateIntegration(ctx, recOrchestration, "Monitoring tool X")).ok(t, "CreateIntegration")
	checkRecordedOrchIntegration(t, "CreateIntegration", in)
	checkRecordedOrchIntegration(t, "GetIntegration", must(c.EventOrchestrations.GetIntegration(ctx, recOrchestration, in.ID)).ok(t, "GetIntegration"))
	checkRecordedOrchIntegration(t, "UpdateIntegration", must(c.EventOrchestrations.UpdateIntegration(ctx, recOrchestration, in.ID, "Monitoring tool Y")).ok(t, "UpdateIntegration"))
	moved := must(c.EventOrchestrations.MigrateIntegration(ctx, recOrchestration, "a1b2c3d4-0000-4000-8000-000000000001", in.ID)).ok(t, "MigrateIntegration")
	if len(moved) == 0 {
		t.Error("MigrateIntegration: no integrations")
	}
	for _, m := range moved {
		checkRecordedOrchIntegration(t, "MigrateIntegration", &m)
	}
	mustDo(t, "DeleteIntegration", c.EventOrchestrations.DeleteIntegration(ctx, recOrchestration, in.ID))
}

func TestEventOrchestrationsCassettePaths(t *testing.T) {
	c := replayClient(t, "pagerduty/event_orchestrations/paths")
	ctx := context.Background()

	global := must(c.EventOrchestrations.GetGlobalPath(ctx, recOrchestration)).ok(t, "GetGlobalPath")
	checkRecordedOrchPath(t, "GetGlobalPath", global, pagerduty.OrchestrationPathGlobal)
	if !global.CatchAll.Actions.Suppress || len(global.CatchAll.Actions.IncidentCustomFieldUpdates) == 0 {
		t.Errorf("GetGlobalPath: catch-all %+v lost its actions", global.CatchAll)
	}
	// Sending back what was read is the usual way to change a path.
	p, _ := mustPath(c.EventOrchestrations.UpdateGlobalPath(ctx, recOrchestration, global)).ok(t, "UpdateGlobalPath")
	checkRecordedOrchPath(t, "UpdateGlobalPath", p, pagerduty.OrchestrationPathGlobal)

	router := must(c.EventOrchestrations.GetRouterPath(ctx, recOrchestration)).ok(t, "GetRouterPath")
	checkRecordedOrchPath(t, "GetRouterPath", router, pagerduty.OrchestrationPathRouter)
	if router.CatchAll.Actions.RouteTo != "unrouted" || router.Sets[0].Rules[0].Actions.RouteTo == "" {
		t.Errorf("GetRouterPath: routes lost: %+v", router)
	}
	router.Sets[0].Rules = append(router.Sets[0].Rules, pagerduty.OrchestrationRule{
		Label:   "Route by the service named in the event",
		Actions: pagerduty.OrchestrationActions{DynamicRouteTo: &pagerduty.DynamicRouteTo{Source: "event.custom_details.pd_service", Regex: ".*", LookupBy: pagerduty.DynamicRouteByServiceName}},
	})
	p, warnings := mustPath(c.EventOrchestrations.UpdateRouterPath(ctx, recOrchestration, router)).ok(t, "UpdateRouterPath")
	checkRecordedOrchPath(t, "UpdateRouterPath", p, pagerduty.OrchestrationPathRouter)
	if len(warnings) == 0 || warnings[0].WarningType == "" || warnings[0].Message == "" {
		t.Errorf("UpdateRouterPath: warnings %+v", warnings)
	}
	var dynamic bool
	for _, r := range p.Sets[0].Rules {
		dynamic = dynamic || (r.Actions.DynamicRouteTo != nil && r.Actions.DynamicRouteTo.LookupBy == pagerduty.DynamicRouteByServiceName)
	}
	if !dynamic {
		t.Error("UpdateRouterPath: no dynamic route in the answer")
	}

	unrouted := must(c.EventOrchestrations.GetUnroutedPath(ctx, recOrchestration)).ok(t, "GetUnroutedPath")
	checkRecordedOrchPath(t, "GetUnroutedPath", unrouted, pagerduty.OrchestrationPathUnrouted)
	if x := unrouted.Sets[0].Rules[0].Actions.Extractions; len(x) == 0 || x[0].Target == "" {
		t.Errorf("GetUnroutedPath: extractions lost: %+v", unrouted.Sets[0].Rules[0])
	}
	p, _ = mustPath(c.EventOrchestrations.UpdateUnroutedPath(ctx, recOrchestration, unrouted)).ok(t, "UpdateUnroutedPath")
	checkRecordedOrchPath(t, "UpdateUnroutedPath", p, pagerduty.OrchestrationPathUnrouted)

	svc := must(c.EventOrchestrations.GetServicePath(ctx, recService)).ok(t, "GetServicePath")
	checkRecordedOrchPath(t, "GetServicePath", svc, pagerduty.OrchestrationPathService)
	if svc.MigratedStatus == "" || svc.MigratedAt.IsZero() || svc.MigratedFrom == nil {
		t.Errorf("GetServicePath: migration facts lost: %+v", svc)
	}
	var automation, webhook bool
	for _, set := range svc.Sets {
		for _, r := range set.Rules {
			automation = automation || len(r.Actions.PagerDutyAutomationActions) > 0
			webhook = webhook || (len(r.Actions.AutomationActions) > 0 && r.Actions.AutomationActions[0].URL != "")
		}
	}
	if !automation || !webhook {
		t.Errorf("GetServicePath: automation actions lost (PagerDuty %v, web hook %v)", automation, webhook)
	}
	p, _ = mustPath(c.EventOrchestrations.UpdateServicePath(ctx, recService, svc)).ok(t, "UpdateServicePath")
	checkRecordedOrchPath(t, "UpdateServicePath", p, pagerduty.OrchestrationPathService)

	active := must(c.EventOrchestrations.GetServiceActive(ctx, recService)).ok(t, "GetServiceActive")
	must(c.EventOrchestrations.SetServiceActive(ctx, recService, !active)).ok(t, "SetServiceActive")
}

func checkRecordedCacheVariable(t *testing.T, what string, v *pagerduty.CacheVariable) {
	t.Helper()
	if v == nil || v.ID == "" || v.Name == "" || v.Configuration.Type == "" || v.CreatedAt.IsZero() || v.CreatedBy == nil {
		t.Errorf("%s: cache variable %+v lacks an ID, a name, a configuration or a creation", what, v)
	}
}

func TestEventOrchestrationsCassetteCacheVariables(t *testing.T) {
	c := replayClient(t, "pagerduty/event_orchestrations/cache_variables")
	ctx := context.Background()
	eo := c.EventOrchestrations

	vars := must(eo.ListCacheVariables(ctx, recOrchestration)).ok(t, "ListCacheVariables")
	kinds := map[pagerduty.CacheVariableType]bool{}
	for _, v := range vars {
		checkRecordedCacheVariable(t, "ListCacheVariables", &v)
		kinds[v.Configuration.Type] = true
	}
	if !kinds[pagerduty.CacheRecentValue] || !kinds[pagerduty.CacheTriggerEventCount] || !kinds[pagerduty.CacheExternalData] {
		t.Errorf("ListCacheVariables: kinds %v", kinds)
	}
	recent := &pagerduty.CacheVariableParams{
		Name:          "last_host",
		Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheRecentValue, Source: "event.source", Regex: ".*"},
		Conditions:    []pagerduty.OrchestrationCondition{{Expression: "event.source exists"}},
	}
	v := must(eo.CreateCacheVariable(ctx, recOrchestration, recent)).ok(t, "CreateCacheVariable")
	checkRecordedCacheVariable(t, "CreateCacheVariable", v)
	checkRecordedCacheVariable(t, "GetCacheVariable", must(eo.GetCacheVariable(ctx, recOrchestration, v.ID)).ok(t, "GetCacheVariable"))
	counter := &pagerduty.CacheVariableParams{Name: "recent_triggers", Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheTriggerEventCount, TTLSeconds: 60}}
	checkRecordedCacheVariable(t, "UpdateCacheVariable", must(eo.UpdateCacheVariable(ctx, recOrchestration, v.ID, counter)).ok(t, "UpdateCacheVariable"))
	if d := must(eo.GetCacheVariableData(ctx, recOrchestration, v.ID)).ok(t, "GetCacheVariableData"); d.Value == nil || d.UpdatedAt.IsZero() {
		t.Errorf("GetCacheVariableData = %+v", d)
	}
	if d := must(eo.SetCacheVariableData(ctx, recOrchestration, v.ID, "maintenance")).ok(t, "SetCacheVariableData"); d.Value == nil {
		t.Errorf("SetCacheVariableData = %+v", d)
	}
	mustDo(t, "DeleteCacheVariableData", eo.DeleteCacheVariableData(ctx, recOrchestration, v.ID))
	mustDo(t, "DeleteCacheVariable", eo.DeleteCacheVariable(ctx, recOrchestration, v.ID))

	svcVars := must(eo.ListServiceCacheVariables(ctx, recService)).ok(t, "ListServiceCacheVariables")
	if len(svcVars) == 0 {
		t.Error("ListServiceCacheVariables: none")
	}
	for _, sv := range svcVars {
		checkRecordedCacheVariable(t, "ListServiceCacheVariables", &sv)
	}
	external := &pagerduty.CacheVariableParams{Name: "deploy_freeze", Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheExternalData, DataType: pagerduty.CacheDataBoolean, TTLSeconds: 3600}}
	sv := must(eo.CreateServiceCacheVariable(ctx, recService, external)).ok(t, "CreateServiceCacheVariable")
	checkRecordedCacheVariable(t, "CreateServiceCacheVariable", sv)
	checkRecordedCacheVariable(t, "GetServiceCacheVariable", must(eo.GetServiceCacheVariable(ctx, recService, sv.ID)).ok(t, "GetServiceCacheVariable"))
	external.Disabled = true
	checkRecordedCacheVariable(t, "UpdateServiceCacheVariable", must(eo.UpdateServiceCacheVariable(ctx, recService, sv.ID, external)).ok(t, "UpdateServiceCacheVariable"))
	if d := must(eo.GetServiceCacheVariableData(ctx, recService, sv.ID)).ok(t, "GetServiceCacheVariableData"); d.Value == nil {
		t.Errorf("GetServiceCacheVariableData = %+v", d)
	}
	if d := must(eo.SetServiceCacheVariableData(ctx, recService, sv.ID, true)).ok(t, "SetServiceCacheVariableData"); d.Value == nil {
		t.Errorf("SetServiceCacheVariableData = %+v", d)
	}
	mustDo(t, "DeleteServiceCacheVariableData", eo.DeleteServiceCacheVariableData(ctx, recService, sv.ID))
	mustDo(t, "DeleteServiceCacheVariable", eo.DeleteServiceCacheVariable(ctx, recService, sv.ID))
}

func TestEventOrchestrationsCassetteEnablements(t *testing.T) {
	c := replayClient(t, "pagerduty/event_orchestrations/enablements")
	ctx := context.Background()

	list := must(c.EventOrchestrations.ListEnablements(ctx, recOrchestration)).ok(t, "ListEnablements")
	if len(list) == 0 || list[0].Feature != pagerduty.OrchestrationFeatureAIOps {
		t.Errorf("ListEnablements = %+v", list)
	}
	e := must(c.EventOrchestrations.UpdateEnablement(ctx, recOrchestration, pagerduty.OrchestrationFeatureAIOps, true)).ok(t, "UpdateEnablement")
	if e.Feature != pagerduty.OrchestrationFeatureAIOps || !e.Enabled {
		t.Errorf("UpdateEnablement = %+v", e)
	}
}
