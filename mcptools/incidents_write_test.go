package mcptools

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

func incidentIn(d *pdtest.Dataset, id string) pdtest.Incident {
	for _, inc := range d.Incidents {
		if inc.ID == id {
			return inc
		}
	}
	return pdtest.Incident{}
}

var writes = envConfig{filter: Filter{Toolsets: []string{AllToolsets}, EnableWrites: true}}

func TestCreateIncidentWithNames(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	svc := d.Services[0]
	var got IncidentDetail
	txt := e.ok(t, "create_incident", map[string]any{
		"title": "Database outage", "service": svc.Name, "priority": "p1", "urgency": "high", "details": "primary down",
	}, &got)
	after := e.pd.Data()
	inc := incidentIn(after, got.ID)
	if inc.ID == "" || inc.Title != "Database outage" || inc.ServiceID != svc.ID || inc.Urgency != "high" {
		t.Fatalf("created %+v, stored %+v", got, inc)
	}
	var p1 string
	for _, p := range after.Priorities {
		if p.Name == "P1" {
			p1 = p.ID
		}
	}
	if inc.PriorityID != p1 || got.Priority != "P1" {
		t.Errorf("priority %q (%s), want P1 (%s)", got.Priority, inc.PriorityID, p1)
	}
	if !strings.Contains(txt, fmt.Sprintf("#%d %s [triggered, high, P1] Database outage", inc.Number, inc.ID)) {
		t.Errorf("text: %s", txt)
	}
	msg := e.fails(t, "create_incident", map[string]any{"title": "x", "service": svc.ID, "priority": "P9"})
	if !strings.Contains(msg, "P1, P2") {
		t.Errorf("unknown priority: %s", msg)
	}
}

func TestManageIncidentsInBulk(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	var open []pdtest.Incident
	for _, inc := range openIncidents(d) {
		if inc.Status == pdtest.StatusTriggered {
			open = append(open, inc)
		}
	}
	if len(open) < 2 {
		t.Fatalf("the demo has %d triggered incidents, want 2", len(open))
	}
	refs := []string{open[0].ID, fmt.Sprintf("#%d", open[1].Number)}
	var res ManageResult
	txt := e.ok(t, "manage_incidents", map[string]any{"incidents": refs, "status": "acknowledged"}, &res)
	if len(res.Updated) != 2 || len(res.Failed) != 0 {
		t.Fatalf("result %+v\n%s", res, txt)
	}
	after := e.pd.Data()
	for _, inc := range open[:2] {
		if got := incidentIn(after, inc.ID); got.Status != pdtest.StatusAcknowledged {
			t.Errorf("incident %s is %s, want acknowledged", inc.ID, got.Status)
		}
	}
	// Reassign by name, then resolve with a note; an unknown number is
	// reported without stopping the others.
	target := d.Users[7]
	e.ok(t, "manage_incidents", map[string]any{"incidents": refs[:1], "assign_to": []string{target.Name}}, &res)
	if got := incidentIn(e.pd.Data(), open[0].ID); len(got.Assignments) != 1 || got.Assignments[0].UserID != target.ID {
		t.Errorf("assignments %+v, want %s", got.Assignments, target.ID)
	}
	e.ok(t, "manage_incidents", map[string]any{"incidents": []string{open[0].ID, "#99999"}, "status": "resolved", "resolution": "restarted"}, &res)
	if len(res.Updated) != 1 || len(res.Failed) != 1 || res.Failed[0].Item != "#99999" || !strings.Contains(res.Failed[0].Error, "404") {
		t.Errorf("partial failure: %+v", res)
	}
	if got := incidentIn(e.pd.Data(), open[0].ID); got.Status != pdtest.StatusResolved {
		t.Errorf("incident %s is %s, want resolved", open[0].ID, got.Status)
	}
	for _, bad := range []map[string]any{
		{"incidents": refs},
		{"incidents": refs, "assign_to": []string{"me"}, "escalation_level": 2},
		{"incidents": refs, "resolution": "x"},
		{"incidents": []string{"../x"}, "status": "resolved"},
	} {
		e.pd.ResetRequests()
		e.fails(t, "manage_incidents", bad)
		if slices.ContainsFunc(e.pd.Requests(), func(r pdtest.Request) bool { return r.Method != "GET" }) {
			t.Errorf("%v changed something", bad)
		}
	}
}

func TestNotesRespondersSnoozeMerge(t *testing.T) {
	e := newEnv(t, writes)
	d := e.pd.Data()
	open := openIncidents(d)
	inc := open[0]
	var note NoteAdded
	e.ok(t, "add_incident_note", map[string]any{"incident": fmt.Sprintf("INC-%d", inc.Number), "content": "Failing over."}, &note)
	if note.Incident != inc.ID || note.Content != "Failing over." || note.Author == nil || note.Author.ID != d.CurrentUserID {
		t.Errorf("note %+v", note)
	}
	var detail IncidentDetail
	txt := e.ok(t, "get_incident", map[string]any{"incident": inc.ID, "include": []string{"notes", "timeline", "alerts"}}, &detail)
	if len(detail.Notes) == 0 || detail.Notes[len(detail.Notes)-1].Content != "Failing over." {
		t.Errorf("notes %+v", detail.Notes)
	}
	if len(detail.Timeline) == 0 || len(detail.AlertList) != len(inc.Alerts) {
		t.Errorf("timeline %d entries, alerts %d (want %d)\n%s", len(detail.Timeline), len(detail.AlertList), len(inc.Alerts), txt)
	}
	if !strings.Contains(txt, "Notes (") || !strings.Contains(txt, "Timeline:") || !strings.Contains(txt, "Alerts:") {
		t.Errorf("text:\n%s", txt)
	}

	var rr RespondersAdded
	helper := d.Users[12]
	e.ok(t, "add_responders", map[string]any{"incident": inc.ID, "users": []string{helper.Email}, "message": "join the bridge"}, &rr)
	if len(rr.Asked) != 1 || rr.Asked[0].ID != helper.ID {
		t.Errorf("asked %+v, want %s", rr.Asked, helper.ID)
	}
	if got := incidentIn(e.pd.Data(), inc.ID); len(got.ResponderRequests) == 0 {
		t.Error("no responder request was stored")
	}

	// Snooze needs an acknowledged incident.
	var ack *pdtest.Incident
	for i := range open {
		if open[i].Status == pdtest.StatusAcknowledged {
			ack = &open[i]
		}
	}
	if ack == nil {
		t.Fatal("the demo has no acknowledged incident")
	}
	var snoozed IncidentDetail
	e.ok(t, "snooze_incident", map[string]any{"incident": ack.ID, "duration": "2h"}, &snoozed)
	if got := incidentIn(e.pd.Data(), ack.ID); got.SnoozedUntil == nil || !got.SnoozedUntil.Equal(testNow.Add(2*60*60*1e9)) {
		t.Errorf("snoozed until %v", got.SnoozedUntil)
	}
	e.fails(t, "snooze_incident", map[string]any{"incident": ack.ID, "duration": "8d"})

	// Merge the last two open incidents.
	src, dst := open[len(open)-1], open[len(open)-2]
	var merged IncidentDetail
	e.ok(t, "merge_incidents", map[string]any{"into": dst.ID, "sources": []string{fmt.Sprint(src.Number)}}, &merged)
	if got := incidentIn(e.pd.Data(), src.ID); got.Status != pdtest.StatusResolved || got.MergedInto != dst.ID {
		t.Errorf("source after merge: %s, merged into %q", got.Status, got.MergedInto)
	}
	msg := e.fails(t, "merge_incidents", map[string]any{"into": dst.ID, "sources": []string{dst.ID}})
	if !strings.Contains(msg, "target itself") {
		t.Errorf("self merge: %s", msg)
	}
}

func TestWritesAreNotMountedByDefault(t *testing.T) {
	e := newEnv(t, envConfig{})
	res, err := e.session.CallTool(t.Context(), mcpParams("create_incident", map[string]any{"title": "x", "service": "PABC123"}))
	if err == nil && !res.IsError {
		t.Fatal("a write tool answered on a read-only server")
	}
}
