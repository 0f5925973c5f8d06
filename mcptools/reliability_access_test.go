package mcptools

import (
	"strings"
	"testing"
)

// TestReliabilityWritesAbsentUnlessEnabled checks, over every toolset, that
// no write tool is mounted unless writes are enabled, that ReadOnly wins
// over EnableWrites, and that every tool that changes or removes something
// says so in its annotations (destructive ones included), so that a client
// can ask the user first.
func TestReliabilityWritesAbsentUnlessEnabled(t *testing.T) {
	e := newEnv(t, envConfig{})
	all := []string{"all"}
	for _, f := range []Filter{
		{},
		{Toolsets: all},
		{Toolsets: all, ReadOnly: true},
		{Toolsets: all, EnableWrites: true, ReadOnly: true},
	} {
		defs, err := e.reg.Definitions(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(defs) == 0 {
			t.Fatalf("%+v mounts no tool", f)
		}
		for _, d := range defs {
			if d.Annotations == nil || !d.Annotations.ReadOnlyHint {
				t.Errorf("filter %+v mounts the write tool %s", f, d.Name)
			}
		}
	}
	defs, err := e.reg.Definitions(Filter{Toolsets: all, EnableWrites: true})
	if err != nil {
		t.Fatal(err)
	}
	writes, destructive := 0, 0
	for _, d := range defs {
		a := d.Annotations
		if a == nil || a.ReadOnlyHint {
			continue
		}
		writes++
		if a.DestructiveHint == nil {
			t.Errorf("write tool %s does not say whether it is destructive", d.Name)
			continue
		}
		if *a.DestructiveHint {
			destructive++
		}
		removes := strings.HasPrefix(d.Name, "delete_") || strings.HasPrefix(d.Name, "remove_") || strings.Contains(d.Name, "offboard")
		if removes && !*a.DestructiveHint {
			t.Errorf("%s removes something but is not marked destructive", d.Name)
		}
	}
	if writes == 0 || destructive == 0 {
		t.Errorf("%d write tools, %d destructive: want some of each", writes, destructive)
	}
	t.Logf("%d tools, %d writes, %d destructive", len(defs), writes, destructive)
}

// TestReliabilityWriteCapPerSession caps a session at two writes: the third
// is a tool error that says why, and PagerDuty sees two writes only.
func TestReliabilityWriteCapPerSession(t *testing.T) {
	e := newEnv(t, envConfig{filter: Filter{Toolsets: []string{"all"}, EnableWrites: true}, opts: Options{MaxWritesPerSession: 2}})
	svc := e.pd.Data().Services[0].ID
	e.pd.ResetRequests()
	for i := range 3 {
		res := e.call(t, "create_incident", map[string]any{"title": "Disk full " + string(rune('A'+i)), "service": svc})
		switch {
		case i < 2 && res.IsError:
			t.Fatalf("write %d: %s", i+1, text(res))
		case i == 2 && !res.IsError:
			t.Fatalf("write 3 went through a cap of 2: %s", text(res))
		case i == 2 && !strings.Contains(text(res), "2 write calls"):
			t.Errorf("the refusal %q does not say the cap", text(res))
		}
	}
	posts := 0
	for _, r := range e.pd.Requests() {
		if r.Method == "POST" && r.Path == "/incidents" {
			posts++
		}
	}
	if posts != 2 {
		t.Errorf("PagerDuty saw %d creates, want 2", posts)
	}
}
