package pagerduty_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// fieldNamed returns the value of the field name in vs, or nil.
func fieldNamed(vs []pagerduty.FieldValue, name string) *pagerduty.FieldValue {
	i := slices.IndexFunc(vs, func(v pagerduty.FieldValue) bool { return v.Name == name })
	if i < 0 {
		return nil
	}
	return &vs[i]
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestServicesCustomFieldValuesCassette$',
// against pdtest: the description's schema wraps each value in an object,
// while its own examples and the API take the value itself, so the spec
// mock refuses the requests the API accepts. The conformance test of
// internal/openapi accepts them as shaped like the operation's examples.
func TestServicesCustomFieldValuesCassette(t *testing.T) {
	c := pdtestReplayClient(t, "pagerduty/services/custom_field_values")
	ctx := context.Background()

	svcs := takeFromSeq(t, c.Services.List(ctx, &pagerduty.ListServicesOptions{ListOptions: pagerduty.ListOptions{Limit: 1}}), 1)
	if len(svcs) != 1 || svcs[0].ID == "" {
		t.Fatalf("Services.List = %+v, want a service", svcs)
	}
	svc := svcs[0].ID

	// By name, one value of each shape.
	set, err := c.Services.SetFieldValues(ctx, svc, []pagerduty.FieldValueChange{
		{Name: "environment", Value: "production"},
		{Name: "regions", Value: []string{"eu-west-1", "us-east-1"}},
		{Name: "tier", Value: 2},
	})
	if err != nil {
		t.Fatalf("SetFieldValues by name: %v", err)
	}
	env := fieldNamed(set, "environment")
	if len(set) != 3 || env == nil || env.ID == "" || env.Value != "production" || env.DataType != "string" {
		t.Fatalf("SetFieldValues by name = %+v", set)
	}
	if r := fieldNamed(set, "regions"); r == nil || r.FieldType != "multi_value" || !slices.Equal(fieldStrings(r.Value), []string{"eu-west-1", "us-east-1"}) {
		t.Errorf("regions = %+v, want a multi-value field with both regions", r)
	}

	// By ID, and null clears a field.
	set, err = c.Services.SetFieldValues(ctx, svc, []pagerduty.FieldValueChange{
		{ID: env.ID, Value: "staging"},
		{Name: "tier", Value: nil},
	})
	if err != nil {
		t.Fatalf("SetFieldValues by ID: %v", err)
	}
	if len(set) != 2 || set[0].ID != env.ID || set[0].Value != "staging" || set[1].Value != nil {
		t.Errorf("SetFieldValues by ID = %+v", set)
	}

	got, err := c.Services.GetFieldValues(ctx, svc)
	if err != nil {
		t.Fatalf("GetFieldValues: %v", err)
	}
	if e := fieldNamed(got, "environment"); e == nil || e.Value != "staging" {
		t.Errorf("environment after the update = %+v, want staging", e)
	}
	if tier := fieldNamed(got, "tier"); tier == nil || tier.Value != nil {
		t.Errorf("tier after clearing = %+v, want null", tier)
	}
	if r := fieldNamed(got, "regions"); r == nil || len(fieldStrings(r.Value)) != 2 {
		t.Errorf("regions, not named in the update = %+v, want them kept", r)
	}

	// A value that does not fit its field is refused by the server.
	_, err = c.Services.SetFieldValues(ctx, svc, []pagerduty.FieldValueChange{{ID: env.ID, Value: []string{"a"}}})
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Errorf("a list for a single-value field: err = %v, want a 400 *APIError", err)
	}
}

// fieldStrings converts a decoded multi-value to []string.
func fieldStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
