package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const userJSON = `{"id":"PUSER01","type":"user","summary":"Ada Lovelace","name":"Ada Lovelace",
 "email":"ada@example.com","time_zone":"Europe/London","role":"admin","job_title":"Engineer",
 "teams":[{"id":"PTEAM01","type":"team_reference","summary":"Analytical Engines"}],
 "contact_methods":[{"id":"PCM0001","type":"email_contact_method","label":"Work","address":"ada@example.com"}],
 "notification_rules":[{"id":"PNR0001","type":"assignment_notification_rule_reference"}],
 "license":{"id":"PLIC001","type":"license_reference"}}`

func checkUser(t *testing.T, got any) {
	t.Helper()
	u := got.(*pagerduty.User)
	if u.ID != "PUSER01" || u.Name != "Ada Lovelace" || u.Email != "ada@example.com" || u.Role != pagerduty.RoleAdmin {
		t.Errorf("user %+v", u)
	}
	if len(u.Teams) != 1 || u.Teams[0].ID != "PTEAM01" {
		t.Errorf("teams %+v", u.Teams)
	}
	if len(u.ContactMethods) != 1 || u.ContactMethods[0].Type != pagerduty.ContactMethodEmail || u.ContactMethods[0].Address != "ada@example.com" {
		t.Errorf("contact methods %+v", u.ContactMethods)
	}
	if u.License == nil || u.License.ID != "PLIC001" {
		t.Errorf("license %+v", u.License)
	}
}

func TestUsersRequests(t *testing.T) {
	runAPICases(t, []apiCase{
		{
			name: "List",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Users.List(ctx, &pagerduty.ListUsersOptions{
					Query: "ada", TeamIDs: []string{"PTEAM01", "PTEAM02"},
					Includes: []pagerduty.UserInclude{pagerduty.IncludeUserContactMethods, pagerduty.IncludeUserTeams},
				}))
			},
			answer: `{"users":[` + userJSON + `],"limit":100,"offset":0,"more":false}`,
			want: wantRequest{method: "GET", path: "/users", query: pageQuery("query", "ada",
				"team_ids[]", "PTEAM01", "team_ids[]", "PTEAM02", "include[]", "contact_methods", "include[]", "teams")},
			check: func(t *testing.T, got any) { u := got.(pagerduty.User); checkUser(t, &u) },
		},
		{
			name: "ListPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListPage(ctx, &pagerduty.ListUsersOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 20, Total: true}})
			},
			answer: `{"users":[` + userJSON + `],"limit":10,"offset":20,"more":true,"total":31}`,
			want:   wantRequest{method: "GET", path: "/users", query: vals("limit", "10", "offset", "20", "total", "true")},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.User])
				if len(p.Items) != 1 || !p.More || p.Total == nil || *p.Total != 31 || p.Offset != 20 {
					t.Errorf("page %+v", p)
				}
			},
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.Get(ctx, "PUSER01", &pagerduty.GetUserOptions{Includes: []pagerduty.UserInclude{pagerduty.IncludeUserCalendarURLs}})
			},
			answer: `{"user":` + userJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01", query: vals("include[]", "calendar_urls")},
			check:  checkUser,
		},
		{
			name: "GetCurrent",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetCurrent(ctx, nil)
			},
			answer: `{"user":` + userJSON + `}`,
			want:   wantRequest{method: "GET", path: "/users/me"},
			check:  checkUser,
		},
		{
			name: "Create",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.Create(ctx, &pagerduty.UserParams{From: "admin@example.com", Name: "Ada Lovelace",
					Email: "ada@example.com", Role: pagerduty.RoleAdmin, JobTitle: pointerTo("Engineer"), LicenseID: "PLIC001"})
			},
			status: 201,
			answer: `{"user":` + userJSON + `}`,
			want: wantRequest{method: "POST", path: "/users", from: "admin@example.com",
				body: `{"user":{"type":"user","name":"Ada Lovelace","email":"ada@example.com","role":"admin",
					"job_title":"Engineer","license":{"id":"PLIC001","type":"license_reference"}}}`},
			check: checkUser,
		},
		{
			name: "UpdateSendsOnlyWhatIsSet",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.Update(ctx, "PUSER01", &pagerduty.UserParams{TimeZone: "Asia/Tokyo", Description: pointerTo("")})
			},
			answer: `{"user":` + userJSON + `}`,
			want: wantRequest{method: "PUT", path: "/users/PUSER01",
				body: `{"user":{"type":"user","time_zone":"Asia/Tokyo","description":""}}`},
			check: checkUser,
		},
		{
			name: "Delete",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, c.Users.Delete(ctx, "PUSER01")
			},
			status: 204,
			want:   wantRequest{method: "DELETE", path: "/users/PUSER01"},
		},
		{
			name: "GetLicense",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.GetLicense(ctx, "PUSER01")
			},
			answer: `{"license":{"id":"PLIC001","name":"Full User","description":"Everything","valid_roles":["admin","user"],"role_group":"FullUser","summary":"Full User"}}`,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/license"},
			check: func(t *testing.T, got any) {
				l := got.(*pagerduty.License)
				if l.ID != "PLIC001" || l.RoleGroup != "FullUser" || len(l.ValidRoles) != 2 || l.ValidRoles[0] != pagerduty.RoleAdmin {
					t.Errorf("license %+v", l)
				}
			},
		},
		{
			name: "RegeneratePrivateURLKey",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.RegeneratePrivateURLKey(ctx, "PUSER01")
			},
			answer: `{"private_url_key":"k3y"}`,
			want:   wantRequest{method: "POST", path: "/users/PUSER01/regenerate_private_url_key"},
			check: func(t *testing.T, got any) {
				if got.(string) != "k3y" {
					t.Errorf("key %q", got)
				}
			},
		},
		{
			name: "ListAuditRecords",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return firstOf(c.Users.ListAuditRecords(ctx, "PUSER01", &pagerduty.ListAuditRecordsOptions{
					Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
					CursorOptions: pagerduty.CursorOptions{Limit: 5, Cursor: "c1"},
				}))
			},
			answer: auditAnswer,
			want: wantRequest{method: "GET", path: "/users/PUSER01/audit/records", query: vals("since", "2026-01-01T00:00:00Z",
				"until", "2026-01-02T00:00:00Z", "limit", "5", "cursor", "c1")},
			check: checkAuditRecord,
		},
		{
			name: "ListAuditRecordsPage",
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return c.Users.ListAuditRecordsPage(ctx, "PUSER01", nil)
			},
			answer: auditAnswer,
			want:   wantRequest{method: "GET", path: "/users/PUSER01/audit/records"},
			check: func(t *testing.T, got any) {
				p := got.(*pagerduty.Page[pagerduty.AuditRecord])
				if len(p.Items) != 1 || p.NextCursor != "next-1" {
					t.Errorf("page %+v", p)
				}
				checkAuditRecord(t, p.Items[0])
			},
		},
	})
}

const auditAnswer = `{"records":[{"id":"R1","execution_time":"2026-01-01T10:00:00.123Z",
 "execution_context":{"request_id":"req-1","remote_address":"192.0.2.1"},
 "actors":[{"id":"PUSER02","type":"user_reference"}],"method":{"type":"api_token","truncated_token":"abcd"},
 "root_resource":{"id":"PUSER01","type":"user_reference"},"action":"update",
 "details":{"resource":{"id":"PUSER01","type":"user_reference"},
  "fields":[{"name":"name","value":"Ada","before_value":"Augusta"}],
  "references":[{"name":"teams","added":[{"id":"PTEAM01","type":"team_reference"}],"removed":null}]}}],
 "limit":1,"next_cursor":"next-1"}`

func checkAuditRecord(t *testing.T, got any) {
	t.Helper()
	r := got.(pagerduty.AuditRecord)
	if r.ID != "R1" || r.Action != "update" || r.Method.Type != pagerduty.AuditMethodAPIToken || r.RootResource.ID != "PUSER01" {
		t.Errorf("record %+v", r)
	}
	if !r.ExecutionTime.Equal(time.Date(2026, 1, 1, 10, 0, 0, 123e6, time.UTC)) {
		t.Errorf("execution time %v", r.ExecutionTime)
	}
	if r.ExecutionContext == nil || r.ExecutionContext.RemoteAddress != "192.0.2.1" || len(r.Actors) != 1 {
		t.Errorf("context %+v actors %+v", r.ExecutionContext, r.Actors)
	}
	if r.Details == nil || len(r.Details.Fields) != 1 || r.Details.Fields[0].BeforeValue != "Augusta" ||
		len(r.Details.References) != 1 || r.Details.References[0].Added[0].ID != "PTEAM01" {
		t.Errorf("details %+v", r.Details)
	}
}

func TestUsersRejectBadInputBeforeSending(t *testing.T) {
	runBadCalls(t, []badCall{
		{"list include", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.List(ctx, &pagerduty.ListUsersOptions{Includes: []pagerduty.UserInclude{pagerduty.IncludeUserCalendarURLs}}))
		}, `"calendar_urls" is not accepted`},
		{"list team id", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.List(ctx, &pagerduty.ListUsersOptions{TeamIDs: []string{"a/b"}}))
		}, "TeamIDs"},
		{"list limit", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.ListPage(ctx, &pagerduty.ListUsersOptions{ListOptions: pagerduty.ListOptions{Limit: 101}})
			return err
		}, "Limit 101 is out of range"},
		{"get id", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Get(ctx, "../me", nil)
			return err
		}, "invalid ID"},
		{"get include", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Get(ctx, "PUSER01", &pagerduty.GetUserOptions{Includes: []pagerduty.UserInclude{"friends"}})
			return err
		}, `"friends" is not accepted`},
		{"create without name", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Create(ctx, &pagerduty.UserParams{From: "a@example.com", Email: "x@example.com"})
			return err
		}, "Name is required"},
		{"create without email", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Create(ctx, &pagerduty.UserParams{From: "a@example.com", Name: "X"})
			return err
		}, "Email is required"},
		{"create without from", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Create(ctx, &pagerduty.UserParams{Name: "X", Email: "x@example.com"})
			return err
		}, "set From"},
		{"create nil params", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Create(ctx, nil)
			return err
		}, "params is required"},
		{"bad email", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Update(ctx, "PUSER01", &pagerduty.UserParams{Email: "nobody"})
			return err
		}, "not an email address"},
		{"bad role", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Update(ctx, "PUSER01", &pagerduty.UserParams{Role: "king"})
			return err
		}, `"king" is not accepted`},
		{"empty update", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Users.Update(ctx, "PUSER01", &pagerduty.UserParams{})
			return err
		}, "changes nothing"},
		{"delete id", func(ctx context.Context, c *pagerduty.Client) error {
			return c.Users.Delete(ctx, "")
		}, "ID is empty"},
		{"audit limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Users.ListAuditRecords(ctx, "PUSER01", &pagerduty.ListAuditRecordsOptions{CursorOptions: pagerduty.CursorOptions{Limit: -1}}))
		}, "negative"},
		{"audit window", func(ctx context.Context, c *pagerduty.Client) error {
			now := time.Now()
			_, err := c.Users.ListAuditRecordsPage(ctx, "PUSER01", &pagerduty.ListAuditRecordsOptions{Since: now, Until: now.Add(-time.Hour)})
			return err
		}, "must be after Since"},
	})
}

func TestUsersCreateUsesTheClientsFrom(t *testing.T) {
	runAPICases(t, []apiCase{{
		name: "WithFrom",
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Users.Create(ctx, &pagerduty.UserParams{Name: "Ada Lovelace", Email: "ada@example.com"})
		},
		status: 201,
		answer: `{"user":` + userJSON + `}`,
		want: wantRequest{method: "POST", path: "/users", from: "default@example.com",
			body: `{"user":{"type":"user","name":"Ada Lovelace","email":"ada@example.com"}}`},
		check: checkUser,
	}}, pagerduty.WithFrom("default@example.com"))
}

func TestUsersListFollowsPagesAndStopsOnBreak(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		var users []map[string]string
		for i := off; i < min(off+lim, 250); i++ {
			users = append(users, map[string]string{"id": fmt.Sprintf("PU%05d", i), "type": "user"})
		}
		writeJSON(w, http.StatusOK, map[string]any{"users": users, "limit": lim, "offset": off, "more": off+lim < 250})
	})
	ctx := context.Background()
	n := 0
	for u, err := range c.Users.List(ctx, &pagerduty.ListUsersOptions{Query: "a"}) {
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("PU%05d", n); u.ID != want {
			t.Fatalf("user %d is %s, want %s", n, u.ID, want)
		}
		n++
	}
	if n != 250 {
		t.Errorf("read %d users, want 250", n)
	}
	var offsets []string
	for _, r := range rec.all() {
		offsets = append(offsets, r.Query.Get("offset"))
		if r.Query.Get("query") != "a" || r.Query.Get("limit") != "100" {
			t.Errorf("page request %v lost the filter or the page size", r.Query)
		}
	}
	if strings.Join(offsets, ",") != "0,100,200" {
		t.Errorf("pages at offsets %v, want 0,100,200", offsets)
	}

	before := len(rec.all())
	for range c.Users.List(ctx, nil) {
		break
	}
	if got := len(rec.all()) - before; got != 1 {
		t.Errorf("breaking after the first user sent %d requests, want 1", got)
	}
}
