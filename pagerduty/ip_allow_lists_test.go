package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestIPAllowListsRequests(t *testing.T) {
	const list = `{"ip_allow_list":{"id":"PIP1","type":"ip_allow_list","state":"enabled","cidr_entries":[{"cidr":"203.0.113.0/24","description":null}]}}`
	check := func(t *testing.T, got any) {
		l := got.(*pagerduty.IPAllowList)
		if l.ID != "PIP1" || l.State != pagerduty.IPAllowListEnabled || len(l.CIDREntries) != 1 || l.CIDREntries[0].Description != nil {
			t.Errorf("decoded %+v", l)
		}
	}
	p := pagerduty.IPAllowListParams{State: pagerduty.IPAllowListEnabled, CIDREntries: []pagerduty.CIDREntry{{CIDR: "203.0.113.0/24"}}}
	const body = `{"ip_allow_list":{"state":"enabled","cidr_entries":[{"cidr":"203.0.113.0/24","description":null}]}}`
	cases := []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.IPAllowLists.List(ctx) },
			answer: `{"ip_allow_lists":[{"id":"PIP1","state":"disabled","cidr_entries":[]}]}`, want: wantRequest{method: "GET", path: "/ip_allow_lists"},
			check: func(t *testing.T, got any) {
				if l := got.([]pagerduty.IPAllowList); len(l) != 1 || l[0].State != pagerduty.IPAllowListDisabled {
					t.Errorf("decoded %+v", l)
				}
			}},
		{name: "create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.IPAllowLists.Create(ctx, p) },
			status: http.StatusCreated, answer: list, check: check, want: wantRequest{method: "POST", path: "/ip_allow_lists", body: body}},
		{name: "create disabled and empty", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.IPAllowLists.Create(ctx, pagerduty.IPAllowListParams{State: pagerduty.IPAllowListDisabled})
		}, status: http.StatusCreated, answer: list, want: wantRequest{method: "POST", path: "/ip_allow_lists", body: `{"ip_allow_list":{"state":"disabled","cidr_entries":[]}}`}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.IPAllowLists.Get(ctx, "PIP1") },
			answer: list, check: check, want: wantRequest{method: "GET", path: "/ip_allow_lists/PIP1"}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.IPAllowLists.Update(ctx, "PIP1", p)
		},
			answer: list, check: check, want: wantRequest{method: "PUT", path: "/ip_allow_lists/PIP1", body: body}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return nil, c.IPAllowLists.Delete(ctx, "PIP1")
		},
			status: http.StatusNoContent, want: wantRequest{method: "DELETE", path: "/ip_allow_lists/PIP1"}},
		{name: "audit records", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.IPAllowLists.ListAuditRecords(ctx, "PIP1", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: 10}}))
		}, answer: `{"records":[{"id":"A1","action":"update","execution_time":"2026-01-02T03:04:05Z","method":{"type":"browser"},"root_resource":{"id":"PIP1","type":"ip_allow_list_reference"}}],"next_cursor":null,"limit":10}`,
			want: wantRequest{method: "GET", path: "/ip_allow_lists/PIP1/audit/records", query: vals("limit", "10")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.AuditRecord); r.ID != "A1" || r.RootResource.ID != "PIP1" || r.ExecutionTime.IsZero() {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "audit records page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.IPAllowLists.ListAuditRecordsPage(ctx, "PIP1", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "n1"}})
		}, answer: `{"records":[],"next_cursor":"n2","limit":25}`,
			want: wantRequest{method: "GET", path: "/ip_allow_lists/PIP1/audit/records", query: vals("cursor", "n1")},
			check: func(t *testing.T, got any) {
				if pg := got.(*pagerduty.Page[pagerduty.AuditRecord]); pg.NextCursor != "n2" {
					t.Errorf("page %+v", pg)
				}
			}},
	}
	runAPICases(t, cases)

	// Every call carries the Early Access header, and errors stay typed.
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, http.StatusForbidden, map[string]any{"error": map[string]any{"message": "not enrolled", "code": 2010}})
	})
	for _, tc := range cases {
		_, err := tc.call(context.Background(), c)
		if !pagerduty.IsForbidden(err) {
			t.Errorf("%s: error %v, want a 403 *APIError", tc.name, err)
		}
	}
	for _, r := range rec.all() {
		if got := r.Header.Get("X-Early-Access"); got != "ip-allow-lists" {
			t.Errorf("%s %s: X-EARLY-ACCESS %q, want ip-allow-lists", r.Method, r.Path, got)
		}
	}
	if n := len(rec.all()); n != len(cases) {
		t.Errorf("%d requests, want %d", n, len(cases))
	}
}

func TestIPAllowListsRefuseBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"no state", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IPAllowLists.Create(ctx, pagerduty.IPAllowListParams{})
			return err
		}, "State is required"},
		{"unknown state", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IPAllowLists.Create(ctx, pagerduty.IPAllowListParams{State: "on"})
			return err
		}, `"on" is not accepted`},
		{"IPv6", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IPAllowLists.Update(ctx, "PIP1", pagerduty.IPAllowListParams{State: pagerduty.IPAllowListEnabled, CIDREntries: []pagerduty.CIDREntry{{CIDR: "2001:db8::/32"}}})
			return err
		}, "not an IPv4 range"},
		{"not a CIDR", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IPAllowLists.Create(ctx, pagerduty.IPAllowListParams{State: pagerduty.IPAllowListEnabled, CIDREntries: []pagerduty.CIDREntry{{CIDR: "10.0.0.1"}}})
			return err
		}, "CIDREntries[0].CIDR"},
		{"audit id", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.IPAllowLists.ListAuditRecords(ctx, "", nil))
		}, "empty"},
		{"audit window", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.IPAllowLists.ListAuditRecordsPage(ctx, "PIP1", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: -2}})
			return err
		}, "negative"},
	})
}
