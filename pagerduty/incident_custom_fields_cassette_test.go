package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// checkCustomField checks what every custom field answer carries.
func checkCustomField(t *testing.T, what string, f *pagerduty.CustomField) {
	t.Helper()
	if f == nil || f.ID == "" || f.Name == "" || f.DisplayName == "" || f.CreatedAt.IsZero() {
		t.Fatalf("%s: field %+v lacks an ID, a name, a display name or a creation time", what, f)
	}
	switch f.DataType {
	case pagerduty.CustomFieldBoolean, pagerduty.CustomFieldInteger, pagerduty.CustomFieldFloat,
		pagerduty.CustomFieldString, pagerduty.CustomFieldDateTime, pagerduty.CustomFieldURL:
	default:
		t.Errorf("%s: data type %q is not a custom field data type", what, f.DataType)
	}
	switch f.FieldType {
	case pagerduty.SingleValue, pagerduty.SingleValueFixed, pagerduty.MultiValue, pagerduty.MultiValueFixed:
	default:
		t.Errorf("%s: field type %q is not a custom field type", what, f.FieldType)
	}
}

func checkFieldOption(t *testing.T, what string, o *pagerduty.FieldOption) {
	t.Helper()
	if o == nil || o.ID == "" || o.Data.Value == "" || o.Data.DataType != pagerduty.CustomFieldString || o.CreatedAt.IsZero() {
		t.Fatalf("%s: option %+v lacks an ID, a string value or a creation time", what, o)
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentCustomFieldsCassette'.
func TestIncidentCustomFieldsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_custom_fields/fields")
	ctx := context.Background()

	fields := takeFromSeq(t, c.IncidentCustomFields.List(ctx, &pagerduty.ListCustomFieldsOptions{
		Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}), 10)
	if len(fields) == 0 {
		t.Fatal("List read no field")
	}
	checkCustomField(t, "List", &fields[0])
	if len(fields[0].FieldOptions) == 0 {
		t.Fatal("List: the field options asked for are missing")
	}
	checkFieldOption(t, "List", &fields[0].FieldOptions[0])

	f, err := c.IncidentCustomFields.Get(ctx, "P5IYCNZ", &pagerduty.GetCustomFieldOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkCustomField(t, "Get", f)

	f, err = c.IncidentCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{
		Name: "environment", DisplayName: "Environment", DataType: pagerduty.CustomFieldString,
		FieldType: pagerduty.SingleValueFixed, Description: "Where the issue happened",
		FieldOptions: []pagerduty.FieldOptionParams{{Value: "production"}, {Value: "staging"}},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkCustomField(t, "Create", f)

	enabled := true
	f, err = c.IncidentCustomFields.Update(ctx, "P5IYCNZ", &pagerduty.UpdateCustomFieldParams{DisplayName: "Env", Enabled: &enabled})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkCustomField(t, "Update", f)

	if err := c.IncidentCustomFields.Delete(ctx, "P5IYCNZ"); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	opts := takeFromSeq(t, c.IncidentCustomFields.ListFieldOptions(ctx, "P5IYCNZ"), 10)
	if len(opts) == 0 {
		t.Fatal("ListFieldOptions read no option")
	}
	checkFieldOption(t, "ListFieldOptions", &opts[0])

	o, err := c.IncidentCustomFields.CreateFieldOption(ctx, "P5IYCNZ", &pagerduty.FieldOptionParams{Value: "production"})
	if err != nil {
		t.Fatalf("CreateFieldOption: %v", err)
	}
	checkFieldOption(t, "CreateFieldOption", o)

	o, err = c.IncidentCustomFields.UpdateFieldOption(ctx, "P5IYCNZ", "PQ9K7I8", &pagerduty.FieldOptionParams{Value: "prod"})
	if err != nil {
		t.Fatalf("UpdateFieldOption: %v", err)
	}
	checkFieldOption(t, "UpdateFieldOption", o)

	if err := c.IncidentCustomFields.DeleteFieldOption(ctx, "P5IYCNZ", "PQ9K7I8"); err != nil {
		t.Fatalf("DeleteFieldOption: %v", err)
	}
}
