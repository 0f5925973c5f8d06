package webhooks

import (
	"context"
	"sync"
)

// Mux routes events to callbacks by event type. Its HandleEvent method is the
// callback to give [NewHandler]. The zero value is ready to use and ignores
// every event. A Mux is safe for concurrent use.
type Mux struct {
	mu       sync.RWMutex
	routes   map[EventType]func(context.Context, *Event) error
	fallback func(context.Context, *Event) error
}

// Handle makes fn receive the events of type t, replacing any callback set
// before for t. A nil fn removes the route.
func (m *Mux) Handle(t EventType, fn func(ctx context.Context, ev *Event) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if fn == nil {
		delete(m.routes, t)
		return
	}
	if m.routes == nil {
		m.routes = make(map[EventType]func(context.Context, *Event) error)
	}
	m.routes[t] = fn
}

// HandleOther makes fn receive the events no route matches, including event
// types PagerDuty adds later. Without it such events are acknowledged and
// dropped.
func (m *Mux) HandleOther(fn func(ctx context.Context, ev *Event) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fallback = fn
}

// HandleEvent passes ev to the callback registered for its type, or to the
// HandleOther callback, and returns its error. Without a matching callback it
// returns nil.
func (m *Mux) HandleEvent(ctx context.Context, ev *Event) error {
	if ev == nil {
		return nil
	}
	m.mu.RLock()
	fn, ok := m.routes[ev.EventType]
	if !ok {
		fn = m.fallback
	}
	m.mu.RUnlock()
	if fn == nil {
		return nil
	}
	return fn(ctx, ev)
}
