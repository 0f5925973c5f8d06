package pagerduty_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const alertJSON = `{"id":"PXPGF42","type":"alert","summary":"The server is on fire.","created_at":"2015-10-06T21:30:42Z",
"status":"triggered","alert_key":"baf7cf21","service":{"id":"PIJ90N7","type":"service","name":"My Mail Service"},
"incident":{"id":"PT4KHLK","type":"incident_reference"},"suppressed":false,"severity":"critical",
"integration":{"id":"PQ12345","type":"generic_email_inbound_integration_reference"},
"body":{"type":"alert_body","contexts":[{"type":"link","href":"https://example.com"}],"details":{"customKey":"Server is on fire!"}}}`

func TestIncidentsListAlerts(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"alerts":[`+alertJSON+`],"limit":25,"offset":0,"more":false}`)
	var got []pagerduty.Alert
	for a, err := range c.Incidents.ListAlerts(ctx, "PT4KHLK", &pagerduty.ListAlertsOptions{
		AlertKey: "baf7cf21",
		Statuses: []pagerduty.AlertStatus{pagerduty.AlertTriggered},
		SortBy:   "created_at:desc",
		Includes: []pagerduty.AlertInclude{pagerduty.AlertIncludeServices},
	}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/alerts", query: url.Values{
		"alert_key": {"baf7cf21"}, "statuses[]": {"triggered"}, "sort_by": {"created_at:desc"}, "include[]": {"services"},
		"limit": {"100"}, "offset": {"0"},
	}})
	if len(got) != 1 {
		t.Fatalf("got %d alerts", len(got))
	}
	a := got[0]
	if a.ID != "PXPGF42" || a.Status != pagerduty.AlertTriggered || a.Severity != pagerduty.SeverityCritical || a.Service.Name != "My Mail Service" ||
		a.Incident.ID != "PT4KHLK" || a.Integration.ID != "PQ12345" || a.Body.Contexts[0].Href != "https://example.com" ||
		a.Body.Details.(map[string]any)["customKey"] != "Server is on fire!" {
		t.Errorf("decoded %+v", a)
	}

	c, rec = fakeAPI(t, 200, `{"alerts":[`+alertJSON+`],"limit":10,"offset":20,"more":true,"total":31}`)
	page, err := c.Incidents.ListAlertsPage(ctx, "PT4KHLK", &pagerduty.ListAlertsOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 20, Total: true}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/alerts", query: url.Values{"limit": {"10"}, "offset": {"20"}, "total": {"true"}}})
	if !page.More || page.Total == nil || *page.Total != 31 || page.Offset != 20 || len(page.Items) != 1 {
		t.Errorf("page %+v", page)
	}
}

func TestIncidentsGetAndUpdateAlerts(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"alert":`+alertJSON+`}`)
	a, err := c.Incidents.GetAlert(ctx, "PT4KHLK", "PXPGF42")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/alerts/PXPGF42"})
	if a.ID != "PXPGF42" || a.AlertKey != "baf7cf21" {
		t.Errorf("decoded %+v", a)
	}

	c, rec = fakeAPI(t, 200, `{"alert":`+alertJSON+`}`, pagerduty.WithFrom("jane@example.com"))
	if _, err := c.Incidents.UpdateAlert(ctx, "PT4KHLK", "PXPGF42", &pagerduty.UpdateAlertParams{AlertChange: pagerduty.AlertChange{IncidentID: "PEYSGVF"}}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/alerts/PXPGF42", from: "jane@example.com",
		body: `{"alert":{"incident":{"id":"PEYSGVF","type":"incident_reference"}}}`})

	c, rec = fakeAPI(t, 200, `{"alerts":[`+alertJSON+`]}`)
	alerts, err := c.Incidents.UpdateAlerts(ctx, "PT4KHLK", &pagerduty.UpdateAlertsParams{From: "jane@example.com", Updates: []pagerduty.AlertUpdate{
		{ID: "PXPGF42", AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved}},
		{ID: "PJFWPEP", AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved, IncidentID: "PEYSGVF"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/alerts", from: "jane@example.com", body: `{"alerts":[
		{"id":"PXPGF42","type":"alert","status":"resolved"},
		{"id":"PJFWPEP","type":"alert","status":"resolved","incident":{"id":"PEYSGVF","type":"incident_reference"}}]}`})
	if len(alerts) != 1 || alerts[0].ID != "PXPGF42" {
		t.Errorf("decoded %+v", alerts)
	}
}

func TestIncidentsAlertsRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	listErr := func(c *pagerduty.Client, id string, o *pagerduty.ListAlertsOptions) error {
		for _, err := range c.Incidents.ListAlerts(ctx, id, o) {
			return err
		}
		return nil
	}
	for _, tc := range []struct {
		name   string
		call   func(*pagerduty.Client) error
		noFrom bool
		want   string
	}{
		{"bad incident", func(c *pagerduty.Client) error { return listErr(c, "a/b", nil) }, false, "invalid ID"},
		{"bad status", func(c *pagerduty.Client) error {
			return listErr(c, "PT4KHLK", &pagerduty.ListAlertsOptions{Statuses: []pagerduty.AlertStatus{"acknowledged"}})
		}, false, "triggered, resolved"},
		{"bad sort", func(c *pagerduty.Client) error {
			return listErr(c, "PT4KHLK", &pagerduty.ListAlertsOptions{SortBy: "severity"})
		}, false, "SortBy"},
		{"bad include", func(c *pagerduty.Client) error {
			_, err := c.Incidents.ListAlertsPage(ctx, "PT4KHLK", &pagerduty.ListAlertsOptions{Includes: []pagerduty.AlertInclude{"teams"}})
			return err
		}, false, "Includes"},
		{"limit", func(c *pagerduty.Client) error {
			return listErr(c, "PT4KHLK", &pagerduty.ListAlertsOptions{ListOptions: pagerduty.ListOptions{Limit: 101}})
		}, false, "Limit"},
		{"empty change", func(c *pagerduty.Client) error {
			_, err := c.Incidents.UpdateAlert(ctx, "PT4KHLK", "PXPGF42", nil)
			return err
		}, false, "empty"},
		{"bad alert status", func(c *pagerduty.Client) error {
			_, err := c.Incidents.UpdateAlert(ctx, "PT4KHLK", "PXPGF42", &pagerduty.UpdateAlertParams{AlertChange: pagerduty.AlertChange{Status: "acknowledged"}})
			return err
		}, false, "resolved, triggered"},
		{"no updates", func(c *pagerduty.Client) error { _, err := c.Incidents.UpdateAlerts(ctx, "PT4KHLK", nil); return err }, false, "Updates"},
		{"bad update ID", func(c *pagerduty.Client) error {
			_, err := c.Incidents.UpdateAlerts(ctx, "PT4KHLK", &pagerduty.UpdateAlertsParams{Updates: []pagerduty.AlertUpdate{{ID: "x y", AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved}}}})
			return err
		}, false, "Updates[0].ID"},
		{"no From", func(c *pagerduty.Client) error {
			_, err := c.Incidents.UpdateAlert(ctx, "PT4KHLK", "PXPGF42", &pagerduty.UpdateAlertParams{AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved}})
			return err
		}, true, "From"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 200, `{}`, opts...)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
