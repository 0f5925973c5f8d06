package webhooks

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
)

// Option configures a [Handler]. A nil Option is ignored.
type Option func(*Handler)

// WithSecrets sets the signing secrets the handler accepts (see
// [Verifier.Secrets]). Without at least one non-empty secret the handler
// answers every delivery with 500 and logs the misconfiguration.
func WithSecrets(secrets ...string) Option {
	return func(h *Handler) { h.verifier.Secrets = append([]string(nil), secrets...) }
}

// WithMaxBodyBytes sets the largest body the handler reads (see
// [Verifier.MaxBodyBytes]); larger bodies get 413. Zero or less keeps
// [DefaultMaxBodyBytes].
func WithMaxBodyBytes(n int64) Option {
	return func(h *Handler) { h.verifier.MaxBodyBytes = n }
}

// WithLogger sets where the handler reports rejected deliveries and callback
// errors. Without it, or with nil, the handler uses [slog.Default]. Log
// records never include a secret or the body.
func WithLogger(l *slog.Logger) Option {
	return func(h *Handler) { h.logger = l }
}

// Handler is an [http.Handler] that receives PagerDuty webhook v3 deliveries:
// it verifies each request's signature, decodes the event and passes it to a
// callback. Create one with [NewHandler].
//
// It answers:
//
//   - 204 No Content when the callback returns nil;
//   - 405 Method Not Allowed for any method but POST;
//   - 401 Unauthorized when the signature is missing, malformed or does not
//     match (the callback is not called);
//   - 413 Request Entity Too Large when the body exceeds the size limit;
//   - 400 Bad Request when the body cannot be read or is not a v3 payload;
//   - 500 Internal Server Error when the callback returns an error, or when
//     no secret is configured.
//
// PagerDuty retries a delivery on 5xx and 429 and drops it on any other 4xx,
// so a callback error leads to a retry while a forged or broken request does
// not. Response bodies carry only the status text and a short reason: the
// callback's error is logged, never sent back to the caller.
//
// PagerDuty waits 5 seconds for an answer. A callback with slow work should
// hand the event to a queue and return.
type Handler struct {
	verifier Verifier
	fn       func(context.Context, *Event) error
	logger   *slog.Logger
}

// NewHandler returns a handler that passes every authentic event to fn, with
// the request's context. The context also carries the delivery's headers (see
// [DeliveryFromContext]). A nil fn acknowledges events and does nothing else.
//
// Give the subscription's secret with [WithSecrets]; a [Mux] dispatches by
// event type:
//
//	mux := new(webhooks.Mux)
//	mux.Handle(webhooks.IncidentTriggered, onTriggered)
//	http.Handle("POST /pagerduty", webhooks.NewHandler(mux.HandleEvent, webhooks.WithSecrets(secret)))
func NewHandler(fn func(ctx context.Context, ev *Event) error, opts ...Option) *Handler {
	h := &Handler{fn: fn}
	for _, o := range opts {
		if o != nil {
			o(h)
		}
	}
	return h
}

// ServeHTTP verifies, decodes and hands over one delivery.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		reply(w, http.StatusMethodNotAllowed, "only POST is accepted")
		return
	}
	body, err := h.verifier.verifyRequest(r)
	if err != nil {
		status, reason := verifyStatus(err)
		level := slog.LevelWarn
		if status >= 500 {
			level = slog.LevelError
		}
		h.log().LogAttrs(r.Context(), level, "pagerduty webhook rejected",
			slog.Int("status", status), slog.String("error", err.Error()),
			slog.String("webhook_id", r.Header.Get(WebhookIDHeader)))
		reply(w, status, reason)
		return
	}
	ev, err := DecodeEvent(body)
	if err != nil {
		h.log().LogAttrs(r.Context(), slog.LevelWarn, "pagerduty webhook rejected",
			slog.Int("status", http.StatusBadRequest), slog.String("error", err.Error()),
			slog.String("webhook_id", r.Header.Get(WebhookIDHeader)))
		reply(w, http.StatusBadRequest, "the body is not a PagerDuty webhook v3 payload")
		return
	}
	if h.fn != nil {
		ctx := context.WithValue(r.Context(), deliveryKey{}, Delivery{
			WebhookID:      r.Header.Get(WebhookIDHeader),
			SubscriptionID: r.Header.Get(SubscriptionHeader),
		})
		if err := h.fn(ctx, ev); err != nil {
			h.log().LogAttrs(r.Context(), slog.LevelError, "pagerduty webhook callback failed",
				slog.String("event_id", ev.ID), slog.String("event_type", string(ev.EventType)),
				slog.String("webhook_id", r.Header.Get(WebhookIDHeader)), slog.String("error", err.Error()))
			reply(w, http.StatusInternalServerError, "the event could not be processed")
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) log() *slog.Logger {
	if h.logger != nil {
		return h.logger
	}
	return slog.Default()
}

// verifyStatus maps a verification error to a status and a reason safe to
// send back.
func verifyStatus(err error) (int, string) {
	switch {
	case errors.Is(err, ErrNoSecrets):
		return http.StatusInternalServerError, "the receiver has no signing secret configured"
	case errors.Is(err, ErrMissingSignature):
		return http.StatusUnauthorized, "missing X-PagerDuty-Signature header"
	case errors.Is(err, ErrMalformedSignature):
		return http.StatusUnauthorized, "malformed X-PagerDuty-Signature header"
	case errors.Is(err, ErrSignatureMismatch):
		return http.StatusUnauthorized, "signature does not match"
	case errors.Is(err, ErrBodyTooLarge):
		return http.StatusRequestEntityTooLarge, "body too large"
	default:
		return http.StatusBadRequest, "the body could not be read"
	}
}

func reply(w http.ResponseWriter, status int, reason string) {
	http.Error(w, http.StatusText(status)+": "+reason, status)
}

// Delivery describes the HTTP delivery an event came in.
type Delivery struct {
	// WebhookID is the X-Webhook-Id header: the same on every retry of a
	// webhook, so it identifies duplicates.
	WebhookID string
	// SubscriptionID is the X-Webhook-Subscription header: the ID of the
	// webhook subscription that sent it.
	SubscriptionID string
}

type deliveryKey struct{}

// DeliveryFromContext returns the delivery details a [Handler] stores in the
// context it passes to its callback.
func DeliveryFromContext(ctx context.Context) (Delivery, bool) {
	if ctx == nil {
		return Delivery{}, false
	}
	d, ok := ctx.Value(deliveryKey{}).(Delivery)
	return d, ok
}
