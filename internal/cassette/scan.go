package cassette

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A Finding is something in a file that looks like a credential. It never
// holds the suspected secret itself, so it is safe to print.
type Finding struct {
	File string // path of the file, when scanned with ScanDir
	Line int    // 1-based line number
	What string // what was found, without its value
}

// String formats the finding as file:line: what.
func (f Finding) String() string {
	if f.File == "" {
		return fmt.Sprintf("line %d: %s", f.Line, f.What)
	}
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.What)
}

type secretRule struct {
	what string
	re   *regexp.Regexp // the value to check is the last submatch
}

// quoteish matches the quotes and escaping a key may carry in YAML or JSON.
const quoteish = `[\\"']*`

var secretRules = []secretRule{
	{"a credential header value other than " + Redacted,
		regexp.MustCompile(`(?i)(?:^|[\s{,"'])(?:proxy-)?(?:authorization|x-api-key|set-cookie|cookie)` + quoteish + `\s*:\s*` + quoteish + `([^\s"'\\\[\]][^"'\\\n]*)`)},
	{"a PagerDuty API token (Token token=...)",
		regexp.MustCompile(`(?i)token\s+token=` + quoteish + `([^\s"'\\,&}]+)`)},
	{"a Bearer token",
		regexp.MustCompile(`(?i)bearer\s+([A-Za-z0-9\-._~+/]{8,}=*)`)},
	{"a secret field (client_secret, access_token, routing_key, ...) with a value",
		regexp.MustCompile(`(?i)(?:client_secret|access_token|refresh_token|id_token|routing_key|integration_key)` + quoteish + `\s*[:=]\s*` + quoteish + `([^\s"'\\,&}\]]+)`)},
}

// credentialListLine starts a YAML list of header or form values, as go-vcr
// writes them ("Authorization:" alone on its line, values below as
// "- value").
var credentialListLine = regexp.MustCompile(`(?i)^\s*(?:proxy-)?(?:authorization|x-api-key|set-cookie|cookie|token|access_token|refresh_token|id_token|client_secret|password|secret|api_key|routing_key|integration_key):\s*$`)

var yamlListItem = regexp.MustCompile(`^\s*-\s*(.*)$`)

// Scan reports every line of data that looks like it holds a credential:
// credential headers whose value is not REDACTED, "Token token=" or Bearer
// tokens, and secret fields such as client_secret with a real value.
func Scan(data []byte) []Finding {
	var out []Finding
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	inHeader := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if inHeader {
			if m := yamlListItem.FindStringSubmatch(line); m != nil {
				if !isPlaceholder(m[1]) {
					out = append(out, Finding{Line: n, What: secretRules[0].what})
				}
				continue
			}
			inHeader = false
		}
		if !hasHint(line) {
			continue
		}
		if credentialListLine.MatchString(line) {
			inHeader = true
			continue
		}
		if what := scanLine(line); what != "" {
			out = append(out, Finding{Line: n, What: what})
		}
	}
	return out
}

// hintWords are in every line a rule can match (compared in lower case);
// lines without any are skipped without running the expressions.
var hintWords = []string{"authorization", "api-key", "cookie", "token", "bearer", "secret", "routing_key", "integration_key"}

func hasHint(line string) bool {
	lower := strings.ToLower(line)
	return slices.ContainsFunc(hintWords, func(w string) bool { return strings.Contains(lower, w) })
}

// scanLine returns what the first matching rule found on a line, or "".
func scanLine(line string) string {
	for _, r := range secretRules {
		for _, m := range r.re.FindAllStringSubmatch(line, -1) {
			if !isPlaceholder(m[len(m)-1]) {
				return r.what
			}
		}
	}
	return ""
}

// isPlaceholder accepts the redaction marker (optionally after an auth
// scheme, as in "Token token=REDACTED") and empty values.
func isPlaceholder(v string) bool {
	v = strings.Trim(strings.TrimSpace(v), `"'\`)
	if v == "" || v == "null" || v == "~" {
		return true
	}
	fields := strings.Fields(v)
	last := fields[len(fields)-1]
	if i := strings.LastIndexByte(last, '='); i >= 0 && strings.HasPrefix(strings.ToLower(last), "token=") {
		last = last[i+1:]
	}
	return strings.Trim(last, `"'\,`) == Redacted
}

// ScanDir scans every regular file under dir and returns the findings with
// their file paths relative to dir.
func ScanDir(dir string) ([]Finding, error) {
	var out []Finding
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			rel = path
		}
		for _, f := range Scan(data) {
			f.File = filepath.ToSlash(rel)
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("cassette: scanning %s: %w", dir, err)
	}
	return out, nil
}
