package reliability

import (
	"strings"
	"testing"
	"time"
)

// A goroutine started after the snapshot and still blocked is reported with
// its stack; once it ends, nothing is.
func TestLeakedFindsAndForgets(t *testing.T) {
	before := Snapshot()
	stop := make(chan struct{})
	go blockUntil(stop)
	leaked := Leaked(before, 50*time.Millisecond)
	if len(leaked) != 1 || !strings.Contains(leaked[0], "blockUntil") {
		t.Fatalf("leaked = %q, want the one blocked goroutine", leaked)
	}
	close(stop)
	if leaked := Leaked(before, time.Second); len(leaked) != 0 {
		t.Errorf("after it ended: %q", leaked)
	}
}

func blockUntil(c chan struct{}) { <-c }

func TestLogBufferCapturesEveryLevel(t *testing.T) {
	var b LogBuffer
	l := b.Logger()
	l.Debug("first", "k", "v1")
	l.Warn("second")
	if !b.Contains("first") || !b.Contains("k=v1") || !b.Contains("second") {
		t.Errorf("log buffer holds %q", b.String())
	}
	if b.Contains("third") {
		t.Error("Contains reports what was never logged")
	}
}
