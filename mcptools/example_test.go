package mcptools_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// Mount the read-only tools on a server, connect an in-process client, and
// ask who is on call for the database team. The in-memory PagerDuty of
// pdtest stands in for the real one.
func Example() {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	pd := pdtest.NewServer(pdtest.WithNow(func() time.Time { return now }))
	defer pd.Close()

	client, err := pagerduty.NewClient(pagerduty.WithToken(pd.Token()), pagerduty.WithBaseURL(pd.URL))
	if err != nil {
		log.Fatal(err)
	}
	reg, err := mcptools.New(client, &mcptools.Options{Now: func() time.Time { return now }})
	if err != nil {
		log.Fatal(err)
	}
	server := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v1"}, nil)
	if _, err := reg.Register(server, mcptools.Filter{Toolsets: []string{"oncall", "teams"}}); err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := server.Connect(ctx, st, nil)
	if err != nil {
		log.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "v1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = cs.Close(); _ = ss.Wait() }()

	res, err := cs.CallTool(ctx, &mcp.CallToolParams{
		Name:      "list_oncalls",
		Arguments: map[string]any{"team": "database team"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Content[0].(*mcp.TextContent).Text)
	// Output:
	// 3 on-call entries of 3:
	// Level 1 of Database Escalation (P1TSI38): Barbara Liskov (PY7UC80) via schedule Database Primary (PHYEHTM), 2026-11-24 10:00Z to 2026-11-24 18:00Z
	// Level 2 of Database Escalation (P1TSI38): Edsger Dijkstra (PFZ9JGI) via schedule Database Secondary (PFD612T), 2026-11-23 13:00Z to 2026-11-24 13:00Z
	// Level 3 of Database Escalation (P1TSI38): Ada Lovelace (PJK1FZ1), always (named on the policy)
}

// A filter that names an unknown toolset is refused with the names that
// exist, and mounts nothing.
func ExampleRegistry_Register_unknownToolset() {
	client, _ := pagerduty.NewClient(pagerduty.WithToken("example"))
	reg, _ := mcptools.New(client, nil)
	server := mcp.NewServer(&mcp.Implementation{Name: "pagerduty", Version: "v1"}, nil)
	_, err := reg.Register(server, mcptools.Filter{Toolsets: []string{"pager"}})
	fmt.Println(err)
	// Output:
	// mcptools: unknown toolset "pager": use "all" or one of incidents, oncall, schedules, services, teams, users, escalation_policies, priorities, maintenance_windows, analytics, events, orchestrations, automation, status_pages, webhooks
}
