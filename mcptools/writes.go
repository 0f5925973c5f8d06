package mcptools

import (
	"runtime"
	"sync"
	"weak"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// writeCounter counts the write calls of each session against a cap. It
// holds sessions weakly: a session that ends and is collected leaves no
// trace.
type writeCounter struct {
	limit int
	mu    sync.Mutex
	count map[weak.Pointer[mcp.ServerSession]]int
}

func newWriteCounter(limit int) *writeCounter {
	return &writeCounter{limit: limit, count: map[weak.Pointer[mcp.ServerSession]]int{}}
}

// check says why a write by sess would be refused, without recording one.
func (w *writeCounter) check(sess *mcp.ServerSession) error {
	if w.limit <= 0 || sess == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.count[weak.Make(sess)] >= w.limit {
		return w.refusal()
	}
	return nil
}

func (w *writeCounter) refusal() error {
	return userError("This session has made its %d write calls, the most this server allows per session: ask the user to make further changes in PagerDuty directly, or to start a new session.", w.limit)
}

// take records one write by sess, or says why it is refused. Calls with no
// session (a handler called directly) are not counted.
func (w *writeCounter) take(sess *mcp.ServerSession) error {
	if w.limit <= 0 || sess == nil {
		return nil
	}
	key := weak.Make(sess)
	w.mu.Lock()
	defer w.mu.Unlock()
	n, seen := w.count[key]
	if n >= w.limit {
		return w.refusal()
	}
	w.count[key] = n + 1
	if !seen {
		runtime.AddCleanup(sess, func(k weak.Pointer[mcp.ServerSession]) {
			w.mu.Lock()
			delete(w.count, k)
			w.mu.Unlock()
		}, key)
	}
	return nil
}
