package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestIncidentsRequestResponders(t *testing.T) {
	// The API wraps each target in a responder_request_target object and
	// names the responders incidents_responders.
	c, rec := fakeAPI(t, 200, `{"responder_request":{"incident":{"id":"PT4KHLK","type":"incident_reference"},
		"requester":{"id":"PL1JMK5","type":"user_reference"},"requested_at":"2018-08-16T14:55:17-07:00","message":"Help",
		"responder_request_targets":[{"responder_request_target":{"type":"user","id":"PJ25ZYX",
			"incidents_responders":[{"state":"pending","user":{"id":"PJ25ZYX","type":"user_reference"}}]}}]}}`)
	req, err := c.Incidents.RequestResponders(context.Background(), "PT4KHLK", &pagerduty.ResponderRequestParams{
		From:        "jane@example.com",
		RequesterID: "PL1JMK5",
		Message:     "Help",
		Targets: []pagerduty.ResponderTarget{
			{Type: pagerduty.ResponderTargetUser, ID: "PJ25ZYX"},
			{Type: pagerduty.ResponderTargetEscalationPolicy, ID: "PT20YPA"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/responder_requests", from: "jane@example.com", body: `{
		"requester_id":"PL1JMK5","message":"Help","responder_request_targets":[
		{"responder_request_target":{"type":"user_reference","id":"PJ25ZYX"}},
		{"responder_request_target":{"type":"escalation_policy_reference","id":"PT20YPA"}}]}`})
	if req.Requester.ID != "PL1JMK5" || len(req.Targets) != 1 || req.Targets[0].ID != "PJ25ZYX" ||
		len(req.Targets[0].Responders) != 1 || req.Targets[0].Responders[0].State != "pending" {
		t.Errorf("decoded %+v", req)
	}
}

func TestResponderRequestTargetDecodesTheBareShape(t *testing.T) {
	c, _ := fakeAPI(t, 200, `{"responder_request":{"responder_request_targets":[{"type":"escalation_policy","id":"PT20YPA","summary":"Ops",
		"incident_responders":[{"state":"joined"}]}]}}`)
	req, err := c.Incidents.RequestResponders(context.Background(), "PT4KHLK", &pagerduty.ResponderRequestParams{
		From: "jane@example.com", RequesterID: "PL1JMK5", Message: "Help",
		Targets: []pagerduty.ResponderTarget{{Type: pagerduty.ResponderTargetEscalationPolicy, ID: "PT20YPA"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(req.Targets) != 1 || req.Targets[0].ID != "PT20YPA" || req.Targets[0].Summary != "Ops" || req.Targets[0].Responders[0].State != "joined" {
		t.Errorf("decoded %+v", req.Targets)
	}
}

func TestIncidentsCancelResponderRequest(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"responder_request_targets":[{"type":"user_reference","id":"PJ25ZYX","result":"cancelled"}]}`)
	got, err := c.Incidents.CancelResponderRequest(context.Background(), "PT4KHLK", &pagerduty.CancelResponderRequestParams{
		RequesterID: "PL1JMK5",
		Targets:     []pagerduty.ResponderTarget{{Type: pagerduty.ResponderTargetUser, ID: "PJ25ZYX"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/responder_requests/cancel",
		body: `{"requester_id":"PL1JMK5","responder_request_targets":[{"type":"user_reference","id":"PJ25ZYX"}]}`})
	if len(got) != 1 || got[0].Result != pagerduty.CancelCancelled || got[0].Type != pagerduty.ResponderTargetUser {
		t.Errorf("decoded %+v", got)
	}
}

func TestIncidentsRespondersRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	user := []pagerduty.ResponderTarget{{Type: pagerduty.ResponderTargetUser, ID: "PJ25ZYX"}}
	for _, tc := range []struct {
		name string
		call func(*pagerduty.Client) error
		want string
	}{
		{"no requester", func(c *pagerduty.Client) error {
			_, err := c.Incidents.RequestResponders(ctx, "PT4KHLK", &pagerduty.ResponderRequestParams{Message: "m", Targets: user})
			return err
		}, "RequesterID"},
		{"no message", func(c *pagerduty.Client) error {
			_, err := c.Incidents.RequestResponders(ctx, "PT4KHLK", &pagerduty.ResponderRequestParams{RequesterID: "PL1JMK5", Targets: user})
			return err
		}, "Message"},
		{"no targets", func(c *pagerduty.Client) error {
			_, err := c.Incidents.RequestResponders(ctx, "PT4KHLK", &pagerduty.ResponderRequestParams{RequesterID: "PL1JMK5", Message: "m"})
			return err
		}, "Targets"},
		{"bad target type", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CancelResponderRequest(ctx, "PT4KHLK", &pagerduty.CancelResponderRequestParams{RequesterID: "PL1JMK5",
				Targets: []pagerduty.ResponderTarget{{Type: "team_reference", ID: "PQ9K7I8"}}})
			return err
		}, "user_reference, escalation_policy_reference"},
		{"nil cancel", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CancelResponderRequest(ctx, "PT4KHLK", nil)
			return err
		}, "RequesterID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, `{}`)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
