package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestAuditRequests(t *testing.T) {
	since := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const rec = `{"records":[{"id":"A1","action":"create","execution_time":"2026-01-02T03:04:05.123Z","method":{"type":"api_token","truncated_token":"3xyz"},"root_resource":{"id":"PU1","type":"user_reference"},"actors":[{"id":"PU2","type":"user_reference"}]}],"next_cursor":null,"limit":25}`
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Audit.List(ctx, &pagerduty.ListAccountAuditRecordsOptions{
				ListAuditRecordsOptions: pagerduty.ListAuditRecordsOptions{Since: since, Until: since.Add(time.Hour), CursorOptions: pagerduty.CursorOptions{Limit: 25}},
				RootResourceTypes:       []pagerduty.AuditResourceType{pagerduty.AuditResourceUsers, pagerduty.AuditResourceIPAllowLists},
				ActorType:               pagerduty.AuditActorUser, ActorID: "PU2",
				MethodType: pagerduty.AuditMethodAPIToken, MethodTruncatedToken: "3xyz",
				Actions: []pagerduty.AuditAction{pagerduty.AuditActionDelete},
			}))
		}, answer: rec,
			want: wantRequest{method: "GET", path: "/audit/records", query: vals("since", "2026-01-01T00:00:00Z", "until", "2026-01-01T01:00:00Z", "limit", "25",
				"root_resource_types[]", "users", "root_resource_types[]", "ip_allow_lists", "actor_type", "user_reference", "actor_id", "PU2",
				"method_type", "api_token", "method_truncated_token", "3xyz", "actions[]", "delete")},
			check: func(t *testing.T, got any) {
				r := got.(pagerduty.AuditRecord)
				if r.ID != "A1" || r.Method.Type != pagerduty.AuditMethodAPIToken || r.ExecutionTime.Nanosecond() != 123e6 || len(r.Actors) != 1 {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Audit.ListPage(ctx, &pagerduty.ListAccountAuditRecordsOptions{ListAuditRecordsOptions: pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Cursor: "c1"}}})
		}, answer: `{"records":[],"next_cursor":"c2","limit":25}`, want: wantRequest{method: "GET", path: "/audit/records", query: vals("cursor", "c1")},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.AuditRecord]); p.NextCursor != "c2" {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "zero options", call: func(ctx context.Context, c *pagerduty.Client) (any, error) { return c.Audit.ListPage(ctx, nil) },
			answer: rec, want: wantRequest{method: "GET", path: "/audit/records"}},
	})
}

func TestAuditRefusesBadInput(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	list := func(o pagerduty.ListAccountAuditRecordsOptions) func(context.Context, *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error { return seqErr(c.Audit.List(ctx, &o)) }
	}
	runBadCalls(t, []badCall{
		{"window", list(pagerduty.ListAccountAuditRecordsOptions{ListAuditRecordsOptions: pagerduty.ListAuditRecordsOptions{Since: at, Until: at}}), "must be after"},
		{"resource type", list(pagerduty.ListAccountAuditRecordsOptions{RootResourceTypes: []pagerduty.AuditResourceType{"incidents"}}), `"incidents" is not accepted`},
		{"actor type", list(pagerduty.ListAccountAuditRecordsOptions{ActorType: "bot"}), "ActorType"},
		{"actor id alone", list(pagerduty.ListAccountAuditRecordsOptions{ActorID: "PU1"}), "ActorType is required"},
		{"actor id", list(pagerduty.ListAccountAuditRecordsOptions{ActorType: pagerduty.AuditActorUser, ActorID: "a/b"}), "ActorID"},
		{"method", list(pagerduty.ListAccountAuditRecordsOptions{MethodType: "ssh"}), "MethodType"},
		{"token without method", list(pagerduty.ListAccountAuditRecordsOptions{MethodTruncatedToken: "3xyz"}), "api_token"},
		{"action", list(pagerduty.ListAccountAuditRecordsOptions{Actions: []pagerduty.AuditAction{"read"}}), `"read" is not accepted`},
	})
}
