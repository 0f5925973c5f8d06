package pagerduty_test

import (
	"reflect"
	"testing"

	"github.com/pdkit/pdkit/internal/opcoverage"
	"github.com/pdkit/pdkit/internal/openapi"
	"github.com/pdkit/pdkit/pagerduty"
)

// Every method of every service of Client is listed in the operations table:
// a method cannot be added without saying which API operation it calls.
func TestEveryMethodIsInTheOperationsTable(t *testing.T) {
	ops := pagerduty.Operations()
	if len(ops) == 0 {
		t.Fatal("the operations table is empty or malformed (pagerduty/operations/*.tsv)")
	}
	listed := map[string]bool{}
	for _, op := range ops {
		if listed[op.Method] {
			t.Errorf("%s is listed twice", op.Method)
		}
		listed[op.Method] = true
	}
	c, err := pagerduty.NewClient(pagerduty.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	cv := reflect.ValueOf(c).Elem()
	methods := map[string]bool{}
	for i := 0; i < cv.NumField(); i++ {
		f := cv.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			name := f.Name + "." + f.Type.Method(j).Name
			methods[name] = true
			if !listed[name] {
				t.Errorf("%s is not in the operations table", name)
			}
		}
	}
	for name := range listed {
		if !methods[name] {
			t.Errorf("the operations table lists %s, which is not a method of a Client service", name)
		}
	}
}

// unrecordable lists the operations that no cassette can exercise yet, and
// why. Each is unit-tested against a fake server instead. An entry must go
// once a cassette exercises the operation (the test says so).
var unrecordable = map[string]string{}

// Every row of the table names an operation of PagerDuty's OpenAPI
// description with the same HTTP method and path, and a recorded cassette
// exercises it.
func TestOperationsMatchTheDescriptionAndAreRecorded(t *testing.T) {
	path := openapi.Find()
	if path == "" {
		t.Skip("PagerDuty's OpenAPI description was not found: set PAGERDUTY_OPENAPI to rest-v2.openapi.json, or put ../shared/pagerduty-api beside the module")
	}
	spec, err := openapi.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]openapi.Op{}
	for _, op := range spec.Operations() {
		byID[op.OperationID] = op
	}
	exercised, err := opcoverage.Exercised(spec, "../cassettes")
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range pagerduty.Operations() {
		want, ok := byID[op.OperationID]
		switch {
		case !ok:
			t.Errorf("%s: operationId %q is not in the description", op.Method, op.OperationID)
			continue
		case want.Method != op.HTTPMethod || want.Path != op.Path:
			t.Errorf("%s: the table says %s %s, the description says %s %s for %s", op.Method, op.HTTPMethod, op.Path, want.Method, want.Path, op.OperationID)
		}
		recorded := len(exercised[op.OperationID]) > 0
		_, excused := unrecordable[op.OperationID]
		switch {
		case !recorded && !excused:
			t.Errorf("%s (%s): no cassette exercises it; record one (see internal/cassette)", op.Method, op.OperationID)
		case recorded && excused:
			t.Errorf("%s (%s): a cassette exercises it now: remove it from unrecordable", op.Method, op.OperationID)
		}
	}
}
