package openapi

import (
	"os"
	"path/filepath"
)

// EnvSpec names an environment variable holding the path of the REST API
// description, overriding the default location.
const EnvSpec = "PAGERDUTY_OPENAPI"

// Default file names of PagerDuty's published descriptions.
const (
	RESTFile   = "rest-v2.openapi.json"
	EventsFile = "events-v2.openapi.json"
)

// Find returns the path of PagerDuty's REST v2 description: the file named by
// PAGERDUTY_OPENAPI if it exists, else
// ../shared/pagerduty-api/rest-v2.openapi.json relative to the module root.
// It returns "" when neither exists, so a test can skip with a clear message.
func Find() string {
	root, _ := moduleRoot()
	return find(os.Getenv(EnvSpec), root)
}

// find is Find with its inputs given: the environment's value and the module
// root ("" when unknown).
func find(env, root string) string {
	if env != "" && isFile(env) {
		return env
	}
	if root == "" {
		return ""
	}
	p := filepath.Join(root, "..", "shared", "pagerduty-api", RESTFile)
	if isFile(p) {
		return filepath.Clean(p)
	}
	return ""
}

// FindEvents returns the path of the Events API v2 description, expected next
// to the REST description that [Find] locates, or "" if it is not there.
func FindEvents() string {
	rest := Find()
	if rest == "" {
		return ""
	}
	p := filepath.Join(filepath.Dir(rest), EventsFile)
	if isFile(p) {
		return p
	}
	return ""
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// moduleRoot finds the directory holding go.mod above the working directory.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if isFile(filepath.Join(dir, "go.mod")) {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
