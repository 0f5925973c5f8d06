// Package bench measures pdkit against go-pagerduty v1.8.0, the official Go
// client, on the same work, and the MCP layer against a bare go-sdk server.
// It is a module of its own so that the main module never depends on
// go-pagerduty.
//
// The fixture is a [Server]: an incident listing served from memory on
// 127.0.0.1, with incidents of about 2.4 KB that carry every field a
// listing returns ([IncidentJSON]), and, when asked, the API's latency and
// its token-bucket rate limit answered with 429s. Both clients read the
// same bytes from it.
//
// The benchmarks, one or more per goal (see BENCHMARKS.md at the root of
// the repository, which scripts/bench.sh writes from them):
//
//   - BenchmarkList10k: 10,000 incidents in pages of 100, no latency; time
//     and allocations.
//   - BenchmarkStream10kHeap: the heap in use while ranging over them, and
//     what collecting them retains (server in a child process).
//   - BenchmarkRateLimited10k: 100 ms per request and 960 requests a
//     minute; time against the [Floor] the limits allow.
//   - BenchmarkMCPInitialize, BenchmarkToolsListSize, BenchmarkToolCall:
//     the MCP server's start, the size of tools/list per toolset, and what
//     a tool call adds to the API call it makes.
//
// Run them with scripts/bench.sh, or directly:
//
//	cd bench && go test -run '^$' -bench . -benchtime 1x -short
package bench
