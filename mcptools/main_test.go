package mcptools

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"testing"
)

// called records the tools the tests called through an MCP client.
var called sync.Map

// TestMain checks, after a full run, that the tests called every tool
// through an MCP client at least once.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		var missing []string
		for _, t := range allTools() {
			if _, ok := called.Load(t.info().name); !ok {
				missing = append(missing, t.info().name)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: no test calls these tools through an MCP client: %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}
