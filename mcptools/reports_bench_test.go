package mcptools

import (
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// reportsEnv serves the analytics tools over a demo account of 1,000
// incidents.
func reportsEnv(b *testing.B) *env {
	return newEnv(b, envConfig{filter: Filter{Toolsets: []string{"analytics"}},
		pdOpts: []pdtest.Option{pdtest.WithDemoIncidents(1000)}})
}

// BenchmarkCallExecutiveReport measures the largest report: one
// get_executive_report call through an in-process MCP client over 1,000
// incidents of the in-memory PagerDuty (their listing, their log entries,
// the services, the on-call entries and every computation).
func BenchmarkCallExecutiveReport(b *testing.B) {
	e := reportsEnv(b)
	benchmarkCall(b, e, &mcp.CallToolParams{Name: "get_executive_report", Arguments: map[string]any{
		"since": "28d", "ack_minutes": 15, "resolve_minutes": 240, "hourly_cost": 100, "include_oncall": true}})
}

// BenchmarkCallResponseStats measures get_response_stats over the same
// 1,000 incidents, with a weekly trend.
func BenchmarkCallResponseStats(b *testing.B) {
	e := reportsEnv(b)
	benchmarkCall(b, e, &mcp.CallToolParams{Name: "get_response_stats", Arguments: map[string]any{"since": "28d", "per": "week"}})
}
