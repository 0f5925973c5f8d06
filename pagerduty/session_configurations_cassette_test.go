package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestSessionConfigurationsCassette'.
func TestSessionConfigurationsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/session_configurations/all")
	ctx := context.Background()

	confs := must(c.SessionConfigurations.List(ctx, pagerduty.SessionConfigurationWeb)).ok(t, "List")
	if len(confs) == 0 || confs[0].Type == "" || confs[0].AbsoluteSessionTTL == 0 {
		t.Fatalf("List: %+v", confs)
	}
	upd := must(c.SessionConfigurations.Update(ctx, pagerduty.UpdateSessionConfigurationParams{Type: pagerduty.SessionConfigurationWeb, AbsoluteSessionTTL: 86400, IdleSessionTTL: 3600})).ok(t, "Update")
	if len(upd) == 0 || upd[0].IdleSessionTTL == 0 {
		t.Errorf("Update: %+v", upd)
	}
	mustDo(t, "Delete", c.SessionConfigurations.Delete(ctx, pagerduty.SessionConfigurationMobile))
}
