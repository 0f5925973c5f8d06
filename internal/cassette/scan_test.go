package cassette

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		lines []int // lines expected to be reported
	}{
		{"redacted vcr header", "headers:\n    Authorization:\n        - REDACTED\n    Accept:\n        - x\n", nil},
		{"real vcr header", "headers:\n    Authorization:\n        - Token token=y_NbAkKc66ryYTWUXYEu\n", []int{3}},
		{"second value of a header list", "    Set-Cookie:\n        - REDACTED\n        - session=abc\n", []int{3}},
		{"header list ends", "    Cookie:\n        - REDACTED\n    Accept:\n        - Token or not\n", nil},
		{"inline JSON header", `{"Authorization": "Bearer abcdefghijkl"}`, []int{1}},
		{"inline redacted header", `{"Authorization": "REDACTED"}`, nil},
		{"token in prose", "use Token token=u+abcdefgh1234 here", []int{1}},
		{"redacted token scheme", "Authorization: Token token=REDACTED", nil},
		{"bearer", "x Bearer eyJhbGciOiJIUzI1NiJ9.e30.x y", []int{1}},
		{"client secret in a query", "url: https://x/oauth?client_secret=abc&x=1", []int{1}},
		{"client secret redacted", "url: https://x/oauth?client_secret=REDACTED&x=1", nil},
		{"escaped JSON in YAML", `body: "{\"access_token\":\"at-123\"}"`, []int{1}},
		{"escaped JSON redacted", `body: "{\"access_token\":\"REDACTED\",\"routing_key\":\"REDACTED\"}"`, nil},
		{"routing key", `{"routing_key":"R0123456789abcdef0123456789abcdef"}`, []int{1}},
		{"form value list", "form:\n    client_secret:\n        - abcdef\n    scope:\n        - read\n", []int{3}},
		{"redacted form value list", "form:\n    client_secret:\n        - REDACTED\n", nil},
		{"harmless words", "description: authorization tokens and bearer rules\nclient_secret\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Scan([]byte(tc.text))
			var lines []int
			for _, f := range got {
				lines = append(lines, f.Line)
			}
			if !equalInts(lines, tc.lines) {
				t.Errorf("Scan reports lines %v, want %v (%v)", lines, tc.lines, got)
			}
			for _, f := range got {
				if strings.Contains(f.String(), "abc") || strings.Contains(f.String(), "y_Nb") {
					t.Errorf("a finding shows the secret: %s", f)
				}
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestScanDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pkg", "leak.yaml"), []byte("a\n    Authorization:\n        - Token token=zzzzzzzzzz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clean.yaml"), []byte("    Authorization:\n        - REDACTED\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ScanDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].File != "pkg/leak.yaml" || got[0].Line != 3 {
		t.Errorf("ScanDir = %v, want one finding at pkg/leak.yaml:3", got)
	}
	if _, err := ScanDir(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("ScanDir of a missing directory: want an error")
	}
}

// TestCassettesHaveNoSecrets guards every committed recording.
func TestCassettesHaveNoSecrets(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	findings, err := ScanDir(filepath.Join(root, "cassettes"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("cassettes/%s: remove the credential and re-record (the cassette helper redacts before saving)", f)
	}
}
