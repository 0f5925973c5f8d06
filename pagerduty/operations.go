package pagerduty

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// Operation ties a method of this package to the PagerDuty API operation it
// calls, named by its operationId in PagerDuty's OpenAPI description.
type Operation struct {
	// Method is the Go method, as "Service.Method" ("Incidents.List").
	Method string
	// OperationID is the API's name of the operation ("listIncidents").
	OperationID string
	// HTTPMethod and Path are the request's method and path template
	// ("GET", "/incidents/{id}").
	HTTPMethod, Path string
}

//go:embed operations/*.tsv
var operationFiles embed.FS

// The table is data compiled into the binary; it is parsed once.
var loadOperations = sync.OnceValues(func() ([]Operation, error) {
	var ops []Operation
	err := fs.WalkDir(operationFiles, "operations", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := operationFiles.ReadFile(name)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 4 {
				return fmt.Errorf("%s:%d: want 4 tab-separated fields (method, operationId, HTTP method, path), have %d", name, i+1, len(f))
			}
			ops = append(ops, Operation{Method: f[0], OperationID: f[1], HTTPMethod: f[2], Path: f[3]})
		}
		return nil
	})
	slices.SortFunc(ops, func(a, b Operation) int { return strings.Compare(a.Method, b.Method) })
	return ops, err
})

// Operations returns every API operation the client calls, sorted by
// method. Tools that need to know which permission or which endpoint a call
// uses can look it up here; the project's tests use it to check every method
// against PagerDuty's published API description.
func Operations() []Operation {
	ops, err := loadOperations()
	if err != nil {
		// The table is compiled in and checked by the tests; a malformed
		// line is a build defect, reported as an empty table.
		return nil
	}
	return slices.Clone(ops)
}
