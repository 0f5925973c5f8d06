package pagerduty

import (
	"context"
	"errors"
	"iter"
)

// Service custom fields are described by the same CustomField type as
// incident custom fields; they have no default value and no incident type.

// List streams the account's service custom fields (the API answers them in
// one piece).
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) List(ctx context.Context, opts *ListCustomFieldsOptions) iter.Seq2[CustomField, error] {
	q, err := opts.query()
	if err != nil {
		return errSeq[CustomField](err)
	}
	return wholeList[CustomField](ctx, s.client, "/services/custom_fields", "fields", q)
}

// Get returns the service custom field id.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) Get(ctx context.Context, id string, opts *GetCustomFieldOptions) (*CustomField, error) {
	path, err := expandPath("/services/custom_fields/{field_id}", id)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[CustomField](ctx, s.client, &request{method: "GET", path: path, query: q}, "field")
}

// Create defines a new service custom field and returns it. Service fields
// take no DefaultValue.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Create(ctx context.Context, p *CreateCustomFieldParams) (*CustomField, error) {
	if p != nil && p.DefaultValue != nil {
		return nil, errors.New("pagerduty: DefaultValue is not accepted by service custom fields: leave it nil")
	}
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "POST", path: "/services/custom_fields", body: map[string]any{"field": w}}
	return objectCall[CustomField](ctx, s.client, r, "field")
}

// Update changes the service custom field id (its display name, description
// or enabled state) and returns it. Change its options with
// CreateFieldOption, UpdateFieldOption and DeleteFieldOption.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Update(ctx context.Context, id string, p *UpdateCustomFieldParams) (*CustomField, error) {
	path, err := expandPath("/services/custom_fields/{field_id}", id)
	if err != nil {
		return nil, err
	}
	if p != nil && p.DefaultValue != nil {
		return nil, errors.New("pagerduty: DefaultValue is not accepted by service custom fields: leave it nil")
	}
	w, err := p.wire(false, false)
	if err != nil {
		return nil, err
	}
	return objectCall[CustomField](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"field": w}}, "field")
}

// Delete removes the service custom field id, and its values from every
// service.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/services/custom_fields/{field_id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// ListFieldOptions streams the options of the fixed service custom field
// fieldID.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) ListFieldOptions(ctx context.Context, fieldID string) iter.Seq2[FieldOption, error] {
	path, err := expandPath("/services/custom_fields/{field_id}/field_options", fieldID)
	if err != nil {
		return errSeq[FieldOption](err)
	}
	return wholeList[FieldOption](ctx, s.client, path, "field_options", nil)
}

// GetFieldOption returns the option optionID of the service custom field
// fieldID.
//
// OAuth scope custom_fields.read.
func (s *ServiceCustomFieldsService) GetFieldOption(ctx context.Context, fieldID, optionID string) (*FieldOption, error) {
	path, err := expandPath("/services/custom_fields/{field_id}/field_options/{field_option_id}", fieldID, optionID)
	if err != nil {
		return nil, err
	}
	return objectCall[FieldOption](ctx, s.client, &request{method: "GET", path: path}, "field_option")
}

// CreateFieldOption adds an option to the fixed service custom field
// fieldID and returns it.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) CreateFieldOption(ctx context.Context, fieldID string, p *FieldOptionParams) (*FieldOption, error) {
	path, err := expandPath("/services/custom_fields/{field_id}/field_options", fieldID)
	if err != nil {
		return nil, err
	}
	w, err := p.wire("")
	if err != nil {
		return nil, err
	}
	return objectCall[FieldOption](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"field_option": w}}, "field_option")
}

// UpdateFieldOption changes the value of the option optionID of the service
// custom field fieldID and returns it.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) UpdateFieldOption(ctx context.Context, fieldID, optionID string, p *FieldOptionParams) (*FieldOption, error) {
	path, err := expandPath("/services/custom_fields/{field_id}/field_options/{field_option_id}", fieldID, optionID)
	if err != nil {
		return nil, err
	}
	w, err := p.wire("")
	if err != nil {
		return nil, err
	}
	return objectCall[FieldOption](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"field_option": w}}, "field_option")
}

// DeleteFieldOption removes the option optionID of the service custom field
// fieldID.
//
// OAuth scope custom_fields.write.
func (s *ServiceCustomFieldsService) DeleteFieldOption(ctx context.Context, fieldID, optionID string) error {
	path, err := expandPath("/services/custom_fields/{field_id}/field_options/{field_option_id}", fieldID, optionID)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
