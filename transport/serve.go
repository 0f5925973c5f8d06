package transport

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// DefaultShutdownTimeout bounds a graceful shutdown when
// [ServeOptions.ShutdownTimeout] is zero.
const DefaultShutdownTimeout = 10 * time.Second

// ServeOptions configures [ListenAndServe] and [Serve]. The zero value (or
// nil) is ready to use.
type ServeOptions struct {
	// Logger receives the listening address and shutdown progress. Nil means
	// no logging.
	Logger *slog.Logger

	// ShutdownTimeout bounds how long in-flight requests may take to finish
	// once ctx ends; connections still open after it are closed. Zero means
	// [DefaultShutdownTimeout].
	ShutdownTimeout time.Duration
}

// ListenAndServe listens on the TCP address addr (e.g. "127.0.0.1:8080", or
// ":8080" for every interface) and serves h until ctx ends, then shuts down
// gracefully. See [Serve].
func ListenAndServe(ctx context.Context, addr string, h http.Handler, opts *ServeOptions) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("transport: listen on %q: %w", addr, err)
	}
	return Serve(ctx, ln, h, opts)
}

// Serve serves h on ln until ctx ends, then stops accepting connections,
// waits up to the shutdown timeout for requests in progress, closes what
// remains, and returns. ln is closed when Serve returns.
//
// Long-lived GET requests (MCP event streams) are ended as soon as the
// shutdown starts; clients reconnect to another replica or after a restart.
//
// Serve returns nil after a shutdown that ctx asked for and that finished in
// time; an error wrapping [context.DeadlineExceeded] when requests still in
// progress had to be cut; and the server's error if it stopped by itself.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, opts *ServeOptions) error {
	var o ServeOptions
	if opts != nil {
		o = *opts
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = DefaultShutdownTimeout
	}
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	// Event streams (GET) never go idle by themselves; end them when the
	// shutdown starts so that it does not wait for them. Clients reconnect.
	closing, closeStreams := context.WithCancel(context.Background())
	defer closeStreams()
	srv := &http.Server{
		Handler:           endStreamsOnShutdown(closing, h),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	addr := ln.Addr().String()
	logger.Info("serving MCP over HTTP", slog.String("addr", addr))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("transport: serve on %s: %w", addr, err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", slog.String("addr", addr), slog.Duration("timeout", o.ShutdownTimeout))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.ShutdownTimeout)
	defer cancel()
	closeStreams()
	err := srv.Shutdown(sctx)
	if err != nil {
		_ = srv.Close()
	}
	<-served // Serve has returned ErrServerClosed.
	if err != nil {
		logger.Warn("shutdown cut open connections", slog.String("addr", addr), slog.Any("error", err))
		return fmt.Errorf("transport: shutdown of %s after %s: %w", addr, o.ShutdownTimeout, err)
	}
	logger.Info("stopped", slog.String("addr", addr))
	return nil
}

// endStreamsOnShutdown cancels the context of GET requests when closing ends.
func endStreamsOnShutdown(closing context.Context, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			h.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		stop := context.AfterFunc(closing, cancel)
		defer stop()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}
