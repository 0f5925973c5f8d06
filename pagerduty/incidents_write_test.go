package pagerduty_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const wrappedIncident = `{"incident":` + incidentJSON + `}`

func TestIncidentsCreateSendsTheIncident(t *testing.T) {
	c, rec := fakeAPI(t, 201, wrappedIncident, pagerduty.WithFrom("default@example.com"))
	inc, err := c.Incidents.Create(context.Background(), &pagerduty.CreateIncidentParams{
		From:             "jane@example.com",
		Title:            "The server is on fire.",
		ServiceID:        "PWIXJZS",
		Urgency:          pagerduty.UrgencyHigh,
		PriorityID:       "P53ZZH5",
		Details:          "A disk is failing.",
		IncidentKey:      "baf7cf21",
		AssigneeIDs:      []string{"PXPGF42"},
		IncidentType:     "major_incident",
		ConferenceBridge: &pagerduty.ConferenceBridge{ConferenceURL: "https://example.com/bridge"},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents", from: "jane@example.com", body: `{"incident":{
		"type":"incident","title":"The server is on fire.",
		"service":{"id":"PWIXJZS","type":"service_reference"},
		"urgency":"high","priority":{"id":"P53ZZH5","type":"priority_reference"},
		"body":{"type":"incident_body","details":"A disk is failing."},
		"incident_key":"baf7cf21",
		"assignments":[{"assignee":{"id":"PXPGF42","type":"user_reference"}}],
		"incident_type":{"name":"major_incident"},
		"conference_bridge":{"conference_url":"https://example.com/bridge"}}}`})
	if inc.ID != "PT4KHLK" || inc.Number != 1234 || inc.Status != pagerduty.Acknowledged || inc.Urgency != pagerduty.UrgencyHigh ||
		inc.Service.ID != "PIJ90N7" || inc.Priority.Summary != "P2" || inc.Assignments[0].Assignee.ID != "PXPGF42" ||
		!inc.CreatedAt.Equal(time.Date(2015, 10, 6, 21, 30, 42, 0, time.UTC)) || !inc.ResolvedAt.IsZero() {
		t.Errorf("decoded incident %+v", inc)
	}
}

func TestIncidentsCreateSendsOnlyWhatIsSet(t *testing.T) {
	c, rec := fakeAPI(t, 201, wrappedIncident, pagerduty.WithFrom("default@example.com"))
	if _, err := c.Incidents.Create(context.Background(), &pagerduty.CreateIncidentParams{Title: "Disk full", ServiceID: "PWIXJZS"}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents", from: "default@example.com",
		body: `{"incident":{"type":"incident","title":"Disk full","service":{"id":"PWIXJZS","type":"service_reference"}}}`})
}

// A 502 may hide an incident that was opened: Create tries again only when
// an incident_key guarantees no second incident.
func TestIncidentsCreateRetriesOnlyWithAnIncidentKey(t *testing.T) {
	for _, tc := range []struct {
		key      string
		attempts int32
		ok       bool
	}{{"baf7cf21", 2, true}, {"", 1, false}} {
		var n atomic.Int32
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				writeJSON(w, http.StatusBadGateway, map[string]any{"error": map[string]any{"message": "Bad gateway"}})
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(201)
			_, _ = w.Write([]byte(wrappedIncident))
		}, pagerduty.WithFrom("jane@example.com"))
		_, err := c.Incidents.Create(context.Background(), &pagerduty.CreateIncidentParams{Title: "Disk full", ServiceID: "PWIXJZS", IncidentKey: tc.key})
		if (err == nil) != tc.ok || n.Load() != tc.attempts {
			t.Errorf("key %q: err %v after %d attempts; want success %v after %d", tc.key, err, n.Load(), tc.ok, tc.attempts)
		}
		var apiErr *pagerduty.APIError
		if !tc.ok && (!errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadGateway) {
			t.Errorf("key %q: error %v is not the API's 502", tc.key, err)
		}
	}
}

func TestIncidentsCreateRefusesBadParams(t *testing.T) {
	ok := pagerduty.CreateIncidentParams{Title: "Disk full", ServiceID: "PWIXJZS"}
	for _, tc := range []struct {
		name   string
		p      *pagerduty.CreateIncidentParams
		noFrom bool
		want   string
	}{
		{"nil", nil, false, "Title"},
		{"no title", &pagerduty.CreateIncidentParams{ServiceID: "PWIXJZS"}, false, "Title"},
		{"no service", &pagerduty.CreateIncidentParams{Title: "x"}, false, "ServiceID"},
		{"bad service", &pagerduty.CreateIncidentParams{Title: "x", ServiceID: "../users"}, false, "ServiceID"},
		{"bad urgency", func() *pagerduty.CreateIncidentParams { p := ok; p.Urgency = "urgent"; return &p }(), false, "high, low"},
		{"users and policy", func() *pagerduty.CreateIncidentParams {
			p := ok
			p.AssigneeIDs, p.EscalationPolicyID = []string{"PXPGF42"}, "PT20YPA"
			return &p
		}(), false, "cannot both"},
		{"bridge without URL", func() *pagerduty.CreateIncidentParams {
			p := ok
			p.ConferenceBridge = &pagerduty.ConferenceBridge{ConferenceNumber: "+1"}
			return &p
		}(), false, "ConferenceURL"},
		{"no From", &ok, true, "From"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 201, wrappedIncident, opts...)
			_, err := c.Incidents.Create(context.Background(), tc.p)
			checkRefused(t, rec, err, tc.want)
		})
	}
}

func TestIncidentsUpdateSendsOnlyTheChanges(t *testing.T) {
	c, rec := fakeAPI(t, 200, wrappedIncident)
	inc, err := c.Incidents.Update(context.Background(), "PT4KHLK", &pagerduty.UpdateIncidentParams{
		From: "jane@example.com",
		IncidentChanges: pagerduty.IncidentChanges{
			Title:            "Still on fire",
			Urgency:          pagerduty.UrgencyLow,
			PriorityID:       "P53ZZH5",
			EscalationLevel:  2,
			IncidentType:     "major_incident",
			ConferenceBridge: &pagerduty.ConferenceBridge{ConferenceNumber: "+1-415-555-1212"},
		},
		ServiceID: "PIJ90N7",
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK", from: "jane@example.com", body: `{"incident":{
		"type":"incident_reference","title":"Still on fire","urgency":"low",
		"priority":{"id":"P53ZZH5","type":"priority_reference"},"escalation_level":2,
		"incident_type":{"name":"major_incident"},"conference_bridge":{"conference_number":"+1-415-555-1212"},
		"service":{"id":"PIJ90N7","type":"service_reference"}}}`})
	if inc.ID != "PT4KHLK" || inc.Title != "The server is on fire." {
		t.Errorf("decoded %+v", inc)
	}
}

func TestIncidentsConvenienceUpdates(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(*pagerduty.Client) (*pagerduty.Incident, error)
		body string
	}{
		{"Acknowledge", func(c *pagerduty.Client) (*pagerduty.Incident, error) { return c.Incidents.Acknowledge(ctx, "PT4KHLK") },
			`{"incident":{"type":"incident_reference","status":"acknowledged"}}`},
		{"Resolve", func(c *pagerduty.Client) (*pagerduty.Incident, error) {
			return c.Incidents.Resolve(ctx, "PT4KHLK", "Replaced the disk.")
		}, `{"incident":{"type":"incident_reference","status":"resolved","resolution":"Replaced the disk."}}`},
		{"Resolve without note", func(c *pagerduty.Client) (*pagerduty.Incident, error) { return c.Incidents.Resolve(ctx, "PT4KHLK", "") },
			`{"incident":{"type":"incident_reference","status":"resolved"}}`},
		{"Reassign", func(c *pagerduty.Client) (*pagerduty.Incident, error) {
			return c.Incidents.Reassign(ctx, "PT4KHLK", "PXPGF42", "PAM4FGS")
		}, `{"incident":{"type":"incident_reference","assignments":[
			{"assignee":{"id":"PXPGF42","type":"user_reference"}},{"assignee":{"id":"PAM4FGS","type":"user_reference"}}]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, wrappedIncident, pagerduty.WithFrom("jane@example.com"))
			inc, err := tc.call(c)
			if err != nil {
				t.Fatal(err)
			}
			checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK", from: "jane@example.com", body: tc.body})
			if inc.ID != "PT4KHLK" {
				t.Errorf("decoded %+v", inc)
			}
		})
	}
}

func TestIncidentsUpdateRefusesBadParams(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		call   func(*pagerduty.Client) error
		noFrom bool
		want   string
	}{
		{"bad ID", func(c *pagerduty.Client) error { _, err := c.Incidents.Acknowledge(ctx, "a/b"); return err }, false, "invalid ID"},
		{"nothing", func(c *pagerduty.Client) error { _, err := c.Incidents.Update(ctx, "PT4KHLK", nil); return err }, false, "changes nothing"},
		{"bad status", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Update(ctx, "PT4KHLK", &pagerduty.UpdateIncidentParams{IncidentChanges: pagerduty.IncidentChanges{Status: "closed"}})
			return err
		}, false, "acknowledged, resolved"},
		{"resolution without resolve", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Update(ctx, "PT4KHLK", &pagerduty.UpdateIncidentParams{IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Acknowledged, Resolution: "x"}})
			return err
		}, false, "Resolution"},
		{"negative level", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Update(ctx, "PT4KHLK", &pagerduty.UpdateIncidentParams{IncidentChanges: pagerduty.IncidentChanges{EscalationLevel: -1}})
			return err
		}, false, "EscalationLevel"},
		{"users and policy", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Update(ctx, "PT4KHLK", &pagerduty.UpdateIncidentParams{IncidentChanges: pagerduty.IncidentChanges{AssigneeIDs: []string{"PXPGF42"}, EscalationPolicyID: "PT20YPA"}})
			return err
		}, false, "cannot be combined"},
		{"bad assignee", func(c *pagerduty.Client) error { _, err := c.Incidents.Reassign(ctx, "PT4KHLK", "x y"); return err }, false, "AssigneeIDs"},
		{"nobody", func(c *pagerduty.Client) error { _, err := c.Incidents.Reassign(ctx, "PT4KHLK"); return err }, false, "userIDs"},
		{"no From", func(c *pagerduty.Client) error { _, err := c.Incidents.Acknowledge(ctx, "PT4KHLK"); return err }, true, "From"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 200, wrappedIncident, opts...)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}

func TestIncidentsMergeAndSnooze(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, wrappedIncident, pagerduty.WithFrom("jane@example.com"))
	if _, err := c.Incidents.Merge(ctx, "PT4KHLK", &pagerduty.MergeIncidentsParams{SourceIDs: []string{"P8JOGX7", "PPVZH9X"}}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/merge", from: "jane@example.com",
		body: `{"source_incidents":[{"id":"P8JOGX7","type":"incident_reference"},{"id":"PPVZH9X","type":"incident_reference"}]}`})

	c, rec = fakeAPI(t, 201, wrappedIncident)
	inc, err := c.Incidents.Snooze(ctx, "PT4KHLK", &pagerduty.SnoozeIncidentParams{From: "jane@example.com", Duration: 90 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/snooze", from: "jane@example.com", body: `{"duration":5400}`})
	if inc.ID != "PT4KHLK" {
		t.Errorf("decoded %+v", inc)
	}

	for _, tc := range []struct {
		name string
		call func(*pagerduty.Client) error
		want string
	}{
		{"merge nothing", func(c *pagerduty.Client) error { _, err := c.Incidents.Merge(ctx, "PT4KHLK", nil); return err }, "SourceIDs"},
		{"merge into itself", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Merge(ctx, "PT4KHLK", &pagerduty.MergeIncidentsParams{SourceIDs: []string{"PT4KHLK"}})
			return err
		}, "itself"},
		{"snooze zero", func(c *pagerduty.Client) error { _, err := c.Incidents.Snooze(ctx, "PT4KHLK", nil); return err }, "out of range"},
		{"snooze too long", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Snooze(ctx, "PT4KHLK", &pagerduty.SnoozeIncidentParams{Duration: 8 * 24 * time.Hour})
			return err
		}, "out of range"},
		{"snooze fraction", func(c *pagerduty.Client) error {
			_, err := c.Incidents.Snooze(ctx, "PT4KHLK", &pagerduty.SnoozeIncidentParams{Duration: 1500 * time.Millisecond})
			return err
		}, "whole number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, wrappedIncident, pagerduty.WithFrom("jane@example.com"))
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
