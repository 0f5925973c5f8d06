package pagerduty_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/pdkit/pdkit/pagerduty"
)

// Subscribing a receiver to the incidents of one service. PagerDuty returns
// the signing secret only in this answer: keep it to verify deliveries with
// package pagerduty/webhooks. A local server stands in for PagerDuty and
// shows the body the call sends.
func ExampleWebhookSubscriptionsService_Create() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Printf("%s %s\n%s\n", r.Method, r.URL.Path, body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"webhook_subscription":{"id":"PY1OL64","type":"webhook_subscription","active":true,
			"events":["incident.triggered","incident.resolved"],"filter":{"id":"P393ZNQ","type":"service_reference"},
			"delivery_method":{"id":"PF9KMXH","type":"http_delivery_method","url":"https://example.com/pagerduty","secret":"example-signing-secret"}}}`)
	}))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	sub, err := c.WebhookSubscriptions.Create(context.Background(), &pagerduty.CreateWebhookSubscriptionParams{
		URL:    "https://example.com/pagerduty",
		Events: []string{"incident.triggered", "incident.resolved"},
		Filter: pagerduty.WebhookFilter{Type: pagerduty.WebhookFilterService, ID: "P393ZNQ"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sub.ID, sub.Active, sub.DeliveryMethod.Secret != "")

	// Bad input is refused before anything is sent.
	_, err = c.WebhookSubscriptions.Create(context.Background(), &pagerduty.CreateWebhookSubscriptionParams{
		URL: "https://example.com/pagerduty", Events: []string{"incident.triggered"},
		Filter: pagerduty.WebhookFilter{Type: "service"},
	})
	fmt.Println(err)
	// Output:
	// POST /webhook_subscriptions
	// {"webhook_subscription":{"delivery_method":{"type":"http_delivery_method","url":"https://example.com/pagerduty"},"events":["incident.triggered","incident.resolved"],"filter":{"id":"P393ZNQ","type":"service_reference"},"type":"webhook_subscription"}}
	// PY1OL64 true true
	// pagerduty: Filter.Type: "service" is not accepted; use one of account_reference, service_reference, team_reference
}
