package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/mcptools"
	"github.com/pdkit/pdkit/pagerduty"
)

const (
	toolsStart = "<!-- tools:start (generated: UPDATE_README=1 go test ./examples/pagerduty-mcp -run README) -->"
	toolsEnd   = "<!-- tools:end -->"
)

// toolsTable renders every tool the server can mount as a Markdown table.
func toolsTable(t *testing.T) string {
	t.Helper()
	c, err := pagerduty.NewClient(pagerduty.WithToken("unused"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := mcptools.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	infos, err := reg.Tools(mcptools.Filter{Toolsets: []string{mcptools.AllToolsets}, EnableWrites: true})
	if err != nil {
		t.Fatal(err)
	}
	defaults := map[string]bool{}
	for _, s := range mcptools.DefaultToolsets() {
		defaults[s] = true
	}
	var b strings.Builder
	b.WriteString("| tool | toolset | writes | what it does |\n|---|---|---|---|\n")
	for _, ti := range infos {
		set := string(ti.Toolset)
		if defaults[set] {
			set += " (default)"
		}
		writes := "no"
		if !ti.ReadOnly {
			writes = "**yes**"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", ti.Name, set, writes, ti.Title)
	}
	return b.String()
}

// The README's table of tools is the registry's: a new tool cannot be left
// out of it.
func TestREADMEListsEveryTool(t *testing.T) {
	const path = "../../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, toolsStart), strings.Index(readme, toolsEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q around the table of tools", toolsStart, toolsEnd)
	}
	want := toolsTable(t)
	got := readme[i+len(toolsStart)+1 : j]
	if got == want {
		return
	}
	if os.Getenv("UPDATE_README") == "1" {
		updated := readme[:i+len(toolsStart)+1] + want + readme[j:]
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's table of tools is out of date: run UPDATE_README=1 go test ./examples/pagerduty-mcp -run README")
}
