package reliability

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
)

// LogBuffer collects log lines in memory, safely from many goroutines, so
// that a test can assert what they never contain. The zero value is ready
// to use.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// NewLogBuffer returns an empty LogBuffer.
func NewLogBuffer() *LogBuffer { return &LogBuffer{} }

// Write appends p; it is the io.Writer the logger writes to.
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Logger returns a logger that writes every record, debug included, to b
// as text.
func (b *LogBuffer) Logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// String returns everything logged so far.
func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Contains reports whether anything logged so far contains s.
func (b *LogBuffer) Contains(s string) bool { return strings.Contains(b.String(), s) }
