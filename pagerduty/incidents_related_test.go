package pagerduty_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestIncidentsListRelated(t *testing.T) {
	// The API sends the dependent and supporting services as one object or
	// as a list: both decode.
	c, rec := fakeAPI(t, 200, `{"related_incidents":[{"incident":{"id":"PR2P3RW","created_at":"2020-11-18T13:08:14Z","title":"Fire"},
		"relationships":[
			{"type":"machine_learning_inferred","metadata":{"grouping_classification":"similar_contents","user_feedback":{"positive_feedback_count":12,"negative_feedback_count":3}}},
			{"type":"service_dependency","metadata":{"dependent_services":{"id":"P1L1YEE","type":"business_service_reference"},
				"supporting_services":[{"id":"PNGCNV2","type":"technical_service_reference"},{"id":"PNGCNV3","type":"technical_service_reference"}]}}]}]}`)
	rel, err := c.Incidents.ListRelated(context.Background(), "PT4KHLK", &pagerduty.RelatedIncidentsOptions{IncludeDetails: true})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/related_incidents", query: url.Values{"additional_details[]": {"incident"}}})
	if len(rel) != 1 || rel[0].Incident.ID != "PR2P3RW" || len(rel[0].Relationships) != 2 {
		t.Fatalf("decoded %+v", rel)
	}
	ml, dep := rel[0].Relationships[0].Metadata, rel[0].Relationships[1].Metadata
	if ml.GroupingClassification != "similar_contents" || ml.UserFeedback.PositiveFeedbackCount != 12 {
		t.Errorf("machine learning metadata %+v", ml)
	}
	if len(dep.DependentServices) != 1 || dep.DependentServices[0].ID != "P1L1YEE" || len(dep.SupportingServices) != 2 {
		t.Errorf("dependency metadata %+v", dep)
	}

	c, rec = fakeAPI(t, 200, `{"related_incidents":[]}`)
	if _, err := c.Incidents.ListRelated(context.Background(), "PT4KHLK", nil); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/related_incidents"})
}

func TestIncidentsListPast(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"past_incidents":[{"incident":{"id":"PFBE9I2","created_at":"2020-11-04T16:08:15Z","title":"Broken"},"score":46.8249}],"total":3,"limit":5}`)
	past, err := c.Incidents.ListPast(context.Background(), "PT4KHLK", &pagerduty.PastIncidentsOptions{Limit: 5, Total: true})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/past_incidents", query: url.Values{"limit": {"5"}, "total": {"true"}}})
	if len(past.Incidents) != 1 || past.Incidents[0].Score != 46.8249 || past.Incidents[0].Incident.Title != "Broken" ||
		past.Total == nil || *past.Total != 3 || past.Limit != 5 {
		t.Errorf("decoded %+v", past)
	}

	c, rec = fakeAPI(t, 200, `{}`)
	_, err = c.Incidents.ListPast(context.Background(), "PT4KHLK", &pagerduty.PastIncidentsOptions{Limit: 1000})
	checkRefused(t, rec, err, "1 to 999")
}

func TestIncidentsGetOutlier(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"outlier_incident":{"incident":{"id":"PR2P3RW","created_at":"2020-11-18T13:08:14Z","title":"Disk",
		"occurrence":{"count":10,"frequency":0.04,"category":"rare","since":"2020-09-23T13:08:14Z","until":"2021-01-18T13:08:14Z"}},
		"incident_template":{"id":"PX3P1PX","cluster_id":"P2B3X5","mined_text":"Disk <*>"}}}`)
	out, err := c.Incidents.GetOutlier(context.Background(), "PT4KHLK", &pagerduty.OutlierIncidentOptions{
		Since: time.Date(2020, 9, 23, 15, 0, 0, 0, time.FixedZone("CEST", 2*3600)), IncludeDetails: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/outlier_incident",
		query: url.Values{"since": {"2020-09-23T13:00:00Z"}, "additional_details[]": {"incident"}}})
	if out.Incident.ID != "PR2P3RW" || out.Occurrence.Category != "rare" || out.Occurrence.Count != 10 ||
		out.Occurrence.Frequency != 0.04 || out.Template.MinedText != "Disk <*>" {
		t.Errorf("decoded %+v", out)
	}
}
