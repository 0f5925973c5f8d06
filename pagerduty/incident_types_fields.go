package pagerduty

import (
	"context"
	"fmt"
	"iter"
)

// namedFieldErr names the field whose value err is about.
func namedFieldErr(field string, err error) error {
	return fmt.Errorf("%s: %w", field, err)
}

// ListCustomFields streams the custom fields of the incident type typeIDOrName
// (the API answers them in one piece).
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) ListCustomFields(ctx context.Context, typeIDOrName string, opts *ListCustomFieldsOptions) iter.Seq2[CustomField, error] {
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields", typeIDOrName)
	if err != nil {
		return errSeq[CustomField](err)
	}
	q, err := opts.query()
	if err != nil {
		return errSeq[CustomField](err)
	}
	return wholeList[CustomField](ctx, s.client, path, "fields", q)
}

// GetCustomField returns the custom field fieldID of the incident type
// typeIDOrName.
//
// OAuth scope custom_fields.read.
func (s *IncidentTypesService) GetCustomField(ctx context.Context, typeIDOrName, fieldID string, opts *GetCustomFieldOptions) (*CustomField, error) {
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields/{field_id}", typeIDOrName, fieldID)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[CustomField](ctx, s.client, &request{method: "GET", path: path, query: q}, "field")
}

// CreateCustomField adds a custom field to the incident type typeIDOrName
// and returns it.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) CreateCustomField(ctx context.Context, typeIDOrName string, p *CreateCustomFieldParams) (*CustomField, error) {
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields", typeIDOrName)
	if err != nil {
		return nil, err
	}
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	return objectCall[CustomField](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"field": w}}, "field")
}

// UpdateCustomField changes the custom field fieldID of the incident type
// typeIDOrName and returns it. FieldOptions, when set, replaces the options
// of a fixed field.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) UpdateCustomField(ctx context.Context, typeIDOrName, fieldID string, p *UpdateCustomFieldParams) (*CustomField, error) {
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields/{field_id}", typeIDOrName, fieldID)
	if err != nil {
		return nil, err
	}
	w, err := p.wire(false, true)
	if err != nil {
		return nil, err
	}
	return objectCall[CustomField](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"field": w}}, "field")
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
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields/{field_id}/field_options", typeIDOrName, fieldID)
	if err != nil {
		return errSeq[FieldOption](err)
	}
	return wholeList[FieldOption](ctx, s.client, path, "field_options", nil)
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
	path, err := expandPath("/incidents/types/{type_id_or_name}/custom_fields/{field_id}/field_options", typeIDOrName, fieldID)
	if err != nil {
		return nil, err
	}
	w, err := p.wire("")
	if err != nil {
		return nil, err
	}
	return objectCall[FieldOption](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"field_option": w}}, "field_option")
}

// UpdateFieldOption changes the value of the option optionID of the custom
// field fieldID of the incident type typeIDOrName and returns it.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) UpdateFieldOption(ctx context.Context, typeIDOrName, fieldID, optionID string, p *FieldOptionParams) (*FieldOption, error) {
	path, err := expandPath(typeFieldOptionPath, typeIDOrName, fieldID, optionID)
	if err != nil {
		return nil, err
	}
	w, err := p.wire("")
	if err != nil {
		return nil, err
	}
	return objectCall[FieldOption](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"field_option": w}}, "field_option")
}

// DeleteFieldOption removes the option optionID of the custom field fieldID
// of the incident type typeIDOrName.
//
// OAuth scope custom_fields.write.
func (s *IncidentTypesService) DeleteFieldOption(ctx context.Context, typeIDOrName, fieldID, optionID string) error {
	return deleteAt(ctx, s.client, typeFieldOptionPath, typeIDOrName, fieldID, optionID)
}
