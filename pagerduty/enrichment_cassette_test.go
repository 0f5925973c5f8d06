package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestEnrichmentCassette'.

const recSchemaID = "2b4c7d1e-8f3a-4e5b-9c6d-1a2b3c4d5e6f"

func TestEnrichmentCassetteEventEnrichments(t *testing.T) {
	c := replayClient(t, "pagerduty/enrichment/event_enrichments")
	ctx := context.Background()

	list := readUpTo(t, "ListEventEnrichments", c.Enrichment.ListEventEnrichments(ctx, &pagerduty.ListEventEnrichmentsOptions{
		Includes: []pagerduty.EventEnrichmentInclude{pagerduty.EventEnrichmentIncludePrivileges}}), 2)
	for _, e := range list {
		if e.ID == "" || e.Name == "" || e.CreatedAt.IsZero() {
			t.Errorf("ListEventEnrichments: %+v lacks an ID, a name or a creation time", e)
		}
	}
	page := must(c.Enrichment.ListEventEnrichmentsPage(ctx, &pagerduty.ListEventEnrichmentsOptions{ListOptions: pagerduty.ListOptions{Limit: 10}})).ok(t, "ListEventEnrichmentsPage")
	if len(page.Items) == 0 || page.Items[0].ID == "" {
		t.Errorf("ListEventEnrichmentsPage: %+v", page)
	}
	created := must(c.Enrichment.CreateEventEnrichment(ctx, pagerduty.EventEnrichmentParams{Name: "Hosts", Description: "Adds owners", TeamID: "PQ9K7I8"})).ok(t, "CreateEventEnrichment")
	got := must(c.Enrichment.GetEventEnrichment(ctx, "PEE1234", pagerduty.EventEnrichmentIncludePrivileges)).ok(t, "GetEventEnrichment")
	updated := must(c.Enrichment.UpdateEventEnrichment(ctx, "PEE1234", pagerduty.EventEnrichmentParams{Name: "Hosts v2"})).ok(t, "UpdateEventEnrichment")
	for what, e := range map[string]*pagerduty.EventEnrichment{"Create": created, "Get": got, "Update": updated} {
		if e.ID == "" || e.Name == "" {
			t.Errorf("%s: %+v lacks an ID or a name", what, e)
		}
	}
	mustDo(t, "DeleteEventEnrichment", c.Enrichment.DeleteEventEnrichment(ctx, "PEE1234"))

	def := must(c.Enrichment.GetDefaultEventEnrichment(ctx)).ok(t, "GetDefaultEventEnrichment")
	if def.Default == nil || def.Default.ID == "" {
		t.Errorf("GetDefaultEventEnrichment: %+v names no default", def)
	}
	set := must(c.Enrichment.SetDefaultEventEnrichment(ctx, "PEE1234")).ok(t, "SetDefaultEventEnrichment")
	if set.Default == nil || set.Default.ID == "" {
		t.Errorf("SetDefaultEventEnrichment: %+v names no default", set)
	}

	assocs := readUpTo(t, "ListEventEnrichmentAssociations", c.Enrichment.ListEventEnrichmentAssociations(ctx, "PEE1234", &pagerduty.ListEventEnrichmentAssociationsOptions{
		AssociationType: pagerduty.EventEnrichmentAssociationService}), 2)
	if assocs[0].ID == "" || assocs[0].Type == "" {
		t.Errorf("ListEventEnrichmentAssociations: %+v", assocs[0])
	}
	apage := must(c.Enrichment.ListEventEnrichmentAssociationsPage(ctx, "PEE1234", nil)).ok(t, "ListEventEnrichmentAssociationsPage")
	if len(apage.Items) == 0 {
		t.Errorf("ListEventEnrichmentAssociationsPage: no items")
	}
	refs := []pagerduty.Reference{{ID: "PSVC123", Type: "service_reference"}}
	added := must(c.Enrichment.AddEventEnrichmentAssociations(ctx, "PEE1234", refs)).ok(t, "AddEventEnrichmentAssociations")
	if added.Status == "" && len(added.Associations) == 0 {
		t.Errorf("AddEventEnrichmentAssociations: empty outcome %+v", added)
	}
	removed := must(c.Enrichment.DeleteEventEnrichmentAssociations(ctx, "PEE1234", refs)).ok(t, "DeleteEventEnrichmentAssociations")
	if removed.Status == "" && len(removed.Associations) == 0 {
		t.Errorf("DeleteEventEnrichmentAssociations: empty outcome %+v", removed)
	}

	rules := must(c.Enrichment.GetEventEnrichmentRules(ctx, "PEE1234")).ok(t, "GetEventEnrichmentRules")
	if len(rules.Sets) == 0 || rules.Sets[0].ID == "" {
		t.Fatalf("GetEventEnrichmentRules: %+v has no sets", rules)
	}
	tmpl := "{{event.custom_details.host}}"
	newRules := must(c.Enrichment.UpdateEventEnrichmentRules(ctx, "PEE1234", []pagerduty.EventEnrichmentRuleSet{{
		ID: "start",
		Rules: []pagerduty.EventEnrichmentRule{{
			Label:      "host from summary",
			Conditions: []pagerduty.EventEnrichmentCondition{{Expression: "event.summary matches part 'disk'"}},
			Actions:    pagerduty.EventEnrichmentActions{Extractions: []pagerduty.EventExtraction{{Target: "event.custom_details.host", Template: &tmpl}}},
		}},
	}})).ok(t, "UpdateEventEnrichmentRules")
	if len(newRules.Sets) == 0 {
		t.Errorf("UpdateEventEnrichmentRules: %+v has no sets", newRules)
	}
}

func TestEnrichmentCassetteServiceNow(t *testing.T) {
	c := replayClient(t, "pagerduty/enrichment/servicenow")
	ctx := context.Background()

	list := must(c.Enrichment.ListServiceNowIntegrations(ctx)).ok(t, "ListServiceNowIntegrations")
	if len(list) == 0 || list[0].ID == "" || list[0].Name == "" {
		t.Fatalf("ListServiceNowIntegrations: %+v", list)
	}
	table := pagerduty.ServiceNowTableParams{
		DisplayName: "Servers", CITableName: "cmdb_ci_server", QueryFilter: "operational_status=1",
		FieldMappings: []pagerduty.ServiceNowFieldMapping{{ServiceNowField: "name", EventField: "source", Type: pagerduty.ServiceNowFieldQuery}, {ServiceNowField: "support_group.manager.email", EventField: "owner"}},
	}
	created := must(c.Enrichment.CreateServiceNowIntegration(ctx, pagerduty.ServiceNowIntegrationParams{Name: "CMDB", Description: "Production", CMDBTables: []pagerduty.ServiceNowTableParams{table}})).ok(t, "CreateServiceNowIntegration")
	got := must(c.Enrichment.GetServiceNowIntegration(ctx, "PSNI123")).ok(t, "GetServiceNowIntegration")
	for what, in := range map[string]*pagerduty.ServiceNowIntegration{"Create": created, "Get": got} {
		if in.ID == "" || in.Name == "" {
			t.Errorf("%s: %+v lacks an ID or a name", what, in)
		}
	}
	tbl := must(c.Enrichment.AddServiceNowTable(ctx, "PSNI123", table)).ok(t, "AddServiceNowTable")
	upd := must(c.Enrichment.UpdateServiceNowTable(ctx, "PSNI123", "PTBL123", table)).ok(t, "UpdateServiceNowTable")
	for what, tb := range map[string]*pagerduty.ServiceNowTable{"Add": tbl, "Update": upd} {
		if tb.ID == "" || tb.CITableName == "" {
			t.Errorf("%s table: %+v lacks an ID or a table name", what, tb)
		}
	}
	sync := must(c.Enrichment.EnableServiceNowTableSync(ctx, "PSNI123", "PTBL123")).ok(t, "EnableServiceNowTableSync")
	if sync.Status == "" {
		t.Errorf("EnableServiceNowTableSync: no status in %+v", sync)
	}
	sample := must(c.Enrichment.TestServiceNowTable(ctx, "PSNI123", "PTBL123")).ok(t, "TestServiceNowTable")
	if len(sample) == 0 || len(sample[0]) == 0 {
		t.Errorf("TestServiceNowTable: no rows in %+v", sample)
	}
	mustDo(t, "DeleteServiceNowTable", c.Enrichment.DeleteServiceNowTable(ctx, "PSNI123", "PTBL123"))
	mustDo(t, "DeleteServiceNowIntegration", c.Enrichment.DeleteServiceNowIntegration(ctx, "PSNI123"))

	creds := must(c.Enrichment.CreateServiceNowCredentials(ctx, pagerduty.ServiceNowCredentialsParams{
		InstanceEndpoint: "https://example.service-now.com", User: "pd-sync", Password: "not-a-secret"})).ok(t, "CreateServiceNowCredentials")
	gotCreds := must(c.Enrichment.GetServiceNowCredentials(ctx, "PCRD123")).ok(t, "GetServiceNowCredentials")
	updCreds := must(c.Enrichment.UpdateServiceNowCredentials(ctx, "PCRD123", pagerduty.ServiceNowCredentialsParams{User: "pd-sync-2"})).ok(t, "UpdateServiceNowCredentials")
	for what, cr := range map[string]*pagerduty.ServiceNowCredentials{"Create": creds, "Get": gotCreds, "Update": updCreds} {
		if cr.ID == "" || cr.InstanceEndpoint == "" || cr.User == "" {
			t.Errorf("%s credentials: %v lack an ID, an endpoint or a user", what, cr)
		}
	}
	mustDo(t, "DeleteServiceNowCredentials", c.Enrichment.DeleteServiceNowCredentials(ctx, "PCRD123"))
}

func TestEnrichmentCassetteSchemas(t *testing.T) {
	c := replayClient(t, "pagerduty/enrichment/schemas")
	ctx := context.Background()

	list := must(c.Enrichment.ListEnrichmentSchemas(ctx)).ok(t, "ListEnrichmentSchemas")
	if len(list) == 0 || list[0].ID == "" || list[0].Name == "" || len(list[0].Fields) == 0 {
		t.Fatalf("ListEnrichmentSchemas: %+v", list)
	}
	created := must(c.Enrichment.CreateEnrichmentSchema(ctx, pagerduty.EnrichmentSchemaParams{Name: "Hosts", Description: "Owners of hosts",
		Fields: []pagerduty.EnrichmentField{{Name: "host", Type: pagerduty.EnrichmentFieldQuery}, {Name: "owner", Type: pagerduty.EnrichmentFieldEnriched}}})).ok(t, "CreateEnrichmentSchema")
	// CreateEnrichmentSchemaFromCSV is not recorded: the API description
	// allows only application/json as the Content-Type of this operation
	// while documenting a CSV body, so the mock refuses every CSV upload.
	got := must(c.Enrichment.GetEnrichmentSchema(ctx, recSchemaID)).ok(t, "GetEnrichmentSchema")
	upd := must(c.Enrichment.UpdateEnrichmentSchema(ctx, recSchemaID, "Hosts v2", "Owners of every host")).ok(t, "UpdateEnrichmentSchema")
	del := must(c.Enrichment.DeleteEnrichmentSchema(ctx, recSchemaID)).ok(t, "DeleteEnrichmentSchema")
	for what, sc := range map[string]*pagerduty.EnrichmentSchema{"Create": created, "Get": got, "Update": upd, "Delete": del} {
		if sc.ID == "" || sc.Name == "" {
			t.Errorf("%s: %+v lacks an ID or a name", what, sc)
		}
	}

	recs := readUpTo(t, "ListEnrichmentRecords", c.Enrichment.ListEnrichmentRecords(ctx, recSchemaID, &pagerduty.CursorOptions{Limit: 50}), 2)
	if recs[0].RecordID == "" || len(recs[0].EnrichmentData) == 0 {
		t.Errorf("ListEnrichmentRecords: %+v", recs[0])
	}
	page := must(c.Enrichment.ListEnrichmentRecordsPage(ctx, recSchemaID, nil)).ok(t, "ListEnrichmentRecordsPage")
	if len(page.Items) == 0 {
		t.Errorf("ListEnrichmentRecordsPage: no records")
	}
	up := must(c.Enrichment.UploadEnrichmentCSV(ctx, recSchemaID, "hosts.csv", []byte("host,owner\nweb-2,team-b\n"))).ok(t, "UploadEnrichmentCSV")
	if up.UploadID == "" || up.Status == "" {
		t.Errorf("UploadEnrichmentCSV: %+v lacks an upload ID or a status", up)
	}
	rec := must(c.Enrichment.DeleteEnrichmentRecord(ctx, recSchemaID, "REC123")).ok(t, "DeleteEnrichmentRecord")
	if rec.RecordID == "" {
		t.Errorf("DeleteEnrichmentRecord: %+v has no record ID", rec)
	}
	found := must(c.Enrichment.QueryEnrichmentData(ctx, recSchemaID, pagerduty.EnrichmentQueryTerm{Field: "host", Value: "web-1"})).ok(t, "QueryEnrichmentData")
	if len(found) == 0 || found[0].RecordID == "" {
		t.Errorf("QueryEnrichmentData: %+v", found)
	}
}
