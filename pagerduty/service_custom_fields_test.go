package pagerduty_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const serviceFieldJSON = `{"id":"F1","type":"field","name":"environment","display_name":"Environment","data_type":"string","field_type":"single_value_fixed","enabled":true,"created_at":"2025-01-02T03:04:05Z","field_options":[{"id":"O1","type":"field_option","data":{"data_type":"string","value":"production"}}]}`
const serviceOptionJSON = `{"id":"O1","type":"field_option","data":{"data_type":"string","value":"production"},"updated_at":"2025-01-02T03:04:05Z"}`

func TestServiceCustomFieldsRequests(t *testing.T) {
	checkField := func(t *testing.T, got any) {
		t.Helper()
		var f *pagerduty.CustomField
		switch v := got.(type) {
		case *pagerduty.CustomField:
			f = v
		case []pagerduty.CustomField:
			f = &v[0]
		}
		if f.ID != "F1" || f.DataType != pagerduty.CustomFieldString || f.FieldType != pagerduty.SingleValueFixed || !f.Enabled ||
			!f.CreatedAt.Equal(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)) || len(f.FieldOptions) != 1 || f.FieldOptions[0].Data.Value != "production" {
			t.Errorf("field %+v", f)
		}
	}
	checkOption := func(t *testing.T, got any) {
		t.Helper()
		var o *pagerduty.FieldOption
		switch v := got.(type) {
		case *pagerduty.FieldOption:
			o = v
		case []pagerduty.FieldOption:
			o = &v[0]
		}
		if o.ID != "O1" || o.Data.Value != "production" || o.UpdatedAt.IsZero() {
			t.Errorf("option %+v", o)
		}
	}
	inc := &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}
	enabled := false
	runAPICases(t, []apiCase{
		{name: "List", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.ServiceCustomFields.List(ctx, inc))
		}, answer: `{"fields":[` + serviceFieldJSON + `]}`,
			want: wantRequest{method: "GET", path: "/services/custom_fields", query: vals("include[]", "field_options")}, check: checkField},
		{name: "Get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.Get(ctx, "F1", inc)
		}, answer: `{"field":` + serviceFieldJSON + `}`,
			want: wantRequest{method: "GET", path: "/services/custom_fields/F1", query: vals("include[]", "field_options")}, check: checkField},
		{name: "Create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "environment", DisplayName: "Environment",
				DataType: pagerduty.CustomFieldString, FieldType: pagerduty.SingleValueFixed, Enabled: &enabled,
				FieldOptions: []pagerduty.FieldOptionParams{{Value: "production"}}})
		}, status: http.StatusCreated, answer: `{"field":` + serviceFieldJSON + `}`,
			want:  wantRequest{method: "POST", path: "/services/custom_fields", body: `{"field":{"name":"environment","display_name":"Environment","data_type":"string","field_type":"single_value_fixed","enabled":false,"field_options":[{"data":{"data_type":"string","value":"production"}}]}}`},
			check: checkField},
		{name: "Update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.Update(ctx, "F1", &pagerduty.UpdateCustomFieldParams{DisplayName: "Env"})
		}, answer: `{"field":` + serviceFieldJSON + `}`,
			want: wantRequest{method: "PUT", path: "/services/custom_fields/F1", body: `{"field":{"display_name":"Env"}}`}, check: checkField},
		{name: "Delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.ServiceCustomFields.Delete(ctx, "F1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/services/custom_fields/F1"}},
		{name: "ListFieldOptions", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return drain(c.ServiceCustomFields.ListFieldOptions(ctx, "F1"))
		}, answer: `{"field_options":[` + serviceOptionJSON + `]}`,
			want: wantRequest{method: "GET", path: "/services/custom_fields/F1/field_options"}, check: checkOption},
		{name: "GetFieldOption", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.GetFieldOption(ctx, "F1", "O1")
		}, answer: `{"field_option":` + serviceOptionJSON + `}`,
			want: wantRequest{method: "GET", path: "/services/custom_fields/F1/field_options/O1"}, check: checkOption},
		{name: "CreateFieldOption", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.CreateFieldOption(ctx, "F1", &pagerduty.FieldOptionParams{Value: "production"})
		}, status: http.StatusCreated, answer: `{"field_option":` + serviceOptionJSON + `}`,
			want:  wantRequest{method: "POST", path: "/services/custom_fields/F1/field_options", body: `{"field_option":{"data":{"data_type":"string","value":"production"}}}`},
			check: checkOption},
		{name: "UpdateFieldOption", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.ServiceCustomFields.UpdateFieldOption(ctx, "F1", "O1", &pagerduty.FieldOptionParams{Value: "production"})
		}, answer: `{"field_option":` + serviceOptionJSON + `}`,
			want:  wantRequest{method: "PUT", path: "/services/custom_fields/F1/field_options/O1", body: `{"field_option":{"data":{"data_type":"string","value":"production"}}}`},
			check: checkOption},
		{name: "DeleteFieldOption", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.ServiceCustomFields.DeleteFieldOption(ctx, "F1", "O1")
		}, status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/services/custom_fields/F1/field_options/O1"}},
	})
}

func TestServiceCustomFieldsRejectBadInput(t *testing.T) {
	scf := func(c *pagerduty.Client) *pagerduty.ServiceCustomFieldsService { return c.ServiceCustomFields }
	runBadCalls(t, []badCall{
		{"List bad include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(scf(c).List(ctx, &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{"values"}}))
		}, `"values" is not accepted`},
		{"Get bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Get(ctx, "a?b", nil)
			return err
		}, "invalid ID"},
		{"Create default value", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "n", DisplayName: "N", DataType: pagerduty.CustomFieldString,
				FieldType: pagerduty.SingleValue, DefaultValue: "x"})
			return err
		}, "DefaultValue is not accepted"},
		{"Create no name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Create(ctx, &pagerduty.CreateCustomFieldParams{})
			return err
		}, "Name is required"},
		{"Create bad data type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Create(ctx, &pagerduty.CreateCustomFieldParams{Name: "n", DisplayName: "N", DataType: "text", FieldType: pagerduty.SingleValue})
			return err
		}, `"text" is not accepted`},
		{"Update nothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Update(ctx, "F1", &pagerduty.UpdateCustomFieldParams{})
			return err
		}, "changes nothing"},
		{"Update options", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).Update(ctx, "F1", &pagerduty.UpdateCustomFieldParams{FieldOptions: []pagerduty.FieldOptionParams{{Value: "x"}}})
			return err
		}, "FieldOptions cannot be changed here"},
		{"ListFieldOptions bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(scf(c).ListFieldOptions(ctx, ""))
		}, "ID is empty"},
		{"CreateFieldOption no value", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).CreateFieldOption(ctx, "F1", &pagerduty.FieldOptionParams{})
			return err
		}, "Value is required"},
		{"UpdateFieldOption bad option", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).UpdateFieldOption(ctx, "F1", "a/b", &pagerduty.FieldOptionParams{Value: "x"})
			return err
		}, "invalid ID"},
		{"GetFieldOption bad option", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := scf(c).GetFieldOption(ctx, "F1", "")
			return err
		}, "ID is empty"},
		{"DeleteFieldOption bad field", func(ctx context.Context, c *pagerduty.Client) error {
			return scf(c).DeleteFieldOption(ctx, "..", "O1")
		}, "not an ID"},
	})
}
