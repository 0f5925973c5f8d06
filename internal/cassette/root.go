package cassette

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ModuleRoot returns the directory holding go.mod, found by walking up from
// the working directory. Tests run in their package directory, so this is the
// root of the pdkit module wherever the repository is checked out.
func ModuleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("cassette: finding the module root: %w", err)
	}
	return findModuleRoot(wd)
}

// errNoModule reports that no go.mod was found above a directory.
var errNoModule = errors.New("no go.mod found in this directory or any parent")

func findModuleRoot(dir string) (string, error) {
	dir = filepath.Clean(dir)
	for {
		if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("cassette: finding the module root from %s: %w", dir, errNoModule)
		}
		dir = parent
	}
}
