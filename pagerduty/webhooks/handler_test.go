package webhooks

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

type recorder struct {
	calls atomic.Int32
	last  atomic.Pointer[Event]
	err   error
}

func (r *recorder) handle(ctx context.Context, ev *Event) error {
	r.calls.Add(1)
	r.last.Store(ev)
	return r.err
}

func newTestHandler(rec *recorder, logs *bytes.Buffer, opts ...Option) *Handler {
	logger := slog.New(slog.NewTextHandler(logs, nil))
	return NewHandler(rec.handle, append([]Option{WithSecrets(testSecret), WithLogger(logger)}, opts...)...)
}

func TestHandlerStatuses(t *testing.T) {
	body := readTestdata(t, "incident_triggered.json")
	notJSON := []byte("definitely not json")
	tests := []struct {
		name       string
		method     string
		body       []byte
		header     string
		opts       []Option
		callErr    error
		wantStatus int
		wantCalls  int32
	}{
		{"valid", http.MethodPost, body, Sign(body, testSecret), nil, nil, http.StatusNoContent, 1},
		{"rotation", http.MethodPost, body, Sign(body, "retired", testSecret), nil, nil, http.StatusNoContent, 1},
		{"GET", http.MethodGet, nil, "", nil, nil, http.StatusMethodNotAllowed, 0},
		{"PUT, even when signed", http.MethodPut, body, Sign(body, testSecret), nil, nil, http.StatusMethodNotAllowed, 0},
		{"missing signature", http.MethodPost, body, "", nil, nil, http.StatusUnauthorized, 0},
		{"malformed signature", http.MethodPost, body, "v1=nothex", nil, nil, http.StatusUnauthorized, 0},
		{"wrong secret", http.MethodPost, body, Sign(body, "someone-else"), nil, nil, http.StatusUnauthorized, 0},
		{"tampered body", http.MethodPost, bytes.Replace(body, []byte("4812"), []byte("4813"), 1), Sign(body, testSecret), nil, nil, http.StatusUnauthorized, 0},
		{"too large", http.MethodPost, body, Sign(body, testSecret), []Option{WithMaxBodyBytes(100)}, nil, http.StatusRequestEntityTooLarge, 0},
		{"signed but not JSON", http.MethodPost, notJSON, Sign(notJSON, testSecret), nil, nil, http.StatusBadRequest, 0},
		{"callback error", http.MethodPost, body, Sign(body, testSecret), nil, errors.New("database at db-7.internal refused the connection"), http.StatusInternalServerError, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{err: tt.callErr}
			var logs bytes.Buffer
			h := newTestHandler(rec, &logs, tt.opts...)
			r := httptest.NewRequest(tt.method, "/pagerduty", bytes.NewReader(tt.body))
			if tt.header != "" {
				r.Header.Set(SignatureHeader, tt.header)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d (body %q)", w.Code, tt.wantStatus, w.Body)
			}
			if got := rec.calls.Load(); got != tt.wantCalls {
				t.Fatalf("callback called %d times, want %d", got, tt.wantCalls)
			}
			if tt.wantStatus == http.StatusMethodNotAllowed && w.Header().Get("Allow") != http.MethodPost {
				t.Fatalf("Allow = %q, want POST", w.Header().Get("Allow"))
			}
			if tt.callErr != nil {
				if strings.Contains(w.Body.String(), "db-7") {
					t.Fatalf("response %q leaks the callback's error", w.Body)
				}
				if !strings.Contains(logs.String(), "db-7.internal") || !strings.Contains(logs.String(), "01DVQX2M3C8K4T0ZJ6W9R5B7NA") {
					t.Fatalf("log %q should record the error and the event ID", logs.String())
				}
			}
			if strings.Contains(logs.String(), testSecret) || strings.Contains(w.Body.String(), testSecret) {
				t.Fatal("a secret reached the log or the response")
			}
			if tt.wantStatus >= 400 && tt.wantStatus != http.StatusMethodNotAllowed && logs.Len() == 0 {
				t.Fatal("a rejected delivery left no log record")
			}
		})
	}
}

func TestHandlerPassesTypedEventAndDelivery(t *testing.T) {
	body := readTestdata(t, "incident_annotated.json")
	var (
		got      *Event
		delivery Delivery
		ok       bool
	)
	h := NewHandler(func(ctx context.Context, ev *Event) error {
		got = ev
		delivery, ok = DeliveryFromContext(ctx)
		return nil
	}, WithSecrets(testSecret), WithLogger(slog.New(slog.DiscardHandler)))
	r := signedRequest(t, body, Sign(body, testSecret))
	r.Header.Set(WebhookIDHeader, "8c5e3d2f-webhook")
	r.Header.Set(SubscriptionHeader, "PSUB123")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNoContent {
		t.Fatalf("status = %d", w.Code)
	}
	note, isNote := got.Note()
	if !isNote || note.ID != "PN7GH3Z" {
		t.Fatalf("callback got %#v", got)
	}
	if !ok || delivery != (Delivery{WebhookID: "8c5e3d2f-webhook", SubscriptionID: "PSUB123"}) {
		t.Fatalf("delivery = %+v, %v", delivery, ok)
	}
	if _, ok := DeliveryFromContext(context.Background()); ok {
		t.Fatal("DeliveryFromContext on a bare context reported true")
	}
}

func TestHandlerWithoutSecretsIsAServerError(t *testing.T) {
	var logs bytes.Buffer
	rec := &recorder{}
	h := NewHandler(rec.handle, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest(t, pingBody, Sign(pingBody, "")))
	if w.Code != http.StatusInternalServerError || rec.calls.Load() != 0 {
		t.Fatalf("status = %d, calls = %d; want 500 and no call", w.Code, rec.calls.Load())
	}
	if !strings.Contains(logs.String(), "no signing secret") {
		t.Fatalf("log %q should explain the misconfiguration", logs.String())
	}
}

func TestHandlerNilCallbackAcknowledges(t *testing.T) {
	h := NewHandler(nil, WithSecrets(testSecret))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest(t, pingBody, Sign(pingBody, testSecret)))
	if w.Code != http.StatusNoContent {
		t.Fatalf("status = %d, want 204", w.Code)
	}
}

func TestHandlerUnreadableBody(t *testing.T) {
	rec := &recorder{}
	h := newTestHandler(rec, new(bytes.Buffer))
	r := signedRequest(t, nil, Sign(pingBody, testSecret))
	r.ContentLength = -1
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(pingBody[:5]), errReader{}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest || rec.calls.Load() != 0 {
		t.Fatalf("status = %d, calls = %d; want 400 and no call", w.Code, rec.calls.Load())
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("client went away") }

// TestHandlerOverHTTP runs the handler behind a real server on the loopback
// interface, as PagerDuty would reach it.
func TestHandlerOverHTTP(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(newTestHandler(rec, new(bytes.Buffer)))
	defer srv.Close()

	body := readTestdata(t, "incident_custom_field_values_updated.json")
	post := func(sig string) int {
		req, err := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "PagerDuty-Webhook/V3.0")
		req.Header.Set(SignatureHeader, sig)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode
	}
	if got := post(Sign(body, testSecret)); got != http.StatusNoContent {
		t.Fatalf("signed delivery: status %d", got)
	}
	if got := post(Sign(body, "forged")); got != http.StatusUnauthorized {
		t.Fatalf("forged delivery: status %d", got)
	}
	if rec.calls.Load() != 1 {
		t.Fatalf("callback called %d times, want 1", rec.calls.Load())
	}
	if _, ok := rec.last.Load().FieldValues(); !ok {
		t.Fatalf("callback got %T", rec.last.Load().Data)
	}
}
