package mcptools

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// The tests named TestCommand_* perform the requests of docs/commands.md
// the way an agent would: with at most two tool calls, naming things as
// people do, and checking the outcome against the in-memory PagerDuty.

// demoWith is the demo account changed by edit, for a request that needs
// a situation the demo does not have (an incident of mine, a P1 one).
func demoWith(edit func(d *pdtest.Dataset)) envConfig {
	d := pdtest.DemoDataset(1, testNow, pdtest.DefaultDemoIncidents)
	edit(d)
	cfg := writes
	cfg.pdOpts = []pdtest.Option{pdtest.WithData(d)}
	return cfg
}

func priorityID(t *testing.T, d *pdtest.Dataset, name string) string {
	t.Helper()
	return findIn(t, d.Priorities, "priority "+name, func(p *pdtest.Priority) bool { return p.Name == name }).ID
}

func serviceNamed(t *testing.T, d *pdtest.Dataset, name string) pdtest.Service {
	t.Helper()
	return findIn(t, d.Services, "service "+name, func(s *pdtest.Service) bool { return s.Name == name })
}

func userNamed(t *testing.T, d *pdtest.Dataset, name string) pdtest.User {
	t.Helper()
	return findIn(t, d.Users, "user "+name, func(u *pdtest.User) bool { return u.Name == name })
}

// openOf returns the open incidents of a service, newest first.
func openOf(d *pdtest.Dataset, serviceID string) []pdtest.Incident {
	var out []pdtest.Incident
	for _, inc := range openIncidents(d) {
		if inc.ServiceID == serviceID {
			out = append(out, inc)
		}
	}
	return out
}

func incidentIDs(list []Incident) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = list[i].ID
	}
	return out
}

func TestCommand_Incidents_CreateP1(t *testing.T) {
	e := newEnv(t, writes)
	before := e.pd.Data()
	pg := serviceNamed(t, before, "Postgres Primary")
	var got IncidentDetail
	e.ok(t, "create_incident", map[string]any{"title": "Database outage", "service": "postgres primary", "priority": "P1"}, &got)
	after := e.pd.Data()
	if len(after.Incidents) != len(before.Incidents)+1 {
		t.Fatalf("%d incidents after, want %d", len(after.Incidents), len(before.Incidents)+1)
	}
	inc := incidentIn(after, got.ID)
	if inc.ServiceID != pg.ID || inc.PriorityID != priorityID(t, after, "P1") || inc.Title != "Database outage" || inc.Status != pdtest.StatusTriggered {
		t.Errorf("stored %+v", inc)
	}
	if got.Number != inc.Number || got.Priority != "P1" {
		t.Errorf("answer #%d %s, stored #%d", got.Number, got.Priority, inc.Number)
	}
}

func TestCommand_Incidents_AcknowledgeByNumber(t *testing.T) {
	e := newEnv(t, writes)
	var target pdtest.Incident
	for _, inc := range openIncidents(e.pd.Data()) {
		if inc.Status == pdtest.StatusTriggered {
			target = inc
		}
	}
	if target.ID == "" {
		t.Fatal("the demo has no triggered incident")
	}
	for _, ref := range []string{fmt.Sprintf("INC-%d", target.Number), fmt.Sprintf("#%d", target.Number)} {
		var res ManageResult
		e.ok(t, "manage_incidents", map[string]any{"incidents": []string{ref}, "status": "acknowledged"}, &res)
		if len(res.Updated) != 1 || res.Updated[0].ID != target.ID || len(res.Failed) != 0 {
			t.Errorf("%s: %+v", ref, res)
		}
	}
	if got := incidentIn(e.pd.Data(), target.ID); got.Status != pdtest.StatusAcknowledged {
		t.Errorf("incident %s is %s, want acknowledged", target.ID, got.Status)
	}
}

func TestCommand_Incidents_ResolveAllOfService(t *testing.T) {
	// Open two more incidents on Web Frontend, so that "the web service"
	// has several to resolve.
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		web := serviceNamed(t, d, "Web Frontend")
		n := 0
		for i := len(d.Incidents) - 1; i >= 0 && n < 2; i-- {
			if inc := &d.Incidents[i]; inc.Status == pdtest.StatusResolved {
				inc.ServiceID, inc.EscalationPolicyID, inc.Status, inc.ResolvedAt = web.ID, web.EscalationPolicyID, pdtest.StatusTriggered, nil
				n++
			}
		}
	}))
	d := e.pd.Data()
	web := serviceNamed(t, d, "Web Frontend")
	want := openOf(d, web.ID)
	if len(want) < 2 {
		t.Fatalf("Web Frontend has %d open incidents, want 2 or more", len(want))
	}
	var list IncidentList
	e.ok(t, "list_incidents", map[string]any{"service": "web", "limit": 100}, &list)
	if len(list.Incidents) != len(want) || list.HasMore {
		t.Fatalf("listed %d, want the %d open incidents of Web Frontend", len(list.Incidents), len(want))
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": incidentIDs(list.Incidents), "status": "resolved"}, &res)
	after := e.pd.Data()
	if left := openOf(after, web.ID); len(left) != 0 || len(res.Updated) != len(want) {
		t.Errorf("%d still open, %d updated", len(left), len(res.Updated))
	}
	if len(openIncidents(after)) != len(openIncidents(d))-len(want) {
		t.Error("incidents of other services changed too")
	}
}

func TestCommand_Incidents_EscalateUnacknowledged(t *testing.T) {
	e := newEnv(t, writes)
	var want []string
	for _, inc := range openIncidents(e.pd.Data()) {
		if inc.Status == pdtest.StatusTriggered {
			want = append(want, inc.ID)
		}
	}
	var list IncidentList
	e.ok(t, "list_incidents", map[string]any{"statuses": []string{"triggered"}}, &list)
	got := incidentIDs(list.Incidents)
	if !sameSet(got, want) {
		t.Fatalf("triggered incidents %v, want %v", got, want)
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": got, "escalation_level": 2}, &res)
	after := e.pd.Data()
	for _, id := range want {
		if inc := incidentIn(after, id); inc.EscalationLevel != 2 {
			t.Errorf("incident %s at level %d, want 2", id, inc.EscalationLevel)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestCommand_Incidents_ActiveP1(t *testing.T) {
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		// At least two of the open incidents are P1, one is P2.
		n := 0
		for i := len(d.Incidents) - 1; i >= 0 && n < 3; i-- {
			if inc := &d.Incidents[i]; inc.Status != pdtest.StatusResolved {
				name := "P1"
				if n == 2 {
					name = "P2"
				}
				inc.PriorityID = priorityID(t, d, name)
				n++
			}
		}
	}))
	d := e.pd.Data()
	var p1 []string
	for _, inc := range openIncidents(d) {
		if inc.PriorityID == priorityID(t, d, "P1") {
			p1 = append(p1, inc.ID)
		}
	}
	var got IncidentList
	e.ok(t, "list_incidents", map[string]any{"priorities": []string{"P1"}}, &got)
	if ids := incidentIDs(got.Incidents); !sameSet(ids, p1) {
		t.Errorf("P1 incidents %v, want %v", ids, p1)
	}
	for _, inc := range got.Incidents {
		if inc.Priority != "P1" || inc.Status == pdtest.StatusResolved {
			t.Errorf("listed %+v", inc)
		}
	}
}

func TestCommand_Incidents_TimelineAndNotes(t *testing.T) {
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	var inc pdtest.Incident
	for _, i := range d.Incidents {
		if len(i.Notes) > 0 && len(i.LogEntries) > 3 {
			inc = i
		}
	}
	if inc.ID == "" {
		t.Fatal("the demo has no incident with notes")
	}
	var got IncidentDetail
	e.ok(t, "get_incident", map[string]any{"incident": fmt.Sprintf("#%d", inc.Number), "include": []string{"notes", "timeline"}}, &got)
	if len(got.Notes) != len(inc.Notes) {
		t.Fatalf("%d notes, want %d", len(got.Notes), len(inc.Notes))
	}
	for i, n := range inc.Notes {
		if got.Notes[i].Content != n.Content {
			t.Errorf("note %d %q, want %q", i, got.Notes[i].Content, n.Content)
		}
	}
	// The timeline keeps the key events: every trigger, acknowledgement
	// and resolution of the log is in it, in order.
	want := map[string]bool{}
	for _, l := range inc.LogEntries {
		if l.Type == pdtest.LogTrigger || l.Type == pdtest.LogAcknowledge || l.Type == pdtest.LogResolve {
			want[strings.TrimSuffix(l.Type, "_log_entry")+" "+l.CreatedAt.UTC().Format(time.RFC3339)] = true
		}
	}
	for _, tl := range got.Timeline {
		delete(want, tl.Type+" "+tl.At.UTC().Format(time.RFC3339))
	}
	if len(got.Timeline) == 0 || len(want) > 0 {
		t.Errorf("the timeline %+v lacks %v", got.Timeline, want)
	}
}

func TestCommand_Incidents_LastHour(t *testing.T) {
	e := newEnv(t, envConfig{})
	var want []string
	for _, inc := range e.pd.Data().Incidents {
		if !inc.CreatedAt.Before(testNow.Add(-time.Hour)) {
			want = append(want, inc.ID)
		}
	}
	if len(want) == 0 {
		t.Fatal("the demo has no incident of the last hour")
	}
	var got IncidentList
	e.ok(t, "list_incidents", map[string]any{"since": "1h", "statuses": []string{"triggered", "acknowledged", "resolved"}, "limit": 100}, &got)
	if ids := incidentIDs(got.Incidents); !sameSet(ids, want) {
		t.Errorf("incidents of the last hour %v, want %v", ids, want)
	}
}

func TestCommand_Incidents_ByPriority(t *testing.T) {
	// PagerDuty sorts by creation only: list_incidents gives each
	// incident's priority, and the agent groups them.
	e := newEnv(t, envConfig{})
	d := e.pd.Data()
	names := map[string]string{}
	for _, p := range d.Priorities {
		names[p.ID] = p.Name
	}
	want := map[string]int{}
	for _, inc := range d.Incidents {
		if !inc.CreatedAt.Before(testNow.Add(-7 * 24 * time.Hour)) {
			want[names[inc.PriorityID]]++
		}
	}
	var got IncidentList
	e.ok(t, "list_incidents", map[string]any{"since": "7d", "statuses": []string{"triggered", "acknowledged", "resolved"}, "limit": 100}, &got)
	if got.HasMore {
		t.Fatal("the week has more than 100 incidents")
	}
	grouped := map[string]int{}
	for _, inc := range got.Incidents {
		grouped[inc.Priority]++
		if stored := incidentIn(d, inc.ID); names[stored.PriorityID] != inc.Priority {
			t.Errorf("%s: priority %q, stored %q", inc.ID, inc.Priority, names[stored.PriorityID])
		}
	}
	if fmt.Sprint(grouped) != fmt.Sprint(want) {
		t.Errorf("by priority %v, want %v", grouped, want)
	}
}

func TestCommand_Incidents_AssignToOnCall(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	// Incident #N of some service: the user names the service.
	inc := openIncidents(d)[0]
	var svcName string
	for _, s := range d.Services {
		if s.ID == inc.ServiceID {
			svcName = s.Name
		}
	}
	var oc OnCallList
	e.ok(t, "list_oncalls", map[string]any{"service": svcName}, &oc)
	var engineer string
	for _, o := range oc.OnCalls {
		if o.Level == 1 {
			engineer = o.User.ID
		}
	}
	if engineer == "" {
		t.Fatalf("nobody on call at level 1 for %s: %+v", svcName, oc)
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{fmt.Sprint(inc.Number)}, "assign_to": []string{engineer}}, &res)
	got := incidentIn(e.pd.Data(), inc.ID)
	if len(got.Assignments) != 1 || got.Assignments[0].UserID != engineer {
		t.Errorf("assignments %+v, want %s", got.Assignments, engineer)
	}
}

func TestCommand_Incidents_ReassignToUser(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	inc := openIncidents(d)[1]
	grace := userNamed(t, d, "Grace Hopper")
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{inc.ID}, "assign_to": []string{"grace hopper"}}, &res)
	got := incidentIn(e.pd.Data(), inc.ID)
	if len(got.Assignments) != 1 || got.Assignments[0].UserID != grace.ID {
		t.Errorf("assignments %+v, want %s", got.Assignments, grace.ID)
	}
	if len(res.Updated) != 1 || len(res.Updated[0].Assignees) != 1 || res.Updated[0].Assignees[0].Name != grace.Name {
		t.Errorf("answer %+v", res)
	}
}

func TestCommand_Incidents_AddResponders(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	inc := openIncidents(d)[0]
	turing := userNamed(t, d, "Alan Turing")
	var rr RespondersAdded
	e.ok(t, "add_responders", map[string]any{"incident": fmt.Sprintf("#%d", inc.Number), "users": []string{turing.Email},
		"escalation_policies": []string{"Database Escalation"}, "message": "Major incident: join the bridge"}, &rr)
	got := incidentIn(e.pd.Data(), inc.ID)
	if len(got.ResponderRequests) != len(inc.ResponderRequests)+1 {
		t.Fatalf("%d responder requests, want one more than %d", len(got.ResponderRequests), len(inc.ResponderRequests))
	}
	req := got.ResponderRequests[len(got.ResponderRequests)-1]
	if !slices.Contains(req.UserIDs, turing.ID) || req.Message != "Major incident: join the bridge" || req.RequesterID != d.CurrentUserID {
		t.Errorf("request %+v", req)
	}
	if len(rr.Asked) != 2 {
		t.Errorf("asked %+v, want the user and the policy", rr.Asked)
	}
}

func TestCommand_Incidents_RemoveInactiveResponders(t *testing.T) {
	// An acknowledged incident assigned to two people, one of whom never
	// acknowledged it.
	var incID, active, idle string
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		for i := len(d.Incidents) - 1; i >= 0; i-- {
			inc := &d.Incidents[i]
			if inc.Status == pdtest.StatusAcknowledged && len(inc.Acknowledgements) > 0 {
				incID, active = inc.ID, inc.Acknowledgements[0].By.ID
				idle = userNamed(t, d, "Niklaus Wirth").ID
				inc.Assignments = []pdtest.Assignment{{UserID: active, At: inc.CreatedAt}, {UserID: idle, At: inc.CreatedAt}}
				return
			}
		}
	}))
	if incID == "" {
		t.Fatal("the demo has no acknowledged incident")
	}
	var detail IncidentDetail
	e.ok(t, "get_incident", map[string]any{"incident": incID}, &detail)
	var keep []string
	for _, a := range detail.Assignees {
		if slices.ContainsFunc(detail.Acknowledgers, func(r Ref) bool { return r.ID == a.ID }) {
			keep = append(keep, a.ID)
		}
	}
	if len(detail.Assignees) != 2 || !slices.Equal(keep, []string{active}) {
		t.Fatalf("assignees %+v, acknowledgers %+v", detail.Assignees, detail.Acknowledgers)
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{incID}, "assign_to": keep}, &res)
	got := incidentIn(e.pd.Data(), incID)
	if len(got.Assignments) != 1 || got.Assignments[0].UserID != active {
		t.Errorf("assignments %+v, want only %s", got.Assignments, active)
	}
}

func TestCommand_Incidents_AcknowledgeMine(t *testing.T) {
	var mine []string
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		for i := range d.Incidents {
			if inc := &d.Incidents[i]; inc.Status == pdtest.StatusTriggered {
				inc.Assignments = []pdtest.Assignment{{UserID: d.CurrentUserID, At: inc.CreatedAt}}
				mine = append(mine, inc.ID)
			}
		}
	}))
	if len(mine) == 0 {
		t.Fatal("the demo has no triggered incident")
	}
	var list IncidentList
	e.ok(t, "list_incidents", map[string]any{"assigned_to": "me", "statuses": []string{"triggered"}}, &list)
	if ids := incidentIDs(list.Incidents); !sameSet(ids, mine) {
		t.Fatalf("mine %v, want %v", ids, mine)
	}
	var res ManageResult
	e.ok(t, "manage_incidents", map[string]any{"incidents": incidentIDs(list.Incidents), "status": "acknowledged"}, &res)
	after := e.pd.Data()
	for _, id := range mine {
		inc := incidentIn(after, id)
		if inc.Status != pdtest.StatusAcknowledged || len(inc.Acknowledgements) == 0 || inc.Acknowledgements[len(inc.Acknowledgements)-1].By.ID != after.CurrentUserID {
			t.Errorf("incident %s: %s, acknowledgements %+v", id, inc.Status, inc.Acknowledgements)
		}
	}
}

func TestCommand_Incidents_SnoozeMergeNoteUrgencyPriority(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	open := openIncidents(d)
	var acked, triggered []pdtest.Incident
	for _, inc := range open {
		if inc.Status == pdtest.StatusAcknowledged {
			acked = append(acked, inc)
		} else {
			triggered = append(triggered, inc)
		}
	}
	if len(acked) < 1 || len(triggered) < 2 {
		t.Fatalf("the demo has %d acknowledged and %d triggered incidents", len(acked), len(triggered))
	}

	// Snooze an acknowledged incident for an hour.
	var out IncidentDetail
	e.ok(t, "snooze_incident", map[string]any{"incident": fmt.Sprintf("#%d", acked[0].Number), "duration": "1h"}, &out)
	if got := incidentIn(e.pd.Data(), acked[0].ID); got.SnoozedUntil == nil || !got.SnoozedUntil.Equal(testNow.Add(time.Hour)) {
		t.Errorf("snoozed until %v, want %v", got.SnoozedUntil, testNow.Add(time.Hour))
	}

	// Add a note.
	var note NoteAdded
	e.ok(t, "add_incident_note", map[string]any{"incident": triggered[0].ID, "content": "Failover started."}, &note)
	if got := incidentIn(e.pd.Data(), triggered[0].ID); len(got.Notes) != len(triggered[0].Notes)+1 || got.Notes[len(got.Notes)-1].Content != "Failover started." {
		t.Errorf("notes %+v", got.Notes)
	}

	// Change urgency, then priority.
	var res ManageResult
	flip := map[string]string{"high": "low", "low": "high"}[triggered[0].Urgency]
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{triggered[0].ID}, "urgency": flip}, &res)
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{triggered[0].ID}, "priority": "P2"}, &res)
	if got := incidentIn(e.pd.Data(), triggered[0].ID); got.Urgency != flip || got.PriorityID != priorityID(t, d, "P2") {
		t.Errorf("urgency %s priority %s, want %s P2", got.Urgency, got.PriorityID, flip)
	}

	// Merge the second triggered incident into the first.
	e.ok(t, "merge_incidents", map[string]any{"into": triggered[0].ID, "sources": []string{fmt.Sprintf("#%d", triggered[1].Number)}}, &out)
	after := e.pd.Data()
	src, dst := incidentIn(after, triggered[1].ID), incidentIn(after, triggered[0].ID)
	if src.Status != pdtest.StatusResolved || src.MergedInto != dst.ID || len(dst.Alerts) != len(triggered[0].Alerts)+len(triggered[1].Alerts) {
		t.Errorf("source %s merged into %q; target has %d alerts", src.Status, src.MergedInto, len(dst.Alerts))
	}
}

func TestCommand_Incidents_CorrelateAlerts(t *testing.T) {
	// Without PagerDuty's related incidents (an AIOps feature): read an
	// incident's alerts, then merge the incidents that share an alert's
	// source.
	var a, b string
	e := newEnv(t, demoWith(func(d *pdtest.Dataset) {
		var open []*pdtest.Incident
		for i := range d.Incidents {
			if d.Incidents[i].Status != pdtest.StatusResolved {
				open = append(open, &d.Incidents[i])
			}
		}
		// The two newest open incidents fired from the same host.
		for _, inc := range open[len(open)-2:] {
			inc.Alerts[0].Details = map[string]any{"source": "db-7"}
		}
		a, b = open[len(open)-1].ID, open[len(open)-2].ID
	}))
	var detail IncidentDetail
	e.ok(t, "get_incident", map[string]any{"incident": a, "include": []string{"alerts"}}, &detail)
	if len(detail.AlertList) == 0 || !strings.Contains(fmt.Sprint(detail.AlertList[0]), "db-7") {
		t.Fatalf("alerts %+v do not show their source", detail.AlertList)
	}
	var merged IncidentDetail
	e.ok(t, "merge_incidents", map[string]any{"into": a, "sources": []string{b}}, &merged)
	if got := incidentIn(e.pd.Data(), b); got.MergedInto != a {
		t.Errorf("incident %s merged into %q, want %s", b, got.MergedInto, a)
	}
}

func TestCommand_Incidents_CorrelateRelated(t *testing.T) {
	// PagerDuty's related incidents of an open incident, then one merge.
	e := newEnv(t, writes)
	d := e.pd.Data()
	pd := newTestClient(t, e.pd)
	var target pdtest.Incident
	var want []string
	for _, inc := range openIncidents(d) {
		rel, err := pd.Incidents.ListRelated(t.Context(), inc.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rel) > 0 {
			target = inc
			for _, r := range rel {
				want = append(want, r.Incident.ID)
			}
			break
		}
	}
	if target.ID == "" {
		t.Fatal("the demo has no open incident with related incidents")
	}
	var got RelatedIncidents
	txt := e.ok(t, "find_related_incidents", map[string]any{"incident": fmt.Sprintf("#%d", target.Number), "past_limit": 3}, &got)
	var ids []string
	for _, r := range got.Related {
		ids = append(ids, r.ID)
		if r.Status == "" || r.Service == nil || len(r.Reasons) == 0 {
			t.Errorf("related incident %+v lacks its status, service or reasons", r)
		}
	}
	if got.Incident.ID != target.ID || !sameSet(ids, want) {
		t.Fatalf("related to %s: %v, want %v\n%s", got.Incident.ID, ids, want, txt)
	}
	past, err := pd.Incidents.ListPast(t.Context(), target.ID, &pagerduty.PastIncidentsOptions{Limit: 3, Total: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Past) != len(past.Incidents) || len(got.Past) > 3 || got.PastTotal != *past.Total {
		t.Fatalf("past %+v (total %d), want %d of %d", got.Past, got.PastTotal, len(past.Incidents), *past.Total)
	}
	for i, p := range got.Past {
		if p.ID != past.Incidents[i].Incident.ID || p.Score != past.Incidents[i].Score || incidentIn(d, p.ID).ServiceID != target.ServiceID {
			t.Errorf("past incident %d: %+v, want %+v of service %s", i, p, past.Incidents[i], target.ServiceID)
		}
	}
	out, err := pd.Incidents.GetOutlier(t.Context(), target.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o := got.Outlier; o == nil || out.Occurrence == nil || o.Category != out.Occurrence.Category || o.Count != out.Occurrence.Count || o.Count < 1 {
		t.Errorf("outlier %+v, PagerDuty says %+v", o, out.Occurrence)
	}
	if !strings.Contains(txt, "merge_incidents(into: "+target.ID) {
		t.Errorf("the answer does not say how to merge:\n%s", txt)
	}
	// The agent folds the open related incidents into the one asked about.
	var merged IncidentDetail
	e.ok(t, "merge_incidents", map[string]any{"into": target.ID, "sources": ids}, &merged)
	after := e.pd.Data()
	for _, id := range ids {
		if inc := incidentIn(after, id); inc.MergedInto != target.ID || inc.Status != pdtest.StatusResolved {
			t.Errorf("incident %s: merged into %q, status %s; want merged into %s", id, inc.MergedInto, inc.Status, target.ID)
		}
	}
	if incidentIn(after, target.ID).Status == pdtest.StatusResolved {
		t.Error("the target was resolved by the merge")
	}
}
