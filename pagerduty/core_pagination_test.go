package pagerduty_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// fakeIncidents serves GET /incidents over n incidents created perSecond a
// second from base, sorted by creation, honouring limit, offset, since,
// until (since inclusive, until exclusive) and total, and refusing
// offset+limit > 10,000 as the API does.
type fakeIncidents struct {
	n, perSecond int
	base         time.Time
	requests     atomic.Int32
	maxReach     atomic.Int32 // the largest offset+limit asked for
}

func (f *fakeIncidents) created(i int) time.Time {
	return f.base.Add(time.Duration(i/f.perSecond) * time.Second)
}

func (f *fakeIncidents) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit == 0 {
		limit = 25
	}
	offset, _ := strconv.Atoi(q.Get("offset"))
	if int32(offset+limit) > f.maxReach.Load() {
		f.maxReach.Store(int32(offset + limit))
	}
	if offset+limit > pagerduty.OffsetCeiling {
		writeJSON(w, 400, map[string]any{"error": map[string]any{"code": 2002, "message": "Arguments Caused Error", "errors": []string{"Offset must be less than 10000."}}})
		return
	}
	lo, hi := 0, f.n
	if s := q.Get("since"); s != "" {
		t, _ := time.Parse(time.RFC3339, s)
		for lo < f.n && f.created(lo).Before(t) {
			lo++
		}
	}
	if u := q.Get("until"); u != "" {
		t, _ := time.Parse(time.RFC3339, u)
		for hi > lo && !f.created(hi-1).Before(t) {
			hi--
		}
	}
	var items []map[string]any
	for i := lo + offset; i < hi && len(items) < limit; i++ {
		items = append(items, map[string]any{
			"id": fmt.Sprintf("P%06d", i), "type": "incident", "incident_number": i + 1,
			"title": "incident " + strconv.Itoa(i), "status": "resolved",
			"created_at": f.created(i).Format(time.RFC3339),
		})
	}
	total := any(nil)
	if q.Get("total") == "true" {
		total = hi - lo
	}
	writeJSON(w, 200, map[string]any{"incidents": items, "limit": limit, "offset": offset,
		"more": lo+offset+len(items) < hi, "total": total})
}

func collect(t *testing.T, c *pagerduty.Client, opts *pagerduty.ListIncidentsOptions, stopAfter int) []pagerduty.Incident {
	t.Helper()
	var out []pagerduty.Incident
	for inc, err := range c.Incidents.List(context.Background(), opts) {
		if err != nil {
			t.Fatalf("after %d incidents: %v", len(out), err)
		}
		out = append(out, inc)
		if len(out) == stopAfter {
			break
		}
	}
	return out
}

func checkSequence(t *testing.T, got []pagerduty.Incident, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("got %d incidents, want %d", len(got), n)
	}
	for i, inc := range got {
		if want := fmt.Sprintf("P%06d", i); inc.ID != want {
			t.Fatalf("incident %d is %s, want %s (duplicate or gap)", i, inc.ID, want)
		}
	}
}

func TestListStreamsEveryPage(t *testing.T) {
	f := &fakeIncidents{n: 250, perSecond: 1, base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestClient(t, f.ServeHTTP)
	checkSequence(t, collect(t, c, nil, -1), 250)
	if got := f.requests.Load(); got != 3 {
		t.Errorf("requests = %d, want 3 pages of 100", got)
	}
}

func TestBreakingOutStopsFetching(t *testing.T) {
	f := &fakeIncidents{n: 1000, perSecond: 1, base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestClient(t, f.ServeHTTP)
	got := collect(t, c, &pagerduty.ListIncidentsOptions{ListOptions: pagerduty.ListOptions{Limit: 50}}, 120)
	checkSequence(t, got, 120)
	if n := f.requests.Load(); n != 3 {
		t.Errorf("requests = %d, want 3 (no page fetched after the break)", n)
	}
}

// A listing longer than the API's 10,000 ceiling reads on by moving its
// window, with every incident once and in order, even when several share a
// second across the point where the window moves.
func TestListReadsPastTheOffsetCeiling(t *testing.T) {
	for _, perSecond := range []int{1, 7} {
		t.Run(fmt.Sprintf("%d per second", perSecond), func(t *testing.T) {
			f := &fakeIncidents{n: 25_000, perSecond: perSecond, base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
			c := newTestClient(t, f.ServeHTTP)
			until := f.created(f.n).Add(time.Hour)
			got := collect(t, c, &pagerduty.ListIncidentsOptions{Since: f.base, Until: until}, -1)
			checkSequence(t, got, 25_000)
			if f.maxReach.Load() > pagerduty.OffsetCeiling {
				t.Errorf("a request asked for offset+limit = %d, past the ceiling", f.maxReach.Load())
			}
		})
	}
}

func TestCeilingWithCustomSortIsAnError(t *testing.T) {
	f := &fakeIncidents{n: 10_050, perSecond: 1, base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestClient(t, f.ServeHTTP)
	var n int
	var lastErr error
	for _, err := range c.Incidents.List(context.Background(), &pagerduty.ListIncidentsOptions{SortBy: "incident_number:desc"}) {
		if err != nil {
			lastErr = err
			break
		}
		n++
	}
	if n != 10_000 || lastErr == nil || !strings.Contains(lastErr.Error(), "more than 10000") {
		t.Errorf("read %d then %v; want 10000 then an error naming the ceiling", n, lastErr)
	}
}

func TestListPageReportsItsMetadata(t *testing.T) {
	f := &fakeIncidents{n: 60, perSecond: 1, base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestClient(t, f.ServeHTTP)
	p, err := c.Incidents.ListPage(context.Background(), &pagerduty.ListIncidentsOptions{
		ListOptions: pagerduty.ListOptions{Limit: 25, Offset: 50, Total: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 10 || p.Offset != 50 || p.Limit != 25 || p.More || p.Total == nil || *p.Total != 60 {
		t.Errorf("page = %d items, offset %d, limit %d, more %v, total %v", len(p.Items), p.Offset, p.Limit, p.More, p.Total)
	}
	p, err = c.Incidents.ListPage(context.Background(), nil)
	if err != nil || len(p.Items) != 25 || !p.More || p.Total != nil {
		t.Errorf("default page = %v items, more %v, total %v, err %v", len(p.Items), p.More, p.Total, err)
	}
}

func TestListIncidentsSendsEveryFilter(t *testing.T) {
	var rec recorder
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		writeJSON(w, 200, map[string]any{"incidents": []any{}, "limit": 100, "offset": 0, "more": false})
	})
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	opts := &pagerduty.ListIncidentsOptions{
		Statuses:    []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged},
		Urgencies:   []pagerduty.Urgency{pagerduty.UrgencyHigh},
		ServiceIDs:  []string{"PSVC1"},
		TeamIDs:     []string{"PTEAM1", "PTEAM2"},
		UserIDs:     []string{"PUSER1"},
		IncidentKey: "disk-full",
		Since:       since,
		Until:       since.Add(48 * time.Hour),
		TimeZone:    "Europe/Berlin",
		Includes:    []pagerduty.IncidentInclude{pagerduty.IncludeAssignees, pagerduty.IncludePriorities},
	}
	collect(t, c, opts, -1)
	q := rec.all()[0].Query
	for k, want := range map[string][]string{
		"statuses[]":    {"triggered", "acknowledged"},
		"urgencies[]":   {"high"},
		"service_ids[]": {"PSVC1"},
		"team_ids[]":    {"PTEAM1", "PTEAM2"},
		"user_ids[]":    {"PUSER1"},
		"incident_key":  {"disk-full"},
		"since":         {"2026-03-01T00:00:00Z"},
		"until":         {"2026-03-03T00:00:00Z"},
		"time_zone":     {"Europe/Berlin"},
		"include[]":     {"assignees", "priorities"},
		"sort_by":       {"created_at:asc"},
		"limit":         {"100"},
		"offset":        {"0"},
	} {
		if !slices.Equal(q[k], want) {
			t.Errorf("%s = %q, want %q", k, q[k], want)
		}
	}
	if q.Has("total") || q.Has("date_range") {
		t.Errorf("unexpected parameters: %v", q)
	}

	collect(t, c, &pagerduty.ListIncidentsOptions{AllTime: true, Since: since}, -1)
	q = rec.all()[1].Query
	if q.Get("date_range") != "all" || q.Has("since") {
		t.Errorf("AllTime should send date_range=all and no since: %v", q)
	}
}

func TestListIncidentsRejectsBadOptionsBeforeSending(t *testing.T) {
	var calls atomic.Int32
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { calls.Add(1) })
	for name, opts := range map[string]*pagerduty.ListIncidentsOptions{
		"status":      {Statuses: []pagerduty.IncidentStatus{"open"}},
		"urgency":     {Urgencies: []pagerduty.Urgency{"urgent"}},
		"include":     {Includes: []pagerduty.IncidentInclude{"everything"}},
		"service ID":  {ServiceIDs: []string{"../x"}},
		"limit":       {ListOptions: pagerduty.ListOptions{Limit: 500}},
		"negative":    {ListOptions: pagerduty.ListOptions{Limit: -1}},
		"offset":      {ListOptions: pagerduty.ListOptions{Offset: 10_000}},
		"window":      {Since: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		"sort field":  {SortBy: "title:asc"},
		"sort dir":    {SortBy: "created_at:up"},
		"sort fields": {SortBy: "created_at,urgency,incident_number"},
	} {
		for _, err := range c.Incidents.List(context.Background(), opts) {
			if err == nil {
				t.Errorf("%s: no error", name)
			}
			break
		}
		if _, err := c.Incidents.ListPage(context.Background(), opts); err == nil {
			t.Errorf("%s: ListPage: no error", name)
		}
	}
	if calls.Load() != 0 {
		t.Errorf("%d requests were sent", calls.Load())
	}
}
