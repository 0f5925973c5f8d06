package mcptools

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// openIncidents returns the account's open incidents, newest first.
func openIncidents(d *pdtest.Dataset) []pdtest.Incident {
	var out []pdtest.Incident
	for _, inc := range d.Incidents {
		if inc.Status != pdtest.StatusResolved && inc.MergedInto == "" {
			out = append(out, inc)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out
}

func TestListIncidentsDefaultsToOpen(t *testing.T) {
	e := newEnv(t, envConfig{})
	want := openIncidents(e.pd.Data())
	if len(want) == 0 {
		t.Fatal("the demo account has no open incident")
	}
	var got IncidentList
	txt := e.ok(t, "list_incidents", nil, &got)
	if len(got.Incidents) != len(want) {
		t.Fatalf("got %d incidents, want the %d open ones", len(got.Incidents), len(want))
	}
	for i, inc := range got.Incidents {
		if inc.ID != want[i].ID || inc.Number != want[i].Number || inc.Status != want[i].Status {
			t.Errorf("incident %d = %s #%d %s, want %s #%d %s", i, inc.ID, inc.Number, inc.Status, want[i].ID, want[i].Number, want[i].Status)
		}
		if inc.Service == nil || inc.Service.ID != want[i].ServiceID || inc.Service.Name == "" {
			t.Errorf("incident %s: service %+v, want %s with its name", inc.ID, inc.Service, want[i].ServiceID)
		}
		if !strings.Contains(txt, fmt.Sprintf("#%d %s [%s", inc.Number, inc.ID, inc.Status)) {
			t.Errorf("the text has no line for #%d:\n%s", inc.Number, txt)
		}
	}
	if got.HasMore || got.NextCursor != "" {
		t.Errorf("has_more %v, next_cursor %q: want no more", got.HasMore, got.NextCursor)
	}
	if got.Total == nil || *got.Total != len(want) {
		t.Errorf("total = %v, want %d", got.Total, len(want))
	}
}

func TestListIncidentsPagesWithCursor(t *testing.T) {
	e := newEnv(t, envConfig{})
	args := map[string]any{"statuses": []string{"resolved", "triggered", "acknowledged"}, "since": "14d", "limit": 7}
	var all []string
	seen := map[string]bool{}
	cursor := ""
	for page := 0; ; page++ {
		if page > 100 {
			t.Fatal("the listing does not end")
		}
		if cursor != "" {
			args["cursor"] = cursor
		}
		var got IncidentList
		txt := e.ok(t, "list_incidents", args, &got)
		if len(got.Incidents) > 7 {
			t.Fatalf("page %d has %d incidents, over the limit of 7", page, len(got.Incidents))
		}
		for _, inc := range got.Incidents {
			if seen[inc.ID] {
				t.Fatalf("incident %s is on two pages", inc.ID)
			}
			seen[inc.ID] = true
			all = append(all, inc.ID)
		}
		if !got.HasMore {
			break
		}
		if !strings.Contains(txt, got.NextCursor) {
			t.Errorf("the text does not give the cursor:\n%s", txt)
		}
		cursor = got.NextCursor
	}
	var want []string
	since := testNow.AddDate(0, 0, -14)
	d := e.pd.Data()
	sort.SliceStable(d.Incidents, func(i, j int) bool { return d.Incidents[i].CreatedAt.After(d.Incidents[j].CreatedAt) })
	for _, inc := range d.Incidents {
		if !inc.CreatedAt.Before(since) {
			want = append(want, inc.ID)
		}
	}
	if !slices.Equal(all, want) {
		t.Errorf("paging read %d incidents, want the %d of the last 14 days in order", len(all), len(want))
	}
}

func TestListIncidentsRefusesForeignCursor(t *testing.T) {
	e := newEnv(t, envConfig{})
	var first IncidentList
	e.ok(t, "list_incidents", map[string]any{"statuses": []string{"resolved"}, "limit": 2}, &first)
	if first.NextCursor == "" {
		t.Fatal("want a second page")
	}
	e.pd.ResetRequests()
	msg := e.fails(t, "list_incidents", map[string]any{"statuses": []string{"triggered"}, "cursor": first.NextCursor})
	if !strings.Contains(msg, "another query") {
		t.Errorf("error %q does not say the cursor belongs to another query", msg)
	}
	msg = e.fails(t, "list_incidents", map[string]any{"cursor": "not-a-cursor"})
	if !strings.Contains(msg, "cursor") {
		t.Errorf("error %q does not name the cursor", msg)
	}
	if n := len(e.pd.Requests()); n != 0 {
		t.Errorf("a bad cursor sent %d requests", n)
	}
}

func TestListIncidentsByPriority(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var p1 string
	for _, p := range d.Priorities {
		if p.Name == "P1" {
			p1 = p.ID
		}
	}
	args := map[string]any{"statuses": []string{"resolved"}, "since": "28d", "priorities": []string{"p1"}, "limit": 3}
	var got []Incident
	for cursor := ""; ; {
		if cursor != "" {
			args["cursor"] = cursor
		}
		var page IncidentList
		e.ok(t, "list_incidents", args, &page)
		got = append(got, page.Incidents...)
		if !page.HasMore {
			break
		}
		cursor = page.NextCursor
	}
	want := 0
	for _, inc := range d.Incidents {
		if inc.PriorityID == p1 && inc.Status == pdtest.StatusResolved && !inc.CreatedAt.Before(testNow.AddDate(0, 0, -28)) {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Fatalf("got %d P1 incidents, want %d (and more than none)", len(got), want)
	}
	for _, inc := range got {
		if inc.Priority != "P1" {
			t.Errorf("incident %s has priority %q", inc.ID, inc.Priority)
		}
	}
	msg := e.fails(t, "list_incidents", map[string]any{"priorities": []string{"P9"}})
	if !strings.Contains(msg, "P1, P2, P3, P4, P5") {
		t.Errorf("unknown priority: %s", msg)
	}
}

func TestListIncidentsAssignedToMe(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	me := d.CurrentUserID
	want := 0
	for _, inc := range openIncidents(d) {
		for _, a := range inc.Assignments {
			if a.UserID == me {
				want++
				break
			}
		}
	}
	var got IncidentList
	e.ok(t, "list_incidents", map[string]any{"assigned_to": "me"}, &got)
	if len(got.Incidents) != want {
		t.Fatalf("got %d incidents assigned to me, want %d", len(got.Incidents), want)
	}
	for _, inc := range got.Incidents {
		if !slices.ContainsFunc(inc.Assignees, func(r Ref) bool { return r.ID == me }) {
			t.Errorf("incident %s is not assigned to %s: %+v", inc.ID, me, inc.Assignees)
		}
	}
}

func TestGetIncidentByReference(t *testing.T) {
	e := newEnv(t, envConfig{})
	inc := openIncidents(e.pd.Data())[0]
	for _, ref := range []string{inc.ID, fmt.Sprint(inc.Number), fmt.Sprintf("#%d", inc.Number), fmt.Sprintf("INC-%d", inc.Number), fmt.Sprintf("inc-%d", inc.Number)} {
		var got IncidentDetail
		txt := e.ok(t, "get_incident", map[string]any{"incident": ref}, &got)
		if got.ID != inc.ID || got.Number != inc.Number || got.Title != inc.Title {
			t.Errorf("get_incident(%q) = %s #%d %q, want %s #%d %q", ref, got.ID, got.Number, got.Title, inc.ID, inc.Number, inc.Title)
		}
		if got.EscalationPolicy == nil || got.EscalationPolicy.ID != inc.EscalationPolicyID {
			t.Errorf("get_incident(%q): escalation policy %+v, want %s", ref, got.EscalationPolicy, inc.EscalationPolicyID)
		}
		if !strings.HasPrefix(txt, fmt.Sprintf("#%d %s", inc.Number, inc.ID)) {
			t.Errorf("get_incident(%q): text starts %q", ref, truncate(txt, 60))
		}
	}
}

func TestGetIncidentNotFoundHints(t *testing.T) {
	e := newEnv(t, envConfig{})
	msg := e.fails(t, "get_incident", map[string]any{"incident": "#999999"})
	for _, want := range []string{"404", "list_incidents"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

func TestGetCurrentUser(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var got CurrentUser
	txt := e.ok(t, "get_current_user", nil, &got)
	var want pdtest.User
	for _, u := range d.Users {
		if u.ID == d.CurrentUserID {
			want = u
		}
	}
	if got.ID != want.ID || got.Name != want.Name || got.Email != want.Email {
		t.Errorf("get_current_user = %+v, want %s %s %s", got.User, want.ID, want.Name, want.Email)
	}
	if !strings.Contains(txt, want.Name) || !strings.Contains(txt, want.ID) {
		t.Errorf("text %q does not name the user", txt)
	}
}

func TestMeWithAccountKey(t *testing.T) {
	d := pdtest.DemoDataset(1, testNow, 10)
	d.CurrentUserID = ""
	e := newEnv(t, envConfig{pdOpts: []pdtest.Option{pdtest.WithData(d)}})
	msg := e.fails(t, "get_current_user", nil)
	if !strings.Contains(msg, "belongs to no user") {
		t.Errorf("error %q does not explain account keys", msg)
	}
	msg = e.fails(t, "list_incidents", map[string]any{"assigned_to": "me"})
	if !strings.Contains(msg, `"assigned_to"`) {
		t.Errorf("error %q does not name the argument", msg)
	}
}
