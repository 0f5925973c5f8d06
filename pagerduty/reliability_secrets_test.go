package pagerduty_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/internal/reliability"
	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/pdtest"
)

// TestReliabilityTokenNeverLogged runs a client with a known token and a
// debug logger through retries, 429s, dropped connections, a refused
// credential and bad input, and checks that the token appears in no log
// line and no error message, whether printed with %v or %+v.
func TestReliabilityTokenNeverLogged(t *testing.T) {
	const token = "u+S3cr3tT0kenNeverShown"
	pd := pdtest.NewServer(pdtest.WithToken(token), pdtest.WithFaults(pdtest.Faults{
		Errors:    []pdtest.ErrorFault{{Status: 429, Every: 3, RetryAfter: 1}, {Status: 502, Every: 5}},
		DropEvery: 4,
	}))
	t.Cleanup(pd.Close)
	logs := reliability.NewLogBuffer()
	newClient := func(tok string) *pagerduty.Client {
		c, err := pagerduty.NewClient(pagerduty.WithToken(tok), pagerduty.WithBaseURL(pd.URL), pagerduty.WithLogger(logs.Logger()),
			pagerduty.WithRetry(pagerduty.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := newClient(token)
	wrong := newClient(token + "x") // a refused credential that contains the real one
	ctx := context.Background()
	var errs []error
	for range 6 {
		_, err := c.Abilities.List(ctx)
		errs = append(errs, err)
	}
	_, err := wrong.Abilities.List(ctx)
	errs = append(errs, err)
	_, err = c.Incidents.Get(ctx, "../users", nil)
	errs = append(errs, err)
	_, err = c.Incidents.Create(ctx, &pagerduty.CreateIncidentParams{Title: "x", ServiceID: "PWIXJZS"})
	errs = append(errs, err)
	for _, err := range c.Incidents.List(ctx, nil) {
		if err != nil {
			errs = append(errs, err)
			break
		}
	}
	failed := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		failed++
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			if strings.Contains(s, token) {
				t.Errorf("an error holds the token: %s", s)
			}
		}
	}
	if failed == 0 {
		t.Fatal("no call failed: the test did not try the error paths")
	}
	if logs.String() == "" {
		t.Fatal("nothing was logged: the test did not try the log paths")
	}
	if logs.Contains(token) || logs.Contains("S3cr3t") {
		t.Errorf("the logs hold the token:\n%s", logs)
	}
}
