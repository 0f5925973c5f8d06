package pagerduty_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Running an automation action for an incident, then following the
// invocation until it ends. A local server stands in for PagerDuty: the
// invocation is queued when created and completed when read back.
func ExampleAutomationActionsService_Invoke() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state := "queued"
		if r.Method == http.MethodGet {
			state = "completed"
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"invocation":{"id":"01DBYD4A25RCXAXQDC9ZX0678V","type":"invocation","action_id":"01DA2MLYN0J5EFC1LKWXUKDDKT",
			"runner_id":"R1","state":%q,"action_snapshot":{"name":"Restart apache","action_type":"script"},
			"metadata":{"agent":{"id":"PUSER01","type":"user_reference"},"incident":{"id":"Q2LAR4ADCXC8IB","type":"incident_reference"}}}}`, state)
	}))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	inv, err := c.AutomationActions.Invoke(ctx, "01DA2MLYN0J5EFC1LKWXUKDDKT", &pagerduty.InvokeParams{IncidentID: "Q2LAR4ADCXC8IB"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.ActionSnapshot.Name, "for", inv.Metadata.Incident.ID, "is", inv.State)
	for !aaInvocationFinished(inv.State) {
		time.Sleep(10 * time.Millisecond) // in a program: a few seconds
		if inv, err = c.AutomationActions.GetInvocation(ctx, inv.ID); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("now", inv.State)
	// Output:
	// Restart apache for Q2LAR4ADCXC8IB is queued
	// now completed
}

// aaInvocationFinished reports whether an invocation has reached a final state.
func aaInvocationFinished(s pagerduty.InvocationState) bool {
	switch s {
	case pagerduty.InvocationCompleted, pagerduty.InvocationAborted, pagerduty.InvocationError, pagerduty.InvocationUnknown:
		return true
	}
	return false
}
