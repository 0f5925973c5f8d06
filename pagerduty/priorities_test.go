package pagerduty_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestPrioritiesList(t *testing.T) {
	c, rec := fakeAPI(t, 200, `{"priorities":[
		{"id":"PSLWBL8","type":"priority","summary":"P1","name":"P1","description":"Critical","color":"a8171c","order":256},
		{"id":"P53ZZH5","type":"priority","summary":"P2","name":"P2","description":"High"}],"limit":100,"offset":0,"more":false,"total":null}`)
	var got []pagerduty.Priority
	for p, err := range c.Priorities.List(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/priorities", query: url.Values{"limit": {"100"}, "offset": {"0"}}})
	if len(got) != 2 || got[0].Name != "P1" || got[0].Order != 256 || got[0].Color != "a8171c" || got[1].Description != "High" {
		t.Errorf("decoded %+v", got)
	}

	c, rec = fakeAPI(t, 200, `{"priorities":[{"id":"P53ZZH5","name":"P2"}],"limit":1,"offset":1,"more":true,"total":5}`)
	page, err := c.Priorities.ListPage(context.Background(), &pagerduty.ListPrioritiesOptions{ListOptions: pagerduty.ListOptions{Limit: 1, Offset: 1, Total: true}})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/priorities", query: url.Values{"limit": {"1"}, "offset": {"1"}, "total": {"true"}}})
	if !page.More || *page.Total != 5 || page.Items[0].ID != "P53ZZH5" {
		t.Errorf("page %+v", page)
	}

	c, rec = fakeAPI(t, 200, `{}`)
	for _, err := range c.Priorities.List(context.Background(), &pagerduty.ListPrioritiesOptions{ListOptions: pagerduty.ListOptions{Limit: -1}}) {
		checkRefused(t, rec, err, "Limit")
	}
}
