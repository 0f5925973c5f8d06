package pagerduty

import (
	"context"
	"iter"
)

// ListCustomFields streams the custom fields of the incident type typeIDOrName
// (the API answers them in one piece).
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) ListCustomFields(ctx context.Context, typeIDOrName string, opts *ListCustomFieldsOptions) iter.Seq2[CustomField, error] {
	return wholeListAt[CustomField](ctx, s.client, "/incidents/types/{type_id_or_name}/custom_fields", "fields", opts.query, typeIDOrName)
}

// GetCustomField returns the custom field fieldID of the incident type
// typeIDOrName.
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) GetCustomField(ctx context.Context, typeIDOrName, fieldID string, opts *GetCustomFieldOptions) (*CustomField, error) {
	return getQueryAt[CustomField](ctx, s.client, "/incidents/types/{type_id_or_name}/custom_fields/{field_id}", "field", opts.query, typeIDOrName, fieldID)
}

// CreateCustomField adds a custom field to the incident type typeIDOrName
// and returns it.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) CreateCustomField(ctx context.Context, typeIDOrName string, p *CreateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "POST", "/incidents/types/{type_id_or_name}/custom_fields", "field", p.wire, typeIDOrName)
}

// UpdateCustomField changes the custom field fieldID of the incident type
// typeIDOrName and returns it. FieldOptions, when set, replaces the options
// of a fixed field.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) UpdateCustomField(ctx context.Context, typeIDOrName, fieldID string, p *UpdateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "PUT", "/incidents/types/{type_id_or_name}/custom_fields/{field_id}", "field", func() (*customFieldWire, error) {
		return p.wire(false, true)
	}, typeIDOrName, fieldID)
}

// DeleteCustomField removes the custom field fieldID from the incident type
// typeIDOrName.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) DeleteCustomField(ctx context.Context, typeIDOrName, fieldID string) error {
	return deleteAt(ctx, s.client, "/incidents/types/{type_id_or_name}/custom_fields/{field_id}", typeIDOrName, fieldID)
}

const typeFieldOptionPath = "/incidents/types/{type_id_or_name}/custom_fields/{field_id}/field_options/{field_option_id}"

// ListFieldOptions streams the options of the fixed custom field fieldID of
// the incident type typeIDOrName.
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) ListFieldOptions(ctx context.Context, typeIDOrName, fieldID string) iter.Seq2[FieldOption, error] {
	return wholeListAt[FieldOption](ctx, s.client, "/incidents/types/{type_id_or_name}/custom_fields/{field_id}/field_options", "field_options", nil, typeIDOrName, fieldID)
}

// GetFieldOption returns the option optionID of the custom field fieldID of
// the incident type typeIDOrName.
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) GetFieldOption(ctx context.Context, typeIDOrName, fieldID, optionID string) (*FieldOption, error) {
	return getAt[FieldOption](ctx, s.client, typeFieldOptionPath, "field_option", typeIDOrName, fieldID, optionID)
}

// CreateFieldOption adds an option to the fixed custom field fieldID of the
// incident type typeIDOrName and returns it.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) CreateFieldOption(ctx context.Context, typeIDOrName, fieldID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "POST", "/incidents/types/{type_id_or_name}/custom_fields/{field_id}/field_options", "field_option", p.wireOption, typeIDOrName, fieldID)
}

// UpdateFieldOption changes the value of the option optionID of the custom
// field fieldID of the incident type typeIDOrName and returns it.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) UpdateFieldOption(ctx context.Context, typeIDOrName, fieldID, optionID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "PUT", typeFieldOptionPath, "field_option", p.wireOption, typeIDOrName, fieldID, optionID)
}

// DeleteFieldOption removes the option optionID of the custom field fieldID
// of the incident type typeIDOrName.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) DeleteFieldOption(ctx context.Context, typeIDOrName, fieldID, optionID string) error {
	return deleteAt(ctx, s.client, typeFieldOptionPath, typeIDOrName, fieldID, optionID)
}
