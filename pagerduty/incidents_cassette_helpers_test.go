package pagerduty_test

import (
	"iter"
	"testing"
)

// takeFromSeq reads at most n items of seq and fails the test on an error.
func takeFromSeq[T any](t *testing.T, seq iter.Seq2[T, error], n int) []T {
	t.Helper()
	var out []T
	for it, err := range seq {
		if err != nil {
			t.Fatalf("listing: %v", err)
		}
		out = append(out, it)
		if len(out) == n {
			break
		}
	}
	return out
}
