package mcptools

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// relatedFake answers for incident PINC001 (#42) in the shapes the API
// documents: one related incident with both kinds of relationship (the
// services of a dependency as single objects), and two past incidents.
func relatedFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	inc := `{"incident":{"id":"PINC001","incident_number":42,"title":"Checkout down","status":"triggered","urgency":"high",
		"service":{"id":"PSVC001","type":"service_reference","summary":"Checkout"},"created_at":"2026-11-24T11:00:00Z"}}`
	f.answer("GET /incidents/PINC001", jsonOf(t, inc))
	f.answer("GET /incidents/42", jsonOf(t, inc))
	f.answer("GET /incidents/PINC001/related_incidents", jsonOf(t, `{"related_incidents":[
		{"incident":{"id":"PINC002","incident_number":43,"title":"Payments slow","status":"acknowledged","urgency":"high","created_at":"2026-11-24T11:05:00Z"},
		 "relationships":[
			{"type":"machine_learning_inferred","metadata":{"grouping_classification":"similar_contents","user_feedback":{"positive_feedback_count":12,"negative_feedback_count":3}}},
			{"type":"service_dependency","metadata":{"dependent_services":{"id":"PBIZ001","type":"business_service_reference","summary":"Storefront"},
				"supporting_services":{"id":"PSVC002","type":"technical_service_reference"}}}]},
		{"incident":{"id":"PINC003","incident_number":40,"title":"Old and done","status":"resolved","urgency":"low","created_at":"2026-11-24T10:30:00Z"},
		 "relationships":[{"type":"machine_learning_inferred","metadata":{"grouping_classification":"prior_feedback"}}]}]}`))
	f.answer("GET /incidents/PINC001/past_incidents", jsonOf(t, `{"past_incidents":[
		{"incident":{"id":"PPAST01","created_at":"2026-10-04T16:08:15Z","self":"https://api.pagerduty.com/incidents/PPAST01","title":"Checkout down"},"score":46.8249},
		{"incident":{"id":"PPAST02","created_at":"2026-09-22T17:18:14Z","self":"https://api.pagerduty.com/incidents/PPAST02","title":"Checkout slow"},"score":12.5}],
		"total":9,"limit":2}`))
	f.answer("GET /incidents/PINC001/outlier_incident", jsonOf(t, `{"outlier_incident":{
		"incident":{"id":"PINC001","created_at":"2026-11-24T11:00:00Z","title":"Checkout down",
			"occurrence":{"count":10,"frequency":0.04,"category":"rare","since":"2026-08-26T11:00:00Z","until":"2026-11-24T11:00:00Z"}},
		"incident_template":{"id":"PTPL001","cluster_id":"PCLU001","mined_text":"Checkout <*>"}}}`))
	return f
}

func TestFindRelatedIncidents(t *testing.T) {
	f := relatedFake(t)
	e := f.env(t)
	var got RelatedIncidents
	txt := e.ok(t, "find_related_incidents", map[string]any{"incident": "INC-42", "past_limit": 2}, &got)
	if got.Incident.ID != "PINC001" || len(got.Related) != 2 || len(got.Past) != 2 || got.PastTotal != 9 || got.Unavailable != nil {
		t.Fatalf("answer %+v", got)
	}
	r := got.Related[0]
	if r.ID != "PINC002" || r.Number != 43 || r.Status != "acknowledged" || len(r.Reasons) != 2 {
		t.Fatalf("related %+v", r)
	}
	if !containsAll(r.Reasons[0], "machine learning", "similar contents", "+12/-3") || !containsAll(r.Reasons[1], "service dependency", "Storefront (PBIZ001)", "depends on PSVC002") {
		t.Errorf("reasons %q", r.Reasons)
	}
	if p := got.Past[0]; p.ID != "PPAST01" || p.Score != 46.8249 || p.Title != "Checkout down" || p.CreatedAt.IsZero() {
		t.Errorf("past %+v", p)
	}
	if o := got.Outlier; o == nil || o.Category != "rare" || o.Count != 10 || o.Frequency != 0.04 || o.Pattern != "Checkout <*>" ||
		!o.Since.Equal(time.Date(2026, 8, 26, 11, 0, 0, 0, time.UTC)) {
		t.Errorf("outlier %+v", o)
	}
	if !containsAll(txt, "How usual for its service: rare, 10 similar incidents since", "(frequency 0.04); pattern: Checkout <*>") {
		t.Errorf("text:\n%s", txt)
	}
	// Only the open related incident is offered for merging.
	if !strings.Contains(txt, "merge_incidents(into: PINC001, sources: [PINC002])") || !strings.Contains(txt, "(2 of 9)") {
		t.Errorf("text:\n%s", txt)
	}
	if q := f.last(t, "GET /incidents/PINC001/related_incidents").Query; q.Get("additional_details[]") != "incident" {
		t.Errorf("related incidents asked without details: %v", q)
	}
	if q := f.last(t, "GET /incidents/PINC001/past_incidents").Query; q.Get("limit") != "2" || q.Get("total") != "true" {
		t.Errorf("past incidents query %v", q)
	}
	// The default asks for 5 past incidents.
	e.ok(t, "find_related_incidents", map[string]any{"incident": "PINC001"}, &got)
	if q := f.last(t, "GET /incidents/PINC001/past_incidents").Query; q.Get("limit") != "5" {
		t.Errorf("default past limit %q, want 5", q.Get("limit"))
	}
}

// TestFindRelatedIncidentsWithoutTheFeature checks that a plan without
// related incidents still gets the past ones, and the reason for the gap;
// when PagerDuty refuses both, the tool error says why.
func TestFindRelatedIncidentsWithoutTheFeature(t *testing.T) {
	f := relatedFake(t)
	refuse := func(*fakeRequest) (int, any) {
		return http.StatusPaymentRequired, jsonOf(t, `{"error":{"message":"Account does not have access to this feature","code":2012}}`)
	}
	f.on("GET /incidents/PINC001/related_incidents", refuse)
	f.on("GET /incidents/PINC001/outlier_incident", func(*fakeRequest) (int, any) {
		return http.StatusForbidden, jsonOf(t, `{"error":{"message":"Forbidden","code":2010}}`)
	})
	e := f.env(t)
	var got RelatedIncidents
	txt := e.ok(t, "find_related_incidents", map[string]any{"incident": "PINC001"}, &got)
	if len(got.Related) != 0 || len(got.Past) != 2 || got.Outlier != nil || len(got.Unavailable) != 2 ||
		!strings.Contains(got.Unavailable[0], "plan") || !strings.Contains(got.Unavailable[1], "credential") {
		t.Fatalf("answer %+v", got)
	}
	if !containsAll(txt, "Related incidents are unavailable", "Its outlier rating (how usual it is for its service) is unavailable") {
		t.Errorf("text:\n%s", txt)
	}
	f.on("GET /incidents/PINC001/past_incidents", refuse)
	msg := e.fails(t, "find_related_incidents", map[string]any{"incident": "PINC001"})
	if !containsAll(msg, "402", "plan does not include") {
		t.Errorf("both refused: %s", msg)
	}
	// Other failures are not hidden.
	f.on("GET /incidents/PINC001/past_incidents", func(*fakeRequest) (int, any) {
		return http.StatusInternalServerError, jsonOf(t, `{"error":{"message":"boom","code":2001}}`)
	})
	f.on("GET /incidents/PINC001/related_incidents", func(*fakeRequest) (int, any) { return http.StatusOK, jsonOf(t, `{"related_incidents":[]}`) })
	if msg := e.fails(t, "find_related_incidents", map[string]any{"incident": "PINC001"}); !containsAll(msg, "Past incidents of PINC001", "500") {
		t.Errorf("server error: %s", msg)
	}
}

func TestFindRelatedIncidentsRefusesBadInput(t *testing.T) {
	f := relatedFake(t)
	e := f.env(t)
	for _, args := range []map[string]any{
		{"incident": "../incidents"},
		{"incident": "#0"},
		{"incident": "PINC001", "past_limit": 51},
		{"incident": "PINC001", "past_limit": 0.5},
	} {
		if msg := e.fails(t, "find_related_incidents", args); !strings.Contains(msg, "incident") && !strings.Contains(msg, "past_limit") {
			t.Errorf("%v: %s", args, msg)
		}
	}
	if reqs := f.requests(); len(reqs) != 0 {
		t.Errorf("refused calls sent %v", keys(reqs))
	}
}
