package pagerduty_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const fieldsJSON = `{"custom_fields":[
	{"id":"PT4KHEE","type":"field_value","name":"environment","display_name":"Runtime Environment","description":null,
	 "data_type":"string","field_type":"single_value_fixed","value":"production"},
	{"id":"PT4KHEF","type":"field_value","name":"regions","display_name":"Regions","data_type":"string","field_type":"multi_value","value":["eu","us"]},
	{"id":"PT4KHEG","type":"field_value","name":"customers","display_name":"Customers","data_type":"integer","field_type":"single_value","value":12},
	{"id":"PT4KHEH","type":"field_value","name":"notes","display_name":"Notes","data_type":"string","field_type":"single_value","value":null}]}`

func TestIncidentsFieldValues(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, fieldsJSON)
	fields, err := c.Incidents.GetFieldValues(ctx, "PT4KHLK")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/custom_fields/values"})
	if len(fields) != 4 || fields[0].Value != "production" || fields[0].DisplayName != "Runtime Environment" ||
		len(fields[1].Value.([]any)) != 2 || fields[2].Value != float64(12) || fields[3].Value != nil {
		t.Errorf("decoded %+v", fields)
	}

	c, rec = fakeAPI(t, 201, fieldsJSON)
	if _, err := c.Incidents.SetFieldValues(ctx, "PT4KHLK", &pagerduty.SetFieldValuesParams{Values: []pagerduty.FieldValueChange{
		{Name: "environment", Value: "production"},
		{ID: "PT4KHEF", Value: []string{"eu", "us"}},
		{Name: "notes", Value: nil},
	}}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/custom_fields/values", body: `{"custom_fields":[
		{"name":"environment","value":"production"},{"id":"PT4KHEF","value":["eu","us"]},{"name":"notes","value":null}]}`})

	// No values: an empty list, which changes nothing.
	c, rec = fakeAPI(t, 201, fieldsJSON)
	if _, err := c.Incidents.SetFieldValues(ctx, "PT4KHLK", nil); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/custom_fields/values", body: `{"custom_fields":[]}`})
}

func TestIncidentsImpacts(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"limit":100,"next_cursor":null,"services":[
		{"id":"PD1234","name":"Web API","type":"business_service","status":"impacted","additional_fields":{"highest_impacting_priority":{"id":"P53ZZH5","order":2}}},
		{"id":"PF9KMXH","name":"Analytics","type":"business_service","status":"not_impacted"}]}`)
	impacts, err := c.Incidents.ListImpactedBusinessServices(ctx, "PT4KHLK")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/business_services/impacts"})
	if len(impacts) != 2 || impacts[0].Status != pagerduty.Impacted || impacts[0].HighestImpactingPriority == nil ||
		impacts[0].HighestImpactingPriority.Order != 2 || impacts[1].HighestImpactingPriority != nil || impacts[1].Name != "Analytics" {
		t.Errorf("decoded %+v", impacts)
	}

	c, rec = fakeAPI(t, 200, `{"relation":"not_impacted"}`)
	rel, err := c.Incidents.SetBusinessServiceImpact(ctx, "PT4KHLK", "PD1234", &pagerduty.ImpactParams{Relation: pagerduty.NotImpacted})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/business_services/PD1234/impacts", body: `{"relation":"not_impacted"}`})
	if rel != pagerduty.NotImpacted {
		t.Errorf("relation %q", rel)
	}
}

func TestIncidentsFieldsAndImpactsRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(*pagerduty.Client) error
		want string
	}{
		{"neither name nor ID", func(c *pagerduty.Client) error {
			_, err := c.Incidents.SetFieldValues(ctx, "PT4KHLK", &pagerduty.SetFieldValuesParams{Values: []pagerduty.FieldValueChange{{Value: "x"}}})
			return err
		}, "exactly one"},
		{"both name and ID", func(c *pagerduty.Client) error {
			_, err := c.Incidents.SetFieldValues(ctx, "PT4KHLK", &pagerduty.SetFieldValuesParams{Values: []pagerduty.FieldValueChange{{ID: "P1", Name: "n", Value: "x"}}})
			return err
		}, "exactly one"},
		{"no relation", func(c *pagerduty.Client) error {
			_, err := c.Incidents.SetBusinessServiceImpact(ctx, "PT4KHLK", "PD1234", nil)
			return err
		}, "Relation"},
		{"bad relation", func(c *pagerduty.Client) error {
			_, err := c.Incidents.SetBusinessServiceImpact(ctx, "PT4KHLK", "PD1234", &pagerduty.ImpactParams{Relation: "degraded"})
			return err
		}, "impacted, not_impacted"},
		{"bad service", func(c *pagerduty.Client) error {
			_, err := c.Incidents.SetBusinessServiceImpact(ctx, "PT4KHLK", "a?b", &pagerduty.ImpactParams{Relation: pagerduty.Impacted})
			return err
		}, "business_service_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, `{}`)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}

func TestIncidentsGetDecodesCustomFields(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"incident":{"id":"PT4KHLK","type":"incident","custom_fields":[
		{"id":"PT4KHEE","type":"field_value","name":"environment","value":"production"}]}}`)
	inc, err := c.Incidents.Get(context.Background(), "PT4KHLK", &pagerduty.GetIncidentOptions{Includes: []pagerduty.IncidentInclude{pagerduty.IncludeCustomFields}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK", query: url.Values{"include[]": {"custom_fields"}}})
	if len(inc.CustomFields) != 1 || inc.CustomFields[0].Name != "environment" || inc.CustomFields[0].Value != "production" {
		t.Errorf("custom fields %+v", inc.CustomFields)
	}
}
