package pagerduty

import (
	"context"
	"errors"
	"iter"
)

// Service custom fields are described by the same CustomField type as
// incident custom fields; they have no default value and no incident type.

// errServiceDefault is returned, before sending, when a service custom
// field is given a DefaultValue.
var errServiceDefault = errors.New("pagerduty: DefaultValue is not accepted by service custom fields: leave it nil")

const serviceFieldOptionPath = "/services/custom_fields/{field_id}/field_options/{field_option_id}"

// List streams the account's service custom fields (the API answers them in
// one piece).
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) List(ctx context.Context, opts *ListCustomFieldsOptions) iter.Seq2[CustomField, error] {
	return wholeListAt[CustomField](ctx, s.client, "/services/custom_fields", "fields", opts.query)
}

// Get returns the service custom field id.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) Get(ctx context.Context, id string, opts *GetCustomFieldOptions) (*CustomField, error) {
	return getQueryAt[CustomField](ctx, s.client, "/services/custom_fields/{field_id}", "field", opts.query, id)
}

// Create defines a new service custom field and returns it. Service fields
// take no DefaultValue.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Create(ctx context.Context, p *CreateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "POST", "/services/custom_fields", "field", func() (*customFieldWire, error) {
		if p != nil && p.DefaultValue != nil {
			return nil, errServiceDefault
		}
		return p.wire()
	})
}

// Update changes the service custom field id (its display name, description
// or enabled state) and returns it. Change its options with
// CreateFieldOption, UpdateFieldOption and DeleteFieldOption.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Update(ctx context.Context, id string, p *UpdateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "PUT", "/services/custom_fields/{field_id}", "field", func() (*customFieldWire, error) {
		if p != nil && p.DefaultValue != nil {
			return nil, errServiceDefault
		}
		return p.wire(false, false)
	}, id)
}

// Delete removes the service custom field id, and its values from every
// service.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/services/custom_fields/{field_id}", id)
}

// ListFieldOptions streams the options of the fixed service custom field
// fieldID.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) ListFieldOptions(ctx context.Context, fieldID string) iter.Seq2[FieldOption, error] {
	return wholeListAt[FieldOption](ctx, s.client, "/services/custom_fields/{field_id}/field_options", "field_options", nil, fieldID)
}

// GetFieldOption returns the option optionID of the service custom field
// fieldID.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) GetFieldOption(ctx context.Context, fieldID, optionID string) (*FieldOption, error) {
	return getAt[FieldOption](ctx, s.client, serviceFieldOptionPath, "field_option", fieldID, optionID)
}

// CreateFieldOption adds an option to the fixed service custom field
// fieldID and returns it.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) CreateFieldOption(ctx context.Context, fieldID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "POST", "/services/custom_fields/{field_id}/field_options", "field_option", p.wireOption, fieldID)
}

// UpdateFieldOption changes the value of the option optionID of the service
// custom field fieldID and returns it.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) UpdateFieldOption(ctx context.Context, fieldID, optionID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "PUT", serviceFieldOptionPath, "field_option", p.wireOption, fieldID, optionID)
}

// DeleteFieldOption removes the option optionID of the service custom field
// fieldID.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) DeleteFieldOption(ctx context.Context, fieldID, optionID string) error {
	return deleteAt(ctx, s.client, serviceFieldOptionPath, fieldID, optionID)
}
