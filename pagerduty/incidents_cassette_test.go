package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// These tests replay requests recorded against the mock of PagerDuty's API
// description: scripts/record.sh ./pagerduty -run '^TestIncidentsCassette'.

func checkIncident(t *testing.T, what string, inc *pagerduty.Incident) {
	t.Helper()
	if inc == nil {
		t.Fatalf("%s: no incident", what)
	}
	if inc.ID == "" || inc.Type == "" || inc.CreatedAt.IsZero() {
		t.Errorf("%s: incident %+v lacks an ID, a type or a creation time", what, inc)
	}
	if inc.Status != pagerduty.Triggered && inc.Status != pagerduty.Acknowledged && inc.Status != pagerduty.Resolved {
		t.Errorf("%s: status %q is not an incident status", what, inc.Status)
	}
}

func TestIncidentsCassetteRead(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/read")
	ctx := context.Background()

	got := takeFromSeq(t, c.Incidents.List(ctx, &pagerduty.ListIncidentsOptions{
		Statuses:    []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged},
		Urgencies:   []pagerduty.Urgency{pagerduty.UrgencyHigh},
		Includes:    []pagerduty.IncidentInclude{pagerduty.IncludeAssignees},
		ListOptions: pagerduty.ListOptions{Limit: 1},
		SortBy:      "created_at:desc",
	}), 2)
	if len(got) != 2 {
		t.Fatalf("read %d incidents over two pages, want 2", len(got))
	}
	for _, inc := range got {
		checkIncident(t, "List", &inc)
		if inc.Number == 0 || inc.Service == nil || inc.Service.ID == "" {
			t.Errorf("List: incident %s lacks its number or service", inc.ID)
		}
	}

	page, err := c.Incidents.ListPage(ctx, &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Offset: 1, Total: true}})
	if err != nil {
		t.Fatalf("ListPage: %v", err)
	}
	if len(page.Items) != 1 || page.Limit != 1 {
		t.Errorf("ListPage = %d items, limit %d; want 1 and 1", len(page.Items), page.Limit)
	}

	inc, err := c.Incidents.Get(ctx, "PT4KHLK", &pagerduty.GetIncidentOptions{Includes: []pagerduty.IncidentInclude{pagerduty.IncludeCustomFields}})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	checkIncident(t, "Get", inc)
	if len(inc.Assignments) == 0 || inc.Assignments[0].Assignee == nil || inc.Assignments[0].Assignee.ID == "" {
		t.Errorf("Get: assignments %+v lack an assignee", inc.Assignments)
	}
	if inc.Priority == nil || inc.Priority.ID == "" || inc.EscalationPolicy == nil || inc.EscalationPolicy.ID == "" {
		t.Errorf("Get: priority %+v or escalation policy %+v missing", inc.Priority, inc.EscalationPolicy)
	}
	byNumber, err := c.Incidents.GetByNumber(ctx, 1234, nil)
	if err != nil {
		t.Fatalf("GetByNumber: %v", err)
	}
	if byNumber.Number != 1234 {
		t.Errorf("GetByNumber(1234) = incident #%d", byNumber.Number)
	}
}

func TestIncidentsCassetteWrite(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/write")
	ctx := context.Background()

	created, err := c.Incidents.Create(ctx, &pagerduty.CreateIncidentParams{
		Title:       "The server is on fire.",
		ServiceID:   "PWIXJZS",
		Urgency:     pagerduty.UrgencyHigh,
		PriorityID:  "P53ZZH5",
		IncidentKey: "baf7cf21b1da41b4b0221008339ff357",
		AssigneeIDs: []string{"PXPGF42"},
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkIncident(t, "Create", created)

	updated, err := c.Incidents.Update(ctx, created.ID, &pagerduty.UpdateIncidentParams{
		From: "john@example.com",
		IncidentChanges: pagerduty.IncidentChanges{
			Title:            "The server is still on fire.",
			Urgency:          pagerduty.UrgencyLow,
			PriorityID:       "P53ZZH5",
			EscalationLevel:  2,
			ConferenceBridge: &pagerduty.ConferenceBridge{ConferenceURL: "https://example.com/acb-123", ConferenceNumber: "+1-415-555-1212,,,,1234#"},
		},
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	checkIncident(t, "Update", updated)
	if updated.Title == "" || updated.Service == nil || updated.Service.ID == "" {
		t.Errorf("Update: title %q or service %+v not decoded", updated.Title, updated.Service)
	}

	for name, call := range map[string]func() (*pagerduty.Incident, error){
		"Acknowledge": func() (*pagerduty.Incident, error) { return c.Incidents.Acknowledge(ctx, "PT4KHLK") },
		"Resolve":     func() (*pagerduty.Incident, error) { return c.Incidents.Resolve(ctx, "PT4KHLK", "Replaced the disk.") },
		"Reassign":    func() (*pagerduty.Incident, error) { return c.Incidents.Reassign(ctx, "PT4KHLK", "PXPGF42", "PAM4FGS") },
		"Merge": func() (*pagerduty.Incident, error) {
			return c.Incidents.Merge(ctx, "PT4KHLK", &pagerduty.MergeIncidentsParams{SourceIDs: []string{"P8JOGX7", "PPVZH9X"}})
		},
		"Snooze": func() (*pagerduty.Incident, error) {
			return c.Incidents.Snooze(ctx, "PT4KHLK", &pagerduty.SnoozeIncidentParams{Duration: time.Hour})
		},
	} {
		inc, err := call()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if inc.ID == "" || inc.Type == "" {
			t.Errorf("%s: answer %+v lacks an ID or a type", name, inc)
		}
	}
}

func TestIncidentsCassetteBulk(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/bulk")
	ctx := context.Background()

	incs, err := c.Incidents.UpdateMany(ctx, &pagerduty.UpdateIncidentsParams{Updates: []pagerduty.IncidentUpdate{
		{ID: "PT4KHLK", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Acknowledged}},
		{ID: "PQMF62U", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved, Resolution: "Fixed upstream."}},
	}})
	if err != nil {
		t.Fatalf("UpdateMany: %v", err)
	}
	if len(incs) == 0 {
		t.Fatalf("UpdateMany returned no incidents")
	}
	for _, inc := range incs {
		checkIncident(t, "UpdateMany", &inc)
	}

	updates := make([]pagerduty.IncidentUpdate, pagerduty.MaxBulkIncidents+2)
	for i := range updates {
		updates[i] = pagerduty.IncidentUpdate{ID: "P" + pad5(i), IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Acknowledged}}
	}
	batches, err := c.Incidents.UpdateInBatches(ctx, &pagerduty.UpdateIncidentsParams{Updates: updates})
	if err != nil {
		t.Fatalf("UpdateInBatches: %v", err)
	}
	if len(batches) != 2 || len(batches[0].Updates) != pagerduty.MaxBulkIncidents || len(batches[1].Updates) != 2 {
		t.Fatalf("UpdateInBatches made %d batches; want 2, of %d and 2 updates", len(batches), pagerduty.MaxBulkIncidents)
	}
	for i, b := range batches {
		if b.Err != nil || len(b.Incidents) == 0 || b.Incidents[0].ID == "" {
			t.Errorf("batch %d: err %v, %d incidents", i, b.Err, len(b.Incidents))
		}
	}
}

// pad5 formats i as five letters-and-digits, a valid ID suffix.
func pad5(i int) string {
	const digits = "0123456789"
	b := []byte("AAAAA")
	for p := 4; p >= 0 && i > 0; p-- {
		b[p] = digits[i%10]
		i /= 10
	}
	return string(b)
}

func TestIncidentsCassetteNotes(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/notes")
	ctx := context.Background()

	notes, err := c.Incidents.ListNotes(ctx, "PT4KHLK")
	if err != nil {
		t.Fatalf("ListNotes: %v", err)
	}
	if len(notes) == 0 {
		t.Fatal("ListNotes returned no notes")
	}
	for _, n := range notes {
		if n.ID == "" || n.Content == "" || n.CreatedAt.IsZero() || n.User == nil || n.User.ID == "" {
			t.Errorf("ListNotes: note %+v lacks an ID, content, time or author", n)
		}
	}
	created, err := c.Incidents.CreateNote(ctx, "PT4KHLK", &pagerduty.NoteParams{Content: "Firefighters are on the scene."})
	if err != nil {
		t.Fatalf("CreateNote: %v", err)
	}
	if created.ID == "" || created.Content == "" {
		t.Errorf("CreateNote = %+v", created)
	}
	updated, err := c.Incidents.UpdateNote(ctx, "PT4KHLK", created.ID, &pagerduty.NoteParams{Content: "The fire is out."})
	if err != nil {
		t.Fatalf("UpdateNote: %v", err)
	}
	if updated.ID == "" || updated.UpdatedAt.IsZero() {
		t.Errorf("UpdateNote = %+v", updated)
	}
	if err := c.Incidents.DeleteNote(ctx, "PT4KHLK", created.ID); err != nil {
		t.Fatalf("DeleteNote: %v", err)
	}
}

func TestIncidentsCassetteAlerts(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/alerts")
	ctx := context.Background()

	alerts := takeFromSeq(t, c.Incidents.ListAlerts(ctx, "PT4KHLK", &pagerduty.ListAlertsOptions{
		Statuses: []pagerduty.AlertStatus{pagerduty.AlertTriggered},
		SortBy:   "created_at:desc",
		Includes: []pagerduty.AlertInclude{pagerduty.AlertIncludeServices},
	}), 2)
	if len(alerts) != 2 {
		t.Fatalf("ListAlerts read %d alerts over two pages, want 2", len(alerts))
	}
	for _, a := range alerts {
		if a.ID == "" || a.Status == "" || a.CreatedAt.IsZero() || a.Service == nil || a.Service.ID == "" {
			t.Errorf("ListAlerts: alert %+v lacks an ID, status, time or service", a)
		}
	}
	page, err := c.Incidents.ListAlertsPage(ctx, "PT4KHLK", &pagerduty.ListAlertsOptions{AlertKey: "baf7cf21b1da41b4b0221008339ff357", ListOptions: pagerduty.ListOptions{Limit: 10}})
	if err != nil {
		t.Fatalf("ListAlertsPage: %v", err)
	}
	if len(page.Items) == 0 || page.Items[0].AlertKey == "" {
		t.Errorf("ListAlertsPage = %+v", page)
	}

	a, err := c.Incidents.GetAlert(ctx, "PT4KHLK", "PXPGF42")
	if err != nil {
		t.Fatalf("GetAlert: %v", err)
	}
	if a.ID == "" || a.Severity == "" || a.Integration == nil || a.Integration.ID == "" || a.Incident == nil || a.Incident.ID == "" {
		t.Errorf("GetAlert = %+v; want an ID, a severity, an integration and an incident", a)
	}
	u, err := c.Incidents.UpdateAlert(ctx, "PT4KHLK", "PXPGF42", &pagerduty.UpdateAlertParams{AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved}})
	if err != nil {
		t.Fatalf("UpdateAlert: %v", err)
	}
	if u.Status == "" || u.Incident == nil || u.Incident.ID == "" || u.Body == nil || u.Body.Details == nil {
		t.Errorf("UpdateAlert = %+v; want a status, an incident and a body with details", u)
	}
	many, err := c.Incidents.UpdateAlerts(ctx, "PT4KHLK", &pagerduty.UpdateAlertsParams{Updates: []pagerduty.AlertUpdate{
		{ID: "PXPGF42", AlertChange: pagerduty.AlertChange{Status: pagerduty.AlertResolved}},
		{ID: "PJFWPEP", AlertChange: pagerduty.AlertChange{IncidentID: "PEYSGVF"}},
	}})
	if err != nil {
		t.Fatalf("UpdateAlerts: %v", err)
	}
	if len(many) == 0 || many[0].ID == "" {
		t.Errorf("UpdateAlerts = %+v", many)
	}
}

func TestIncidentsCassetteLogEntries(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/log_entries")
	ctx := context.Background()

	entries := takeFromSeq(t, c.Incidents.ListLogEntries(ctx, "PT4KHLK", &pagerduty.ListIncidentLogEntriesOptions{
		IsOverview: true,
		Includes:   []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeChannels},
		Since:      time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC),
		Until:      time.Date(2015, 12, 1, 0, 0, 0, 0, time.UTC),
	}), 2)
	if len(entries) == 0 {
		t.Fatal("ListLogEntries returned nothing")
	}
	for _, e := range entries {
		if e.ID == "" || e.Type == "" || e.CreatedAt.IsZero() || e.Agent == nil {
			t.Errorf("ListLogEntries: entry %+v lacks an ID, type, time or agent", e)
		}
	}
	page, err := c.Incidents.ListLogEntriesPage(ctx, "PT4KHLK", &pagerduty.ListIncidentLogEntriesOptions{TimeZone: "Europe/Paris", ListOptions: pagerduty.ListOptions{Limit: 5}})
	if err != nil {
		t.Fatalf("ListLogEntriesPage: %v", err)
	}
	if len(page.Items) == 0 || page.Items[0].Incident == nil || page.Items[0].Incident.ID == "" {
		t.Errorf("ListLogEntriesPage = %+v", page)
	}
}

func TestIncidentsCassetteResponders(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/responders")
	ctx := context.Background()

	req, err := c.Incidents.RequestResponders(ctx, "PT4KHLK", &pagerduty.ResponderRequestParams{
		RequesterID: "PL1JMK5",
		Message:     "Please help with the fire.",
		Targets: []pagerduty.ResponderTarget{
			{Type: pagerduty.ResponderTargetUser, ID: "PJ25ZYX"},
			{Type: pagerduty.ResponderTargetEscalationPolicy, ID: "PT20YPA"},
		},
	})
	if err != nil {
		t.Fatalf("RequestResponders: %v", err)
	}
	if req.Requester == nil || req.Requester.ID == "" || len(req.Targets) == 0 || req.Targets[0].ID == "" {
		t.Errorf("RequestResponders = %+v; want a requester and targets", req)
	}
	cancelled, err := c.Incidents.CancelResponderRequest(ctx, "PT4KHLK", &pagerduty.CancelResponderRequestParams{
		RequesterID: "PL1JMK5",
		Targets:     []pagerduty.ResponderTarget{{Type: pagerduty.ResponderTargetUser, ID: "PJ25ZYX"}},
	})
	if err != nil {
		t.Fatalf("CancelResponderRequest: %v", err)
	}
	if len(cancelled) == 0 || cancelled[0].ID == "" || cancelled[0].Result == "" {
		t.Errorf("CancelResponderRequest = %+v", cancelled)
	}
}

func TestIncidentsCassetteStatusUpdates(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/status_updates")
	ctx := context.Background()

	su, err := c.Incidents.CreateStatusUpdate(ctx, "PT4KHLK", &pagerduty.StatusUpdateParams{
		Message:     "The fire is spreading.",
		Subject:     "Server fire update",
		HTMLMessage: "<p>The fire is spreading.</p>",
	})
	if err != nil {
		t.Fatalf("CreateStatusUpdate: %v", err)
	}
	if su.ID == "" || su.Message == "" || su.CreatedAt.IsZero() || su.Sender == nil {
		t.Errorf("CreateStatusUpdate = %+v", su)
	}
	subs, err := c.Incidents.ListSubscribers(ctx, "PT4KHLK")
	if err != nil {
		t.Fatalf("ListSubscribers: %v", err)
	}
	if len(subs) == 0 || subs[0].ID == "" || subs[0].Type == "" {
		t.Errorf("ListSubscribers = %+v", subs)
	}
	who := &pagerduty.SubscribersParams{Subscribers: []pagerduty.Subscriber{
		{ID: "PD1234", Type: pagerduty.SubscriberUser},
		{ID: "PD5678", Type: pagerduty.SubscriberTeam},
	}}
	made, err := c.Incidents.Subscribe(ctx, "PT4KHLK", who)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	if len(made) == 0 || made[0].SubscriberID == "" || made[0].Result == "" {
		t.Errorf("Subscribe = %+v", made)
	}
	res, err := c.Incidents.Unsubscribe(ctx, "PT4KHLK", who)
	if err != nil {
		t.Fatalf("Unsubscribe: %v", err)
	}
	if res.Deleted+res.NonExistent+res.Unauthorized == 0 {
		t.Errorf("Unsubscribe = %+v; want counts", res)
	}
}

func TestIncidentsCassetteFieldsAndImpacts(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/fields_impacts")
	ctx := context.Background()

	fields, err := c.Incidents.GetFieldValues(ctx, "PT4KHLK")
	if err != nil {
		t.Fatalf("GetFieldValues: %v", err)
	}
	if len(fields) == 0 || fields[0].Name == "" || fields[0].Value == nil {
		t.Errorf("GetFieldValues = %+v", fields)
	}

	// The published schema of this request admits only an empty list: each
	// item matches both of its two alternatives (by name, by ID), which its
	// oneOf forbids, so the mock refuses any field. The unit tests check the
	// request with values, as the API's own examples show it.
	set, err := c.Incidents.SetFieldValues(ctx, "PT4KHLK", nil)
	if err != nil {
		t.Fatalf("SetFieldValues: %v", err)
	}
	if len(set) == 0 || set[0].ID == "" || set[0].Name == "" {
		t.Errorf("SetFieldValues = %+v", set)
	}

	impacts, err := c.Incidents.ListImpactedBusinessServices(ctx, "PT4KHLK")
	if err != nil {
		t.Fatalf("ListImpactedBusinessServices: %v", err)
	}
	if len(impacts) == 0 || impacts[0].ID == "" || impacts[0].Status == "" {
		t.Errorf("ListImpactedBusinessServices = %+v", impacts)
	}
	rel, err := c.Incidents.SetBusinessServiceImpact(ctx, "PT4KHLK", "PD1234", &pagerduty.ImpactParams{Relation: pagerduty.Impacted})
	if err != nil {
		t.Fatalf("SetBusinessServiceImpact: %v", err)
	}
	if rel != pagerduty.Impacted && rel != pagerduty.NotImpacted {
		t.Errorf("SetBusinessServiceImpact = %q", rel)
	}
}

func TestIncidentsCassetteRelated(t *testing.T) {
	c := replayClient(t, "pagerduty/incidents/related")
	ctx := context.Background()

	related, err := c.Incidents.ListRelated(ctx, "PT4KHLK", &pagerduty.RelatedIncidentsOptions{IncludeDetails: true})
	if err != nil {
		t.Fatalf("ListRelated: %v", err)
	}
	if len(related) == 0 || related[0].Incident.ID == "" || len(related[0].Relationships) == 0 {
		t.Fatalf("ListRelated = %+v", related)
	}
	var sawDependency bool
	for _, r := range related[0].Relationships {
		sawDependency = sawDependency || len(r.Metadata.DependentServices) > 0
	}
	if !sawDependency {
		t.Errorf("ListRelated: no relationship names its dependent services: %+v", related[0].Relationships)
	}
	past, err := c.Incidents.ListPast(ctx, "PT4KHLK", &pagerduty.PastIncidentsOptions{Limit: 3, Total: true})
	if err != nil {
		t.Fatalf("ListPast: %v", err)
	}
	if len(past.Incidents) == 0 || past.Incidents[0].Incident.ID == "" || past.Total == nil {
		t.Errorf("ListPast = %+v", past)
	}
	out, err := c.Incidents.GetOutlier(ctx, "PT4KHLK", &pagerduty.OutlierIncidentOptions{Since: time.Date(2020, 9, 23, 0, 0, 0, 0, time.UTC), IncludeDetails: true})
	if err != nil {
		t.Fatalf("GetOutlier: %v", err)
	}
	if out.Incident.ID == "" || out.Occurrence == nil || out.Occurrence.Category == "" || out.Template == nil {
		t.Errorf("GetOutlier = %+v", out)
	}
}
