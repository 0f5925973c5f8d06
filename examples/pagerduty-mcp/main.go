// Command pagerduty-mcp is an MCP server for PagerDuty: it lets Claude, VS
// Code, Cursor and any other MCP client read and manage incidents, on-call
// schedules, services, teams and users, through the tools of package
// mcptools.
//
// Try it on the built-in demo account, no PagerDuty account needed:
//
//	go run ./examples/pagerduty-mcp --demo
//
// It accepts the configuration of PagerDuty's own MCP server
// (PAGERDUTY_USER_API_KEY, PAGERDUTY_API_HOST, --enable-write-tools,
// --transport stdio|streamable-http, MCP_HOST, MCP_PORT), so it can replace
// it in an existing client configuration, and adds --toolsets, --tools,
// --exclude-tools and --read-only. Run it with -h for every flag.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, with its inputs and outputs passed in so tests
// can drive it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		if code := exitCode(err); code == 0 {
			return 0
		}
		fmt.Fprintf(stderr, "pagerduty-mcp: %v\n", err)
		return 2
	}
	logger, err := newLogger(cfg.logLevel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "pagerduty-mcp: %v\n", err)
		return 2
	}
	a, err := newApp(cfg, logger)
	if err != nil {
		fmt.Fprintf(stderr, "pagerduty-mcp: %v\n", err)
		return 2
	}
	defer a.close()
	if cfg.listTools {
		if err := a.printTools(stdout); err != nil {
			fmt.Fprintf(stderr, "pagerduty-mcp: %v\n", err)
			return 1
		}
		return 0
	}
	if cfg.transport == "stdio" {
		err = a.serveStdio(ctx, stdin, stdout, stderr)
	} else {
		err = a.serveHTTP(ctx)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "pagerduty-mcp: %v\n", err)
		return 1
	}
	return 0
}

func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})), nil
}
