package reliability

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// DefaultSettle is how long CheckGoroutines waits for goroutines to end
// before it reports them as leaked.
const DefaultSettle = 5 * time.Second

// CheckGoroutines records the goroutines running now and, when the test
// ends (after the cleanups registered later, which run first), fails the
// test if goroutines started since are still running after a settle loop of
// up to DefaultSettle. Goroutines the runtime and the testing package own,
// and idle HTTP connections kept for reuse, are not counted.
//
// Call it first in a test, before the test starts servers whose Close is
// registered with t.Cleanup, so that they are closed before the check.
// Tests that use it must not run in parallel with others of their package,
// whose goroutines would be counted.
func CheckGoroutines(t testing.TB) {
	t.Helper()
	before := goroutineIDs()
	t.Cleanup(func() {
		t.Helper()
		if leaked := Leaked(before, DefaultSettle); len(leaked) > 0 {
			t.Errorf("%d goroutine(s) outlived the test:\n\n%s", len(leaked), strings.Join(leaked, "\n\n"))
		}
	})
}

// Snapshot returns the IDs of the goroutines running now, for Leaked.
func Snapshot() map[string]bool { return goroutineIDs() }

// Leaked waits up to settle for the goroutines not in before to end, and
// returns the stacks of those still running (nil when none are).
func Leaked(before map[string]bool, settle time.Duration) []string {
	deadline := time.Now().Add(settle)
	wait := time.Millisecond
	for {
		var leaked []string
		for id, stack := range goroutines() {
			if !before[id] && !ignored(stack) {
				leaked = append(leaked, stack)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			slices.Sort(leaked)
			return leaked
		}
		time.Sleep(wait)
		wait = min(wait*2, 100*time.Millisecond)
	}
}

func goroutineIDs() map[string]bool {
	ids := map[string]bool{}
	for id := range goroutines() {
		ids[id] = true
	}
	return ids
}

// goroutines returns the stack of every goroutine but the caller's, by ID.
func goroutines() map[string]string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for i, g := range strings.Split(string(buf), "\n\n") {
		if i == 0 {
			continue // the goroutine asking
		}
		head, _, _ := strings.Cut(g, "\n")
		// "goroutine 12 [chan receive]:"
		fields := strings.Fields(head)
		if len(fields) < 2 || fields[0] != "goroutine" {
			continue
		}
		out[fields[1]] = g
	}
	return out
}

// ignoredFrames are functions whose goroutines are not the test's to end:
// the runtime's and the testing package's own, the signal handler, and the
// connections an http.Transport keeps idle for reuse (they end when the
// server closes them, which a test does not wait for).
var ignoredFrames = []string{
	"testing.tRunner",
	"testing.(*T).Run",
	"testing.(*F).Fuzz",
	"testing.runFuzzing",
	"testing.runFuzzTests",
	"os/signal.signal_recv",
	"os/signal.loop",
	"runtime.ensureSigM",
	"net/http.(*persistConn).readLoop",
	"net/http.(*persistConn).writeLoop",
}

func ignored(stack string) bool {
	for _, f := range ignoredFrames {
		if strings.Contains(stack, f+"(") {
			return true
		}
	}
	return false
}
