package mcptools

import (
	"context"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// BenchmarkCallExecutiveReport measures the largest report: one
// get_executive_report call through an in-process MCP client over 1,000
// incidents of the in-memory PagerDuty (their listing, their log entries,
// the services, the on-call entries and every computation).
func BenchmarkCallExecutiveReport(b *testing.B) {
	e := newEnv(b, envConfig{filter: Filter{Toolsets: []string{"analytics"}},
		pdOpts: []pdtest.Option{pdtest.WithDemoIncidents(1000)}})
	ctx := context.Background()
	params := &mcp.CallToolParams{Name: "get_executive_report", Arguments: map[string]any{
		"since": "28d", "ack_minutes": 15, "resolve_minutes": 240, "hourly_cost": 100, "include_oncall": true}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := e.session.CallTool(ctx, params)
		if err != nil || res.IsError {
			b.Fatal(err, text(res))
		}
	}
}

// BenchmarkCallResponseStats measures get_response_stats over the same
// 1,000 incidents, with a weekly trend.
func BenchmarkCallResponseStats(b *testing.B) {
	e := newEnv(b, envConfig{filter: Filter{Toolsets: []string{"analytics"}},
		pdOpts: []pdtest.Option{pdtest.WithDemoIncidents(1000)}})
	ctx := context.Background()
	params := &mcp.CallToolParams{Name: "get_response_stats", Arguments: map[string]any{"since": "28d", "per": "week"}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := e.session.CallTool(ctx, params)
		if err != nil || res.IsError {
			b.Fatal(err, text(res))
		}
	}
}
