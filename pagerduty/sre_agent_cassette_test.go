package pagerduty_test

import (
	"context"
	"testing"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestSREAgentCassette'.
func TestSREAgentCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/sre_agent/memories")
	ctx := context.Background()

	mems := must(c.SREAgent.ListMemories(ctx, &pagerduty.ListSREMemoriesOptions{Limit: 10, ServiceID: "PSVC123", Type: pagerduty.SREMemoryRunbook})).ok(t, "ListMemories")
	if len(mems) == 0 || mems[0].ID == "" || mems[0].Content == "" {
		t.Fatalf("ListMemories: %+v", mems)
	}
	m := must(c.SREAgent.UpdateMemory(ctx, "MEM1234", "Restart the cache before the web tier.")).ok(t, "UpdateMemory")
	if m.ID == "" || m.Content == "" {
		t.Errorf("UpdateMemory: %+v lacks an ID or content", m)
	}
	mustDo(t, "DeleteMemory", c.SREAgent.DeleteMemory(ctx, "MEM1234"))
}
