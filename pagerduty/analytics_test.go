package pagerduty_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const incidentMetricsJSON = `{"data":[{"range_start":"2024-01-01T00:00:00","service_id":"PSVC001","service_name":"API","team_id":"PTEAM01",
 "team_name":"Platform","escalation_policy_id":"PEP0001","escalation_policy_name":"Primary","distinct_responder_count":3,
 "mean_seconds_to_resolve":380.5,"mean_seconds_to_first_ack":63,"p90_seconds_to_resolve":900,"total_incident_count":124,
 "total_incidents_auto_resolved":2,"total_engaged_seconds":3591,"up_time_pct":99.9}],
 "filters":{"urgency":"high"},"time_zone":"Etc/UTC","order":"desc","order_by":"total_incident_count","aggregate_unit":"day"}`

func checkIncidentMetricsJSON(t *testing.T, got any) {
	t.Helper()
	r := got.(*pagerduty.MetricsReport[pagerduty.IncidentMetrics])
	if len(r.Data) != 1 || r.TimeZone != "Etc/UTC" || r.AggregateUnit != pagerduty.AggregateByDay || r.Order != pagerduty.Descending ||
		string(r.Filters) != `{"urgency":"high"}` {
		t.Fatalf("report %+v", r)
	}
	m := r.Data[0]
	if !m.RangeStart.Equal(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)) || m.ServiceID != "PSVC001" || m.TeamName != "Platform" ||
		m.EscalationPolicyID != "PEP0001" || m.DistinctResponderCount != 3 || m.MeanSecondsToResolve != 380.5 || m.P90SecondsToResolve != 900 ||
		m.TotalIncidentCount != 124 || m.TotalIncidentsAutoResolved != 2 || m.UpTimePct != 99.9 {
		t.Errorf("row %+v", m)
	}
}

func TestAnalyticsMetricsRequests(t *testing.T) {
	major, minEsc := false, 2
	opts := &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{
			CreatedAtStart: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), CreatedAtEnd: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
			Urgency: pagerduty.UrgencyHigh, Major: &major, MinTimeoutEscalations: &minEsc, TeamIDs: []string{"PTEAM01"},
			EscalationPolicyIDs: []string{"PEP0001"}, PriorityIDs: []string{"PPRIO01"}, PriorityNames: []string{"P1"},
		},
		TimeZone: "Europe/Paris", Order: pagerduty.Descending, OrderBy: "total_incident_count", AggregateUnit: pagerduty.AggregateByDay,
	}
	body := `{"filters":{"created_at_start":"2024-01-01T00:00:00Z","created_at_end":"2024-02-01T00:00:00Z","urgency":"high","major":false,
		"min_timeout_escalations":2,"team_ids":["PTEAM01"],"escalation_policy_ids":["PEP0001"],"priority_ids":["PPRIO01"],"priority_names":["P1"]},
		"time_zone":"Europe/Paris","order":"desc","order_by":"total_incident_count","aggregate_unit":"day"}`
	type call func(*pagerduty.AnalyticsService, context.Context, *pagerduty.IncidentMetricsOptions) (*pagerduty.MetricsReport[pagerduty.IncidentMetrics], error)
	var cases []apiCase
	for _, m := range []struct {
		name, path string
		fn         call
	}{
		{"IncidentMetrics", "/analytics/metrics/incidents/all", (*pagerduty.AnalyticsService).IncidentMetrics},
		{"IncidentMetricsByService", "/analytics/metrics/incidents/services", (*pagerduty.AnalyticsService).IncidentMetricsByService},
		{"IncidentMetricsForServices", "/analytics/metrics/incidents/services/all", (*pagerduty.AnalyticsService).IncidentMetricsForServices},
		{"IncidentMetricsByTeam", "/analytics/metrics/incidents/teams", (*pagerduty.AnalyticsService).IncidentMetricsByTeam},
		{"IncidentMetricsForTeams", "/analytics/metrics/incidents/teams/all", (*pagerduty.AnalyticsService).IncidentMetricsForTeams},
		{"IncidentMetricsByEscalationPolicy", "/analytics/metrics/incidents/escalation_policies", (*pagerduty.AnalyticsService).IncidentMetricsByEscalationPolicy},
		{"IncidentMetricsForEscalationPolicies", "/analytics/metrics/incidents/escalation_policies/all", (*pagerduty.AnalyticsService).IncidentMetricsForEscalationPolicies},
	} {
		cases = append(cases, apiCase{
			name:   m.name,
			call:   func(ctx context.Context, c *pagerduty.Client) (any, error) { return m.fn(c.Analytics, ctx, opts) },
			answer: incidentMetricsJSON,
			want:   wantRequest{method: "POST", path: m.path, body: body},
			check:  checkIncidentMetricsJSON,
		}, apiCase{
			name:   m.name + "Nil",
			call:   func(ctx context.Context, c *pagerduty.Client) (any, error) { return m.fn(c.Analytics, ctx, nil) },
			answer: incidentMetricsJSON,
			want:   wantRequest{method: "POST", path: m.path, body: `{"filters":{}}`},
			check:  checkIncidentMetricsJSON,
		})
	}

	responderAnswer := `{"data":[{"responder_id":"PUSER01","responder_name":"Jane","team_id":"PTEAM01","team_name":"Platform",
		"mean_time_to_acknowledge_seconds":12.5,"total_incident_count":41,"total_seconds_on_call":604799,"total_seconds_on_call_level_2_plus":3600}],"time_zone":"Etc/UTC"}`
	checkResponder := func(t *testing.T, got any) {
		r := got.(*pagerduty.MetricsReport[pagerduty.ResponderMetrics])
		if len(r.Data) != 1 || r.Data[0].ResponderID != "PUSER01" || r.Data[0].MeanTimeToAcknowledgeSeconds != 12.5 ||
			r.Data[0].TotalIncidentCount != 41 || r.Data[0].TotalSecondsOnCall != 604799 || r.Data[0].TotalSecondsOnCallLevel2Up != 3600 {
			t.Errorf("report %+v", r)
		}
	}
	ropts := &pagerduty.ResponderMetricsOptions{
		Filters: pagerduty.ResponderMetricsFilters{DateRangeStart: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
			Urgency: pagerduty.UrgencyLow, ResponderIDs: []string{"PUSER01"}, PriorityNames: []string{"P2"}},
		Order: pagerduty.Ascending, OrderBy: "total_incident_count",
	}
	rbody := `{"filters":{"date_range_start":"2024-01-01T00:00:00Z","urgency":"low","responder_ids":["PUSER01"],"priority_names":["P2"]},
		"order":"asc","order_by":"total_incident_count"}`
	cases = append(cases,
		apiCase{
			name: "ResponderMetrics",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.ResponderMetrics(ctx, ropts)
			},
			answer: responderAnswer,
			want:   wantRequest{method: "POST", path: "/analytics/metrics/responders/all", body: rbody},
			check:  checkResponder,
		},
		apiCase{
			name: "ResponderMetricsByTeam",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.ResponderMetricsByTeam(ctx, ropts)
			},
			answer: responderAnswer,
			want:   wantRequest{method: "POST", path: "/analytics/metrics/responders/teams", body: rbody},
			check:  checkResponder,
		},
		apiCase{
			name: "UserMetrics",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.UserMetrics(ctx, &pagerduty.UserAnalyticsOptions{
					Filters:       pagerduty.UserAnalyticsFilters{UserIDs: []string{"PUSER01"}, RoleIDs: []string{"PROLE01"}},
					AggregateUnit: pagerduty.AggregateByMonth, TimeZone: "America/Chicago"})
			},
			answer: `{"data":[{"range_start":"2024-01-01T00:00:00","total_user_count":20,"total_signed_up_count":14,"total_signed_up_percentage":70}],"time_zone":"America/Chicago"}`,
			want: wantRequest{method: "POST", path: "/analytics/metrics/users/all",
				body: `{"filters":{"user_ids":["PUSER01"],"role_ids":["PROLE01"]},"time_zone":"America/Chicago","aggregate_unit":"month"}`},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.MetricsReport[pagerduty.UserMetrics])
				if len(r.Data) != 1 || r.Data[0].TotalUserCount != 20 || r.Data[0].TotalSignedUpPercentage != 70 || r.Data[0].RangeStart.Month() != time.January {
					t.Errorf("report %+v", r)
				}
			},
		},
		apiCase{
			name: "PDAdvanceUsage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.PDAdvanceUsage(ctx, &pagerduty.PDAdvanceUsageOptions{
					Filters:  pagerduty.PDAdvanceUsageFilters{IncidentCreatedAtStart: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), ServiceIDs: []string{"PSVC001"}},
					TimeZone: "Etc/UTC"})
			},
			answer: `{"data":[{"feature_id":"genai_incident_summarization","total_credits_used":16,"total_use_count":8,"total_proactive_credits_used":1,"total_proactive_use_count":2}]}`,
			want: wantRequest{method: "POST", path: "/analytics/metrics/pd_advance_usage/features",
				body: `{"filters":{"incident_created_at_start":"2024-10-01T00:00:00Z","service_ids":["PSVC001"]},"time_zone":"Etc/UTC"}`},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.MetricsReport[pagerduty.PDAdvanceUsage])
				if len(r.Data) != 1 || r.Data[0].FeatureID != "genai_incident_summarization" || r.Data[0].TotalCreditsUsed != 16 || r.Data[0].TotalProactiveUseCount != 2 {
					t.Errorf("report %+v", r)
				}
			},
		},
	)
	runAPICases(t, cases)
}

const rawIncidentJSON = `{"id":"PINC001","incident_number":928,"description":"The server is on fire","status":"resolved","urgency":"high",
 "major":true,"created_at":"2023-05-31T10:05:00","resolved_at":"2023-05-31T10:15:00Z","service_id":"PSVC001","priority_id":null,
 "priority_name":null,"priority_order":null,"assigned_user_ids":["PUSER01"],"seconds_to_resolve":600,"user_defined_effort_seconds":null}`

func TestAnalyticsRawRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "ListRawIncidentsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.ListRawIncidentsPage(ctx, &pagerduty.RawIncidentsOptions{
					Filters:      pagerduty.RawIncidentFilters{UpdatedAfter: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), IncidentTypeIDs: []string{"PTYPE01"}},
					EndingBefore: "cursorA", Order: pagerduty.Descending, OrderBy: "seconds_to_resolve", Limit: 1000})
			},
			answer: `{"data":[` + rawIncidentJSON + `],"first":"c1","last":"c2","limit":1000,"more":true,"order":"desc","order_by":"seconds_to_resolve","time_zone":"Etc/UTC"}`,
			want: wantRequest{method: "POST", path: "/analytics/raw/incidents", body: `{"filters":{"updated_after":"2024-01-01T00:00:00Z","incident_type_ids":["PTYPE01"]},
				"ending_before":"cursorA","order":"desc","order_by":"seconds_to_resolve","limit":1000}`},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.AnalyticsPage[pagerduty.RawIncident])
				if p.First != "c1" || p.Last != "c2" || !p.More || p.Limit != 1000 || p.OrderBy != "seconds_to_resolve" || len(p.Items) != 1 {
					t.Fatalf("page %+v", p)
				}
				i := p.Items[0]
				if i.ID != "PINC001" || i.IncidentNumber != 928 || !i.Major || i.CreatedAt.Hour() != 10 || i.ResolvedAt.Minute() != 15 ||
					i.PriorityID != "" || i.UserDefinedEffortSeconds != nil || i.SecondsToResolve != 600 || len(i.AssignedUserIDs) != 1 {
					t.Errorf("incident %+v", i)
				}
			},
		},
		{
			name: "GetRawIncidentWrapped",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.GetRawIncident(ctx, "PINC001")
			},
			answer: `{"time_zone":"Etc/UTC","data":` + rawIncidentJSON + `}`,
			want:   wantRequest{method: "GET", path: "/analytics/raw/incidents/PINC001"},
			check: func(t *testing.T, got any) {
				if i := got.(*pagerduty.RawIncident); i.ID != "PINC001" || i.IncidentNumber != 928 {
					t.Errorf("incident %+v", i)
				}
			},
		},
		{
			name: "GetRawIncidentBare",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.GetRawIncident(ctx, "PINC001")
			},
			answer: rawIncidentJSON,
			want:   wantRequest{method: "GET", path: "/analytics/raw/incidents/PINC001"},
			check: func(t *testing.T, got any) {
				if i := got.(*pagerduty.RawIncident); i.ID != "PINC001" || i.Description != "The server is on fire" {
					t.Errorf("incident %+v", i)
				}
			},
		},
		{
			name: "GetIncidentResponses",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.GetIncidentResponses(ctx, "PINC001", &pagerduty.IncidentResponsesOptions{Limit: 50, Order: pagerduty.Descending, OrderBy: "requested_at"})
			},
			answer: `{"incident_id":"PINC001","limit":50,"responses":[{"responder_id":"PUSER01","responder_type":"escalated","response_status":"joined",
				"requested_at":"2024-01-05T10:15:00","responded_at":"2024-01-05T10:18:00","time_to_respond_seconds":180},{"responder_id":"PUSER02"}]}`,
			want: wantRequest{method: "GET", path: "/analytics/raw/incidents/PINC001/responses", body: `{"limit":50,"order":"desc","order_by":"requested_at"}`},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.IncidentResponses)
				if r.IncidentID != "PINC001" || len(r.Responses) != 2 || r.Responses[0].TimeToRespondSeconds != 180 ||
					r.Responses[0].RespondedAt.Sub(r.Responses[0].RequestedAt.Time) != 3*time.Minute || r.Responses[1].ResponderID != "PUSER02" {
					t.Errorf("responses %+v", r)
				}
			},
		},
		{
			name: "GetIncidentResponsesOneObject",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.GetIncidentResponses(ctx, "PINC001", nil)
			},
			answer: `{"incident_id":"PINC001","responses":{"responder_id":"PUSER01","response_status":"accepted"}}`,
			want:   wantRequest{method: "GET", path: "/analytics/raw/incidents/PINC001/responses"},
			check: func(t *testing.T, got any) {
				r := got.(*pagerduty.IncidentResponses)
				if len(r.Responses) != 1 || r.Responses[0].ResponderID != "PUSER01" || r.Responses[0].ResponseStatus != "accepted" {
					t.Errorf("responses %+v", r)
				}
			},
		},
		{
			name: "ListRawResponderIncidentsPageReadsLooseTypes",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.ListRawResponderIncidentsPage(ctx, "PUSER01", &pagerduty.RawIncidentsOptions{OrderBy: "incident_created_at", StartingAfter: "c0"})
			},
			answer: `{"responder_id":"PUSER01","first":"c1","last":"c2","limit":100,"data":[{"responder_id":"PUSER01","incident_id":"PINC001",
				"incident_number":5,"incident_created_at":"2023-06-10T22:08:35","incident_description":30,"incident_urgency":"high",
				"total_off_hour_interruptions":"3","mean_time_to_acknowledge_seconds":2.5}]}`,
			want: wantRequest{method: "POST", path: "/analytics/raw/responders/PUSER01/incidents",
				body: `{"filters":{},"starting_after":"c0","order_by":"incident_created_at"}`},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.AnalyticsPage[pagerduty.RawResponderIncident])
				if p.More || len(p.Items) != 1 {
					t.Fatalf("page %+v: one item short of the limit means no more", p)
				}
				r := p.Items[0]
				if r.IncidentDescription != "30" || r.IncidentUrgency != "high" || r.TotalOffHourInterruptions != 3 ||
					r.MeanTimeToAcknowledgeSeconds != 2.5 || r.IncidentCreatedAt.Day() != 10 {
					t.Errorf("record %+v", r)
				}
			},
		},
		{
			name: "ListRawUsersPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Analytics.ListRawUsersPage(ctx, &pagerduty.UserAnalyticsOptions{Limit: 2, Order: pagerduty.Ascending, OrderBy: "user_name"})
			},
			answer: `{"data":[{"id":"PUSER01","user_name":"Jane","email":"jane@example.com","account_id":1454,"description":null,"time_zone":null,
				"role":"user","created_at":"2025-02-21T16:56:08","last_sign_in_at":null,"channel_types_configured":["EmailChannel"],"signed_up":true}],
				"first":"u1","last":"u1","limit":2,"more":false}`,
			want: wantRequest{method: "POST", path: "/analytics/raw/users", body: `{"filters":{},"order":"asc","order_by":"user_name","limit":2}`},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.AnalyticsPage[pagerduty.RawUser])
				if len(p.Items) != 1 || p.More {
					t.Fatalf("page %+v", p)
				}
				u := p.Items[0]
				if u.ID != "PUSER01" || u.Email != "jane@example.com" || u.AccountID != 1454 || !u.SignedUp || u.CreatedAt.Year() != 2025 ||
					!u.LastSignInAt.IsZero() || len(u.ChannelTypesConfigured) != 1 {
					t.Errorf("user %+v", u)
				}
			},
		},
	})
}

// The raw iterators follow the starting_after cursor until the API says no
// more, sending the same filters with each page.
func TestAnalyticsRawIteratorsFollowTheCursor(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		req := rec.record(r)
		var body struct {
			StartingAfter string `json:"starting_after"`
		}
		_ = json.Unmarshal(req.Body, &body)
		first := map[string]any{"data": []map[string]any{{"id": "P1"}, {"id": "P2"}}, "last": "c2", "more": true, "limit": 2}
		second := map[string]any{"data": []map[string]any{{"id": "P3"}}, "last": "c3", "more": false, "limit": 2}
		if strings.Contains(req.Path, "/responders/") {
			// This listing's answers do not say whether more follows.
			delete(first, "more")
			delete(second, "more")
		}
		switch body.StartingAfter {
		case "":
			writeJSON(w, 200, first)
		case "c2":
			writeJSON(w, 200, second)
		default:
			writeJSON(w, 400, map[string]any{"error": map[string]any{"message": "unexpected cursor"}})
		}
	})
	var ids []string
	for inc, err := range c.Analytics.ListRawIncidents(context.Background(), &pagerduty.RawIncidentsOptions{
		Filters: pagerduty.RawIncidentFilters{Urgency: pagerduty.UrgencyHigh}, Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, inc.ID)
	}
	if len(ids) != 3 || ids[0] != "P1" || ids[2] != "P3" {
		t.Fatalf("ids %v, want P1 P2 P3", ids)
	}
	reqs := rec.all()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	checkRequest(t, reqs[1], wantRequest{method: "POST", path: "/analytics/raw/incidents",
		body: `{"filters":{"urgency":"high"},"starting_after":"c2","limit":2}`})

	// Breaking out of the loop stops fetching.
	before := len(rec.all())
	for range c.Analytics.ListRawUsers(context.Background(), nil) {
		break
	}
	if n := len(rec.all()) - before; n != 1 {
		t.Errorf("a loop that breaks at once sent %d requests, want 1", n)
	}

	// A responder listing with no "more" field reads on while pages are full.
	before = len(rec.all())
	got := 0
	for _, err := range c.Analytics.ListRawResponderIncidents(context.Background(), "PUSER01", nil) {
		if err != nil {
			t.Fatal(err)
		}
		got++
	}
	if n := len(rec.all()) - before; n != 2 || got != 3 {
		t.Errorf("responder listing: %d requests and %d items, want 2 and 3", n, got)
	}
}

func TestAnalyticsRefuseBadInput(t *testing.T) {
	now := time.Now()
	neg := -1
	runBadCalls(t, []badCall{
		{"BadUrgency", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetrics(ctx, &pagerduty.IncidentMetricsOptions{Filters: pagerduty.IncidentMetricsFilters{Urgency: "urgent"}})
			return err
		}, `Filters.Urgency: "urgent" is not accepted; use one of high, low`},
		{"BadAggregateUnit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetricsByService(ctx, &pagerduty.IncidentMetricsOptions{AggregateUnit: "year"})
			return err
		}, `AggregateUnit: "year" is not accepted; use one of day, week, month`},
		{"BadOrder", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetricsByTeam(ctx, &pagerduty.IncidentMetricsOptions{Order: "up"})
			return err
		}, `Order: "up" is not accepted`},
		{"BadTeamID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetricsForTeams(ctx, &pagerduty.IncidentMetricsOptions{Filters: pagerduty.IncidentMetricsFilters{TeamIDs: []string{"a/b"}}})
			return err
		}, "Filters.TeamIDs: pagerduty: invalid ID"},
		{"NegativeMinimum", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetricsForServices(ctx, &pagerduty.IncidentMetricsOptions{Filters: pagerduty.IncidentMetricsFilters{MinManualEscalations: &neg}})
			return err
		}, "MinManualEscalations -1 is negative"},
		{"RangeBackwards", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.IncidentMetricsByEscalationPolicy(ctx, &pagerduty.IncidentMetricsOptions{Filters: pagerduty.IncidentMetricsFilters{CreatedAtStart: now, CreatedAtEnd: now.Add(-time.Hour)}})
			return err
		}, "Filters.CreatedAtEnd"},
		{"ResponderBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.ResponderMetrics(ctx, &pagerduty.ResponderMetricsOptions{Filters: pagerduty.ResponderMetricsFilters{ResponderIDs: []string{""}}})
			return err
		}, "Filters.ResponderIDs"},
		{"ResponderRangeBackwards", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.ResponderMetricsByTeam(ctx, &pagerduty.ResponderMetricsOptions{Filters: pagerduty.ResponderMetricsFilters{DateRangeStart: now, DateRangeEnd: now}})
			return err
		}, "Filters.DateRangeEnd"},
		{"UserMetricsBadUnit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.UserMetrics(ctx, &pagerduty.UserAnalyticsOptions{AggregateUnit: "hour"})
			return err
		}, `AggregateUnit: "hour" is not accepted`},
		{"PDAdvanceBadRange", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.PDAdvanceUsage(ctx, &pagerduty.PDAdvanceUsageOptions{Filters: pagerduty.PDAdvanceUsageFilters{IncidentCreatedAtStart: now, IncidentCreatedAtEnd: now.Add(-1)}})
			return err
		}, "Filters.IncidentCreatedAtEnd"},
		{"RawLimitTooLarge", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Analytics.ListRawIncidents(ctx, &pagerduty.RawIncidentsOptions{Limit: 1001}))
		}, "Limit 1001 is out of range: a page holds 1 to 1000 items"},
		{"RawBadOrderBy", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.ListRawIncidentsPage(ctx, &pagerduty.RawIncidentsOptions{OrderBy: "incident_created_at"})
			return err
		}, `OrderBy: "incident_created_at" is not accepted; use one of created_at, seconds_to_resolve`},
		{"RawIteratorBackward", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Analytics.ListRawIncidents(ctx, &pagerduty.RawIncidentsOptions{EndingBefore: "c1"}))
		}, "EndingBefore pages backward"},
		{"ResponderIncidentsUpdatedAfter", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Analytics.ListRawResponderIncidents(ctx, "PUSER01", &pagerduty.RawIncidentsOptions{Filters: pagerduty.RawIncidentFilters{UpdatedAfter: now}}))
		}, "UpdatedAfter filters raw incidents only"},
		{"ResponderIncidentsBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.ListRawResponderIncidentsPage(ctx, "a b", nil)
			return err
		}, "{responder_id}"},
		{"RawUsersBadRole", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Analytics.ListRawUsers(ctx, &pagerduty.UserAnalyticsOptions{Filters: pagerduty.UserAnalyticsFilters{RoleIDs: []string{"?"}}}))
		}, "Filters.RoleIDs"},
		{"RawUsersPageBadLimit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.ListRawUsersPage(ctx, &pagerduty.UserAnalyticsOptions{Limit: -5})
			return err
		}, "Limit -5 is out of range"},
		{"GetRawIncidentBadID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.GetRawIncident(ctx, "../x")
			return err
		}, "invalid ID"},
		{"ResponsesBadOrderBy", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Analytics.GetIncidentResponses(ctx, "PINC001", &pagerduty.IncidentResponsesOptions{OrderBy: "responded_at"})
			return err
		}, `OrderBy: "responded_at" is not accepted; use one of requested_at`},
	})
}
