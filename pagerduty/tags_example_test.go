package pagerduty_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/pdkit/pdkit/pagerduty"
)

// Tagging a team: new labels are created on the way, existing tags are
// attached or detached by ID. A local server stands in for PagerDuty and
// shows the body the call sends.
func ExampleTagsService_Change() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Printf("%s %s\n%s\n", r.Method, r.URL.Path, body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{}`)
	}))
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("example-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	err = c.Tags.Change(context.Background(), pagerduty.TaggedTeams, "PQ9K7I8", &pagerduty.ChangeTagsParams{
		AddLabels: []string{"payments"},
		RemoveIDs: []string{"P2A5T4Q"},
	})
	fmt.Println(err)
	// Output:
	// POST /teams/PQ9K7I8/change_tags
	// {"add":[{"type":"tag","label":"payments"}],"remove":[{"type":"tag_reference","id":"P2A5T4Q"}]}
	// <nil>
}
