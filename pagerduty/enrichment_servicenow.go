package pagerduty

import (
	"context"
	"fmt"
	"time"
)

// ServiceNowTableStatus is where the sync of a ServiceNow table stands.
type ServiceNowTableStatus string

// The states of a ServiceNow table sync.
const (
	ServiceNowTableDisabled ServiceNowTableStatus = "disabled"
	ServiceNowTableSyncing  ServiceNowTableStatus = "syncing"
	ServiceNowTableActive   ServiceNowTableStatus = "active"
	ServiceNowTableError    ServiceNowTableStatus = "error"
)

// ServiceNowFieldType is how a mapped ServiceNow field is used.
type ServiceNowFieldType string

// The uses of a mapped ServiceNow field.
const (
	// ServiceNowFieldQuery fields match incoming events to configuration
	// items.
	ServiceNowFieldQuery ServiceNowFieldType = "query"
	// ServiceNowFieldEnriched fields add data to matched events (the
	// default).
	ServiceNowFieldEnriched ServiceNowFieldType = "enriched"
	// ServiceNowFieldDiscriminator fields tell records apart; PagerDuty
	// sets them.
	ServiceNowFieldDiscriminator ServiceNowFieldType = "discriminator"
)

// ServiceNowIntegration is a link to a ServiceNow instance whose CMDB tables
// PagerDuty copies, to enrich events with configuration item data.
type ServiceNowIntegration struct {
	ID          string                 `json:"id"`
	Name        string                 `json:"name"`
	Description string                 `json:"description,omitempty"`
	CMDBTables  []ServiceNowTable      `json:"cmdb_tables,omitempty"`
	Credentials *ServiceNowCredentials `json:"credentials,omitempty"`
	CreatedAt   time.Time              `json:"created_at,omitzero"`
	UpdatedAt   time.Time              `json:"updated_at,omitzero"`
}

// ServiceNowTable is a CMDB table an integration syncs.
type ServiceNowTable struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	// CITableName is the table's name in ServiceNow, such as
	// cmdb_ci_server.
	CITableName string `json:"ci_table_name"`
	// QueryFilter is an encoded ServiceNow query that selects the rows.
	QueryFilter   string                   `json:"query_filter,omitempty"`
	FieldMappings []ServiceNowFieldMapping `json:"field_mappings,omitempty"`
	Status        ServiceNowTableStatus    `json:"status,omitempty"`
	CreatedAt     time.Time                `json:"created_at,omitzero"`
	UpdatedAt     time.Time                `json:"updated_at,omitzero"`
	DeletedAt     time.Time                `json:"deleted_at,omitzero"`
}

// ServiceNowFieldMapping copies a ServiceNow column into an event field.
type ServiceNowFieldMapping struct {
	// ServiceNowField is the column; dotted paths follow references
	// (support_group.manager.email).
	ServiceNowField string `json:"servicenow_field"`
	EventField      string `json:"event_field"`
	// Type is how the field is used; empty means ServiceNowFieldEnriched.
	Type ServiceNowFieldType `json:"type,omitempty"`
}

// ServiceNowTableParams describes a table to sync. DisplayName and
// CITableName are required.
type ServiceNowTableParams struct {
	DisplayName   string                   `json:"display_name"`
	CITableName   string                   `json:"ci_table_name"`
	QueryFilter   string                   `json:"query_filter,omitempty"`
	FieldMappings []ServiceNowFieldMapping `json:"field_mappings,omitempty"`
}

func (p ServiceNowTableParams) check(field string) error {
	if p.DisplayName == "" {
		return required(field+".DisplayName", "the table's name in PagerDuty")
	}
	if p.CITableName == "" {
		return required(field+".CITableName", "the table's name in ServiceNow, such as cmdb_ci_server")
	}
	for i, m := range p.FieldMappings {
		f := fmt.Sprintf("%s.FieldMappings[%d]", field, i)
		if m.ServiceNowField == "" || m.EventField == "" {
			return required(f+".ServiceNowField and EventField", "the column to read and the event field to fill")
		}
		if m.Type != "" {
			if err := oneOf(f+".Type", []ServiceNowFieldType{m.Type}, ServiceNowFieldQuery, ServiceNowFieldEnriched); err != nil {
				return err
			}
		}
	}
	return nil
}

// ServiceNowIntegrationParams creates a ServiceNow integration: Name and 1
// to 8 tables are required. Credentials are added apart, with
// CreateServiceNowCredentials.
type ServiceNowIntegrationParams struct {
	Name        string                  `json:"name"`
	Description string                  `json:"description,omitempty"`
	CMDBTables  []ServiceNowTableParams `json:"cmdb_tables"`
}

// ListServiceNowIntegrations returns the account's ServiceNow enrichment
// integrations.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) ListServiceNowIntegrations(ctx context.Context) ([]ServiceNowIntegration, error) {
	return sliceCall[ServiceNowIntegration](ctx, s.client, "/enrichment/integrations/servicenow", "integrations", nil)
}

// CreateServiceNowIntegration creates a ServiceNow enrichment integration and
// returns it as stored.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) CreateServiceNowIntegration(ctx context.Context, p ServiceNowIntegrationParams) (*ServiceNowIntegration, error) {
	if p.Name == "" {
		return nil, required("Name", "the integration's name")
	}
	if n := len(p.CMDBTables); n < 1 || n > 8 {
		return nil, fmt.Errorf("pagerduty: CMDBTables has %d tables: an integration has 1 to 8", n)
	}
	for i, t := range p.CMDBTables {
		if err := t.check(fmt.Sprintf("CMDBTables[%d]", i)); err != nil {
			return nil, err
		}
	}
	return objectCall[ServiceNowIntegration](ctx, s.client, &request{method: "POST", path: "/enrichment/integrations/servicenow", body: p}, "integration")
}

// GetServiceNowIntegration returns the ServiceNow integration with the given
// ID.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) GetServiceNowIntegration(ctx context.Context, id string) (*ServiceNowIntegration, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[ServiceNowIntegration](ctx, s.client, &request{method: "GET", path: path}, "integration")
}

// DeleteServiceNowIntegration deletes the ServiceNow integration with the
// given ID.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) DeleteServiceNowIntegration(ctx context.Context, id string) error {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// AddServiceNowTable adds a table to sync to the ServiceNow integration with
// the given ID and returns it as stored.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) AddServiceNowTable(ctx context.Context, integrationID string, p ServiceNowTableParams) (*ServiceNowTable, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}/tables", integrationID)
	if err != nil {
		return nil, err
	}
	if err := p.check("table"); err != nil {
		return nil, err
	}
	return objectCall[ServiceNowTable](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"cmdb_table": p}}, "cmdb_table")
}

// UpdateServiceNowTable replaces a table of a ServiceNow integration and
// returns it as stored.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) UpdateServiceNowTable(ctx context.Context, integrationID, tableID string, p ServiceNowTableParams) (*ServiceNowTable, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}/tables/{table_id}", integrationID, tableID)
	if err != nil {
		return nil, err
	}
	if err := p.check("table"); err != nil {
		return nil, err
	}
	return objectCall[ServiceNowTable](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"cmdb_table": p}}, "cmdb_table")
}

// DeleteServiceNowTable removes a table from a ServiceNow integration.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) DeleteServiceNowTable(ctx context.Context, integrationID, tableID string) error {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}/tables/{table_id}", integrationID, tableID)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// ServiceNowSyncStatus is the API's answer to a request to start syncing a
// table.
type ServiceNowSyncStatus struct {
	Status  string `json:"status"`
	Message string `json:"message,omitempty"`
}

// EnableServiceNowTableSync starts syncing a table of a ServiceNow
// integration.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) EnableServiceNowTableSync(ctx context.Context, integrationID, tableID string) (*ServiceNowSyncStatus, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}/tables/{table_id}/enable", integrationID, tableID)
	if err != nil {
		return nil, err
	}
	var out ServiceNowSyncStatus
	if err := s.client.do(ctx, &request{method: "POST", path: path}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// TestServiceNowTable reads a sample of a table of a ServiceNow integration
// as PagerDuty would map it, without syncing: one map of event fields to
// values per row.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) TestServiceNowTable(ctx context.Context, integrationID, tableID string) ([]map[string]any, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/{integration_id}/tables/{table_id}/test", integrationID, tableID)
	if err != nil {
		return nil, err
	}
	var out struct {
		Data []map[string]any `json:"enrichment_data"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}
