// Package opcoverage measures how much of PagerDuty's REST API the client
// covers: which operations of the OpenAPI description have a method (from
// pagerduty.Operations) and which are exercised by a recorded cassette.
package opcoverage

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	vcr "gopkg.in/dnaeon/go-vcr.v3/cassette"

	"github.com/pdkit/pdkit/internal/openapi"
	"github.com/pdkit/pdkit/pagerduty"
)

// Exercised returns the operationIds of the REST operations that the
// cassettes under dir replay, each with the cassette files that do.
func Exercised(spec *openapi.Spec, dir string) (map[string][]string, error) {
	out := map[string][]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(path, ".yaml") {
			return nil
		}
		cas, err := vcr.Load(strings.TrimSuffix(path, ".yaml"))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		rel, _ := filepath.Rel(dir, path)
		for _, i := range cas.Interactions {
			r, err := openapi.NewRequest(i.Request.Method, i.Request.URL, nil, nil)
			if err != nil {
				continue
			}
			if op, _, ok := spec.Match(r.Method, r.Path); ok {
				if files := out[op.OperationID]; !slices.Contains(files, rel) {
					out[op.OperationID] = append(files, rel)
				}
			}
		}
		return nil
	})
	if os.IsNotExist(err) {
		return out, nil
	}
	return out, err
}

// TagCoverage is the coverage of one tag of the description.
type TagCoverage struct {
	Tag string
	// Total counts the tag's operations; Methods those with a client
	// method; Recorded those exercised by a cassette.
	Total, Methods, Recorded int
	// Missing lists the operationIds with no method.
	Missing []string
}

// Report is the coverage of the whole description.
type Report struct {
	Tags                     []TagCoverage
	Total, Methods, Recorded int
}

// Measure computes the coverage of spec by ops and the exercised operations.
// An operation listed under several tags counts once in the totals.
func Measure(spec *openapi.Spec, ops []pagerduty.Operation, exercised map[string][]string) Report {
	hasMethod := map[string]bool{}
	for _, op := range ops {
		hasMethod[op.OperationID] = true
	}
	var r Report
	byTag := spec.OperationsByTag()
	tags := make([]string, 0, len(byTag))
	for t := range byTag {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	for _, tag := range tags {
		tc := TagCoverage{Tag: tag}
		for _, op := range byTag[tag] {
			tc.Total++
			if hasMethod[op.OperationID] {
				tc.Methods++
			} else {
				tc.Missing = append(tc.Missing, op.OperationID)
			}
			if len(exercised[op.OperationID]) > 0 {
				tc.Recorded++
			}
		}
		r.Tags = append(r.Tags, tc)
	}
	for _, op := range spec.Operations() {
		r.Total++
		if hasMethod[op.OperationID] {
			r.Methods++
		}
		if len(exercised[op.OperationID]) > 0 {
			r.Recorded++
		}
	}
	return r
}

// Write prints the report as a Markdown table, one row per tag.
func (r Report) Write(w io.Writer, showMissing bool) error {
	var b strings.Builder
	b.WriteString("| tag | operations | with a method | recorded |\n|---|---:|---:|---:|\n")
	for _, t := range r.Tags {
		fmt.Fprintf(&b, "| %s | %d | %d (%s) | %d |\n", t.Tag, t.Total, t.Methods, pct(t.Methods, t.Total), t.Recorded)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d (%s) | %d |\n", r.Total, r.Methods, pct(r.Methods, r.Total), r.Recorded)
	if showMissing {
		for _, t := range r.Tags {
			if len(t.Missing) > 0 {
				fmt.Fprintf(&b, "\n%s: %s", t.Tag, strings.Join(t.Missing, ", "))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(n, total int) string {
	if total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
}
