package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// EnrichmentIntegrationType is where an enrichment schema's records come
// from.
type EnrichmentIntegrationType string

// The sources of enrichment records.
const (
	EnrichmentCSV        EnrichmentIntegrationType = "CSV"
	EnrichmentServiceNow EnrichmentIntegrationType = "SERVICENOW"
)

// EnrichmentFieldType is how a field of an enrichment schema is used.
type EnrichmentFieldType string

// The uses of enrichment schema fields.
const (
	// EnrichmentFieldQuery fields are what events are matched on.
	EnrichmentFieldQuery EnrichmentFieldType = "query"
	// EnrichmentFieldEnriched fields are the data added to matched events.
	EnrichmentFieldEnriched EnrichmentFieldType = "enriched"
	// EnrichmentFieldDiscriminator fields tell records apart (set by
	// PagerDuty).
	EnrichmentFieldDiscriminator EnrichmentFieldType = "discriminator"
)

// EnrichmentSchema describes a table of enrichment data (uploaded as CSV or
// synced from ServiceNow) that event enrichments look events up in.
type EnrichmentSchema struct {
	ID              string                    `json:"id"`
	Type            string                    `json:"type,omitempty"`
	IntegrationType EnrichmentIntegrationType `json:"integration_type,omitempty"`
	Name            string                    `json:"name"`
	Description     string                    `json:"description,omitempty"`
	Fields          []EnrichmentField         `json:"fields,omitempty"`
	CreatedAt       time.Time                 `json:"created_at,omitzero"`
	UpdatedAt       time.Time                 `json:"updated_at,omitzero"`
	DeletedAt       time.Time                 `json:"deleted_at,omitzero"`
}

// EnrichmentField is a column of an enrichment schema.
type EnrichmentField struct {
	Name string              `json:"name"`
	Type EnrichmentFieldType `json:"type"`
}

// EnrichmentRecord is a row of enrichment data: field names to values.
type EnrichmentRecord struct {
	RecordID       string            `json:"record_id"`
	Type           string            `json:"type,omitempty"`
	CreatedAt      time.Time         `json:"created_at,omitzero"`
	EnrichmentData map[string]string `json:"enrichment_data"`
}

// EnrichmentSchemaParams creates a CSV enrichment schema from its fields:
// Name and at least one field are required, each field query or enriched.
type EnrichmentSchemaParams struct {
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	Fields      []EnrichmentField `json:"fields"`
}

// ListEnrichmentSchemas returns the account's enrichment schemas.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) ListEnrichmentSchemas(ctx context.Context) ([]EnrichmentSchema, error) {
	return sliceCall[EnrichmentSchema](ctx, s.client, "/enrichment/schemas", "schemas", nil)
}

// CreateEnrichmentSchema creates an empty CSV enrichment schema with the
// fields p names; upload its records with UploadEnrichmentCSV.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) CreateEnrichmentSchema(ctx context.Context, p EnrichmentSchemaParams) (*EnrichmentSchema, error) {
	if p.Name == "" {
		return nil, required("Name", "the schema's name")
	}
	if len(p.Fields) == 0 {
		return nil, required("Fields", "at least one field, of type query or enriched")
	}
	for i, f := range p.Fields {
		if f.Name == "" {
			return nil, required(fmt.Sprintf("Fields[%d].Name", i), "the column's name")
		}
		if err := oneOf(fmt.Sprintf("Fields[%d].Type", i), []EnrichmentFieldType{f.Type}, EnrichmentFieldQuery, EnrichmentFieldEnriched); err != nil {
			return nil, err
		}
	}
	body := struct {
		IntegrationType EnrichmentIntegrationType `json:"integration_type"`
		EnrichmentSchemaParams
	}{EnrichmentCSV, p}
	return objectCall[EnrichmentSchema](ctx, s.client, &request{method: "POST", path: "/enrichment/schemas", body: body}, "schema")
}

// CreateEnrichmentSchemaFromCSV creates a CSV enrichment schema from a CSV
// file: its header names the fields and its rows become the records.
// filename names the upload (optional).
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) CreateEnrichmentSchemaFromCSV(ctx context.Context, filename string, csv []byte) (*EnrichmentSchema, error) {
	if len(csv) == 0 {
		return nil, required("csv", "the file's content, a header line then one line per record")
	}
	r := &request{method: "POST", path: "/enrichment/schemas", query: filenameQuery(filename)}
	var out struct {
		Schema *EnrichmentSchema `json:"schema"`
	}
	if err := s.client.doCSV(ctx, r, csv, &out); err != nil {
		return nil, err
	}
	if out.Schema == nil {
		return nil, fmt.Errorf("pagerduty: POST %s: the answer has no schema", r.path)
	}
	return out.Schema, nil
}

// GetEnrichmentSchema returns the enrichment schema with the given ID.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) GetEnrichmentSchema(ctx context.Context, id string) (*EnrichmentSchema, error) {
	path, err := expandPath("/enrichment/schemas/{schema_id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[EnrichmentSchema](ctx, s.client, &request{method: "GET", path: path}, "schema")
}

// UpdateEnrichmentSchema renames the enrichment schema with the given ID
// (name empty: unchanged) and sets its description (required by the API).
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) UpdateEnrichmentSchema(ctx context.Context, id, name, description string) (*EnrichmentSchema, error) {
	path, err := expandPath("/enrichment/schemas/{schema_id}", id)
	if err != nil {
		return nil, err
	}
	if description == "" {
		return nil, required("description", "the schema's description; the API requires it on every update")
	}
	sc := map[string]string{"description": description}
	if name != "" {
		sc["name"] = name
	}
	return objectCall[EnrichmentSchema](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"schema": sc}}, "schema")
}

// DeleteEnrichmentSchema deletes the enrichment schema with the given ID and
// its records, and returns the schema as it was.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) DeleteEnrichmentSchema(ctx context.Context, id string) (*EnrichmentSchema, error) {
	path, err := expandPath("/enrichment/schemas/{schema_id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[EnrichmentSchema](ctx, s.client, &request{method: "DELETE", path: path}, "schema")
}

// ListEnrichmentRecords streams the records of the enrichment schema with
// the given ID, following the cursor from page to page. Breaking out of the
// loop stops fetching.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) ListEnrichmentRecords(ctx context.Context, schemaID string, opts *CursorOptions) iter.Seq2[EnrichmentRecord, error] {
	return cursorSeqAt[EnrichmentRecord](ctx, s.client, "/enrichment/schemas/{schema_id}/records", "records", cursorPagedQuery(opts), schemaID)
}

// ListEnrichmentRecordsPage returns one page of the records of the
// enrichment schema with the given ID; pass its NextCursor as opts.Cursor to
// read the next.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) ListEnrichmentRecordsPage(ctx context.Context, schemaID string, opts *CursorOptions) (*Page[EnrichmentRecord], error) {
	return cursorPageAt[EnrichmentRecord](ctx, s.client, "/enrichment/schemas/{schema_id}/records", "records", cursorPagedQuery(opts), schemaID)
}

// EnrichmentUpload is an accepted CSV upload; PagerDuty loads its records
// in the background.
type EnrichmentUpload struct {
	UploadID   string    `json:"upload_id"`
	SchemaID   string    `json:"schema_id"`
	Filename   string    `json:"filename,omitempty"`
	SizeBytes  int64     `json:"size_bytes"`
	Status     string    `json:"status"`
	AcceptedAt time.Time `json:"accepted_at,omitzero"`
}

// UploadEnrichmentCSV uploads a CSV file of records (with a header line
// naming the schema's fields) into the enrichment schema with the given ID.
// filename names the upload (optional).
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) UploadEnrichmentCSV(ctx context.Context, schemaID, filename string, csv []byte) (*EnrichmentUpload, error) {
	path, err := expandPath("/enrichment/schemas/{schema_id}/records", schemaID)
	if err != nil {
		return nil, err
	}
	if len(csv) == 0 {
		return nil, required("csv", "the file's content, a header line then one line per record")
	}
	var out EnrichmentUpload
	if err := s.client.doCSV(ctx, &request{method: "POST", path: path, query: filenameQuery(filename)}, csv, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteEnrichmentRecord deletes a record of an enrichment schema and
// returns it as it was.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) DeleteEnrichmentRecord(ctx context.Context, schemaID, recordID string) (*EnrichmentRecord, error) {
	path, err := expandPath("/enrichment/schemas/{schema_id}/records/{record_id}", schemaID, recordID)
	if err != nil {
		return nil, err
	}
	return objectCall[EnrichmentRecord](ctx, s.client, &request{method: "DELETE", path: path}, "record")
}

// EnrichmentQueryTerm matches records whose Field equals Value.
type EnrichmentQueryTerm struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// QueryEnrichmentData returns the records of the enrichment schema with the
// given ID that match every term, as an event enrichment would find them.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) QueryEnrichmentData(ctx context.Context, schemaID string, terms ...EnrichmentQueryTerm) ([]EnrichmentRecord, error) {
	if err := checkIDs("schemaID", []string{schemaID}); err != nil {
		return nil, err
	}
	for i, t := range terms {
		if t.Field == "" {
			return nil, required(fmt.Sprintf("terms[%d].Field", i), "the query field to match")
		}
	}
	body := map[string]any{"schema_id": schemaID}
	if len(terms) > 0 {
		body["query"] = terms
	}
	var out struct {
		Records []EnrichmentRecord `json:"records"`
	}
	if err := s.client.do(ctx, &request{method: "POST", path: "/enrichment/query", body: body}, &out); err != nil {
		return nil, err
	}
	return out.Records, nil
}

func filenameQuery(filename string) url.Values {
	if filename == "" {
		return nil
	}
	return url.Values{"filename": {filename}}
}
