package pagerduty_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const agsJSON = `{"id":"PAGS001","name":"Payments","description":"Groups payment alerts","type":"content_based",
	"config":{"aggregate":"any","fields":["summary","custom_details.host"],"time_window":600,"recommended_time_window":900},
	"services":[{"id":"PSVC001","type":"service_reference","name":"Payments API"},{"id":"PSVC002"}],
	"created_at":"2025-04-01T10:00:00.123Z","updated_at":"2025-04-02T10:00:00Z"}`

func wantAGS() *pagerduty.AlertGroupingSetting {
	return &pagerduty.AlertGroupingSetting{
		ID: "PAGS001", Name: "Payments", Description: "Groups payment alerts", Type: pagerduty.AlertGroupingContentBased,
		Config: &pagerduty.AlertGroupingSettingConfig{AlertGroupingConfig: pagerduty.AlertGroupingConfig{
			Aggregate: "any", Fields: []string{"summary", "custom_details.host"}, TimeWindow: pointerTo(600), RecommendedTimeWindow: pointerTo(900)}},
		Services:  []pagerduty.Service{{ID: "PSVC001", Type: "service_reference", Name: "Payments API"}, {ID: "PSVC002"}},
		CreatedAt: time.Date(2025, 4, 1, 10, 0, 0, 123000000, time.UTC),
		UpdatedAt: time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC),
	}
}

func checkAGS(t *testing.T, got any) {
	t.Helper()
	if s, ok := got.(pagerduty.AlertGroupingSetting); ok {
		got = &s
	}
	if diff := cmp.Diff(wantAGS(), got); diff != "" {
		t.Errorf("setting (-want +got):\n%s", diff)
	}
}

func TestAlertGroupingSettingsRequests(t *testing.T) {
	contentBased := &pagerduty.AlertGroupingSettingParams{
		Name: "Payments", Description: pointerTo(""), Type: pagerduty.AlertGroupingContentBased,
		Config: &pagerduty.AlertGroupingSettingConfig{AlertGroupingConfig: pagerduty.AlertGroupingConfig{
			Aggregate: "all", Fields: []string{"summary"}, TimeWindow: pointerTo(86400), RecommendedTimeWindow: pointerTo(300)}},
		ServiceIDs: []string{"PSVC001", "PSVC002"},
	}
	contentBody := `{"alert_grouping_setting":{"name":"Payments","description":"","type":"content_based",
		"config":{"aggregate":"all","fields":["summary"],"time_window":86400},
		"services":[{"id":"PSVC001","type":"service_reference"},{"id":"PSVC002","type":"service_reference"}]}}`
	intelligent := &pagerduty.AlertGroupingSettingParams{
		Type:       pagerduty.AlertGroupingIntelligent,
		Config:     &pagerduty.AlertGroupingSettingConfig{IAGFields: []string{"summary", "component"}},
		ServiceIDs: []string{"PSVC003"},
	}
	intelligentBody := `{"alert_grouping_setting":{"type":"intelligent","config":{"iag_fields":["summary","component"]},
		"services":[{"id":"PSVC003","type":"service_reference"}]}}`
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.AlertGroupingSettings.List(ctx, &pagerduty.ListAlertGroupingSettingsOptions{ServiceIDs: []string{"PSVC001", "PSVC002"}, Limit: 20, Total: true}))
			},
			answer: `{"alert_grouping_settings":[` + agsJSON + `],"after":null,"before":null,"limit":20,"total":null}`,
			want:   wantRequest{method: "GET", path: "/alert_grouping_settings", query: vals("service_ids[]", "PSVC001", "service_ids[]", "PSVC002", "limit", "20")},
			check:  checkAGS,
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.AlertGroupingSettings.ListPage(ctx, &pagerduty.ListAlertGroupingSettingsOptions{Before: "cursor-b", Total: true})
			},
			answer: `{"alert_grouping_settings":[` + agsJSON + `],"after":"cursor-c","before":"cursor-a","limit":25,"total":30}`,
			want:   wantRequest{method: "GET", path: "/alert_grouping_settings", query: vals("before", "cursor-b", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.AlertGroupingSettingsPage)
				if len(p.Items) != 1 || p.NextCursor != "cursor-c" || p.Before != "cursor-a" || !p.More || p.Limit != 25 || p.Total == nil || *p.Total != 30 {
					t.Errorf("page = %+v", p)
				}
				checkAGS(t, &p.Items[0])
			},
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.AlertGroupingSettings.Create(ctx, contentBased)
			},
			status: 201,
			answer: `{"alert_grouping_setting":` + agsJSON + `}`,
			want:   wantRequest{method: "POST", path: "/alert_grouping_settings", body: contentBody},
			check:  checkAGS,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.AlertGroupingSettings.Get(ctx, "PAGS001")
			},
			answer: `{"alert_grouping_setting":` + agsJSON + `}`,
			want:   wantRequest{method: "GET", path: "/alert_grouping_settings/PAGS001"},
			check:  checkAGS,
		},
		{
			name: "Update",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.AlertGroupingSettings.Update(ctx, "PAGS001", intelligent)
			},
			answer: `{"alert_grouping_setting":` + agsJSON + `}`,
			want:   wantRequest{method: "PUT", path: "/alert_grouping_settings/PAGS001", body: intelligentBody},
			check:  checkAGS,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.AlertGroupingSettings.Delete(ctx, "PAGS001")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/alert_grouping_settings/PAGS001"},
		},
	})
	if contentBased.Config.RecommendedTimeWindow == nil {
		t.Error("Create changed the caller's configuration")
	}
}

// List follows the after cursor until the API gives none, and stops when
// the loop breaks.
func TestAlertGroupingSettingsListFollowsCursors(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		item := func(id string) map[string]any { return map[string]any{"id": id, "type": "time"} }
		switch r.URL.Query().Get("after") {
		case "":
			writeJSON(w, 200, map[string]any{"alert_grouping_settings": []any{item("A"), item("B")}, "after": "c1", "before": nil})
		case "c1":
			writeJSON(w, 200, map[string]any{"alert_grouping_settings": []any{item("C")}, "after": "c2", "before": "c0"})
		default:
			writeJSON(w, 200, map[string]any{"alert_grouping_settings": []any{item("D")}, "after": nil, "before": "c1"})
		}
	})
	var ids []string
	for s, err := range c.AlertGroupingSettings.List(context.Background(), &pagerduty.ListAlertGroupingSettingsOptions{Before: "start"}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	if diff := cmp.Diff([]string{"A", "B", "C", "D"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	reqs := rec.all()
	if len(reqs) != 3 || reqs[0].Query.Get("before") != "start" || reqs[1].Query.Get("before") != "" || reqs[2].Query.Get("after") != "c2" {
		t.Errorf("requests = %+v", reqs)
	}

	before := len(rec.all())
	for range c.AlertGroupingSettings.List(context.Background(), nil) {
		break
	}
	if n := len(rec.all()) - before; n != 1 {
		t.Errorf("a loop that breaks at once sent %d requests, want 1", n)
	}
}

// A cursor the API repeats does not loop forever.
func TestAlertGroupingSettingsListStopsOnARepeatedCursor(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, 200, map[string]any{"alert_grouping_settings": []any{map[string]any{"id": "A"}}, "after": "same"})
	})
	n := 0
	for _, err := range c.AlertGroupingSettings.List(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 || len(rec.all()) != 2 {
		t.Errorf("read %d settings in %d requests, want 2 in 2", n, len(rec.all()))
	}
}

func TestAlertGroupingSettingsRejectBadInput(t *testing.T) {
	create := func(p *pagerduty.AlertGroupingSettingParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.AlertGroupingSettings.Create(ctx, p)
			return err
		}
	}
	svc := []string{"PSVC001"}
	cfg := func(c pagerduty.AlertGroupingConfig) *pagerduty.AlertGroupingSettingConfig {
		return &pagerduty.AlertGroupingSettingConfig{AlertGroupingConfig: c}
	}
	runBadCalls(t, []badCall{
		{"List with a limit out of range", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.AlertGroupingSettings.List(ctx, &pagerduty.ListAlertGroupingSettingsOptions{Limit: -1}))
		}, "Limit -1 is out of range"},
		{"ListPage both ways", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.AlertGroupingSettings.ListPage(ctx, &pagerduty.ListAlertGroupingSettingsOptions{After: "a", Before: "b"})
			return err
		}, "After and Before are both set"},
		{"ListPage with a bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.AlertGroupingSettings.ListPage(ctx, &pagerduty.ListAlertGroupingSettingsOptions{ServiceIDs: []string{"a&b"}})
			return err
		}, "ServiceIDs"},
		{"nil params", create(nil), "params is required"},
		{"no type", create(&pagerduty.AlertGroupingSettingParams{ServiceIDs: svc}), "Type is required"},
		{"unknown type", create(&pagerduty.AlertGroupingSettingParams{Type: "smart", ServiceIDs: svc}), `"smart" is not accepted`},
		{"no services", create(&pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingTime}), "ServiceIDs is required"},
		{"time window too long", create(&pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingIntelligent, ServiceIDs: svc, Config: cfg(pagerduty.AlertGroupingConfig{TimeWindow: pointerTo(7200)})}),
			"Config.TimeWindow is 7200: accepted values are 300 to 3600"},
		{"timeout too short", create(&pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingTime, ServiceIDs: svc, Config: cfg(pagerduty.AlertGroupingConfig{Timeout: pointerTo(30)})}),
			"Config.Timeout is 30: accepted values are 60 to 86400"},
		{"content based without fields", create(&pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingContentBased, ServiceIDs: svc, Config: cfg(pagerduty.AlertGroupingConfig{Aggregate: "all"})}),
			"Config.Fields and Config.Aggregate is required"},
		{"unknown aggregate", create(&pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingContentBasedIntelligent, ServiceIDs: svc, Config: cfg(pagerduty.AlertGroupingConfig{Aggregate: "most", Fields: []string{"summary"}})}),
			`"most" is not accepted; use one of all, any`},
		{"Update with a bad ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.AlertGroupingSettings.Update(ctx, "", &pagerduty.AlertGroupingSettingParams{Type: pagerduty.AlertGroupingTime, ServiceIDs: svc})
			return err
		}, "the ID is empty"},
	})
}
