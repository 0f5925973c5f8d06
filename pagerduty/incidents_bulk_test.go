package pagerduty_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestIncidentsUpdateManySendsEveryChange(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"incidents":[`+incidentJSON+`]}`)
	incs, err := c.Incidents.UpdateMany(context.Background(), &pagerduty.UpdateIncidentsParams{
		From: "jane@example.com",
		Updates: []pagerduty.IncidentUpdate{
			{ID: "PT4KHLK", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Acknowledged}},
			{ID: "PQMF62U", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved, Resolution: "Fixed upstream."}},
			{ID: "PPVZH9X", IncidentChanges: pagerduty.IncidentChanges{EscalationPolicyID: "PT20YPA"}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents", from: "jane@example.com", body: `{"incidents":[
		{"id":"PT4KHLK","type":"incident_reference","status":"acknowledged"},
		{"id":"PQMF62U","type":"incident_reference","status":"resolved","resolution":"Fixed upstream."},
		{"id":"PPVZH9X","type":"incident_reference","escalation_policy":{"id":"PT20YPA","type":"escalation_policy_reference"}}]}`})
	if len(incs) != 1 || incs[0].ID != "PT4KHLK" {
		t.Errorf("decoded %+v", incs)
	}
}

func manyUpdates(n int) []pagerduty.IncidentUpdate {
	u := make([]pagerduty.IncidentUpdate, n)
	for i := range u {
		u[i] = pagerduty.IncidentUpdate{ID: fmt.Sprintf("P%06d", i), IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved}}
	}
	return u
}

func TestIncidentsUpdateManyRefusesBadParams(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		updates []pagerduty.IncidentUpdate
		want    string
	}{
		{"none", nil, "Updates"},
		{"too many", manyUpdates(pagerduty.MaxBulkIncidents + 1), "UpdateInBatches"},
		{"bad ID", []pagerduty.IncidentUpdate{{ID: "a b", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved}}}, "Updates[0].ID"},
		{"twice", []pagerduty.IncidentUpdate{
			{ID: "PT4KHLK", IncidentChanges: pagerduty.IncidentChanges{Status: pagerduty.Resolved}},
			{ID: "PT4KHLK", IncidentChanges: pagerduty.IncidentChanges{Title: "x"}},
		}, "twice"},
		{"empty change", []pagerduty.IncidentUpdate{{ID: "PT4KHLK"}}, "Updates[0] (PT4KHLK)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, `{"incidents":[]}`, pagerduty.WithFrom("jane@example.com"))
			_, err := c.Incidents.UpdateMany(ctx, &pagerduty.UpdateIncidentsParams{Updates: tc.updates})
			checkRefused(t, rec, err, tc.want)
		})
	}
}

// bulkServer answers PUT /incidents with the incidents it was sent, and
// fails the request whose first incident is failFirst.
func bulkServer(t *testing.T, failFirst string) (*pagerduty.Client, *recorder) {
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		seen := rec.record(r)
		var body struct {
			Incidents []struct {
				ID string `json:"id"`
			} `json:"incidents"`
		}
		if err := json.Unmarshal(seen.Body, &body); err != nil || len(body.Incidents) == 0 {
			writeJSON(w, 400, map[string]any{"error": map[string]any{"message": "bad body"}})
			return
		}
		if body.Incidents[0].ID == failFirst {
			writeJSON(w, 403, map[string]any{"error": map[string]any{"message": "Access Denied", "code": 2010}})
			return
		}
		out := make([]map[string]any, len(body.Incidents))
		for i, inc := range body.Incidents {
			out[i] = map[string]any{"id": inc.ID, "type": "incident", "status": "resolved"}
		}
		writeJSON(w, 200, map[string]any{"incidents": out})
	}, pagerduty.WithFrom("jane@example.com"))
	return c, rec
}

func TestIncidentsUpdateInBatchesSplitsAndReportsEachBatch(t *testing.T) {
	c, rec := bulkServer(t, "P000250")
	updates := manyUpdates(2*pagerduty.MaxBulkIncidents + 1)
	batches, err := c.Incidents.UpdateInBatches(context.Background(), &pagerduty.UpdateIncidentsParams{Updates: updates})

	reqs := rec.all()
	if len(reqs) != 3 || len(batches) != 3 {
		t.Fatalf("%d requests and %d batches for %d updates; want 3 and 3", len(reqs), len(batches), len(updates))
	}
	for i, want := range []int{pagerduty.MaxBulkIncidents, pagerduty.MaxBulkIncidents, 1} {
		if n := strings.Count(string(reqs[i].Body), `"id"`); n != want {
			t.Errorf("request %d carried %d incidents, want %d", i, n, want)
		}
		if len(batches[i].Updates) != want || batches[i].Updates[0].ID != updates[i*pagerduty.MaxBulkIncidents].ID {
			t.Errorf("batch %d holds %d updates from %s; want %d from %s", i, len(batches[i].Updates), batches[i].Updates[0].ID, want, updates[i*pagerduty.MaxBulkIncidents].ID)
		}
		if reqs[i].Header.Get("From") != "jane@example.com" {
			t.Errorf("request %d: From %q", i, reqs[i].Header.Get("From"))
		}
	}
	if batches[0].Err != nil || len(batches[0].Incidents) != pagerduty.MaxBulkIncidents || batches[2].Err != nil || batches[2].Incidents[0].ID != "P000500" {
		t.Errorf("batches 1 and 3 should succeed: %v, %d incidents; %v, %+v", batches[0].Err, len(batches[0].Incidents), batches[2].Err, batches[2].Incidents)
	}
	var apiErr *pagerduty.APIError
	if !errors.As(batches[1].Err, &apiErr) || apiErr.StatusCode != 403 || batches[1].Incidents != nil {
		t.Errorf("batch 2: err %v, incidents %v; want the API's 403", batches[1].Err, batches[1].Incidents)
	}
	if !errors.As(err, &apiErr) || !strings.Contains(err.Error(), "batch 2 (updates 250 to 499)") {
		t.Errorf("error %v should name batch 2 and wrap the API error", err)
	}
}

func TestIncidentsUpdateInBatchesStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		cancel() // the caller gives up during the first request
		writeJSON(w, 200, map[string]any{"incidents": []any{}})
	}, pagerduty.WithFrom("jane@example.com"))
	batches, err := c.Incidents.UpdateInBatches(ctx, &pagerduty.UpdateIncidentsParams{Updates: manyUpdates(3 * pagerduty.MaxBulkIncidents)})
	if n := len(rec.all()); n != 1 {
		t.Errorf("%d requests after cancelling during the first; want 1", n)
	}
	if len(batches) != 3 || !errors.Is(batches[2].Err, context.Canceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("batches %d, last error %v, error %v; want 3 batches ending with context.Canceled", len(batches), batches[len(batches)-1].Err, err)
	}
}

func TestIncidentsUpdateInBatchesValidatesEverythingFirst(t *testing.T) {
	c, rec := bulkServer(t, "")
	updates := manyUpdates(pagerduty.MaxBulkIncidents + 10)
	updates[pagerduty.MaxBulkIncidents+5].Status = "closed"
	_, err := c.Incidents.UpdateInBatches(context.Background(), &pagerduty.UpdateIncidentsParams{Updates: updates})
	checkRefused(t, rec, err, "Updates[255]")
}
