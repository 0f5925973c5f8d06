package mcptools

import (
	"fmt"
	"slices"
	"strings"
)

// Filter chooses the tools a Registry mounts. The zero value mounts the
// read-only tools of the default toolsets (see DefaultToolsets).
type Filter struct {
	// Toolsets names the areas to mount (see ToolsetNames); "all" means
	// every one. Empty means DefaultToolsets.
	Toolsets []string
	// Tools adds these tools by name, whatever their toolset.
	Tools []string
	// ExcludeTools removes these tools, whatever asked for them.
	ExcludeTools []string
	// EnableWrites mounts the write tools of the chosen toolsets too
	// (creating, acknowledging, resolving, ...). Off by default.
	EnableWrites bool
	// ReadOnly keeps every write tool off, even with EnableWrites: a switch
	// an operator can force whatever else is configured.
	ReadOnly bool
}

func (f Filter) writes() bool { return f.EnableWrites && !f.ReadOnly }

// choose returns the entries f selects, or why f is invalid.
func (r *Registry) choose(f Filter) ([]*entry, error) {
	sets := map[string]bool{}
	names := f.Toolsets
	if len(names) == 0 {
		names = DefaultToolsets()
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		switch {
		case n == AllToolsets:
			for _, t := range ToolsetNames() {
				sets[t] = true
			}
		case knownToolset(n):
			sets[n] = true
		default:
			return nil, fmt.Errorf("mcptools: unknown toolset %q: use %q or one of %s", n, AllToolsets, strings.Join(ToolsetNames(), ", "))
		}
	}
	byName := map[string]*entry{}
	for _, e := range r.tools {
		byName[e.def.Name] = e
	}
	check := func(list []string, what string) error {
		for _, n := range list {
			if _, ok := byName[strings.TrimSpace(n)]; !ok {
				return fmt.Errorf("mcptools: unknown tool %q in %s: the tools are %s", n, what, strings.Join(r.names(), ", "))
			}
		}
		return nil
	}
	if err := check(f.Tools, "Tools"); err != nil {
		return nil, err
	}
	if err := check(f.ExcludeTools, "ExcludeTools"); err != nil {
		return nil, err
	}
	extra, excluded := trimAll(f.Tools), trimAll(f.ExcludeTools)
	if !f.writes() {
		for _, n := range extra {
			if byName[n].tool.info().write && !slices.Contains(excluded, n) {
				return nil, fmt.Errorf("mcptools: tool %q changes PagerDuty and writes are off: set EnableWrites (and not ReadOnly) to mount it", n)
			}
		}
	}
	var out []*entry
	for _, e := range r.tools {
		s := e.tool.info()
		if slices.Contains(excluded, s.name) {
			continue
		}
		if s.write && !f.writes() {
			continue
		}
		if sets[string(s.toolset)] || slices.Contains(extra, s.name) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (r *Registry) names() []string {
	out := make([]string, len(r.tools))
	for i, e := range r.tools {
		out[i] = e.def.Name
	}
	return out
}

func trimAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.TrimSpace(s)
	}
	return out
}
