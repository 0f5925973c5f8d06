package pagerduty_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"

	"github.com/pdkit/pdkit/pagerduty"
)

// orchRouterServer stands in for PagerDuty in the examples: it keeps one
// orchestration's router path, answers GET with it and replaces it on PUT.
func orchRouterServer() (*pagerduty.Client, func()) {
	var mu sync.Mutex
	path := json.RawMessage(`{"type":"router","parent":{"id":"eo-1","type":"event_orchestration_reference"},
		"sets":[{"id":"start","rules":[]}],"catch_all":{"actions":{"route_to":"unrouted"}},"version":"1"}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Method == http.MethodPut {
			var in struct {
				Path map[string]any `json:"orchestration_path"`
			}
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			in.Path["type"] = "router"
			path, _ = json.Marshal(in.Path)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"orchestration_path": path})
	}))
	c, err := pagerduty.NewClient(pagerduty.WithToken("example"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}

func ExampleEventOrchestrationsService_UpdateRouterPath() {
	c, done := orchRouterServer()
	defer done()
	ctx := context.Background()

	// Read the router, add a rule in front of the others, send it back.
	router, err := c.EventOrchestrations.GetRouterPath(ctx, "eo-1")
	if err != nil {
		log.Fatal(err)
	}
	start := &router.Sets[0]
	start.Rules = append([]pagerduty.OrchestrationRule{{
		Label:      "Database events",
		Conditions: []pagerduty.OrchestrationCondition{{Expression: "event.source matches part 'db'"}},
		Actions:    pagerduty.OrchestrationActions{RouteTo: "PDB0001"},
	}}, start.Rules...)
	router, warnings, err := c.EventOrchestrations.UpdateRouterPath(ctx, "eo-1", router)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range router.Sets[0].Rules {
		fmt.Printf("%s: %s -> %s\n", r.Label, r.Conditions[0].Expression, r.Actions.RouteTo)
	}
	fmt.Println("otherwise ->", router.CatchAll.Actions.RouteTo, "| warnings:", len(warnings))

	// The router only routes: other actions are refused before sending.
	start = &router.Sets[0]
	start.Rules[0].Actions.Severity = pagerduty.SeverityCritical
	_, _, err = c.EventOrchestrations.UpdateRouterPath(ctx, "eo-1", router)
	fmt.Println(err)
	// Output:
	// Database events: event.source matches part 'db' -> PDB0001
	// otherwise -> unrouted | warnings: 0
	// pagerduty: Sets[0].Rules[0].Actions: the router path does not accept severity in its rules; it accepts route_to, dynamic_route_to
}
