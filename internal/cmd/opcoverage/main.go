// Command opcoverage prints how much of PagerDuty's REST API v2 the
// pagerduty package covers, per tag of PagerDuty's OpenAPI description:
// operations with a client method, and operations exercised by a recorded
// cassette.
//
//	go run ./internal/cmd/opcoverage            # the table
//	go run ./internal/cmd/opcoverage -missing   # and the operations left
//
// The description is read from $PAGERDUTY_OPENAPI or
// ../shared/pagerduty-api/rest-v2.openapi.json beside the module.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pdkit/pdkit/internal/opcoverage"
	"github.com/pdkit/pdkit/internal/openapi"
	"github.com/pdkit/pdkit/pagerduty"
)

func main() {
	missing := flag.Bool("missing", false, "list the operations that have no method")
	cassettes := flag.String("cassettes", "cassettes", "folder of recorded cassettes")
	flag.Parse()
	if err := run(*missing, *cassettes); err != nil {
		fmt.Fprintln(os.Stderr, "opcoverage:", err)
		os.Exit(1)
	}
}

func run(missing bool, cassettes string) error {
	path := openapi.Find()
	if path == "" {
		return fmt.Errorf("PagerDuty's OpenAPI description was not found: set PAGERDUTY_OPENAPI to rest-v2.openapi.json")
	}
	spec, err := openapi.Load(path)
	if err != nil {
		return err
	}
	exercised, err := opcoverage.Exercised(spec, filepath.Clean(cassettes))
	if err != nil {
		return err
	}
	return opcoverage.Measure(spec, pagerduty.Operations(), exercised).Write(os.Stdout, missing)
}
