package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// CustomFieldDataType is the kind of value a custom field holds.
type CustomFieldDataType string

// The data types of custom fields.
const (
	CustomFieldBoolean  CustomFieldDataType = "boolean"
	CustomFieldInteger  CustomFieldDataType = "integer"
	CustomFieldFloat    CustomFieldDataType = "float"
	CustomFieldString   CustomFieldDataType = "string"
	CustomFieldDateTime CustomFieldDataType = "datetime"
	CustomFieldURL      CustomFieldDataType = "url"
)

var customFieldDataTypes = []CustomFieldDataType{
	CustomFieldBoolean, CustomFieldInteger, CustomFieldFloat, CustomFieldString, CustomFieldDateTime, CustomFieldURL,
}

// CustomFieldType says how many values a custom field holds and whether
// they come from a fixed list of options.
type CustomFieldType string

// The field types.
const (
	// SingleValue holds one value of any kind.
	SingleValue CustomFieldType = "single_value"
	// SingleValueFixed holds one value chosen among the field's options.
	SingleValueFixed CustomFieldType = "single_value_fixed"
	// MultiValue holds a list of values.
	MultiValue CustomFieldType = "multi_value"
	// MultiValueFixed holds a list of values chosen among the field's
	// options.
	MultiValueFixed CustomFieldType = "multi_value_fixed"
)

var customFieldTypes = []CustomFieldType{SingleValue, SingleValueFixed, MultiValue, MultiValueFixed}

// CustomFieldInclude names what a custom field answer can embed.
type CustomFieldInclude string

// IncludeFieldOptions embeds the options of fixed-value fields.
const IncludeFieldOptions CustomFieldInclude = "field_options"

// CustomField is a field that incidents carry beside their built-in ones,
// defined for the whole account or for one incident type.
type CustomField struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`

	// Name is the field's fixed, machine-friendly name; DisplayName is what
	// people see.
	Name        string              `json:"name"`
	DisplayName string              `json:"display_name"`
	Description string              `json:"description,omitempty"`
	DataType    CustomFieldDataType `json:"data_type"`
	FieldType   CustomFieldType     `json:"field_type"`
	// DefaultValue is the value new incidents get, as JSON decodes it (a
	// string, a float64, a bool or a []any), or nil.
	DefaultValue any `json:"default_value,omitempty"`
	// Enabled reports whether incidents show the field.
	Enabled bool `json:"enabled,omitempty"`
	// IncidentType names the incident type the field belongs to (fields of
	// incident types only).
	IncidentType string `json:"incident_type,omitempty"`
	// FieldOptions are the values a fixed field accepts (with
	// IncludeFieldOptions).
	FieldOptions []FieldOption `json:"field_options,omitempty"`
	CreatedAt    time.Time     `json:"created_at,omitzero"`
	UpdatedAt    time.Time     `json:"updated_at,omitzero"`
}

// FieldOption is one of the values a fixed custom field accepts.
type FieldOption struct {
	ID        string          `json:"id"`
	Type      string          `json:"type,omitempty"`
	Data      FieldOptionData `json:"data"`
	CreatedAt time.Time       `json:"created_at,omitzero"`
	UpdatedAt time.Time       `json:"updated_at,omitzero"`
}

// FieldOptionData is the value of a field option.
type FieldOptionData struct {
	DataType CustomFieldDataType `json:"data_type"`
	Value    string              `json:"value"`
}

// CreateCustomFieldParams defines a new custom field.
type CreateCustomFieldParams struct {
	// Name is the fixed name (required): it cannot change later.
	Name string
	// DisplayName is what people see (required).
	DisplayName string
	// DataType is the kind of value (required).
	DataType CustomFieldDataType
	// FieldType says how many values the field holds and whether they are
	// fixed (required).
	FieldType   CustomFieldType
	Description string
	// DefaultValue is the value new incidents get; nil sets none.
	DefaultValue any
	// Enabled shows the field on incidents; nil leaves the API's default.
	Enabled *bool
	// FieldOptions are the values a fixed field accepts (SingleValueFixed
	// and MultiValueFixed only).
	FieldOptions []FieldOptionParams
}

// UpdateCustomFieldParams changes a custom field. Nil and empty fields keep
// their values; the name, data type and field type never change.
type UpdateCustomFieldParams struct {
	DisplayName string
	Description *string
	// DefaultValue replaces the value new incidents get; nil keeps it.
	DefaultValue any
	// Enabled shows or hides the field. The account-wide fields
	// (IncidentCustomFieldsService.Update) require it.
	Enabled *bool
	// FieldOptions replaces the options of a fixed field of an incident
	// type (IncidentTypesService.UpdateCustomField only); nil keeps them.
	FieldOptions []FieldOptionParams
}

// FieldOptionParams is the value of a field option to create or change.
type FieldOptionParams struct {
	// Value is the option's value (required).
	Value string
	// DataType is the option's data type; empty means CustomFieldString,
	// the only type fixed fields accept today.
	DataType CustomFieldDataType
}

// customFieldWire is a custom field as writes send it.
type customFieldWire struct {
	Name         string              `json:"name,omitempty"`
	DisplayName  string              `json:"display_name,omitempty"`
	DataType     CustomFieldDataType `json:"data_type,omitempty"`
	FieldType    CustomFieldType     `json:"field_type,omitempty"`
	Description  *string             `json:"description,omitempty"`
	DefaultValue any                 `json:"default_value,omitempty"`
	Enabled      *bool               `json:"enabled,omitempty"`
	FieldOptions []fieldOptionWire   `json:"field_options,omitempty"`
}

type fieldOptionWire struct {
	Data FieldOptionData `json:"data"`
}

func (p *FieldOptionParams) wire(field string) (fieldOptionWire, error) {
	if p == nil || p.Value == "" {
		return fieldOptionWire{}, required(field+"Value", "the option's value, such as \"production\"")
	}
	dt := p.DataType
	if dt == "" {
		dt = CustomFieldString
	}
	if err := oneOf(field+"DataType", []CustomFieldDataType{dt}, customFieldDataTypes...); err != nil {
		return fieldOptionWire{}, err
	}
	return fieldOptionWire{Data: FieldOptionData{DataType: dt, Value: p.Value}}, nil
}

// wireOption is the body of a call that sends one option on its own.
func (p *FieldOptionParams) wireOption() (fieldOptionWire, error) { return p.wire("") }

func optionsWire(opts []FieldOptionParams) ([]fieldOptionWire, error) {
	if opts == nil {
		return nil, nil
	}
	out := make([]fieldOptionWire, len(opts))
	for i := range opts {
		w, err := opts[i].wire(fmt.Sprintf("FieldOptions[%d].", i))
		if err != nil {
			return nil, err
		}
		out[i] = w
	}
	return out, nil
}

func (p *CreateCustomFieldParams) wire() (*customFieldWire, error) {
	switch {
	case p == nil || p.Name == "":
		return nil, required("Name", "the field's fixed name, such as \"environment\"")
	case p.DisplayName == "":
		return nil, required("DisplayName", "the name people see, such as \"Environment\"")
	case p.DataType == "":
		return nil, required("DataType", "one of boolean, integer, float, string, datetime, url")
	case p.FieldType == "":
		return nil, required("FieldType", "one of single_value, single_value_fixed, multi_value, multi_value_fixed")
	}
	if err := oneOf("DataType", []CustomFieldDataType{p.DataType}, customFieldDataTypes...); err != nil {
		return nil, err
	}
	if err := oneOf("FieldType", []CustomFieldType{p.FieldType}, customFieldTypes...); err != nil {
		return nil, err
	}
	opts, err := optionsWire(p.FieldOptions)
	if err != nil {
		return nil, err
	}
	if len(opts) > 0 && p.FieldType != SingleValueFixed && p.FieldType != MultiValueFixed {
		return nil, fmt.Errorf("pagerduty: FieldOptions are accepted only by fixed fields (single_value_fixed, multi_value_fixed), not %s", p.FieldType)
	}
	w := &customFieldWire{Name: p.Name, DisplayName: p.DisplayName, DataType: p.DataType, FieldType: p.FieldType,
		DefaultValue: p.DefaultValue, Enabled: p.Enabled, FieldOptions: opts}
	if p.Description != "" {
		w.Description = &p.Description
	}
	return w, nil
}

func (p *UpdateCustomFieldParams) wire(needEnabled, allowOptions bool) (*customFieldWire, error) {
	if p == nil {
		p = &UpdateCustomFieldParams{}
	}
	if needEnabled && p.Enabled == nil {
		return nil, required("Enabled", "the API wants the field's enabled state on every update: set it to true or false")
	}
	if !allowOptions && p.FieldOptions != nil {
		return nil, fmt.Errorf("pagerduty: FieldOptions cannot be changed here: use CreateFieldOption, UpdateFieldOption and DeleteFieldOption")
	}
	opts, err := optionsWire(p.FieldOptions)
	if err != nil {
		return nil, err
	}
	w := &customFieldWire{DisplayName: p.DisplayName, Description: p.Description, DefaultValue: p.DefaultValue,
		Enabled: p.Enabled, FieldOptions: opts}
	if w.DisplayName == "" && w.Description == nil && w.DefaultValue == nil && w.Enabled == nil && opts == nil {
		return nil, fmt.Errorf("pagerduty: the update changes nothing: set DisplayName, Description, DefaultValue, Enabled or FieldOptions")
	}
	return w, nil
}

// ListCustomFieldsOptions selects what a custom field listing embeds.
type ListCustomFieldsOptions struct {
	// Includes embeds these objects (IncludeFieldOptions).
	Includes []CustomFieldInclude `url:"include[]"`
}

func (o *ListCustomFieldsOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeFieldOptions); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// GetCustomFieldOptions selects what a custom field answer embeds.
type GetCustomFieldOptions = ListCustomFieldsOptions

// List streams the account's incident custom fields (the API answers them
// in one piece).
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.ListCustomFields, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.read.
func (s *IncidentCustomFieldsService) List(ctx context.Context, opts *ListCustomFieldsOptions) iter.Seq2[CustomField, error] {
	return wholeListAt[CustomField](ctx, s.client, "/incidents/custom_fields", "fields", opts.query)
}

// Get returns the incident custom field id.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.GetCustomField, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.read.
func (s *IncidentCustomFieldsService) Get(ctx context.Context, id string, opts *GetCustomFieldOptions) (*CustomField, error) {
	return getQueryAt[CustomField](ctx, s.client, "/incidents/custom_fields/{field_id}", "field", opts.query, id)
}

// Create defines a new incident custom field for the whole account and
// returns it.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.CreateCustomField, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) Create(ctx context.Context, p *CreateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "POST", "/incidents/custom_fields", "field", p.wire)
}

// Update changes the incident custom field id and returns it. The API
// requires Enabled on every update.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.UpdateCustomField, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) Update(ctx context.Context, id string, p *UpdateCustomFieldParams) (*CustomField, error) {
	return writeAt[CustomField](ctx, s.client, "PUT", "/incidents/custom_fields/{field_id}", "field", func() (*customFieldWire, error) {
		return p.wire(true, false)
	}, id)
}

// Delete removes the incident custom field id, and its values from every
// incident.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.DeleteCustomField, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/incidents/custom_fields/{field_id}", id)
}

// ListFieldOptions streams the options of the fixed incident custom field
// fieldID.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.ListFieldOptions, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.read.
func (s *IncidentCustomFieldsService) ListFieldOptions(ctx context.Context, fieldID string) iter.Seq2[FieldOption, error] {
	return wholeListAt[FieldOption](ctx, s.client, "/incidents/custom_fields/{field_id}/field_options", "field_options", nil, fieldID)
}

// CreateFieldOption adds an option to the fixed incident custom field
// fieldID and returns it.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.CreateFieldOption, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) CreateFieldOption(ctx context.Context, fieldID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "POST", "/incidents/custom_fields/{field_id}/field_options", "field_option", p.wireOption, fieldID)
}

// UpdateFieldOption changes the value of the option optionID of the
// incident custom field fieldID and returns it.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.UpdateFieldOption, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) UpdateFieldOption(ctx context.Context, fieldID, optionID string, p *FieldOptionParams) (*FieldOption, error) {
	return writeAt[FieldOption](ctx, s.client, "PUT", "/incidents/custom_fields/{field_id}/field_options/{field_option_id}", "field_option", p.wireOption, fieldID, optionID)
}

// DeleteFieldOption removes the option optionID of the incident custom
// field fieldID.
//
// Deprecated: the API keeps this call for the fields of the base incident
// type only; use IncidentTypesService.DeleteFieldOption, which reaches the fields of
// every incident type (the base type is "incident_default").
//
// OAuth scope custom_fields.write.
func (s *IncidentCustomFieldsService) DeleteFieldOption(ctx context.Context, fieldID, optionID string) error {
	return deleteAt(ctx, s.client, "/incidents/custom_fields/{field_id}/field_options/{field_option_id}", fieldID, optionID)
}
