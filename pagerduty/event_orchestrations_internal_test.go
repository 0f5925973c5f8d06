package pagerduty

import "testing"

func TestHasUnknownKey(t *testing.T) {
	known := map[string]bool{"route_to": true, "variables": true, "annotate": true}
	for _, tc := range []struct {
		json string
		want bool
	}{
		{`{}`, false},
		{`{"route_to":"x"}`, false},
		{`{"route_to" : "x", "annotate":"a:b"}`, false},
		{`{"annotate":"\"other\":1","route_to":"x"}`, false},
		{`{"variables":[{"name":"n","other":1}]}`, false},
		{`{"variables":[{"name":"n"}],"other":{"route_to":1}}`, true},
		{`{"route_to":"x",` + "\n\t" + `"incident_type" :{"id":"P1"}}`, true},
		{`{"route_to":"x","annotate":{"nested":{"deep":"v"}},"z":null}`, true},
		// An escaped key is left to the full decoder.
		{`{"route\u005fto":"x"}`, true},
	} {
		if got := hasUnknownKey([]byte(tc.json), known); got != tc.want {
			t.Errorf("hasUnknownKey(%s) = %v, want %v", tc.json, got, tc.want)
		}
	}
}

// An escaped key that names a modelled action decodes as that action.
func TestOrchestrationActionsEscapedKey(t *testing.T) {
	var a OrchestrationActions
	if err := a.UnmarshalJSON([]byte(`{"route\u005fto":"next","x":1}`)); err != nil {
		t.Fatal(err)
	}
	if a.RouteTo != "next" || len(a.Other) != 1 || string(a.Other["x"]) != "1" {
		t.Errorf("actions = %+v", a)
	}
}
