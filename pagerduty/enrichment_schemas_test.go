package pagerduty_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

const testSchemaID = "2b4c7d1e-8f3a-4e5b-9c6d-1a2b3c4d5e6f"

func TestEnrichmentSchemaRequests(t *testing.T) {
	const schema = `{"schema":{"id":"` + testSchemaID + `","integration_type":"CSV","name":"Hosts","fields":[{"name":"host","type":"query"}],"created_at":"2026-01-02T03:04:05Z"}}`
	checkSchema := func(t *testing.T, got any) {
		s := got.(*pagerduty.EnrichmentSchema)
		if s.ID != testSchemaID || s.IntegrationType != pagerduty.EnrichmentCSV || len(s.Fields) != 1 || s.Fields[0].Type != pagerduty.EnrichmentFieldQuery || s.CreatedAt.IsZero() {
			t.Errorf("decoded %+v", s)
		}
	}
	recPath := "/enrichment/schemas/" + testSchemaID + "/records"
	runAPICases(t, []apiCase{
		{name: "list", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.ListEnrichmentSchemas(ctx)
		},
			answer: `{"schemas":[{"id":"` + testSchemaID + `","name":"Hosts"}]}`, want: wantRequest{method: "GET", path: "/enrichment/schemas"},
			check: func(t *testing.T, got any) {
				if l := got.([]pagerduty.EnrichmentSchema); len(l) != 1 || l[0].Name != "Hosts" {
					t.Errorf("decoded %+v", l)
				}
			}},
		{name: "create", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.CreateEnrichmentSchema(ctx, pagerduty.EnrichmentSchemaParams{Name: "Hosts", Fields: []pagerduty.EnrichmentField{{Name: "host", Type: pagerduty.EnrichmentFieldQuery}}})
		}, status: http.StatusCreated, answer: schema, check: checkSchema,
			want: wantRequest{method: "POST", path: "/enrichment/schemas", body: `{"integration_type":"CSV","name":"Hosts","fields":[{"name":"host","type":"query"}]}`}},
		{name: "get", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.GetEnrichmentSchema(ctx, testSchemaID)
		},
			answer: schema, check: checkSchema, want: wantRequest{method: "GET", path: "/enrichment/schemas/" + testSchemaID}},
		{name: "update", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.UpdateEnrichmentSchema(ctx, testSchemaID, "", "Owners")
		}, answer: schema, check: checkSchema,
			want: wantRequest{method: "PUT", path: "/enrichment/schemas/" + testSchemaID, body: `{"schema":{"description":"Owners"}}`}},
		{name: "delete", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.DeleteEnrichmentSchema(ctx, testSchemaID)
		},
			answer: schema, check: checkSchema, want: wantRequest{method: "DELETE", path: "/enrichment/schemas/" + testSchemaID}},
		{name: "list records", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return firstOf(c.Enrichment.ListEnrichmentRecords(ctx, testSchemaID, &pagerduty.CursorOptions{Limit: 50, Cursor: "abc"}))
		}, answer: `{"records":[{"record_id":"R1","enrichment_data":{"host":"web-1"}}],"next_cursor":null}`,
			want: wantRequest{method: "GET", path: recPath, query: vals("limit", "50", "cursor", "abc")},
			check: func(t *testing.T, got any) {
				if r := got.(pagerduty.EnrichmentRecord); r.RecordID != "R1" || r.EnrichmentData["host"] != "web-1" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "list records page", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.ListEnrichmentRecordsPage(ctx, testSchemaID, nil)
		}, answer: `{"records":[{"record_id":"R1"}],"next_cursor":"n2"}`, want: wantRequest{method: "GET", path: recPath},
			check: func(t *testing.T, got any) {
				if p := got.(*pagerduty.Page[pagerduty.EnrichmentRecord]); p.NextCursor != "n2" || len(p.Items) != 1 {
					t.Errorf("page %+v", p)
				}
			}},
		{name: "delete record", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.DeleteEnrichmentRecord(ctx, testSchemaID, "R1")
		}, answer: `{"record":{"record_id":"R1"}}`, want: wantRequest{method: "DELETE", path: recPath + "/R1"},
			check: func(t *testing.T, got any) {
				if r := got.(*pagerduty.EnrichmentRecord); r.RecordID != "R1" {
					t.Errorf("decoded %+v", r)
				}
			}},
		{name: "query", call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.Enrichment.QueryEnrichmentData(ctx, testSchemaID, pagerduty.EnrichmentQueryTerm{Field: "host", Value: "web-1"})
		}, answer: `{"records":[{"record_id":"R1","enrichment_data":{"owner":"a"}}]}`,
			want: wantRequest{method: "POST", path: "/enrichment/query", body: `{"schema_id":"` + testSchemaID + `","query":[{"field":"host","value":"web-1"}]}`},
			check: func(t *testing.T, got any) {
				if r := got.([]pagerduty.EnrichmentRecord); len(r) != 1 || r[0].EnrichmentData["owner"] != "a" {
					t.Errorf("decoded %+v", r)
				}
			}},
	})
}

// CSV uploads go out as text/csv with the file as it is.
func TestEnrichmentCSVUploads(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		if r.URL.Path == "/enrichment/schemas" {
			writeJSON(w, http.StatusAccepted, map[string]any{"schema": map[string]any{"id": testSchemaID, "name": "hosts"}})
			return
		}
		writeJSON(w, http.StatusAccepted, map[string]any{"upload_id": "U1", "schema_id": testSchemaID, "size_bytes": 22, "status": "accepted", "accepted_at": "2026-01-02T03:04:05Z"})
	})
	ctx := context.Background()
	csv := []byte("host,owner\nweb-1,team-a\n")
	sc, err := c.Enrichment.CreateEnrichmentSchemaFromCSV(ctx, "hosts.csv", csv)
	if err != nil || sc.ID != testSchemaID {
		t.Fatalf("CreateEnrichmentSchemaFromCSV = %+v, %v", sc, err)
	}
	up, err := c.Enrichment.UploadEnrichmentCSV(ctx, testSchemaID, "", csv)
	if err != nil || up.UploadID != "U1" || up.SizeBytes != 22 || up.AcceptedAt.IsZero() {
		t.Fatalf("UploadEnrichmentCSV = %+v, %v", up, err)
	}
	reqs := rec.all()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for i, want := range []struct{ path, filename string }{{"/enrichment/schemas", "hosts.csv"}, {"/enrichment/schemas/" + testSchemaID + "/records", ""}} {
		r := reqs[i]
		if r.Method != "POST" || r.Path != want.path || r.Query.Get("filename") != want.filename {
			t.Errorf("request %d: %s %s?%s", i, r.Method, r.Path, r.Query.Encode())
		}
		if ct := r.Header.Get("Content-Type"); ct != "text/csv" {
			t.Errorf("request %d: Content-Type %q, want text/csv", i, ct)
		}
		if string(r.Body) != string(csv) {
			t.Errorf("request %d: body %q", i, r.Body)
		}
	}
}

func TestEnrichmentSchemaRefusesBadInput(t *testing.T) {
	runBadCalls(t, []badCall{
		{"no fields", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateEnrichmentSchema(ctx, pagerduty.EnrichmentSchemaParams{Name: "x"})
			return err
		}, "Fields is required"},
		{"field type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.CreateEnrichmentSchema(ctx, pagerduty.EnrichmentSchemaParams{Name: "x", Fields: []pagerduty.EnrichmentField{{Name: "a", Type: "key"}}})
			return err
		}, `"key" is not accepted`},
		{"empty csv", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UploadEnrichmentCSV(ctx, testSchemaID, "", nil)
			return err
		}, "csv is required"},
		{"update without description", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.UpdateEnrichmentSchema(ctx, testSchemaID, "n", "")
			return err
		}, "description is required"},
		{"records limit", func(ctx context.Context, c *pagerduty.Client) error {
			return seqErr(c.Enrichment.ListEnrichmentRecords(ctx, testSchemaID, &pagerduty.CursorOptions{Limit: 101}))
		}, "out of range"},
		{"query field", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.Enrichment.QueryEnrichmentData(ctx, testSchemaID, pagerduty.EnrichmentQueryTerm{Value: "v"})
			return err
		}, "Field is required"},
	})
}
