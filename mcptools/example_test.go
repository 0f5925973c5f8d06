package mcptools_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"
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

// A server shared by several people acts for each caller with their own
// PagerDuty token. Here the host put the token in the context; one client
// is kept per token, so that each keeps its own rate limit.
func ExampleNewPerRequest() {
	type tokenKey struct{}
	var mu sync.Mutex
	clients := map[string]*pagerduty.Client{}
	reg, err := mcptools.NewPerRequest(func(ctx context.Context) (*pagerduty.Client, error) {
		token, _ := ctx.Value(tokenKey{}).(string)
		if token == "" {
			return nil, errors.New("no token")
		}
		mu.Lock()
		defer mu.Unlock()
		if c := clients[token]; c != nil {
			return c, nil
		}
		c, err := pagerduty.NewClient(pagerduty.WithToken(token))
		if err != nil {
			return nil, err
		}
		clients[token] = c
		return c, nil
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	infos, _ := reg.Tools(mcptools.Filter{Toolsets: []string{"users"}})
	for _, t := range infos {
		fmt.Println(t.Name, t.ReadOnly)
	}
	// Output:
	// get_current_user true
	// get_user true
	// list_notification_rules true
	// list_users true
}
