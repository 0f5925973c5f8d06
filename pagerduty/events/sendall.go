package events

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// DefaultConcurrency is how many events SendAll has in flight at once when
// its options do not say.
const DefaultConcurrency = 8

// SendAllOptions tunes [Client.SendAll]. The zero value (and nil) means the
// defaults.
type SendAllOptions struct {
	// Concurrency is the most events sent at the same time. Zero or less
	// means DefaultConcurrency. Events of one routing key are still paced by
	// the client's rate limit, whatever the concurrency.
	Concurrency int
}

// Result is the outcome of one event sent by [Client.SendAll]: the answer,
// or the error [Client.Send] would have returned.
type Result struct {
	Response *Response
	Err      error
}

// SendAll sends a burst of events concurrently and returns one Result per
// event, in the order of events. At most opts.Concurrency events are in
// flight at once, and the events of each routing key are paced by the
// client's rate limit (see [WithRateLimit]), so a burst for one integration
// is spread out instead of meeting PagerDuty's 429s.
//
// When ctx ends, SendAll stops: events not yet started get ctx.Err() itself
// as their Err, and events waiting for their routing key's turn or in flight
// end with an error that wraps it (errors.Is(err, ctx.Err()) holds for all).
// SendAll returns only when every goroutine it started has finished.
//
// Events are independent: an invalid one gets its *ValidationError and the
// others are still sent. Events that must reach PagerDuty in order (a
// trigger and then its resolve) belong in separate calls, or in one call
// with Concurrency 1.
func (c *Client) SendAll(ctx context.Context, events []Event, opts *SendAllOptions) []Result {
	results := make([]Result, len(events))
	if len(events) == 0 {
		return results
	}
	if ctx == nil {
		err := errors.New("events: nil context: pass context.Background() or a request's context")
		for i := range results {
			results[i].Err = err
		}
		return results
	}
	workers := DefaultConcurrency
	if opts != nil && opts.Concurrency > 0 {
		workers = opts.Concurrency
	}
	workers = min(workers, len(events))

	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(events) {
					return
				}
				if err := ctx.Err(); err != nil {
					results[i].Err = err
					continue
				}
				results[i].Response, results[i].Err = c.Send(ctx, events[i])
			}
		}()
	}
	wg.Wait()
	return results
}
