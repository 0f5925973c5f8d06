package openapi

import (
	"encoding/json"
	"strings"
	"testing"
)

// requestExamples returns the request-body examples the description gives
// for an operation, by example name.
func requestExamples(s *Spec, op *Operation) map[string]any {
	paths, _ := s.doc["paths"].(map[string]any)
	item, _ := s.resolve(paths[op.Path]).(map[string]any)
	raw, _ := item[strings.ToLower(op.Method)].(map[string]any)
	rb, _ := s.resolve(raw["requestBody"]).(map[string]any)
	content, _ := rb["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	exs, _ := media["examples"].(map[string]any)
	out := make(map[string]any)
	for name, ex := range exs {
		if m, ok := s.resolve(ex).(map[string]any); ok {
			// Round-trip so numbers are float64, as in a decoded request.
			b, err := json.Marshal(m["value"])
			if err != nil {
				continue
			}
			var v any
			if json.Unmarshal(b, &v) == nil {
				out[name] = v
			}
		}
	}
	return out
}

// TestDescriptionExamplesValidate runs the validator over the request bodies
// PagerDuty gives as examples. Those of the operations below agree with
// their schemas and must validate; the others are only counted, because some
// of the description's examples contradict its own schemas (fields the schema
// does not declare, reference types outside an enum).
func TestDescriptionExamplesValidate(t *testing.T) {
	s := restSpec(t)
	mustPass := map[string]bool{
		"createIncidentNote":         true,
		"updateIncident":             true,
		"updateIncidents":            true,
		"mergeIncidents":             true,
		"createIncidentSnooze":       true,
		"createIncidentStatusUpdate": true,
		"createService":              true,
		"updateService":              true,
		"createServiceIntegration":   true,
		"createSchedule":             true,
		"createScheduleV3":           true,
		"createTeam":                 true,
		"createUser":                 true,
		"createUserContactMethod":    true,
		"createMaintenanceWindow":    true,
		"createBusinessService":      true,
		"createExtension":            true,
		"createOauthClient":          true,
		"updateWebhookSubscription":  true,
		"updateOrchPathRouter":       true,
		"createTags":                 true,
	}
	total, failing := 0, 0
	seen := make(map[string]bool)
	for _, op := range s.ops {
		if op.body == nil || op.body.Schema == nil {
			continue
		}
		for name, ex := range requestExamples(s, op) {
			total++
			vs := s.validateValue(op.body.Schema, ex, "body")
			if len(vs) > 0 {
				failing++
			}
			if mustPass[op.OperationID] {
				seen[op.OperationID] = true
				for _, v := range vs {
					t.Errorf("%s example %q: %s", op.OperationID, name, v)
				}
			}
		}
	}
	for id := range mustPass {
		if !seen[id] {
			t.Errorf("the description has no request example for %s any more", id)
		}
	}
	if total < 100 {
		t.Errorf("found only %d request examples; the description has about 200", total)
	}
	t.Logf("%d of %d request examples validate; the rest contradict their schemas", total-failing, total)
}
