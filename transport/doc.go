// Package transport serves any [mcp.Server] of the official Go MCP SDK
// (github.com/modelcontextprotocol/go-sdk) to MCP clients, in one call per
// mode:
//
//   - [ServeStdio]: the server is a subprocess of the client (Claude
//     Desktop, VS Code, an agent CLI) and speaks JSON-RPC on its standard
//     input and output until the client leaves or the context ends.
//   - [NewHTTPHandler] with [ListenAndServe] or [Serve]: streamable HTTP for
//     shared and remote deployments, stateful or stateless, with graceful
//     shutdown.
//   - [Connect]: in process, for agents and tests that embed the server and
//     call its tools through the protocol without any I/O.
//
// The package knows nothing about the tools it serves; it imports only the
// SDK and the standard library.
//
// # Stdio
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
//	defer stop()
//	err := transport.ServeStdio(ctx, server)
//
// Standard output carries the protocol and nothing else. When standard error
// is a terminal, that is when a person started the program by hand, it says
// what the program is doing and how to point an MCP client at it; an MCP
// client starting the program sees a quiet standard error. [WithStatus],
// [WithBanner] and [WithIO] change where things go.
//
// # Streamable HTTP
//
//	h, err := transport.NewHTTPHandler(func(*http.Request) *mcp.Server { return server }, &transport.HTTPOptions{
//		Stateless: true,
//	})
//	...
//	err = transport.ListenAndServe(ctx, "127.0.0.1:8080", h, &transport.ServeOptions{Logger: logger})
//
// The handler serves MCP on /mcp and answers GET /healthz with "ok" (no
// authentication) for load balancers. Each MCP request passes, in order:
//
//   - a Host check against DNS rebinding (403): by default, requests that
//     arrive on a loopback address must name localhost, 127.0.0.1 or [::1];
//     [HTTPOptions.AllowedHosts] replaces that rule;
//   - an Origin check (403): requests from web pages must come from one of
//     [HTTPOptions.AllowedOrigins]; native clients send no Origin;
//   - authentication (401 with a WWW-Authenticate challenge), see below;
//   - a per-caller limit of requests in flight (429, default 8);
//   - a request body limit (413, default 4 MiB).
//
// Stateless mode ([HTTPOptions.Stateless]) makes every POST self-contained,
// so replicas behind any load balancer can share the traffic. Stateful mode
// keeps sessions in memory (closed when the client deletes them, after
// [HTTPOptions.SessionTimeout] of idleness, or with the process) and lets
// the server send requests to the client.
//
// # Authentication
//
// [HTTPOptions.Auth] is one of:
//
//   - [PassThrough] (the default): each caller sends their own PagerDuty
//     credential, "Authorization: Token token=<api key>" or
//     "Authorization: Bearer <oauth access token>", the same header
//     PagerDuty's hosted MCP server accepts, so existing client
//     configurations carry over. The server holds no credential of its own
//     and serves many users; a stateful session belongs to the credential
//     that opened it, and any other credential gets 403 on it (a client
//     whose OAuth token was refreshed opens a new session).
//   - [StaticSecret]: callers present a secret the operator chose, as a
//     Bearer token, compared in constant time; tools act with the server's
//     own credential.
//   - [NoAuth]: nothing is checked. Only for local development on loopback.
//
// # Reaching the caller's credential from a tool
//
// In pass-through mode a tool handler gets the caller's [Credential] in
// either of two ways, which agree:
//
//	func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
//		cred, ok := transport.CredentialFromContext(ctx) // or transport.CredentialFromRequest(req)
//		if !ok {
//			return nil, errors.New("no PagerDuty credential")
//		}
//		// build a PagerDuty client with cred.Token() / cred.AuthorizationHeader()
//	}
//
// The getServer callback of [NewHTTPHandler] sees it too, through
// CredentialFromContext(r.Context()), so it can hand each caller a server
// whose tools are already bound to their credential. Underneath, the
// credential is stored in the request context and, as an [auth.TokenInfo]
// whose UserID is a fingerprint of the token, in req.Extra.TokenInfo, which
// is also what binds sessions to callers.
//
// A Credential never prints its token: String, every fmt verb, slog and
// JSON all show "api-token(REDACTED)" or "oauth-bearer(REDACTED)". Errors
// and logs of this package never contain tokens or secrets.
//
// # In process
//
//	cs, err := transport.Connect(ctx, server, nil)
//	defer cs.Close() // ends the server session too, and waits for it
//	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "list_incidents"})
//
// The two sessions exchange JSON-RPC messages as values, not as encoded
// lines: parameters and results stay JSON, but no envelope is encoded and
// parsed again, which makes a call about a third cheaper than over the
// SDK's in-memory transport. What crosses is what would cross a wire:
// transport-only fields are dropped, and errors arrive as JSON-RPC errors.
//
// [auth.TokenInfo]: https://pkg.go.dev/github.com/modelcontextprotocol/go-sdk/auth#TokenInfo
package transport
