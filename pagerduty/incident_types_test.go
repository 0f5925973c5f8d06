package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const incidentTypeJSON = `{"id":"PTYPE01","type":"incident_type","name":"security","display_name":"Security","description":"Security incidents",
 "enabled":true,"parent":{"id":"PBASE01","type":"incident_type_reference"},"created_at":"2023-05-31T13:41:47.000Z","updated_at":"2023-07-31T13:40:47.000Z"}`

func checkTypeJSON(t *testing.T, got any) {
	t.Helper()
	var it *pagerduty.IncidentType
	switch v := got.(type) {
	case *pagerduty.IncidentType:
		it = v
	case pagerduty.IncidentType:
		it = &v
	}
	if it.ID != "PTYPE01" || it.Name != "security" || it.DisplayName != "Security" || !it.Enabled ||
		it.Parent == nil || it.Parent.ID != "PBASE01" || it.CreatedAt.Month() != 5 || it.UpdatedAt.Month() != 7 {
		t.Errorf("incident type %+v", it)
	}
}

func TestIncidentTypesRequests(t *testing.T) {
	off := false
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentTypes.List(ctx, &pagerduty.ListIncidentTypesOptions{Filter: pagerduty.IncidentTypesDisabled}))
			},
			answer: `{"incident_types":[` + incidentTypeJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/types", query: vals("filter", "disabled")},
			check:  checkTypeJSON,
		},
		{
			name: "ListNil",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentTypes.List(ctx, nil))
			},
			answer: `{"incident_types":[` + incidentTypeJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/types"},
			check:  checkTypeJSON,
		},
		{
			name: "GetByName",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.Get(ctx, "security")
			},
			answer: `{"incident_type":` + incidentTypeJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incidents/types/security"},
			check:  checkTypeJSON,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.Create(ctx, &pagerduty.CreateIncidentTypeParams{Name: "security", DisplayName: "Security",
					ParentType: "incident_default", Description: "Security incidents", Enabled: &off})
			},
			status: 201,
			answer: `{"incident_type":` + incidentTypeJSON + `}`,
			want: wantRequest{method: "POST", path: "/incidents/types", body: `{"incident_type":{"name":"security","display_name":"Security",
				"parent_type":"incident_default","description":"Security incidents","enabled":false}}`},
			check: checkTypeJSON,
		},
		{
			name: "UpdateSendsOnlyWhatIsSet",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.Update(ctx, "PTYPE01", &pagerduty.UpdateIncidentTypeParams{Description: "Security incidents"})
			},
			answer: `{"incident_type":` + incidentTypeJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/incidents/types/PTYPE01", body: `{"incident_type":{"description":"Security incidents"}}`},
			check:  checkTypeJSON,
		},
		{
			name: "ListCustomFields",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentTypes.ListCustomFields(ctx, "security", &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}))
			},
			answer: `{"fields":[` + customFieldJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/types/security/custom_fields", query: vals("include[]", "field_options")},
			check:  checkFieldJSON,
		},
		{
			name: "GetCustomField",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.GetCustomField(ctx, "security", "PFIELD1", &pagerduty.GetCustomFieldOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}})
			},
			answer: `{"field":` + customFieldJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incidents/types/security/custom_fields/PFIELD1", query: vals("include[]", "field_options")},
			check:  checkFieldJSON,
		},
		{
			name: "CreateCustomField",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.CreateCustomField(ctx, "security", &pagerduty.CreateCustomFieldParams{Name: "severity_score",
					DisplayName: "Severity score", DataType: pagerduty.CustomFieldInteger, FieldType: pagerduty.SingleValue, DefaultValue: 3})
			},
			status: 201,
			answer: `{"field":` + customFieldJSON + `}`,
			want: wantRequest{method: "POST", path: "/incidents/types/security/custom_fields", body: `{"field":{"name":"severity_score",
				"display_name":"Severity score","data_type":"integer","field_type":"single_value","default_value":3}}`},
			check: checkFieldJSON,
		},
		{
			name: "UpdateCustomFieldReplacesOptions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.UpdateCustomField(ctx, "security", "PFIELD1", &pagerduty.UpdateCustomFieldParams{
					FieldOptions: []pagerduty.FieldOptionParams{{Value: "production"}}})
			},
			answer: `{"field":` + customFieldJSON + `}`,
			want: wantRequest{method: "PUT", path: "/incidents/types/security/custom_fields/PFIELD1",
				body: `{"field":{"field_options":[{"data":{"data_type":"string","value":"production"}}]}}`},
			check: checkFieldJSON,
		},
		{
			name: "DeleteCustomField",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentTypes.DeleteCustomField(ctx, "security", "PFIELD1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/incidents/types/security/custom_fields/PFIELD1"},
		},
		{
			name: "ListFieldOptions",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.IncidentTypes.ListFieldOptions(ctx, "security", "PFIELD1"))
			},
			answer: `{"field_options":[` + fieldOptionJSON + `]}`,
			want:   wantRequest{method: "GET", path: "/incidents/types/security/custom_fields/PFIELD1/field_options"},
			check:  checkOptionJSON,
		},
		{
			name: "GetFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.GetFieldOption(ctx, "security", "PFIELD1", "POPT1")
			},
			answer: `{"field_option":` + fieldOptionJSON + `}`,
			want:   wantRequest{method: "GET", path: "/incidents/types/security/custom_fields/PFIELD1/field_options/POPT1"},
			check:  checkOptionJSON,
		},
		{
			name: "CreateFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.CreateFieldOption(ctx, "security", "PFIELD1", &pagerduty.FieldOptionParams{Value: "production"})
			},
			status: 201,
			answer: `{"field_option":` + fieldOptionJSON + `}`,
			want: wantRequest{method: "POST", path: "/incidents/types/security/custom_fields/PFIELD1/field_options",
				body: `{"field_option":{"data":{"data_type":"string","value":"production"}}}`},
			check: checkOptionJSON,
		},
		{
			name: "UpdateFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.IncidentTypes.UpdateFieldOption(ctx, "security", "PFIELD1", "POPT1", &pagerduty.FieldOptionParams{Value: "prod"})
			},
			answer: `{"field_option":` + fieldOptionJSON + `}`,
			want: wantRequest{method: "PUT", path: "/incidents/types/security/custom_fields/PFIELD1/field_options/POPT1",
				body: `{"field_option":{"data":{"data_type":"string","value":"prod"}}}`},
			check: checkOptionJSON,
		},
		{
			name: "DeleteFieldOption",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.IncidentTypes.DeleteFieldOption(ctx, "security", "PFIELD1", "POPT1")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/incidents/types/security/custom_fields/PFIELD1/field_options/POPT1"},
		},
	})
}

func TestIncidentTypesRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"ListBadFilter", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentTypes.List(ctx, &pagerduty.ListIncidentTypesOptions{Filter: "on"}))
		}, `Filter: "on" is not accepted; use one of enabled, disabled, all`},
		{"GetBadName", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.Get(ctx, "major incident")
			return err
		}, "invalid ID"},
		{"CreateNoParent", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.Create(ctx, &pagerduty.CreateIncidentTypeParams{Name: "security", DisplayName: "Security", Description: "x"})
			return err
		}, "ParentType is required"},
		{"CreateNoDescription", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.Create(ctx, &pagerduty.CreateIncidentTypeParams{Name: "security", DisplayName: "Security", ParentType: "base"})
			return err
		}, "Description is required"},
		{"CreateBadParent", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.Create(ctx, &pagerduty.CreateIncidentTypeParams{Name: "s", DisplayName: "S", ParentType: "a/b", Description: "x"})
			return err
		}, "ParentType: pagerduty: invalid ID"},
		{"UpdateNoDescription", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.Update(ctx, "security", &pagerduty.UpdateIncidentTypeParams{DisplayName: "Sec"})
			return err
		}, "Description is required"},
		{"CreateFieldNoName", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.CreateCustomField(ctx, "security", &pagerduty.CreateCustomFieldParams{DisplayName: "X"})
			return err
		}, "Name is required"},
		{"UpdateFieldNothing", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.UpdateCustomField(ctx, "security", "PFIELD1", &pagerduty.UpdateCustomFieldParams{})
			return err
		}, "changes nothing"},
		{"GetFieldBadInclude", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.GetCustomField(ctx, "security", "PFIELD1", &pagerduty.GetCustomFieldOptions{Includes: []pagerduty.CustomFieldInclude{"x"}})
			return err
		}, "is not accepted"},
		{"ListFieldsBadType", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentTypes.ListCustomFields(ctx, "", nil))
		}, "the ID is empty"},
		{"OptionBadDataType", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.CreateFieldOption(ctx, "security", "PFIELD1", &pagerduty.FieldOptionParams{Value: "x", DataType: "text"})
			return err
		}, `DataType: "text" is not accepted`},
		{"GetOptionBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.GetFieldOption(ctx, "security", "PFIELD1", "?x")
			return err
		}, "{field_option_id}"},
		{"ListOptionsBadField", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IncidentTypes.ListFieldOptions(ctx, "security", "a/b"))
		}, "{field_id}"},
		{"DeleteFieldBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.IncidentTypes.DeleteCustomField(ctx, "security", "")
		}, "the ID is empty"},
		{"UpdateOptionNil", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IncidentTypes.UpdateFieldOption(ctx, "security", "PFIELD1", "POPT1", nil)
			return err
		}, "Value is required"},
		{"DeleteOptionBadID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.IncidentTypes.DeleteFieldOption(ctx, "security", "PFIELD1", "..")
		}, "is not an ID"},
	})
}
