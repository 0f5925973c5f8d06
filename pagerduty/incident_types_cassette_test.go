package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func checkIncidentType(t *testing.T, what string, it *pagerduty.IncidentType) {
	t.Helper()
	if it == nil || it.ID == "" || it.Name == "" || it.DisplayName == "" || it.CreatedAt.IsZero() {
		t.Fatalf("%s: incident type %+v lacks an ID, a name, a display name or a creation time", what, it)
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentTypesCassette'.
func TestIncidentTypesCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_types/types")
	ctx := context.Background()

	types := takeFromSeq(t, c.IncidentTypes.List(ctx, &pagerduty.ListIncidentTypesOptions{Filter: pagerduty.IncidentTypesAll}), 10)
	if len(types) < 2 {
		t.Fatalf("List read %d types, want the base type and a derived one", len(types))
	}
	for i := range types {
		checkIncidentType(t, "List", &types[i])
	}
	if types[1].Parent == nil || types[1].Parent.ID == "" {
		t.Errorf("List: the derived type %s has no parent", types[1].Name)
	}

	it, err := c.IncidentTypes.Get(ctx, "security")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkIncidentType(t, "Get", it)

	it, err = c.IncidentTypes.Create(ctx, &pagerduty.CreateIncidentTypeParams{
		Name: "security", DisplayName: "Security", ParentType: "incident_default", Description: "Security incidents"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkIncidentType(t, "Create", it)

	disabled := false
	it, err = c.IncidentTypes.Update(ctx, "P567890", &pagerduty.UpdateIncidentTypeParams{Description: "Security incidents", Enabled: &disabled})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkIncidentType(t, "Update", it)
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestIncidentTypesCassette'.
func TestIncidentTypesCassetteFields(t *testing.T) {
	c := replayClient(t, "pagerduty/incident_types/fields")
	ctx := context.Background()

	fields := takeFromSeq(t, c.IncidentTypes.ListCustomFields(ctx, "security", &pagerduty.ListCustomFieldsOptions{
		Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}), 10)
	if len(fields) == 0 {
		t.Fatal("ListCustomFields read no field")
	}
	for i := range fields {
		checkCustomField(t, "ListCustomFields", &fields[i])
		if fields[i].IncidentType == "" {
			t.Errorf("ListCustomFields: field %s does not name its incident type", fields[i].ID)
		}
	}

	f, err := c.IncidentTypes.GetCustomField(ctx, "security", "P567890", &pagerduty.GetCustomFieldOptions{
		Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}})
	if err != nil {
		t.Fatalf("GetCustomField: %v", err)
	}
	checkCustomField(t, "GetCustomField", f)

	f, err = c.IncidentTypes.CreateCustomField(ctx, "security", &pagerduty.CreateCustomFieldParams{
		Name: "incident_commander", DisplayName: "Incident Commander", DataType: pagerduty.CustomFieldString,
		FieldType: pagerduty.SingleValue, DefaultValue: "John Doe"})
	if err != nil {
		t.Fatalf("CreateCustomField: %v", err)
	}
	checkCustomField(t, "CreateCustomField", f)

	f, err = c.IncidentTypes.UpdateCustomField(ctx, "security", "P567890", &pagerduty.UpdateCustomFieldParams{
		DisplayName: "Commander", DefaultValue: "Jane Doe"})
	if err != nil {
		t.Fatalf("UpdateCustomField: %v", err)
	}
	checkCustomField(t, "UpdateCustomField", f)

	if err := c.IncidentTypes.DeleteCustomField(ctx, "security", "P567890"); err != nil {
		t.Fatalf("DeleteCustomField: %v", err)
	}

	opts := takeFromSeq(t, c.IncidentTypes.ListFieldOptions(ctx, "security", "P567890"), 10)
	if len(opts) == 0 {
		t.Fatal("ListFieldOptions read no option")
	}
	checkFieldOption(t, "ListFieldOptions", &opts[0])

	o, err := c.IncidentTypes.GetFieldOption(ctx, "security", "P567890", "PQ9K7I8")
	if err != nil {
		t.Fatalf("GetFieldOption: %v", err)
	}
	checkFieldOption(t, "GetFieldOption", o)

	o, err = c.IncidentTypes.CreateFieldOption(ctx, "security", "P567890", &pagerduty.FieldOptionParams{Value: "option1"})
	if err != nil {
		t.Fatalf("CreateFieldOption: %v", err)
	}
	checkFieldOption(t, "CreateFieldOption", o)

	o, err = c.IncidentTypes.UpdateFieldOption(ctx, "security", "P567890", "PQ9K7I8", &pagerduty.FieldOptionParams{Value: "option2"})
	if err != nil {
		t.Fatalf("UpdateFieldOption: %v", err)
	}
	checkFieldOption(t, "UpdateFieldOption", o)

	if err := c.IncidentTypes.DeleteFieldOption(ctx, "security", "P567890", "PQ9K7I8"); err != nil {
		t.Fatalf("DeleteFieldOption: %v", err)
	}
}
