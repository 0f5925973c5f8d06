package pagerduty

import (
	"encoding/json"
	"fmt"
	"testing"
)

// orchBenchPath is a service path of sets×rules rules, each with a condition and
// a few actions.
func orchBenchPath(sets, rules int) *OrchestrationPath {
	p := &OrchestrationPath{}
	for i := range sets {
		set := OrchestrationRuleSet{ID: fmt.Sprintf("set-%d", i)}
		if i == 0 {
			set.ID = "start"
		}
		for j := range rules {
			a := OrchestrationActions{Priority: "PPRIO01", Annotate: "runbook", Severity: SeverityWarning,
				Extractions: []OrchestrationExtraction{{Target: "event.summary", Template: "{{event.summary}}"}}}
			if i+1 < sets && j == 0 {
				a.RouteTo = fmt.Sprintf("set-%d", i+1)
			}
			set.Rules = append(set.Rules, OrchestrationRule{ID: fmt.Sprintf("r%d-%d", i, j), Label: "rule",
				Conditions: []OrchestrationCondition{{Expression: "event.severity matches 'critical'"}}, Actions: a})
		}
		p.Sets = append(p.Sets, set)
	}
	p.CatchAll.Actions.Suppress = true
	return p
}

// BenchmarkOrchestrationPathWire measures the checks and copy an update
// makes before encoding a path of 500 rules.
func BenchmarkOrchestrationPathWire(b *testing.B) {
	p := orchBenchPath(5, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := orchPathWire(OrchestrationPathService, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOrchestrationPathDecode measures decoding a path of 500 rules,
// for comparison with BenchmarkOrchestrationPathWire.
func BenchmarkOrchestrationPathDecode(b *testing.B) {
	raw, err := json.Marshal(orchBenchPath(5, 100))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		var p OrchestrationPath
		if err := json.Unmarshal(raw, &p); err != nil {
			b.Fatal(err)
		}
	}
}
