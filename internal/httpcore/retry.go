package httpcore

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Retry policy defaults.
const (
	DefaultMaxRetries    = 3
	DefaultMinWait       = 500 * time.Millisecond
	DefaultMaxWait       = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
)

// Policy says how often and how long to retry. The zero value means the
// defaults: three retries, backoff from 500ms to 30s, and server-requested
// waits honoured up to two minutes.
type Policy struct {
	// MaxRetries is how many times a request is sent again after the first
	// attempt. Zero means DefaultMaxRetries; a negative value disables retries.
	MaxRetries int
	// MinWait and MaxWait bound the exponential backoff between attempts.
	MinWait, MaxWait time.Duration
	// MaxRetryAfter is the longest wait a 429 or 503 answer may ask for
	// (Retry-After or ratelimit-reset) that is still honoured. When the server
	// asks for more, the request is not retried and the caller gets the
	// rate-limit error with the wait in it.
	MaxRetryAfter time.Duration
	// Logger receives one debug line per attempt and a warning per retry. Nil
	// means no logging.
	Logger *slog.Logger
}

func (p Policy) retries() int {
	switch {
	case p.MaxRetries < 0:
		return 0
	case p.MaxRetries == 0:
		return DefaultMaxRetries
	}
	return p.MaxRetries
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// NewClient returns a retrying client that sends its attempts through hc
// (nil means a new http.Client with a pooled transport). The returned client
// never logs through go-retryablehttp's own logger, so no URL or header
// reaches a log unless the policy's Logger is set, and then only the method,
// the path and the status.
func NewClient(hc *http.Client, p Policy) *retryablehttp.Client {
	if hc == nil {
		hc = &http.Client{Transport: NewTransport(DefaultMaxIdleConnsPerHost)}
	}
	rc := &retryablehttp.Client{
		HTTPClient:   hc,
		RetryMax:     p.retries(),
		RetryWaitMin: orDefault(p.MinWait, DefaultMinWait),
		RetryWaitMax: orDefault(p.MaxWait, DefaultMaxWait),
		CheckRetry:   p.checkRetry,
		Backoff:      backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	if p.Logger != nil {
		logger := p.Logger
		rc.RequestLogHook = func(_ retryablehttp.Logger, r *http.Request, attempt int) {
			logger.LogAttrs(r.Context(), slog.LevelDebug, "pagerduty request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("attempt", attempt+1))
		}
		rc.ResponseLogHook = func(_ retryablehttp.Logger, resp *http.Response) {
			level := slog.LevelDebug
			if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
				level = slog.LevelWarn
			}
			attrs := []slog.Attr{slog.Int("status", resp.StatusCode)}
			if resp.Request != nil {
				attrs = append(attrs, slog.String("method", resp.Request.Method), slog.String("path", resp.Request.URL.Path))
			}
			if d, ok := RetryAfter(resp); ok {
				attrs = append(attrs, slog.Duration("retry_after", d))
			}
			logger.LogAttrs(context.Background(), level, "pagerduty response", attrs...)
		}
	}
	return rc
}

type safeKey struct{}

// WithRetrySafe marks the requests made with ctx as safe to send twice even
// when their method is not idempotent, because the caller made them
// idempotent (an incident_key, a dedup_key).
func WithRetrySafe(ctx context.Context) context.Context {
	return context.WithValue(ctx, safeKey{}, true)
}

type methodKey struct{}

// WithMethod records the HTTP method of the request made with ctx, so the
// retry policy (which sees only the context, the response and the error) can
// tell idempotent requests from the others.
func WithMethod(ctx context.Context, method string) context.Context {
	return context.WithValue(ctx, methodKey{}, method)
}

// retrySafe reports whether a request made with ctx may be sent again after
// it may already have reached the server.
func retrySafe(ctx context.Context) bool {
	if safe, _ := ctx.Value(safeKey{}).(bool); safe {
		return true
	}
	m, _ := ctx.Value(methodKey{}).(string)
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// checkRetry decides whether an attempt is tried again. It retries
//   - 429, when the wait the server asks for is within MaxRetryAfter;
//   - 5xx other than 501 for idempotent or safe requests; 503 for all;
//   - transport failures that are known to be transient, when the request was
//     certainly not sent (the connection was never made) or may be sent twice.
//
// A transient failure of a request that may have been applied and may not be
// sent twice ends with an *UnknownOutcomeError.
func (p Policy) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if err != nil {
		if !transient(err) {
			return false, nil
		}
		if retrySafe(ctx) || notSent(err) {
			return true, nil
		}
		return false, &UnknownOutcomeError{Err: err}
	}
	switch code := resp.StatusCode; {
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		wait, ok := RetryAfter(resp)
		return !ok || wait <= orDefault(p.MaxRetryAfter, DefaultMaxRetryAfter), nil
	case code >= 500 && code != http.StatusNotImplemented:
		return retrySafe(ctx), nil
	}
	return false, nil
}

// transient reports whether err is a network failure that another attempt may
// not meet: a reset or refused connection, an early EOF, a timeout. An error
// of the client's own making (a canceled context, a bad URL, a certificate
// problem, a missing recorded interaction) is not.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNABORTED) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// notSent reports whether err proves the request never reached the server:
// the connection could not be made.
func notSent(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// backoff waits what a 429 or 503 asked for, else an exponential wait with
// full jitter: a random duration in [min, min·2^attempt], capped at max.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := RetryAfter(resp); ok {
			return d
		}
	}
	ceiling := minWait << min(attempt, 30)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	if ceiling <= minWait {
		return minWait
	}
	return minWait + rand.N(ceiling-minWait)
}

// RetryAfter reads how long the server asked the client to wait: the
// Retry-After header (seconds or an HTTP date), else, on a 429 only,
// PagerDuty's ratelimit-reset header (seconds until the rate-limit window
// resets; a 503 has nothing to do with that window).
func RetryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil {
		return 0, false
	}
	if v := resp.Header.Get("Retry-After"); v != "" {
		if d, ok := seconds(v); ok {
			return d, true
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(time.Until(t), 0), true
		}
	}
	if v := resp.Header.Get("Ratelimit-Reset"); v != "" && resp.StatusCode == http.StatusTooManyRequests {
		if d, ok := seconds(v); ok {
			return d, true
		}
	}
	return 0, false
}

// seconds reads a header value that counts seconds. A negative or NaN
// count is no count; one too large for a time.Duration (about 292 years)
// is the largest Duration, which the retry policy's MaxRetryAfter caps.
func seconds(v string) (time.Duration, bool) {
	secs, err := strconv.ParseFloat(v, 64)
	if err != nil || !(secs >= 0) {
		return 0, false
	}
	ns := secs * float64(time.Second)
	if ns >= float64(math.MaxInt64) { // 2^63: every float below it fits
		return time.Duration(math.MaxInt64), true
	}
	return time.Duration(ns), true
}
