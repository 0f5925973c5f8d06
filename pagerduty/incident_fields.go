package pagerduty

import (
	"context"
	"fmt"
)

// FieldValue is the value of a custom field on an incident.
type FieldValue struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	// Name is the field's fixed name; DisplayName is what people see.
	Name        string `json:"name"`
	DisplayName string `json:"display_name,omitempty"`
	Description string `json:"description,omitempty"`
	// FieldType is "single_value", "single_value_fixed", "multi_value" or
	// "multi_value_fixed".
	FieldType string `json:"field_type,omitempty"`
	// DataType is "boolean", "integer", "float", "string", "datetime" or
	// "url".
	DataType string `json:"data_type,omitempty"`
	// Value is the field's value as JSON decodes it: a string, a float64,
	// a bool, a []any of strings for multi-value fields, or nil when unset.
	Value any `json:"value"`
}

// FieldValueChange sets one custom field, named by ID or by Name (one of
// the two).
type FieldValueChange struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Value is the new value: a string, a number, a bool, a []string for
	// multi-value fields, or nil to clear the field.
	Value any `json:"value"`
}

// SetFieldValuesParams lists the custom fields to set on an incident.
type SetFieldValuesParams struct {
	// Values are the fields to set. An empty list changes nothing.
	Values []FieldValueChange
}

// fieldValuesCall performs r and returns the custom field values its
// answer carries.
func fieldValuesCall(ctx context.Context, c *Client, r *request) ([]FieldValue, error) {
	var out struct {
		Fields []FieldValue `json:"custom_fields"`
	}
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return out.Fields, nil
}

// checkFieldValueChanges validates the list field of custom field changes:
// each names its field by ID or by Name, exactly one of the two.
func checkFieldValueChanges(field string, values []FieldValueChange) error {
	for i, v := range values {
		if (v.ID == "") == (v.Name == "") {
			return fmt.Errorf("pagerduty: %s[%d]: name the field by ID or by Name, exactly one of them", field, i)
		}
		if err := optionalID(fmt.Sprintf("%s[%d].ID", field, i), v.ID); err != nil {
			return err
		}
	}
	return nil
}

// GetFieldValues returns the values of the custom fields of the incident
// id.
//
// OAuth scope incidents.read.
func (s *IncidentsService) GetFieldValues(ctx context.Context, id string) ([]FieldValue, error) {
	path, err := expandPath("/incidents/{id}/custom_fields/values", id)
	if err != nil {
		return nil, err
	}
	return fieldValuesCall(ctx, s.client, &request{method: "GET", path: path})
}

// SetFieldValues sets custom fields of the incident id; the fields p does
// not name keep their values. It returns the values of all the incident's
// fields.
//
// OAuth scope incidents.write.
func (s *IncidentsService) SetFieldValues(ctx context.Context, id string, p *SetFieldValuesParams) ([]FieldValue, error) {
	path, err := expandPath("/incidents/{id}/custom_fields/values", id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = &SetFieldValuesParams{}
	}
	values := p.Values
	if values == nil {
		values = []FieldValueChange{} // the API wants a list, even empty
	}
	if err := checkFieldValueChanges("Values", p.Values); err != nil {
		return nil, err
	}
	return fieldValuesCall(ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"custom_fields": values}})
}
