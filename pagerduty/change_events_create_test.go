package pagerduty_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// testRoutingKey is shaped like an integration key; it must never show in an
// error.
const testRoutingKey = "R015D7ZJ6J0S1YQ1CLW6ZQ3G2ZCJ4H5Z"

func TestChangeEventsCreateSends(t *testing.T) {
	ctx := context.Background()
	paris := time.FixedZone("CEST", 2*60*60)
	p := &pagerduty.CreateChangeEventParams{
		RoutingKey:    testRoutingKey,
		Summary:       "Deployed billing v2.3.1",
		Source:        "ci.example.com",
		Timestamp:     time.Date(2024, 5, 1, 14, 0, 0, 250_000_000, paris),
		CustomDetails: map[string]any{"build": 42, "author": "jane"},
		Links:         []pagerduty.ChangeEventLink{{Href: "https://ci.example.com/builds/42", Text: "Build 42"}},
		Images:        []pagerduty.ChangeEventImage{{Src: "https://ci.example.com/42.png", Href: "http://ci.example.com/42", Alt: "graph"}},
	}
	for _, tc := range []struct {
		name   string
		status int
		answer string
	}{
		{"202 without a body", 202, ""},
		{"202 with the Events API's answer", 202, `{"status":"success","message":"Change event processed"}`},
		{"200", 200, `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, tc.status, tc.answer, pagerduty.WithFrom("jane@example.com"))
			if err := c.ChangeEvents.Create(ctx, p); err != nil {
				t.Fatalf("Create: %v", err)
			}
			got := checkOneCall(t, rec, wantCall{method: "POST", path: "/change_events", from: "jane@example.com",
				body: `{"routing_key":"` + testRoutingKey + `","payload":{"summary":"Deployed billing v2.3.1",
				"timestamp":"2024-05-01T14:00:00.250+02:00","source":"ci.example.com","custom_details":{"build":42,"author":"jane"}},
				"links":[{"href":"https://ci.example.com/builds/42","text":"Build 42"}],
				"images":[{"src":"https://ci.example.com/42.png","href":"http://ci.example.com/42","alt":"graph"}]}`})
			if ct := got.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q, want application/json", ct)
			}
		})
	}

	// Only what is set is sent; a zero Timestamp leaves the time to
	// PagerDuty.
	c, rec := fakeAPI(t, 202, "")
	if err := c.ChangeEvents.Create(ctx, &pagerduty.CreateChangeEventParams{RoutingKey: testRoutingKey, Summary: "Flag checkout-v2 on"}); err != nil {
		t.Fatalf("Create: %v", err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/change_events",
		body: `{"routing_key":"` + testRoutingKey + `","payload":{"summary":"Flag checkout-v2 on"}}`})
}

func TestChangeEventsCreateReportsAPIErrors(t *testing.T) {
	c, rec := fakeAPI(t, 400, `{"error":{"message":"Invalid Input Provided","code":2001,"errors":["Routing key is invalid"]}}`)
	err := c.ChangeEvents.Create(context.Background(), &pagerduty.CreateChangeEventParams{RoutingKey: testRoutingKey, Summary: "Deploy"})
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || apiErr.Method != "POST" || apiErr.Path != "/change_events" {
		t.Fatalf("err = %v, want an *APIError for POST /change_events with status 400", err)
	}
	if strings.Contains(err.Error(), testRoutingKey) {
		t.Errorf("the error %q shows the routing key", err)
	}
	if n := len(rec.all()); n != 1 {
		t.Errorf("%d requests sent; a 400 is not retried", n)
	}
}

func TestChangeEventsCreateRefusesBadInput(t *testing.T) {
	ok := func(mod func(p *pagerduty.CreateChangeEventParams)) *pagerduty.CreateChangeEventParams {
		p := &pagerduty.CreateChangeEventParams{RoutingKey: testRoutingKey, Summary: "Deploy"}
		mod(p)
		return p
	}
	for _, tc := range []struct {
		name string
		p    *pagerduty.CreateChangeEventParams
		want string
	}{
		{"nil", nil, "params is required"},
		{"no routing key", ok(func(p *pagerduty.CreateChangeEventParams) { p.RoutingKey = "" }), "RoutingKey is required"},
		{"routing key with a newline", ok(func(p *pagerduty.CreateChangeEventParams) { p.RoutingKey = testRoutingKey + "\n" }), "RoutingKey contains a space"},
		{"routing key with a space", ok(func(p *pagerduty.CreateChangeEventParams) { p.RoutingKey = "R015D7ZJ 6J0S1" }), "RoutingKey contains a space"},
		{"routing key not ASCII", ok(func(p *pagerduty.CreateChangeEventParams) { p.RoutingKey = "R015D7ZJ6J0S1é" }), "non-ASCII"},
		{"no summary", ok(func(p *pagerduty.CreateChangeEventParams) { p.Summary = "" }), "Summary is required"},
		{"blank summary", ok(func(p *pagerduty.CreateChangeEventParams) { p.Summary = " \t" }), "Summary is required: what changed, 1 to 1024 characters"},
		{"long summary", ok(func(p *pagerduty.CreateChangeEventParams) { p.Summary = strings.Repeat("é", 1025) }), "Summary is 1025 characters long; at most 1024"},
		{"link without href", ok(func(p *pagerduty.CreateChangeEventParams) { p.Links = []pagerduty.ChangeEventLink{{Text: "x"}} }), "Links[0].Href is required"},
		{"relative link", ok(func(p *pagerduty.CreateChangeEventParams) {
			p.Links = []pagerduty.ChangeEventLink{{Href: "https://ok.example.com"}, {Href: "/builds/42"}}
		}), `Links[1].Href "/builds/42" is not an absolute http or https URL`},
		{"image over http", ok(func(p *pagerduty.CreateChangeEventParams) {
			p.Images = []pagerduty.ChangeEventImage{{Src: "http://ci.example.com/42.png"}}
		}), "Images[0].Src \"http://ci.example.com/42.png\" is not an absolute https URL"},
		{"image without src", ok(func(p *pagerduty.CreateChangeEventParams) { p.Images = []pagerduty.ChangeEventImage{{Alt: "graph"}} }), "Images[0].Src is required"},
		{"image link", ok(func(p *pagerduty.CreateChangeEventParams) {
			p.Images = []pagerduty.ChangeEventImage{{Src: "https://ci.example.com/42.png", Href: "ftp://ci.example.com"}}
		}), "Images[0].Href"},
		{"details not JSON", ok(func(p *pagerduty.CreateChangeEventParams) { p.CustomDetails = map[string]any{"ratio": math.NaN()} }), "CustomDetails cannot be encoded as JSON"},
		{"too big", ok(func(p *pagerduty.CreateChangeEventParams) {
			p.CustomDetails = map[string]any{"log": strings.Repeat("x", pagerduty.MaxChangeEventSize)}
		}), "PagerDuty accepts at most 524288"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := fakeAPI(t, 202, "")
			err := c.ChangeEvents.Create(context.Background(), tc.p)
			checkRefused(t, rec, err, tc.want)
			if err != nil && strings.Contains(err.Error(), "R015D7ZJ") {
				t.Errorf("the error %q shows the routing key", err)
			}
		})
	}
}

// The encoded event is valid JSON whatever the summary holds.
func TestChangeEventsCreateEscapes(t *testing.T) {
	c, rec := fakeAPI(t, 202, "")
	summary := "quote \" backslash \\ newline \n <html>"
	if err := c.ChangeEvents.Create(context.Background(), &pagerduty.CreateChangeEventParams{RoutingKey: testRoutingKey, Summary: summary}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Payload struct {
			Summary string `json:"summary"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(rec.all()[0].Body, &got); err != nil || got.Payload.Summary != summary {
		t.Errorf("sent summary %q (%v), want %q", got.Payload.Summary, err, summary)
	}
}
