package reliability

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// moduleRoot walks up from the package directory to the go.mod of the
// module.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

var (
	// | ... | `pkg` `TestName` | ... |
	rowTest = regexp.MustCompile("\\| `([a-z0-9/]+)` `((?:Test|Fuzz)[A-Za-z0-9_]*)` \\|")
	funcDef = regexp.MustCompile(`(?m)^func ((?:TestReliability|Fuzz)[A-Za-z0-9_]*)\(`)
)

// proofPackages are the packages whose TestReliability* functions are
// proofs of this file's kind. (Elsewhere the word may mean something else:
// the insights package reports on services' reliability.) Fuzz targets
// count in every package.
var proofPackages = map[string]bool{
	"pagerduty": true, "pagerduty/events": true, "pagerduty/webhooks": true,
	"mcptools": true, "transport": true, "internal/reliability": true,
}

// TestDocumentMatchesTests checks RELIABILITY.md against the source tree:
// each test it names exists in the package it names, and each Fuzz*
// function of the module, and each TestReliability* function of the
// packages that prove reliability, is named in it.
func TestDocumentMatchesTests(t *testing.T) {
	root := moduleRoot(t)
	f, err := os.Open(filepath.Join(root, "RELIABILITY.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]bool{} // "pkg TestName"
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		for _, m := range rowTest.FindAllStringSubmatch(sc.Text(), -1) {
			listed[m[1]+" "+m[2]] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(listed) == 0 {
		t.Fatal("RELIABILITY.md names no test")
	}

	defined := map[string]bool{} // "pkg TestName", for the functions that must be listed
	all := map[string]bool{}     // every Test/Fuzz function, for the names the file may use
	anyFunc := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)[A-Za-z0-9_]*)\(`)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bench") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		for _, m := range anyFunc.FindAllStringSubmatch(string(b), -1) {
			all[pkg+" "+m[1]] = true
		}
		for _, m := range funcDef.FindAllStringSubmatch(string(b), -1) {
			if strings.HasPrefix(m[1], "Fuzz") || proofPackages[pkg] {
				defined[pkg+" "+m[1]] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range listed {
		if !all[k] {
			t.Errorf("RELIABILITY.md names %s, which does not exist", k)
		}
	}
	for k := range defined {
		if !listed[k] {
			t.Errorf("%s is not listed in RELIABILITY.md", k)
		}
	}
}
