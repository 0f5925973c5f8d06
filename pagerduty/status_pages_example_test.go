package pagerduty_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Announcing a maintenance on a status page: one post, with its window and a
// first update that gives a service an impact. A local server stands in for
// PagerDuty and shows the body the call sends.
func ExampleStatusPagesService_CreatePost() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Printf("%s %s\n%s\n", r.Method, r.URL.Path, body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"post":{"id":"PIJ90N7","type":"status_page_post","title":"Database upgrade","post_type":"maintenance",
			"starts_at":"2026-12-12T11:00:00Z","ends_at":"2026-12-12T13:00:00Z","updates":[{"id":"P7HUBBZ"}]}}`)
	}))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	start := time.Date(2026, 12, 12, 11, 0, 0, 0, time.UTC)
	post, err := c.StatusPages.CreatePost(context.Background(), "PR5LMML", &pagerduty.StatusPagePostParams{
		Title:    "Database upgrade",
		PostType: pagerduty.PostMaintenance,
		StartsAt: start,
		EndsAt:   start.Add(2 * time.Hour),
		Updates: []pagerduty.PostUpdateParams{{
			Message:          "The database is upgraded; the API may be slow.",
			StatusID:         "P0400H4", // from ListStatuses
			SeverityID:       "PY5OM08", // from ListSeverities
			ImpactedServices: []pagerduty.StatusPageImpactedServiceParams{{ServiceID: "PYHMEI3", ImpactID: "PY5OM08"}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(post.ID, post.Title, post.EndsAt.Sub(post.StartsAt), len(post.Updates))

	// Bad input is refused before anything is sent.
	_, err = c.StatusPages.CreatePost(context.Background(), "PR5LMML", &pagerduty.StatusPagePostParams{
		Title: "Database upgrade", PostType: pagerduty.PostMaintenance})
	fmt.Println(err)
	// Output:
	// POST /status_pages/PR5LMML/posts
	// {"post":{"type":"status_page_post","title":"Database upgrade","post_type":"maintenance","starts_at":"2026-12-12T11:00:00Z","ends_at":"2026-12-12T13:00:00Z","updates":[{"type":"status_page_post_update","post":{"id":"","type":"status_page_post"},"message":"The database is upgraded; the API may be slow.","status":{"id":"P0400H4","type":"status_page_status"},"severity":{"id":"PY5OM08","type":"status_page_severity"},"impacted_services":[{"service":{"id":"PYHMEI3","type":"status_page_service"},"impact":{"id":"PY5OM08","type":"status_page_impact"}}],"update_frequency_ms":null,"notify_subscribers":false}],"status_page":{"id":"PR5LMML","type":"status_page"}}}
	// PIJ90N7 Database upgrade 2h0m0s 1
	// pagerduty: StartsAt and EndsAt are required: the window of a maintenance post
}
