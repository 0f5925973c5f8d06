package pagerduty_test

import (
	"iter"
	"testing"
)

// The helpers below are shared by the tests of every resource area: they read
// iterators and unwrap call results, failing the test on an error.

// readSome reads at most n items of seq, failing the test on an error; what
// names the listing in the failure.
func readSome[T any](t *testing.T, what string, seq iter.Seq2[T, error], n int) []T {
	t.Helper()
	var out []T
	for it, err := range seq {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		out = append(out, it)
		if len(out) == n {
			break
		}
	}
	return out
}

// readN reads at most n items of seq, failing the test on an error.
func readN[T any](t *testing.T, seq iter.Seq2[T, error], n int) []T {
	t.Helper()
	return readSome(t, "listing", seq, n)
}

// takeFromSeq is readN under the name the incident tests use.
func takeFromSeq[T any](t *testing.T, seq iter.Seq2[T, error], n int) []T {
	t.Helper()
	return readSome(t, "listing", seq, n)
}

// readUpTo reads at most n items of seq and fails the test on an error or
// when seq yields nothing.
func readUpTo[T any](t *testing.T, what string, seq iter.Seq2[T, error], n int) []T {
	t.Helper()
	out := readSome(t, what, seq, n)
	if len(out) == 0 {
		t.Fatalf("%s: no items", what)
	}
	return out
}

// drain reads every item of seq, stopping at the first error.
func drain[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for it, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}

// firstOf returns the first item of seq, or its first error.
func firstOf[T any](seq iter.Seq2[T, error]) (T, error) {
	var zero T
	for it, err := range seq {
		return it, err
	}
	return zero, nil
}

// seqErr returns the first error of seq, reading at most one item.
func seqErr[T any](seq iter.Seq2[T, error]) error {
	_, err := firstOf(seq)
	return err
}

// pointerTo returns a pointer to a copy of v.
func pointerTo[T any](v T) *T { return &v }

// outcome holds what a call returned, for must(call).ok(t, what).
type outcome[T any] struct {
	v   T
	err error
}

// must captures a call's value and error, for must(call).ok(t, what).
func must[T any](v T, err error) outcome[T] { return outcome[T]{v, err} }

// ok returns the value, or fails the test with the call's error.
func (o outcome[T]) ok(t *testing.T, what string) T {
	t.Helper()
	if o.err != nil {
		t.Fatalf("%s: %v", what, o.err)
	}
	return o.v
}

// mustDo fails the test when err, the result of the call what, is not nil.
func mustDo(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// pathOutcome holds what a call with two results returned.
type pathOutcome[A, B any] struct {
	a   A
	b   B
	err error
}

// mustPath captures a two-result call, for mustPath(call).ok(t, what).
func mustPath[A, B any](a A, b B, err error) pathOutcome[A, B] { return pathOutcome[A, B]{a, b, err} }

// ok returns the values, or fails the test with the call's error.
func (o pathOutcome[A, B]) ok(t *testing.T, what string) (A, B) {
	t.Helper()
	if o.err != nil {
		t.Fatalf("%s: %v", what, o.err)
	}
	return o.a, o.b
}
