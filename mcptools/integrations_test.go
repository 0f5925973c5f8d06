package mcptools

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// integrationFake is an account with a service and a vendor catalogue of
// 150 vendors over two pages, Datadog on the second.
func integrationFake(t *testing.T) *fakeAPI {
	f := newFakeAPI(t)
	f.answer("GET /services", jsonOf(t, `{"services":[{"id":"PSVC001","name":"Checkout"}],"limit":100,"offset":0,"more":false}`))
	f.on("GET /vendors", func(r *fakeRequest) (int, any) {
		offset, _ := strconv.Atoi(r.Query.Get("offset"))
		limit, _ := strconv.Atoi(r.Query.Get("limit"))
		var page []any
		for i := offset; i < 150 && i < offset+limit; i++ {
			name, kind := fmt.Sprintf("Tool %03d", i), "api"
			switch i {
			case 120:
				name = "Datadog"
			case 121:
				name, kind = "Email Monitor", "email"
			}
			page = append(page, map[string]any{"id": fmt.Sprintf("PV%05d", i), "name": name, "generic_service_type": kind,
				"integration_guide_url": "https://example.com/guide"})
		}
		return http.StatusOK, map[string]any{"vendors": page, "offset": offset, "limit": limit, "more": offset+limit < 150}
	})
	f.on("POST /services/PSVC001/integrations", func(r *fakeRequest) (int, any) {
		i := r.Body["integration"].(map[string]any)
		i["id"] = "PINT001"
		i["integration_key"] = "fake-integration-key"
		i["html_url"] = "https://acme.pagerduty.com/services/PSVC001/integrations/PINT001"
		return http.StatusCreated, map[string]any{"integration": i}
	})
	return f
}

func TestConfigureMonitoringToolIntegration(t *testing.T) {
	f := integrationFake(t)
	e := f.env(t)
	var got IntegrationCreated
	txt := e.ok(t, "create_service_integration", map[string]any{"service": "checkout", "vendor": "datadog"}, &got)
	sent := f.last(t, "POST /services/PSVC001/integrations").Body["integration"]
	if dig(sent, "type") != "events_api_v2_inbound_integration" || dig(sent, "vendor", "id") != "PV00120" || dig(sent, "name") != "Datadog" || dig(sent, "service", "id") != "PSVC001" {
		t.Errorf("sent %v", sent)
	}
	if got.ID != "PINT001" || got.Vendor == nil || got.Vendor.Name != "Datadog" || got.Key != "" || strings.Contains(txt, "fake-integration-key") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	if !strings.Contains(txt, "https://acme.pagerduty.com/services/PSVC001/integrations/PINT001") {
		t.Errorf("text %q", txt)
	}
	e.ok(t, "create_service_integration", map[string]any{"service": "PSVC001", "show_key": true}, &got)
	if got.Key != "fake-integration-key" || got.Name != "Events API V2" {
		t.Errorf("show_key: %+v", got)
	}
	// A vendor that sends email needs an address.
	f.reset()
	msg := e.fails(t, "create_service_integration", map[string]any{"service": "PSVC001", "vendor": "email monitor"})
	if !strings.Contains(msg, "address") || len(f.writes()) != 0 {
		t.Errorf("error %q, writes %v", msg, keys(f.writes()))
	}
	e.ok(t, "create_service_integration", map[string]any{"service": "PSVC001", "vendor": "email monitor", "email": "db@acme.pagerduty.com"}, &got)
	sent = f.last(t, "POST /services/PSVC001/integrations").Body["integration"]
	if dig(sent, "type") != "generic_email_inbound_integration" || dig(sent, "integration_email") != "db@acme.pagerduty.com" {
		t.Errorf("sent %v", sent)
	}
}

func TestListVendors(t *testing.T) {
	f := integrationFake(t)
	e := f.env(t)
	var got VendorList
	txt := e.ok(t, "list_vendors", map[string]any{"query": "DATADOG"}, &got)
	if got.Matched != 1 || got.Vendors[0].ID != "PV00120" || !strings.Contains(txt, "Datadog (PV00120) [api] https://example.com/guide") {
		t.Errorf("answer %+v, text %q", got, txt)
	}
	e.ok(t, "list_vendors", map[string]any{"query": "tool", "limit": 5}, &got)
	if got.Matched != 148 || len(got.Vendors) != 5 {
		t.Errorf("matched %d, returned %d", got.Matched, len(got.Vendors))
	}
}
