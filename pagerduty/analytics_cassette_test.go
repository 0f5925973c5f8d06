package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

var (
	analyticsStart = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	analyticsEnd   = time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
)

func checkIncidentMetrics(t *testing.T, what string, r *pagerduty.MetricsReport[pagerduty.IncidentMetrics]) {
	t.Helper()
	if r == nil || len(r.Data) == 0 || r.TimeZone == "" || len(r.Filters) == 0 {
		t.Fatalf("%s: report %+v lacks rows, a time zone or its filters", what, r)
	}
	for _, m := range r.Data {
		if m.TotalIncidentCount == 0 || m.MeanSecondsToResolve == 0 || m.TotalEngagedSeconds == 0 {
			t.Errorf("%s: row %+v lacks counts or means", what, m)
		}
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestAnalyticsCassette'.
func TestAnalyticsCassetteIncidentMetrics(t *testing.T) {
	c := replayClient(t, "pagerduty/analytics/incident_metrics")
	ctx := context.Background()
	major, minAcks := true, 1
	opts := &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{
			CreatedAtStart: analyticsStart, CreatedAtEnd: analyticsEnd, Urgency: pagerduty.UrgencyHigh,
			Major: &major, MinAcknowledgements: &minAcks, TeamIDs: []string{"P3XUQ75"}, ServiceIDs: []string{"PPSCXAN"},
			PriorityNames: []string{"P1"},
		},
		TimeZone: "Etc/UTC", Order: pagerduty.Descending, OrderBy: "total_incident_count",
		AggregateUnit: pagerduty.AggregateByDay,
	}

	r, err := c.Analytics.IncidentMetrics(ctx, opts)
	if err != nil {
		t.Fatalf("IncidentMetrics: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetrics", r)
	if r.AggregateUnit != pagerduty.AggregateByDay || r.Data[0].RangeStart.IsZero() {
		t.Errorf("IncidentMetrics: unit %q, first range %v; want days with their start", r.AggregateUnit, r.Data[0].RangeStart)
	}

	r, err = c.Analytics.IncidentMetricsByService(ctx, opts)
	if err != nil {
		t.Fatalf("IncidentMetricsByService: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsByService", r)
	if r.Data[0].ServiceID == "" || r.Data[0].ServiceName == "" || r.Data[0].UpTimePct == 0 {
		t.Errorf("IncidentMetricsByService: row %+v does not name its service or its uptime", r.Data[0])
	}

	r, err = c.Analytics.IncidentMetricsForServices(ctx, &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{ServiceIDs: []string{"PQVUB8D", "PU2D9X3"}}})
	if err != nil {
		t.Fatalf("IncidentMetricsForServices: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsForServices", r)

	r, err = c.Analytics.IncidentMetricsByTeam(ctx, opts)
	if err != nil {
		t.Fatalf("IncidentMetricsByTeam: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsByTeam", r)
	if r.Data[0].TeamID == "" || r.Data[0].TeamName == "" {
		t.Errorf("IncidentMetricsByTeam: row %+v does not name its team", r.Data[0])
	}

	r, err = c.Analytics.IncidentMetricsForTeams(ctx, &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{TeamIDs: []string{"P3XUQ75"}}, AggregateUnit: pagerduty.AggregateByMonth})
	if err != nil {
		t.Fatalf("IncidentMetricsForTeams: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsForTeams", r)

	r, err = c.Analytics.IncidentMetricsByEscalationPolicy(ctx, &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{EscalationPolicyIDs: []string{"PDESCP1", "PDESCP2"}}})
	if err != nil {
		t.Fatalf("IncidentMetricsByEscalationPolicy: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsByEscalationPolicy", r)
	if len(r.Data) < 2 || r.Data[0].EscalationPolicyID == r.Data[1].EscalationPolicyID || r.Data[0].EscalationPolicyName == "" {
		t.Errorf("IncidentMetricsByEscalationPolicy: rows %+v are not one per policy", r.Data)
	}

	r, err = c.Analytics.IncidentMetricsForEscalationPolicies(ctx, &pagerduty.IncidentMetricsOptions{
		Filters: pagerduty.IncidentMetricsFilters{EscalationPolicyIDs: []string{"PDESCP1"}}, AggregateUnit: pagerduty.AggregateByWeek})
	if err != nil {
		t.Fatalf("IncidentMetricsForEscalationPolicies: %v", err)
	}
	checkIncidentMetrics(t, "IncidentMetricsForEscalationPolicies", r)
	if r.Data[0].DistinctResponderCount == 0 {
		t.Errorf("IncidentMetricsForEscalationPolicies: row %+v lacks its responder count", r.Data[0])
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestAnalyticsCassette'.
func TestAnalyticsCassettePeople(t *testing.T) {
	c := replayClient(t, "pagerduty/analytics/people")
	ctx := context.Background()

	ropts := &pagerduty.ResponderMetricsOptions{
		Filters: pagerduty.ResponderMetricsFilters{DateRangeStart: analyticsStart, DateRangeEnd: analyticsEnd,
			Urgency: pagerduty.UrgencyHigh, ResponderIDs: []string{"PDUSER1", "PDUSER2"}},
		TimeZone: "Etc/UTC", Order: pagerduty.Ascending, OrderBy: "total_incident_count",
	}
	rr, err := c.Analytics.ResponderMetrics(ctx, ropts)
	if err != nil {
		t.Fatalf("ResponderMetrics: %v", err)
	}
	if len(rr.Data) == 0 || rr.Data[0].TotalIncidentCount == 0 || rr.Data[0].TotalSecondsOnCall == 0 {
		t.Fatalf("ResponderMetrics = %+v, want counts and time on call", rr)
	}
	rr, err = c.Analytics.ResponderMetricsByTeam(ctx, ropts)
	if err != nil {
		t.Fatalf("ResponderMetricsByTeam: %v", err)
	}
	if len(rr.Data) < 2 || rr.Data[0].ResponderID == "" || rr.Data[0].TeamID == "" || rr.Data[0].ResponderName == "" {
		t.Fatalf("ResponderMetricsByTeam = %+v, want rows naming responders and teams", rr.Data)
	}

	ur, err := c.Analytics.UserMetrics(ctx, &pagerduty.UserAnalyticsOptions{
		Filters:  pagerduty.UserAnalyticsFilters{CreatedAtStart: analyticsStart, CreatedAtEnd: analyticsEnd, TeamIDs: []string{"P3XUQ75"}},
		TimeZone: "America/Chicago", Order: pagerduty.Descending, OrderBy: "user_id"})
	if err != nil {
		t.Fatalf("UserMetrics: %v", err)
	}
	if len(ur.Data) == 0 || ur.Data[0].TotalUserCount == 0 || ur.Data[0].TotalSignedUpPercentage == 0 {
		t.Fatalf("UserMetrics = %+v, want user counts and percentages", ur)
	}

	ar, err := c.Analytics.PDAdvanceUsage(ctx, &pagerduty.PDAdvanceUsageOptions{
		Filters: pagerduty.PDAdvanceUsageFilters{IncidentCreatedAtStart: analyticsStart, IncidentCreatedAtEnd: analyticsEnd}})
	if err != nil {
		t.Fatalf("PDAdvanceUsage: %v", err)
	}
	if len(ar.Data) == 0 {
		t.Fatal("PDAdvanceUsage: no feature")
	}
	for _, u := range ar.Data {
		if u.FeatureID == "" || u.TotalUseCount == 0 {
			t.Errorf("PDAdvanceUsage: row %+v lacks a feature or a use count", u)
		}
	}
}

// Recorded with scripts/record.sh ./pagerduty -run '^TestAnalyticsCassette'.
func TestAnalyticsCassetteRaw(t *testing.T) {
	c := replayClient(t, "pagerduty/analytics/raw")
	ctx := context.Background()

	opts := &pagerduty.RawIncidentsOptions{
		Filters: pagerduty.RawIncidentFilters{CreatedAtStart: analyticsStart, CreatedAtEnd: analyticsEnd,
			Urgency: pagerduty.UrgencyHigh, ServiceIDs: []string{"PPSCXAN"}},
		Order: pagerduty.Ascending, OrderBy: "created_at", Limit: 2, TimeZone: "Etc/UTC",
	}
	incs := takeFromSeq(t, c.Analytics.ListRawIncidents(ctx, opts), 3)
	if len(incs) != 3 {
		t.Fatalf("ListRawIncidents read %d incidents over two pages, want 3", len(incs))
	}
	for _, i := range incs {
		if i.ID == "" || i.IncidentNumber == 0 || i.CreatedAt.IsZero() || i.ServiceID == "" || i.SecondsToResolve == 0 {
			t.Errorf("ListRawIncidents: incident %+v lacks an ID, a number, a creation time, a service or its time to resolve", i)
		}
	}
	page, err := c.Analytics.ListRawIncidentsPage(ctx, opts)
	if err != nil {
		t.Fatalf("ListRawIncidentsPage: %v", err)
	}
	if len(page.Items) == 0 || page.Last == "" || page.First == "" {
		t.Fatalf("ListRawIncidentsPage = %+v, want items and cursors", page)
	}

	inc, err := c.Analytics.GetRawIncident(ctx, "PJASD33")
	if err != nil {
		t.Fatalf("GetRawIncident: %v", err)
	}
	if inc.ID == "" || inc.PriorityName == "" || inc.CreatedAt.IsZero() || inc.ResolvedAt.IsZero() || len(inc.AssignedUserIDs) == 0 {
		t.Errorf("GetRawIncident = %+v, want an incident with its priority, times and assignees", inc)
	}

	resp, err := c.Analytics.GetIncidentResponses(ctx, "PJASD33", &pagerduty.IncidentResponsesOptions{
		Limit: 100, Order: pagerduty.Ascending, OrderBy: "requested_at", TimeZone: "Etc/UTC"})
	if err != nil {
		t.Fatalf("GetIncidentResponses: %v", err)
	}
	if resp.IncidentID == "" || len(resp.Responses) == 0 || resp.Responses[0].ResponderID == "" || resp.Responses[0].RequestedAt.IsZero() {
		t.Errorf("GetIncidentResponses = %+v, want responses with their responders and times", resp)
	}

	ropts := &pagerduty.RawIncidentsOptions{Filters: pagerduty.RawIncidentFilters{Urgency: pagerduty.UrgencyHigh}, OrderBy: "incident_created_at", Limit: 2}
	ris := takeFromSeq(t, c.Analytics.ListRawResponderIncidents(ctx, "PDUSER1", ropts), 3)
	if len(ris) == 0 {
		t.Fatal("ListRawResponderIncidents read nothing")
	}
	for _, r := range ris {
		if r.ResponderID == "" || r.IncidentID == "" || r.IncidentCreatedAt.IsZero() || r.ServiceID == "" {
			t.Errorf("ListRawResponderIncidents: record %+v lacks a responder, an incident, a time or a service", r)
		}
	}
	rpage, err := c.Analytics.ListRawResponderIncidentsPage(ctx, "PDUSER1", ropts)
	if err != nil {
		t.Fatalf("ListRawResponderIncidentsPage: %v", err)
	}
	if len(rpage.Items) == 0 || rpage.Limit == 0 {
		t.Fatalf("ListRawResponderIncidentsPage = %+v, want items and a limit", rpage)
	}

	uopts := &pagerduty.UserAnalyticsOptions{Filters: pagerduty.UserAnalyticsFilters{TeamIDs: []string{"P3XUQ75"}}, Limit: 2}
	users := takeFromSeq(t, c.Analytics.ListRawUsers(ctx, uopts), 3)
	if len(users) != 3 {
		t.Fatalf("ListRawUsers read %d users over two pages, want 3", len(users))
	}
	for _, u := range users {
		if u.ID == "" || u.UserName == "" || u.Email == "" || u.CreatedAt.IsZero() {
			t.Errorf("ListRawUsers: user %+v lacks an ID, a name, an email or a creation time", u)
		}
	}
	upage, err := c.Analytics.ListRawUsersPage(ctx, uopts)
	if err != nil {
		t.Fatalf("ListRawUsersPage: %v", err)
	}
	if len(upage.Items) == 0 || upage.Last == "" {
		t.Fatalf("ListRawUsersPage = %+v, want items and a cursor", upage)
	}
}
