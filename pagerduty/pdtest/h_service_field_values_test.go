package pdtest

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

const fieldValuesPath = "/services/PV00001/custom_fields/values"

// fieldsByName indexes the custom_fields of an answer by name.
func fieldsByName(t *testing.T, m map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, f := range items(m, "custom_fields") {
		out[f["name"].(string)] = f
	}
	return out
}

func TestServiceFieldValues(t *testing.T) {
	s := newSmall(t)
	if st, m := call(t, s, "GET", fieldValuesPath, nil); st != 200 || len(items(m, "custom_fields")) != 0 || m["custom_fields"] == nil {
		t.Fatalf("GET before any value = %d %v, want 200 and an empty list", st, m)
	}

	// First values define the fields, by name.
	st, m := call(t, s, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{
		map[string]any{"name": "environment", "value": "production"},
		map[string]any{"name": "regions", "value": []any{"eu", "us"}},
		map[string]any{"name": "tier", "value": 1},
		map[string]any{"name": "critical", "value": true},
		map[string]any{"name": "weight", "value": 0.5},
	}})
	if st != 201 {
		t.Fatalf("PUT = %d %v, want 201", st, m)
	}
	set := fieldsByName(t, m)
	for name, want := range map[string][2]string{
		"environment": {"string", "single_value"}, "regions": {"string", "multi_value"}, "tier": {"integer", "single_value"},
		"critical": {"boolean", "single_value"}, "weight": {"float", "single_value"},
	} {
		f := set[name]
		if f == nil || f["id"] == "" || f["type"] != "field_value" || f["data_type"] != want[0] || f["field_type"] != want[1] || f["display_name"] != name {
			t.Errorf("field %s = %v, want data type %s, field type %s", name, f, want[0], want[1])
		}
	}
	envID := set["environment"]["id"].(string)

	// Then by ID or by name; the fields not named keep their values.
	st, m = call(t, s, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{
		map[string]any{"id": envID, "value": "staging"},
		map[string]any{"name": "tier", "value": nil},
	}})
	if st != 201 || len(items(m, "custom_fields")) != 2 {
		t.Fatalf("PUT by ID = %d %v, want 201 with the two fields set", st, m)
	}
	_, m = call(t, s, "GET", fieldValuesPath, nil)
	got := fieldsByName(t, m)
	if len(got) != 5 || got["environment"]["value"] != "staging" || got["tier"]["value"] != nil ||
		!reflect.DeepEqual(got["regions"]["value"], []any{"eu", "us"}) || got["critical"]["value"] != true || got["weight"]["value"] != 0.5 {
		t.Errorf("GET after the updates = %v", got)
	}

	// Every field of the account is listed for every service, unset ones
	// as null.
	other := small()
	other.Services = append(other.Services, Service{ID: "PV00002", Name: "Web", EscalationPolicyID: "PE00001"})
	s2 := NewServer(WithData(other), WithNow(fixedNow))
	t.Cleanup(s2.Close)
	call(t, s2, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": "production"}}})
	_, m = call(t, s2, "GET", "/services/PV00002/custom_fields/values", nil)
	if f := fieldsByName(t, m)["environment"]; f == nil || f["value"] != nil {
		t.Errorf("another service's fields = %v, want environment unset", m)
	}
}

func TestServiceFieldValuesRefuseBadChanges(t *testing.T) {
	s := newSmall(t)
	st, m := call(t, s, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{
		map[string]any{"name": "environment", "value": "production"},
		map[string]any{"name": "regions", "value": []any{"eu"}},
		map[string]any{"name": "tier", "value": 1},
		map[string]any{"name": "since", "value": "x"},
	}})
	if st != 201 {
		t.Fatalf("PUT = %d %v", st, m)
	}
	before := fieldsByName(t, func() map[string]any { _, m := call(t, s, "GET", fieldValuesPath, nil); return m }())

	for _, tc := range []struct {
		name string
		body any
		want string
	}{
		{"no list", map[string]any{}, "custom_fields is missing or empty"},
		{"empty list", map[string]any{"custom_fields": []any{}}, "custom_fields is missing or empty"},
		{"neither ID nor name", map[string]any{"custom_fields": []any{map[string]any{"value": "x"}}}, "by id or by name, exactly one"},
		{"both ID and name", map[string]any{"custom_fields": []any{map[string]any{"id": "P1", "name": "environment", "value": "x"}}}, "exactly one"},
		{"no value", map[string]any{"custom_fields": []any{map[string]any{"name": "environment"}}}, "custom_fields[0].value is missing"},
		{"wrapped value", map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": map[string]any{"value": "x"}}}}, "is an object; send the value itself"},
		{"unknown ID", map[string]any{"custom_fields": []any{map[string]any{"id": "PNOPE00", "value": "x"}}}, `id "PNOPE00" is not a custom field`},
		{"bad name", map[string]any{"custom_fields": []any{map[string]any{"name": "Environment", "value": "x"}}}, "lowercase letters, digits and underscores"},
		{"new field from null", map[string]any{"custom_fields": []any{map[string]any{"name": "owner", "value": nil}}}, "a first value cannot be null"},
		{"long string", map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": strings.Repeat("x", 201)}}}, "201 characters long"},
		{"too many items", map[string]any{"custom_fields": []any{map[string]any{"name": "regions", "value": []any{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}}}}, "11 items"},
		{"repeated item", map[string]any{"custom_fields": []any{map[string]any{"name": "regions", "value": []any{"eu", "eu"}}}}, `lists "eu" twice`},
		{"number in a list", map[string]any{"custom_fields": []any{map[string]any{"name": "regions", "value": []any{"eu", 1}}}}, "value[1] is not a string"},
		{"list for one value", map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": []any{"a"}}}}, "send one value, not a list"},
		{"one value for a list", map[string]any{"custom_fields": []any{map[string]any{"name": "regions", "value": "eu"}}}, "holds a list of strings"},
		{"wrong type", map[string]any{"custom_fields": []any{map[string]any{"name": "tier", "value": "gold"}}}, `does not fit the field "tier", which holds integer values`},
		{"fraction for an integer", map[string]any{"custom_fields": []any{map[string]any{"name": "tier", "value": 1.5}}}, "which holds integer values"},
		{"twice", map[string]any{"custom_fields": []any{
			map[string]any{"name": "environment", "value": "a"}, map[string]any{"name": "environment", "value": "b"}}}, "a second time"},
		// One bad change among good ones changes nothing.
		{"all or nothing", map[string]any{"custom_fields": []any{
			map[string]any{"name": "environment", "value": "staging"}, map[string]any{"name": "owner", "value": "jane"},
			map[string]any{"name": "tier", "value": true}}}, "custom_fields[2].value does not fit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, m := call(t, s, "PUT", fieldValuesPath, tc.body)
			if msg := strings.Join(errorList(m), "; "); st != 400 || errCode(m) != CodeInvalidInput || !strings.Contains(msg, tc.want) {
				t.Errorf("= %d %v, want 400 (2001) saying %q", st, m, tc.want)
			}
			_, m = call(t, s, "GET", fieldValuesPath, nil)
			if after := fieldsByName(t, m); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused change changed the values:\nbefore %v\nafter  %v", before, after)
			}
		})
	}

	for _, path := range []string{"/services/PNOPE00/custom_fields/values"} {
		if st, m := call(t, s, "GET", path, nil); st != 404 || errCode(m) != CodeNotFound {
			t.Errorf("GET %s = %d %v, want 404", path, st, m)
		}
		if st, m := call(t, s, "PUT", path, map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": "x"}}}); st != 404 {
			t.Errorf("PUT %s = %d %v, want 404", path, st, m)
		}
	}
}

// The answers have the properties of the description's response examples,
// and plain values where the examples have them (the API's form; the
// description's schema wraps them in objects).
func TestServiceFieldValuesMatchTheExamples(t *testing.T) {
	spec := loadSpec(t)
	paths, _ := spec["paths"].(map[string]any)
	item, _ := paths["/services/{id}/custom_fields/values"].(map[string]any)
	s := newSmall(t)
	call(t, s, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": "production"}}})
	for _, method := range []string{"get", "put"} {
		op, _ := item[method].(map[string]any)
		responses, _ := op["responses"].(map[string]any)
		var example map[string]any
		for _, code := range []string{"200", "201"} {
			resp, _ := responses[code].(map[string]any)
			content, _ := resp["content"].(map[string]any)
			media, _ := content["application/json"].(map[string]any)
			exs, _ := media["examples"].(map[string]any)
			for _, ex := range exs {
				if v, ok := ex.(map[string]any)["value"].(map[string]any); ok {
					example = items(v, "custom_fields")[0]
				}
			}
		}
		if example == nil {
			t.Fatalf("%s: the description has no response example", method)
		}
		var m map[string]any
		if method == "get" {
			_, m = call(t, s, "GET", fieldValuesPath, nil)
		} else {
			_, m = call(t, s, "PUT", fieldValuesPath, map[string]any{"custom_fields": []any{map[string]any{"name": "environment", "value": "staging"}}})
		}
		got := items(m, "custom_fields")
		if len(got) != 1 {
			t.Fatalf("%s: %v", method, m)
		}
		var wantKeys, gotKeys []string
		for k := range example {
			wantKeys = append(wantKeys, k)
		}
		for k := range got[0] {
			gotKeys = append(gotKeys, k)
		}
		slices.Sort(wantKeys)
		slices.Sort(gotKeys)
		if !slices.Equal(gotKeys, wantKeys) {
			t.Errorf("%s: properties %v, the description's example has %v", method, gotKeys, wantKeys)
		}
		if _, plain := got[0]["value"].(string); !plain {
			t.Errorf("%s: value %v is not a plain string", method, got[0]["value"])
		}
	}
}
