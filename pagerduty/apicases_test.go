package pagerduty_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pdkit/pdkit/pagerduty"
)

// These helpers serve the tests of users, teams, escalation policies,
// on-calls and maintenance windows.

// wantRequest is the request a method must send.
type wantRequest struct {
	method, path string
	// query is the whole query string expected; nil means none.
	query url.Values
	// body is the JSON expected, compared as values; "" means no body.
	body string
	// from is the From header expected; "" means none.
	from string
}

// apiCase calls one method against a fake API that answers with status
// and answer, then checks the request and the decoded result.
type apiCase struct {
	name   string
	call   func(ctx context.Context, c *pagerduty.Client) (any, error)
	status int    // 0 means 200
	answer string // JSON answer; "" answers with no body
	want   wantRequest
	check  func(t *testing.T, got any)
}

func runAPICases(t *testing.T, cases []apiCase, opts ...pagerduty.Option) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var rec recorder
			c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				rec.record(r)
				status := tc.status
				if status == 0 {
					status = http.StatusOK
				}
				if tc.answer == "" {
					w.WriteHeader(status)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				_, _ = w.Write([]byte(tc.answer))
			}, opts...)
			got, err := tc.call(context.Background(), c)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			reqs := rec.all()
			if len(reqs) != 1 {
				t.Fatalf("the call sent %d requests, want 1", len(reqs))
			}
			checkRequest(t, reqs[0], tc.want)
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

// checkRequest compares what the fake API received with want.
func checkRequest(t *testing.T, got seenRequest, want wantRequest) {
	t.Helper()
	if got.Method != want.method || got.Path != want.path {
		t.Errorf("request %s %s, want %s %s", got.Method, got.Path, want.method, want.path)
	}
	wq := want.query
	if wq == nil {
		wq = url.Values{}
	}
	if diff := cmp.Diff(wq, got.Query, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}
	if want.body == "" {
		if len(got.Body) != 0 {
			t.Errorf("body %s, want none", got.Body)
		}
	} else {
		var wb, gb any
		if err := json.Unmarshal([]byte(want.body), &wb); err != nil {
			t.Fatalf("the test's body is not JSON: %v", err)
		}
		if err := json.Unmarshal(got.Body, &gb); err != nil {
			t.Fatalf("the body sent is not JSON: %v: %s", err, got.Body)
		}
		if diff := cmp.Diff(wb, gb); diff != "" {
			t.Errorf("body (-want +got):\n%s", diff)
		}
	}
	if f := got.Header.Get("From"); f != want.from {
		t.Errorf("From header %q, want %q", f, want.from)
	}
}

// badCall is a call that must fail before sending anything, with an error
// that contains wantErr.
type badCall struct {
	name    string
	call    func(ctx context.Context, c *pagerduty.Client) error
	wantErr string
}

func runBadCalls(t *testing.T, calls []badCall, opts ...pagerduty.Option) {
	t.Helper()
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, http.StatusOK, map[string]any{})
	}, opts...)
	for _, bc := range calls {
		t.Run(bc.name, func(t *testing.T) {
			before := len(rec.all())
			err := bc.call(context.Background(), c)
			if err == nil {
				t.Fatalf("no error, want one containing %q", bc.wantErr)
			}
			if !strings.Contains(err.Error(), bc.wantErr) {
				t.Errorf("error %q does not contain %q", err, bc.wantErr)
			}
			if n := len(rec.all()) - before; n != 0 {
				t.Errorf("the call sent %d requests before failing, want 0", n)
			}
		})
	}
}

// vals builds url.Values from alternating names and values.
func vals(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// pageQuery is the paging an iterator sends on its first page.
func pageQuery(kv ...string) url.Values {
	return vals(append([]string{"limit", "100", "offset", "0"}, kv...)...)
}
