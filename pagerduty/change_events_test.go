package pagerduty_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const changeEventJSON = `{"id":"01BBYA6PEVW6A852BUO6QYUE7O","type":"change_event","summary":"Build Success",
"timestamp":"2020-07-17T08:42:58Z","source":"acme-build","integration":{"id":"PEYSGVF","type":"inbound_integration_reference"},
"services":[{"id":"PEYSGRV","type":"service_reference"}],"custom_details":{"build_state":"passed"},
"links":[{"href":"https://acme.example/build/2","text":"Build"}],"images":[{"src":"https://acme.example/i.png","alt":"graph"}],
"correlation_reason":{"reason":"most_recent"}}`

func checkDecodedChangeEvent(t *testing.T, e pagerduty.ChangeEvent) {
	t.Helper()
	if e.ID != "01BBYA6PEVW6A852BUO6QYUE7O" || !e.Timestamp.Equal(time.Date(2020, 7, 17, 8, 42, 58, 0, time.UTC)) ||
		e.Services[0].ID != "PEYSGRV" || e.Integration.ID != "PEYSGVF" || e.CustomDetails["build_state"] != "passed" ||
		e.Links[0].Href == "" || e.Images[0].Alt != "graph" || e.Source != "acme-build" {
		t.Errorf("decoded %+v", e)
	}
}

func TestChangeEventsLists(t *testing.T) {
	ctx := context.Background()
	opts := &pagerduty.ListChangeEventsOptions{
		Since:          time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC),
		Until:          time.Date(2020, 8, 1, 0, 0, 0, 0, time.UTC),
		TeamIDs:        []string{"PQ9K7I8"},
		IntegrationIDs: []string{"PEYSGVF"},
	}
	filters := url.Values{"since": {"2020-07-01T00:00:00Z"}, "until": {"2020-08-01T00:00:00Z"},
		"team_ids[]": {"PQ9K7I8"}, "integration_ids[]": {"PEYSGVF"}, "limit": {"100"}, "offset": {"0"}}
	// The API sends null paging fields for change events.
	const answer = `{"change_events":[` + changeEventJSON + `],"limit":null,"offset":null,"total":null,"more":false}`

	for _, tc := range []struct {
		name, path string
		list       func(*pagerduty.Client) ([]pagerduty.ChangeEvent, error)
	}{
		{"List", "/change_events", func(c *pagerduty.Client) ([]pagerduty.ChangeEvent, error) {
			return drain(c.ChangeEvents.List(ctx, opts))
		}},
		{"ListForService", "/services/PEYSGRV/change_events", func(c *pagerduty.Client) ([]pagerduty.ChangeEvent, error) {
			return drain(c.ChangeEvents.ListForService(ctx, "PEYSGRV", opts))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, answer)
			got, err := tc.list(c)
			if err != nil {
				t.Fatal(err)
			}
			checkOneCall(t, rec, wantCall{method: "GET", path: tc.path, query: filters})
			if len(got) != 1 {
				t.Fatalf("got %d events", len(got))
			}
			checkDecodedChangeEvent(t, got[0])
		})
	}

	c, rec := fakeAPI(t, 200, answer)
	page, err := c.ChangeEvents.ListPage(ctx, &pagerduty.ListChangeEventsOptions{ListOptions: pagerduty.ListOptions{Limit: 10, Offset: 10}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/change_events", query: url.Values{"limit": {"10"}, "offset": {"10"}}})
	if len(page.Items) != 1 || page.More {
		t.Errorf("page %+v", page)
	}
	c, rec = fakeAPI(t, 200, answer)
	if _, err := c.ChangeEvents.ListForServicePage(ctx, "PEYSGRV", nil); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/services/PEYSGRV/change_events"})

	c, rec = fakeAPI(t, 200, answer)
	related, err := c.ChangeEvents.ListForIncident(ctx, "PT4KHLK", &pagerduty.RelatedChangeEventsOptions{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/related_change_events", query: url.Values{"limit": {"5"}}})
	if len(related) != 1 || related[0].CorrelationReason.Reason != "most_recent" {
		t.Errorf("decoded %+v", related)
	}
}

func TestChangeEventsGetAndUpdate(t *testing.T) {
	ctx := context.Background()
	c, rec := fakeAPI(t, 200, `{"change_event":`+changeEventJSON+`}`)
	e, err := c.ChangeEvents.Get(ctx, "01BBYA6PEVW6A852BUO6QYUE7O")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/change_events/01BBYA6PEVW6A852BUO6QYUE7O"})
	checkDecodedChangeEvent(t, *e)

	c, rec = fakeAPI(t, 200, `{"change_event":`+changeEventJSON+`}`)
	if _, err := c.ChangeEvents.Update(ctx, "01BBYA6PEVW6A852BUO6QYUE7O", &pagerduty.UpdateChangeEventParams{
		Summary: "Build Success", CustomDetails: map[string]any{"build_state": "passed"},
	}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/change_events/01BBYA6PEVW6A852BUO6QYUE7O",
		body: `{"change_event":{"summary":"Build Success","custom_details":{"build_state":"passed"}}}`})

	c, rec = fakeAPI(t, 200, `{"change_event":`+changeEventJSON+`}`)
	if _, err := c.ChangeEvents.Update(ctx, "01BBYA6PEVW6A852BUO6QYUE7O", &pagerduty.UpdateChangeEventParams{CustomDetails: map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/change_events/01BBYA6PEVW6A852BUO6QYUE7O", body: `{"change_event":{"custom_details":{}}}`})
}

func TestChangeEventsRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(*pagerduty.Client) error
		want string
	}{
		{"list bad team", func(c *pagerduty.Client) error {
			_, err := drain(c.ChangeEvents.List(ctx, &pagerduty.ListChangeEventsOptions{TeamIDs: []string{"a/b"}}))
			return err
		}, "TeamIDs"},
		{"list bad integration", func(c *pagerduty.Client) error {
			_, err := c.ChangeEvents.ListPage(ctx, &pagerduty.ListChangeEventsOptions{IntegrationIDs: []string{""}})
			return err
		}, "IntegrationIDs"},
		{"service bad ID", func(c *pagerduty.Client) error {
			_, err := drain(c.ChangeEvents.ListForService(ctx, "a b", nil))
			return err
		}, "invalid ID"},
		{"window", func(c *pagerduty.Client) error {
			t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			_, err := c.ChangeEvents.ListForServicePage(ctx, "PEYSGRV", &pagerduty.ListChangeEventsOptions{Since: t0, Until: t0})
			return err
		}, "Until"},
		{"incident limit", func(c *pagerduty.Client) error {
			_, err := c.ChangeEvents.ListForIncident(ctx, "PT4KHLK", &pagerduty.RelatedChangeEventsOptions{Limit: 101})
			return err
		}, "Limit"},
		{"update without details", func(c *pagerduty.Client) error {
			_, err := c.ChangeEvents.Update(ctx, "01BBYA6P", &pagerduty.UpdateChangeEventParams{Summary: "x"})
			return err
		}, "CustomDetails"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 200, `{}`)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
