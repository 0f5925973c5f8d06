package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const customFieldJSON = `{"id":"PFIELD1","type":"field","summary":"environment","name":"environment","display_name":"Environment",
 "description":null,"data_type":"string","field_type":"single_value_fixed","default_value":"production","enabled":true,
 "created_at":"2021-06-01T21:30:42Z","updated_at":"2021-06-02T21:30:42Z",
 "field_options":[{"id":"POPT1","type":"field_option","data":{"data_type":"string","value":"production"},"created_at":"2021-06-01T21:30:42Z","updated_at":"2021-06-01T21:30:42Z"}]}`

const fieldOptionJSON = `{"id":"POPT1","type":"field_option","data":{"data_type":"string","value":"production"},"created_at":"2021-06-01T21:30:42Z","updated_at":"2021-06-01T21:30:42Z"}`

func checkFieldJSON(t *testing.T, got any) {
	t.Helper()
	var f *pagerduty.CustomField
	switch v := got.(type) {
	case *pagerduty.CustomField:
		f = v
	case pagerduty.CustomField:
		f = &v
	}
	if f.ID != "PFIELD1" || f.Name != "environment" || f.DataType != pagerduty.CustomFieldString || f.FieldType != pagerduty.SingleValueFixed ||
		f.DefaultValue != "production" || !f.Enabled || f.Description != "" || f.UpdatedAt.Day() != 2 {
		t.Errorf("field %+v", f)
	}
	if len(f.FieldOptions) != 1 || f.FieldOptions[0].Data.Value != "production" || f.FieldOptions[0].CreatedAt.IsZero() {
		t.Errorf("field options %+v", f.FieldOptions)
	}
}

func checkOptionJSON(t *testing.T, got any) {
	t.Helper()
	var o *pagerduty.FieldOption
	switch v := got.(type) {
	case *pagerduty.FieldOption:
		o = v
	case pagerduty.FieldOption:
		o = &v
	}
	if o.ID != "POPT1" || o.Data.DataType != pagerduty.CustomFieldString || o.Data.Value != "production" || o.CreatedAt.Year() != 2021 {
		t.Errorf("option %+v", o)
	}
}

func TestIncidentCustomFieldsRequests(t *testing.T) {
	enabled := false
	desc := "Where it broke"
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentCustomFields.List(ctx, &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}))
			},
			answer: `{"fields":[` + customFieldJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/custom_fields", query: vals("include[]", "field_options")},
			check:  checkFieldJSON,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentCustomFields.Get(ctx, "PFIELD1", nil)
			},
			answer: `{"field":` + customFieldJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incidents/custom_fields/PFIELD1"},
			check:  checkFieldJSON,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{
					Name: "environment", DisplayName: "Environment", DataType: pagerduty.CustomFieldString,
					FieldType: pagerduty.SingleValueFixed, Description: "Where it broke", DefaultValue: "production", Enabled: &enabled,
					FieldOptions: []pagerduty.FieldOptionParams{{Value: "production"}, {Value: "staging", DataType: pagerduty.CustomFieldString}},
				})
			},
			status: 201,
			answer: `{"field":` + customFieldJSON + `}`,
			want: wantRequest{method: "POST", path: "/incidents/custom_fields", body: `{"field":{"name":"environment","display_name":"Environment",
				"data_type":"string","field_type":"single_value_fixed","description":"Where it broke","default_value":"production","enabled":false,
				"field_options":[{"data":{"data_type":"string","value":"production"}},{"data":{"data_type":"string","value":"staging"}}]}}`},
			check: checkFieldJSON,
		},
		{
			name: "UpdateSendsOnlyWhatIsSet",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentCustomFields.Update(ctx, "PFIELD1", &pagerduty.UpdateCustomFieldParams{Description: &desc, Enabled: &enabled})
			},
			answer: `{"field":` + customFieldJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/incidents/custom_fields/PFIELD1", body: `{"field":{"description":"Where it broke","enabled":false}}`},
			check:  checkFieldJSON,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentCustomFields.Delete(ctx, "PFIELD1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/incidents/custom_fields/PFIELD1"},
		},
		{
			name: "ListFieldOptions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentCustomFields.ListFieldOptions(ctx, "PFIELD1"))
			},
			answer: `{"field_options":[` + fieldOptionJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/custom_fields/PFIELD1/field_options"},
			check:  checkOptionJSON,
		},
		{
			name: "CreateFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentCustomFields.CreateFieldOption(ctx, "PFIELD1", &pagerduty.FieldOptionParams{Value: "production"})
			},
			status: 201,
			answer: `{"field_option":` + fieldOptionJSON + `}`,
			want: wantRequest{method: "POST", path: "/incidents/custom_fields/PFIELD1/field_options",
				body: `{"field_option":{"data":{"data_type":"string","value":"production"}}}`},
			check: checkOptionJSON,
		},
		{
			name: "UpdateFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentCustomFields.UpdateFieldOption(ctx, "PFIELD1", "POPT1", &pagerduty.FieldOptionParams{Value: "prod"})
			},
			answer: `{"field_option":` + fieldOptionJSON + `}`,
			want: wantRequest{method: "PUT", path: "/incidents/custom_fields/PFIELD1/field_options/POPT1",
				body: `{"field_option":{"data":{"data_type":"string","value":"prod"}}}`},
			check: checkOptionJSON,
		},
		{
			name: "DeleteFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentCustomFields.DeleteFieldOption(ctx, "PFIELD1", "POPT1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/incidents/custom_fields/PFIELD1/field_options/POPT1"},
		},
	})
}

func TestIncidentCustomFieldsRefuseBadInput(t *testing.T) {
	on := true
	runBadCalls(t, []badCall{
		{"GetBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Get(ctx, "../users", nil)
			return err
		}, "invalid ID"},
		{"ListBadInclude", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentCustomFields.List(ctx, &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{"teams"}}))
		}, `"teams" is not accepted; use one of field_options`},
		{"CreateNil", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, nil)
			return err
		}, "Name is required"},
		{"CreateNoDataType", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "env", DisplayName: "Env", FieldType: pagerduty.SingleValue})
			return err
		}, "DataType is required"},
		{"CreateUnknownDataType", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "env", DisplayName: "Env", DataType: "text", FieldType: pagerduty.SingleValue})
			return err
		}, `DataType: "text" is not accepted`},
		{"CreateUnknownFieldType", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "env", DisplayName: "Env", DataType: "string", FieldType: "fixed"})
			return err
		}, `FieldType: "fixed" is not accepted`},
		{"CreateOptionsOnFreeField", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "env", DisplayName: "Env", DataType: "string",
				FieldType: pagerduty.SingleValue, FieldOptions: []pagerduty.FieldOptionParams{{Value: "a"}}})
			return err
		}, "only by fixed fields"},
		{"CreateEmptyOption", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "env", DisplayName: "Env", DataType: "string",
				FieldType: pagerduty.SingleValueFixed, FieldOptions: []pagerduty.FieldOptionParams{{Value: "a"}, {}}})
			return err
		}, "FieldOptions[1].Value is required"},
		{"UpdateWithoutEnabled", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Update(ctx, "PFIELD1", &pagerduty.UpdateCustomFieldParams{DisplayName: "Env"})
			return err
		}, "Enabled is required"},
		{"UpdateOptionsHere", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.Update(ctx, "PFIELD1", &pagerduty.UpdateCustomFieldParams{Enabled: &on, FieldOptions: []pagerduty.FieldOptionParams{{Value: "a"}}})
			return err
		}, "use CreateFieldOption"},
		{"CreateOptionEmpty", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.CreateFieldOption(ctx, "PFIELD1", &pagerduty.FieldOptionParams{})
			return err
		}, "Value is required"},
		{"UpdateOptionBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentCustomFields.UpdateFieldOption(ctx, "PFIELD1", "a/b", &pagerduty.FieldOptionParams{Value: "x"})
			return err
		}, "field_option_id"},
		{"DeleteOptionBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.IncidentCustomFields.DeleteFieldOption(ctx, "", "POPT1")
		}, "the ID is empty"},
		{"ListOptionsBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentCustomFields.ListFieldOptions(ctx, "a b"))
		}, "invalid ID"},
		{"DeleteBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.IncidentCustomFields.Delete(ctx, "..")
		}, "is not an ID"},
	})
}
