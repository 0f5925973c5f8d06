package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestAddonsCassette'.

func checkRecordedAddon(t *testing.T, what string, a *pagerduty.Addon) {
	t.Helper()
	if a == nil || a.ID == "" || a.Name == "" || a.Type == "" || a.Src == "" {
		t.Errorf("%s: add-on %+v lacks an ID, a name, a type or a source", what, a)
	}
}

func TestAddonsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/addons/all")
	ctx := context.Background()

	for _, a := range readUpTo(t, "List", c.Addons.List(ctx, &pagerduty.ListAddonsOptions{
		Filter: pagerduty.FullPageAddon, ServiceIDs: []string{"PIJ90N7"},
		Includes: []pagerduty.AddonInclude{pagerduty.AddonIncludeServices},
	}), 2) {
		checkRecordedAddon(t, "List", &a)
	}
	page := must(c.Addons.ListPage(ctx, &pagerduty.ListAddonsOptions{ListOptions: pagerduty.ListOptions{Limit: 5}})).ok(t, "ListPage")
	if len(page.Items) == 0 {
		t.Fatal("ListPage: no add-ons")
	}
	params := &pagerduty.AddonParams{Type: pagerduty.FullPageAddon, Name: "Status board", Src: "https://example.com/status"}
	created := must(c.Addons.Create(ctx, params)).ok(t, "Create")
	checkRecordedAddon(t, "Create", created)
	checkRecordedAddon(t, "Get", must(c.Addons.Get(ctx, created.ID)).ok(t, "Get"))
	params.Name = "Status board (renamed)"
	checkRecordedAddon(t, "Update", must(c.Addons.Update(ctx, created.ID, params)).ok(t, "Update"))
	mustDo(t, "Delete", c.Addons.Delete(ctx, created.ID))
}
