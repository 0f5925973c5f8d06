package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestServiceCustomFieldsCassette'.

func checkRecordedServiceField(t *testing.T, what string, f *pagerduty.CustomField) {
	t.Helper()
	if f == nil || f.ID == "" || f.Name == "" || f.DisplayName == "" || f.DataType == "" || f.FieldType == "" {
		t.Errorf("%s: field %+v lacks an ID, a name, a display name, a data type or a field type", what, f)
	}
}

func checkRecordedFieldOption(t *testing.T, what string, o *pagerduty.FieldOption) {
	t.Helper()
	if o == nil || o.ID == "" || o.Data.Value == "" || o.Data.DataType == "" {
		t.Errorf("%s: option %+v lacks an ID or a value", what, o)
	}
}

func TestServiceCustomFieldsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/service_custom_fields/all")
	ctx := context.Background()
	inc := &pagerduty.ListCustomFieldsOptions{Includes: []pagerduty.CustomFieldInclude{pagerduty.IncludeFieldOptions}}

	for _, f := range readUpTo(t, "List", c.ServiceCustomFields.List(ctx, inc), 10) {
		checkRecordedServiceField(t, "List", &f)
	}
	enabled := true
	created := must(c.ServiceCustomFields.Create(ctx, &pagerduty.CreateCustomFieldParams{
		Name: "environment", DisplayName: "Environment", DataType: pagerduty.CustomFieldString,
		FieldType: pagerduty.SingleValueFixed, Enabled: &enabled,
		FieldOptions: []pagerduty.FieldOptionParams{{Value: "production"}, {Value: "staging"}},
	})).ok(t, "Create")
	checkRecordedServiceField(t, "Create", created)
	got := must(c.ServiceCustomFields.Get(ctx, created.ID, inc)).ok(t, "Get")
	checkRecordedServiceField(t, "Get", got)
	if got.CreatedAt.IsZero() {
		t.Errorf("Get: field %+v has no creation time", got)
	}
	desc := "Where the service runs"
	updated := must(c.ServiceCustomFields.Update(ctx, created.ID, &pagerduty.UpdateCustomFieldParams{
		DisplayName: "Deployment environment", Description: &desc})).ok(t, "Update")
	checkRecordedServiceField(t, "Update", updated)

	for _, o := range readUpTo(t, "ListFieldOptions", c.ServiceCustomFields.ListFieldOptions(ctx, created.ID), 10) {
		checkRecordedFieldOption(t, "ListFieldOptions", &o)
	}
	opt := must(c.ServiceCustomFields.CreateFieldOption(ctx, created.ID, &pagerduty.FieldOptionParams{Value: "testing"})).ok(t, "CreateFieldOption")
	checkRecordedFieldOption(t, "CreateFieldOption", opt)
	checkRecordedFieldOption(t, "GetFieldOption", must(c.ServiceCustomFields.GetFieldOption(ctx, created.ID, opt.ID)).ok(t, "GetFieldOption"))
	checkRecordedFieldOption(t, "UpdateFieldOption", must(c.ServiceCustomFields.UpdateFieldOption(ctx, created.ID, opt.ID,
		&pagerduty.FieldOptionParams{Value: "qa"})).ok(t, "UpdateFieldOption"))
	mustDo(t, "DeleteFieldOption", c.ServiceCustomFields.DeleteFieldOption(ctx, created.ID, opt.ID))
	mustDo(t, "Delete", c.ServiceCustomFields.Delete(ctx, created.ID))
}
