// Package pdkit gives Go programs and AI agents all of PagerDuty.
//
// The module is a set of packages that build on each other:
//
//   - [github.com/pdkit/pdkit/pagerduty]: a typed client for the REST API v2,
//     with retries, rate limiting, streaming iterators, API tokens and OAuth,
//     US and EU regions.
//   - [github.com/pdkit/pdkit/pagerduty/events]: the Events API v2, for
//     sending alerts and change events.
//   - [github.com/pdkit/pdkit/pagerduty/webhooks]: Webhooks v3 signature
//     verification and typed events.
//   - [github.com/pdkit/pdkit/pagerduty/pdtest]: an in-memory PagerDuty for
//     tests, demos and benchmarks.
//   - [github.com/pdkit/pdkit/mcptools]: PagerDuty as MCP tools that any Go
//     program mounts on an MCP server.
//   - [github.com/pdkit/pdkit/transport]: serving an MCP server over stdio,
//     streamable HTTP, or in process.
//
// Quick start with the REST client:
//
//	c, err := pagerduty.NewClient(pagerduty.WithToken(os.Getenv("PAGERDUTY_API_TOKEN")))
//	if err != nil {
//		log.Fatal(err)
//	}
//	me, err := c.Users.GetCurrent(ctx, nil)
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Println("hello,", me.Name)
//
// Package pdkit itself holds no code: import the package you need.
package pdkit
