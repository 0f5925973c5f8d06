package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const logEntryJSON = `{"id":"Q02JTSNZWHSEKV","type":"trigger_log_entry","summary":"Triggered through the API",
"created_at":"2015-11-07T00:14:20Z","agent":{"id":"PIJ90N7","type":"service_reference"},"channel":{"type":"api"},
"incident":{"id":"PT4KHLK","type":"incident","title":"The server is on fire.","incident_number":1234},
"service":{"id":"PIJ90N7","type":"service","name":"My Mail Service"},
"teams":[{"id":"PQ9K7I8","type":"team","name":"Engineering"}],"contexts":[],"event_details":{"description":"Disk full"},
"assignees":[{"id":"PXPGF42","type":"user_reference"}],"acknowledgement_timeout":1800}`

func TestLogEntriesList(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"log_entries":[`+logEntryJSON+`],"limit":100,"offset":0,"more":false}`)
	var got []pagerduty.LogEntry
	for e, err := range c.LogEntries.List(context.Background(), &pagerduty.ListLogEntriesOptions{
		Since:      time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC),
		Until:      time.Date(2015, 12, 1, 0, 0, 0, 0, time.UTC),
		TimeZone:   "Europe/Paris",
		IsOverview: true,
		TeamIDs:    []string{"PQ9K7I8"},
		Includes:   []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeIncidents, pagerduty.LogEntryIncludeServices, pagerduty.LogEntryIncludeTeams},
	}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/log_entries", query: url.Values{
		"since": {"2015-11-01T00:00:00Z"}, "until": {"2015-12-01T00:00:00Z"}, "time_zone": {"Europe/Paris"},
		"is_overview": {"true"}, "team_ids[]": {"PQ9K7I8"}, "include[]": {"incidents", "services", "teams"},
		"limit": {"100"}, "offset": {"0"},
	}})
	if len(got) != 1 {
		t.Fatalf("got %d entries", len(got))
	}
	e := got[0]
	// The expansions decode into the full types.
	if e.Incident.Title != "The server is on fire." || e.Incident.Number != 1234 || e.Service.Name != "My Mail Service" ||
		e.Teams[0].Name != "Engineering" || e.Agent.ID != "PIJ90N7" || e.Channel["type"] != "api" ||
		e.EventDetails["description"] != "Disk full" || e.Assignees[0].ID != "PXPGF42" || *e.AcknowledgementTimeout != 1800 {
		t.Errorf("decoded %+v", e)
	}
}

// logServer serves n log entries, newest first, two per second, as
// PagerDuty does: since inclusive, until exclusive, and no page past the
// 10,000-item ceiling.
func logServer(t testing.TB, path string, n int) (*pagerduty.Client, *recorder, time.Time) {
	newest := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	timeOf := func(i int) time.Time { return newest.Add(-time.Duration(i/2) * time.Second) }
	rec := &recorder{}
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		seen := rec.record(r)
		if seen.Path != path {
			writeJSON(w, 404, map[string]any{"error": map[string]any{"message": "Not Found"}})
			return
		}
		q := seen.Query
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		if offset+limit > pagerduty.OffsetCeiling {
			writeJSON(w, 400, map[string]any{"error": map[string]any{"message": "Invalid Input Provided", "code": 2002}})
			return
		}
		var since, until time.Time
		if s := q.Get("since"); s != "" {
			since, _ = time.Parse(time.RFC3339, s)
		}
		if s := q.Get("until"); s != "" {
			until, _ = time.Parse(time.RFC3339, s)
		}
		var match []int
		for i := 0; i < n; i++ {
			ti := timeOf(i)
			if (!since.IsZero() && ti.Before(since)) || (!until.IsZero() && !ti.Before(until)) {
				continue
			}
			match = append(match, i)
		}
		end := min(offset+limit, len(match))
		page := []map[string]any{}
		for _, i := range match[min(offset, end):end] {
			page = append(page, map[string]any{"id": fmt.Sprintf("L%05d", i), "type": "notify_log_entry", "created_at": timeOf(i).Format(time.RFC3339)})
		}
		writeJSON(w, 200, map[string]any{"log_entries": page, "limit": limit, "offset": offset, "more": end < len(match)})
	})
	return c, rec, newest
}

func TestLogEntriesListReadsPastTheOffsetCeiling(t *testing.T) {
	const n = pagerduty.OffsetCeiling + 250
	c, rec, _ := logServer(t, "/log_entries", n)
	i := 0
	for e, err := range c.LogEntries.List(context.Background(), nil) {
		if err != nil {
			t.Fatalf("after %d entries: %v", i, err)
		}
		if want := fmt.Sprintf("L%05d", i); e.ID != want {
			t.Fatalf("entry %d is %s, want %s: the window skipped or repeated entries", i, e.ID, want)
		}
		i++
	}
	if i != n {
		t.Fatalf("read %d entries, want %d", i, n)
	}
	var slid bool
	for _, r := range rec.all() {
		slid = slid || r.Query.Get("until") != ""
	}
	if !slid {
		t.Errorf("no request moved the until end of the window")
	}
}

func TestIncidentsListLogEntries(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"log_entries":[`+logEntryJSON+`],"limit":25,"offset":0,"more":false}`)
	var n int
	for e, err := range c.Incidents.ListLogEntries(context.Background(), "PT4KHLK", &pagerduty.ListIncidentLogEntriesOptions{
		IsOverview: true, Includes: []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeChannels}, ListOptions: pagerduty.ListOptions{Limit: 25},
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != "Q02JTSNZWHSEKV" {
			t.Errorf("decoded %+v", e)
		}
		n++
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/log_entries", query: url.Values{
		"is_overview": {"true"}, "include[]": {"channels"}, "limit": {"25"}, "offset": {"0"},
	}})
	if n != 1 {
		t.Errorf("read %d entries", n)
	}

	c, rec = fakeAPI(t, 200, `{"log_entries":[`+logEntryJSON+`],"limit":5,"offset":5,"more":true,"total":12}`)
	page, err := c.Incidents.ListLogEntriesPage(context.Background(), "PT4KHLK", &pagerduty.ListIncidentLogEntriesOptions{
		TimeZone: "UTC", ListOptions: pagerduty.ListOptions{Limit: 5, Offset: 5, Total: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/log_entries", query: url.Values{
		"time_zone": {"UTC"}, "limit": {"5"}, "offset": {"5"}, "total": {"true"},
	}})
	if !page.More || *page.Total != 12 || len(page.Items) != 1 {
		t.Errorf("page %+v", page)
	}
}

func TestIncidentsListLogEntriesReadsPastTheOffsetCeiling(t *testing.T) {
	const n = pagerduty.OffsetCeiling + 120
	c, _, _ := logServer(t, "/incidents/PT4KHLK/log_entries", n)
	seen := map[string]bool{}
	for e, err := range c.Incidents.ListLogEntries(context.Background(), "PT4KHLK", nil) {
		if err != nil {
			t.Fatalf("after %d entries: %v", len(seen), err)
		}
		if seen[e.ID] {
			t.Fatalf("entry %s read twice", e.ID)
		}
		seen[e.ID] = true
	}
	if len(seen) != n {
		t.Errorf("read %d entries, want %d", len(seen), n)
	}
}

func TestLogEntriesGetAndUpdateChannel(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"log_entry":`+logEntryJSON+`}`)
	e, err := c.LogEntries.Get(ctx, "Q02JTSNZWHSEKV", &pagerduty.GetLogEntryOptions{TimeZone: "UTC", Includes: []pagerduty.LogEntryInclude{pagerduty.LogEntryIncludeChannels}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/log_entries/Q02JTSNZWHSEKV", query: url.Values{"time_zone": {"UTC"}, "include[]": {"channels"}}})
	if e.ID != "Q02JTSNZWHSEKV" || !e.CreatedAt.Equal(time.Date(2015, 11, 7, 0, 14, 20, 0, time.UTC)) {
		t.Errorf("decoded %+v", e)
	}

	c, rec = fakeAPI(t, 202, ``, pagerduty.WithFrom("jane@example.com"))
	if err := c.LogEntries.UpdateChannel(ctx, "Q02JTSNZWHSEKV", &pagerduty.UpdateLogEntryChannelParams{Type: pagerduty.ChannelWebTrigger, Details: "redacted"}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/log_entries/Q02JTSNZWHSEKV/channel", from: "jane@example.com",
		body: `{"channel":{"type":"web_trigger","details":"redacted"}}`})
}

func TestLogEntriesRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	listErr := func(c *pagerduty.Client, o *pagerduty.ListLogEntriesOptions) error {
		for _, err := range c.LogEntries.List(ctx, o) {
			return err
		}
		return nil
	}
	for _, tc := range []struct {
		name   string
		call   func(*pagerduty.Client) error
		noFrom bool
		want   string
	}{
		{"bad include", func(c *pagerduty.Client) error {
			return listErr(c, &pagerduty.ListLogEntriesOptions{Includes: []pagerduty.LogEntryInclude{"users"}})
		}, false, "incidents, services, channels, teams"},
		{"bad team", func(c *pagerduty.Client) error {
			return listErr(c, &pagerduty.ListLogEntriesOptions{TeamIDs: []string{"a b"}})
		}, false, "TeamIDs"},
		{"until before since", func(c *pagerduty.Client) error {
			return listErr(c, &pagerduty.ListLogEntriesOptions{Since: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		}, false, "Until"},
		{"offset past ceiling", func(c *pagerduty.Client) error {
			_, err := c.LogEntries.ListPage(ctx, &pagerduty.ListLogEntriesOptions{ListOptions: pagerduty.ListOptions{Offset: 10000}})
			return err
		}, false, "ceiling"},
		{"bad get include", func(c *pagerduty.Client) error {
			_, err := c.LogEntries.Get(ctx, "Q02", &pagerduty.GetLogEntryOptions{Includes: []pagerduty.LogEntryInclude{"x"}})
			return err
		}, false, "Includes"},
		{"incident list bad ID", func(c *pagerduty.Client) error {
			for _, err := range c.Incidents.ListLogEntries(ctx, "../x", nil) {
				return err
			}
			return nil
		}, false, "invalid ID"},
		{"no channel type", func(c *pagerduty.Client) error {
			return c.LogEntries.UpdateChannel(ctx, "Q02", &pagerduty.UpdateLogEntryChannelParams{Details: "x"})
		}, false, "web_trigger"},
		{"bad channel type", func(c *pagerduty.Client) error {
			return c.LogEntries.UpdateChannel(ctx, "Q02", &pagerduty.UpdateLogEntryChannelParams{Type: "email", Details: "x"})
		}, false, "web_trigger, mobile"},
		{"no From", func(c *pagerduty.Client) error {
			return c.LogEntries.UpdateChannel(ctx, "Q02", &pagerduty.UpdateLogEntryChannelParams{Type: pagerduty.ChannelMobile, Details: "x"})
		}, true, "From"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 200, `{}`, opts...)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
