package pagerduty

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

type item struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
}

// A cursor list follows next_cursor until it is null or absent.
func TestCursorListFollowsCursorsToNull(t *testing.T) {
	for _, end := range []string{`null`, `""`, `absent`} {
		var cursors []string
		c := newInternalClient(t, func(w http.ResponseWriter, r *http.Request) {
			cur := r.URL.Query().Get("cursor")
			cursors = append(cursors, cur)
			n, _ := strconv.Atoi(cur)
			next := fmt.Sprintf(`"%d"`, n+1)
			if n == 2 {
				next = end
			}
			body := fmt.Sprintf(`{"records":[{"id":"R%d"}],"limit":1`, n)
			if next != "absent" {
				body += `,"next_cursor":` + next
			}
			w.Write([]byte(body + "}"))
		})
		l := &cursorList[item]{path: "/audit/records", key: "records", query: url.Values{}, limit: 1}
		var ids []string
		for it, err := range l.iterate(context.Background(), c) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, it.ID)
		}
		if fmt.Sprint(ids) != "[R0 R1 R2]" || fmt.Sprint(cursors) != "[ 1 2]" {
			t.Errorf("end %s: ids %v, cursors %q", end, ids, cursors)
		}
	}
}

// A newest-first listing moves its until bound back past the ceiling.
func TestDescendingWindowSlides(t *testing.T) {
	const n = 23_000
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(i int) time.Time { return base.Add(time.Duration(i/4) * time.Second) } // 4 a second
	c := newInternalClient(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		if offset+limit > OffsetCeiling {
			w.WriteHeader(400)
			return
		}
		hi := n // exclusive; newest first means index n-1 first
		if u := q.Get("until"); u != "" {
			ut, _ := time.Parse(time.RFC3339, u)
			for hi > 0 && !at(hi-1).Before(ut) {
				hi--
			}
		}
		var items []item
		for i := hi - 1 - offset; i >= 0 && len(items) < limit; i-- {
			items = append(items, item{ID: strconv.Itoa(i), CreatedAt: at(i)})
		}
		writeJSONInternal(w, map[string]any{"log_entries": items, "limit": limit, "offset": offset, "more": hi-offset-len(items) > 0})
	})
	l := &offsetList[item]{path: "/log_entries", key: "log_entries", query: url.Values{}, window: &timeWindow[item]{
		desc: true, timeOf: func(i item) time.Time { return i.CreatedAt }, idOf: func(i item) string { return i.ID }}}
	want := n - 1
	for it, err := range l.iterate(context.Background(), c) {
		if err != nil {
			t.Fatal(err)
		}
		if it.ID != strconv.Itoa(want) {
			t.Fatalf("got %s, want %d", it.ID, want)
		}
		want--
	}
	if want != -1 {
		t.Fatalf("stopped with %d items unread", want+1)
	}
}
