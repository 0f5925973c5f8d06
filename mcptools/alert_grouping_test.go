package mcptools

import (
	"net/http"
	"strings"
	"testing"
)

func groupingFake(t *testing.T, existing string) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /services", jsonOf(t, `{"services":[{"id":"PSVC001","name":"Checkout"}],"limit":100,"offset":0,"more":false}`))
	f.answer("GET /alert_grouping_settings", jsonOf(t, `{"alert_grouping_settings":[`+existing+`],"after":null,"before":null,"limit":25}`))
	echo := func(r *fakeRequest) (int, any) {
		s := r.Body["alert_grouping_setting"].(map[string]any)
		s["id"] = "PAGS001"
		if r.Method == http.MethodPut {
			s["id"] = "PAGS009"
		}
		return http.StatusOK, map[string]any{"alert_grouping_setting": s}
	}
	f.on("POST /alert_grouping_settings", echo)
	f.on("PUT /alert_grouping_settings/PAGS009", echo)
	return f
}

func TestConfigureIntelligentGrouping(t *testing.T) {
	f := groupingFake(t, "")
	e := f.env(t)
	var got AlertGrouping
	txt := e.ok(t, "configure_alert_grouping", map[string]any{"service": "checkout", "type": "intelligent", "window_minutes": 15}, &got)
	if q := f.last(t, "GET /alert_grouping_settings").Query.Get("service_ids[]"); q != "PSVC001" {
		t.Errorf("service_ids[] %q", q)
	}
	sent := f.last(t, "POST /alert_grouping_settings").Body["alert_grouping_setting"]
	if dig(sent, "type") != "intelligent" || dig(sent, "config", "time_window") != float64(900) || dig(sent, "services", 0, "id") != "PSVC001" {
		t.Errorf("sent %v", sent)
	}
	if !got.Created || got.WindowMinutes != 15 || got.SettingID != "PAGS001" || !strings.Contains(txt, "Created alert grouping setting PAGS001: intelligent grouping, up to 15 min between alerts") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
}

func TestConfigureAlertGroupingReplacesSharedSetting(t *testing.T) {
	f := groupingFake(t, `{"id":"PAGS009","name":"Shop","type":"time","config":{"timeout":300},
		"services":[{"id":"PSVC001","name":"Checkout"},{"id":"PSVC002","name":"Cart"}]}`)
	e := f.env(t)
	var got AlertGrouping
	txt := e.ok(t, "configure_alert_grouping", map[string]any{"service": "PSVC001", "type": "content_based", "fields": []any{"source", "component"}, "aggregate": "any"}, &got)
	sent := f.last(t, "PUT /alert_grouping_settings/PAGS009").Body["alert_grouping_setting"]
	if dig(sent, "type") != "content_based" || dig(sent, "name") != "Shop" || dig(sent, "config", "aggregate") != "any" ||
		dig(sent, "config", "fields", 1) != "component" || dig(sent, "services", 1, "id") != "PSVC002" {
		t.Errorf("sent %v", sent)
	}
	if got.Created || len(got.Services) != 2 || !strings.Contains(txt, "any of fields source, component match") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	f.reset()
	for _, bad := range []map[string]any{
		{"service": "PSVC001", "type": "content_based"},
		{"service": "PSVC001", "type": "time", "fields": []any{"source"}},
		{"service": "PSVC001", "type": "intelligent", "timeout_minutes": 5},
		{"service": "PSVC001", "type": "intelligent", "window_minutes": 120},
	} {
		e.fails(t, "configure_alert_grouping", bad)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("refused settings sent %d requests", n)
	}
}
