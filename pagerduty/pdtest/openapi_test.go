package pdtest

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The conformance test checks the server's answers against PagerDuty's
// published OpenAPI description, read at test time (never copied here).
// It looks for the file named by PAGERDUTY_OPENAPI, then for the copy
// kept next to the repository.
func loadSpec(t *testing.T) map[string]any {
	t.Helper()
	paths := []string{os.Getenv("PAGERDUTY_OPENAPI"), "../../../shared/pagerduty-api/rest-v2.openapi.json"}
	for _, p := range paths {
		if p == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var spec map[string]any
		if err := json.Unmarshal(b, &spec); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return spec
	}
	t.Skip("PagerDuty's REST OpenAPI file is not here: set PAGERDUTY_OPENAPI to rest-v2.openapi.json to run the conformance test")
	return nil
}

// checker validates JSON values against the subset of OpenAPI schemas the
// API description uses: $ref, type, properties, required, items, enum,
// nullable, allOf, oneOf, anyOf. oneOf is checked like anyOf: many of the
// description's alternatives overlap (the log entry channel has five that
// accept the same object), so "exactly one" cannot hold.
type checker struct{ spec map[string]any }

func (c *checker) resolve(ref string) map[string]any {
	var cur any = c.spec
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			cur = v[part]
		case []any:
			var i int
			fmt.Sscan(part, &i)
			if i < len(v) {
				cur = v[i]
			}
		}
	}
	m, _ := cur.(map[string]any)
	return m
}

func (c *checker) check(v any, s map[string]any, at string, depth int) []string {
	if s == nil || depth > 60 {
		return nil
	}
	if ref, ok := s["$ref"].(string); ok {
		return c.check(v, c.resolve(ref), at, depth+1)
	}
	var errs []string
	if v == nil {
		if s["nullable"] == true || s["type"] == nil && s["allOf"] == nil && s["oneOf"] == nil && s["anyOf"] == nil {
			return nil
		}
		if all, ok := s["allOf"].([]any); ok {
			for _, sub := range all {
				if m, _ := sub.(map[string]any); m != nil && m["nullable"] == true {
					return nil
				}
			}
		}
		return []string{at + ": null where the schema does not allow it"}
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			errs = append(errs, c.check(v, sub.(map[string]any), at, depth+1)...)
		}
	}
	for _, kw := range []string{"oneOf", "anyOf"} {
		alts, ok := s[kw].([]any)
		if !ok {
			continue
		}
		matched := 0
		var first []string
		for _, sub := range alts {
			e := c.check(v, sub.(map[string]any), at, depth+1)
			if len(e) == 0 {
				matched++
			} else if first == nil {
				first = e
			}
		}
		if matched == 0 {
			errs = append(errs, fmt.Sprintf("%s: matches none of %s (first: %v)", at, kw, first))
		}
	}
	if typ, ok := s["type"].(string); ok {
		good := false
		switch typ {
		case "object":
			_, good = v.(map[string]any)
		case "array":
			_, good = v.([]any)
		case "string":
			_, good = v.(string)
		case "boolean":
			_, good = v.(bool)
		case "number":
			_, good = v.(float64)
		case "integer":
			f, ok := v.(float64)
			good = ok && f == float64(int64(f))
		default:
			good = true
		}
		if !good {
			return append(errs, fmt.Sprintf("%s: %T where the schema wants %s", at, v, typ))
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) && !slices.Contains(enum, knownDefects[v]) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", at, v, enum))
	}
	if obj, ok := v.(map[string]any); ok {
		for _, r := range asStrings(s["required"]) {
			if _, ok := obj[r]; !ok {
				errs = append(errs, at+": missing required "+r)
			}
		}
		if props, ok := s["properties"].(map[string]any); ok {
			for k, pv := range obj {
				if ps, ok := props[k].(map[string]any); ok {
					errs = append(errs, c.check(pv, ps, at+"."+k, depth+1)...)
				}
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range arr {
				errs = append(errs, c.check(it, items, fmt.Sprintf("%s[%d]", at, i), depth+1)...)
			}
		}
	}
	return errs
}

// knownDefects are values the API sends that one schema of the
// description spells differently: the acknowledge log entry's own schema
// says "acknowledgement_log_entry" where the log entry type list, and the
// API, say "acknowledge_log_entry".
var knownDefects = map[any]any{"acknowledge_log_entry": "acknowledgement_log_entry"}

func asStrings(v any) []string {
	arr, _ := v.([]any)
	var out []string
	for _, a := range arr {
		if s, ok := a.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// responseSchema returns the JSON schema of an operation's answer.
func (c *checker) responseSchema(tmpl, method string, status int) (map[string]any, bool) {
	p, _ := c.spec["paths"].(map[string]any)[tmpl].(map[string]any)
	op, _ := p[strings.ToLower(method)].(map[string]any)
	if op == nil {
		return nil, false
	}
	resps, _ := op["responses"].(map[string]any)
	r, _ := resps[fmt.Sprint(status)].(map[string]any)
	if r == nil {
		return nil, false
	}
	if ref, ok := r["$ref"].(string); ok {
		r = c.resolve(ref)
	}
	content, _ := r["content"].(map[string]any)
	js, _ := content["application/json"].(map[string]any)
	sch, _ := js["schema"].(map[string]any)
	return sch, true
}

func TestOpenAPIConformance(t *testing.T) {
	spec := loadSpec(t)
	c := &checker{spec: spec}
	s := newDemo(t)
	d := s.Data()
	u := d.Users[1]
	team := d.Teams[0]
	svc := d.Services[0]
	ep := d.EscalationPolicies[0]
	sc := d.Schedules[0]
	var open, withNote Incident
	for _, inc := range d.Incidents {
		if inc.Status != StatusResolved {
			open = inc
		}
		if len(inc.Notes) > 0 {
			withNote = inc
		}
	}
	from := []string{"From", u.Email}
	type op struct {
		method, tmpl, path string
		body               any
		status             int
	}
	ops := []op{
		{"GET", "/abilities", "/abilities", nil, 200},
		{"GET", "/users/me", "/users/me", nil, 200},
		// The description types users' teams, contact methods and
		// notification rules (and services' integrations) as references
		// only, so their include[] expansions are tested elsewhere.
		{"GET", "/users", "/users", nil, 200},
		{"GET", "/users/{id}", "/users/" + u.ID, nil, 200},
		{"GET", "/users/{id}/contact_methods", "/users/" + u.ID + "/contact_methods", nil, 200},
		{"GET", "/users/{id}/contact_methods/{contact_method_id}", "/users/" + u.ID + "/contact_methods/" + u.ContactMethods[1].ID, nil, 200},
		{"GET", "/users/{id}/notification_rules", "/users/" + u.ID + "/notification_rules", nil, 200},
		{"GET", "/users/{id}/notification_rules/{notification_rule_id}", "/users/" + u.ID + "/notification_rules/" + u.NotificationRules[0].ID, nil, 200},
		{"POST", "/users", "/users", map[string]any{"user": map[string]any{"name": "New Person", "email": "new.person@example.com", "role": "user"}}, 201},
		{"POST", "/users/{id}/contact_methods", "/users/" + u.ID + "/contact_methods", map[string]any{"contact_method": map[string]any{"type": "sms_contact_method", "label": "Home", "address": "5550001111", "country_code": 1}}, 201},
		{"GET", "/teams", "/teams", nil, 200},
		{"GET", "/teams/{id}", "/teams/" + team.ID, nil, 200},
		{"GET", "/teams/{id}/members", "/teams/" + team.ID + "/members", nil, 200},
		{"POST", "/teams", "/teams", map[string]any{"team": map[string]any{"type": "team", "name": "Search"}}, 201},
		{"GET", "/services", "/services", nil, 200},
		{"GET", "/services/{id}", "/services/" + svc.ID, nil, 200},
		{"GET", "/services/{id}/integrations/{integration_id}", "/services/" + svc.ID + "/integrations/" + svc.Integrations[0].ID, nil, 200},
		{"POST", "/services/{id}/integrations", "/services/" + svc.ID + "/integrations", map[string]any{"integration": map[string]any{"type": "events_api_v2_inbound_integration", "name": "More"}}, 201},
		{"GET", "/escalation_policies", "/escalation_policies", nil, 200},
		{"GET", "/escalation_policies/{id}", "/escalation_policies/" + ep.ID, nil, 200},
		{"GET", "/schedules", "/schedules", nil, 200},
		{"GET", "/schedules/{id}", "/schedules/" + sc.ID + "?since=2026-03-01T00:00:00Z&until=2026-03-15T00:00:00Z", nil, 200},
		{"GET", "/schedules/{id}/users", "/schedules/" + sc.ID + "/users", nil, 200},
		{"GET", "/oncalls", "/oncalls?since=2026-03-09T00:00:00Z&until=2026-03-12T00:00:00Z&limit=100", nil, 200},
		{"GET", "/priorities", "/priorities", nil, 200},
		{"GET", "/incidents", "/incidents?limit=100", nil, 200},
		{"GET", "/incidents", "/incidents?limit=20&include[]=assignees&include[]=acknowledgers&include[]=services&include[]=escalation_policies&include[]=teams&include[]=first_trigger_log_entries", nil, 200},
		{"GET", "/incidents/{id}", "/incidents/" + open.ID, nil, 200},
		{"GET", "/incidents/{id}/log_entries", "/incidents/" + open.ID + "/log_entries", nil, 200},
		{"GET", "/incidents/{id}/alerts", "/incidents/" + open.ID + "/alerts", nil, 200},
		{"GET", "/incidents/{id}/alerts/{alert_id}", "/incidents/" + open.ID + "/alerts/" + open.Alerts[0].ID, nil, 200},
		{"GET", "/incidents/{id}/notes", "/incidents/" + withNote.ID + "/notes", nil, 200},
		{"GET", "/log_entries", "/log_entries?limit=100", nil, 200},
		{"GET", "/log_entries/{id}", "/log_entries/" + open.LogEntries[0].ID, nil, 200},
		{"GET", "/maintenance_windows", "/maintenance_windows", nil, 200},
		{"POST", "/maintenance_windows", "/maintenance_windows", map[string]any{"maintenance_window": map[string]any{"type": "maintenance_window",
			"start_time": "2026-03-11T00:00:00Z", "end_time": "2026-03-11T02:00:00Z", "services": []any{map[string]any{"id": svc.ID, "type": "service_reference"}}}}, 201},
		{"POST", "/incidents", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": "Checked", "service": map[string]any{"id": svc.ID, "type": "service_reference"}}}, 201},
		{"PUT", "/incidents/{id}", "/incidents/" + open.ID, map[string]any{"incident": map[string]any{"type": "incident", "status": "acknowledged"}}, 200},
		{"PUT", "/incidents", "/incidents", map[string]any{"incidents": []any{map[string]any{"id": open.ID, "type": "incident_reference", "status": "acknowledged"}}}, 200},
		{"POST", "/incidents/{id}/notes", "/incidents/" + open.ID + "/notes", map[string]any{"note": map[string]any{"content": "checked"}}, 200},
		{"POST", "/incidents/{id}/snooze", "/incidents/" + open.ID + "/snooze", map[string]any{"duration": 600}, 201},
		{"POST", "/analytics/metrics/incidents/all", "/analytics/metrics/incidents/all", map[string]any{"aggregate_unit": "week"}, 200},
		{"POST", "/analytics/metrics/incidents/services/all", "/analytics/metrics/incidents/services/all", map[string]any{}, 200},
		{"POST", "/analytics/metrics/incidents/teams/all", "/analytics/metrics/incidents/teams/all", map[string]any{}, 200},
		{"POST", "/analytics/raw/incidents", "/analytics/raw/incidents", map[string]any{"limit": 50}, 200},
		{"GET", "/incidents/{id}/past_incidents", "/incidents/" + open.ID + "/past_incidents?total=true", nil, 200},
		{"GET", "/incidents/{id}/related_incidents", "/incidents/" + open.ID + "/related_incidents", nil, 200},
		{"GET", "/incidents/{id}/outlier_incident", "/incidents/" + open.ID + "/outlier_incident?since=2020-01-01T00:00:00Z", nil, 200},
		{"POST", "/schedules", "/schedules", map[string]any{"schedule": map[string]any{"type": "schedule", "name": "Checked", "time_zone": "UTC",
			"schedule_layers": []any{map[string]any{"start": "2026-03-01T00:00:00Z", "rotation_virtual_start": "2026-03-01T00:00:00Z",
				"rotation_turn_length_seconds": 86400, "users": []any{map[string]any{"user": map[string]any{"id": u.ID, "type": "user_reference"}}}}}}}, 201},
		{"GET", "/change_events", "/change_events", nil, 200},
		{"GET", "/incidents/{id}/related_change_events", "/incidents/" + open.ID + "/related_change_events", nil, 200},
		{"GET", "/audit/records", "/audit/records?limit=5", nil, 200},
		{"GET", "/users/{id}/audit/records", "/users/" + u.ID + "/audit/records", nil, 200},
		{"GET", "/services/{id}/audit/records", "/services/" + svc.ID + "/audit/records", nil, 200},
		{"GET", "/incidents/{id}", "/incidents/PNOPE00", nil, 404},
		{"GET", "/incidents", "/incidents?offset=10000", nil, 400},
	}
	for _, o := range ops {
		t.Run(o.method+" "+o.path, func(t *testing.T) {
			status, body := call(t, s, o.method, o.path, o.body, from...)
			if status != o.status {
				t.Fatalf("status %d, want %d: %v", status, o.status, body)
			}
			sch, ok := c.responseSchema(o.tmpl, o.method, status)
			if !ok {
				t.Fatalf("the description has no %d answer for %s %s", status, o.method, o.tmpl)
			}
			var v any = body
			if arr, ok := body["array"]; ok && len(body) == 1 {
				v = arr
			}
			if errs := c.check(v, sch, "$", 0); len(errs) > 0 {
				if len(errs) > 15 {
					errs = append(errs[:15], fmt.Sprintf("... and %d more", len(errs)-15))
				}
				t.Errorf("answer does not match the schema:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// The checker must catch what is wrong, or the conformance test proves
// nothing.
func TestCheckerCatchesMismatches(t *testing.T) {
	c := &checker{spec: loadSpec(t)}
	incident := c.resolve("#/components/schemas/Incident")
	good := map[string]any{"id": "PX", "type": "incident", "status": "triggered", "incident_number": 3.0}
	if errs := c.check(good, incident, "$", 0); len(errs) > 0 {
		t.Fatalf("good incident refused: %v", errs)
	}
	for name, bad := range map[string]map[string]any{
		"enum":    {"status": "sleeping"},
		"type":    {"incident_number": "three"},
		"integer": {"incident_number": 2.5},
		"nested":  {"service": map[string]any{"id": "PS", "type": "nonsense"}},
	} {
		if errs := c.check(bad, incident, "$", 0); len(errs) == 0 {
			t.Errorf("%s: a bad incident passed", name)
		}
	}
	reference := c.resolve("#/components/schemas/Reference")
	if errs := c.check(map[string]any{"id": "PX"}, reference, "$", 0); len(errs) == 0 {
		t.Error("a reference without type passed")
	}
}
